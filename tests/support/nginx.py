"""Run the deploy configuration with Debian's nginx on 127.0.0.1, for tests and benchmarks.

Everything nginx writes (pid, logs, temporary files) stays in a prefix folder
of its own, and a self-signed certificate for 127.0.0.1 stands in for the real
one, so the very configuration of production runs without root or a domain.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from deploy.render_nginx import Target, render
from tests.support.ports import free_port

NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def main_config(prefix: Path, site_config: Path, workers: int = 1) -> str:
    """The nginx.conf around the site's server blocks, like Debian's, inside `prefix`."""
    # As root, nginx's workers would switch to 'nobody', who cannot read a private tmp folder.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    temp = prefix / "tmp"
    return (
        f"{user}worker_processes {workers};\n"
        f"pid {prefix}/nginx.pid;\n"
        f"error_log {prefix}/logs/main.error.log warn;\n"
        "daemon off;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"    include {MIME_TYPES};\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        "    tcp_nopush on;\n"
        "    types_hash_max_size 2048;\n"
        f"    client_body_temp_path {temp}/body;\n"
        f"    proxy_temp_path {temp}/proxy;\n"
        f"    fastcgi_temp_path {temp}/fastcgi;\n"
        f"    uwsgi_temp_path {temp}/uwsgi;\n"
        f"    scgi_temp_path {temp}/scgi;\n"
        f"    access_log {prefix}/logs/main.access.log;\n"
        f"    include {site_config};\n"
        "}\n"
    )


class LocalNginx:
    """nginx with the deploy configuration on free ports of 127.0.0.1, in front of `upstream`."""

    def __init__(
        self,
        prefix: Path,
        site_dir: Path,
        upstream: str,
        workers: int = 1,
        post_rate: str = Target.post_rate,
    ) -> None:
        self.prefix = prefix
        self.http_port = free_port()
        self.https_port = free_port()
        (prefix / "logs").mkdir(parents=True, exist_ok=True)
        (prefix / "tmp").mkdir(exist_ok=True)
        self.certificate, key = self_signed_certificate(prefix)
        self.target = Target(
            server_name="127.0.0.1 localhost",
            site_dir=site_dir,
            certificate=self.certificate,
            certificate_key=key,
            upstream=upstream,
            http_listen=f"127.0.0.1:{self.http_port}",
            https_listen=f"127.0.0.1:{self.https_port}",
            log_dir=prefix / "logs",
            post_rate=post_rate,
        )
        self.site_config = prefix / "1712.conf"
        self.site_config.write_text(render(self.target), encoding="utf-8")
        self.config = prefix / "nginx.conf"
        self.config.write_text(main_config(prefix, self.site_config, workers), encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    def command(self, *extra: str) -> list[str]:
        # -e: nginx's own early log too stays in the prefix (no /var/log/nginx needed).
        return [
            str(NGINX),
            "-p",
            str(self.prefix),
            "-e",
            str(self.prefix / "logs" / "startup.error.log"),
            "-c",
            str(self.config),
            *extra,
        ]

    def check(self) -> subprocess.CompletedProcess[str]:
        """`nginx -t`: nginx's own verdict on the configuration."""
        return subprocess.run(self.command("-t"), capture_output=True, text=True, check=False)

    def __enter__(self) -> LocalNginx:
        if not NGINX.exists():
            raise RuntimeError(f"{NGINX} is missing: run 'make system-deps' (installs nginx)")
        self.process = subprocess.Popen(
            self.command(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.https_port), timeout=0.2):
                    return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    output = self.process.stdout.read().decode() if self.process.stdout else ""
                    raise RuntimeError(f"nginx did not start:\n{output}") from None
                time.sleep(0.05)

    def __exit__(self, *exc: object) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.process and self.process.stdout:
            self.process.stdout.close()


def copy_site(site_dir: Path, destination: Path) -> Path:
    """A copy of the built site that may be precompressed without touching the original."""
    from deploy.precompress import precompress

    shutil.copytree(site_dir, destination)
    precompress(destination)
    return destination
