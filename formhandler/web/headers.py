"""Security headers on every response: the same policy nginx sets in production.

The values live here once; `deploy/render_nginx.py` writes them into the nginx
configuration, so a page looks the same to a browser whether nginx serves it
from `site/` or formhandler renders it.

The Content-Security-Policy allows scripts from our own host plus the inline
scripts Material writes, by their SHA-256 hash (computed at build time by
`hooks/csp.py` into `site/csp-hashes.json`): no 'unsafe-inline' for scripts.
Form and staff pages are never stored by a browser or proxy (`no-store`): a
shared computer must not show a message in its cache.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from formhandler.core.settings import Settings, SettingsError
from formhandler.core.urls import STAFF_PREFIX

log = logging.getLogger("formhandler.web.headers")

HASHES_FILE = "csp-hashes.json"
# The marker formhandler replaces with a form; pages that have it are form pages.
FORM_SLOT_MARKER = "data-form-slot"
STAFF_PATHS = STAFF_PREFIX + "/"
ALWAYS_NO_STORE = ("/healthz", STAFF_PATHS)

# One year; not includeSubDomains, since other hosts of the domain are not ours to judge.
STRICT_TRANSPORT_SECURITY = "max-age=31536000"
# Nothing on the site needs a device feature; deny every one a browser knows.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


def content_security_policy(script_hashes: Iterable[str]) -> str:
    """The policy; `script_hashes` are CSP sources such as "'sha256-…'" (or an nginx variable)."""
    script_src = " ".join(["'self'", *script_hashes])
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {script_src}",
            "style-src 'self'",
            # Material's stylesheets draw their icons from data: URIs.
            "img-src 'self' data:",
            "font-src 'self'",
            # The search worker loads the search index from our own host.
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "object-src 'none'",
        )
    )


def security_headers(script_hashes: Iterable[str], *, production: bool) -> dict[str, str]:
    """Every header set on every response (besides Cache-Control)."""
    headers = {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if production:
        headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
    return headers


def load_script_hashes(site_dir: Path, *, production: bool) -> list[str]:
    """The hashes `hooks/csp.py` wrote for the whole site."""
    path = site_dir / HASHES_FILE
    try:
        return list(json.loads(path.read_text(encoding="utf-8"))["script_hashes"])
    except (OSError, ValueError, KeyError) as error:
        message = (
            f"{path} is missing or unreadable, so the Content-Security-Policy would block "
            "the site's inline scripts. Build the site with 'make build' (hooks/csp.py "
            "writes it)."
        )
        if production:
            raise SettingsError(message) from error
        log.warning(message)
        return []


def form_page_paths(site_dir: Path) -> list[str]:
    """URL paths of the built pages that hold a form ('/contact/mail/', '/kinderen/mail/')."""
    paths = []
    for page in sorted(site_dir.rglob("index.html")):
        if FORM_SLOT_MARKER in page.read_text(encoding="utf-8"):
            relative = page.parent.relative_to(site_dir).as_posix()
            paths.append("/" if relative == "." else f"/{relative}/")
    return paths


class SecurityHeaders:
    """ASGI middleware: the security headers on every response, `no-store` where needed.

    A header a route already set is kept (a page may need a stricter policy);
    `no-store` always wins on form and staff pages and on every non-GET answer.
    """

    def __init__(
        self, app: ASGIApp, *, headers: dict[str, str], no_store_prefixes: Sequence[str]
    ) -> None:
        self.app = app
        self.headers = headers
        self.no_store_prefixes = tuple(no_store_prefixes)

    def no_store(self, scope: Scope) -> bool:
        if scope["method"] not in ("GET", "HEAD"):
            return True
        path = scope["path"]
        return path.startswith(self.no_store_prefixes) or (path + "/").startswith(
            self.no_store_prefixes
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        no_store = self.no_store(scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers.setdefault(name, value)
                if no_store:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def middleware_options(settings: Settings) -> dict[str, object]:
    """The keyword arguments of SecurityHeaders for this service's settings and site."""
    production = not settings.development
    hashes = load_script_hashes(settings.site_dir, production=production)
    return {
        "headers": security_headers(hashes, production=production),
        "no_store_prefixes": (*ALWAYS_NO_STORE, *form_page_paths(settings.site_dir)),
    }
