"""Staff accounts: argon2 password hashes and a TOTP second factor.

Accounts are made and disabled on the command line (`formhandler user add|disable`);
there is no sign-up page. The TOTP secret is sealed with the data key like message text,
so a copy of the database alone does not give anyone a second factor.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from formhandler.core.crypto import DataCipher

ROLES = ("helper", "coordinator", "complaints")
ISSUER = "1712 medewerkers"
MIN_PASSWORD_LENGTH = 12
_HASHER = PasswordHasher()
# A hash of a throw-away password, checked when the account does not exist so that a
# wrong name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("no account has this password")


class AccountError(ValueError):
    """An account cannot be made or changed as asked; the text says why."""


@dataclass(frozen=True)
class StaffUser:
    id: int
    name: str
    role: str
    team: str | None
    session_epoch: int
    disabled: bool

    @property
    def is_coordinator(self) -> bool:
        return self.role == "coordinator"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _context(name: str) -> str:
    # Bound to the account: a sealed secret copied to another account does not open.
    return f"staff_users.totp_secret:{name.lower()}"


def _row_to_user(row: sqlite3.Row) -> StaffUser:
    return StaffUser(
        id=row["id"],
        name=row["name"],
        role=row["role"],
        team=row["team"],
        session_epoch=row["session_epoch"],
        disabled=row["disabled_at"] is not None,
    )


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
        team = team or "klachten"
    if team is not None and team not in known_teams:
        raise AccountError(f"Unknown team {team!r}; known: {', '.join(sorted(known_teams))}.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    secret = pyotp.random_base32()
    try:
        with db:
            db.execute(
                "INSERT INTO staff_users (name, role, team, password_hash, totp_secret,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    name,
                    role,
                    team,
                    _HASHER.hash(password),
                    cipher.seal(secret, _context(name)),
                    _now(),
                ),
            )
    except sqlite3.IntegrityError as error:
        raise AccountError(f"An account named {name!r} exists already.") from error
    return pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name=ISSUER)


def disable_user(db: sqlite3.Connection, name: str) -> None:
    """Disable an account at once: its sessions end with the next request."""
    with db:
        changed = db.execute(
            "UPDATE staff_users SET disabled_at = ?, session_epoch = session_epoch + 1"
            " WHERE name = ? AND disabled_at IS NULL",
            (_now(), name),
        ).rowcount
    if not changed:
        raise AccountError(f"No active account named {name!r}.")


def end_sessions(db: sqlite3.Connection, user_id: int) -> None:
    """Log out everywhere: every cookie issued before now stops working."""
    with db:
        db.execute(
            "UPDATE staff_users SET session_epoch = session_epoch + 1 WHERE id = ?", (user_id,)
        )


def get_user(db: sqlite3.Connection, user_id: int) -> StaffUser | None:
    row = db.execute("SELECT * FROM staff_users WHERE id = ?", (user_id,)).fetchone()
    return _row_to_user(row) if row else None


def list_users(db: sqlite3.Connection) -> list[StaffUser]:
    return [_row_to_user(row) for row in db.execute("SELECT * FROM staff_users ORDER BY name")]


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
    row = db.execute("SELECT * FROM staff_users WHERE name = ?", (name.strip(),)).fetchone()
    if row is None:
        with contextlib.suppress(VerificationError):
            _HASHER.verify(_DUMMY_HASH, password)
        return None
    try:
        _HASHER.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        return None
    if row["disabled_at"] is not None:
        return None
    secret = cipher.open_text(row["totp_secret"], _context(row["name"]))
    step = _totp_step(secret, code, time.time() if at is None else at)
    if step is None or step <= row["last_totp_step"]:
        return None  # wrong, expired, or already used once (replay)
    with db:
        db.execute("UPDATE staff_users SET last_totp_step = ? WHERE id = ?", (step, row["id"]))
        if _HASHER.check_needs_rehash(row["password_hash"]):
            db.execute(
                "UPDATE staff_users SET password_hash = ? WHERE id = ?",
                (_HASHER.hash(password), row["id"]),
            )
    return _row_to_user(row)


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
