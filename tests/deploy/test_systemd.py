"""The systemd units in deploy/ are valid and run the commands formhandler really has."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest

from deploy.render_nginx import Target
from formhandler.cli.main import build_parser
from tests.support.site import ROOT

SYSTEMD = ROOT / "deploy" / "systemd"
UNITS = sorted(SYSTEMD.glob("formhandler*.*"))


def unit(name: str) -> dict[str, dict[str, list[str]]]:
    """Sections of a unit file; a key may repeat (Environment=), so each holds a list."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] = {}
    for line in (SYSTEMD / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
        elif line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            current.setdefault(key, []).append(value)
    return sections


def command_of(name: str) -> list[str]:
    argv = shlex.split(unit(name)["Service"]["ExecStart"][0])
    assert argv[0] == "/srv/1712/.venv/bin/formhandler"
    return argv[1:]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze missing")
def test_systemd_accepts_the_units() -> None:
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *map(str, UNITS)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    # The only complaint allowed: the venv is not installed on the test machine.
    problems = [
        line for line in result.stderr.splitlines() if line and "is not executable" not in line
    ]
    assert problems == []


def test_the_units_run_commands_formhandler_has() -> None:
    serve = build_parser().parse_args(command_of("formhandler.service"))
    assert (serve.command, serve.host, serve.port) == ("serve", "127.0.0.1", 8000)
    backup = build_parser().parse_args(command_of("formhandler-backup.service"))
    assert backup.command == "backup"
    replicate = build_parser().parse_args(command_of("formhandler-replication.service"))
    assert replicate.command == "replicate"


def test_nginx_passes_to_where_the_service_listens() -> None:
    serve = build_parser().parse_args(command_of("formhandler.service"))
    assert Target.__dataclass_fields__["upstream"].default == f"{serve.host}:{serve.port}"


def test_the_service_runs_unprivileged_in_production() -> None:
    service = unit("formhandler.service")["Service"]
    assert service["User"] == ["formhandler"]
    assert "FORMHANDLER_ENV=production" in service["Environment"]
    assert service["NoNewPrivileges"] == ["yes"]
    assert service["ProtectSystem"] == ["strict"]


def test_replication_runs_beside_the_service_with_its_settings() -> None:
    service = unit("formhandler.service")
    replication = unit("formhandler-replication.service")
    # Enabling the service brings replication; stopping the service (for a restore) stops it.
    assert "formhandler-replication.service" in service["Unit"]["Wants"]
    assert replication["Unit"]["PartOf"] == ["formhandler.service"]
    assert replication["Unit"]["Before"] == ["formhandler.service"]
    # The same user, settings file and data directory as the service: the same database.
    for key in ("User", "Group", "EnvironmentFile", "StateDirectory", "UMask"):
        assert replication["Service"][key] == service["Service"][key], key
    data_dir = [v for v in service["Service"]["Environment"] if v.startswith("FORMHANDLER_DATA")]
    assert data_dir == ["FORMHANDLER_DATA_DIR=/var/lib/formhandler"]
    assert data_dir[0] in replication["Service"]["Environment"]
    assert "FORMHANDLER_ENV=production" in replication["Service"]["Environment"]
    # Restarted when Litestream stops, except after a configuration error (exit status 2).
    assert replication["Service"]["Restart"] == ["always"]
    assert replication["Service"]["RestartPreventExitStatus"] == ["2"]
    assert replication["Service"]["NoNewPrivileges"] == ["yes"]
    assert replication["Service"]["ProtectSystem"] == ["strict"]


def test_the_newsroom_publishes_from_its_clone_into_the_live_folder() -> None:
    """Issue 17 in production: the nightly publish builds the newsroom's clone (else it
    would publish the code checkout's older content), into the one folder the service may
    write, and every unit reads the same site."""
    service = unit("formhandler.service")["Service"]
    publish = unit("formhandler-publish.service")["Service"]
    assert "FORMHANDLER_NEWSROOM_REPO=/var/lib/formhandler/newsroom" in service["Environment"]
    assert service["ReadWritePaths"] == ["/srv/1712/live"]
    site = "FORMHANDLER_SITE_DIR=/srv/1712/live/site"
    for name in (
        "formhandler.service",
        "formhandler-replication.service",
        "formhandler-backup.service",
    ):
        assert site in unit(name)["Service"]["Environment"], name
    command = publish["ExecStart"][0].split()
    assert command[command.index("--out") + 1] == "/srv/1712/live/site"
    assert command[command.index("--from-git") + 1] == "/var/lib/formhandler/newsroom"
    assert publish["User"] == ["formhandler"]
