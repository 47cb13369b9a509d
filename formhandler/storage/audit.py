"""The audit log: who did what with which reference, and when. Never message content.

Every staff view and action of a logged-in account writes one row, refused attempts
included (another team's message, a forged form). Refusals without a login (a failed
login, a forged login form) are only counted per hour and action: anyone can cause
them, so they must not be able to flood the log. Stored values are cut to a bounded
length. Coordinators page through all of it on the staff side.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from formhandler.storage import database

# Actions in Dutch, as coordinators read them.
ACTIONS = {
    "login": "aangemeld",
    "login_failed": "aanmelding mislukt",
    "login_throttled": "aanmelding afgeremd",
    "logout": "afgemeld",
    "view_queue": "wachtrij bekeken",
    "view_message": "bericht bekeken",
    "claim": "bericht opgenomen",
    "reply": "antwoord verstuurd",
    "close": "afgesloten",
    "note": "notitie toegevoegd",
    "move": "naar een andere wachtrij verplaatst",
    "release": "bericht vrijgegeven",
    "view_escalations": "escalaties bekeken",
    "view_statistics": "statistieken bekeken",
    "download_statistics": "statistieken gedownload",
    "view_audit": "auditlog bekeken",
    "view_outbox": "uitgaande mail bekeken",
    "csrf_rejected": "formulier geweigerd (CSRF)",
    "forbidden": "geen toegang",
    "reminder": "herinnering verstuurd",
    "escalation": "escalatie verstuurd",
    "purge": "tekst en contactgegevens gewist",
    "user_add": "account aangemaakt",
    "user_disable": "account uitgeschakeld",
    "view_newsroom": "redactie geopend",
    "view_publication": "publicatie bekeken",
    "newsroom_commit": "inhoud bewaard in de redactie",
    "newsroom_refused": "bewaren in de redactie geweigerd",
    "newsroom_publish": "publiceren gevraagd",
    "newsroom_preview": "voorbeeld op datum gemaakt",
}


@dataclass(frozen=True)
class AuditEntry:
    at: str
    actor: str
    action: str
    reference: str | None
    outcome: str

    @property
    def action_text(self) -> str:
        return ACTIONS.get(self.action, self.action)


MAX_VALUE = 64  # longest actor or reference kept; a made-up 20,000-character path is cut
PAGE_SIZE = 100


def _bounded(value: str | None) -> str | None:
    return None if value is None else value[:MAX_VALUE]


def record(
    db: sqlite3.Connection,
    actor: str,
    action: str,
    reference: str | None = None,
    outcome: str = "ok",
    at: datetime | None = None,
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    moment = database.timestamp(at or datetime.now(UTC))
    with database.transaction(db):
        db.execute(
            "INSERT INTO audit_log (at, actor, action, reference, outcome) VALUES (?, ?, ?, ?, ?)",
            (moment, _bounded(actor), action, _bounded(reference), outcome[:MAX_VALUE]),
        )


def count_refusal(db: sqlite3.Connection, action: str, at: datetime | None = None) -> None:
    """One more refusal without a login in this hour (no row per attempt)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    hour = database.timestamp(at or datetime.now(UTC))[:13]
    with database.transaction(db):
        db.execute(
            "INSERT INTO audit_refusal_counts (hour, action, count) VALUES (?, ?, 1)"
            " ON CONFLICT (hour, action) DO UPDATE SET count = count + 1",
            (hour, action),
        )


@dataclass(frozen=True)
class RefusalCount:
    hour: str
    action: str
    count: int

    @property
    def action_text(self) -> str:
        return ACTIONS.get(self.action, self.action)


def refusal_counts(db: sqlite3.Connection, limit: int = 48) -> list[RefusalCount]:
    rows = db.execute(
        "SELECT hour, action, count FROM audit_refusal_counts ORDER BY hour DESC, action LIMIT ?",
        (limit,),
    )
    return [RefusalCount(*row) for row in rows]


def page(db: sqlite3.Connection, number: int = 1) -> tuple[list[AuditEntry], int]:
    """One page of the log, newest first, and the number of pages."""
    total = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    pages = max(1, -(-total // PAGE_SIZE))
    number = min(max(1, number), pages)
    rows = db.execute(
        "SELECT at, actor, action, reference, outcome FROM audit_log"
        " ORDER BY id DESC LIMIT ? OFFSET ?",
        (PAGE_SIZE, (number - 1) * PAGE_SIZE),
    )
    return [AuditEntry(*row) for row in rows], pages
