"""The production check at start: a service that would be unsafe does not start.

`create_app` calls `check_production` before anything else. In development
nothing is checked (keys are made locally, mail goes to a local sink). Each
problem names the variable to set and how; all problems are listed at once,
so an administrator fixes them in one go.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from formhandler.core.settings import DEFAULT_TEAMS_FILE, Settings, SettingsError

# A signing key shorter than this, or with few different characters, is guessable.
MIN_SECRET_KEY_LENGTH = 32
MIN_DISTINCT_CHARACTERS = 12
# 32 random bytes have about 30 different values; a key of zeros or a repeated
# pattern has only a few.
MIN_DISTINCT_KEY_BYTES = 16
MAKE_SIGNING_KEY = "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"
MAKE_DATA_KEY = "openssl rand -base64 32"


def _weak_secret(value: str) -> bool:
    return len(value) < MIN_SECRET_KEY_LENGTH or len(set(value)) < MIN_DISTINCT_CHARACTERS


def production_problems(settings: Settings) -> list[str]:
    """What is wrong with these settings for production; empty when all is well."""
    problems = []
    for index, secret in enumerate(settings.secret_keys, start=1):
        if _weak_secret(str(secret)):
            problems.append(
                f"FORMHANDLER_SECRET_KEYS: key {index} is weak (at least "
                f"{MIN_SECRET_KEY_LENGTH} random characters). Make one with: {MAKE_SIGNING_KEY}"
            )
    for index, key in enumerate(settings.data_keys, start=1):
        if len(set(key)) < MIN_DISTINCT_KEY_BYTES:
            problems.append(
                f"FORMHANDLER_DATA_KEYS: key {index} is not random (too few different "
                f"bytes). Make one with: {MAKE_DATA_KEY}"
            )
    if len({bytes(key) for key in settings.data_keys}) != len(settings.data_keys):
        problems.append("FORMHANDLER_DATA_KEYS: the same key appears twice; remove the copy.")
    if not settings.smtp_host:
        problems.append(
            "FORMHANDLER_SMTP_HOST is not set: in production mail goes to a real mail "
            "server (set its name, with FORMHANDLER_SMTP_PORT and FORMHANDLER_SMTP_TLS)."
        )
    elif settings.smtp_tls == "none":
        problems.append(
            "FORMHANDLER_SMTP_TLS=none: mail would cross the network unencrypted. Set "
            "FORMHANDLER_SMTP_TLS=starttls (usually port 587) or tls (usually port 465)."
        )
    if settings.smtp_user and not settings.smtp_password:
        problems.append(
            "FORMHANDLER_SMTP_USER is set without FORMHANDLER_SMTP_PASSWORD: set the password."
        )
    if settings.teams_file.resolve() == DEFAULT_TEAMS_FILE.resolve():
        problems.append(
            "FORMHANDLER_TEAMS_FILE is the development file (addresses ending in .test): "
            "copy formhandler/teams.dev.yml, put in the real teams and point the variable at it."
        )
    problems += _replica_problems(settings)
    base = urlsplit(settings.base_url)
    if base.scheme != "https" or not base.hostname:
        problems.append(
            f"FORMHANDLER_BASE_URL={settings.base_url!r}: links in mails must use HTTPS. "
            "Set the public address, e.g. FORMHANDLER_BASE_URL=https://www.1712.be"
        )
    return problems


def _replica_problems(settings: Settings) -> list[str]:
    """Without a replica elsewhere, a dead disk loses everything since the last backup."""
    if not settings.replica_url:
        return [
            "FORMHANDLER_REPLICA_URL is not set: Litestream must copy every commit to "
            "another disk or machine (e.g. s3://bucket/1712 or file:///mnt/replica/1712)."
        ]
    replica = urlsplit(settings.replica_url)
    if not replica.scheme:
        return [
            f"FORMHANDLER_REPLICA_URL={settings.replica_url!r} is not a URL; write e.g. "
            "file:///mnt/replica/1712 or s3://bucket/1712."
        ]
    if replica.scheme == "file":
        folder = Path(replica.path).resolve()
        data = settings.data_dir.resolve()
        if folder == data or data in folder.parents:
            return [
                "FORMHANDLER_REPLICA_URL points into FORMHANDLER_DATA_DIR: the replica "
                "would die with the same disk. Put it on another disk or machine."
            ]
    return []


def check_production(settings: Settings) -> None:
    """Stop with every problem listed when production settings are unsafe."""
    if settings.development:
        return
    problems = production_problems(settings)
    if problems:
        raise SettingsError(
            "formhandler does not start in production with this configuration:\n"
            + "\n".join(f"  - {problem}" for problem in problems)
            + "\nSee the configuration table in README.md."
        )
