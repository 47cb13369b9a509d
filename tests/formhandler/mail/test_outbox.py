"""The outbox: nothing lost when the mail server is away, exactly one mail when it returns."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from formhandler.core.crypto import DataCipher
from formhandler.core.settings import Settings
from formhandler.mail import outbox
from formhandler.staff import scheduler
from formhandler.storage import database
from tests.support.forms import client_for, form_settings, run_async, submit
from tests.support.smtp import SmtpServer

MESSAGE = "Tekst die nooit in een mail mag staan."


@pytest.mark.parametrize(
    ("attempts", "minutes"),
    [(1, 1), (2, 2), (3, 4), (4, 8), (5, 16), (6, 32), (7, 60), (8, 60), (200, 60)],
)
def test_retries_back_off_exponentially_up_to_an_hour(attempts: int, minutes: int) -> None:
    assert outbox.backoff(attempts) == timedelta(minutes=minutes)


def rows(settings: Settings) -> list[dict[str, object]]:
    conn = database.connect(settings.database_path)
    try:
        return [dict(row) for row in conn.execute("SELECT * FROM outbox ORDER BY id")]
    finally:
        conn.close()


def notification(settings: Settings) -> dict[str, object]:
    """The team notification's outbox row (the workflow may add other mails beside it)."""
    [row] = [row for row in rows(settings) if row["kind"] == "notification"]
    return row


def copies(smtp: SmtpServer, row: dict[str, object]) -> int:
    """How many times the mail of an outbox row reached the SMTP server."""
    return sum(str(mail.message["Message-ID"]) == row["message_id"] for mail in smtp.received)


def tick(settings: Settings, now: datetime) -> dict[str, int]:
    return run_async(scheduler.tick(settings, now))


def test_confirmed_message_survives_smtp_outage_and_is_delivered_once(
    site_dir: Path, tmp_path: Path
) -> None:
    smtp = SmtpServer()  # not started: the mail server is down
    settings = form_settings(tmp_path, site_dir, **smtp.environ())
    with client_for(settings) as client:  # lifespan on: the immediate try fails
        response = submit(client, "/contact/mail/", {"bericht": MESSAGE, "email": "a@example.org"})
        assert response.status_code == 303
        page = client.get(response.headers["location"])
        assert page.status_code == 200 and "fh-panel__reference" in page.text
    row = notification(settings)
    assert row["sent_at"] is None and row["attempts"] >= 1
    assert row["last_error"] in ("SMTPConnectError", "SMTPConnectTimeoutError", "OSError")
    start = datetime.now(UTC)
    assert tick(settings, start + timedelta(hours=2))["mails_failed"] == 1
    smtp.start()
    try:
        tick(settings, start + timedelta(hours=4))
        assert copies(smtp, row) == 1
        tick(settings, start + timedelta(hours=6))
        tick(settings, start + timedelta(days=9))
    finally:
        smtp.stop()
    assert copies(smtp, row) == 1
    [mail] = [m for m in smtp.received if str(m.message["Message-ID"]) == row["message_id"]]
    assert mail.recipients == ["centraal@1712.test"]
    assert notification(settings)["sent_at"] is not None


def test_five_days_of_outage_drop_nothing(site_dir: Path, tmp_path: Path) -> None:
    smtp = SmtpServer()
    settings = form_settings(tmp_path, site_dir, **smtp.environ())
    submit(client_for(settings), "/contact/mail/", {"bericht": MESSAGE, "telefoon": "0470123456"})
    start = database.moment(str(notification(settings)["created_at"]))
    now = start
    tries = 0
    while now < start + timedelta(days=5, hours=1):
        tick(settings, now)
        tries += 1
        row = notification(settings)
        assert row["sent_at"] is None
        waited = database.moment(str(row["next_attempt_at"])) - now
        assert timedelta(0) < waited <= timedelta(hours=1)
        now = database.moment(str(row["next_attempt_at"]))
    assert tries > 120 and notification(settings)["attempts"] == tries
    smtp.start()
    try:
        tick(settings, now)
    finally:
        smtp.stop()
    assert copies(smtp, notification(settings)) == 1


def test_a_retried_mail_keeps_its_message_id(site_dir: Path, tmp_path: Path) -> None:
    smtp = SmtpServer().start()
    smtp.refuse = 1
    try:
        settings = form_settings(tmp_path, site_dir, **smtp.environ())
        submit(client_for(settings), "/contact/mail/", {"bericht": MESSAGE, "email": "a@b.be"})
        now = datetime.now(UTC)
        tick(settings, now)
        assert notification(settings)["last_error"] == "SMTP 451"
        tick(settings, now + timedelta(seconds=30))
        assert copies(smtp, notification(settings)) == 0  # not due again yet
        tick(settings, now + timedelta(minutes=1))
        assert copies(smtp, notification(settings)) == 1
    finally:
        smtp.stop()
    first, final = smtp.refused[0].message, smtp.received[0].message
    assert first["Message-ID"] == final["Message-ID"]
    assert str(final["Message-ID"]).endswith("@1712.be>")


def test_a_leased_mail_is_not_sent_twice_by_two_senders(site_dir: Path, tmp_path: Path) -> None:
    smtp = SmtpServer().start()
    try:
        settings = form_settings(tmp_path, site_dir, **smtp.environ())
        submit(client_for(settings), "/contact/mail/", {"bericht": MESSAGE, "email": "a@b.be"})
        now = datetime.now(UTC)

        async def two_senders() -> list[dict[str, int]]:
            return list(
                await asyncio.gather(scheduler.tick(settings, now), scheduler.tick(settings, now))
            )

        reports = run_async(two_senders())
    finally:
        smtp.stop()
    assert sorted(report["mails_sent"] for report in reports) == [0, 1]
    assert copies(smtp, notification(settings)) == 1


def test_healthz_shows_waiting_mails_and_a_delay_after_thirty_minutes(
    site_dir: Path, tmp_path: Path
) -> None:
    settings = form_settings(tmp_path, site_dir, FORMHANDLER_SMTP_HOST="127.0.0.1")
    client = client_for(settings)
    assert client.get("/healthz").json() == {
        "status": "ok",
        "outbox": {"waiting": 0, "oldest_seconds": 0},
        "replication": {"state": "off", "lag_seconds": None},
    }
    conn = database.connect(settings.database_path)
    cipher = DataCipher(settings.data_keys)
    for age in (31, 5):
        created = datetime.now(UTC) - timedelta(minutes=age)
        mail = outbox.compose(
            sender="1712 <noreply@1712.be>",
            recipients=["team@1712.test"],
            subject="Nieuw bericht",
            body="-",
            now=created,
        )
        with database.transaction(conn):
            outbox.enqueue(conn, cipher, mail, kind="notification", reference=None, now=created)
    health = client.get("/healthz").json()
    assert health["status"] == "mail-delayed"
    assert health["outbox"]["waiting"] == 2
    assert 31 * 60 <= health["outbox"]["oldest_seconds"] < 33 * 60


def test_the_outbox_holds_recipients_and_mail_only_sealed(site_dir: Path, tmp_path: Path) -> None:
    settings = form_settings(tmp_path, site_dir)
    submit(
        client_for(settings),
        "/contact/mail/",
        {"bericht": MESSAGE, "email": "zegniets@example.org", "bevestiging": "ja"},
    )
    conn = database.connect(settings.database_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = settings.database_path.read_bytes()
    assert b"zegniets@example.org" not in raw
    assert b"centraal@1712.test" not in raw
    assert sorted(str(row["kind"]) for row in rows(settings)) == ["confirmation", "notification"]
