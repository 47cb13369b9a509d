"""In production, an unsafe configuration stops formhandler at start, saying what to set."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from formhandler.cli.main import main
from formhandler.core.config_check import production_problems
from formhandler.core.settings import DEFAULT_TEAMS_FILE, SettingsError, load_settings
from formhandler.web.app import create_app
from tests.support.live import development_settings, production_environ


@pytest.fixture
def environ(tmp_path: Path, site_dir: Path) -> dict[str, str]:
    return production_environ(tmp_path, site_dir)


def test_a_complete_production_configuration_starts(environ: dict[str, str]) -> None:
    settings = load_settings(environ)
    assert production_problems(settings) == []
    assert create_app(settings).state.settings is settings


@pytest.mark.parametrize(
    ("change", "names"),
    [
        ({"FORMHANDLER_SECRET_KEYS": "geheim"}, ["FORMHANDLER_SECRET_KEYS", "secrets.token"]),
        ({"FORMHANDLER_SECRET_KEYS": "a" * 64}, ["FORMHANDLER_SECRET_KEYS"]),
        (
            {"FORMHANDLER_DATA_KEYS": base64.b64encode(bytes(32)).decode()},
            ["FORMHANDLER_DATA_KEYS", "openssl rand -base64 32"],
        ),
        ({"FORMHANDLER_SMTP_TLS": "none"}, ["FORMHANDLER_SMTP_TLS=starttls"]),
        ({"FORMHANDLER_SMTP_HOST": ""}, ["FORMHANDLER_SMTP_HOST"]),
        ({"FORMHANDLER_SMTP_PASSWORD": ""}, ["FORMHANDLER_SMTP_PASSWORD"]),
        ({"FORMHANDLER_BASE_URL": "http://www.1712.be"}, ["FORMHANDLER_BASE_URL=https://"]),
        ({"FORMHANDLER_TEAMS_FILE": str(DEFAULT_TEAMS_FILE)}, ["FORMHANDLER_TEAMS_FILE"]),
    ],
)
def test_an_unsafe_setting_stops_production_naming_what_to_set(
    environ: dict[str, str], change: dict[str, str], names: list[str]
) -> None:
    settings = load_settings({**environ, **change})
    with pytest.raises(SettingsError) as stopped:
        create_app(settings)
    for name in names:
        assert name in str(stopped.value)


def test_every_problem_is_listed_at_once(environ: dict[str, str]) -> None:
    settings = load_settings(
        {**environ, "FORMHANDLER_SMTP_TLS": "none", "FORMHANDLER_BASE_URL": "http://x"}
    )
    assert len(production_problems(settings)) == 2


def test_missing_secrets_stop_the_serve_command(
    environ: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("FORMHANDLER_DATA_KEYS")
    assert main(["serve", "--port", "1"]) == 2
    assert "FORMHANDLER_DATA_KEYS" in capsys.readouterr().err


def test_an_unsafe_setting_stops_the_serve_command(
    environ: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in {**environ, "FORMHANDLER_BASE_URL": "http://1712.be"}.items():
        monkeypatch.setenv(name, value)
    assert main(["serve", "--port", "1"]) == 2
    assert "FORMHANDLER_BASE_URL" in capsys.readouterr().err


def test_development_is_not_checked(tmp_path: Path, site_dir: Path) -> None:
    settings = development_settings(tmp_path, site_dir, FORMHANDLER_BASE_URL="http://127.0.0.1")
    create_app(settings)
