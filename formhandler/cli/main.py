"""The `formhandler` command: serve, tick, user (see README.md)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from formhandler.cli import data, replication, tick, users
from formhandler.core.settings import SettingsError, load_settings


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from formhandler.cli.development import development_sink
    from formhandler.web.app import create_app, server_options

    settings = load_settings()
    app = create_app(settings, start_sink=development_sink)
    level = "info"
    if settings.development:
        # `make serve` is for editors too: one Dutch line, then only warnings and errors.
        level = "warning"
        logging.getLogger().setLevel(logging.WARNING)
    # In development Litestream runs beside the service and dies with it; in production
    # it is a unit of its own (deploy/systemd/formhandler-replication.service).
    with replication.beside_the_service(settings):
        if settings.development:
            print(
                f"De site, de formulieren, de medewerkers en de redactie draaien op "
                f"http://{args.host}:{args.port}/ (stoppen: Ctrl+C).",
                flush=True,
            )
        else:
            print(f"formhandler ({settings.env}) on http://{args.host}:{args.port}/", flush=True)
        uvicorn.run(
            app, host=args.host, port=args.port, log_level=level, **server_options(settings)
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="formhandler", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the service (site, forms, staff side)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)

    data.register_backup(commands)  # backup DEST, restore SRC
    data.register_rotation(commands)  # rotate-keys
    replication.register(commands)  # replicate, restore-replica DEST
    tick.register_tick(commands)  # tick [--now ISO]

    users.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except SettingsError as error:
        print(f"formhandler: {error}", file=sys.stderr)
        return 2
