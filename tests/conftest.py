"""Fixtures shared by every test: the built site, free ports, a running service."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from formhandler.core.settings import Settings, load_settings
from formhandler.web.app import create_app
from tools.build_site import build_site

ROOT = Path(__file__).resolve().parent.parent


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


# What a build of the site reads: configurations, pages, theme, hooks, data.
SITE_SOURCES = (
    "mkdocs.yml",
    "mkdocs.kinderen.yml",
    "mkdocs.jongeren.yml",
    "docs",
    "kids",
    "youth",
    "overrides",
    "hooks",
    "data",
)


def copy_of_project(destination: Path) -> Path:
    """The site's sources copied into destination, for a build that a test changes."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy(source, destination / name)
    return destination


def built_pages(site: Path) -> list[Path]:
    """Every HTML page of every audience and language, except the 404 pages."""
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def page_url(site: Path, path: Path) -> str:
    """The URL path at which a built file is served ('/fr/contact/mail/')."""
    relative = path.relative_to(site).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def free_port() -> int:
    # aiosmtpd's Controller(port=0) fails its readiness check: pick a free port first.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def development_settings(data_dir: Path, site: Path, **environ: str) -> Settings:
    env = {
        "FORMHANDLER_ENV": "development",
        "FORMHANDLER_DATA_DIR": str(data_dir),
        "FORMHANDLER_SITE_DIR": str(site),
        **environ,
    }
    return load_settings(env)


class LiveServer:
    """formhandler under uvicorn in a thread, on a free port of 127.0.0.1."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(settings)
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            access_log=False,
            log_level="warning",
            lifespan="on",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("formhandler did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    settings = development_settings(tmp_path_factory.mktemp("live-data"), site_dir)
    with LiveServer(settings) as server:
        yield server
