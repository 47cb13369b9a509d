"""`formhandler tick [--now ISO]`: every scheduled step once, for cron and tests."""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime

from formhandler.cli.development import mailer_for_a_run
from formhandler.core.settings import load_settings
from formhandler.core.workdays import BRUSSELS
from formhandler.staff.scheduler import tick


def parse_now(value: str) -> datetime:
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

    async def run() -> dict[str, int]:
        async with mailer_for_a_run(settings) as mailer:
            return await tick(settings, now, mailer=mailer)

    report = asyncio.run(run())
    print(" ".join(f"{name}={count}" for name, count in report.items()), flush=True)
    return 0


def register_tick(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """`formhandler tick [--now ISO]`: every scheduled step once, as if at that moment."""
    command = commands.add_parser(
        "tick", help="run the scheduler once: deliver due mails (and the workflow's steps)"
    )
    command.add_argument(
        "--now",
        type=parse_now,
        default=None,
        help="act as if it were this moment (ISO 8601; without offset: Brussels time)",
    )
    command.set_defaults(handler=_tick_command)
