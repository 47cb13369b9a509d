"""List the pages that editors still have to check, at the end of each build.

A page gets a front-matter field `review: "wat na te kijken"` when a fact is
missing or uncertain (chat hours, another organisation's details). The field is
for editors only: MkDocs keeps front matter out of the HTML, and this hook only
reads it. After each build (each language of the adult site is a build of its
own) the build prints one INFO line per flagged page:

    INFO - Na te kijken: docs/contact/index.md – de chaturen op 1712.be

An empty `review:` field is a mistake (the editor forgot to say what to check)
and gives a warning, which fails the strict build.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.1712.review")

# Flags of the pages of the build that is running; mkdocs-static-i18n runs one
# build per language inside the first one, each with its own pre/post events.
_flags: dict[str, str] = {}


def source_name(page: Any, config: Any) -> str:
    """The page's file as an editor knows it: 'docs/contact/index.fr.md'."""
    path = Path(page.file.abs_src_path)
    root = Path(config.config_file_path).parent
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def review_text(meta: dict[str, Any]) -> str | None:
    """The review note in the front matter, or None when the page has none."""
    if "review" not in meta:
        return None
    value = meta["review"]
    if isinstance(value, list):
        return "; ".join(str(item).strip() for item in value if str(item).strip())
    return "" if value is None else str(value).strip()


def front_matter_line(page: Any) -> int:
    """The line of the `review:` field in the source file, for the editor's message."""
    lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if line.startswith("review:"):
            return number
    return 1


def on_pre_build(config: Any) -> None:
    _flags.clear()


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    text = review_text(page.meta)
    if text is None:
        return markdown
    name = source_name(page, config)
    if not text:
        log.warning(
            f"{name}, regel {front_matter_line(page)}: het veld 'review:' is leeg. "
            f"Schrijf erbij wat er nagekeken moet worden, of haal het veld weg als alles klopt."
        )
        return markdown
    _flags[name] = text
    return markdown


def on_post_build(config: Any) -> None:
    for name in sorted(_flags):
        log.info(f"Na te kijken: {name} – {_flags[name]}")
    _flags.clear()
