"""Development mail sink: a local SMTP server (aiosmtpd) that keeps every mail.

When formhandler runs in development without FORMHANDLER_SMTP_HOST, it starts this
sink on 127.0.0.1 and sends every mail there, through the same outbox and SMTP
code as in production, so nothing leaves the machine and yet the whole path runs.
The mails are stored (sealed) in `sink_messages`; the staff side lists them with
`received_mails`.
"""

from __future__ import annotations

import base64
import logging
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from formhandler.core.crypto import DataCipher
from formhandler.mail.smtp import SmtpMailer
from formhandler.storage import database

log = logging.getLogger("formhandler.mail.devsink")


class _StoreHandler:
    def __init__(self, db_path: Path, cipher: DataCipher) -> None:
        self.database = db_path
        self.cipher = cipher

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        kept = {
            "from": envelope.mail_from,
            "to": list(envelope.rcpt_tos),
            "data": base64.b64encode(envelope.original_content or envelope.content).decode(),
        }
        conn = database.connect(self.database)
        try:
            with database.transaction(conn):
                received = database.timestamp(datetime.now(UTC))
                cursor = conn.execute(
                    "INSERT INTO sink_messages (received_at, envelope) VALUES (?, x'')",
                    (received,),
                )
                row_id = cursor.lastrowid
                conn.execute(
                    "UPDATE sink_messages SET envelope = ? WHERE id = ?",
                    (database.seal_json(self.cipher, kept, f"sink_messages:{row_id}"), row_id),
                )
        finally:
            conn.close()
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class MailSink:
    """The sink while it runs; `mailer` sends to it."""

    def __init__(self, db_path: Path, cipher: DataCipher) -> None:
        self.port = _free_port()
        self._controller = Controller(
            _StoreHandler(db_path, cipher), hostname="127.0.0.1", port=self.port
        )

    def start(self) -> MailSink:
        # aiosmtpd logs every envelope address at INFO: a person's own address must not
        # reach a log, so its logger only speaks up for problems.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        self._controller.start()
        log.info("development mail sink on 127.0.0.1:%d; mails are kept, none leaves", self.port)
        return self

    def stop(self) -> None:
        self._controller.stop()

    @property
    def mailer(self) -> SmtpMailer:
        return SmtpMailer("127.0.0.1", self.port)

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass(frozen=True)
class SinkMail:
    id: int
    received_at: datetime
    sender: str
    recipients: tuple[str, ...]
    message: EmailMessage


def received_mails(db_path: Path, cipher: DataCipher, limit: int = 100) -> list[SinkMail]:
    """The newest mails the sink caught, newest first."""
    conn = database.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT id, received_at, envelope FROM sink_messages ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
    finally:
        conn.close()
    mails = []
    for row in rows:
        kept = database.open_json(cipher, row["envelope"], f"sink_messages:{row['id']}")
        assert kept is not None
        message = message_from_bytes(base64.b64decode(kept["data"]), policy=policy.default)
        assert isinstance(message, EmailMessage)
        mails.append(
            SinkMail(
                row["id"],
                database.moment(row["received_at"]),
                kept["from"],
                tuple(kept["to"]),
                message,
            )
        )
    return mails
