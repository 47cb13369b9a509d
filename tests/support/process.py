"""A real `formhandler serve` process for the forms tests (crash and log tests)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import httpx2 as httpx

from tests.support.ports import free_port
from tests.support.site import ROOT


class ServeProcess:
    """`python -m formhandler serve` on a free port; stdout and stderr go to a log file."""

    def __init__(self, data_dir: Path, site: Path, log_path: Path, **environ: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = {
            **os.environ,
            "FORMHANDLER_ENV": "development",
            "FORMHANDLER_DATA_DIR": str(data_dir),
            "FORMHANDLER_SITE_DIR": str(site),
            "FORMHANDLER_MIN_FILL_SECONDS": "0.2",
            "FORMHANDLER_RATE_LIMIT": "10000/600",
            **environ,
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> ServeProcess:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "formhandler", "serve", "--port", str(self.port)],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.log_path.read_text(errors="replace"))
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("formhandler serve did not start")

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()  # SIGKILL: no clean shutdown, no flush
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def tick(self, now: datetime, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """`formhandler tick --now NOW` with this process's settings, as cron would run it."""
        return subprocess.run(
            [sys.executable, "-m", "formhandler", "tick", "--now", now.isoformat()],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
