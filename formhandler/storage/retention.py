"""Retention: text and contact details are wiped FORMHANDLER_RETENTION_DAYS after closing.

With them go the conversation on the site (`message_thread`) and the code word hash, so
a purged reference and code word open nothing.

What stays is the message's anonymous statistics row (made first, so nothing is lost
from the figures) and the bare row in `messages` with its reference, queue, categories
and timestamps, so the audit log's references still point somewhere.

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


def purge(db: sqlite3.Connection, retention_days: int, now: datetime) -> list[str]:
    """Wipe every message closed more than `retention_days` ago; returns their references."""
    cutoff = database.timestamp(now - timedelta(days=retention_days))
    db.execute("PRAGMA secure_delete = ON")
    with database.transaction(db):
        statistics.ensure_rows(db)
        rows = db.execute(
            "SELECT id, reference FROM messages"
            " WHERE closed_at IS NOT NULL AND closed_at <= ? AND purged_at IS NULL",
            (cutoff,),
        ).fetchall()
        for row in rows:
            db.execute(
                "UPDATE messages SET content = NULL, contact = NULL, code_word_hash = NULL,"
                " purged_at = ? WHERE id = ?",
                (database.timestamp(now), row["id"]),
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
