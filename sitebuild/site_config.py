"""What the templates read from `extra`, set from data/ before the generator starts.

The templates (`overrides/partials/emergency.html`, `closed-hours.html`,
`reach-1712.html`) read the contact facts as `config.extra.contact`. So that they do
not depend on a hook, `tools/build_site.py` writes, next to each configuration, a generated one that
inherits it and adds these values:

    # mkdocs.kinderen.generated.yml
    INHERIT: mkdocs.kinderen.yml
    extra:
      contact: {...}         # data/contact.yml
      chat_url: https://...  # CHAT_URL: where the chat service itself lives
      kalender: {...}        # the "open now" calendar for a year (sitebuild/open_now.py)

and builds from that file. Any generator that reads `INHERIT` and `extra` (MkDocs,
Zensical's MkDocs compatibility) gets the same values without running our hooks. A
plain `mkdocs serve -f mkdocs.yml` still works: hooks/site_extra.py fills in what
is missing, from the same function.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from sitebuild.contact import CONTACT_FILE, load_calendar, load_contacts
from sitebuild.news import site_date
from sitebuild.open_now import site_calendar

HEADER = (
    "# Written by tools/build_site.py from data/ before every build: do not edit, and do not\n"
    "# commit. It adds to {base} what the templates read from `extra`\n"
    "# (sitebuild/site_config.py).\n"
)


# review: the chat's own address is not in our sources (FACTS.md): 1712.be is where the
# chat was reached from. Set CHAT_URL at build time when the chat moves.
DEFAULT_CHAT_URL = "https://www.1712.be/"


def site_extra(root: Path, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The values of `extra` that come from data files and build settings (CHAT_URL, and
    SITE_DATE for the first day of the "open now" calendar)."""
    environ = os.environ if environ is None else environ
    return {
        "contact": load_contacts(root / CONTACT_FILE),
        "chat_url": environ.get("CHAT_URL", "").strip() or DEFAULT_CHAT_URL,
        "kalender": site_calendar(load_calendar(root / CONTACT_FILE), site_date(dict(environ))),
    }


def generated_name(base: str) -> str:
    """'mkdocs.kinderen.yml' -> 'mkdocs.kinderen.generated.yml'."""
    stem = base.removesuffix(".yml")
    return f"{stem}.generated.yml"


def generated_config(base: str, extra: dict[str, Any]) -> str:
    """The text of a configuration that inherits `base` and adds `extra`."""
    body = yaml.safe_dump(
        {"INHERIT": base, "extra": extra}, allow_unicode=True, sort_keys=False, width=100
    )
    return HEADER.format(base=base) + body


def write_generated_config(root: Path, base: str, extra: dict[str, Any]) -> Path:
    """Write it beside `base` (relative paths in it stay right); returns its path."""
    path = root / generated_name(base)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(generated_config(base, extra), encoding="utf-8")
    os.replace(temporary, path)
    return path
