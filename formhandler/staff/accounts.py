"""Staff accounts: argon2 password hashes and a TOTP second factor.

Accounts are made and disabled on the command line (`formhandler user add|disable`);
there is no sign-up page. The TOTP secret is sealed with the data key like message text,
so a copy of the database alone does not give anyone a second factor.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from datetime import UTC, datetime

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from formhandler.core.crypto import DataCipher
from formhandler.core.teams import COMPLAINTS
from formhandler.storage import sealed, staff_users
from formhandler.storage.staff_users import StaffUser

ROLES = ("helper", "coordinator", "complaints", "redactie")
# Who may use the newsroom (/medewerkers/redactie/): its own role, and the coordinators.
NEWSROOM_ROLES = ("redactie", "coordinator")
ISSUER = "1712 medewerkers"
MIN_PASSWORD_LENGTH = 12
_HASHER = PasswordHasher()
# A hash of a throw-away password, checked when the account does not exist so that a
# wrong name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("no account has this password")


class AccountError(ValueError):
    """An account cannot be made or changed as asked; the text says why."""


def _now() -> datetime:
    return datetime.now(UTC)


def add_user(
    db: sqlite3.Connection,
    name: str,
    role: str,
    password: str,
    *,
    team: str | None,
    known_teams: set[str],
    cipher: DataCipher,
) -> str:
    """Make an account and return its TOTP provisioning URI (for the authenticator app)."""
    name = name.strip()
    if not name or len(name) > 64 or not name.replace("-", "").replace(".", "").isalnum():
        raise AccountError("A name is 1-64 letters, digits, '.' or '-'.")
    if role not in ROLES:
        raise AccountError(f"The role must be one of {', '.join(ROLES)}.")
    if role == "helper" and not team:
        raise AccountError("A helper needs --team (the queue they answer).")
    if role == "complaints":
        team = team or COMPLAINTS
    if role == "redactie" and team:
        raise AccountError("A newsroom account (redactie) answers no queue: leave out --team.")
    if team is not None and team not in known_teams:
        raise AccountError(f"Unknown team {team!r}; known: {', '.join(sorted(known_teams))}.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    secret = pyotp.random_base32()
    sealed_secret = cipher.seal(secret, sealed.totp_secret(name))
    if not staff_users.insert(db, name, role, team, _HASHER.hash(password), sealed_secret, _now()):
        raise AccountError(f"An account named {name!r} exists already.")
    return pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name=ISSUER)


def disable_user(db: sqlite3.Connection, name: str) -> None:
    """Disable an account at once: its sessions end with the next request."""
    if not staff_users.disable(db, name, _now()):
        raise AccountError(f"No active account named {name!r}.")


def end_sessions(db: sqlite3.Connection, user_id: int) -> None:
    """Log out everywhere: every cookie issued before now stops working."""
    staff_users.bump_session_epoch(db, user_id)


get_user = staff_users.get
list_users = staff_users.listed


def authenticate(
    db: sqlite3.Connection,
    name: str,
    password: str,
    code: str,
    *,
    cipher: DataCipher,
    at: float | None = None,
) -> StaffUser | None:
    """The account when name, password and a fresh TOTP code are right, else None."""
    row = staff_users.credentials(db, name.strip())
    if row is None:
        with contextlib.suppress(VerificationError):
            _HASHER.verify(_DUMMY_HASH, password)
        return None
    try:
        _HASHER.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if row.user.disabled:
        return None
    secret = cipher.open_text(row.totp_secret, sealed.totp_secret(row.user.name))
    step = _totp_step(secret, code, time.time() if at is None else at)
    if step is None or step <= row.last_totp_step:
        return None  # wrong, expired, or already used once (replay)
    rehashed = _HASHER.hash(password) if _HASHER.check_needs_rehash(row.password_hash) else None
    staff_users.record_login(db, row.user.id, step, rehashed)
    return row.user


def _totp_step(secret: str, code: str, at: float) -> int | None:
    """The 30-second step whose code matches, allowing one step of clock drift each way."""
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    current = int(at // totp.interval)
    for step in (current, current - 1, current + 1):
        if pyotp.utils.strings_equal(totp.at(step * totp.interval), code):
            return step
    return None


__all__ = ["ROLES", "AccountError", "StaffUser", "add_user", "authenticate", "get_user"]
