"""The formhandler application: the built site, the forms, the staff side, /healthz.

In production a web server serves `site/` itself and passes only the form and
staff URLs here; `make serve` lets this one process do everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Protocol

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from formhandler.core.config_check import check_production
from formhandler.core.settings import Settings, SettingsError, load_settings
from formhandler.core.urls import STAFF_PREFIX
from formhandler.forms.pickup import Pickup
from formhandler.mail import outbox
from formhandler.mail.outbox import Mailer
from formhandler.mail.smtp import smtp_mailer
from formhandler.staff import scheduler
from formhandler.storage import database, replication
from formhandler.web import form_pages, newsroom, pickup_pages, staff_pages
from formhandler.web.compression import compressed_static
from formhandler.web.headers import (
    SecurityHeaders,
    load_script_hashes,
    middleware_options,
    security_headers,
)

log = logging.getLogger("formhandler")


class Sink(Protocol):
    """A local SMTP server that keeps mails (the development start's sink)."""

    @property
    def mailer(self) -> Mailer: ...


SinkStarter = Callable[[Settings], AbstractContextManager[Sink | None]]


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    """Choose the mailer (SMTP, the development sink, or none) and run the scheduler."""
    settings: Settings = app.state.settings
    start_sink: SinkStarter | None = app.state.start_sink
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(start_sink(settings)) if start_sink else None
        mailer: Mailer | None = None
        if settings.smtp_host:
            mailer = smtp_mailer(settings)
        elif sink is not None:
            mailer = sink.mailer
        else:
            log.error("FORMHANDLER_SMTP_HOST is not set: mails wait in the outbox until it is")
        app.state.mailer = mailer
        app.state.mail_sink = sink
        task = asyncio.create_task(scheduler.run_forever(settings, mailer))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            if app.state.newsroom is not None:
                app.state.newsroom.stop()  # decap-server ends with the service


def reload_site(app: Starlette) -> None:
    """After the newsroom published: the new form pages and inline-script hashes."""
    settings: Settings = app.state.settings
    app.state.forms.reload_shells()
    production = not settings.development
    hashes = load_script_hashes(settings.site_dir, production=production)
    app.state.security_headers.update(security_headers(hashes, production=production))


async def healthz(request: Request) -> JSONResponse:
    """Liveness, the outbox and the replica; no personal data.

    Status "mail-delayed" when a mail has waited 30 minutes or more, else
    "replication-delayed" when the replica is more than a minute behind or Litestream
    does not answer (storage/replication.py).
    """
    settings = request.app.state.settings
    conn = database.connect(settings.database_path)
    try:
        waiting = outbox.waiting(conn, datetime.now(UTC))
    finally:
        conn.close()
    replica = await asyncio.to_thread(replication.status, settings)
    status = "ok"
    if waiting.delayed:
        status = "mail-delayed"
    elif replica.warning:
        status = "replication-delayed"
    body = {
        "status": status,
        "outbox": {"waiting": waiting.count, "oldest_seconds": waiting.oldest_seconds},
        "replication": replica.as_json(),
    }
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


def create_app(
    settings: Settings | None = None, *, start_sink: SinkStarter | None = None
) -> Starlette:
    """The service. `start_sink` is the development start's local mail sink, if any."""
    settings = settings or load_settings()
    # Unsafe production settings stop the service here (formhandler/config_check.py).
    check_production(settings)
    if not (settings.site_dir / "index.html").is_file():
        raise SettingsError(
            f"The built site is missing in {settings.site_dir}. Run 'make build' first, "
            "or set FORMHANDLER_SITE_DIR to the folder that holds it."
        )
    routes = [
        Route("/healthz", healthz),
        # The forms (formhandler/form_pages.py) before the site's static Mount.
        *form_pages.routes(),
        # Reading the answer on the site (formhandler/web/pickup_pages.py).
        *pickup_pages.routes(),
        # The newsroom's routes first: the staff routes end with their stylesheet's Mount.
        Mount(STAFF_PREFIX, routes=[*newsroom.routes(), *staff_pages.routes()]),
        # The built site compressed, so `make serve` is as light as nginx with its .gz files.
        # Only the static site: the form pages carry a token and what a person typed, and
        # compressing such pages invites BREACH-style guessing.
        Mount("/", app=compressed_static(settings.site_dir, html=True), name="site"),
    ]
    # Security headers on every response, the same nginx sets (formhandler/headers.py).
    options = middleware_options(settings)
    middleware = [
        # An unknown Host header gets 400 before anything can reflect it in a redirect.
        Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts)),
        Middleware(SecurityHeaders, **options),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.settings = settings
    app.state.start_sink = start_sink
    app.state.security_headers = options["headers"]  # the dict the middleware reads
    app.state.forms = form_pages.FormService(settings)
    forms = app.state.forms
    app.state.pickup = pickup_pages.PickupService(
        settings, Pickup(settings, forms.cipher, forms.teams), forms.tokens
    )
    app.state.staff = staff_pages.setup(settings)
    app.state.newsroom = newsroom.setup(settings, on_published=lambda: reload_site(app))
    return app


def server_options(settings: Settings) -> dict[str, object]:
    """uvicorn's options for this service: X-Forwarded-For only from the trusted proxies.

    No access log: it would write client IP addresses.
    """
    trusted = ",".join(settings.trusted_proxies)
    return {
        "access_log": False,
        "proxy_headers": bool(trusted),
        # An empty list trusts nobody: a local process talking to us directly cannot
        # pretend to be many clients and slip under the limits.
        "forwarded_allow_ips": trusted or "",
    }
