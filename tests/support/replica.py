"""Litestream for the replication tests: the real binary, real files, a file replica."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from formhandler.core.settings import Settings
from formhandler.storage import replication

T = TypeVar("T")


def wait_for(probe: Callable[[], T], timeout: float = 15, every: float = 0.1) -> T:
    """The first true answer of probe() within timeout seconds (fails the test otherwise)."""
    deadline = time.monotonic() + timeout
    while True:
        answer = probe()
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"still {answer!r} after {timeout} s")
        time.sleep(every)


class Litestream:
    """`formhandler replicate`'s Litestream as a child of the test, with its log in a file."""

    def __init__(self, settings: Settings, log: Path) -> None:
        self.settings = settings
        self.log_path = log
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Litestream:
        with self.log_path.open("ab") as log:
            self.process = replication.start(self.settings, log)
        wait_for(lambda: replication.read_status(self.settings).state == "ok", timeout=20)
        return self

    def kill(self) -> None:
        """SIGKILL: as if the machine stopped; nothing more reaches the replica."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=10)

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            replication.stop(self.process)
