"""The SQLite database: connections, numbered migrations, messages.

Every connection runs in WAL mode with `synchronous=FULL`, so a transaction that
returned from COMMIT is on disk: a submission is committed before its confirmation
page is sent. Connections are cheap; open one per unit of work (`connect`) and use
`transaction()` for writes, which takes the write lock at once (BEGIN IMMEDIATE).

The schema grows through `migrations/NNN_name.sql`, applied in order and recorded
in `schema_migrations`. `schema.sql` is the schema after every migration, for
reading; `python -m formhandler.storage.database schema.sql` rewrites it after a new migration
(a test checks that it matches).

Message text and contact details are sealed (crypto.DataCipher) with the context
storage.sealed's contexts for `messages.content` and `messages.contact`.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from formhandler.core.calendar_file import default_calendar
from formhandler.core.crypto import DataCipher
from formhandler.storage import sealed

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SCHEMA_FILE = Path(__file__).resolve().parent / "schema.sql"
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
# Checkpoints are Litestream's (it checkpoints at 1000 pages, see storage/replication.py);
# the service's own automatic checkpoint is a fallback for when Litestream is not running.
AUTOCHECKPOINT_PAGES = 10000


def timestamp(moment: datetime) -> str:
    """An aware datetime as the UTC text the database keeps ('2026-11-24T15:00:00Z')."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be aware datetimes")
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def moment(text: str) -> datetime:
    """The aware UTC datetime of a stored timestamp."""
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """The one way to write: BEGIN IMMEDIATE (the write lock at once), COMMIT or ROLLBACK.

    Inside a transaction already open on this connection it joins that one, so a
    helper that writes (an audit row, say) commits with what its caller does.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _statements(sql: str) -> Iterator[str]:
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending
            pending = ""
    if pending.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in pending.splitlines()
    ):
        raise ValueError("migration ends with an incomplete statement")


def migrations() -> list[tuple[int, str, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        found.append((int(path.name[:3]), path.stem, path))
    numbers = [number for number, _, _ in found]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two migrations share a number in {MIGRATIONS_DIR}")
    return found


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks, each in its own transaction."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    applied = []
    for number, name, path in migrations():
        with transaction(conn):
            # Checked inside the write lock: two processes starting together apply it once.
            done = conn.execute(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (number,)
            ).fetchone()
            if done:
                continue
            for statement in _statements(path.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (number, name, timestamp(datetime.now(UTC))),
            )
        applied.append(name)
    return applied


def open_database(path: Path) -> sqlite3.Connection:
    """A connection to an up-to-date database."""
    conn = connect(path)
    migrate(conn)
    return conn


def schema_text(conn: sqlite3.Connection) -> str:
    rows = conn.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name"
    ).fetchall()
    header = (
        "-- The schema after every migration in migrations/, for reading.\n"
        "-- Generated: python -m formhandler.storage.database formhandler/storage/schema.sql\n\n"
    )
    return header + "".join(f"{row['sql']};\n\n" for row in rows).rstrip() + "\n"


@dataclass(frozen=True)
class NewMessage:
    reference: str
    form: str
    audience: str
    language: str
    queue: str
    reply_by: str
    content: dict[str, str]
    contact: dict[str, str]
    categories: dict[str, str | None]
    received_at: datetime
    due_at: datetime
    code_word_hash: str | None = None  # reply_by 'site' only: argon2id, never the word


CATEGORY_COLUMNS = ("region", "age_group", "writer", "theme", "channel")


def insert_message(conn: sqlite3.Connection, cipher: DataCipher, message: NewMessage) -> int:
    """Store a message inside the caller's transaction: text, contact details and the
    categories sealed; its anonymous statistics row beside it, with the month only."""
    categories = {column: message.categories.get(column) for column in CATEGORY_COLUMNS}
    cursor = conn.execute(
        "INSERT INTO messages (reference, form, audience, language, queue, reply_by, "
        "categories, content, contact, received_at, due_at, code_word_hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            message.reference,
            message.form,
            message.audience,
            message.language,
            message.queue,
            message.reply_by,
            seal_json(cipher, categories, sealed.message_categories(message.reference)),
            seal_json(cipher, message.content, sealed.message_content(message.reference)),
            seal_json(cipher, message.contact, sealed.message_contact(message.reference)),
            timestamp(message.received_at),
            timestamp(message.due_at),
            message.code_word_hash,
        ),
    )
    message_id = int(cursor.lastrowid or 0)
    conn.execute(
        "INSERT INTO message_statistics (message_id, month, form, audience, queue, age_group,"
        " writer, theme, answer_channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            message_id,
            month_of(message.received_at),
            message.form,
            message.audience,
            message.queue,
            categories["age_group"],
            categories["writer"],
            categories["theme"],
            message.reply_by,
        ),
    )
    return message_id


def month_start(moment: datetime) -> datetime:
    """The first moment of the month `moment` is in, in 1712's time zone."""
    local = moment.astimezone(default_calendar().zone)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def month_of(moment: datetime) -> str:
    """'2026-11': the month of a moment in 1712's time zone (the statistics' grain)."""
    return moment.astimezone(default_calendar().zone).strftime("%Y-%m")


