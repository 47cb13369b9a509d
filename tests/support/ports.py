"""Free TCP ports on 127.0.0.1 for servers the tests start."""

from __future__ import annotations

import socket


def free_port() -> int:
    # aiosmtpd's Controller(port=0) fails its readiness check: pick a free port first.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
