"""The state of a message as the schema's `message_states` view derives it from timestamps."""

from __future__ import annotations

import sqlite3


def message_state(conn: sqlite3.Connection, reference: str) -> str:
    row = conn.execute(
        "SELECT state FROM message_states WHERE reference = ?", (reference,)
    ).fetchone()
    if row is None:
        raise KeyError(reference)
    return str(row[0])
