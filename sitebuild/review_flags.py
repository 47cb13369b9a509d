"""Pages that editors still have to check: the `review:` field of their front matter.

A page gets `review: "wat na te kijken"` when a fact is missing or uncertain (chat hours,
another organisation's details). The field is for editors only: it never reaches the
HTML. After each build the build prints one line per flagged page:

    INFO - Na te kijken: docs/contact/index.md – de chaturen op 1712.be

An empty `review:` field is a mistake (the editor forgot to say what to check).
"""

from __future__ import annotations

from typing import Any

from sitebuild.frontmatter import field_line
from sitebuild.problems import Problem


def review_text(meta: dict[str, Any]) -> str | None:
    """The review note in the front matter, or None when the page has none."""
    if "review" not in meta:
        return None
    value = meta["review"]
    if isinstance(value, list):
        return "; ".join(str(item).strip() for item in value if str(item).strip())
    return "" if value is None else str(value).strip()


def check_review(meta: dict[str, Any], text: str) -> tuple[str | None, list[Problem]]:
    """(the note to list, or None; the problem of an empty field) for one page's file."""
    note = review_text(meta)
    if note == "":
        return None, [
            Problem(
                field_line(text, "review"),
                "het veld 'review:' is leeg. Schrijf erbij wat er nagekeken moet worden, "
                "of haal het veld weg als alles klopt.",
            )
        ]
    return note, []


def report(flags: dict[str, str]) -> list[str]:
    """The lines the build prints after a build: one per flagged page, by file name."""
    return [f"Na te kijken: {name} – {flags[name]}" for name in sorted(flags)]
