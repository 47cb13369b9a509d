"""`formhandler rotate-keys` re-seals everything under the newest key; old keys can then go."""

from __future__ import annotations

import base64
import secrets
import sqlite3
from pathlib import Path

import pytest

from formhandler.cli.main import main
from formhandler.core.crypto import DataCipher, SealError
from formhandler.storage import database
from formhandler.storage.rotation import rotate
from tests.support.sealed import Written, fill, read_back

OLD = secrets.token_bytes(32)
NEW = secrets.token_bytes(32)


@pytest.fixture
def sealed_db(tmp_path: Path) -> tuple[sqlite3.Connection, Written]:
    conn = database.open_database(tmp_path / "formhandler.sqlite3")
    return conn, fill(conn, DataCipher([OLD]))


def sealed_values(conn: sqlite3.Connection) -> list[bytes]:
    values = []
    for table, column in (
        ("messages", "content"),
        ("messages", "contact"),
        ("message_notes", "body"),
        ("outbox", "envelope"),
        ("staff_users", "totp_secret"),
        ("sink_messages", "envelope"),
    ):
        values += [row[0] for row in conn.execute(f"SELECT {column} FROM {table}")]
    return values


def test_after_rotation_only_the_new_key_is_needed(
    sealed_db: tuple[sqlite3.Connection, Written],
) -> None:
    conn, written = sealed_db
    report = rotate(conn, (OLD, NEW))
    assert report.complete
    # 5 messages x (content, contact, categories) + 5 notes + 5 mails + 1 sink mail + 1 TOTP.
    assert sum(column.resealed for column in report.columns) == 5 * 5 + 2
    read_back(conn, DataCipher([NEW]), written)


def test_after_rotation_the_old_key_opens_nothing(
    sealed_db: tuple[sqlite3.Connection, Written],
) -> None:
    conn, _ = sealed_db
    rotate(conn, (OLD, NEW))
    only_old = DataCipher([OLD])
    for value in sealed_values(conn):
        with pytest.raises(SealError):
            only_old.open(value)


def test_without_rotation_removing_the_old_key_loses_everything(
    sealed_db: tuple[sqlite3.Connection, Written],
) -> None:
    conn, written = sealed_db
    with pytest.raises(SealError):
        read_back(conn, DataCipher([NEW]), written)


def test_a_second_rotation_has_nothing_left_to_do(
    sealed_db: tuple[sqlite3.Connection, Written],
) -> None:
    conn, written = sealed_db
    rotate(conn, (OLD, NEW))
    again = rotate(conn, (OLD, NEW))
    assert again.complete
    assert sum(column.resealed for column in again.columns) == 0
    read_back(conn, DataCipher([OLD, NEW]), written)


def test_the_check_mode_counts_without_changing_anything(
    sealed_db: tuple[sqlite3.Connection, Written],
) -> None:
    conn, _ = sealed_db
    before = sealed_values(conn)
    report = rotate(conn, (OLD, NEW), write=False)
    assert sum(column.resealed for column in report.columns) == 27
    assert sealed_values(conn) == before


def test_purged_values_stay_purged(sealed_db: tuple[sqlite3.Connection, Written]) -> None:
    conn, _ = sealed_db
    conn.execute("UPDATE messages SET content = NULL, contact = NULL WHERE reference = 'REF00000'")
    conn.execute("UPDATE outbox SET envelope = X'' WHERE reference = 'REF00000'")
    rotate(conn, (OLD, NEW))
    row = conn.execute("SELECT content, contact FROM messages WHERE reference = 'REF00000'")
    assert tuple(row.fetchone()) == (None, None)
    envelope = conn.execute("SELECT envelope FROM outbox WHERE reference = 'REF00000'")
    assert envelope.fetchone()[0] == b""


def test_a_sealed_column_rotation_does_not_know_is_reported(
    sealed_db: tuple[sqlite3.Connection, Written],
) -> None:
    conn, _ = sealed_db
    conn.execute("CREATE TABLE later_feature (id INTEGER PRIMARY KEY, secret BLOB)")
    conn.execute(
        "INSERT INTO later_feature (secret) VALUES (?)",
        (DataCipher([OLD]).seal("iets", "later_feature.secret:1"),),
    )
    report = rotate(conn, (OLD, NEW))
    assert not report.complete
    assert report.left == {"later_feature.secret": 1}


def test_the_command_rotates_and_says_the_old_key_may_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = database.open_database(tmp_path / "formhandler.sqlite3")
    written = fill(conn, DataCipher([OLD]), count=2)
    conn.close()
    keys = ",".join(base64.b64encode(key).decode() for key in (OLD, NEW))
    monkeypatch.setenv("FORMHANDLER_ENV", "development")
    monkeypatch.setenv("FORMHANDLER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FORMHANDLER_DATA_KEYS", keys)
    assert main(["rotate-keys", "--check"]) == 0
    assert "messages.content: 2 sealed values, 2 to re-seal" in capsys.readouterr().out
    assert main(["rotate-keys"]) == 0
    assert "remove the 1 older key(s)" in capsys.readouterr().out
    conn = database.open_database(tmp_path / "formhandler.sqlite3")
    read_back(conn, DataCipher([NEW]), written)
