"""The scheduler: one `tick` that does everything time-driven, run every few seconds.

`tick(settings, now, mailer)` runs each step once, as if at `now`: the workflow's
steps (reminders, escalation, purging), then the outbox (deliver every mail whose
time has come), then housekeeping. The web app runs `run_forever` in its lifespan;
`formhandler tick [--now ISO]` runs `tick` once from cron or a test. Which mailer
delivers (SMTP, or the development sink) is the caller's choice.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from formhandler.core.crypto import DataCipher
from formhandler.core.settings import Settings
from formhandler.mail.outbox import Mailer, Outbox
from formhandler.mail.smtp import smtp_mailer
from formhandler.staff import deadlines
from formhandler.storage import database

log = logging.getLogger(__name__)

INTERVAL_SECONDS = 15.0


async def tick(
    settings: Settings, now: datetime, *, mailer: Mailer | None = None
) -> dict[str, int]:
    """Run every scheduled step once as if at `now`; counts of what each step did.

    Without `mailer`, the SMTP server of the settings delivers, if one is set.
    """
    if mailer is None and settings.smtp_host:
        mailer = smtp_mailer(settings)
    cipher = DataCipher(settings.data_keys)
    database.open_database(settings.database_path).close()
    # Workflow first (reminders, escalations, purge), so their mails leave in this tick.
    report: dict[str, int] = await asyncio.to_thread(deadlines.tick_steps, settings, now)
    if mailer is None:
        log.error("no SMTP server configured (FORMHANDLER_SMTP_HOST): mails wait")
    else:
        delivery = await Outbox(settings.database_path, cipher, mailer).deliver_due(now)
        report["mails_sent"], report["mails_failed"] = delivery.sent, delivery.failed
    conn = database.connect(settings.database_path)
    try:
        report["tokens_forgotten"] = database.forget_expired_tokens(conn, now)
    finally:
        conn.close()
    return report


async def run_forever(settings: Settings, mailer: Mailer | None) -> None:
    while True:
        try:
            await tick(settings, datetime.now(UTC), mailer=mailer)
        except Exception:  # the next tick tries again; the loop must never die
            log.exception("scheduler tick failed")
        await asyncio.sleep(INTERVAL_SECONDS)
