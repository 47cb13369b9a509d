"""The scheduler's workflow steps: remind a team, escalate to the coordinators.

- Reminder: an unanswered message with four working hours or less left gets one mail to
  its queue's addresses.
- Escalation: an unanswered message past its due time gets one mail to the coordinators,
  and counts as not answered in time in the statistics.

Each mail goes into the outbox in the same transaction that sets `reminded_at` or
`escalated_at`, and the UPDATE only changes a row where that column is still empty: a
second tick at the same moment, or two ticks running side by side, send nothing twice.
The mails carry only the reference, the queue, the due time and the link: no content,
no contact details, no words about violence in the subject.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

from formhandler.core.crypto import DataCipher
from formhandler.core.i18n import staff_moment
from formhandler.core.settings import Settings
from formhandler.core.teams import Teams, load_teams
from formhandler.core.urls import staff_message_url
from formhandler.core.workdays import working_time_left
from formhandler.mail import outbox
from formhandler.staff import workflow
from formhandler.storage import audit, categories, database, messages, retention, sink, statistics

REMIND_WHEN_LEFT = timedelta(hours=4)


@dataclass(frozen=True)
class DeadlineReport:
    reminders: int
    escalations: int


def _when(moment: datetime) -> str:
    return staff_moment(moment, joiner=" om ")


def _mail(
    settings: Settings, to: tuple[str, ...], subject: str, body: str, now: datetime
) -> EmailMessage:
    return outbox.compose(
        sender=settings.mail_from, recipients=to, subject=subject, body=body, now=now
    )


def _link(settings: Settings, message: workflow.Message) -> str:
    return staff_message_url(settings.base_url, message.reference)


def reminder_mail(
    settings: Settings, teams: Teams, message: workflow.Message, left: timedelta, now: datetime
) -> EmailMessage:
    queue = teams.queues[message.queue]
    hours = max(1, round(left.total_seconds() / 3600))
    return _mail(
        settings,
        queue.notify,
        f"Herinnering: bericht {message.reference} wacht op antwoord",
        f"Bericht {message.reference} in de wachtrij {queue.name} is nog niet beantwoord.\n"
        f"Antwoord uiterlijk {_when(message.due_at)} (nog ongeveer {hours} werkuren).\n\n"
        f"{_link(settings, message)}\n",
        now,
    )


def escalation_mail(
    settings: Settings, teams: Teams, message: workflow.Message, now: datetime
) -> EmailMessage:
    queue = teams.queues.get(message.queue)
    name = queue.name if queue else message.queue
    return _mail(
        settings,
        teams.coordinators,
        f"Te laat: bericht {message.reference} is nog niet beantwoord",
        f"Bericht {message.reference} in de wachtrij {name} had beantwoord moeten zijn "
        f"op {_when(message.due_at)} en is dat nog niet.\n\n{_link(settings, message)}\n",
        now,
    )


def run(
    db: sqlite3.Connection, settings: Settings, cipher: DataCipher, teams: Teams, now: datetime
) -> DeadlineReport:
    reminders = escalations = 0
    for message in messages.unanswered_unflagged(db):
        left = working_time_left(message.due_at, now, settings.calendar)
        if left <= timedelta(0) and message.escalated_at is None and teams.coordinators:
            with database.transaction(db):
                changed = messages.mark_escalated(db, message.id, now)
                if changed:
                    mail = escalation_mail(settings, teams, message, now)
                    outbox.enqueue(
                        db, cipher, mail, kind="escalation", reference=message.reference, now=now
                    )
                    statistics.record_overdue(db, message.id)
            if changed:
                escalations += 1
                audit.record(db, "planner", "escalation", message.reference, at=now)
        elif (
            timedelta(0) < left <= REMIND_WHEN_LEFT
            and message.reminded_at is None
            and message.queue in teams.queues
        ):
            with database.transaction(db):
                changed = messages.mark_reminded(db, message.id, now)
                if changed:
                    mail = reminder_mail(settings, teams, message, left, now)
                    outbox.enqueue(
                        db, cipher, mail, kind="reminder", reference=message.reference, now=now
                    )
            if changed:
                reminders += 1
                audit.record(db, "planner", "reminder", message.reference, at=now)
    return DeadlineReport(reminders, escalations)


def tick_steps(settings: Settings, now: datetime) -> dict[str, int]:
    """The workflow's part of `scheduler.tick`: statistics rows, reminders, escalations, purge."""
    db = database.open_database(settings.database_path)
    try:
        cipher = DataCipher(settings.data_keys)
        # Rows from before the categories were sealed (migration 009): statistics, then seal.
        sealed_now = categories.seal_clear_categories(db, cipher)
        report = run(db, settings, cipher, load_teams(settings.teams_file), now)
        purged = retention.purge(db, settings.retention_days, now)
        sink.forget_older_than(db, now - timedelta(days=settings.retention_days))
    finally:
        db.close()
    return {
        "reminders": report.reminders,
        "escalations": report.escalations,
        "purged": len(purged),
        "categories_sealed": sealed_now,
    }
