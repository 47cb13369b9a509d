"""The life of a message on the staff side: open, claimed, answered, closed.

States are never stored; they follow from the timestamps (claimed_at, answered_at,
closed_at, purged_at), exactly as the `message_states` view in the schema does. Every
change is one UPDATE guarded by the state it expects, so two helpers clicking at once
cannot both claim a message or both send the first answer.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from formhandler.core.categories import CALLBACK_OUTCOMES, FOLLOWUPS, PROBLEMS
from formhandler.core.crypto import DataCipher
from formhandler.staff.accounts import StaffUser
from formhandler.storage import database, statistics

STATE_LABELS = {
    "open": "open",
    "claimed": "opgenomen",
    "answered": "beantwoord",
    "closed": "afgesloten",
    "purged": "afgesloten en gewist",
}


class WorkflowError(ValueError):
    """The action does not fit the message's state; the text says why, in Dutch."""


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
)


def message_from_row(row: sqlite3.Row) -> Message:
    values = {name: row[name] for name in Message.__dataclass_fields__}
    for name in _TIMES:
        values[name] = database.moment(row[name]) if row[name] else None
    return Message(**values)


def find(db: sqlite3.Connection, reference: str) -> Message | None:
    row = db.execute("SELECT * FROM messages WHERE reference = ?", (reference,)).fetchone()
    return message_from_row(row) if row else None


def visible_queues(user: StaffUser, all_queues: list[str]) -> list[str]:
    """The queues this account may see: coordinators all, everyone else their own team."""
    if user.role == "coordinator":
        return list(all_queues)
    if user.role == "complaints":
        return ["klachten"]
    return [user.team] if user.team in all_queues else []


def may_see(user: StaffUser, message: Message, all_queues: list[str]) -> bool:
    return message.queue in visible_queues(user, all_queues)


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


def claim(db: sqlite3.Connection, message: Message, user: StaffUser, now: datetime) -> None:
    with database.transaction(db):
        changed = db.execute(
            "UPDATE messages SET claimed_at = ?, claimed_by = ?"
            " WHERE id = ? AND claimed_at IS NULL AND closed_at IS NULL",
            (database.timestamp(now), user.name, message.id),
        ).rowcount
    if not changed:
        current = find(db, message.reference)
        who = current.claimed_by if current else None
        raise WorkflowError(
            f"Dit bericht is al opgenomen door {who}." if who else "Dit bericht is al afgesloten."
        )


def record_answer(
    db: sqlite3.Connection, message: Message, now: datetime, closing_days: tuple = ()
) -> bool:
    """Mark the first answer, inside the caller's transaction; False if one was given before."""
    changed = db.execute(
        "UPDATE messages SET answered_at = ? WHERE id = ? AND answered_at IS NULL",
        (database.timestamp(now), message.id),
    ).rowcount
    if changed:
        statistics.record_first_answer(db, message, now, closing_days)
    return bool(changed)


def close(
    db: sqlite3.Connection,
    message: Message,
    user: StaffUser,
    now: datetime,
    *,
    problem: str,
    followups: list[str],
    outcome: str | None,
    closing_days: tuple = (),
) -> None:
    """Close with the annual report's categories; a callback request with its outcome."""
    if problem not in PROBLEMS:
        raise WorkflowError("Kies het belangrijkste probleem.")
    if not followups or any(item not in FOLLOWUPS for item in followups):
        raise WorkflowError("Kies minstens één gevolg.")
    if message.closed_at:
        raise WorkflowError("Dit bericht is al afgesloten.")
    if message.reply_by == "phone":
        if outcome not in CALLBACK_OUTCOMES:
            raise WorkflowError("Kies hoe het terugbellen verliep.")
    elif message.answered_at is None:
        raise WorkflowError("Beantwoord het bericht eerst; daarna kunt u het afsluiten.")
    else:
        outcome = "answered"
    with database.transaction(db):
        if message.claimed_at is None:
            db.execute(
                "UPDATE messages SET claimed_at = ?, claimed_by = ? WHERE id = ?",
                (database.timestamp(now), user.name, message.id),
            )
        record_answer(db, message, now, closing_days)
        changed = db.execute(
            "UPDATE messages SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
            (database.timestamp(now), message.id),
        ).rowcount
        if not changed:
            raise WorkflowError("Dit bericht is al afgesloten.")
        statistics.record_closing(db, message, problem, followups, outcome)


def add_note(
    db: sqlite3.Connection,
    cipher: DataCipher,
    message: Message,
    user: StaffUser,
    text: str,
    now: datetime,
) -> None:
    text = text.strip()
    if not text:
        raise WorkflowError("Een notitie kan niet leeg zijn.")
    if message.purged_at:
        raise WorkflowError("Dit bericht is gewist; er kan geen notitie meer bij.")
    with database.transaction(db):
        cursor = db.execute(
            "INSERT INTO message_notes (message_id, author, created_at) VALUES (?, ?, ?)",
            (message.id, user.name, database.timestamp(now)),
        )
        note_id = cursor.lastrowid
        db.execute(
            "UPDATE message_notes SET body = ? WHERE id = ?",
            (cipher.seal(text, f"message_notes.body:{note_id}"), note_id),
        )


@dataclass(frozen=True)
class Note:
    author: str
    created_at: datetime
    text: str | None


def notes(db: sqlite3.Connection, cipher: DataCipher, message: Message) -> list[Note]:
    rows = db.execute(
        "SELECT id, author, created_at, body FROM message_notes WHERE message_id = ? ORDER BY id",
        (message.id,),
    )
    return [
        Note(
            row["author"],
            database.moment(row["created_at"]),
            cipher.open_text(row["body"], f"message_notes.body:{row['id']}")
            if row["body"]
            else None,
        )
        for row in rows
    ]
