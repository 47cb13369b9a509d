"""`formhandler replicate` and `formhandler restore-replica DEST`.

See storage/replication.py and storage/replica_restore.py.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from formhandler.core.settings import Settings, SettingsError, load_settings
from formhandler.storage import replica_restore, replication


@contextlib.contextmanager
def beside_the_service(settings: Settings) -> Iterator[None]:
    """In development with FORMHANDLER_REPLICA_URL, Litestream runs while the service does."""
    if not (settings.development and settings.replica_url):
        yield
        return
    try:
        process = replication.start(settings)
    except replication.ReplicationError as error:
        raise SettingsError(str(error)) from error
    try:
        yield
    finally:
        replication.stop(process)


def _replicate(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        command = replication.prepare(settings)
    except replication.ReplicationError as error:
        raise SettingsError(str(error)) from error
    print(f"formhandler: replicating {settings.database_path} with Litestream", flush=True)
    # Litestream takes this process's place: systemd stops and watches Litestream itself.
    os.execv(command[0], command)  # noqa: S606


def _restore_replica(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        restored = replica_restore.restore(settings, args.destination)
    except replication.ReplicationError as error:
        raise SettingsError(str(error)) from error
    print(
        f"Restored from the replica into {restored.path} ({restored.messages} messages, "
        f"{restored.outbox} mails in the outbox). Put it in place with: "
        f"formhandler restore {restored.path}"
    )
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    replicate = commands.add_parser(
        "replicate",
        help="copy every commit of the database to FORMHANDLER_REPLICA_URL (keeps running)",
    )
    replicate.set_defaults(handler=_replicate)
    restore = commands.add_parser(
        "restore-replica", help="write the newest state of the replica to a new, checked file"
    )
    restore.add_argument("destination", type=Path, metavar="DEST")
    restore.set_defaults(handler=_restore_replica)
