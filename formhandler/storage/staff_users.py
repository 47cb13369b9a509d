"""The `staff_users` table: accounts, their hashes, sealed TOTP secrets and session epochs."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from formhandler.storage import database


@dataclass(frozen=True)
class StaffUser:
    id: int
    name: str
    role: str
    team: str | None
    session_epoch: int
    disabled: bool


@dataclass(frozen=True)
class Credentials:
    user: StaffUser
    password_hash: str
    totp_secret: bytes
    last_totp_step: int


def _row_to_user(row: sqlite3.Row) -> StaffUser:
    return StaffUser(
        id=row["id"],
        name=row["name"],
        role=row["role"],
        team=row["team"],
        session_epoch=row["session_epoch"],
        disabled=row["disabled_at"] is not None,
    )


def insert(
    db: sqlite3.Connection,
    name: str,
    role: str,
    team: str | None,
    password_hash: str,
    sealed_secret: bytes,
    now: datetime,
) -> bool:
    """A new account; False when the name is taken."""
    try:
        with database.transaction(db):
            db.execute(
                "INSERT INTO staff_users (name, role, team, password_hash, totp_secret,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (name, role, team, password_hash, sealed_secret, database.timestamp(now)),
            )
    except sqlite3.IntegrityError:
        return False
    return True


def disable(db: sqlite3.Connection, name: str, now: datetime) -> bool:
    """Disable an active account and end its sessions; False if there is none."""
    with database.transaction(db):
        return bool(
            db.execute(
                "UPDATE staff_users SET disabled_at = ?, session_epoch = session_epoch + 1"
                " WHERE name = ? AND disabled_at IS NULL",
                (database.timestamp(now), name),
            ).rowcount
        )


def bump_session_epoch(db: sqlite3.Connection, user_id: int) -> None:
    with database.transaction(db):
        db.execute(
            "UPDATE staff_users SET session_epoch = session_epoch + 1 WHERE id = ?", (user_id,)
        )


def get(db: sqlite3.Connection, user_id: int) -> StaffUser | None:
    row = db.execute("SELECT * FROM staff_users WHERE id = ?", (user_id,)).fetchone()
    return _row_to_user(row) if row else None


def listed(db: sqlite3.Connection) -> list[StaffUser]:
    return [_row_to_user(row) for row in db.execute("SELECT * FROM staff_users ORDER BY name")]


def credentials(db: sqlite3.Connection, name: str) -> Credentials | None:
    row = db.execute("SELECT * FROM staff_users WHERE name = ?", (name,)).fetchone()
    if row is None:
        return None
    return Credentials(
        _row_to_user(row), row["password_hash"], row["totp_secret"], row["last_totp_step"]
    )


def record_login(
    db: sqlite3.Connection, user_id: int, totp_step: int, new_hash: str | None
) -> None:
    """The TOTP step just used (never accepted again) and, if due, a stronger hash."""
    with database.transaction(db):
        db.execute("UPDATE staff_users SET last_totp_step = ? WHERE id = ?", (totp_step, user_id))
        if new_hash is not None:
            db.execute("UPDATE staff_users SET password_hash = ? WHERE id = ?", (new_hash, user_id))
