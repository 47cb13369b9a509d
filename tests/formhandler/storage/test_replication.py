"""Litestream replicates the database; its lag shows on /healthz and the staff side;
`formhandler restore-replica` brings the database back. Real binary, real files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from formhandler.core.config_check import production_problems
from formhandler.core.crypto import DataCipher
from formhandler.core.settings import Settings, load_settings
from formhandler.storage import backup, database, replica_restore, replication
from formhandler.web.app import create_app
from tests.support.live import development_settings, production_environ
from tests.support.replica import Litestream, wait_for
from tests.support.sealed import fill
from tests.support.site import ROOT
from tests.support.staff import signed_in


def replica_settings(tmp_path: Path, site: Path, replica_url: str | None = None) -> Settings:
    url = replica_url or f"file://{tmp_path / 'replica'}"
    return development_settings(tmp_path / "data", site, FORMHANDLER_REPLICA_URL=url)


def cli(settings: Settings, *arguments: str) -> subprocess.CompletedProcess[str]:
    environ = {
        **os.environ,
        "FORMHANDLER_ENV": "development",
        "FORMHANDLER_DATA_DIR": str(settings.data_dir),
        "FORMHANDLER_SITE_DIR": str(settings.site_dir),
        "FORMHANDLER_REPLICA_URL": str(settings.replica_url),
    }
    return subprocess.run(
        [sys.executable, "-m", "formhandler", *arguments],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_commit_reaches_the_replica_and_comes_back_sealed(
    tmp_path: Path, site_dir: Path
) -> None:
    settings = replica_settings(tmp_path, site_dir)
    cipher = DataCipher(settings.data_keys)
    with Litestream(settings, tmp_path / "litestream.log"):
        conn = database.open_database(settings.database_path)
        written = fill(conn, cipher)
        committed = time.monotonic()
        conn.close()
        time.sleep(replication.WINDOW.total_seconds() + 0.5)
        result = cli(settings, "restore-replica", str(tmp_path / "restored.sqlite3"))
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - committed < 30
    restored = tmp_path / "restored.sqlite3"
    assert f"{len(written.messages)} messages" in result.stdout
    assert restored.stat().st_mode & 0o777 == 0o600
    conn = sqlite3.connect(restored)
    conn.row_factory = sqlite3.Row
    for reference, (content, contact) in written.messages.items():
        row = conn.execute(
            "SELECT content, contact FROM messages WHERE reference = ?", (reference,)
        ).fetchone()
        # Sealed on the replica as in the database: the text is not readable without the keys.
        assert content["bericht"].encode() not in row["content"]
        assert database.message_content(conn, cipher, reference) == (content, contact)
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] >= len(written.messages)
    conn.close()
    # The copy is not in place yet: `formhandler restore` does that, as for a backup.
    assert restored.read_bytes() != settings.database_path.read_bytes()


def test_restore_replica_refuses_other_keys_and_an_existing_file(
    tmp_path: Path, site_dir: Path
) -> None:
    settings = replica_settings(tmp_path, site_dir)
    with Litestream(settings, tmp_path / "litestream.log"):
        conn = database.open_database(settings.database_path)
        fill(conn, DataCipher(settings.data_keys), count=2)
        conn.close()
        time.sleep(replication.WINDOW.total_seconds() + 0.5)
    other = load_settings(
        {
            "FORMHANDLER_ENV": "development",
            "FORMHANDLER_DATA_DIR": str(tmp_path / "other"),
            "FORMHANDLER_REPLICA_URL": str(settings.replica_url),
        }
    )
    with pytest.raises(replication.ReplicationError, match="FORMHANDLER_DATA_KEYS"):
        replica_restore.restore(other, tmp_path / "wrong-keys.sqlite3")
    assert not (tmp_path / "wrong-keys.sqlite3").exists()
    assert not (tmp_path / "wrong-keys.sqlite3.partial").exists()
    existing = tmp_path / "existing.sqlite3"
    existing.write_bytes(b"keep me")
    with pytest.raises(replication.ReplicationError, match="already exists"):
        replica_restore.restore(settings, existing)
    assert existing.read_bytes() == b"keep me"
    empty = replica_settings(tmp_path / "empty", site_dir)
    with pytest.raises(replication.ReplicationError, match="nothing to restore"):
        replica_restore.restore(empty, tmp_path / "from-nothing.sqlite3")


def test_the_lag_is_litestreams_own_and_down_when_it_does_not_answer(
    tmp_path: Path, site_dir: Path
) -> None:
    settings = replica_settings(tmp_path, site_dir)
    assert replication.read_status(settings).state == "down"
    litestream = Litestream(settings, tmp_path / "litestream.log")
    with litestream:
        readings = []
        for _ in range(6):
            readings.append(replication.read_status(settings))
            time.sleep(0.5)
        # Litestream syncs every interval, also when nothing changes: the lag stays small.
        assert {reading.state for reading in readings} == {"ok"}
        assert max(r.lag_seconds or 0 for r in readings) <= 2 * replication.WINDOW.total_seconds()
        # Past a minute without a sync it warns (read as if a minute had gone by).
        later = datetime.now(UTC) + replication.WARN_AFTER + timedelta(seconds=5)
        assert replication.read_status(settings, later).state == "delayed"
        litestream.kill()
        assert replication.read_status(settings) == replication.Replication("down")
    assert replication.read_status(
        development_settings(tmp_path / "plain", site_dir)
    ) == replication.Replication("off")


def test_the_lag_grows_while_the_replica_cannot_be_written(tmp_path: Path, site_dir: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the replica's folder should be")
    settings = replica_settings(tmp_path, site_dir, f"file://{blocked / 'replica'}")
    with (tmp_path / "litestream.log").open("ab") as log:
        process = replication.start(settings, log)
    try:
        first = wait_for(lambda: replication.read_status(settings).lag_seconds, timeout=20)
        time.sleep(3)
        second = replication.read_status(settings)
        later = replication.read_status(settings, datetime.now(UTC) + replication.WARN_AFTER)
    finally:
        replication.stop(process)
    # Litestream runs (it answers) but has not reached the replica once: the lag grows.
    assert second.state == "ok"
    assert second.lag_seconds is not None
    assert second.lag_seconds - first >= 2.5
    assert later.state == "delayed"


def test_healthz_and_the_staff_side_show_the_lag_and_warn(tmp_path: Path, site_dir: Path) -> None:
    settings = replica_settings(tmp_path, site_dir)
    app = create_app(settings)
    helper = signed_in(app, "hulp", "helper", "antwerpen")
    anonymous = TestClient(app)
    litestream = Litestream(settings, tmp_path / "litestream.log")
    with litestream:
        time.sleep(replication.READING_MAX_AGE)
        health = anonymous.get("/healthz").json()
        assert health["status"] == "ok"
        assert health["replication"]["state"] == "ok"
        assert 0 <= health["replication"]["lag_seconds"] <= replication.WINDOW.total_seconds() * 2
        page = helper.get("/medewerkers/wachtrij/antwerpen").text
        assert "Reservekopie van de databank:" in page
        assert "werkt niet" not in page
        # Not shown to someone who is not logged in.
        assert "Reservekopie" not in anonymous.get("/medewerkers/aanmelden").text
        litestream.kill()
        time.sleep(replication.READING_MAX_AGE)
        health = anonymous.get("/healthz").json()
        assert health["status"] == "replication-delayed"
        assert health["replication"] == {"state": "down", "lag_seconds": None}
        page = helper.get("/medewerkers/wachtrij/antwerpen").text
        assert 'class="warning" role="status">De doorlopende reservekopie' in page
        assert "werkt niet" in page


def test_a_new_database_does_not_replace_a_replica_that_holds_data(
    tmp_path: Path, site_dir: Path
) -> None:
    settings = replica_settings(tmp_path, site_dir)
    with Litestream(settings, tmp_path / "litestream.log"):
        conn = database.open_database(settings.database_path)
        fill(conn, DataCipher(settings.data_keys), count=1)
        conn.close()
        time.sleep(replication.WINDOW.total_seconds() + 0.5)
    # The disk dies: the data directory is new and empty; the service made a new database.
    new_disk = replica_settings(tmp_path, site_dir)
    for path in settings.data_dir.iterdir():
        if path.name != "development-keys.json":
            subprocess.run(["rm", "-rf", str(path)], check=True)
    database.open_database(new_disk.database_path).close()
    result = cli(new_disk, "replicate")
    assert result.returncode == 2
    assert "was not restored from it" in result.stderr
    assert "formhandler restore-replica" in result.stderr
    # Restored from the replica and put in place, replication starts again.
    restored = tmp_path / "restored.sqlite3"
    assert cli(new_disk, "restore-replica", str(restored)).returncode == 0
    new_disk.database_path.unlink()
    backup.restore(restored, new_disk)
    replication.prepare(new_disk)


def test_restore_clears_litestreams_state_of_the_replaced_database(
    tmp_path: Path, site_dir: Path
) -> None:
    settings = replica_settings(tmp_path, site_dir)
    conn = database.open_database(settings.database_path)
    fill(conn, DataCipher(settings.data_keys), count=1)
    conn.close()
    copy = backup.backup(settings.database_path, tmp_path / "copy.sqlite3").path
    state = replication.meta_path(settings.database_path)
    (state / "ltx" / "0").mkdir(parents=True)
    backup.restore(copy, settings)
    assert not state.exists()


def test_litestreams_configuration_is_the_services_database_and_only_its_owners(
    tmp_path: Path, site_dir: Path
) -> None:
    settings = replica_settings(tmp_path, site_dir)
    path = replication.write_config(settings)
    assert path.stat().st_mode & 0o777 == 0o600
    written = json.loads(path.read_text())
    assert written["dbs"][0]["path"] == str(settings.database_path)
    assert written["dbs"][0]["replica"]["url"] == settings.replica_url
    assert written["socket"]["path"] == str(replication.socket_path(settings))
    # The service's automatic checkpoint leaves the WAL to Litestream (1000 pages).
    conn = database.connect(settings.database_path)
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] > 1000
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    conn.close()


@pytest.mark.parametrize(
    ("replica", "says"),
    [
        (None, "FORMHANDLER_REPLICA_URL is not set"),
        ("{data}/replica", "is not a URL"),
        ("file://{data}/replica", "points into FORMHANDLER_DATA_DIR"),
    ],
)
def test_production_needs_a_replica_off_the_data_disk(
    tmp_path: Path, site_dir: Path, replica: str | None, says: str
) -> None:
    environ = production_environ(tmp_path / "data", site_dir)
    environ.pop("FORMHANDLER_REPLICA_URL")
    if replica is not None:
        environ["FORMHANDLER_REPLICA_URL"] = replica.format(data=tmp_path / "data")
    problems = production_problems(load_settings(environ))
    assert len(problems) == 1
    assert says in problems[0]
