"""Hashes of every inline script, so the Content-Security-Policy needs no 'unsafe-inline'.

Material writes small inline scripts into every page (`__md_scope` with the
page's depth, the tabbed-content fix, a palette script when a toggle is on).
After each build `hash_site` hashes every inline script the browser would run
(SHA-256, base64, as CSP wants) and writes them where the servers read them:

- `<audience site>/csp-hashes.json`: the hashes of that audience's pages;
- `site/csp-hashes.json` (the whole site): every audience merged, read by
  formhandler (`formhandler/headers.py`);
- `site/csp-hashes.nginx`: the same as an nginx `set`, included by the server
  block in `deploy/nginx/` (nginx must be reloaded after a new build).

The three audiences build separately (the children's and youth sites side by
side), so the merge happens under a file lock: whichever build finishes last
sees the others. JSON data blocks (`type="application/json"`, Material's
`__config`) are never run, so they need no hash.

An inline event handler (`onclick="…"`) cannot be allowed by a hash;
`event_handler_problem` gives the editor's message for a page that has one.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
import re
from pathlib import Path, PurePosixPath

HASHES_FILE = "csp-hashes.json"
NGINX_FILE = "csp-hashes.nginx"
LOCK_FILE = ".csp-hashes.lock"
# Types a browser runs as script; anything else is a data block.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=", re.IGNORECASE)


def script_hash(source: str) -> str:
    """The CSP source expression for one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_script_hashes(html: str) -> set[str]:
    """Hashes of the inline scripts in one page that a browser would run."""
    hashes = set()
    for match in _SCRIPT.finditer(html):
        attributes, source = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).lower() not in SCRIPT_TYPES:
            continue
        hashes.add(script_hash(source))
    return hashes


def event_handler_problem(html: str, where: str) -> str | None:
    """The editor's message when a page has an inline event handler, else None."""
    handler = _EVENT_HANDLER.search(html)
    if not handler:
        return None
    return (
        f"{where}: de pagina heeft een '{handler.group(1)}'-attribuut (JavaScript in HTML). "
        "De Content-Security-Policy van de site blokkeert dat; haal het weg of zet het "
        "script in overrides/assets/javascripts/."
    )


def site_root(site_dir: Path, audience_path: str) -> Path:
    """The folder of the whole site: `site/` for `site/kinderen` built at /kinderen/."""
    parts = PurePosixPath(audience_path.strip("/")).parts if audience_path.strip("/") else ()
    if parts and tuple(site_dir.parts[-len(parts) :]) == parts:
        return site_dir.parents[len(parts) - 1]
    # `mkdocs serve` builds into a temporary folder: that folder is the whole site.
    return site_dir


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def nginx_include(hashes: list[str]) -> str:
    return (
        "# Written by sitebuild/csp.py at build time: the hashes of the inline scripts of\n"
        "# every built page. Reload nginx after each build (systemctl reload nginx).\n"
        f'set $csp_script_hashes "{"".join(" " + value for value in hashes)}";\n'
    )


def merge(root: Path, audience: str, hashes: list[str]) -> list[str]:
    """Add one audience's hashes to the whole site's files; returns the merged list."""
    with open(root / LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        merged_path = root / HASHES_FILE
        audiences: dict[str, list[str]] = {}
        if merged_path.is_file():
            audiences = json.loads(merged_path.read_text(encoding="utf-8")).get("audiences", {})
        audiences[audience] = hashes
        every = sorted({value for values in audiences.values() for value in values})
        document = {"script_hashes": every, "audiences": dict(sorted(audiences.items()))}
        _write(merged_path, json.dumps(document, indent=1) + "\n")
        _write(root / NGINX_FILE, nginx_include(every))
    return every


def hash_site(site_dir: Path, audience: str, audience_path: str) -> tuple[list[str], list[str]]:
    """Hash one audience's built pages and merge them: (its hashes, the whole site's)."""
    hashes: set[str] = set()
    for path in site_dir.rglob("*.html"):
        hashes |= inline_script_hashes(path.read_text(encoding="utf-8"))
    ordered = sorted(hashes)
    root = site_root(site_dir, audience_path)
    if root != site_dir:
        _write(site_dir / HASHES_FILE, json.dumps({"script_hashes": ordered}, indent=1) + "\n")
    return ordered, merge(root, audience, ordered)
