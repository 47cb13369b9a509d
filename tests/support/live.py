"""formhandler as the tests run it: development settings and a live server in a thread."""

from __future__ import annotations

import base64
import secrets
import shutil
import threading
import time
from pathlib import Path

import uvicorn

from formhandler.cli.development import development_sink
from formhandler.core.settings import DEFAULT_TEAMS_FILE, Settings, load_settings
from formhandler.web.app import create_app, server_options
from tests.support.ports import free_port


def development_settings(data_dir: Path, site: Path, **environ: str) -> Settings:
    env = {
        "FORMHANDLER_ENV": "development",
        "FORMHANDLER_DATA_DIR": str(data_dir),
        "FORMHANDLER_SITE_DIR": str(site),
        **environ,
    }
    return load_settings(env)


def production_environ(data_dir: Path, site: Path) -> dict[str, str]:
    """A complete, safe production configuration (formhandler/core/config_check.py accepts it)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    teams = data_dir / "teams.yml"
    shutil.copy(DEFAULT_TEAMS_FILE, teams)
    return {
        "FORMHANDLER_TEAMS_FILE": str(teams),
        "FORMHANDLER_ENV": "production",
        "FORMHANDLER_SECRET_KEYS": secrets.token_urlsafe(48),
        "FORMHANDLER_DATA_KEYS": base64.b64encode(secrets.token_bytes(32)).decode(),
        "FORMHANDLER_DATA_DIR": str(data_dir),
        "FORMHANDLER_SITE_DIR": str(site),
        "FORMHANDLER_BASE_URL": "https://www.1712.be",
        "FORMHANDLER_SMTP_HOST": "smtp.example.org",
        "FORMHANDLER_SMTP_PORT": "465",
        "FORMHANDLER_SMTP_TLS": "tls",
        "FORMHANDLER_SMTP_USER": "formhandler",
        "FORMHANDLER_SMTP_PASSWORD": secrets.token_urlsafe(24),
        "FORMHANDLER_REPLICA_URL": f"file://{data_dir.with_name(data_dir.name + '-replica')}",
    }


class LiveServer:
    """formhandler under uvicorn in a thread, on a free port of 127.0.0.1.

    Started as `formhandler serve` starts it: in development without an SMTP host the
    local mail sink catches the mails.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(settings, start_sink=development_sink)
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            **server_options(settings),  # type: ignore[arg-type]
            lifespan="on",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("formhandler did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
