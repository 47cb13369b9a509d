"""The newsroom at /medewerkers/redactie/: Decap CMS behind the staff login.

Only accounts with the role `redactie` (and coordinators) get in; anyone else logged in
gets the staff side's 404, and without a session every URL here answers like any staff
URL: a redirect to the login. Decap's files come from our own node_modules (installed by
`make install`), its config from formhandler/staff/decap_config.py, and every call it
makes goes through `api/<CSRF token>/v1` to decap-server on 127.0.0.1, one at a time
(formhandler/staff/newsroom.py). A commit starts a publish; its result, and a preview of
the site as on a chosen day, are staff pages here.
"""

from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass
from datetime import date, datetime

from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from formhandler.core.settings import ROOT, Settings
from formhandler.core.urls import STAFF_PREFIX
from formhandler.core.workdays import BRUSSELS
from formhandler.staff import accounts, decap_config, sessions
from formhandler.staff.decap import DecapServer
from formhandler.staff.newsroom import Newsroom
from formhandler.staff.publishing import Publisher
from formhandler.web.headers import content_security_policy, load_script_hashes
from formhandler.web.staff_context import Context, page

HERE = f"{STAFF_PREFIX}/redactie"
DECAP_DIST = ROOT / "node_modules" / "decap-cms" / "dist"
DECAP_FILES = (".js", ".css", ".wasm")
MAX_BODY = 25 * 1024 * 1024  # an image of a few MB, base64-encoded by Decap
# Decap CMS (React with emotion) writes its styles into <style> elements at run time, and
# checks its configuration with a validator that compiles its rules into functions (ajv):
# the editor's page only allows inline styles and 'unsafe-eval'. Scripts still come only
# from our own host, and nothing else may be fetched or framed from anywhere else.
CMS_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    )
)
SHELL = """<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>Redactie – 1712 medewerkers</title>
  <link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
  <noscript>De redactie heeft JavaScript nodig. Zonder JavaScript kan je de teksten
  aanpassen zoals EDITING.md beschrijft (met een teksteditor).</noscript>
  <script src="decap/decap-cms.js"></script>
</body>
</html>
"""


@dataclass
class NewsroomSide:
    newsroom: Newsroom
    publisher: Publisher

    def stop(self) -> None:
        self.newsroom.server.stop()


def setup(settings: Settings, on_published) -> NewsroomSide | None:  # type: ignore[no-untyped-def]
    """The newsroom's parts when FORMHANDLER_NEWSROOM_REPO is set (decap-server starts lazily)."""
    if settings.newsroom_repo is None:
        return None
    server = DecapServer(settings.newsroom_repo, settings.data_dir / "redactie" / "decap.log")
    return NewsroomSide(
        newsroom=Newsroom(settings.newsroom_repo, server),
        publisher=Publisher(settings, on_published),
    )


def _side(ctx: Context) -> NewsroomSide | None:
    return getattr(ctx.request.app.state, "newsroom", None)


def _not_configured(ctx: Context) -> Response:
    return ctx.render(
        "staff_error.html",
        status=404,
        heading="Geen redactie",
        text="De redactie is op deze server niet ingesteld (FORMHANDLER_NEWSROOM_REPO).",
    )


def _local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp).astimezone(BRUSSELS)
    return f"{moment:%H.%M} uur op {moment:%d-%m-%Y}"


def _publication(side: NewsroomSide) -> dict[str, object]:
    status = side.publisher.status()
    problems = status.get("problems") or []
    return {
        "state": status.get("state"),
        "when": _local_time(status.get("finished")),
        "started": _local_time(status.get("started")),
        "revision": (status.get("revision") or "")[:10],
        "problems": problems,
        "count": len(problems),
    }


async def home(ctx: Context) -> Response:
    side = _side(ctx)
    if side is None:
        return _not_configured(ctx)
    ctx.audit("view_newsroom")
    return ctx.render("staff_newsroom.html", publication=_publication(side), today=date.today())


async def cms_shell(ctx: Context) -> Response:
    if _side(ctx) is None:
        return _not_configured(ctx)
    response = Response(SHELL, media_type="text/html; charset=utf-8")
    response.headers["Content-Security-Policy"] = CMS_POLICY
    return response


async def cms_config(ctx: Context) -> Response:
    side = _side(ctx)
    if side is None:
        return _not_configured(ctx)
    branch = await run_in_threadpool(side.newsroom.branch)
    text = decap_config.config(f"{HERE}/api/{ctx.session.csrf}/v1", branch)
    return Response(text, media_type="text/yaml; charset=utf-8")


async def decap_file(ctx: Context) -> Response:
    name = ctx.request.path_params["name"]
    path = DECAP_DIST / name
    if "/" in name or not name.endswith(DECAP_FILES) or not path.is_file():
        return ctx.not_found()
    kind = "application/wasm" if name.endswith(".wasm") else None
    return FileResponse(path, media_type=kind)


def _json(status: int, message: str) -> Response:
    body = json.dumps({"error": message}, ensure_ascii=False)
    return Response(body, status_code=status, media_type="application/json")


