"""SIGKILL while submissions arrive: every confirmed submission is stored and delivered."""

from __future__ import annotations

import base64
import re
import signal
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2 as httpx

from formhandler.core.crypto import DataCipher
from formhandler.core.settings import development_keys
from formhandler.storage import database
from formhandler.web.confirmation_links import ConfirmationLinks
from tests.support.forms import token_of
from tests.support.process import ServeProcess
from tests.support.smtp import SmtpServer


def confirmed_reference(data_dir: Path, location: str) -> str:
    _, data_keys = development_keys(data_dir)
    sealed = location.split("bevestiging=", 1)[1]
    links = ConfirmationLinks(DataCipher([base64.b64decode(key) for key in data_keys]))
    found = links.read(sealed)
    assert found is not None
    return found.reference


def keep_submitting(url: str, confirmed: list[str], stop: threading.Event, data_dir: Path) -> None:
    with httpx.Client(base_url=url, timeout=5) as client:
        while not stop.is_set():
            try:
                token = token_of(client.get("/contact/mail/").text)
                time.sleep(0.21)
                response = client.post(
                    "/contact/mail/",
                    data={"token": token, "bericht": "Belast bericht", "email": "a@example.org"},
                )
            except httpx.HTTPError:
                return  # the server is gone
            if response.status_code == 303:
                confirmed.append(confirmed_reference(data_dir, response.headers["location"]))


def test_every_confirmed_submission_survives_sigkill_and_is_delivered(
    site_dir: Path, tmp_path: Path
) -> None:
    smtp = SmtpServer()  # down during the crash: the mails must wait in the outbox
    data_dir = tmp_path / "data"
    server = ServeProcess(data_dir, site_dir, tmp_path / "serve.log", **smtp.environ()).start()
    confirmed: list[str] = []
    stop = threading.Event()
    workers = [
        threading.Thread(target=keep_submitting, args=(server.url, confirmed, stop, data_dir))
        for _ in range(4)
    ]
    try:
        for worker in workers:
            worker.start()
        deadline = time.monotonic() + 30
        while len(confirmed) < 12 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.process is not None
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=10)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=10)
    assert len(confirmed) >= 12

    # After the crash, before any restart: every confirmed message is in the file, each
    # with its notification (the message and its mail are one transaction).
    conn = database.connect(data_dir / "formhandler.sqlite3")
    stored = {row[0] for row in conn.execute("SELECT reference FROM messages")}
    notified = {row[0] for row in conn.execute("SELECT reference FROM outbox")}
    conn.close()
    assert set(confirmed) <= stored
    assert stored == notified

    # Restarted (the mail server still down), the service counts them all as waiting.
    restarted = ServeProcess(data_dir, site_dir, tmp_path / "serve.log", **smtp.environ())
    try:
        health = httpx.get(restarted.start().url + "/healthz", timeout=5).json()
    finally:
        restarted.stop()
    assert health["outbox"]["waiting"] == len(stored)

    # The mail server is back; `formhandler tick` an hour later delivers each exactly once.
    smtp.start()
    try:
        result = restarted.tick(datetime.now(UTC) + timedelta(hours=1))
        assert result.returncode == 0, result.stderr
        assert f"mails_sent={len(stored)}" in result.stdout
        received = smtp.wait_for(len(stored))
    finally:
        smtp.stop()
    references = [re.search(r"Referentie: (\w{8})", mail.text).group(1) for mail in received]  # type: ignore[union-attr]
    assert set(confirmed) <= set(references)
    assert len(references) == len(set(references)) == len(stored)
