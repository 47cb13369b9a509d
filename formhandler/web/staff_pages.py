"""The staff side at /medewerkers/: login, queues, messages, replies, coordinators' views.

Plain server-rendered pages (Jinja2 with autoescape: message text is always shown as
text), no JavaScript, usable with the keyboard alone. Every view and action is written
to the audit log; a message outside the account's queues answers 404 exactly like one
that does not exist, and the attempt is audited.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from formhandler.core.categories import CALLBACK_OUTCOMES, FOLLOWUPS, PROBLEMS
from formhandler.core.crypto import DataCipher
from formhandler.core.settings import Settings
from formhandler.core.teams import Teams, load_teams
from formhandler.core.workdays import BRUSSELS, describe_left, working_time_left
from formhandler.forms.specs import FORMS, say
from formhandler.mail import outbox
from formhandler.staff import accounts, replies, sessions, workflow
from formhandler.staff.throttle import LoginThrottle
from formhandler.storage import audit, database, statistics
from formhandler.storage.sink import received_mails

PREFIX = "/medewerkers"
_HERE = Path(__file__).resolve().parent
_TEMPLATES = Environment(
    loader=FileSystemLoader(_HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def _local(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(BRUSSELS)
    return f"{_DAYS[local.weekday()]} {local:%d-%m-%Y %H:%M}"


_TEMPLATES.filters["local"] = _local


@dataclass
class StaffSide:
    settings: Settings
    cipher: DataCipher
    throttle: LoginThrottle
    teams: Teams
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    @property
    def queues(self) -> dict[str, str]:
        """Queue key -> name, in the order of the teams file."""
        return {key: queue.name for key, queue in self.teams.queues.items()}

    def db(self) -> sqlite3.Connection:
        return database.connect(self.settings.database_path)


@dataclass
class Context:
    """One staff request: its session, the account (when logged in) and a connection."""

    request: Request
    side: StaffSide
    session: sessions.Session
    user: accounts.StaffUser | None
    db: sqlite3.Connection

    def render(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        delayed = self.user is not None and outbox.waiting(self.db, self.side.clock()).delayed
        html = _TEMPLATES.get_template(template).render(
            outbox_warning=(
                "Er wachten mails die al meer dan 30 minuten niet verstuurd konden worden. "
                "Verwittig de technische dienst."
                if delayed
                else None
            ),
            user=self.user,
            csrf=self.session.csrf,
            nav=self._nav(),
            **values,
        )
        response = HTMLResponse(html, status_code=status)
        sessions.save(self.side.settings, self.request, response, self.session)
        return response

    def redirect(self, url: str) -> RedirectResponse:
        response = RedirectResponse(url, status_code=303)
        sessions.save(self.side.settings, self.request, response, self.session)
        return response

    def _nav(self) -> list[dict[str, Any]]:
        if self.user is None:
            return []
        links = [
            (f"{PREFIX}/wachtrij/{queue}", f"Wachtrij {self.side.queues[queue]}")
            for queue in workflow.visible_queues(self.user, list(self.side.queues))
            if self.user.role != "coordinator"
        ]
        if self.user.role == "coordinator":
            links = [
                (f"{PREFIX}/wachtrijen", "Alle wachtrijen"),
                (f"{PREFIX}/escalaties", "Escalaties"),
                (f"{PREFIX}/statistieken", "Statistieken"),
                (f"{PREFIX}/auditlog", "Auditlog"),
            ]
        if self.side.settings.development:
            links.append((f"{PREFIX}/testmails", "Testmails (ontwikkeling)"))
        path = self.request.url.path
        return [{"href": href, "label": label, "current": path == href} for href, label in links]

    def audit(self, action: str, reference: str | None = None, outcome: str = "ok") -> None:
        actor = self.user.name if self.user else "niet aangemeld"
        audit.record(self.db, actor, action, reference, outcome, at=self.side.clock())

    def not_found(self, reference: str | None = None) -> HTMLResponse:
        return self.render(
            "staff_error.html",
            status=404,
            heading="Niet gevonden",
            text="Dit bericht bestaat niet, of u hebt er geen toegang toe.",
        )


Handler = Callable[[Context], Awaitable[Response]]


def _side(request: Request) -> StaffSide:
    return request.app.state.staff


def page(handler: Handler, *, login: bool = True, roles: tuple[str, ...] = ()) -> Callable:
    """Wrap a handler: session, account check, CSRF on POST, and a connection closed after."""

    async def endpoint(request: Request) -> Response:
        side = _side(request)
        now = side.clock()
        session = sessions.load(side.settings, request, now.timestamp())
        db = side.db()
        try:
            user = None
            if session.logged_in:
                user = accounts.get_user(db, int(session.user_id or 0))
                if user is None or user.disabled or user.session_epoch != session.epoch:
                    user, session = None, sessions.new_session()
                else:
                    session = sessions.touch(session, now.timestamp())
            context = Context(request, side, session, user, db)
            if request.method == "POST":
                form = await request.form()
                request.state.form = form
                if not sessions.csrf_ok(session, form.get("csrf")):
                    context.audit("csrf_rejected", outcome="geweigerd")
                    return context.render(
                        "staff_error.html",
                        status=403,
                        heading="Formulier verlopen",
                        text="Dit formulier is verlopen of niet van deze site. "
                        "Laad de pagina opnieuw en probeer het nog eens.",
                    )
            if login and user is None:
                return context.redirect(f"{PREFIX}/aanmelden")
            if roles and user is not None and user.role not in roles:
                context.audit("forbidden", outcome="geweigerd")
                return context.not_found()
            return await handler(context)
        finally:
            db.close()

    return endpoint


async def home(ctx: Context) -> Response:
    assert ctx.user is not None
    if ctx.user.role == "coordinator":
        return ctx.redirect(f"{PREFIX}/wachtrijen")
    queues = workflow.visible_queues(ctx.user, list(ctx.side.queues))
    if not queues:
        return ctx.render(
            "staff_error.html", heading="Geen wachtrij", text="Uw account hoort bij geen wachtrij."
        )
    return ctx.redirect(f"{PREFIX}/wachtrij/{queues[0]}")


async def login_form(ctx: Context) -> Response:
    if ctx.user is not None:
        return ctx.redirect(f"{PREFIX}/")
    return ctx.render("staff_login.html", name="", error=None)


async def login(ctx: Context) -> Response:
    form = ctx.request.state.form
    name = str(form.get("naam", ""))[:64]
    client = ctx.side.throttle.client_key(ctx.request.client.host if ctx.request.client else None)
    if not ctx.side.throttle.allowed(name, client):
        ctx.audit("login_throttled", outcome="geweigerd")
        return ctx.render(
            "staff_login.html",
            status=429,
            name=name,
            error_title=True,
            error="Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.",
        )
    user = accounts.authenticate(
        ctx.db,
        name,
        str(form.get("wachtwoord", "")),
        str(form.get("code", "")),
        cipher=ctx.side.cipher,
        at=ctx.side.clock().timestamp(),
    )
    if user is None:
        ctx.side.throttle.failed(name, client)
        ctx.audit("login_failed", outcome="geweigerd")
        return ctx.render(
            "staff_login.html",
            status=400,
            name=name,
            error_title=True,
            error="De naam, het wachtwoord of de code klopt niet.",
        )
    ctx.user = user
    ctx.session = sessions.logged_in_session(
        user.id, user.session_epoch, ctx.side.clock().timestamp()
    )
    ctx.audit("login")
    return ctx.redirect(f"{PREFIX}/")


async def logout(ctx: Context) -> Response:
    assert ctx.user is not None
    ctx.audit("logout")
    accounts.end_sessions(ctx.db, ctx.user.id)
    response = RedirectResponse(f"{PREFIX}/aanmelden", status_code=303)
    sessions.clear(ctx.side.settings, ctx.request, response)
    return response


def _row(ctx: Context, message: workflow.Message, now: datetime) -> dict[str, Any]:
    left = working_time_left(message.due_at, now, ctx.side.settings.closing_days)
    return {
        "message": message,
        "left": describe_left(left),
        "overdue": message.answered_at is None and left <= left.__class__(0),
        "queue_name": ctx.side.queues.get(message.queue, message.queue),
    }


async def queue_view(ctx: Context) -> Response:
    assert ctx.user is not None
    queue = ctx.request.path_params["queue"]
    if queue not in workflow.visible_queues(ctx.user, list(ctx.side.queues)):
        ctx.audit("forbidden", f"wachtrij {queue}", outcome="geweigerd")
        return ctx.not_found()
    now = ctx.side.clock()
    rows = [_row(ctx, message, now) for message in workflow.waiting(ctx.db, [queue])]
    ctx.audit("view_queue", f"wachtrij {queue}")
    return ctx.render("staff_queue.html", title=f"Wachtrij {ctx.side.queues[queue]}", rows=rows)


async def all_queues(ctx: Context) -> Response:
    now = ctx.side.clock()
    queues = list(ctx.side.queues)
    rows = [_row(ctx, message, now) for message in workflow.waiting(ctx.db, queues)]
    ctx.audit("view_queue", "alle wachtrijen")
    return ctx.render("staff_queue.html", title="Alle wachtrijen", rows=rows, show_queue=True)


async def escalations(ctx: Context) -> Response:
    now = ctx.side.clock()
    rows = [_row(ctx, message, now) for message in workflow.overdue(ctx.db, now)]
    ctx.audit("view_escalations")
    return ctx.render(
        "staff_queue.html",
        title="Escalaties: te laat en nog niet beantwoord",
        rows=rows,
        show_queue=True,
    )


def _labelled(form: str, values: dict[str, Any] | None) -> list[tuple[str, str]] | None:
    """Stored fields with their Dutch labels from the form's spec, in the form's order."""
    if values is None:
        return None
    spec = FORMS.get(form)
    labels = {f.name: say(f.label, "nl") for f in spec.fields} if spec else {}
    order = list(labels)
    keys = sorted(values, key=lambda k: order.index(k) if k in order else len(order))
    return [
        (labels.get(k, k.replace("_", " ").capitalize()), str(values[k])) for k in keys if values[k]
    ]


def _visible_message(ctx: Context) -> workflow.Message | None:
    assert ctx.user is not None
    reference = ctx.request.path_params["reference"]
    message = workflow.find(ctx.db, reference)
    if message is None or not workflow.may_see(ctx.user, message, list(ctx.side.queues)):
        ctx.audit("forbidden", reference[:16], outcome="geweigerd")
        return None
    return message


async def message_view(ctx: Context, *, error: str | None = None, status: int = 200) -> Response:
    message = _visible_message(ctx)
    if message is None:
        return ctx.not_found()
    content, contact = database.message_content(ctx.db, ctx.side.cipher, message.reference)
    ctx.audit("view_message", message.reference)
    return ctx.render(
        "staff_message.html",
        status=status,
        flash=None if error else DONE.get(ctx.request.query_params.get("gedaan", "")),
        error=error,
        error_title=bool(error),
        row=_row(ctx, message, ctx.side.clock()),
        message=message,
        content=_labelled(message.form, content),
        contact=_labelled(message.form, contact),
        notes=workflow.notes(ctx.db, ctx.side.cipher, message),
        problems=PROBLEMS,
        followups=FOLLOWUPS,
        outcomes=CALLBACK_OUTCOMES,
        queue_name=ctx.side.queues.get(message.queue, message.queue),
    )


# What the page says after an action (Post/Redirect/Get), in a status message.
DONE = {
    "claim": "U hebt dit bericht opgenomen.",
    "reply": "Uw antwoord staat klaar om te vertrekken en is als antwoord geteld.",
    "note": "De notitie is bewaard.",
    "close": "Het bericht is afgesloten.",
}


def _action(kind: str) -> Handler:
    async def act(ctx: Context) -> Response:
        assert ctx.user is not None
        message = _visible_message(ctx)
        if message is None:
            return ctx.not_found()
        form = ctx.request.state.form
        now = ctx.side.clock()
        closing = ctx.side.settings.closing_days
        try:
            if kind == "claim":
                workflow.claim(ctx.db, message, ctx.user, now)
            elif kind == "reply":
                replies.send_reply(
                    ctx.db,
                    ctx.side.settings,
                    ctx.side.cipher,
                    message,
                    ctx.user,
                    str(form.get("antwoord", "")),
                    now,
                )
            elif kind == "note":
                workflow.add_note(
                    ctx.db, ctx.side.cipher, message, ctx.user, str(form.get("notitie", "")), now
                )
            elif kind == "close":
                workflow.close(
                    ctx.db,
                    message,
                    ctx.user,
                    now,
                    problem=str(form.get("probleem", "")),
                    followups=[str(item) for item in form.getlist("gevolg")],
                    outcome=str(form.get("uitkomst", "")) or None,
                    closing_days=closing,
                )
        except workflow.WorkflowError as error:
            ctx.audit(kind, message.reference, outcome="geweigerd")
            return await message_view(ctx, error=str(error), status=400)
        ctx.audit(kind, message.reference)
        return ctx.redirect(f"{PREFIX}/bericht/{message.reference}?gedaan={kind}")

    return act


async def statistics_view(ctx: Context) -> Response:
    statistics.ensure_rows(ctx.db)
    month = ctx.request.query_params.get("maand") or None
    known = statistics.months(ctx.db)
    if month not in known:
        month = None
    ctx.audit("view_statistics", month)
    return ctx.render(
        "staff_statistics.html",
        months=known,
        month=month,
        rows=statistics.per_queue(ctx.db, month),
        counts=statistics.category_counts(ctx.db, month),
        queues=ctx.side.queues,
    )


async def statistics_csv(ctx: Context) -> Response:
    statistics.ensure_rows(ctx.db)
    month = ctx.request.query_params.get("maand") or None
    if month not in statistics.months(ctx.db):
        month = None
    ctx.audit("download_statistics", month)
    name = f"1712-statistieken-{month or 'alle'}.csv"
    return Response(
        statistics.csv_text(ctx.db, month),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


async def audit_view(ctx: Context) -> Response:
    ctx.audit("view_audit")
    return ctx.render("staff_audit.html", entries=audit.recent(ctx.db))


async def test_mails(ctx: Context) -> Response:
    """Development only: the mails the local sink caught (nothing leaves the machine)."""
    if not ctx.side.settings.development:
        return ctx.not_found()
    mails = [
        {
            "received_at": mail.received_at,
            "sender": mail.sender,
            "recipients": ", ".join(mail.recipients),
            "subject": str(mail.message["Subject"] or ""),
            "body": _plain_text(mail.message),
        }
        for mail in received_mails(ctx.side.settings.database_path, ctx.side.cipher)
    ]
    ctx.audit("view_outbox", "testmails")
    return ctx.render("staff_mails.html", mails=mails)


def _plain_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if isinstance(part, EmailMessage) else ""


async def stylesheet(request: Request) -> Response:
    return FileResponse(_HERE / "static" / "staff.css", media_type="text/css")


COORDINATOR = ("coordinator",)


def routes() -> list[Route]:
    return [
        Route("/", page(home)),
        Route("/stijl.css", stylesheet),
        Route("/aanmelden", page(login_form, login=False), methods=["GET"]),
        Route("/aanmelden", page(login, login=False), methods=["POST"]),
        Route("/afmelden", page(logout), methods=["POST"]),
        Route("/wachtrij/{queue}", page(queue_view)),
        Route("/bericht/{reference}", page(message_view)),
        Route("/bericht/{reference}/opnemen", page(_action("claim")), methods=["POST"]),
        Route("/bericht/{reference}/antwoorden", page(_action("reply")), methods=["POST"]),
        Route("/bericht/{reference}/notitie", page(_action("note")), methods=["POST"]),
        Route("/bericht/{reference}/afsluiten", page(_action("close")), methods=["POST"]),
        Route("/wachtrijen", page(all_queues, roles=COORDINATOR)),
        Route("/escalaties", page(escalations, roles=COORDINATOR)),
        Route("/statistieken", page(statistics_view, roles=COORDINATOR)),
        Route("/statistieken.csv", page(statistics_csv, roles=COORDINATOR)),
        Route("/auditlog", page(audit_view, roles=COORDINATOR)),
        Route("/testmails", page(test_mails)),
    ]


def setup(settings: Settings) -> StaffSide:
    """The staff side's shared parts; the app keeps it in `app.state.staff`."""
    database.open_database(settings.database_path).close()
    return StaffSide(
        settings=settings,
        cipher=DataCipher(settings.data_keys),
        throttle=LoginThrottle(),
        teams=load_teams(settings.teams_file),
    )