def message_categories(
    conn: sqlite3.Connection, cipher: DataCipher, reference: str
) -> dict[str, str | None] | None:
    """The categories the person chose (None once purged); rows from before they were
    sealed are read from their clear columns until the scheduler seals them."""
    row = conn.execute(
        "SELECT categories, purged_at, region, age_group, writer, theme, channel"
        " FROM messages WHERE reference = ?",
        (reference,),
    ).fetchone()
    if row is None:
        raise KeyError(reference)
    if row["categories"] is not None:
        return open_json(cipher, row["categories"], sealed.message_categories(reference))
    if row["purged_at"]:
        return None
    return {column: row[column] for column in CATEGORY_COLUMNS}


def seal_json(cipher: DataCipher, value: dict[str, Any], context: str) -> bytes:
    return cipher.seal(json.dumps(value, ensure_ascii=False), context)


def open_json(cipher: DataCipher, blob: bytes | None, context: str) -> dict[str, Any] | None:
    return None if blob is None else json.loads(cipher.open_text(blob, context))


def message_content(
    conn: sqlite3.Connection, cipher: DataCipher, reference: str
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The opened text fields and contact details of a message (None once purged)."""
    row = conn.execute(
        "SELECT content, contact FROM messages WHERE reference = ?", (reference,)
    ).fetchone()
    if row is None:
        raise KeyError(reference)
    return (
        open_json(cipher, row["content"], sealed.message_content(reference)),
        open_json(cipher, row["contact"], sealed.message_contact(reference)),
    )


def use_token_nonce(conn: sqlite3.Connection, nonce: str, expires_at: datetime) -> bool:
    """Mark a form token used, inside the caller's transaction; False if it already was."""
    try:
        conn.execute(
            "INSERT INTO used_tokens (nonce, expires_at) VALUES (?, ?)",
            (nonce, timestamp(expires_at)),
        )
    except sqlite3.IntegrityError:
        return False
    return True


def token_nonce_used(conn: sqlite3.Connection, nonce: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM used_tokens WHERE nonce = ?", (nonce,)).fetchone() is not None
    )


def forget_expired_tokens(conn: sqlite3.Connection, now: datetime) -> int:
    """Forget used form tokens that can no longer be valid, by `now` AND by the real clock.

    `formhandler tick --now` may run ahead of the clock (tests, catching up): a nonce
    forgotten early would let its token, still valid by the real clock, be used again.
    """
    horizon = min(now, datetime.now(UTC))
    cursor = conn.execute("DELETE FROM used_tokens WHERE expires_at < ?", (timestamp(horizon),))
    return cursor.rowcount


def _write_schema(target: Path) -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    migrate(conn)
    target.write_text(schema_text(conn), encoding="utf-8")


if __name__ == "__main__":
    _write_schema(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_FILE)
