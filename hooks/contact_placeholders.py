"""MkDocs adapter for sitebuild/contact.py: fill `{{ hulplijn.telefoon }}` and
`{{ tel:awel }}` in pages from `extra.contact` (data/contact.yml)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sitebuild import contact
from sitebuild.languages import language_of

log = logging.getLogger("mkdocs.plugins.1712.contact")


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    language = language_of(config.theme.get("language"))
    filled, problems = contact.fill_placeholders(markdown, config.extra["contact"], language)
    for problem in problems:
        log.warning(problem.at(source))
    return filled