async def proxy(ctx: Context) -> Response:
    """Decap's calls to decap-server: session, role and CSRF checked by the time we are here."""
    side = _side(ctx)
    if side is None:
        return _json(404, "De redactie is niet ingesteld.")
    assert ctx.user is not None
    if not sessions.csrf_ok(ctx.session, ctx.request.path_params["token"]):
        ctx.audit("csrf_rejected", "redactie", outcome="geweigerd")
        return _json(403, "Dit venster is verlopen. Laad de pagina opnieuw en meld je aan.")
    if not ctx.request.headers.get("content-type", "").startswith("application/json"):
        return _json(415, "De redactie spreekt alleen JSON.")
    body = await ctx.request.body()
    if len(body) > MAX_BODY:
        return _json(413, "Dit bestand is te groot: hoogstens 15 MB.")
    try:
        payload = json.loads(body)
    except ValueError:
        return _json(400, "Onleesbare vraag.")
    window = f"{ctx.user.id}:{ctx.session.started}"
    answer = await run_in_threadpool(side.newsroom.handle, ctx.user.name, window, payload)
    if answer.committed:
        ctx.audit("newsroom_commit", str(payload.get("action")))
        side.publisher.request()
    elif answer.status in (403, 409, 422):
        ctx.audit("newsroom_refused", str(payload.get("action")), outcome="geweigerd")
    return Response(answer.body, status_code=answer.status, media_type="application/json")


async def publication(ctx: Context) -> Response:
    side = _side(ctx)
    if side is None:
        return _not_configured(ctx)
    ctx.audit("view_publication")
    return ctx.render("staff_newsroom_publish.html", publication=_publication(side))


async def publish_again(ctx: Context) -> Response:
    side = _side(ctx)
    if side is None:
        return _not_configured(ctx)
    side.publisher.request()
    ctx.audit("newsroom_publish")
    return ctx.redirect(f"{HERE}/publicatie")


async def preview_form(ctx: Context) -> Response:
    if _side(ctx) is None:
        return _not_configured(ctx)
    return ctx.render("staff_newsroom_preview.html", day=date.today().isoformat(), result=None)


async def preview_build(ctx: Context) -> Response:
    side = _side(ctx)
    if side is None:
        return _not_configured(ctx)
    value = str(ctx.request.state.form.get("datum", "")).strip()
    audience = str(ctx.request.state.form.get("site", ""))
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return ctx.render(
            "staff_newsroom_preview.html",
            status=400,
            error_title=True,
            day=value,
            error="Kies een datum, bijvoorbeeld 2026-12-01.",
            result=None,
        )
    result = await run_in_threadpool(side.publisher.preview, day)
    ctx.audit("newsroom_preview", day.isoformat())
    if not result.get("ok"):
        return ctx.render(
            "staff_newsroom_preview.html", status=422, day=value, result=result, error=None
        )
    start = {"kinderen": "kinderen/", "jongeren": "jongeren/"}.get(audience, "")
    return ctx.redirect(f"{HERE}/voorbeeld/site/{start}")


async def preview_file(ctx: Context) -> Response:
    side = _side(ctx)
    if side is None:
        return _not_configured(ctx)
    root = side.publisher.preview_dir.resolve()
    wanted = (root / ctx.request.path_params["path"]).resolve()
    if wanted.is_dir():
        wanted = wanted / "index.html"
    if not wanted.is_relative_to(root) or not wanted.is_file():
        return ctx.not_found()
    if wanted.name == "index.html" and not ctx.request.url.path.endswith(("/", ".html")):
        return ctx.redirect(f"{ctx.request.url.path}/")
    response = FileResponse(wanted, media_type=mimetypes.guess_type(wanted.name)[0])
    if wanted.suffix == ".html":
        hashes = load_script_hashes(root, production=False)
        response.headers["Content-Security-Policy"] = content_security_policy(hashes)
    return response


ROLES = accounts.NEWSROOM_ROLES


def routes() -> list[Route]:
    return [
        Route("/redactie/", page(home, roles=ROLES), name="newsroom_home"),
        Route("/redactie/cms/", page(cms_shell, roles=ROLES)),
        Route("/redactie/cms/config.yml", page(cms_config, roles=ROLES)),
        Route("/redactie/cms/decap/{name}", page(decap_file, roles=ROLES)),
        Route(
            "/redactie/api/{token}/v1",
            page(proxy, roles=ROLES, form=False),
            methods=["POST"],
        ),
        Route("/redactie/publicatie", page(publication, roles=ROLES), name="newsroom_publication"),
        Route("/redactie/publiceren", page(publish_again, roles=ROLES), methods=["POST"]),
        Route(
            "/redactie/voorbeeld",
            page(preview_form, roles=ROLES),
            methods=["GET"],
            name="newsroom_preview",
        ),
        Route("/redactie/voorbeeld", page(preview_build, roles=ROLES), methods=["POST"]),
        Route("/redactie/voorbeeld/site/{path:path}", page(preview_file, roles=ROLES)),
    ]
