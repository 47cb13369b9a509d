"""The audit log: who did what with which reference, and when. Never message content.

Every staff view and action writes one row, refused attempts included (another team's
message, a forged form, a failed login). Coordinators read it on the staff side.
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
            (moment, actor, action, reference, outcome),
        )


def recent(db: sqlite3.Connection, limit: int = 500) -> list[AuditEntry]:
    rows = db.execute(
        "SELECT at, actor, action, reference, outcome FROM audit_log ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [AuditEntry(*row) for row in rows]
