"""Helpers for the forms tests: a real SMTP server (aiosmtpd) that records, form filling."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeVar

from aiosmtpd.controller import Controller
from starlette.testclient import TestClient

from formhandler.core.settings import Settings
from formhandler.web.app import create_app
from tests.conftest import development_settings, free_port

T = TypeVar("T")


@dataclass
class Received:
    sender: str
    recipients: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.raw, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed

    @property
    def text(self) -> str:
        body = self.message.get_body(("plain",))
        assert body is not None
        return str(body.get_content())


class SmtpServer:
    """aiosmtpd on 127.0.0.1 at a fixed free port; can be stopped and started again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.received: list[Received] = []
        self.refused: list[Received] = []
        self.refuse = 0  # answer the next N mails with 451 (try again later)
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        mail = Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        with self._lock:
            if self.refuse > 0:
                self.refuse -= 1
                self.refused.append(mail)
                return "451 4.3.0 Try again later"
            self.received.append(mail)
        return "250 OK"

    def start(self) -> SmtpServer:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def environ(self) -> dict[str, str]:
        return {
            "FORMHANDLER_SMTP_HOST": "127.0.0.1",
            "FORMHANDLER_SMTP_PORT": str(self.port),
            "FORMHANDLER_SMTP_TLS": "none",
        }

    def wait_for(self, count: int, timeout: float = 10) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received) >= count:
                break
            time.sleep(0.05)
        return list(self.received)


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


def client_for(settings: Settings) -> TestClient:
    """A client without lifespan: no background ticks, tests drive the scheduler."""
    return TestClient(create_app(settings))


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
