"""The staff side at /medewerkers/: login, queues, messages, replies, coordinators' views.

Plain server-rendered pages (Jinja2 with autoescape: message text is always shown as
text), no JavaScript, usable with the keyboard alone. Every view and action is written
to the audit log; a message outside the account's queues answers 404 exactly like one
that does not exist, and the attempt is audited.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from formhandler.core.categories import CALLBACK_OUTCOMES, FOLLOWUPS, PROBLEMS
from formhandler.core.i18n import say
from formhandler.core.workdays import describe_left, working_time_left
from formhandler.forms.specs import FORMS
from formhandler.staff import accounts, replies, sessions, transfers, workflow
from formhandler.storage import database, outbox
from formhandler.web.staff_context import Context, Handler, StaffSide, page, setup
from formhandler.web.staff_reports import audit_view, statistics_csv, statistics_view, test_mails
from formhandler.web.templating import STATIC

__all__ = ["StaffSide", "routes", "setup"]


async def home(ctx: Context) -> Response:
    assert ctx.user is not None
    if ctx.user.role == "coordinator":
        return ctx.redirect(ctx.url("staff_all_queues"))
    if ctx.user.role == "redactie":
        return ctx.redirect(ctx.url("newsroom_home"))
    queues = workflow.visible_queues(ctx.user, list(ctx.side.queues))
    if not queues:
        return ctx.render(
            "staff_error.html", heading="Geen wachtrij", text="Uw account hoort bij geen wachtrij."
        )
    return ctx.redirect(ctx.url("staff_queue", queue=queues[0]))


async def login_form(ctx: Context) -> Response:
    if ctx.user is not None:
        return ctx.redirect(ctx.url("staff_home"))
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
    # argon2 takes tens of milliseconds of CPU: in a worker thread, so a burst of
    # logins does not hold the event loop (and citizens' forms with it). Its own
    # connection, since sqlite3 connections stay in their thread.
    user = await run_in_threadpool(
        _authenticate,
        ctx.side,
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
    return ctx.redirect(ctx.url("staff_home"))


def _authenticate(side: StaffSide, name: str, password: str, code: str, **kwargs: Any) -> Any:
    db = side.db()
    try:
        return accounts.authenticate(db, name, password, code, **kwargs)
    finally:
        db.close()


async def logout(ctx: Context) -> Response:
    assert ctx.user is not None
    ctx.audit("logout")
    accounts.end_sessions(ctx.db, ctx.user.id)
    response = RedirectResponse(ctx.url("staff_login"), status_code=303)
    sessions.clear(ctx.side.settings, ctx.request, response)
    return response


def _row(ctx: Context, message: workflow.Message, now: datetime) -> dict[str, Any]:
    left = working_time_left(message.due_at, now, ctx.side.settings.calendar)
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
    chosen = database.message_categories(ctx.db, ctx.side.cipher, message.reference) or {}
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
        categories=[
            (label, chosen.get(column))
            for label, column in (
                ("Regio", "region"),
                ("Leeftijd", "age_group"),
                ("Wie schrijft", "writer"),
                ("Thema", "theme"),
                ("Kanaal", "channel"),
            )
        ],
        notes=workflow.notes(ctx.db, ctx.side.cipher, message),
        undelivered=outbox.undelivered(ctx.db, message.reference),
        thread=workflow.thread(ctx.db, ctx.side.cipher, message),
        move_targets=transfers.move_targets(ctx.side.teams, message, ctx.user),
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
    "move": "Het bericht is verplaatst; het team van die wachtrij is verwittigd.",
    "release": "U hebt het bericht vrijgegeven; het staat weer open in de wachtrij.",
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
            elif kind == "move":
                transfers.move(
                    ctx.db,
                    ctx.side.settings,
                    ctx.side.cipher,
                    ctx.side.teams,
                    message,
                    ctx.user,
                    str(form.get("wachtrij", "")),
                    now,
                )
            elif kind == "release":
                transfers.release(ctx.db, message, ctx.user)
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
                    calendar=ctx.side.settings.calendar,
                )
        except workflow.WorkflowError as error:
            ctx.audit(kind, message.reference, outcome="geweigerd")
            return await message_view(ctx, error=str(error), status=400)
        ctx.audit(kind, message.reference)
        moved = workflow.find(ctx.db, message.reference)
        if moved is None or not workflow.may_see(ctx.user, moved, list(ctx.side.queues)):
            # Moved out of this helper's sight: back to their own queues.
            return ctx.redirect(ctx.url("staff_home"))
        return ctx.redirect(
            f"{ctx.url('staff_message', reference=message.reference)}?gedaan={kind}"
        )

    return act


COORDINATOR = ("coordinator",)


def routes() -> list[BaseRoute]:
    return [
        Route("/", page(home), name="staff_home"),
        Route("/aanmelden", page(login_form, login=False), methods=["GET"], name="staff_login"),
        Route("/aanmelden", page(login, login=False), methods=["POST"]),
        Route("/afmelden", page(logout), methods=["POST"], name="staff_logout"),
        Route("/wachtrij/{queue}", page(queue_view), name="staff_queue"),
        Route("/bericht/{reference}", page(message_view), name="staff_message"),
        Route(
            "/bericht/{reference}/opnemen",
            page(_action("claim")),
            methods=["POST"],
            name="staff_claim",
        ),
        Route(
            "/bericht/{reference}/antwoorden",
            page(_action("reply")),
            methods=["POST"],
            name="staff_reply",
        ),
        Route(
            "/bericht/{reference}/verplaatsen",
            page(_action("move")),
            methods=["POST"],
            name="staff_move",
        ),
        Route(
            "/bericht/{reference}/vrijgeven",
            page(_action("release")),
            methods=["POST"],
            name="staff_release",
        ),
        Route(
            "/bericht/{reference}/notitie",
            page(_action("note")),
            methods=["POST"],
            name="staff_note",
        ),
        Route(
            "/bericht/{reference}/afsluiten",
            page(_action("close")),
            methods=["POST"],
            name="staff_close",
        ),
        Route("/wachtrijen", page(all_queues, roles=COORDINATOR), name="staff_all_queues"),
        Route("/escalaties", page(escalations, roles=COORDINATOR), name="staff_escalations"),
        Route("/statistieken", page(statistics_view, roles=COORDINATOR), name="staff_statistics"),
        Route(
            "/statistieken.csv",
            page(statistics_csv, roles=COORDINATOR),
            name="staff_statistics_csv",
        ),
        Route("/auditlog", page(audit_view, roles=COORDINATOR), name="staff_audit"),
        Route("/testmails", page(test_mails, roles=COORDINATOR), name="staff_test_mails"),
        # The staff side's stylesheet (stijl.css); last, so every route above wins.
        Mount("/", StaticFiles(directory=STATIC / "staff"), name="staff_assets"),
    ]
