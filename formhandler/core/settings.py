"""Every setting of formhandler, read once from the environment.

Each variable is in the README's configuration table (a test checks that).
In production a missing secret stops the service at start with the name of
what to set; in development keys are made once in the data directory.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from starlette.config import Config
from starlette.datastructures import Secret

from formhandler.core.calendar_file import CONTACT_FILE, CalendarError, default_calendar
from formhandler.core.opening_hours import Calendar

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TEAMS_FILE = Path(__file__).resolve().parent / "teams.dev.yml"

# Every variable the service reads; the README must document each one.
VARIABLES = (
    "FORMHANDLER_ENV",
    "FORMHANDLER_SECRET_KEYS",
    "FORMHANDLER_DATA_KEYS",
    "FORMHANDLER_DATA_DIR",
    "FORMHANDLER_SITE_DIR",
    "FORMHANDLER_BASE_URL",
    "FORMHANDLER_SMTP_HOST",
    "FORMHANDLER_SMTP_PORT",
    "FORMHANDLER_SMTP_TLS",
    "FORMHANDLER_SMTP_USER",
    "FORMHANDLER_SMTP_PASSWORD",
    "FORMHANDLER_MAIL_FROM",
    "FORMHANDLER_TEAMS_FILE",
    "FORMHANDLER_CLOSING_DAYS",
    "FORMHANDLER_RETENTION_DAYS",
    "FORMHANDLER_MIN_FILL_SECONDS",
    "FORMHANDLER_RATE_LIMIT",
    "FORMHANDLER_TRUSTED_PROXIES",
    "FORMHANDLER_ALLOWED_HOSTS",
    "FORMHANDLER_REPLICA_URL",
    "FORMHANDLER_NEWSROOM_REPO",
)


class SettingsError(SystemExit):
    """Raised at start when the configuration cannot work; the text says what to set."""


@dataclass(frozen=True)
class Settings:
    env: str = "production"
    secret_keys: tuple[Secret, ...] = ()
    data_keys: tuple[bytes, ...] = field(default=(), repr=False)
    data_dir: Path = ROOT / "var"
    site_dir: Path = ROOT / "site"
    base_url: str = "http://127.0.0.1:8000"
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_tls: str = "none"
    smtp_user: str | None = None
    smtp_password: Secret | None = None
    mail_from: str = "1712 <noreply@1712.be>"
    teams_file: Path = DEFAULT_TEAMS_FILE
    # 1712's hours, reply promise and closing days (formhandler/core/opening_hours.py).
    contact_file: Path = CONTACT_FILE
    # More closing days besides those in the contact file (FORMHANDLER_CLOSING_DAYS).
    closing_days: tuple[date, ...] = ()
    retention_days: int = 30
    min_fill_seconds: float = 3.0
    rate_limit: tuple[int, int] = (5, 600)
    # Addresses whose X-Forwarded-For is believed (the reverse proxy); none by default.
    trusted_proxies: tuple[str, ...] = ()
    # Host names the service answers for; "*" (development default) answers any.
    allowed_hosts: tuple[str, ...] = ("*",)
    # Where Litestream keeps a continuous copy of the database (formhandler/storage/replication.py).
    replica_url: str | None = None
    # The git work tree the newsroom edits and publishes from; None: no newsroom.
    newsroom_repo: Path | None = None

    @property
    def calendar(self) -> Calendar:
        """Hours, reply promise and closing days: the contact file's, with the extra days."""
        return default_calendar(self.contact_file).with_closing_days(self.closing_days)

    @property
    def development(self) -> bool:
        return self.env == "development"

    @property
    def database_path(self) -> Path:
        return self.data_dir / "formhandler.sqlite3"


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _rate_limit(value: str) -> tuple[int, int]:
    try:
        count, seconds = (int(part) for part in value.split("/"))
    except ValueError as error:
        raise SettingsError(
            f"FORMHANDLER_RATE_LIMIT={value!r} is not of the form COUNT/SECONDS, e.g. 5/600."
        ) from error
    if count < 1 or seconds < 1:
        raise SettingsError("FORMHANDLER_RATE_LIMIT needs a positive count and window.")
    return count, seconds


def _data_keys(values: list[str]) -> tuple[bytes, ...]:
    keys = []
    for index, value in enumerate(values, start=1):
        try:
            key = base64.b64decode(value, validate=True)
        except ValueError as error:
            raise SettingsError(
                f"FORMHANDLER_DATA_KEYS: key {index} is not valid base64."
            ) from error
        if len(key) != 32:
            raise SettingsError(
                f"FORMHANDLER_DATA_KEYS: key {index} is {len(key)} bytes; AES-256 needs 32 "
                "(make one with: openssl rand -base64 32)."
            )
        keys.append(key)
    return tuple(keys)


def development_keys(data_dir: Path) -> tuple[list[str], list[str]]:
    """Signing and data keys for development, made once and kept in the data directory."""
    path = data_dir / "development-keys.json"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        keys = {
            "secret_keys": [secrets.token_urlsafe(48)],
            "data_keys": [base64.b64encode(secrets.token_bytes(32)).decode()],
        }
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(keys, handle)
    stored = json.loads(path.read_text(encoding="utf-8"))
    return stored["secret_keys"], stored["data_keys"]


