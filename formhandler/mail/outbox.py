"""Every mail leaves through a durable outbox: retried until sent, never dropped.

A mail is written to the `outbox` table in the same transaction as what caused it
(a new message, a reply), with its final bytes and a Message-ID that stays the same
on every try, so a receiving server or mail client can recognise a repeat. Delivery
is at least once: a crash between the SMTP server's "250 OK" and our `sent_at`
update sends the same mail again, never loses it.

A failed try waits 1, 2, 4 … minutes, at most one hour, and tries again, for ever:
five days of outage are about 120 tries, and a mail that still waits after thirty
minutes shows on /healthz (and on the staff side). Errors are kept as an SMTP code
or an exception class, never as the server's text, which can quote addresses.

The recipients and the mail are sealed like message text: a confirmation goes to a
person's own address.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import secrets
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTPUTF8
from email.utils import format_datetime, getaddresses, parseaddr
from pathlib import Path
from typing import Protocol

import aiosmtplib

from formhandler.core.crypto import DataCipher
from formhandler.mail.smtp import needs_smtputf8
from formhandler.storage import database
from formhandler.storage import outbox as queue
from formhandler.storage.outbox import Waiting, waiting

log = logging.getLogger(__name__)

__all__ = ["Delivery", "Mailer", "Outbox", "Waiting", "backoff", "compose", "enqueue", "waiting"]

FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)
LEASE = timedelta(minutes=5)


class Mailer(Protocol):
    async def send(self, sender: str, recipients: Sequence[str], data: bytes) -> None: ...


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed try: doubling from a minute, capped at an hour."""
    if attempts < 1:
        return timedelta(0)
    return min(FIRST_RETRY * 2 ** min(attempts - 1, 20), LONGEST_WAIT)


def compose(
    *, sender: str, recipients: Sequence[str], subject: str, body: str, now: datetime
) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = ", ".join(recipients)
    mail["Subject"] = subject
    mail["Date"] = format_datetime(now)
    domain = parseaddr(sender)[1].rpartition("@")[2] or "formhandler.invalid"
    # Random, unlike make_msgid's (which carries the time and the process id).
    mail["Message-ID"] = f"<{secrets.token_hex(16)}@{domain}>"
    mail["Auto-Submitted"] = "auto-generated"
    mail.set_content(body)
    return mail


def enqueue(
    conn: sqlite3.Connection,
    cipher: DataCipher,
    mail: EmailMessage,
    *,
    kind: str,
    reference: str | None,
    now: datetime,
) -> int:
    """Put a composed mail in the outbox, inside the caller's transaction; its row id."""
    recipients = [address for _, address in _addresses(mail)]
    # An address with a non-ASCII local part ('jöran@…') travels with SMTPUTF8, its
    # headers in UTF-8; everything else as plain ASCII mail.
    data = mail.as_bytes(policy=SMTPUTF8 if needs_smtputf8(recipients) else mail.policy)
    envelope = {
        "from": parseaddr(str(mail["From"]))[1],
        "to": recipients,
        "data": base64.b64encode(data).decode("ascii"),
    }
    return queue.add(
        conn,
        cipher,
        message_id=str(mail["Message-ID"]),
        kind=kind,
        reference=reference,
        envelope=envelope,
        now=now,
    )


def _addresses(mail: EmailMessage) -> list[tuple[str, str]]:
    return getaddresses([str(value) for value in mail.get_all("To", [])])


def _describe(error: BaseException) -> str:
    code = getattr(error, "code", None)
    if isinstance(code, int):
        return f"SMTP {code}"
    return type(error).__name__


def is_permanent(error: BaseException) -> bool:
    """A refusal that no retry can change: a 5xx answer, or an address we cannot send.

    Everything else (connection lost, server down, 4xx "try later") is retried.
    """
    if isinstance(error, UnicodeError | aiosmtplib.SMTPNotSupported):
        return True
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return all(500 <= refused.code < 600 for refused in error.recipients)
    code = getattr(error, "code", None)
    return isinstance(code, int) and 500 <= code < 600


def _reason(error: BaseException) -> str:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused) and error.recipients:
        return f"SMTP {error.recipients[0].code}: adres geweigerd"
    if isinstance(error, aiosmtplib.SMTPNotSupported):
        return "de mailserver kan dit adres (met letters buiten ASCII) niet aan"
    if isinstance(error, UnicodeError):
        return "ongeldig adres"
    return _describe(error)


@dataclass
class Delivery:
    sent: int = 0
    failed: int = 0


class Outbox:
    def __init__(self, db_path: Path, cipher: DataCipher, mailer: Mailer) -> None:
        self.database = db_path
        self.cipher = cipher
        self.mailer = mailer

    async def deliver_due(self, now: datetime, ids: Iterable[int] | None = None) -> Delivery:
        """Try every mail whose time has come (or only `ids`), as if at `now`.

        Each commit waits for the disk (synchronous=FULL), so it runs in a worker thread:
        the event loop keeps answering people while the outbox writes.
        """
        conn = await asyncio.to_thread(database.connect, self.database)
        delivery = Delivery()
        try:
            due = await asyncio.to_thread(queue.lease_due, conn, self.cipher, now, LEASE, ids)
            for mail in due:
                attempts = mail.attempts + 1
                envelope = mail.envelope
                try:
                    await self.mailer.send(
                        envelope["from"], envelope["to"], base64.b64decode(envelope["data"])
                    )
                except Exception as error:
                    delivery.failed += 1
                    if is_permanent(error):
                        await asyncio.to_thread(
                            queue.mark_undeliverable, conn, mail, attempts, now, _reason(error)
                        )
                        log.warning("mail %s refused for good: %s", mail.id, _describe(error))
                        continue
                    retry_at = now + backoff(attempts)
                    await asyncio.to_thread(
                        queue.mark_failed, conn, mail.id, attempts, retry_at, _describe(error)
                    )
                    log.warning(
                        "mail %s not delivered (try %d): %s", mail.id, attempts, _describe(error)
                    )
                    continue
                delivery.sent += 1
                await asyncio.to_thread(queue.mark_sent, conn, mail.id, attempts, now)
        finally:
            conn.close()
        return delivery
