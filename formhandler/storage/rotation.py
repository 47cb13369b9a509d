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

Each sealed column is listed in storage/sealed.py with the context its owner binds
to the ciphertext (see core/crypto.py). As a safety net, every BLOB column of every table
is scanned afterwards for values still sealed with an older key, so a sealed
column added later without an entry here is reported instead of being lost
when the old key goes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from formhandler.core.crypto import DataCipher, SealError, key_id
from formhandler.storage import database
from formhandler.storage.sealed import SEALED_COLUMNS, SealedColumn

BATCH = 200
_SEALED_MIN_BYTES = 1 + 8 + 12 + 16
_VERSION = 1


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


def unreadable(conn: sqlite3.Connection, keys: tuple[bytes, ...]) -> dict[str, int]:
    """Per sealed column, how many values `keys` cannot open; nothing is changed. A
    restore checks this before it puts a copy in place."""
    report = rotate(conn, keys, write=False)
    return {column.name: column.unreadable for column in report.columns if column.unreadable}
