"""Moving a case to another queue and releasing a claim (issue 12)."""

from __future__ import annotations

from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest

from formhandler.mail.outbox import Outbox
from formhandler.storage import database
from tests.support.forms import run_async
from tests.support.staff import (
    Clock,
    add_message,
    brussels,
    csrf_of,
    side_of,
    signed_in,
    staff_app,
)
from tests.support.states import message_state

START = brussels("2026-11-23 11:00")


class RecordingMailer:
    def __init__(self) -> None:
        self.sent: list[tuple[list[str], Message]] = []

    async def send(self, sender: str, recipients, data: bytes) -> None:  # type: ignore[no-untyped-def]
        self.sent.append((list(recipients), message_from_bytes(data)))


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def app(tmp_path: Path, site_dir: Path, clock: Clock):  # type: ignore[no-untyped-def]
    app = staff_app(tmp_path, site_dir, clock)
    add_message(app, "CENT2345", queue="centraal", text="Het gaat over Hasselt, Marker-m0ve")
    return app


def _deliver(app) -> list[tuple[list[str], Message]]:  # type: ignore[no-untyped-def]
    side = side_of(app)
    mailer = RecordingMailer()
    run_async(Outbox(side.settings.database_path, side.cipher, mailer).deliver_due(START))
    return mailer.sent


def test_a_case_moves_to_the_limburg_team_with_its_due_time_notified_and_audited(
    app, clock: Clock
) -> None:
    db = database.connect(side_of(app).settings.database_path)
    due_before = db.execute("SELECT due_at FROM messages").fetchone()[0]
    central = signed_in(app, "cees", "helper", "centraal", clock.now)
    page = central.get("/medewerkers/bericht/CENT2345")
    assert 'name="wachtrij"' in page.text and 'value="limburg"' in page.text
    assert 'value="klachten"' not in page.text
    central.post("/medewerkers/bericht/CENT2345/opnemen", data={"csrf": csrf_of(page.text)})
    moved = central.post(
        "/medewerkers/bericht/CENT2345/verplaatsen",
        data={"csrf": csrf_of(page.text), "wachtrij": "limburg"},
        follow_redirects=False,
    )
    assert moved.status_code == 303 and moved.headers["location"].endswith("/medewerkers/")
    row = db.execute("SELECT queue, due_at, claimed_by FROM messages").fetchone()
    assert (row["queue"], row["due_at"], row["claimed_by"]) == ("limburg", due_before, None)
    assert central.get("/medewerkers/bericht/CENT2345").status_code == 404
    audit = db.execute("SELECT actor, action, reference FROM audit_log").fetchall()
    assert ("cees", "move", "CENT2345") in [tuple(r) for r in audit]

    sent = _deliver(app)
    to_limburg = [mail for to, mail in sent if to == ["team-limburg@1712.test"]]
    assert len(to_limburg) == 1
    mail = to_limburg[0]
    assert "CENT2345" in mail["Subject"] and "Limburg" in mail["Subject"]
    body = mail.get_payload(decode=True).decode()
    assert "CENT2345" in body and "Marker-m0ve" not in body and "Hasselt" not in body
    assert "Te beantwoorden uiterlijk" in body

    limburg = signed_in(app, "lien", "helper", "limburg", clock.now)
    assert "CENT2345" in limburg.get("/medewerkers/wachtrij/limburg").text


def test_moving_to_the_same_or_an_unknown_queue_is_refused(app, clock: Clock) -> None:
    central = signed_in(app, "cees", "helper", "centraal", clock.now)
    page = central.get("/medewerkers/bericht/CENT2345")
    for target in ("centraal", "nergens", "klachten"):
        refused = central.post(
            "/medewerkers/bericht/CENT2345/verplaatsen",
            data={"csrf": csrf_of(page.text), "wachtrij": target},
        )
        assert refused.status_code == 400
    db = database.connect(side_of(app).settings.database_path)
    assert db.execute("SELECT queue FROM messages").fetchone()[0] == "centraal"
    assert _deliver(app) == []


def test_a_helper_releases_a_claim_and_the_case_is_open_again(app, clock: Clock) -> None:
    db = database.connect(side_of(app).settings.database_path)
    first = signed_in(app, "cees", "helper", "centraal", clock.now)
    other = signed_in(app, "carl", "helper", "centraal", clock.now)
    page = first.get("/medewerkers/bericht/CENT2345")
    first.post("/medewerkers/bericht/CENT2345/opnemen", data={"csrf": csrf_of(page.text)})
    assert message_state(db, "CENT2345") == "claimed"
    page = other.get("/medewerkers/bericht/CENT2345")
    refused = other.post(
        "/medewerkers/bericht/CENT2345/vrijgeven", data={"csrf": csrf_of(page.text)}
    )
    assert refused.status_code == 400 and message_state(db, "CENT2345") == "claimed"
    page = first.get("/medewerkers/bericht/CENT2345")
    assert "Bericht vrijgeven" in page.text
    released = first.post(
        "/medewerkers/bericht/CENT2345/vrijgeven",
        data={"csrf": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert released.status_code == 303
    assert message_state(db, "CENT2345") == "open"
    audit = [tuple(r) for r in db.execute("SELECT actor, action, outcome FROM audit_log")]
    assert ("cees", "release", "ok") in audit and ("carl", "release", "geweigerd") in audit
