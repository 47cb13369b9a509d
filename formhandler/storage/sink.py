"""The development mail sink's copies (`sink_messages`), sealed like every mail."""

from __future__ import annotations

import base64
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from formhandler.core.crypto import DataCipher
from formhandler.storage import database, sealed


def keep(conn: sqlite3.Connection, cipher: DataCipher, kept: dict[str, Any], now: datetime) -> int:
    """Store one caught mail (sender, recipients, base64 data), sealed; its row id."""
    with database.transaction(conn):
        cursor = conn.execute(
            "INSERT INTO sink_messages (received_at, envelope) VALUES (?, x'')",
            (database.timestamp(now),),
        )
        row_id = int(cursor.lastrowid or 0)
        conn.execute(
            "UPDATE sink_messages SET envelope = ? WHERE id = ?",
            (database.seal_json(cipher, kept, sealed.sink_envelope(row_id)), row_id),
        )
    return row_id


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
        kept = database.open_json(cipher, row["envelope"], sealed.sink_envelope(row["id"]))
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


def forget_older_than(conn: sqlite3.Connection, cutoff: datetime) -> int:
    """The sink's copies follow the retention like every message: gone after `cutoff`."""
    with database.transaction(conn):
        return conn.execute(
            "DELETE FROM sink_messages WHERE received_at < ?", (database.timestamp(cutoff),)
        ).rowcount
