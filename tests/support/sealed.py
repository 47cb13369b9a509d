"""A database with something in every sealed column, made through the owners' own functions.

Shared by the backup and key-rotation tests: each value is written the way the
service writes it, and read back the way the service reads it.
"""

from __future__ import annotations

import smtplib
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pyotp

from formhandler.core.crypto import DataCipher
from formhandler.mail import outbox
from formhandler.mail.devsink import MailSink
from formhandler.staff import accounts, workflow
from formhandler.storage import database
from formhandler.storage.sink import received_mails

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
PASSWORD = "een lang wachtwoord voor de test"


@dataclass
class Written:
    messages: dict[str, tuple[dict[str, str], dict[str, str]]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    mails: dict[str, bytes] = field(default_factory=dict)
    totp_uri: str = ""
    logins: int = 0


def fill(conn: sqlite3.Connection, cipher: DataCipher, count: int = 5) -> Written:
    written = Written()
    written.totp_uri = accounts.add_user(
        conn,
        "helper.antwerpen",
        "helper",
        PASSWORD,
        team="antwerpen",
        known_teams={"antwerpen"},
        cipher=cipher,
    )
    helper = accounts.list_users(conn)[0]
    for number in range(count):
        reference = f"REF{number:05d}"
        content = {"bericht": f"Bericht nummer {number}: mijn buurman roept elke nacht."}
        contact = {"email": f"persoon{number}@example.org"}
        with database.transaction(conn):
            database.insert_message(
                conn,
                cipher,
                database.NewMessage(
                    reference=reference,
                    form="mail",
                    audience="volwassenen",
                    language="nl",
                    queue="antwerpen",
                    reply_by="email",
                    content=content,
                    contact=contact,
                    categories={"region": "antwerpen"},
                    received_at=NOW,
                    due_at=NOW + timedelta(days=2),
                ),
            )
            mail = EmailMessage()
            mail["From"] = "1712 <noreply@1712.be>"
            mail["To"] = "team-antwerpen@example.org"
            mail["Subject"] = "Nieuw bericht in de wachtrij"
            mail["Message-ID"] = f"<{reference}@1712.be>"
            mail.set_content(f"Referentie {reference}")
            outbox.enqueue(conn, cipher, mail, kind="notification", reference=reference, now=NOW)
        written.messages[reference] = (content, contact)
        written.mails[f"<{reference}@1712.be>"] = mail.as_bytes()
        message = workflow.find(conn, reference)
        assert message is not None
        note = f"Notitie bij {reference}: teruggebeld, geen antwoord."
        workflow.add_note(conn, cipher, message, helper, note, NOW)
        written.notes[reference] = note
    # The development mail sink keeps a mail, as it does under `make serve`.
    with (
        MailSink(database_path(conn), cipher) as sink,
        smtplib.SMTP("127.0.0.1", sink.port) as smtp,
    ):
        smtp.sendmail("noreply@1712.be", ["team@example.org"], SINK_MAIL)
    return written


SINK_MAIL = b"Subject: Nieuw bericht in de wachtrij\r\n\r\nReferentie in de sink\r\n"


def database_path(conn: sqlite3.Connection) -> Path:
    return Path(conn.execute("PRAGMA database_list").fetchone()[2])


def read_back(conn: sqlite3.Connection, cipher: DataCipher, written: Written) -> None:
    """Assert that every value written by `fill` opens with `cipher` and is unchanged."""
    for reference, (content, contact) in written.messages.items():
        assert database.message_content(conn, cipher, reference) == (content, contact)
        message = workflow.find(conn, reference)
        assert message is not None
        assert [note.text for note in workflow.notes(conn, cipher, message)] == [
            written.notes[reference]
        ]
    rows = conn.execute("SELECT message_id, envelope FROM outbox").fetchall()
    assert {row["message_id"] for row in rows} == set(written.mails)
    for row in rows:
        envelope = database.open_json(cipher, row["envelope"], f"outbox:{row['message_id']}")
        assert envelope is not None and envelope["to"] == ["team-antwerpen@example.org"]
    sink = received_mails(database_path(conn), cipher)
    assert [str(mail.message["Subject"]) for mail in sink] == ["Nieuw bericht in de wachtrij"]
    secret = pyotp.parse_uri(written.totp_uri).secret
    # Each login needs a fresh TOTP step: move the clock on by one step per check.
    written.logins += 1
    at = time.time() + 30 * written.logins
    code = pyotp.TOTP(secret).at(at)
    user = accounts.authenticate(conn, "helper.antwerpen", PASSWORD, code, cipher=cipher, at=at)
    assert user is not None
