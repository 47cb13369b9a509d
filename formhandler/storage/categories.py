"""Sealing the categories of messages stored before they were sealed (migration 009).

Their region, age group, who wrote, theme and channel stood in clear columns beside the
sealed text. The scheduler runs `seal_clear_categories` on every tick: it makes sure the
anonymous statistics row holds what the figures need, then seals the categories into
`messages.categories` and empties the clear columns, in one transaction per batch.
"""

from __future__ import annotations

import sqlite3

from formhandler.core.crypto import DataCipher
from formhandler.storage import database, sealed, statistics

CLEAR = database.CATEGORY_COLUMNS


def seal_clear_categories(db: sqlite3.Connection, cipher: DataCipher, batch: int = 500) -> int:
    """Seal the clear categories of up to `batch` messages; how many were sealed."""
    with database.transaction(db):
        statistics.ensure_rows(db)
        rows = db.execute(
            "SELECT id, reference, purged_at, region, age_group, writer, theme, channel"
            " FROM messages WHERE region IS NOT NULL OR age_group IS NOT NULL"
            " OR writer IS NOT NULL OR theme IS NOT NULL OR channel IS NOT NULL LIMIT ?",
            (batch,),
        ).fetchall()
        for row in rows:
            values = {column: row[column] for column in CLEAR}
            blob = (
                None
                if row["purged_at"]
                else database.seal_json(cipher, values, sealed.message_categories(row["reference"]))
            )
            db.execute(
                "UPDATE messages SET categories = coalesce(categories, ?), region = NULL,"
                " age_group = NULL, writer = NULL, theme = NULL, channel = NULL WHERE id = ?",
                (blob, row["id"]),
            )
    return len(rows)
