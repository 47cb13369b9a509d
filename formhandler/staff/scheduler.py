"""The scheduler: one `tick` that does everything time-driven, run every few seconds.

`tick(settings, now)` runs each step once, as if at `now`: first the outbox
(deliver every mail whose time has come), then housekeeping. The workflow adds its
steps (reminders, escalation, purging) after the outbox. The service runs `tick`
in the background (`lifespan`); `formhandler tick [--now ISO]` runs it once from
cron or a test.

Without FORMHANDLER_SMTP_HOST in development, mails go to the local sink
(mailsink.py); the service keeps one running, a lone `formhandler tick` starts one
for its own run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from starlette.applications import Starlette

from formhandler.core.crypto import DataCipher
from formhandler.core.settings import Settings, load_settings
from formhandler.mail.devsink import MailSink
from formhandler.mail.outbox import Mailer, Outbox
from formhandler.mail.smtp import smtp_mailer
from formhandler.staff import deadlines
from formhandler.storage import database

log = logging.getLogger("formhandler.staff.scheduler")

INTERVAL_SECONDS = 15.0
BRUSSELS = ZoneInfo("Europe/Brussels")


async def tick(
    settings: Settings, now: datetime, *, mailer: Mailer | None = None
) -> dict[str, int]:
    """Run every scheduled step once as if at `now`; counts of what each step did."""
    cipher = DataCipher(settings.data_keys)
    database.open_database(settings.database_path).close()
    # Workflow first (reminders, escalations, purge), so their mails leave in this tick.
    report: dict[str, int] = await asyncio.to_thread(deadlines.tick_steps, settings, now)
    async with _mailer(settings, mailer) as active:
        if active is None:
            log.error("no SMTP server configured (FORMHANDLER_SMTP_HOST): mails wait")
        else:
            delivery = await Outbox(settings.database_path, cipher, active).deliver_due(now)
            report["mails_sent"], report["mails_failed"] = delivery.sent, delivery.failed
    conn = database.connect(settings.database_path)
    try:
        report["tokens_forgotten"] = database.forget_expired_tokens(conn, now)
    finally:
        conn.close()
    return report


@contextlib.asynccontextmanager
async def _mailer(settings: Settings, given: Mailer | None) -> AsyncIterator[Mailer | None]:
    if given is not None:
        yield given
    elif settings.smtp_host:
        yield smtp_mailer(settings)
    elif settings.development:
        with MailSink(settings.database_path, DataCipher(settings.data_keys)) as sink:
            yield sink.mailer
    else:
        yield None


async def run_forever(settings: Settings, mailer: Mailer | None) -> None:
    while True:
        try:
            await tick(settings, datetime.now(UTC), mailer=mailer)
        except Exception:  # the next tick tries again; the loop must never die
            log.exception("scheduler tick failed")
        await asyncio.sleep(INTERVAL_SECONDS)


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    """Start the mail sink (development without SMTP host) and the background ticks."""
    settings: Settings = app.state.settings
    sink: MailSink | None = None
    mailer: Mailer | None = None
    if settings.smtp_host:
        mailer = smtp_mailer(settings)
    elif settings.development:
        database.open_database(settings.database_path).close()
        sink = MailSink(settings.database_path, DataCipher(settings.data_keys)).start()
        mailer = sink.mailer
    else:
        log.error("FORMHANDLER_SMTP_HOST is not set: mails wait in the outbox until it is")
    app.state.mailer = mailer
    app.state.mail_sink = sink
    task = asyncio.create_task(run_forever(settings, mailer))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        if sink is not None:
            sink.stop()


def _parse_now(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO time such as 2026-11-24T16:00+01:00"
        ) from error
    # A time without offset is read as Brussels time, the helpline's own clock.
    return moment if moment.tzinfo else moment.replace(tzinfo=BRUSSELS)


def _tick_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    now = args.now or datetime.now(UTC)
    report = asyncio.run(tick(settings, now))
    print(" ".join(f"{name}={count}" for name, count in report.items()), flush=True)
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """`formhandler tick [--now ISO]`: every scheduled step once, as if at that moment."""
    command = commands.add_parser(
        "tick", help="run the scheduler once: deliver due mails (and the workflow's steps)"
    )
    command.add_argument(
        "--now",
        type=_parse_now,
        default=None,
        help="act as if it were this moment (ISO 8601; without offset: Brussels time)",
    )
    command.set_defaults(handler=_tick_command)
