"""The `outbox` table: queued mails, their leases, tries and delivery.

Rows are written in the caller's transaction (so a mail exists exactly when what
caused it does); the envelope (sender, recipients, the mail's bytes) is sealed like
message text. `mail.outbox` decides when to try and what a failure means.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from formhandler.core.crypto import DataCipher
from formhandler.storage import database, sealed

DELAYED_AFTER = timedelta(minutes=30)


def add(
    conn: sqlite3.Connection,
    cipher: DataCipher,
    *,
    message_id: str,
    kind: str,
    reference: str | None,
    envelope: dict[str, Any],
    now: datetime,
) -> int:
    """Queue one mail inside the caller's transaction; its row id."""
    cursor = conn.execute(
        "INSERT INTO outbox (message_id, kind, reference, envelope, created_at, next_attempt_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            message_id,
            kind,
            reference,
            database.seal_json(cipher, envelope, sealed.outbox_envelope(message_id)),
            database.timestamp(now),
            database.timestamp(now),
        ),
    )
    return int(cursor.lastrowid or 0)


@dataclass(frozen=True)
class Queued:
    id: int
    message_id: str
    attempts: int
    envelope: dict[str, Any]
    kind: str
    reference: str | None


def lease_due(
    conn: sqlite3.Connection,
    cipher: DataCipher,
    now: datetime,
    lease: timedelta,
    ids: Iterable[int] | None = None,
) -> list[Queued]:
    """Rows due now (or only `ids`), each leased so that another sender leaves it alone."""
    now_text = database.timestamp(now)
    query = (
        "SELECT id, message_id, envelope, attempts, kind, reference FROM outbox"
        " WHERE sent_at IS NULL AND failed_at IS NULL"
        " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
    )
    params: list[object] = [now_text, now_text]
    if ids is not None:
        wanted = list(ids)
        query += f" AND id IN ({','.join('?' * len(wanted))})"
        params += wanted
    with database.transaction(conn):
        rows = conn.execute(query + " ORDER BY next_attempt_at, id LIMIT 200", params).fetchall()
        conn.executemany(
            "UPDATE outbox SET lease_until = ? WHERE id = ?",
            [(database.timestamp(now + lease), row["id"]) for row in rows],
        )
    queued = []
    for row in rows:
        envelope = database.open_json(
            cipher, row["envelope"], sealed.outbox_envelope(row["message_id"])
        )
        assert envelope is not None
        queued.append(
            Queued(
                row["id"],
                row["message_id"],
                row["attempts"],
                envelope,
                row["kind"],
                row["reference"],
            )
        )
    return queued


def mark_sent(conn: sqlite3.Connection, row_id: int, attempts: int, now: datetime) -> None:
    conn.execute(
        "UPDATE outbox SET attempts = ?, sent_at = ?, lease_until = NULL, "
        "last_error = NULL WHERE id = ?",
        (attempts, database.timestamp(now), row_id),
    )


def mark_failed(
    conn: sqlite3.Connection, row_id: int, attempts: int, retry_at: datetime, error: str
) -> None:
    conn.execute(
        "UPDATE outbox SET attempts = ?, next_attempt_at = ?, lease_until = NULL, "
        "last_error = ? WHERE id = ?",
        (attempts, database.timestamp(retry_at), error, row_id),
    )


def mark_undeliverable(
    conn: sqlite3.Connection, mail: Queued, attempts: int, now: datetime, reason: str
) -> None:
    """Refused for good: never tried again. A reply that never left is no answer."""
    with database.transaction(conn):
        conn.execute(
            "UPDATE outbox SET attempts = ?, failed_at = ?, lease_until = NULL, last_error = ?"
            " WHERE id = ?",
            (attempts, database.timestamp(now), reason, mail.id),
        )
        if mail.kind == "reply" and mail.reference:
            delivered = conn.execute(
                "SELECT 1 FROM outbox WHERE reference = ? AND kind = 'reply' AND failed_at IS NULL",
                (mail.reference,),
            ).fetchone()
            if delivered is None:
                conn.execute(
                    "UPDATE messages SET answered_at = NULL WHERE reference = ?", (mail.reference,)
                )
                conn.execute(
                    "UPDATE message_statistics SET working_minutes_to_answer = NULL,"
                    " answered_in_time = NULL WHERE message_id ="
                    " (SELECT id FROM messages WHERE reference = ?)",
                    (mail.reference,),
                )


@dataclass(frozen=True)
class Undelivered:
    kind: str
    failed_at: datetime
    reason: str


def undelivered(conn: sqlite3.Connection, reference: str) -> list[Undelivered]:
    """The mails about this message that could not be delivered, and why."""
    rows = conn.execute(
        "SELECT kind, failed_at, last_error FROM outbox"
        " WHERE reference = ? AND failed_at IS NOT NULL ORDER BY id",
        (reference,),
    )
    return [Undelivered(r["kind"], database.moment(r["failed_at"]), r["last_error"]) for r in rows]


@dataclass(frozen=True)
class Waiting:
    count: int
    oldest_seconds: int

    @property
    def delayed(self) -> bool:
        return self.oldest_seconds >= DELAYED_AFTER.total_seconds()


def waiting(conn: sqlite3.Connection, now: datetime) -> Waiting:
    """How many mails wait and how long the oldest has waited (for /healthz)."""
    row = conn.execute(
        "SELECT COUNT(*) AS count, MIN(created_at) AS oldest FROM outbox"
        " WHERE sent_at IS NULL AND failed_at IS NULL"
    ).fetchone()
    if not row["count"]:
        return Waiting(0, 0)
    age = now - database.moment(row["oldest"])
    return Waiting(int(row["count"]), max(0, int(age.total_seconds())))
