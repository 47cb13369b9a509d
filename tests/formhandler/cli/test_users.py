"""`formhandler user add|disable|list`: password on standard input, TOTP URI printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyotp

from formhandler.core.crypto import DataCipher
from formhandler.staff import accounts
from formhandler.storage import database
from tests.support.live import development_settings
from tests.support.site import ROOT


def run(data_dir: Path, site: Path, *args: str, password: str = "") -> subprocess.CompletedProcess:
    environ = {
        **os.environ,
        "FORMHANDLER_ENV": "development",
        "FORMHANDLER_DATA_DIR": str(data_dir),
        "FORMHANDLER_SITE_DIR": str(site),
    }
    return subprocess.run(
        [sys.executable, "-m", "formhandler", "user", *args],
        cwd=ROOT,
        env=environ,
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_user_add_reads_the_password_from_stdin_and_prints_the_totp_uri(
    tmp_path: Path, site_dir: Path
) -> None:
    password = "correct paard batterij niet"
    done = run(
        tmp_path,
        site_dir,
        "add",
        "an",
        "--role",
        "helper",
        "--team",
        "antwerpen",
        password=password,
    )
    assert done.returncode == 0, done.stderr
    uri = next(line for line in done.stdout.splitlines() if line.startswith("otpauth://"))
    totp = pyotp.parse_uri(uri)
    assert "1712" in uri
    assert password not in done.stdout + done.stderr
    settings = development_settings(tmp_path, site_dir)
    db = database.open_database(settings.database_path)
    user = accounts.authenticate(
        db, "an", password, totp.now(), cipher=DataCipher(settings.data_keys)
    )
    assert user is not None and user.role == "helper" and user.team == "antwerpen"
    listing = run(tmp_path, site_dir, "list").stdout
    assert "an\thelper\tantwerpen\tactive" in listing


def test_user_add_refuses_bad_input_with_a_clear_message(tmp_path: Path, site_dir: Path) -> None:
    no_team = run(tmp_path, site_dir, "add", "bo", "--role", "helper", password="x" * 20)
    assert no_team.returncode == 1 and "--team" in no_team.stderr
    short = run(tmp_path, site_dir, "add", "bo", "--role", "coordinator", password="kort")
    assert short.returncode == 1 and "at least 12" in short.stderr
    unknown = run(
        tmp_path, site_dir, "add", "bo", "--role", "helper", "--team", "mars", password="x" * 20
    )
    assert unknown.returncode == 1 and "Unknown team" in unknown.stderr
    assert (
        run(tmp_path, site_dir, "add", "bo", "--role", "complaints", password="x" * 20).returncode
        == 0
    )
    again = run(tmp_path, site_dir, "add", "BO", "--role", "coordinator", password="x" * 20)
    assert again.returncode == 1 and "exists already" in again.stderr


def test_user_disable_stops_logins(tmp_path: Path, site_dir: Path) -> None:
    password = "x" * 20
    uri = run(tmp_path, site_dir, "add", "co", "--role", "coordinator", password=password).stdout
    secret = pyotp.parse_uri(uri.strip().splitlines()[-1]).secret
    assert run(tmp_path, site_dir, "disable", "co").returncode == 0
    assert run(tmp_path, site_dir, "disable", "co").returncode == 1
    settings = development_settings(tmp_path, site_dir)
    db = database.open_database(settings.database_path)
    cipher = DataCipher(settings.data_keys)
    assert (
        accounts.authenticate(db, "co", password, pyotp.TOTP(secret).now(), cipher=cipher) is None
    )
    assert "co\tcoordinator\t-\tdisabled" in run(tmp_path, site_dir, "list").stdout