def _allowed_hosts(env: str, given: list[str], base_url: str) -> tuple[str, ...]:
    """The configured host names; by default the public address's in production, any in
    development (where the address is whatever the developer typed)."""
    if given:
        return tuple(given)
    if env == "development":
        return ("*",)
    return (urlsplit(base_url).hostname or "localhost", "127.0.0.1", "localhost")


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    config = Config(environ=dict(os.environ if environ is None else environ))
    env = config("FORMHANDLER_ENV", cast=str, default="production")
    if env not in ("production", "development"):
        raise SettingsError(f"FORMHANDLER_ENV must be 'production' or 'development', not {env!r}.")
    data_dir = Path(config("FORMHANDLER_DATA_DIR", cast=str, default=str(ROOT / "var")))
    base_url = config("FORMHANDLER_BASE_URL", cast=str, default="http://127.0.0.1:8000")
    base_url = base_url.rstrip("/")
    secret_keys = _split(config("FORMHANDLER_SECRET_KEYS", cast=str, default=""))
    data_keys = _split(config("FORMHANDLER_DATA_KEYS", cast=str, default=""))
    if env == "production":
        missing = [
            name
            for name, value in (
                ("FORMHANDLER_SECRET_KEYS", secret_keys),
                ("FORMHANDLER_DATA_KEYS", data_keys),
            )
            if not value
        ]
        if missing:
            raise SettingsError(
                "formhandler cannot start in production without "
                + " and ".join(missing)
                + ". Set them (see the configuration table in README.md), "
                "or set FORMHANDLER_ENV=development on a developer's machine."
            )
    else:
        dev_secret, dev_data = development_keys(data_dir)
        secret_keys = secret_keys or dev_secret
        data_keys = data_keys or dev_data
    smtp_tls = config("FORMHANDLER_SMTP_TLS", cast=str, default="none")
    if smtp_tls not in ("none", "starttls", "tls"):
        raise SettingsError("FORMHANDLER_SMTP_TLS must be none, starttls or tls.")
    closing_days = []
    for value in _split(config("FORMHANDLER_CLOSING_DAYS", cast=str, default="")):
        try:
            closing_days.append(date.fromisoformat(value))
        except ValueError as error:
            raise SettingsError(
                f"FORMHANDLER_CLOSING_DAYS: {value!r} is not an ISO date such as 2026-12-24."
            ) from error
    contact_file = Path(config("FORMHANDLER_CONTACT_FILE", cast=str, default=str(CONTACT_FILE)))
    try:
        default_calendar(contact_file)
    except (CalendarError, OSError) as error:
        raise SettingsError(f"FORMHANDLER_CONTACT_FILE: {error}") from error
    password = config("FORMHANDLER_SMTP_PASSWORD", cast=str, default="")
    return Settings(
        env=env,
        secret_keys=tuple(Secret(key) for key in secret_keys),
        data_keys=_data_keys(data_keys),
        data_dir=data_dir,
        site_dir=Path(config("FORMHANDLER_SITE_DIR", cast=str, default=str(ROOT / "site"))),
        base_url=base_url,
        smtp_host=config("FORMHANDLER_SMTP_HOST", cast=str, default="") or None,
        smtp_port=config("FORMHANDLER_SMTP_PORT", cast=int, default=25),
        smtp_tls=smtp_tls,
        smtp_user=config("FORMHANDLER_SMTP_USER", cast=str, default="") or None,
        smtp_password=Secret(password) if password else None,
        mail_from=config("FORMHANDLER_MAIL_FROM", cast=str, default="1712 <noreply@1712.be>"),
        teams_file=Path(
            config("FORMHANDLER_TEAMS_FILE", cast=str, default=str(DEFAULT_TEAMS_FILE))
        ),
        contact_file=contact_file,
        closing_days=tuple(closing_days),
        retention_days=config("FORMHANDLER_RETENTION_DAYS", cast=int, default=30),
        min_fill_seconds=config("FORMHANDLER_MIN_FILL_SECONDS", cast=float, default=3.0),
        rate_limit=_rate_limit(config("FORMHANDLER_RATE_LIMIT", cast=str, default="5/600")),
        trusted_proxies=tuple(_split(config("FORMHANDLER_TRUSTED_PROXIES", cast=str, default=""))),
        allowed_hosts=_allowed_hosts(
            env, _split(config("FORMHANDLER_ALLOWED_HOSTS", cast=str, default="")), base_url
        ),
        replica_url=config("FORMHANDLER_REPLICA_URL", cast=str, default="").strip() or None,
        newsroom_repo=_newsroom_repo(config("FORMHANDLER_NEWSROOM_REPO", cast=str, default="")),
    )


def _newsroom_repo(value: str) -> Path | None:
    if not value:
        return None
    path = Path(value).resolve()
    if not (path / ".git").exists():
        raise SettingsError(
            f"FORMHANDLER_NEWSROOM_REPO={value} is not a git work tree. Make one with "
            "'git clone <this repository> <folder>' and name that folder."
        )
    return path
