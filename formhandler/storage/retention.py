"""Retention: text and contact details are wiped FORMHANDLER_RETENTION_DAYS after closing.

With them go the conversation on the site (`message_thread`) and the code word hash, so
a purged reference and code word open nothing.

What stays is the message's anonymous statistics row (made first, so nothing is lost
from the figures) and the bare row in `messages` with its reference, queue and the month
it came in (every moment set to the month's first day; the categories and who handled it
gone), so the audit log's references still point somewhere.

The purge runs with `secure_delete` on, so SQLite overwrites the freed bytes instead of
leaving them in free pages, and the write-ahead log is checkpointed and truncated after,
so the sealed text is gone from the database files, not only from the tables. Sent mails
in the outbox about the message (the reply holds the person's address and the helper's
text) are deleted too, and so are mails refused for good; one still waiting is kept,
since the outbox never drops a mail.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from formhandler.storage import audit, database, statistics


def _day_start(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def purge(db: sqlite3.Connection, retention_days: int, now: datetime) -> list[str]:
    """Wipe every message closed more than `retention_days` ago; returns their references."""
    cutoff = database.timestamp(now - timedelta(days=retention_days))
    db.execute("PRAGMA secure_delete = ON")
    with database.transaction(db):
        statistics.ensure_rows(db)
        rows = db.execute(
            "SELECT id, reference, received_at FROM messages"
            " WHERE closed_at IS NOT NULL AND closed_at <= ? AND purged_at IS NULL",
            (cutoff,),
        ).fetchall()
        for row in rows:
            # What stays of the message is its reference, queue and state, with the month
            # of its receipt: no category, no exact moment, nobody who handled it.
            month = database.timestamp(database.month_start(database.moment(row["received_at"])))
            db.execute(
                "UPDATE messages SET content = NULL, contact = NULL, categories = NULL,"
                " code_word_hash = NULL, region = NULL, age_group = NULL, writer = NULL,"
                " theme = NULL, channel = NULL, received_at = ?, due_at = ?,"
                " claimed_at = NULL, claimed_by = NULL, answered_at = NULL, reminded_at = NULL,"
                " escalated_at = NULL, read_at = NULL, closed_at = ?, purged_at = ?"
                " WHERE id = ?",
                (month, month, month, database.timestamp(_day_start(now)), row["id"]),
            )
            db.execute("UPDATE message_notes SET body = NULL WHERE message_id = ?", (row["id"],))
            db.execute("DELETE FROM message_thread WHERE message_id = ?", (row["id"],))
            db.execute(
                "DELETE FROM outbox WHERE reference = ?"
                " AND (sent_at IS NOT NULL OR failed_at IS NOT NULL)",
                (row["reference"],),
            )
    references = [row["reference"] for row in rows]
    if references:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for reference in references:
            audit.record(db, "planner", "purge", reference, at=now)
    return references
