"""`formhandler backup` and `restore`: a backup restored into a fresh directory holds everything."""

from __future__ import annotations

import base64
import secrets
import sqlite3
import stat
from pathlib import Path

import pytest

from formhandler.cli.main import main
from formhandler.core.crypto import DataCipher
from formhandler.core.settings import Settings, load_settings
from formhandler.storage import database
from formhandler.storage.backup import BackupError, backup, restore
from tests.support.sealed import Written, fill, read_back

KEY = secrets.token_bytes(32)


def settings_for(data_dir: Path, *keys: bytes) -> Settings:
    return load_settings(
        {
            "FORMHANDLER_ENV": "development",
            "FORMHANDLER_DATA_DIR": str(data_dir),
            "FORMHANDLER_DATA_KEYS": ",".join(base64.b64encode(k).decode() for k in keys),
        }
    )


@pytest.fixture
def live(tmp_path: Path) -> tuple[Settings, Written]:
    settings = settings_for(tmp_path / "live", KEY)
    conn = database.open_database(settings.database_path)
    written = fill(conn, DataCipher([KEY]), count=6)
    conn.close()
    return settings, written


def test_a_restored_backup_holds_every_message_and_outbox_entry(
    live: tuple[Settings, Written], tmp_path: Path
) -> None:
    settings, written = live
    summary = backup(settings.database_path, tmp_path / "backups.sqlite3")
    assert summary.tables["messages"] == 6
    assert summary.tables["outbox"] == 6
    fresh = settings_for(tmp_path / "fresh", KEY)
    restored = restore(tmp_path / "backups.sqlite3", fresh)
    assert restored.path == fresh.database_path
    conn = database.open_database(fresh.database_path)
    read_back(conn, DataCipher([KEY]), written)
    states = conn.execute("SELECT reference, state FROM message_states ORDER BY reference")
    assert [tuple(row) for row in states] == [(ref, "open") for ref in sorted(written.messages)]


def test_the_backup_is_one_private_file_with_the_content_still_encrypted(
    live: tuple[Settings, Written], tmp_path: Path
) -> None:
    settings, written = live
    folder = tmp_path / "backups"
    folder.mkdir()
    path = backup(settings.database_path, folder).path
    assert path.parent == folder and path.name.startswith("formhandler-")
    assert [p.name for p in folder.iterdir()] == [path.name]  # no -wal, no .partial
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    for content, contact in written.messages.values():
        assert content["bericht"].encode() not in raw
        assert contact["email"].encode() not in raw
    assert b"team-antwerpen@example.org" not in raw


def test_a_backup_while_a_write_is_under_way_is_consistent(
    live: tuple[Settings, Written], tmp_path: Path
) -> None:
    settings, _ = live
    writer = database.connect(settings.database_path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM outbox")  # not committed while the backup runs
    try:
        summary = backup(settings.database_path, tmp_path / "during.sqlite3")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert summary.tables["outbox"] == 6


def test_restoring_with_other_keys_changes_nothing(
    live: tuple[Settings, Written], tmp_path: Path
) -> None:
    settings, _ = live
    backup(settings.database_path, tmp_path / "b.sqlite3")
    other = settings_for(tmp_path / "other", secrets.token_bytes(32))
    with pytest.raises(BackupError, match="FORMHANDLER_DATA_KEYS"):
        restore(tmp_path / "b.sqlite3", other)
    assert not other.database_path.exists()
    assert [p.name for p in other.data_dir.iterdir() if "sqlite3" in p.name] == []


def test_restoring_over_a_database_keeps_the_old_one_beside_it(
    live: tuple[Settings, Written], tmp_path: Path
) -> None:
    settings, written = live
    backup(settings.database_path, tmp_path / "b.sqlite3")
    conn = database.connect(settings.database_path)
    conn.execute("DELETE FROM outbox")
    conn.close()
    restore(tmp_path / "b.sqlite3", settings)
    kept = list(settings.data_dir.glob("formhandler.sqlite3.before-restore-*"))
    assert len(kept) == 1
    assert sqlite3.connect(kept[0]).execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    read_back(database.open_database(settings.database_path), DataCipher([KEY]), written)


def test_a_damaged_backup_is_refused(live: tuple[Settings, Written], tmp_path: Path) -> None:
    settings, _ = live
    path = backup(settings.database_path, tmp_path / "b.sqlite3").path
    data = bytearray(path.read_bytes())
    data[100:4096] = bytes(len(data[100:4096]))  # wipe the schema page
    path.write_bytes(bytes(data))
    fresh = settings_for(tmp_path / "fresh", KEY)
    with pytest.raises(BackupError, match="not a readable database"):
        restore(path, fresh)
    assert not fresh.database_path.exists()


def test_the_commands_back_up_and_restore(
    live: tuple[Settings, Written],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings, written = live
    monkeypatch.setenv("FORMHANDLER_ENV", "development")
    monkeypatch.setenv("FORMHANDLER_DATA_KEYS", base64.b64encode(KEY).decode())
    monkeypatch.setenv("FORMHANDLER_DATA_DIR", str(settings.data_dir))
    assert main(["backup", str(tmp_path / "cli.sqlite3")]) == 0
    assert "outbox 6" in capsys.readouterr().out
    assert main(["backup", str(tmp_path / "cli.sqlite3")]) == 2  # never overwrites
    assert "already exists" in capsys.readouterr().err
    monkeypatch.setenv("FORMHANDLER_DATA_DIR", str(tmp_path / "cli-fresh"))
    assert main(["restore", str(tmp_path / "cli.sqlite3")]) == 0
    conn = database.open_database(tmp_path / "cli-fresh" / "formhandler.sqlite3")
    read_back(conn, DataCipher([KEY]), written)
