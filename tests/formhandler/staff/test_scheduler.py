"""The scheduler's tick, the `formhandler tick` command and the development mail sink."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from formhandler.cli.development import development_sink
from formhandler.cli.main import main
from formhandler.cli.tick import parse_now
from formhandler.core.crypto import DataCipher
from formhandler.staff import scheduler
from formhandler.storage import database
from formhandler.storage.sink import received_mails
from tests.support.forms import client_for, form_settings, fresh_token, run_async, submit


async def _main_in_loop(argv: list[str]) -> int:
    return await asyncio.to_thread(main, argv)


MESSAGE = {"bericht": "Een vraag.", "email": "a@example.org"}


def test_now_without_offset_is_brussels_time() -> None:
    assert parse_now("2026-11-24T16:00") == datetime(
        2026, 11, 24, 16, 0, tzinfo=ZoneInfo("Europe/Brussels")
    )
    assert parse_now("2026-11-24T15:00+00:00") == datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def test_the_tick_command_delivers_into_the_development_sink(
    site_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    settings = form_settings(tmp_path, site_dir)  # development, no SMTP host
    assert submit(client_for(settings), "/contact/mail/", MESSAGE).status_code == 303
    monkeypatch.setenv("FORMHANDLER_ENV", "development")
    monkeypatch.setenv("FORMHANDLER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FORMHANDLER_SITE_DIR", str(site_dir))
    monkeypatch.delenv("FORMHANDLER_SMTP_HOST", raising=False)
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    # main runs asyncio.run itself: in a thread, beside the browser tests' loop.
    assert run_async(_main_in_loop(["tick", "--now", later])) == 0
    assert "mails_sent=1" in capsys.readouterr().out
    [mail] = received_mails(settings.database_path, DataCipher(settings.data_keys))
    assert mail.recipients == ("centraal@1712.test",)
    assert str(mail.message["Subject"]).startswith("Nieuw bericht ")


def test_the_development_start_runs_a_sink_without_smtp_host(
    site_dir: Path, tmp_path: Path
) -> None:
    settings = form_settings(tmp_path, site_dir)
    with client_for(settings, start_sink=development_sink) as client:
        assert client.app.state.mail_sink is not None  # type: ignore[attr-defined]
        assert submit(client, "/contact/mail/", MESSAGE).status_code == 303
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if received_mails(settings.database_path, DataCipher(settings.data_keys)):
                break
            time.sleep(0.05)
    [mail] = received_mails(settings.database_path, DataCipher(settings.data_keys))
    assert mail.recipients == ("centraal@1712.test",)
    conn = database.connect(settings.database_path)
    raw = conn.execute("SELECT envelope FROM sink_messages").fetchone()[0]
    assert b"centraal@1712.test" not in raw  # kept sealed like every mail


def test_no_sink_when_an_smtp_host_is_set(site_dir: Path, tmp_path: Path) -> None:
    settings = form_settings(tmp_path, site_dir, FORMHANDLER_SMTP_HOST="127.0.0.1")
    with client_for(settings, start_sink=development_sink) as client:
        assert client.app.state.mail_sink is None  # type: ignore[attr-defined]


def test_a_tick_forgets_used_tokens_once_they_expired(site_dir: Path, tmp_path: Path) -> None:
    settings = form_settings(tmp_path, site_dir, FORMHANDLER_SMTP_HOST="127.0.0.1")
    submit(client_for(settings), "/contact/mail/", MESSAGE)
    conn = database.connect(settings.database_path)
    with database.transaction(conn):
        database.use_token_nonce(conn, "long-gone", datetime.now(UTC) - timedelta(minutes=1))
    report = run_async(scheduler.tick(settings, datetime.now(UTC)))
    assert report["tokens_forgotten"] == 1  # the expired one; the fresh one stays
    assert database.token_nonce_used(conn, "long-gone") is False


def test_a_tick_ahead_of_the_clock_does_not_let_a_used_token_back_in(
    site_dir: Path, tmp_path: Path
) -> None:
    settings = form_settings(tmp_path, site_dir, FORMHANDLER_SMTP_HOST="127.0.0.1")
    client = client_for(settings)
    token = fresh_token(client, "/contact/mail/")
    fields = {"token": token, **MESSAGE}
    assert client.post("/contact/mail/", data=fields, follow_redirects=False).status_code == 303
    report = run_async(scheduler.tick(settings, datetime.now(UTC) + timedelta(hours=13)))
    assert report["tokens_forgotten"] == 0
    again = client.post("/contact/mail/", data=fields, follow_redirects=False)
    assert again.status_code == 400  # the same token, replayed: refused
