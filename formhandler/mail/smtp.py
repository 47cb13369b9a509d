"""Sending one mail over SMTP (aiosmtplib), as FORMHANDLER_SMTP_* say.

`FORMHANDLER_SMTP_TLS` is `none` (plain, for a relay on the same host or the
development sink), `starttls` (upgrade on port 587) or `tls` (TLS from the first
byte, port 465). A failure raises; the outbox decides when to try again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import aiosmtplib

from formhandler.core.settings import Settings


def needs_smtputf8(addresses: Sequence[str]) -> bool:
    return any(not address.isascii() for address in addresses)


TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class SmtpMailer:
    host: str
    port: int
    tls: str = "none"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    # Extra certificate authorities (a PEM file); None trusts the system's store.
    cert_bundle: str | None = None

    async def send(self, sender: str, recipients: Sequence[str], data: bytes) -> None:
        await aiosmtplib.send(
            data,
            sender=sender,
            recipients=list(recipients),
            # A non-ASCII address needs SMTPUTF8; a server without it refuses for good.
            mail_options=["SMTPUTF8"] if needs_smtputf8([sender, *recipients]) else None,
            hostname=self.host,
            port=self.port,
            use_tls=self.tls == "tls",
            # 'none' means none: aiosmtplib would otherwise upgrade when offered.
            start_tls=self.tls == "starttls",
            username=self.user,
            password=self.password,
            timeout=TIMEOUT_SECONDS,
            cert_bundle=self.cert_bundle,
        )


def smtp_mailer(settings: Settings) -> SmtpMailer:
    """The mailer for the configured SMTP server (FORMHANDLER_SMTP_HOST must be set)."""
    if not settings.smtp_host:
        raise ValueError("FORMHANDLER_SMTP_HOST is not set")
    return SmtpMailer(
        host=settings.smtp_host,
        port=settings.smtp_port,
        tls=settings.smtp_tls,
        user=settings.smtp_user,
        password=str(settings.smtp_password) if settings.smtp_password else None,
    )
