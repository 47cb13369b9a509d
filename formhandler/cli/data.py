"""`formhandler backup DEST`, `restore SRC` and `rotate-keys [--check]`: the database by hand."""

from __future__ import annotations

import argparse
from pathlib import Path

from formhandler.core.settings import Settings, SettingsError, load_settings
from formhandler.storage import database
from formhandler.storage.backup import BackupError, Summary, backup, restore
from formhandler.storage.rotation import rotate


def _print(summary: Summary, verb: str) -> None:
    rows = ", ".join(f"{name} {count}" for name, count in summary.tables.items())
    print(f"{verb} {summary.path} ({rows})")


def _backup_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        _print(backup(settings.database_path, args.destination), "Backup written:")
    except BackupError as error:
        raise SettingsError(str(error)) from error
    print("The data keys are not in the backup: keep FORMHANDLER_DATA_KEYS safe, elsewhere.")
    return 0


def _restore_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        _print(restore(args.source, settings), "Restored into")
    except BackupError as error:
        raise SettingsError(str(error)) from error
    return 0


def register_backup(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup_parser = commands.add_parser(
        "backup", help="copy the database (online, still encrypted) to a file or folder"
    )
    backup_parser.add_argument("destination", type=Path, metavar="DEST")
    backup_parser.set_defaults(handler=_backup_command)
    restore_parser = commands.add_parser(
        "restore", help="check a backup and put it in place of the database (service stopped)"
    )
    restore_parser.add_argument("source", type=Path, metavar="SRC")
    restore_parser.set_defaults(handler=_restore_command)


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


def register_rotation(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "rotate-keys", help="re-seal stored content under the newest data key"
    )
    parser.add_argument("--check", action="store_true", help="only count what would be re-sealed")
    parser.set_defaults(handler=_rotate_command)
