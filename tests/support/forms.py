"""Helpers for the forms tests: a real SMTP server (aiosmtpd) that records, form filling."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from starlette.testclient import TestClient

from formhandler.core.settings import Settings
from formhandler.web.app import SinkStarter, create_app
from tests.support.live import development_settings

T = TypeVar("T")


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to its end in a thread of its own.

    Playwright's sync API keeps an event loop running in the main thread when the
    browser tests share the session, and asyncio.run refuses to start inside it.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as error:
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def form_settings(data_dir: Path, site: Path, **environ: str) -> Settings:
    defaults = {"FORMHANDLER_MIN_FILL_SECONDS": "0.2", "FORMHANDLER_RATE_LIMIT": "100/600"}
    return development_settings(data_dir, site, **{**defaults, **environ})


def client_for(settings: Settings, start_sink: SinkStarter | None = None) -> TestClient:
    """A client; used without `with`, no lifespan: no background ticks, tests drive them."""
    return TestClient(create_app(settings, start_sink=start_sink))


TOKEN = re.compile(r'name="token" value="([^"]+)"')


def token_of(html: str) -> str:
    found = TOKEN.search(html)
    assert found, "the page has no form token"
    return found.group(1)


def fresh_token(client: TestClient, path: str, wait: float = 0.25) -> str:
    token = token_of(client.get(path).text)
    time.sleep(wait)
    return token


def submit(client: TestClient, path: str, fields: dict[str, str], wait: float = 0.25):  # type: ignore[no-untyped-def]
    """GET the form, wait the minimum fill time, POST it; the response (no redirects)."""
    token = fresh_token(client, path, wait)
    return client.post(path, data={"token": token, **fields}, follow_redirects=False)


def error_messages(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", message)
        for message in re.findall(r'class="fh-error-message"[^>]*>(.*?)</p>', html, re.DOTALL)
    ]


def title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert found
    return found.group(1)
