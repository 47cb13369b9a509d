"""What every staff page shares: the staff side's parts, one request's context, `page`.

`page(handler)` wraps a handler with the session (loaded, touched, saved), the account
check, CSRF on every POST, the role check (a page outside the role answers 404 and is
audited) and a database connection closed after the response.
"""

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from formhandler.core.crypto import DataCipher
from formhandler.core.settings import Settings
from formhandler.core.teams import Teams, load_teams
from formhandler.mail import outbox
from formhandler.staff import accounts, sessions, workflow
from formhandler.staff.throttle import LoginThrottle
from formhandler.storage import audit, database, replication
from formhandler.web.templating import render


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
    # The replica's lag, read for logged-in accounts (storage/replication.py).
    replica: replication.Replication | None = None

    def render(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        delayed = self.user is not None and outbox.waiting(self.db, self.side.clock()).delayed
        html = render(
            template,
            self.request,
            outbox_warning=(
                "Er wachten mails die al meer dan 30 minuten niet verstuurd konden worden. "
                "Verwittig de technische dienst."
                if delayed
                else None
            ),
            replica=_replica_text(self.replica) if self.user is not None else None,
            user=self.user,
            csrf=self.session.csrf,
            nav=self._nav(),
            **values,
        )
        response = HTMLResponse(html, status_code=status)
        sessions.save(self.side.settings, self.request, response, self.session)
        return response

    def url(self, name: str, **params: str) -> str:
        """The path of a named staff route."""
        return str(self.request.app.url_path_for(name, **params))

    def redirect(self, url: str) -> RedirectResponse:
        response = RedirectResponse(url, status_code=303)
        sessions.save(self.side.settings, self.request, response, self.session)
        return response

    def _nav(self) -> list[dict[str, Any]]:
        if self.user is None:
            return []
        links = [
            (self.url("staff_queue", queue=queue), f"Wachtrij {self.side.queues[queue]}")
            for queue in workflow.visible_queues(self.user, list(self.side.queues))
            if self.user.role != "coordinator"
        ]
        if self.user.role == "coordinator":
            links = [
                (self.url("staff_all_queues"), "Alle wachtrijen"),
                (self.url("staff_escalations"), "Escalaties"),
                (self.url("staff_statistics"), "Statistieken"),
                (self.url("staff_audit"), "Auditlog"),
            ]
        if self.user.role in accounts.NEWSROOM_ROLES and self.request.app.state.newsroom:
            links += [
                (self.url("newsroom_home"), "Redactie"),
                (self.url("newsroom_preview"), "Voorbeeld op datum"),
                (self.url("newsroom_publication"), "Publicatie"),
            ]
        if self.side.settings.development and self.user.role == "coordinator":
            links.append((self.url("staff_test_mails"), "Testmails (ontwikkeling)"))
        path = self.request.url.path
        return [{"href": href, "label": label, "current": path == href} for href, label in links]

    def audit(self, action: str, reference: str | None = None, outcome: str = "ok") -> None:
        if self.user is None:
            # Anyone can cause a refusal without logging in: counted, not written one
            # by one, so a flood cannot push real entries out of sight.
            audit.count_refusal(self.db, action, at=self.side.clock())
            return
        audit.record(self.db, self.user.name, action, reference, outcome, at=self.side.clock())

    def not_found(self, reference: str | None = None) -> HTMLResponse:
        return self.render(
            "staff_error.html",
            status=404,
            heading="Niet gevonden",
            text="Dit bericht bestaat niet, of u hebt er geen toegang toe.",
        )


def _replica_text(replica: replication.Replication | None) -> dict[str, Any] | None:
    """The line about the replica on every page; a warning past a minute or when it is down."""
    if replica is None or replica.state == "off":
        return None
    if replica.state == "down":
        return {
            "warning": True,
            "text": "De doorlopende reservekopie van de databank werkt niet. Wat nu binnenkomt, "
            "is alleen op deze server bewaard. Verwittig de technische dienst.",
        }
    seconds = round(replica.lag_seconds or 0)
    lag = f"{seconds} seconde{'' if seconds == 1 else 'n'}"
    if replica.warning:
        return {
            "warning": True,
            "text": f"De doorlopende reservekopie van de databank loopt {lag} achter. "
            "Verwittig de technische dienst.",
        }
    return {"warning": False, "text": f"Reservekopie van de databank: {lag} achter."}


Handler = Callable[[Context], Awaitable[Response]]


def _side(request: Request) -> StaffSide:
    return request.app.state.staff


def page(
    handler: Handler, *, login: bool = True, roles: tuple[str, ...] = (), form: bool = True
) -> Callable:
    """Wrap a handler: session, account check, CSRF on POST, and a connection closed after.

    `form=False`: the POST is not a form (the newsroom's JSON proxy); the handler checks
    the session's CSRF token itself.
    """

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
            if user is not None:
                context.replica = await asyncio.to_thread(replication.status, side.settings)
            if request.method == "POST" and form:
                form_data = await request.form()
                request.state.form = form_data
                if not sessions.csrf_ok(session, form_data.get("csrf")):
                    context.audit("csrf_rejected", outcome="geweigerd")
                    return context.render(
                        "staff_error.html",
                        status=403,
                        heading="Formulier verlopen",
                        text="Dit formulier is verlopen of niet van deze site. "
                        "Laad de pagina opnieuw en probeer het nog eens.",
                    )
            if login and user is None:
                return context.redirect(context.url("staff_login"))
            if roles and user is not None and user.role not in roles:
                context.audit("forbidden", outcome="geweigerd")
                return context.not_found()
            return await handler(context)
        finally:
            db.close()

    return endpoint


def setup(settings: Settings) -> StaffSide:
    """The staff side's shared parts; the app keeps it in `app.state.staff`."""
    database.open_database(settings.database_path).close()
    return StaffSide(
        settings=settings,
        cipher=DataCipher(settings.data_keys),
        throttle=LoginThrottle(),
        teams=load_teams(settings.teams_file),
    )
