"""Lighthouse's mobile performance score and Largest Contentful Paint, per page.

Lighthouse comes from npm with a lock file (bench/node/package-lock.json; `npm ci` the
first time) and runs Debian's Chromium (CHROME_PATH), never a browser of its own. Its
mobile preset simulates a slow phone on a slow network, so the figures say how the page
is built, not how fast this machine is. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.browser.conftest import CHROMIUM

NODE_DIR = Path(__file__).resolve().parent / "node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors"


@dataclass
class Score:
    performance: float
    lcp_ms: float


def install() -> str | None:
    """Install Lighthouse from the lock file when missing; None, or why it cannot run."""
    if LIGHTHOUSE.exists():
        return None
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    done = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(NODE_DIR)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0 or not LIGHTHOUSE.exists():
        return f"npm ci in bench/node failed: {done.stderr.strip()[-300:]}"
    return None


def score(url: str) -> Score:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--only-categories=performance",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": folder},
            timeout=300,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    return Score(
        performance=float(data["categories"]["performance"]["score"]),
        lcp_ms=float(data["audits"]["largest-contentful-paint"]["numericValue"]),
    )


def scores(base_url: str, pages: dict[str, str]) -> dict[str, Score | None]:
    """Each page's score; None where Lighthouse failed (a busy machine can time it out)."""
    found: dict[str, Score | None] = {}
    for name, path in pages.items():
        try:
            found[name] = score(base_url.rstrip("/") + path)
        except (subprocess.SubprocessError, OSError, KeyError, ValueError):
            found[name] = None
    return found
