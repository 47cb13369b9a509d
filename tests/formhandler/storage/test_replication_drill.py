"""The disk dies: nothing confirmed before the replication window is lost or mailed twice.

People submit through the real service (with Litestream beside it, a file replica on
"another disk"); the team's mail server takes the mails due at one moment and answers
"try again later" otherwise. Then the service is killed with SIGKILL (Litestream dies
with it, as on a dead machine) and every database file is deleted. The database comes
back from the replica (what `formhandler restore-replica` and `formhandler restore` do;
their commands are tested in test_replication.py); every submission
confirmed more than replication.WINDOW before the kill is there, sealed, with its mails
in the outbox, and after the restart every mail reaches the mail server exactly once:
those sent before the kill are not sent again.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from pathlib import Path

import httpx2 as httpx

from formhandler.core.crypto import DataCipher
from formhandler.core.settings import load_settings
from formhandler.mail import outbox
from formhandler.staff import scheduler
from formhandler.storage import backup, database, replica_restore, replication
from tests.support.forms import run_async, token_of
from tests.support.process import ServeProcess
from tests.support.replica import wait_for
from tests.support.smtp import SmtpServer

ALWAYS_LATER = 10**9  # the mail server answers 451 to this many mails


def keep_submitting(
    url: str, confirmed: dict[str, float], stop: threading.Event, worker: int
) -> None:
    """Fill in the mail form again and again; note when each text was confirmed (303)."""
    with httpx.Client(base_url=url, timeout=5) as client:
        while not stop.is_set():
            text = f"Drill {worker} {uuid.uuid4().hex}"
            try:
                token = token_of(client.get("/contact/mail/").text)
                time.sleep(0.21)
                response = client.post(
                    "/contact/mail/",
                    data={
                        "token": token,
                        "bericht": text,
                        "email": "iemand@example.org",
                        "bevestiging": "ja",
                    },
                )
            except httpx.HTTPError:
                return  # the server is gone
            if response.status_code == 303:
                confirmed[text] = time.time()


def outbox_state(db_path: Path, since: datetime) -> tuple[int, int]:
    """Mails a sender claimed after `since` and still holds, and mails due now and free."""
    conn = sqlite3.connect(db_path)
    now = database.timestamp(datetime.now(UTC))
    try:
        held, due = conn.execute(
            "SELECT coalesce(sum(sent_at IS NULL AND lease_until >= ?), 0),"
            " coalesce(sum(sent_at IS NULL AND next_attempt_at <= ?"
            " AND (lease_until IS NULL OR lease_until <= ?)), 0) FROM outbox",
            (database.timestamp(since + outbox.LEASE), now, now),
        ).fetchone()
    finally:
        conn.close()
    return int(held), int(due)


def message_ids(mails: list) -> list[str]:
    return [str(message_from_bytes(mail.raw)["Message-ID"]) for mail in mails]


def test_a_dead_disk_loses_nothing_confirmed_before_the_window_and_mails_once(
    site_dir: Path, tmp_path: Path
) -> None:
    smtp = SmtpServer().start()
    smtp.refuse = ALWAYS_LATER
    data_dir = tmp_path / "data"
    replica = tmp_path / "other-disk" / "replica"
    environ = {"FORMHANDLER_REPLICA_URL": f"file://{replica}", **smtp.environ()}
    server = ServeProcess(data_dir, site_dir, tmp_path / "serve.log", **environ).start()
    settings = load_settings(server.env)
    wait_for(lambda: replication.read_status(settings).state == "ok", timeout=20)

    confirmed: dict[str, float] = {}
    stop = threading.Event()
    workers = [
        threading.Thread(target=keep_submitting, args=(server.url, confirmed, stop, number))
        for number in range(4)
    ]
    try:
        for worker in workers:
            worker.start()
        wait_for(lambda: len(confirmed) >= 8, timeout=30)
        # The mail server takes what is due, then says "later" again. The service itself
        # tries each new mail at once (and gets "later"), so the tick looks past the first
        # retry wait: else on a slow machine nothing may be due at this moment. It stays
        # well inside outbox.LEASE, so a mail the service is sending right now is not taken.
        smtp.refuse = 0
        retry_due = datetime.now(UTC) + outbox.backoff(1) + timedelta(seconds=30)
        run_async(scheduler.tick(settings, retry_due))
        smtp.refuse = ALWAYS_LATER
        mailed_at = time.time()
        sent_before = message_ids(smtp.received)
        assert sent_before
        # Submissions go on; the disk dies well after those mails left.
        time.sleep(replication.WINDOW.total_seconds() + 1.5)
        wait_for(lambda: len(confirmed) >= 16, timeout=30)
        assert server.process is not None
        killed_at = time.time()
        server.process.send_signal(signal.SIGKILL)  # Litestream dies with it
        server.process.wait(timeout=10)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=10)
    assert killed_at - mailed_at > replication.WINDOW.total_seconds()
    # Litestream died with the service: nothing reached the replica after the kill.
    assert replication.read_status(settings).state == "down"
    # Everything on the dead disk is gone; the data keys are kept elsewhere.
    for path in data_dir.iterdir():
        if path.name != "development-keys.json":
            shutil.rmtree(path) if path.is_dir() else path.unlink()

    # What `formhandler restore-replica COPY` and `formhandler restore COPY` do.
    copy = replica_restore.restore(settings, tmp_path / "from-replica.sqlite3").path
    backup.restore(copy, settings)

    conn = database.connect(settings.database_path)
    cipher = DataCipher(settings.data_keys)
    stored = {}
    for row in conn.execute("SELECT reference, content FROM messages"):
        text = database.open_json(cipher, row["content"], f"messages.content:{row['reference']}")
        assert text is not None
        assert text["bericht"].encode() not in row["content"]  # sealed
        stored[text["bericht"]] = row["reference"]
    outbox_rows = {
        row["message_id"]: (row["reference"], row["kind"], row["sent_at"])
        for row in conn.execute("SELECT message_id, reference, kind, sent_at FROM outbox")
    }
    conn.close()
    old_enough = {
        text
        for text, moment in confirmed.items()
        if moment < killed_at - replication.WINDOW.total_seconds()
    }
    assert len(old_enough) >= 12
    assert old_enough <= set(stored)
    for text in old_enough:
        kinds = sorted(kind for ref, kind, _ in outbox_rows.values() if ref == stored[text])
        assert kinds == ["confirmation", "notification"]
    # The mails sent before the kill are marked sent in the restored database.
    assert set(sent_before) <= set(outbox_rows)
    assert all(outbox_rows[message_id][2] is not None for message_id in sent_before)
    lost = [moment for text, moment in confirmed.items() if text not in stored]
    window = killed_at - min(lost) if lost else 0.0
    print(f"replication drill: {len(confirmed)} confirmed, {len(lost)} lost, window {window:.2f} s")

    # Restarted on the restored database, the service delivers what is due at once; then,
    # with the service stopped, a tick an hour later sends what waited for a retry.
    smtp.refuse = 0
    restarted_at = datetime.now(UTC)
    restarted = ServeProcess(data_dir, site_dir, tmp_path / "serve.log", **environ).start()
    try:
        wait_for(lambda: replication.read_status(settings).state == "ok", timeout=20)
        wait_for(lambda: outbox_state(settings.database_path, restarted_at) == (0, 0), timeout=30)
    finally:
        restarted.stop()
    run_async(scheduler.tick(settings, datetime.now(UTC) + timedelta(hours=1)))
    smtp.stop()
    delivered = message_ids(smtp.received)
    assert sorted(delivered) == sorted(outbox_rows)  # each mail once, and only these
    conn = database.connect(settings.database_path)
    assert conn.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0] == 0
    conn.close()
