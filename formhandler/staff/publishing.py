"""Publishing and previewing the newsroom's work, with the nightly publish's own code.

Each newsroom commit asks for a publish: `deploy/publish_site.py` builds the newsroom's
last commit strictly beside the live site and swaps it in only when the build passed, so
a failed build leaves the live site as it was. One publish runs at a time; commits made
meanwhile are published together by the next one. The result (when, which commit, the
things to fix with file and line) is kept in the data folder for the staff side.

A preview is the same build of the last commit with SITE_DATE set to the chosen day, into
the data folder, shown behind the login (formhandler/web/newsroom.py).
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from formhandler.core.settings import ROOT, Settings

log = logging.getLogger("formhandler.staff.publishing")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Publisher:
    def __init__(self, settings: Settings, on_published: Callable[[], None]) -> None:
        assert settings.newsroom_repo is not None
        self.repo = settings.newsroom_repo
        self.site_dir = settings.site_dir
        self.folder = settings.data_dir / "redactie"
        self.status_file = self.folder / "publicatie.json"
        self.preview_dir = self.folder / "voorbeeld"
        self.on_published = on_published
        self._lock = threading.Lock()
        self._preview_lock = threading.Lock()
        self._pending = False
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()

    # --- publishing ----------------------------------------------------------------------

    def request(self) -> None:
        """Publish the newsroom's last commit soon (now, or right after the running publish)."""
        with self._lock:
            self._pending = True
            self._idle.clear()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="publish", daemon=True)
                self._thread.start()

    def wait(self, timeout: float) -> bool:
        """True once no publish runs or waits (for tests and a clean stop)."""
        return self._idle.wait(timeout)

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._thread = None
                    self._idle.set()
                    return
                self._pending = False
            try:
                self._publish()
            except Exception:  # the next commit tries again; the status says it failed
                log.exception("publishing failed")
                self._write({"state": "fout", "finished": _now(), "problems": []})

    def _publish(self) -> None:
        started = _now()
        self._write({**self.status(), "state": "bezig", "started": started})
        report = self.folder / "publicatie-verslag.json"
        report.unlink(missing_ok=True)
        self._run(self.site_dir, report, self.folder / "publicatie.log")
        result = self._read(report)
        state = "gepubliceerd" if result.get("ok") else "mislukt"
        if not result:
            state, result = "fout", {"problems": []}
        self._write({"state": state, "started": started, **result})
        if state == "gepubliceerd":
            self.on_published()

    def _run(self, out: Path, report: Path, build_log: Path, site_date: str | None = None) -> None:
        command = [
            sys.executable,
            "-m",
            "deploy.publish_site",
            "--out",
            str(out),
            "--from-git",
            str(self.repo),
            "--report",
            str(report),
            "--log",
            str(build_log),
        ]
        if site_date:
            command += ["--site-date", site_date]
        self.folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603 - fixed argv, no shell
            command,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            timeout=900,
        )

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        try:
            return dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def _write(self, status: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.status_file.with_suffix(".tmp")
        partial.write_text(json.dumps(status, ensure_ascii=False), encoding="utf-8")
        partial.replace(self.status_file)

    def status(self) -> dict[str, Any]:
        """The last publish: state (bezig, gepubliceerd, mislukt, fout), times, problems."""
        return self._read(self.status_file)

    # --- previews ------------------------------------------------------------------------

    def preview(self, day: date) -> dict[str, Any]:
        """Build the newsroom's last commit as on DAY into the preview folder; the result."""
        with self._preview_lock:
            report = self.folder / "voorbeeld-verslag.json"
            report.unlink(missing_ok=True)
            self._run(self.preview_dir, report, self.folder / "voorbeeld.log", day.isoformat())
            result = self._read(report) or {"ok": False, "problems": []}
            result["day"] = day.isoformat()
            return result
