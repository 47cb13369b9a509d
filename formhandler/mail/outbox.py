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
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr
from pathlib import Path
from typing import Protocol

from formhandler.core.crypto import DataCipher
from formhandler.storage import database

log = logging.getLogger("formhandler.mail.outbox")

FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)
LEASE = timedelta(minutes=5)
DELAYED_AFTER = timedelta(minutes=30)


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
    mail["Message-ID"] = make_msgid(domain=domain)
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
    sender = parseaddr(str(mail["From"]))[1]
    recipients = [address for _, address in _addresses(mail)]
    message_id = str(mail["Message-ID"])
    envelope = {
        "from": sender,
        "to": recipients,
        "data": base64.b64encode(mail.as_bytes()).decode("ascii"),
    }
    cursor = conn.execute(
        "INSERT INTO outbox (message_id, kind, reference, envelope, created_at, next_attempt_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            message_id,
            kind,
            reference,
            database.seal_json(cipher, envelope, f"outbox:{message_id}"),
            database.timestamp(now),
            database.timestamp(now),
        ),
    )
    return int(cursor.lastrowid or 0)


def _addresses(mail: EmailMessage) -> list[tuple[str, str]]:
    return getaddresses([str(value) for value in mail.get_all("To", [])])


def _describe(error: BaseException) -> str:
    code = getattr(error, "code", None)
    if isinstance(code, int):
        return f"SMTP {code}"
    return type(error).__name__


@dataclass
class Delivery:
    sent: int = 0
    failed: int = 0


@dataclass(frozen=True)
class Waiting:
    count: int
    oldest_seconds: int

    @property
    def delayed(self) -> bool:
        return self.oldest_seconds >= DELAYED_AFTER.total_seconds()


class Outbox:
    def __init__(self, db_path: Path, cipher: DataCipher, mailer: Mailer) -> None:
        self.database = db_path
        self.cipher = cipher
        self.mailer = mailer

    def _claim(self, conn: sqlite3.Connection, now: datetime, ids: Iterable[int] | None) -> list:
        """Rows due now, each leased to this sender so another process leaves it alone."""
        now_text = database.timestamp(now)
        query = (
            "SELECT id, message_id, envelope, attempts FROM outbox WHERE sent_at IS NULL "
            "AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
        )
        params: list[object] = [now_text, now_text]
        if ids is not None:
            wanted = list(ids)
            query += f" AND id IN ({','.join('?' * len(wanted))})"
            params += wanted
        claimed = []
        with database.transaction(conn):
            for row in conn.execute(query + " ORDER BY next_attempt_at, id LIMIT 200", params):
                claimed.append(row)
            conn.executemany(
                "UPDATE outbox SET lease_until = ? WHERE id = ?",
                [(database.timestamp(now + LEASE), row["id"]) for row in claimed],
            )
        return claimed

    async def deliver_due(self, now: datetime, ids: Iterable[int] | None = None) -> Delivery:
        """Try every mail whose time has come (or only `ids`), as if at `now`.

        Each commit waits for the disk (synchronous=FULL), so it runs in a worker thread:
        the event loop keeps answering people while the outbox writes.
        """
        conn = await asyncio.to_thread(database.connect, self.database)
        delivery = Delivery()
        try:
            for row in await asyncio.to_thread(self._claim, conn, now, ids):
                envelope = database.open_json(
                    self.cipher, row["envelope"], f"outbox:{row['message_id']}"
                )
                assert envelope is not None
                attempts = row["attempts"] + 1
                try:
                    await self.mailer.send(
                        envelope["from"], envelope["to"], base64.b64decode(envelope["data"])
                    )
                except Exception as error:  # every failure is retried; none may drop a mail
                    delivery.failed += 1
                    await asyncio.to_thread(
                        conn.execute,
                        "UPDATE outbox SET attempts = ?, next_attempt_at = ?, lease_until = NULL, "
                        "last_error = ? WHERE id = ?",
                        (
                            attempts,
                            database.timestamp(now + backoff(attempts)),
                            _describe(error),
                            row["id"],
                        ),
                    )
                    log.warning(
                        "mail %s not delivered (try %d): %s", row["id"], attempts, _describe(error)
                    )
                    continue
                delivery.sent += 1
                await asyncio.to_thread(
                    conn.execute,
                    "UPDATE outbox SET attempts = ?, sent_at = ?, lease_until = NULL, "
                    "last_error = NULL WHERE id = ?",
                    (attempts, database.timestamp(now), row["id"]),
                )
        finally:
            conn.close()
        return delivery


def waiting(conn: sqlite3.Connection, now: datetime) -> Waiting:
    """How many mails wait and how long the oldest has waited (for /healthz)."""
    row = conn.execute(
        "SELECT COUNT(*) AS count, MIN(created_at) AS oldest FROM outbox WHERE sent_at IS NULL"
    ).fetchone()
    if not row["count"]:
        return Waiting(0, 0)
    age = now - database.moment(row["oldest"])
    return Waiting(int(row["count"]), max(0, int(age.total_seconds())))
