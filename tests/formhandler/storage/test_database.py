"""The database: WAL with synchronous FULL, numbered migrations, sealed messages, states."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from formhandler.core.crypto import DataCipher
from formhandler.storage import database
from tests.support.states import message_state

RECEIVED = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def new_message(reference: str = "ABCD2345") -> database.NewMessage:
    return database.NewMessage(
        reference=reference,
        form="mail",
        audience="volwassenen",
        language="nl",
        queue="antwerpen",
        reply_by="email",
        content={"bericht": "Mijn buurman slaat zijn kinderen."},
        contact={"email": "iemand@example.org", "naam": "Sam"},
        categories={"region": "antwerpen", "writer": "getuige"},
        received_at=RECEIVED,
        due_at=RECEIVED + timedelta(days=4),
    )


def test_connections_use_wal_and_synchronous_full(tmp_path: Path) -> None:
    conn = database.open_database(tmp_path / "db.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_migrations_apply_once_in_order(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first = database.migrate(database.connect(path))
    assert first[0] == "001_forms"
    assert database.migrate(database.connect(path)) == []
    versions = [
        r[0] for r in database.connect(path).execute("SELECT version FROM schema_migrations")
    ]
    assert versions == sorted(versions)


def test_schema_sql_is_the_schema_after_every_migration() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    database.migrate(conn)
    assert database.SCHEMA_FILE.read_text(encoding="utf-8") == database.schema_text(conn), (
        "schema.sql is out of date: run "
        "python -m formhandler.storage.database formhandler/storage/schema.sql"
    )


def test_message_text_and_contact_are_sealed_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    cipher = DataCipher([os.urandom(32)])
    conn = database.open_database(path)
    with database.transaction(conn):
        database.insert_message(conn, cipher, new_message())
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = path.read_bytes()
    assert b"buurman" not in raw and b"iemand@example.org" not in raw
    content, contact = database.message_content(conn, cipher, "ABCD2345")
    assert content == {"bericht": "Mijn buurman slaat zijn kinderen."}
    assert contact == {"email": "iemand@example.org", "naam": "Sam"}


@pytest.mark.parametrize(
    ("columns", "state"),
    [
        ({}, "open"),
        ({"claimed_at": "2026-11-20T15:10:00Z", "claimed_by": "an"}, "claimed"),
        ({"claimed_at": "2026-11-20T15:10:00Z", "answered_at": "2026-11-20T16:00:00Z"}, "answered"),
        ({"answered_at": "2026-11-20T16:00:00Z", "closed_at": "2026-11-20T16:01:00Z"}, "closed"),
        ({"closed_at": "2026-11-20T16:01:00Z", "purged_at": "2026-12-20T16:01:00Z"}, "purged"),
    ],
)
def test_the_state_follows_from_the_timestamps(
    tmp_path: Path, columns: dict[str, str], state: str
) -> None:
    conn = database.open_database(tmp_path / "db.sqlite3")
    with database.transaction(conn):
        database.insert_message(conn, DataCipher([os.urandom(32)]), new_message())
        for column, value in columns.items():
            conn.execute(f"UPDATE messages SET {column} = ?", (value,))
    assert message_state(conn, "ABCD2345") == state


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    conn = database.open_database(tmp_path / "db.sqlite3")
    cipher = DataCipher([os.urandom(32)])
    with pytest.raises(sqlite3.IntegrityError), database.transaction(conn):
        database.insert_message(conn, cipher, new_message())
        database.insert_message(conn, cipher, new_message())  # same reference
    assert conn.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0


def test_a_token_nonce_is_accepted_once_and_forgotten_after_expiry(tmp_path: Path) -> None:
    conn = database.open_database(tmp_path / "db.sqlite3")
    expires = RECEIVED + timedelta(hours=12)
    assert database.use_token_nonce(conn, "n1", expires)
    assert not database.use_token_nonce(conn, "n1", expires)
    assert database.forget_expired_tokens(conn, expires - timedelta(seconds=1)) == 0
    assert database.forget_expired_tokens(conn, expires + timedelta(seconds=1)) == 1
    assert not database.token_nonce_used(conn, "n1")


def test_timestamps_round_trip_as_utc_text() -> None:
    text = database.timestamp(datetime(2026, 11, 24, 16, 0, tzinfo=UTC))
    assert text == "2026-11-24T16:00:00Z"
    assert database.moment(text) == datetime(2026, 11, 24, 16, 0, tzinfo=UTC)
