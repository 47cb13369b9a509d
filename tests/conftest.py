"""Fixtures shared by every test: the built site and a running service.

Plain helpers live in tests/support/; this file only holds fixtures.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.live import LiveServer, development_settings
from tests.support.site import ROOT
from tools.build_site import build_site


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: `make test` builds it first (TEST_SITE_DIR); alone, pytest builds it."""
    given = os.environ.get("TEST_SITE_DIR")
    if given:
        path = Path(given)
        if not path.is_absolute():
            path = ROOT / path
        assert (path / "index.html").is_file(), f"TEST_SITE_DIR={given} holds no built site"
        return path
    out = tmp_path_factory.mktemp("site")
    build_site(out)
    return out


@pytest.fixture(scope="session")
def live_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = development_settings(tmp_path_factory.mktemp("live-data"), site_dir)
    with LiveServer(settings) as server:
        yield server
