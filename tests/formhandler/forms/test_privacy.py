"""What a person writes never reaches a log, and the database file holds it only sealed."""

from __future__ import annotations

import re
import secrets
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2 as httpx

from formhandler.core.crypto import DataCipher
from formhandler.core.settings import load_settings
from formhandler.storage import database
from formhandler.storage.sink import received_mails
from tests.support.forms import token_of
from tests.support.process import ServeProcess

CLIENT_IP = "127.0.0.2"  # the browser's address: a loopback address of its own


def test_a_unique_marker_is_in_no_log_and_only_sealed_in_the_database(
    site_dir: Path, tmp_path: Path
) -> None:
    marker = "MARKER" + secrets.token_hex(8)
    data_dir = tmp_path / "data"
    log_path = tmp_path / "serve.log"
    # Development without SMTP host: the service's own sink takes the mails, and its
    # log is the service's log.
    server = ServeProcess(data_dir, site_dir, log_path).start()
    transport = httpx.HTTPTransport(local_address=CLIENT_IP)
    try:
        with httpx.Client(base_url=server.url, transport=transport, timeout=10) as client:
            fields = {
                "bericht": f"Mijn verhaal {marker}",
                "naam": f"naam{marker}",
                "email": f"{marker.lower()}@example.org",
                "telefoon": "0470 99 88 77",
                "belmomenten": f"na school {marker}",
                "bevestiging": "ja",
            }
            token = token_of(client.get("/contact/mail/").text)
            time.sleep(0.25)
            assert client.post("/contact/mail/", data={"token": token, **fields}).status_code == 303
            # Refused and corrected submissions log too: none may quote the text.
            token = token_of(client.get("/contact/mail/").text)
            time.sleep(0.25)
            errors = {**fields, "email": f"fout{marker}"}
            assert client.post("/contact/mail/", data={"token": token, **errors}).status_code == 400
            spam = {**fields, "website": marker}
            assert client.post("/contact/mail/", data={"token": token, **spam}).status_code == 400
        settings = load_settings(server.env)
        cipher = DataCipher(settings.data_keys)
        deadline = time.monotonic() + 10
        while len(received_mails(settings.database_path, cipher)) < 2:
            assert time.monotonic() < deadline, "the sink did not get both mails"
            time.sleep(0.05)
    finally:
        server.stop()
    received = received_mails(settings.database_path, cipher)
    assert len(received) == 2
    tick = server.tick(datetime.now(UTC) + timedelta(hours=1), timeout=60)
    logs = log_path.read_text(errors="replace") + tick.stdout + tick.stderr
    assert logs.strip()  # the log is there and says something (development logs warnings only)
    assert marker not in logs and marker.lower() not in logs
    assert "0470 99 88 77" not in logs
    assert CLIENT_IP not in logs

    team_mail = next(mail for mail in received if mail.recipients[0].endswith("@1712.test"))
    team_raw = team_mail.message.as_string()
    assert marker not in team_raw and marker.lower() not in team_raw
    confirmation = next(mail for mail in received if mail is not team_mail)
    assert confirmation.recipients == (f"{marker.lower()}@example.org",)
    assert marker.lower() not in confirmation.message.get_body(("plain",)).get_content()

    db_path = data_dir / "formhandler.sqlite3"
    raw = b"".join(
        path.read_bytes() for path in data_dir.glob("formhandler.sqlite3*") if path.is_file()
    )
    assert marker.encode() not in raw and marker.lower().encode() not in raw
    assert b"0470 99 88 77" not in raw and CLIENT_IP.encode() not in raw
    conn = database.connect(db_path)
    [reference] = [row[0] for row in conn.execute("SELECT reference FROM messages")]
    content, contact = database.message_content(conn, cipher, reference)
    assert content is not None and marker in content["bericht"]
    assert contact is not None and contact["telefoon"] == "0470 99 88 77"
    assert re.fullmatch(r"[A-Z0-9]{8}", reference)
