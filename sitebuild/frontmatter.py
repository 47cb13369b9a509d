"""A page's front matter (the YAML between two '---' lines) and the Markdown under it.

The same rule as MkDocs' own (`mkdocs.utils.meta`): front matter that is not a mapping,
or not valid YAML, is no front matter at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

_YAML = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Source:
    """A page as its editor wrote it: front matter, body, and the body's first line."""

    meta: dict[str, Any]
    body: str
    first_line: int


def split(text: str) -> Source:
    match = _YAML.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            meta = None
        if isinstance(meta, dict):
            rest = text[match.end() :]
            body = rest.lstrip("\n")
            first_line = text[: len(text) - len(body)].count("\n") + 1
            return Source(meta, body, first_line)
    return Source({}, text, 1)


def field_line(text: str, key: str) -> int:
    """The line (1-based) of a top-level `key:` in the file, or 1 when it is missing."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1
