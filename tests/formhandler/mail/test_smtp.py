"""SMTP sending in each FORMHANDLER_SMTP_TLS mode, against a real aiosmtpd server with TLS."""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from formhandler.core.settings import load_settings
from formhandler.mail.smtp import SmtpMailer, smtp_mailer
from tests.support.forms import run_async
from tests.support.ports import free_port

MAIL = b"From: a@1712.be\r\nTo: b@1712.test\r\nSubject: Test\r\n\r\nHallo\r\n"


@dataclass
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for 127.0.0.1, made here: no file from elsewhere."""
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    paths = Certificate(folder / "cert.pem", folder / "key.pem")
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


class Recorder:
    def __init__(self) -> None:
        self.sessions: list[bool] = []  # whether each mail came over TLS

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        # STARTTLS sets session.ssl; implicit TLS shows on the transport.
        cipher = server.transport.get_extra_info("cipher")
        self.sessions.append(session.ssl is not None or cipher is not None)
        return "250 OK"


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def running(controller: Controller) -> Iterator[Controller]:
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()


def send(mailer: SmtpMailer) -> None:
    run_async(mailer.send("a@1712.be", ["b@1712.test"], MAIL))


def test_tls_mode_speaks_tls_from_the_first_byte(
    certificate: Certificate, recorder: Recorder
) -> None:
    port = free_port()
    controller = Controller(
        recorder, hostname="127.0.0.1", port=port, ssl_context=certificate.server_context()
    )
    for _ in running(controller):
        send(SmtpMailer("127.0.0.1", port, tls="tls", cert_bundle=str(certificate.cert)))
    assert recorder.sessions == [True]


def test_starttls_mode_upgrades_and_none_does_not(
    certificate: Certificate, recorder: Recorder
) -> None:
    port = free_port()
    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=port,
        tls_context=certificate.server_context(),
        require_starttls=True,
    )
    for _ in running(controller):
        send(SmtpMailer("127.0.0.1", port, tls="starttls", cert_bundle=str(certificate.cert)))
        with pytest.raises(Exception, match=r"STARTTLS|530"):
            send(SmtpMailer("127.0.0.1", port, tls="none"))
    assert recorder.sessions == [True]


def test_an_unknown_certificate_is_refused(certificate: Certificate, recorder: Recorder) -> None:
    port = free_port()
    controller = Controller(
        recorder, hostname="127.0.0.1", port=port, ssl_context=certificate.server_context()
    )
    for _ in running(controller):
        with pytest.raises(Exception, match=r"(?i)certificate"):
            send(SmtpMailer("127.0.0.1", port, tls="tls"))
    assert recorder.sessions == []


def test_the_mailer_follows_the_settings() -> None:
    settings = load_settings(
        {
            "FORMHANDLER_ENV": "production",
            "FORMHANDLER_SECRET_KEYS": "x" * 40,
            "FORMHANDLER_DATA_KEYS": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "FORMHANDLER_SMTP_HOST": "smtp.example.org",
            "FORMHANDLER_SMTP_PORT": "587",
            "FORMHANDLER_SMTP_TLS": "starttls",
            "FORMHANDLER_SMTP_USER": "formhandler",
            "FORMHANDLER_SMTP_PASSWORD": "geheim",
        }
    )
    mailer = smtp_mailer(settings)
    assert (mailer.host, mailer.port, mailer.tls, mailer.user, mailer.password) == (
        "smtp.example.org",
        587,
        "starttls",
        "formhandler",
        "geheim",
    )
    assert "geheim" not in repr(mailer)
