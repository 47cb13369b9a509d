"""The `messages` table as the staff side reads and changes it.

States are never stored; they follow from the timestamps (claimed_at, answered_at,
closed_at, purged_at), exactly as the `message_states` view in the schema does. Every
change is one UPDATE guarded by the state it expects, so two helpers clicking at once
cannot both claim a message or both send the first answer; the functions say whether
their change happened.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from formhandler.core.crypto import DataCipher
from formhandler.storage import database, sealed

STATE_LABELS = {
    "open": "open",
    "claimed": "opgenomen",
    "answered": "beantwoord",
    "closed": "afgesloten",
    "purged": "afgesloten en gewist",
}


@dataclass(frozen=True)
class Message:
    id: int
    reference: str
    form: str
    audience: str
    language: str
    queue: str
    reply_by: str
    region: str | None
    age_group: str | None
    writer: str | None
    theme: str | None
    channel: str | None
    received_at: datetime
    due_at: datetime
    claimed_at: datetime | None
    claimed_by: str | None
    answered_at: datetime | None
    closed_at: datetime | None
    purged_at: datetime | None
    reminded_at: datetime | None
    escalated_at: datetime | None
    read_at: datetime | None = None  # reply_by 'site': the person last opened the answer

    @property
    def state(self) -> str:
        if self.purged_at:
            return "purged"
        if self.closed_at:
            return "closed"
        if self.answered_at:
            return "answered"
        if self.claimed_at:
            return "claimed"
        return "open"

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


_TIMES = (
    "received_at",
    "due_at",
    "claimed_at",
    "answered_at",
    "closed_at",
    "purged_at",
    "reminded_at",
    "escalated_at",
    "read_at",
)


def message_from_row(row: sqlite3.Row) -> Message:
    values = {name: row[name] for name in Message.__dataclass_fields__}
    for name in _TIMES:
        values[name] = database.moment(row[name]) if row[name] else None
    return Message(**values)


def find(db: sqlite3.Connection, reference: str) -> Message | None:
    row = db.execute("SELECT * FROM messages WHERE reference = ?", (reference,)).fetchone()
    return message_from_row(row) if row else None


def by_id(db: sqlite3.Connection, message_id: int) -> Message | None:
    row = db.execute("SELECT * FROM messages WHERE id = ?", (message_id,)).fetchone()
    return message_from_row(row) if row else None


def reference_taken(db: sqlite3.Connection, reference: str) -> bool:
    return (
        db.execute("SELECT 1 FROM messages WHERE reference = ?", (reference,)).fetchone()
        is not None
    )


def waiting(db: sqlite3.Connection, queues: list[str]) -> list[Message]:
    """Messages not yet closed in these queues, the one due first on top."""
    if not queues:
        return []
    marks = ",".join("?" * len(queues))
    rows = db.execute(
        f"SELECT * FROM messages WHERE closed_at IS NULL AND queue IN ({marks})"  # noqa: S608
        " ORDER BY due_at, received_at",
        queues,
    )
    return [message_from_row(row) for row in rows]


def overdue(db: sqlite3.Connection, now: datetime) -> list[Message]:
    """Unanswered messages past their due time, in every queue (the escalations)."""
    rows = db.execute(
        "SELECT * FROM messages WHERE answered_at IS NULL AND closed_at IS NULL"
        " AND due_at <= ? ORDER BY due_at",
        (database.timestamp(now),),
    )
    return [message_from_row(row) for row in rows]


def unanswered_unflagged(db: sqlite3.Connection) -> list[Message]:
    """Unanswered open messages still waiting for a reminder or an escalation."""
    rows = db.execute(
        "SELECT * FROM messages WHERE answered_at IS NULL AND closed_at IS NULL"
        " AND (reminded_at IS NULL OR escalated_at IS NULL) ORDER BY due_at"
    )
    return [message_from_row(row) for row in rows]


def mark_escalated(db: sqlite3.Connection, message_id: int, now: datetime) -> bool:
    """Inside the caller's transaction; False if escalated or answered meanwhile."""
    return bool(
        db.execute(
            "UPDATE messages SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL"
            " AND answered_at IS NULL",
            (database.timestamp(now), message_id),
        ).rowcount
    )


def mark_reminded(db: sqlite3.Connection, message_id: int, now: datetime) -> bool:
    """Inside the caller's transaction; False if reminded or answered meanwhile."""
    return bool(
        db.execute(
            "UPDATE messages SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL"
            " AND answered_at IS NULL",
            (database.timestamp(now), message_id),
        ).rowcount
    )


def claim(db: sqlite3.Connection, message_id: int, who: str, now: datetime) -> bool:
    """Claim an open message in its own transaction; False if claimed or closed before."""
    with database.transaction(db):
        return bool(
            db.execute(
                "UPDATE messages SET claimed_at = ?, claimed_by = ?"
                " WHERE id = ? AND claimed_at IS NULL AND closed_at IS NULL",
                (database.timestamp(now), who, message_id),
            ).rowcount
        )


def claim_if_unclaimed(db: sqlite3.Connection, message_id: int, who: str, now: datetime) -> None:
    """Inside the caller's transaction: whoever answers or closes first holds the message."""
    db.execute(
        "UPDATE messages SET claimed_at = ?, claimed_by = ? WHERE id = ? AND claimed_at IS NULL",
        (database.timestamp(now), who, message_id),
    )


