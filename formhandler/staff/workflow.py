"""The life of a message on the staff side: open, claimed, answered, closed.

The rules: who may see which queue, what each step needs (a category to close, an
answer before closing an e-mail request), and the Dutch words when a step does not
fit. The rows themselves change in `storage.messages`, each guarded by the state it
expects, so two helpers clicking at once cannot both claim or both answer.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from formhandler.core.categories import CALLBACK_OUTCOMES, FOLLOWUPS, PROBLEMS
from formhandler.core.crypto import DataCipher
from formhandler.core.opening_hours import Calendar
from formhandler.core.teams import COMPLAINTS
from formhandler.staff.accounts import StaffUser
from formhandler.storage import database, messages, statistics
from formhandler.storage.messages import STATE_LABELS, Message, Note

# The queries live in storage.messages; these names are the staff side's vocabulary.
find = messages.find
waiting = messages.waiting
overdue = messages.overdue


class WorkflowError(ValueError):
    """The action does not fit the message's state; the text says why, in Dutch."""


def visible_queues(user: StaffUser, all_queues: list[str]) -> list[str]:
    """The queues this account may see: coordinators all, everyone else their own team."""
    if user.role == "coordinator":
        return list(all_queues)
    if user.role == "complaints":
        return [COMPLAINTS]
    return [user.team] if user.team in all_queues else []


def may_see(user: StaffUser, message: Message, all_queues: list[str]) -> bool:
    return message.queue in visible_queues(user, all_queues)


def claim(db: sqlite3.Connection, message: Message, user: StaffUser, now: datetime) -> None:
    if not messages.claim(db, message.id, user.name, now):
        current = messages.find(db, message.reference)
        who = current.claimed_by if current else None
        raise WorkflowError(
            f"Dit bericht is al opgenomen door {who}." if who else "Dit bericht is al afgesloten."
        )


def record_answer(
    db: sqlite3.Connection, message: Message, now: datetime, calendar: Calendar | None = None
) -> bool:
    """Mark the first answer, inside the caller's transaction; False if one was given before."""
    changed = messages.mark_answered(db, message.id, now)
    if changed:
        statistics.record_first_answer(
            db,
            message.id,
            received_at=message.received_at,
            due_at=message.due_at,
            now=now,
            calendar=calendar,
        )
    return changed


def close(
    db: sqlite3.Connection,
    message: Message,
    user: StaffUser,
    now: datetime,
    *,
    problem: str,
    followups: list[str],
    outcome: str | None,
    calendar: Calendar | None = None,
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
        messages.claim_if_unclaimed(db, message.id, user.name, now)
        record_answer(db, message, now, calendar)
        if not messages.mark_closed(db, message.id, now):
            raise WorkflowError("Dit bericht is al afgesloten.")
        statistics.record_closing(db, message.id, problem, followups, outcome)


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
    messages.add_note(db, cipher, message.id, user.name, text, now)


def notes(db: sqlite3.Connection, cipher: DataCipher, message: Message) -> list[Note]:
    return messages.notes(db, cipher, message.id)


def thread(
    db: sqlite3.Connection, cipher: DataCipher, message: Message
) -> list[messages.ThreadEntry]:
    """The conversation on the site after the first message, oldest first."""
    return messages.thread(db, cipher, message.id)


__all__ = ["STATE_LABELS", "Message", "Note", "WorkflowError"]
