"""`formhandler user add|disable|list`: staff accounts, made on the server only.

The password is read from standard input (never from the command line, where it would
sit in the shell history and the process list); the TOTP provisioning URI is printed
once, to be scanned into the helper's authenticator app.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from formhandler.core.crypto import DataCipher
from formhandler.core.settings import load_settings
from formhandler.core.teams import load_teams
from formhandler.staff import accounts
from formhandler.storage import audit, database


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nog eens: ") != first:
            raise accounts.AccountError("The two passwords differ.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _add(args: argparse.Namespace) -> int:
    settings = load_settings()
    teams = load_teams(settings.teams_file)
    db = database.open_database(settings.database_path)
    try:
        uri = accounts.add_user(
            db,
            args.name,
            args.role,
            _read_password(),
            team=args.team,
            known_teams=set(teams.queues),
            cipher=DataCipher(settings.data_keys),
        )
        audit.record(db, "beheer", "user_add", args.name)
    except accounts.AccountError as error:
        print(f"formhandler user add: {error}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"Account {args.name} ({args.role}) made. Scan this in the authenticator app:")
    print(uri)
    return 0


def _disable(args: argparse.Namespace) -> int:
    settings = load_settings()
    db = database.open_database(settings.database_path)
    try:
        accounts.disable_user(db, args.name)
        audit.record(db, "beheer", "user_disable", args.name)
    except accounts.AccountError as error:
        print(f"formhandler user disable: {error}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"Account {args.name} disabled; its sessions have ended.")
    return 0


def _list(args: argparse.Namespace) -> int:
    settings = load_settings()
    db = database.open_database(settings.database_path)
    try:
        for user in accounts.list_users(db):
            state = "disabled" if user.disabled else "active"
            print(f"{user.name}\t{user.role}\t{user.team or '-'}\t{state}")
    finally:
        db.close()
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    user = commands.add_parser("user", help="manage staff accounts")
    actions = user.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="make an account (password on standard input)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=accounts.ROLES)
    add.add_argument("--team", help="the queue a helper answers (teams file key)")
    add.set_defaults(handler=_add)
    disable = actions.add_parser("disable", help="disable an account and end its sessions")
    disable.add_argument("name")
    disable.set_defaults(handler=_disable)
    listing = actions.add_parser("list", help="list accounts")
    listing.set_defaults(handler=_list)
