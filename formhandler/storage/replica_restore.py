"""The newest state of the Litestream replica, as a new file that has been checked.

`formhandler restore-replica DEST` writes it with `litestream restore`, checks it
(SQLite's integrity check; the configured data keys open every sealed value) and leaves
it readable by its owner only; `formhandler restore DEST` then puts it in place as for a
backup (README, "Restoring after a dead disk").
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from formhandler.core.settings import Settings
from formhandler.storage.replication import ReplicationError, litestream, replica_url
from formhandler.storage.rotation import unreadable


@dataclass
class Restored:
    path: Path
    messages: int
    outbox: int


def restore(settings: Settings, destination: Path) -> Restored:
    """The newest state of the replica as a new, checked file at `destination`."""
    url = replica_url(settings)
    if destination.exists():
        raise ReplicationError(f"{destination} already exists; choose another name.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    old_umask = os.umask(0o077)
    try:
        result = litestream("restore", "-o", str(partial), url, timeout=3600)
    finally:
        os.umask(old_umask)
    if result.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        said = (result.stderr or result.stdout).strip().splitlines()
        raise ReplicationError(
            "litestream restore found nothing to restore at FORMHANDLER_REPLICA_URL"
            + (f" ({said[-1]})" if said else "")
            + "."
        )
    try:
        restored = _check(partial, settings)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.chmod(partial, 0o600)
    os.replace(partial, destination)
    return Restored(destination, *restored)


def _check(path: Path, settings: Settings) -> tuple[int, int]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise ReplicationError(f"The restored database is damaged ({result}).")
        closed = unreadable(conn, settings.data_keys)
        if closed:
            raise ReplicationError(
                "The configured FORMHANDLER_DATA_KEYS cannot open every sealed value in the "
                f"replica ({closed}). Add the keys that were in use and restore again."
            )
        # One self-contained file, like a backup.
        conn.execute("PRAGMA journal_mode=DELETE")
        messages = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
        waiting = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    finally:
        conn.close()
    return int(messages), int(waiting)
