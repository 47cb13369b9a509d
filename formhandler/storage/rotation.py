"""`formhandler rotate-keys`: re-seal every stored value under the newest data key.

Rotating a data key:
1. add a new key at the END of FORMHANDLER_DATA_KEYS and restart formhandler
   (new values are sealed with it at once, old ones stay readable);
2. run `formhandler rotate-keys`: every value sealed with an older key is
   opened and sealed again with the newest, in small transactions, while the
   service keeps running;
3. when it reports that nothing is left under an older key, remove the older
   keys from FORMHANDLER_DATA_KEYS and restart. Keep an old key as long as
   you keep backups made before the rotation: they still need it.

Each sealed column is listed below with the context its owner binds to the
ciphertext (see crypto.py). As a safety net, every BLOB column of every table
is scanned afterwards for values still sealed with an older key, so a sealed
column added later without an entry here is reported instead of being lost
when the old key goes.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from formhandler.core.crypto import DataCipher, SealError, key_id
from formhandler.core.settings import Settings, load_settings
from formhandler.storage import database

BATCH = 200
_SEALED_MIN_BYTES = 1 + 8 + 12 + 16
_VERSION = 1


@dataclass(frozen=True)
class SealedColumn:
    table: str
    column: str
    # The columns the context is made of; `context` turns a row into the context text.
    key_columns: tuple[str, ...]
    context: Callable[[sqlite3.Row], str]


SEALED_COLUMNS = (
    # database.insert_message
    SealedColumn(
        "messages", "content", ("reference",), lambda r: f"messages.content:{r['reference']}"
    ),
    SealedColumn(
        "messages", "contact", ("reference",), lambda r: f"messages.contact:{r['reference']}"
    ),
    # workflow.py (internal notes)
    SealedColumn("message_notes", "body", ("id",), lambda r: f"message_notes.body:{r['id']}"),
    # outbox.py (every mail; message_id is the Message-ID header)
    SealedColumn("outbox", "envelope", ("message_id",), lambda r: f"outbox:{r['message_id']}"),
    # mailsink.py (development mail sink)
    SealedColumn("sink_messages", "envelope", ("id",), lambda r: f"sink_messages:{r['id']}"),
    # users.py (TOTP secrets, bound to the account name)
    SealedColumn(
        "staff_users",
        "totp_secret",
        ("name",),
        lambda r: f"staff_users.totp_secret:{r['name'].lower()}",
    ),
)


@dataclass
class ColumnReport:
    name: str
    values: int = 0
    resealed: int = 0
    unreadable: int = 0


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {row[0] for row in rows}


def _sealed(value: object) -> bool:
    return isinstance(value, bytes) and len(value) >= _SEALED_MIN_BYTES and value[0] == _VERSION


def _reseal_column(
    conn: sqlite3.Connection, cipher: DataCipher, sealed: SealedColumn, *, write: bool
) -> ColumnReport:
    report = ColumnReport(f"{sealed.table}.{sealed.column}")
    keys = ", ".join(sealed.key_columns)
    last = 0
    while True:
        rows = conn.execute(
            f"SELECT rowid AS row_id, {keys}, {sealed.column} AS value FROM {sealed.table} "  # noqa: S608 - names from SEALED_COLUMNS
            f"WHERE rowid > ? AND {sealed.column} IS NOT NULL ORDER BY rowid LIMIT ?",
            (last, BATCH),
        ).fetchall()
        if not rows:
            return report
        last = rows[-1]["row_id"]
        updates = []
        for row in rows:
            value = row["value"]
            if not _sealed(value):
                continue  # emptied by the purge (X'')
            report.values += 1
            if cipher.sealed_with_newest(value):
                continue
            context = sealed.context(row)
            try:
                plain = cipher.open(value, context)
            except SealError:
                report.unreadable += 1
                continue
            updates.append((cipher.seal(plain, context), row["row_id"], value))
        if write and updates:
            with database.transaction(conn):
                conn.executemany(
                    # Only if unchanged since read: never bring back a value the purge removed.
                    f"UPDATE {sealed.table} SET {sealed.column} = ? "  # noqa: S608
                    f"WHERE rowid = ? AND {sealed.column} = ?",
                    updates,
                )
        report.resealed += len(updates)


def left_under_older_keys(conn: sqlite3.Connection, older: set[bytes]) -> dict[str, int]:
    """Every BLOB column of every table: how many values are sealed with an older key."""
    left: dict[str, int] = {}
    for table in sorted(_tables(conn)):
        columns = conn.execute(f"PRAGMA table_info({table})").fetchall()
        for column in columns:
            if column[2].upper() != "BLOB":
                continue
            name = column[1]
            count = 0
            for (value,) in conn.execute(
                f"SELECT {name} FROM {table} WHERE {name} IS NOT NULL"  # noqa: S608
            ):
                if _sealed(value) and value[1:9] in older:
                    count += 1
            if count:
                left[f"{table}.{name}"] = count
    return left


@dataclass
class RotationReport:
    columns: list[ColumnReport]
    left: dict[str, int]

    @property
    def complete(self) -> bool:
        return not self.left and not any(column.unreadable for column in self.columns)


def rotate(
    conn: sqlite3.Connection, keys: tuple[bytes, ...], *, write: bool = True
) -> RotationReport:
    """Re-seal every known sealed column under the newest key; report what is left."""
    cipher = DataCipher(keys)
    # The old ciphertext must not linger in free pages once its key is gone.
    conn.execute("PRAGMA secure_delete = ON")
    tables = _tables(conn)
    reports = [
        _reseal_column(conn, cipher, sealed, write=write)
        for sealed in SEALED_COLUMNS
        if sealed.table in tables
    ]
    if write:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    older = {key_id(key) for key in keys[:-1]}
    return RotationReport(reports, left_under_older_keys(conn, older) if older else {})


def _rotate_command(args: argparse.Namespace) -> int:
    settings: Settings = load_settings()
    conn = database.open_database(settings.database_path)
    try:
        report = rotate(conn, settings.data_keys, write=not args.check)
    finally:
        conn.close()
    for column in report.columns:
        print(
            f"{column.name}: {column.values} sealed values, "
            f"{column.resealed} {'to re-seal' if args.check else 're-sealed'}"
            + (
                f", {column.unreadable} UNREADABLE with the configured keys"
                if column.unreadable
                else ""
            )
        )
    if args.check:
        return 0
    if report.complete:
        count = len(settings.data_keys)
        print(
            "Every value is sealed with the newest key. "
            + (
                f"You may now remove the {count - 1} older key(s) from FORMHANDLER_DATA_KEYS "
                "(keep them while you keep backups made before today)."
                if count > 1
                else "There is no older key to remove."
            )
        )
        return 0
    for name, count in report.left.items():
        print(f"{name}: {count} values still sealed with an older key; do NOT remove it.")
    return 1


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "rotate-keys", help="re-seal stored content under the newest data key"
    )
    parser.add_argument("--check", action="store_true", help="only count what would be re-sealed")
    parser.set_defaults(handler=_rotate_command)
