"""MkDocs adapter for sitebuild/review_flags.py: collect the flags, list them after a build."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sitebuild.review_flags import check_review, report

log = logging.getLogger("mkdocs.plugins.1712.review")

# Flags of the build that is running; mkdocs-static-i18n runs one build per language
# inside the first one, each with its own pre- and post-build events.
_flags: dict[str, str] = {}


def _source_name(page: Any, config: Any) -> str:
    """The page's file as an editor knows it: 'docs/contact/index.fr.md'."""
    path = Path(page.file.abs_src_path)
    try:
        return path.relative_to(Path(config.config_file_path).parent).as_posix()
    except ValueError:
        return path.as_posix()


def on_pre_build(config: Any) -> None:
    _flags.clear()


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    if "review" not in page.meta or not page.file.abs_src_path:
        return markdown
    name = _source_name(page, config)
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    note, problems = check_review(page.meta, text)
    for problem in problems:
        log.warning(problem.at(name))
    if note:
        _flags[name] = note
    return markdown


def on_post_build(config: Any) -> None:
    for line in report(_flags):
        log.info(line)
    _flags.clear()