def mark_answered(db: sqlite3.Connection, message_id: int, now: datetime) -> bool:
    """Inside the caller's transaction; False if it was answered before."""
    return bool(
        db.execute(
            "UPDATE messages SET answered_at = ? WHERE id = ? AND answered_at IS NULL",
            (database.timestamp(now), message_id),
        ).rowcount
    )


def mark_closed(db: sqlite3.Connection, message_id: int, now: datetime) -> bool:
    """Inside the caller's transaction; False if it was closed before."""
    return bool(
        db.execute(
            "UPDATE messages SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
            (database.timestamp(now), message_id),
        ).rowcount
    )


@dataclass(frozen=True)
class Note:
    author: str
    created_at: datetime
    text: str | None


def add_note(
    db: sqlite3.Connection,
    cipher: DataCipher,
    message_id: int,
    author: str,
    text: str,
    now: datetime,
) -> None:
    with database.transaction(db):
        cursor = db.execute(
            "INSERT INTO message_notes (message_id, author, created_at) VALUES (?, ?, ?)",
            (message_id, author, database.timestamp(now)),
        )
        note_id = cursor.lastrowid
        db.execute(
            "UPDATE message_notes SET body = ? WHERE id = ?",
            (cipher.seal(text, sealed.note_body(note_id)), note_id),
        )


def notes(db: sqlite3.Connection, cipher: DataCipher, message_id: int) -> list[Note]:
    rows = db.execute(
        "SELECT id, author, created_at, body FROM message_notes WHERE message_id = ? ORDER BY id",
        (message_id,),
    )
    return [
        Note(
            row["author"],
            database.moment(row["created_at"]),
            cipher.open_text(row["body"], sealed.note_body(row["id"])) if row["body"] else None,
        )
        for row in rows
    ]


@dataclass(frozen=True)
class ThreadEntry:
    author: str | None  # the helper's account; None: the person
    created_at: datetime
    text: str


def add_to_thread(
    db: sqlite3.Connection,
    cipher: DataCipher,
    message_id: int,
    author: str | None,
    text: str,
    now: datetime,
) -> None:
    """Inside the caller's transaction: one sealed entry of the conversation on the site."""
    cursor = db.execute(
        "INSERT INTO message_thread (message_id, author, created_at) VALUES (?, ?, ?)",
        (message_id, author, database.timestamp(now)),
    )
    entry_id = int(cursor.lastrowid or 0)
    db.execute(
        "UPDATE message_thread SET body = ? WHERE id = ?",
        (cipher.seal(text, sealed.thread_body(entry_id)), entry_id),
    )


def thread(db: sqlite3.Connection, cipher: DataCipher, message_id: int) -> list[ThreadEntry]:
    """The conversation after the first message, oldest first."""
    rows = db.execute(
        "SELECT id, author, created_at, body FROM message_thread"
        " WHERE message_id = ? AND body IS NOT NULL ORDER BY id",
        (message_id,),
    )
    return [
        ThreadEntry(
            row["author"],
            database.moment(row["created_at"]),
            cipher.open_text(row["body"], sealed.thread_body(row["id"])),
        )
        for row in rows
    ]


def code_word_hash(db: sqlite3.Connection, reference: str) -> tuple[int, str] | None:
    """The id and code word hash of a message read on the site that is not purged."""
    row = db.execute(
        "SELECT id, code_word_hash FROM messages WHERE reference = ? AND reply_by = 'site'"
        " AND purged_at IS NULL AND code_word_hash IS NOT NULL",
        (reference,),
    ).fetchone()
    return (row["id"], row["code_word_hash"]) if row else None


def mark_read(db: sqlite3.Connection, message_id: int, now: datetime) -> None:
    with database.transaction(db):
        db.execute(
            "UPDATE messages SET read_at = ? WHERE id = ?", (database.timestamp(now), message_id)
        )


def reopen(db: sqlite3.Connection, message_id: int, due: datetime) -> bool:
    """Inside the caller's transaction: a follow-up makes the case open again, due anew.

    The claim stays (the helper who answered knows the case); the answer, the closing and
    the reminder marks are cleared so the queue, reminders and escalation see it as new.
    """
    return bool(
        db.execute(
            "UPDATE messages SET answered_at = NULL, closed_at = NULL, reminded_at = NULL,"
            " escalated_at = NULL, due_at = ? WHERE id = ? AND purged_at IS NULL",
            (database.timestamp(due), message_id),
        ).rowcount
    )


def move(db: sqlite3.Connection, message_id: int, from_queue: str, to_queue: str) -> bool:
    """Inside the caller's transaction: to another queue, due time kept, claim let go."""
    return bool(
        db.execute(
            "UPDATE messages SET queue = ?, claimed_at = NULL, claimed_by = NULL"
            " WHERE id = ? AND queue = ? AND closed_at IS NULL",
            (to_queue, message_id, from_queue),
        ).rowcount
    )


def release(db: sqlite3.Connection, message_id: int, claimed_by: str) -> bool:
    """Inside the caller's transaction: the claim let go, the message open again."""
    return bool(
        db.execute(
            "UPDATE messages SET claimed_at = NULL, claimed_by = NULL"
            " WHERE id = ? AND claimed_by = ? AND closed_at IS NULL",
            (message_id, claimed_by),
        ).rowcount
    )
