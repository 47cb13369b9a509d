"""Moving a case to another queue, and giving back a claim (issue 12).

A helper who sees that a message belongs elsewhere (the central queue's message about
Limburg) moves it: the due time stays, the claim is let go (the new team takes it up),
the new team gets the usual neutral notification (reference, queue, due time, link;
never a word of the text), and the audit log records the move. A helper who cannot
finish a claimed case releases it, so the queue shows it open again.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from formhandler.core.crypto import DataCipher
from formhandler.core.i18n import staff_moment
from formhandler.core.settings import Settings
from formhandler.core.teams import COMPLAINTS, Teams
from formhandler.core.urls import staff_message_url
from formhandler.mail import outbox
from formhandler.staff.accounts import StaffUser
from formhandler.staff.workflow import WorkflowError, visible_queues
from formhandler.storage import database, messages
from formhandler.storage.messages import Message


def move(
    db: sqlite3.Connection,
    settings: Settings,
    cipher: DataCipher,
    teams: Teams,
    message: Message,
    user: StaffUser,
    queue: str,
    now: datetime,
) -> None:
    if queue not in teams.queues:
        raise WorkflowError("Kies een bestaande wachtrij.")
    if queue == message.queue:
        raise WorkflowError("Het bericht staat al in die wachtrij.")
    if message.closed_at or message.purged_at:
        raise WorkflowError("Dit bericht is al afgesloten.")
    if (queue == COMPLAINTS) != (message.form == "klacht"):
        raise WorkflowError("Klachten blijven in de wachtrij voor klachten.")
    target = teams.queues[queue]
    link = staff_message_url(settings.base_url, message.reference)
    source = teams.queues.get(message.queue)
    source_name = source.name if source else message.queue
    mail = outbox.compose(
        sender=settings.mail_from,
        recipients=target.notify,
        subject=f"Bericht {message.reference} verplaatst naar wachtrij {target.name}",
        body=(
            f"Er wacht een bericht in de wachtrij {target.name}; het werd verplaatst uit "
            f"de wachtrij {source_name}.\n\n"
            f"Referentie: {message.reference}\n"
            f"Te beantwoorden uiterlijk {staff_moment(message.due_at, joiner=' om ')}.\n\n"
            f"Open het in de medewerkersomgeving:\n{link}\n"
        ),
        now=now,
    )
    with database.transaction(db):
        if not messages.move(db, message.id, message.queue, queue):
            raise WorkflowError("Dit bericht is intussen veranderd; laad de pagina opnieuw.")
        outbox.enqueue(db, cipher, mail, kind="notification", reference=message.reference, now=now)


def release(db: sqlite3.Connection, message: Message, user: StaffUser) -> None:
    if message.closed_at:
        raise WorkflowError("Dit bericht is al afgesloten.")
    if not message.claimed_by:
        raise WorkflowError("Dit bericht is niet opgenomen.")
    if message.claimed_by != user.name and user.role != "coordinator":
        raise WorkflowError(f"Dit bericht is opgenomen door {message.claimed_by}.")
    with database.transaction(db):
        if not messages.release(db, message.id, message.claimed_by):
            raise WorkflowError("Dit bericht is intussen veranderd; laad de pagina opnieuw.")


def move_targets(teams: Teams, message: Message, user: StaffUser) -> list[tuple[str, str]]:
    """The queues a message can go to: (key, name), its own and the complaints' left out."""
    del user  # every helper may hand a case to another team
    keys = [key for key in teams.queues if key != message.queue]
    if message.form == "klacht":
        return []
    return [(key, teams.queues[key].name) for key in keys if key != COMPLAINTS]


__all__ = ["move", "move_targets", "release", "visible_queues"]
