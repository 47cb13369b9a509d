"""Build times: the whole site and each audience alone, median of three, in seconds."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tools.build_site import AUDIENCES, build_site

RUNS = 3


def _timed(out: Path, only: str | None) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    build_site(out, only=only)
    return time.perf_counter() - start


def build_times(runs: int = RUNS) -> dict[str, float]:
    """Seconds per build, median of `runs`: 'hele site' and each audience."""
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        out = Path(folder) / "site"
        for name in [None, *AUDIENCES]:
            samples = [_timed(out, name) for _ in range(runs)]
            times[name or "hele site"] = statistics.median(samples)
    return times
