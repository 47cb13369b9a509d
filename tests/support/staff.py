"""Shared helpers of the staff-side tests: accounts, logins, messages, a settable clock."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyotp
from starlette.applications import Starlette
from starlette.testclient import TestClient

from formhandler.core.workdays import BRUSSELS, reply_due
from formhandler.staff import accounts
from formhandler.storage import database
from formhandler.web.app import create_app
from formhandler.web.staff_pages import StaffSide
from tests.support.live import development_settings

PASSWORD = "een lang genoeg wachtwoord"


class Clock:
    """The staff side's clock, set by the test (sessions, TOTP steps, due times)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def brussels(text: str) -> datetime:
    """'2026-11-23 10:00' on the Brussels wall clock."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BRUSSELS)


def staff_app(data_dir: Path, site: Path, clock: Clock | None = None, **env: str) -> Starlette:
    app = create_app(development_settings(data_dir, site, **env))
    if clock is not None:
        app.state.staff.clock = clock
    return app


def side_of(app: Starlette) -> StaffSide:
    return app.state.staff


def add_account(app: Starlette, name: str, role: str, team: str | None = None) -> str:
    """Make an account; returns its TOTP secret (from the provisioning URI)."""
    side = side_of(app)
    db = side.db()
    try:
        uri = accounts.add_user(
            db,
            name,
            role,
            PASSWORD,
            team=team,
            known_teams=set(side.queues),
            cipher=side.cipher,
        )
    finally:
        db.close()
    return pyotp.parse_uri(uri).secret


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF field on the page"
    return match.group(1)


def login(client: TestClient, name: str, secret: str, at: datetime | None = None):
    page = client.get("/medewerkers/aanmelden")
    code = pyotp.TOTP(secret).at(at or datetime.now(UTC))
    return client.post(
        "/medewerkers/aanmelden",
        data={"csrf": csrf_of(page.text), "naam": name, "wachtwoord": PASSWORD, "code": code},
        follow_redirects=False,
    )


def signed_in(
    app: Starlette, name: str, role: str, team: str | None = None, at: datetime | None = None
) -> TestClient:
    """A browser of a new account `name`, signed in at `at` (now by default)."""
    secret = add_account(app, name, role, team)
    client = TestClient(app)
    assert login(client, name, secret, at).status_code == 303
    return client


def add_message(
    app: Starlette,
    reference: str,
    *,
    queue: str = "antwerpen",
    received: datetime | None = None,
    text: str = "Ik maak me zorgen over mijn buurmeisje.",
    reply_by: str = "email",
    form: str = "mail",
    contact: dict[str, str] | None = None,
    language: str = "nl",
) -> None:
    side = side_of(app)
    received = received or brussels("2026-11-23 10:00")
    message = database.NewMessage(
        reference=reference,
        form=form,
        audience="volwassenen",
        language=language,
        queue=queue,
        reply_by=reply_by,
        content={"bericht": text},
        contact=contact
        or ({"email": "iemand@example.org"} if reply_by == "email" else {"telefoon": "0470000000"}),
        categories={"region": queue, "age_group": "18-25", "writer": "slachtoffer"},
        received_at=received,
        due_at=reply_due(received),
    )
    db = side.db()
    try:
        with database.transaction(db):
            database.insert_message(db, side.cipher, message)
    finally:
        db.close()
