"""`formhandler tick --now`: a reminder at four working hours left, one escalation, the purge."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from formhandler.staff import replies, workflow
from formhandler.staff.accounts import StaffUser
from formhandler.storage import database
from tests.support.site import ROOT
from tests.support.smtp import SmtpServer
from tests.support.staff import add_message, brussels, side_of, staff_app

TEAM = "team-antwerpen@1712.test"
COORDINATORS = "coordinatie@1712.test"
SECRET_TEXT = "Niemand mag dit ooit nog lezen 7f3a"


@pytest.fixture
def smtp():
    with SmtpServer() as catcher:
        yield catcher


@pytest.fixture
def app(tmp_path: Path, site_dir: Path, smtp: SmtpServer):
    app = staff_app(tmp_path, site_dir, **smtp.environ())
    # Received Monday 10:00, due Wednesday 10:00.
    add_message(app, "TICK2345", received=brussels("2026-11-23 10:00"), text=SECRET_TEXT)
    return app


def tick(app, when: str, **env: str) -> str:
    settings = side_of(app).settings
    environ = {
        **os.environ,
        "FORMHANDLER_ENV": "development",
        "FORMHANDLER_DATA_DIR": str(settings.data_dir),
        "FORMHANDLER_SITE_DIR": str(settings.site_dir),
        "FORMHANDLER_SMTP_HOST": "127.0.0.1",
        "FORMHANDLER_SMTP_PORT": str(settings.smtp_port),
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-m", "formhandler", "tick", "--now", when],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def test_reminder_when_four_working_hours_are_left_and_only_once(app, smtp: SmtpServer) -> None:
    tick(app, "2026-11-24T13:59")  # Tuesday: 4 h 01 min left
    assert smtp.to(TEAM) == []
    report = tick(app, "2026-11-24T14:00")  # Tue 14-17 + Wed 9-10 = 4 h left
    assert "reminders=1" in report
    tick(app, "2026-11-24T14:00")
    tick(app, "2026-11-24T16:30")
    reminders = smtp.to(TEAM)
    assert len(reminders) == 1
    mail = reminders[0]
    assert mail["Subject"] == "Herinnering: bericht TICK2345 wacht op antwoord"
    body = mail.get_content()
    assert "TICK2345" in body and "/medewerkers/bericht/TICK2345" in body
    assert SECRET_TEXT not in mail.as_string()
    assert "iemand@example.org" not in mail.as_string()


def test_one_escalation_to_the_coordinators_when_overdue(app, smtp: SmtpServer) -> None:
    tick(app, "2026-11-25T09:59")
    assert smtp.to(COORDINATORS) == []
    tick(app, "2026-11-25T10:00")
    tick(app, "2026-11-25T10:00")
    tick(app, "2026-11-26T15:00")
    escalations = smtp.to(COORDINATORS)
    assert len(escalations) == 1
    assert escalations[0]["Subject"] == "Te laat: bericht TICK2345 is nog niet beantwoord"
    assert SECRET_TEXT not in escalations[0].as_string()
    # The overdue message now counts as not answered in time.
    db = database.connect(side_of(app).settings.database_path)
    assert db.execute("SELECT answered_in_time FROM message_statistics").fetchone()[0] == 0
    # The first tick, one minute before the due time, reminded the team (once).
    assert len(smtp.to(TEAM)) == 1


def test_an_answered_message_is_neither_reminded_nor_escalated(app, smtp: SmtpServer) -> None:
    side = side_of(app)
    db = side.db()
    message = workflow.find(db, "TICK2345")
    assert message is not None
    with database.transaction(db):
        workflow.record_answer(db, message, brussels("2026-11-24 11:00"))
    tick(app, "2026-11-24T14:00")
    tick(app, "2026-11-26T14:00")
    assert smtp.to(TEAM) == [] and smtp.to(COORDINATORS) == []


def _files(data_dir: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(data_dir.glob("formhandler.sqlite3*")))


def test_purge_after_retention_wipes_text_from_the_file_and_keeps_statistics(
    app, smtp: SmtpServer
) -> None:
    side = side_of(app)
    data_dir = side.settings.data_dir
    db = side.db()
    sealed = db.execute("SELECT content, contact FROM messages").fetchone()
    helper = StaffUser(
        id=1, name="an", role="helper", team="antwerpen", session_epoch=0, disabled=False
    )
    message = workflow.find(db, "TICK2345")
    assert message is not None
    workflow.add_note(
        db, side.cipher, message, helper, "notitie die weg moet", brussels("2026-11-23 11:00")
    )
    note = db.execute("SELECT body FROM message_notes").fetchone()[0]
    message = workflow.find(db, "TICK2345")
    assert message is not None
    # A mail message is answered (through the outbox) before it is closed.
    replies.send_reply(
        db,
        side.settings,
        side.cipher,
        message,
        helper,
        "Antwoord 9c1e",
        brussels("2026-11-23 11:30"),
    )
    reply = db.execute("SELECT envelope FROM outbox WHERE kind = 'reply'").fetchone()[0]
    workflow.close(
        db,
        workflow.find(db, "TICK2345"),
        helper,
        brussels("2026-11-23 12:00"),
        problem="kindermishandeling",
        followups=["advies", "doorverwezen-vk"],
        outcome=None,
    )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    raw = _files(data_dir)
    assert sealed["content"] in raw and sealed["contact"] in raw and note in raw and reply in raw

    assert "purged=0" in tick(app, "2026-12-23T11:59", FORMHANDLER_RETENTION_DAYS="30")
    assert len(smtp.to("iemand@example.org")) == 1  # the reply went out
    assert "purged=1" in tick(app, "2026-12-23T12:00", FORMHANDLER_RETENTION_DAYS="30")
    assert "purged=0" in tick(app, "2026-12-23T12:00", FORMHANDLER_RETENTION_DAYS="30")

    raw = _files(data_dir)
    for blob in (sealed["content"], sealed["contact"], note, reply):
        assert blob not in raw, "sealed text still in the database file after the purge"
    check = sqlite3.connect(data_dir / "formhandler.sqlite3")
    row = check.execute(
        "SELECT content, contact, categories, purged_at, received_at, due_at, answered_at,"
        " claimed_by, region, age_group FROM messages WHERE reference = 'TICK2345'"
    ).fetchone()
    # Nothing about the person stays, and no exact moment (issue 16, finding 10): the day of
    # the purge, the month of receipt (midnight in Brussels, as UTC), nobody who handled it.
    assert row[:4] == (None, None, None, "2026-12-22T23:00:00Z")
    assert row[4:] == ("2026-10-31T23:00:00Z", "2026-10-31T23:00:00Z", None, None, None, None)
    stats = check.execute(
        "SELECT month, queue, age_group, writer, problem, followups, working_minutes_to_answer,"
        " answered_in_time FROM message_statistics"
    ).fetchone()
    assert stats == (
        "2026-11",
        "antwerpen",
        "18-25",
        "slachtoffer",
        "kindermishandeling",
        "advies,doorverwezen-vk",
        90,
        1,
    )
