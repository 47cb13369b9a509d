"""Development mail sink: a local SMTP server (aiosmtpd) that keeps every mail.

When formhandler runs in development without FORMHANDLER_SMTP_HOST, it starts this
sink on 127.0.0.1 and sends every mail there, through the same outbox and SMTP
code as in production, so nothing leaves the machine and yet the whole path runs.
The mails are stored (sealed) in `sink_messages`; the staff side lists them with
`storage.sink.received_mails`.
"""

from __future__ import annotations

import base64
import logging
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from formhandler.core.crypto import DataCipher
from formhandler.mail.smtp import SmtpMailer
from formhandler.storage import database, sink

log = logging.getLogger(__name__)


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
            sink.keep(conn, self.cipher, kept, datetime.now(UTC))
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
