"""`formhandler backup DEST` and `formhandler restore SRC`: the database, copied safely.

The backup uses SQLite's online backup API, so it can run while the service
takes submissions: the copy is one consistent moment of the database. Sealed
values are copied as they are (still encrypted); the data keys are NOT in the
backup, so keep FORMHANDLER_DATA_KEYS somewhere else, safe: without them a
backup cannot be read. A backup file is made readable by its owner only.

Restore copies a backup into FORMHANDLER_DATA_DIR. It first checks the
backup (SQLite's integrity check, and that the configured data keys open every
sealed value), brings it to the current schema, and only then puts it in
place; a database already there is kept beside it as
`formhandler.sqlite3.before-restore-<time>`. Stop the service and its replication
(formhandler-replication) before a restore.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from formhandler.core.settings import Settings
from formhandler.storage import database
from formhandler.storage.rotation import unreadable

TIME = "%Y%m%dT%H%M%SZ"


class BackupError(RuntimeError):
    """A backup or restore that would not be safe; the text says why."""


@dataclass
class Summary:
    path: Path
    tables: dict[str, int]


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]  # noqa: S608
        for name in names
    }


def _check_integrity(conn: sqlite3.Connection, what: Path) -> None:
    result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"{what} is damaged (SQLite integrity check: {result}).")


def _copy(source: sqlite3.Connection, target_path: Path) -> None:
    """Copy with the online backup API into a new file only its owner can read."""
    descriptor = os.open(target_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)
    target = sqlite3.connect(target_path, isolation_level=None)
    try:
        source.backup(target, pages=1024)
        # One self-contained file: no -wal or -shm beside it.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def backup(db_path: Path, destination: Path, now: datetime | None = None) -> Summary:
    """Copy the live database to `destination` (a file, or a folder for a dated file)."""
    if not db_path.is_file():
        raise BackupError(f"There is no database at {db_path} (FORMHANDLER_DATA_DIR).")
    if destination.is_dir():
        stamp = (now or datetime.now(UTC)).strftime(TIME)
        destination = destination / f"formhandler-{stamp}.sqlite3"
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another name.")
    temporary = destination.with_name(destination.name + ".partial")
    temporary.unlink(missing_ok=True)
    source = database.connect(db_path)
    try:
        _copy(source, temporary)
    finally:
        source.close()
    copy = sqlite3.connect(temporary)
    try:
        _check_integrity(copy, temporary)
        counts = _counts(copy)
    finally:
        copy.close()
    os.replace(temporary, destination)
    return Summary(destination, counts)


def restore(source_path: Path, settings: Settings, now: datetime | None = None) -> Summary:
    """Put a checked backup in place of the service's database."""
    if not source_path.is_file():
        raise BackupError(f"There is no backup at {source_path}.")
    db_path = settings.database_path
    db_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = db_path.with_name(db_path.name + ".restoring")
    for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
        leftover.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        _check_integrity(source, source_path)
        _copy(source, temporary)
    except sqlite3.DatabaseError as error:
        temporary.unlink(missing_ok=True)
        raise BackupError(f"{source_path} is not a readable database backup ({error}).") from error
    finally:
        source.close()
    conn = database.connect(temporary)
    try:
        database.migrate(conn)
        # Read every sealed value with the configured keys, changing nothing.
        closed = unreadable(conn, settings.data_keys)
        if closed:
            raise BackupError(
                "The configured FORMHANDLER_DATA_KEYS cannot open every sealed value in "
                f"this backup ({closed}). Add the keys that were in use when it was "
                "made (newest last) and restore again. Nothing was changed."
            )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = _counts(conn)
    except BaseException:
        conn.close()
        temporary.unlink(missing_ok=True)
        raise
    conn.close()
    if db_path.exists():
        stamp = (now or datetime.now(UTC)).strftime(TIME)
        kept = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        os.replace(db_path, kept)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    # Litestream's state belonged to the database replaced here: without it, Litestream
    # starts this one afresh with a full snapshot on the replica.
    shutil.rmtree(db_path.with_name(f".{db_path.name}-litestream"), ignore_errors=True)
    os.replace(temporary, db_path)
    return Summary(db_path, counts)
