"""Addresses beyond ASCII are delivered; mails refused for good stop, show, and do not count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from formhandler.staff import replies, scheduler, workflow
from formhandler.staff.accounts import StaffUser
from formhandler.storage import database, outbox, retention
from tests.support.forms import client_for, form_settings, run_async, submit
from tests.support.smtp import SmtpServer
from tests.support.staff import add_message, brussels, side_of, signed_in, staff_app

MESSAGE = "Mijn buurjongen wordt thuis geslagen."


def _confirmation_to(site_dir: Path, tmp_path: Path, smtp: SmtpServer, address: str):  # type: ignore[no-untyped-def]
    settings = form_settings(tmp_path, site_dir, **smtp.environ())
    fields = {"bericht": MESSAGE, "email": address, "bevestiging": "ja"}
    assert submit(client_for(settings), "/contact/mail/", fields).status_code == 303
    return settings


def test_a_local_part_beyond_ascii_is_delivered_with_smtputf8(
    site_dir: Path, tmp_path: Path
) -> None:
    with SmtpServer(smtputf8=True) as smtp:
        settings = _confirmation_to(site_dir, tmp_path, smtp, "jöran@example.be")
        report = run_async(scheduler.tick(settings, datetime.now(UTC)))
    assert report["mails_sent"] == 2
    assert any("jöran@example.be" in mail.recipients for mail in smtp.received)


def test_a_domain_beyond_ascii_is_sent_in_its_ascii_form(site_dir: Path, tmp_path: Path) -> None:
    with SmtpServer(smtputf8=False) as smtp:
        settings = _confirmation_to(site_dir, tmp_path, smtp, "jan@exämple.be")
        run_async(scheduler.tick(settings, datetime.now(UTC)))
    assert any("jan@xn--exmple-cua.be" in mail.recipients for mail in smtp.received)


def test_an_address_no_server_can_take_fails_for_good_and_stops(
    site_dir: Path, tmp_path: Path
) -> None:
    with SmtpServer(smtputf8=False) as smtp:
        settings = _confirmation_to(site_dir, tmp_path, smtp, "jöran@example.be")
        now = datetime.now(UTC)
        first = run_async(scheduler.tick(settings, now))
        later = run_async(scheduler.tick(settings, now + timedelta(hours=2)))
    assert first["mails_sent"] == 1 and first["mails_failed"] == 1  # the team got theirs
    assert later["mails_failed"] == 0  # never tried again
    conn = database.connect(settings.database_path)
    [failed] = conn.execute("SELECT failed_at, last_error FROM outbox WHERE kind = 'confirmation'")
    assert failed["failed_at"] is not None and "ASCII" in failed["last_error"]
    # Not "mail delayed" for ever: a refused mail is not waiting.
    assert not outbox.waiting(conn, now + timedelta(hours=2)).delayed
    client = client_for(settings)
    assert client.get("/healthz").json()["status"] == "ok"


def test_a_refused_reply_is_no_answer_shows_on_the_staff_side_and_is_purged(
    site_dir: Path, tmp_path: Path
) -> None:
    with SmtpServer(refuse_for_good=True) as smtp:
        app = staff_app(tmp_path, site_dir, **smtp.environ())
        side = side_of(app)
        add_message(app, "NOPE2345", contact={"email": "weg@example.org"})
        helper = StaffUser(
            id=1, name="an", role="helper", team="antwerpen", session_epoch=0, disabled=False
        )
        db = side.db()
        message = workflow.find(db, "NOPE2345")
        assert message is not None
        replies.send_reply(
            db,
            side.settings,
            side.cipher,
            message,
            helper,
            "Een antwoord",
            brussels("2026-11-23 11:00"),
        )
        assert workflow.find(db, "NOPE2345").answered_at is not None  # type: ignore[union-attr]
        run_async(scheduler.tick(side.settings, brussels("2026-11-23 11:01")))
    message = workflow.find(db, "NOPE2345")
    assert message is not None and message.answered_at is None  # it never left
    [undelivered] = outbox.undelivered(db, "NOPE2345")
    assert undelivered.kind == "reply" and "550" in undelivered.reason
    staff = signed_in(app, "bo", "helper", "antwerpen")
    page = staff.get("/medewerkers/bericht/NOPE2345").text
    assert "Niet bezorgd" in page and "telt niet als antwoord" in page
    # Closed (after calling back) and purged: the refused reply goes with the message.
    db.execute(
        "UPDATE messages SET closed_at = ? WHERE reference = 'NOPE2345'", ("2026-11-24T10:00:00Z",)
    )
    retention.purge(db, 30, brussels("2027-01-01 10:00"))
    assert db.execute("SELECT COUNT(*) FROM outbox WHERE reference = 'NOPE2345'").fetchone()[0] == 0
