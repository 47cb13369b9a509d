"""One real SMTP server for tests and benchmarks: aiosmtpd on 127.0.0.1 that keeps every mail.

It can refuse the next N mails with 451 (a temporary failure), be stopped and started
again on the same port (an outage), and say when each mail arrived.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.support.ports import free_port


@dataclass
class Received:
    sender: str
    recipients: list[str]
    raw: bytes
    arrived: float = field(default_factory=time.monotonic)

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
    """aiosmtpd on 127.0.0.1 at a fixed free port; a context manager, or start()/stop()."""

    def __init__(self, *, smtputf8: bool = True, refuse_for_good: bool = False) -> None:
        self.smtputf8 = smtputf8  # offer SMTPUTF8 (addresses with letters beyond ASCII)
        self.refuse_for_good = refuse_for_good  # answer every recipient with 550
        self.port = free_port()
        self.received: list[Received] = []
        self.refused: list[Received] = []
        self.refuse = 0  # answer the next N mails with 451 (try again later)
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.refuse_for_good:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

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
        self._controller = Controller(
            self, hostname="127.0.0.1", port=self.port, enable_SMTPUTF8=self.smtputf8
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def environ(self) -> dict[str, str]:
        """The settings that send formhandler's mail here."""
        return {
            "FORMHANDLER_SMTP_HOST": "127.0.0.1",
            "FORMHANDLER_SMTP_PORT": str(self.port),
            "FORMHANDLER_SMTP_TLS": "none",
        }

    def mails(self) -> list[Received]:
        with self._lock:
            return list(self.received)

    def to(self, address: str) -> list[EmailMessage]:
        """The mails received for this address, parsed."""
        return [mail.message for mail in self.mails() if address in mail.recipients]

    def wait_for(self, count: int, timeout: float = 10) -> list[Received]:
        """The mails received once there are `count` (or when `timeout` runs out)."""
        self._wait(lambda: len(self.received) >= count, timeout)
        return self.mails()

    def containing(self, needle: bytes, timeout: float = 15) -> Received | None:
        """The first mail whose raw bytes hold `needle`, waiting up to `timeout` seconds."""
        found: list[Received] = []

        def seen() -> bool:
            found[:] = [mail for mail in self.mails() if needle in mail.raw][:1]
            return bool(found)

        self._wait(seen, timeout)
        return found[0] if found else None

    @staticmethod
    def _wait(done: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not done():
            time.sleep(0.02)
