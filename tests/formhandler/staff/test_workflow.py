"""The helpers' work: queues by role, claim, notes, closing with categories, statistics."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from formhandler.mail.devsink import MailSink
from formhandler.storage import database
from formhandler.storage import sink as sink_copies
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


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def app(tmp_path: Path, site_dir: Path, clock: Clock):
    app = staff_app(tmp_path, site_dir, clock)
    add_message(app, "ANTW2345", queue="antwerpen")
    add_message(app, "LIMB2345", queue="limburg")
    add_message(app, "KLAC2345", queue="klachten", form="klacht")
    add_message(app, "BELM2345", queue="antwerpen", reply_by="phone")
    return app


def client_for(app, role: str, team: str | None, clock: Clock, name: str | None = None):
    return signed_in(app, name or f"{role}-{team or 'x'}", role, team, clock.now)


def audit_rows(app) -> list[tuple[str, str, str | None, str]]:
    db = database.connect(side_of(app).settings.database_path)
    return [
        tuple(row) for row in db.execute("SELECT actor, action, reference, outcome FROM audit_log")
    ]


def test_helper_sees_only_their_teams_queue(app, clock: Clock) -> None:
    helper = client_for(app, "helper", "antwerpen", clock)
    queue = helper.get("/medewerkers/wachtrij/antwerpen")
    assert "ANTW2345" in queue.text
    assert "BELM2345" in queue.text
    assert "LIMB2345" not in queue.text
    assert helper.get("/medewerkers/wachtrij/limburg").status_code == 404
    assert helper.get("/medewerkers/wachtrijen").status_code == 404
    assert helper.get("/medewerkers/statistieken").status_code == 404


def test_another_teams_message_or_a_guessed_reference_is_404_and_audited(app, clock) -> None:
    helper = client_for(app, "helper", "antwerpen", clock, name="an")
    other = helper.get("/medewerkers/bericht/LIMB2345")
    guessed = helper.get("/medewerkers/bericht/ZZZZ9999")
    assert other.status_code == guessed.status_code == 404
    assert "Ik maak me zorgen" not in other.text
    # Same page for both: nothing tells whether the reference exists.
    assert other.text == guessed.text
    token = csrf_of(helper.get("/medewerkers/wachtrij/antwerpen").text)
    assert (
        helper.post("/medewerkers/bericht/LIMB2345/opnemen", data={"csrf": token}).status_code
        == 404
    )
    refused = [row for row in audit_rows(app) if row[3] == "geweigerd"]
    assert ("an", "forbidden", "LIMB2345", "geweigerd") in refused
    assert ("an", "forbidden", "ZZZZ9999", "geweigerd") in refused
    db = database.connect(side_of(app).settings.database_path)
    assert (
        db.execute("SELECT claimed_at FROM messages WHERE reference='LIMB2345'").fetchone()[0]
        is None
    )


def test_complaints_role_sees_only_the_complaints_queue(app, clock: Clock) -> None:
    complaints = client_for(app, "complaints", None, clock)
    assert (
        complaints.get("/medewerkers/", follow_redirects=False)
        .headers["location"]
        .endswith("/medewerkers/wachtrij/klachten")
    )
    assert "KLAC2345" in complaints.get("/medewerkers/wachtrij/klachten").text
    assert complaints.get("/medewerkers/bericht/KLAC2345").status_code == 200
    assert complaints.get("/medewerkers/bericht/ANTW2345").status_code == 404
    assert complaints.get("/medewerkers/wachtrij/antwerpen").status_code == 404


def test_coordinator_sees_all_queues_escalations_statistics_and_audit(app, clock) -> None:
    coordinator = client_for(app, "coordinator", None, clock, name="coco")
    overview = coordinator.get("/medewerkers/wachtrijen").text
    for reference in ("ANTW2345", "LIMB2345", "KLAC2345", "BELM2345"):
        assert reference in overview
        assert coordinator.get(f"/medewerkers/bericht/{reference}").status_code == 200
    assert coordinator.get("/medewerkers/escalaties").status_code == 200
    assert coordinator.get("/medewerkers/statistieken").status_code == 200
    log = coordinator.get("/medewerkers/auditlog")
    assert "bericht bekeken" in log.text
    assert "LIMB2345" in log.text


def test_queue_is_sorted_by_due_time_with_working_time_left_and_overdue_marked(
    app, clock: Clock
) -> None:
    add_message(app, "LATE2345", queue="antwerpen", received=brussels("2026-11-18 10:00"))
    add_message(app, "NEXT2345", queue="antwerpen", received=brussels("2026-11-20 16:00"))
    helper = client_for(app, "helper", "antwerpen", clock)
    text = helper.get("/medewerkers/wachtrij/antwerpen").text
    assert text.index("LATE2345") < text.index("NEXT2345") < text.index("ANTW2345")
    # Mon 11:00: NEXT2345 is due Tue 16:00 -> 6 + 7 working hours left.
    assert "nog 13 werkuren" in text
    assert "Te laat:" in text and 'class="overdue"' in text


def test_html_in_a_message_is_shown_as_text(app, clock: Clock) -> None:
    add_message(
        app,
        "HTML2345",
        text='<script>alert("x")</script><b>vet</b> & <a href="https://kwaad.example">klik</a>',
    )
    helper = client_for(app, "helper", "antwerpen", clock)
    page = helper.get("/medewerkers/bericht/HTML2345").text
    assert "<script>alert" not in page
    assert "<b>vet</b>" not in page
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt; &amp; &lt;a" in page
    )


def test_claim_note_and_close_a_callback_request_with_categories(app, clock: Clock) -> None:
    helper = client_for(app, "helper", "antwerpen", clock, name="an")
    page = helper.get("/medewerkers/bericht/BELM2345")
    token = csrf_of(page.text)
    assert "0470000000" in page.text
    assert (
        helper.post("/medewerkers/bericht/BELM2345/opnemen", data={"csrf": token}).status_code
        == 200
    )
    claimed = helper.post("/medewerkers/bericht/BELM2345/opnemen", data={"csrf": token})
    assert claimed.status_code == 400  # a second claim by the same helper changes nothing
    claimed = helper.get("/medewerkers/bericht/BELM2345?gedaan=claim").text
    assert '<p class="flash" role="status">U hebt dit bericht opgenomen.</p>' in claimed
    assert "opgenomen door an" in claimed
    second = client_for(app, "helper", "antwerpen", clock, name="bo")
    token_bo = csrf_of(second.get("/medewerkers/bericht/BELM2345").text)
    refused = second.post("/medewerkers/bericht/BELM2345/opnemen", data={"csrf": token_bo})
    assert refused.status_code == 400 and "al opgenomen door an" in refused.text

    helper.post(
        "/medewerkers/bericht/BELM2345/notitie",
        data={"csrf": token, "notitie": "Morgen opnieuw proberen <na 14u>"},
    )
    assert (
        "Morgen opnieuw proberen &lt;na 14u&gt;" in helper.get("/medewerkers/bericht/BELM2345").text
    )

    incomplete = helper.post(
        "/medewerkers/bericht/BELM2345/afsluiten",
        data={"csrf": token, "probleem": "partnergeweld", "gevolg": ["advies"]},
    )
    assert incomplete.status_code == 400
    assert "Kies hoe het terugbellen verliep" in incomplete.text
    clock.advance(minutes=25)  # Mon 11:25: 85 working minutes after receipt at 10:00
    closed = helper.post(
        "/medewerkers/bericht/BELM2345/afsluiten",
        data={
            "csrf": token,
            "uitkomst": "gesprek",
            "probleem": "partnergeweld",
            "gevolg": ["advies", "doorverwezen-caw"],
        },
    )
    assert closed.status_code == 200
    assert "afgesloten" in closed.text
    db = database.connect(side_of(app).settings.database_path)
    row = db.execute(
        "SELECT s.problem, s.followups, s.outcome, s.working_minutes_to_answer, s.answered_in_time"
        " FROM message_statistics s JOIN messages m ON m.id = s.message_id"
        " WHERE m.reference = 'BELM2345'"
    ).fetchone()
    assert tuple(row) == ("partnergeweld", "advies,doorverwezen-caw", "gesprek", 85, 1)
    assert message_state(db, "BELM2345") == "closed"
    actions = [(row[1], row[2]) for row in audit_rows(app) if row[0] == "an"]
    for action in ("view_message", "claim", "note", "close"):
        assert (action, "BELM2345") in actions
    # No message content in the audit log.
    dump = "\n".join(map(str, audit_rows(app)))
    assert "Morgen opnieuw" not in dump and "zorgen" not in dump


def test_a_mail_message_cannot_be_closed_before_it_is_answered(app, clock: Clock) -> None:
    helper = client_for(app, "helper", "antwerpen", clock)
    token = csrf_of(helper.get("/medewerkers/bericht/ANTW2345").text)
    response = helper.post(
        "/medewerkers/bericht/ANTW2345/afsluiten",
        data={"csrf": token, "probleem": "andere", "gevolg": "advies"},
    )
    assert response.status_code == 400
    assert "Beantwoord het bericht eerst" in response.text


def test_statistics_tables_and_csv_per_month_and_queue(app, clock: Clock) -> None:
    add_message(app, "OKTB2345", queue="limburg", received=datetime(2026, 10, 5, 8, tzinfo=UTC))
    coordinator = client_for(app, "coordinator", None, clock)
    page = coordinator.get("/medewerkers/statistieken?maand=2026-11")
    assert page.status_code == 200
    assert "18-25" in page.text
    download = coordinator.get("/medewerkers/statistieken.csv")
    assert download.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.text)))
    per_queue = {(r["maand"], r["wachtrij"]): r for r in rows if r["tabel"] == "wachtrij"}
    assert per_queue[("2026-11", "antwerpen")]["ontvangen"] == "2"
    assert per_queue[("2026-10", "limburg")]["ontvangen"] == "1"
    assert per_queue[("2026-11", "antwerpen")]["beantwoord"] == "0"


def test_development_mail_sink_can_be_read_on_the_staff_side(app, clock: Clock) -> None:
    side = side_of(app)
    mail = EmailMessage()
    mail["From"] = "1712 <noreply@1712.be>"
    mail["To"] = "team-antwerpen@1712.test"
    mail["Subject"] = "Nieuw bericht <in> wachtrij"
    mail.set_content("Referentie ANTW2345")
    with MailSink(side.settings.database_path, side.cipher) as sink:
        # In a thread: the browser tests' Playwright keeps an event loop in this one.
        run_async(
            sink.mailer.send("noreply@1712.be", ["team-antwerpen@1712.test"], mail.as_bytes())
        )
    helper = client_for(app, "helper", "antwerpen", clock)
    assert helper.get("/medewerkers/testmails").status_code == 404  # coordinators only
    coordinator = client_for(app, "coordinator", None, clock)
    page = coordinator.get("/medewerkers/testmails")
    assert page.status_code == 200
    assert "Nieuw bericht &lt;in&gt; wachtrij" in page.text
    assert "Referentie ANTW2345" in page.text
    # The copies follow the retention like the messages they are about.
    db = side.db()
    assert sink_copies.forget_older_than(db, datetime.now(UTC) + timedelta(days=1)) == 1


def test_share_in_time_and_median_working_hours_per_queue(tmp_path: Path, site_dir: Path) -> None:
    from formhandler.staff import workflow
    from formhandler.storage import statistics

    app = staff_app(tmp_path, site_dir)
    answers = {
        "FAST2345": "2026-11-23 11:00",  # 1 working hour
        "MEAN2345": "2026-11-24 10:00",  # 8 working hours
        "SLOW2345": "2026-11-26 09:30",  # 16.5 working hours: too late
    }
    for reference in (*answers, "NONE2345", "LATE2345"):
        add_message(app, reference, queue="limburg", received=brussels("2026-11-23 10:00"))
    db = side_of(app).db()
    for reference, when in answers.items():
        with database.transaction(db):
            workflow.record_answer(db, workflow.find(db, reference), brussels(when))
    with database.transaction(db):
        statistics.record_overdue(db, workflow.find(db, "LATE2345").id)
    (row,) = statistics.per_queue(db, "2026-11")
    assert (row.queue, row.received, row.answered, row.in_time, row.decided) == (
        "limburg",
        5,
        3,
        2,
        4,
    )
    assert row.share_in_time == 0.5
    assert row.median_hours == 8.0


def test_mail_waiting_over_thirty_minutes_shows_on_the_staff_side(app, clock: Clock) -> None:
    from formhandler.mail import outbox

    helper = client_for(app, "helper", "antwerpen", clock)
    assert "30 minuten" not in helper.get("/medewerkers/wachtrij/antwerpen").text
    side = side_of(app)
    db = side.db()
    mail = outbox.compose(
        sender="noreply@1712.be",
        recipients=["team-antwerpen@1712.test"],
        subject="Nieuw bericht",
        body="ANTW2345",
        now=clock.now,
    )
    with database.transaction(db):
        outbox.enqueue(db, side.cipher, mail, kind="notification", reference=None, now=clock.now)
    clock.advance(minutes=29)
    assert "30 minuten" not in helper.get("/medewerkers/wachtrij/antwerpen").text
    clock.advance(minutes=2)
    warning = helper.get("/medewerkers/wachtrij/antwerpen").text
    assert "meer dan 30 minuten niet verstuurd" in warning
