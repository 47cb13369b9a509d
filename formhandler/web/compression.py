"""Static files sent compressed, as nginx sends its .gz files in production.

Only for files that are the same for everyone (the built site, the forms' stylesheet and
script): a page that carries a form token or what a person typed is never compressed,
since compression next to a secret invites BREACH-style guessing.
"""

from __future__ import annotations

from pathlib import Path

from starlette.middleware.gzip import GZipMiddleware
from starlette.staticfiles import StaticFiles


def compressed_static(directory: Path, *, html: bool = False) -> GZipMiddleware:
    return GZipMiddleware(
        StaticFiles(directory=directory, html=html), minimum_size=512, compresslevel=6
    )
