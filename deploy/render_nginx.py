"""Write the nginx configuration for 1712 from deploy/nginx/1712.conf.template.

The security headers come from formhandler/web/headers.py, so nginx and
formhandler send the same ones. Usage (on the server, from the project folder):

    .venv/bin/python -m deploy.render_nginx --server-name www.1712.be \\
        --site-dir /srv/1712/live/site --certificate /etc/ssl/1712/fullchain.pem \\
        --certificate-key /etc/ssl/1712/privkey.pem > /etc/nginx/sites-available/1712.conf
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from formhandler.web.headers import security_headers

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "nginx" / "1712.conf.template"
PROXY_SNIPPET = HERE / "nginx" / "proxy-formhandler.conf"
# nginx fills this variable from site/csp-hashes.nginx (hooks/csp.py).
HASHES_VARIABLE = "$csp_script_hashes"


@dataclass(frozen=True)
class Target:
    server_name: str
    site_dir: Path
    certificate: Path
    certificate_key: Path
    upstream: str = "127.0.0.1:8000"
    http_listen: str = "80"
    https_listen: str = "443"
    log_dir: Path = Path("/var/log/nginx")
    # POSTs a second per client address after a burst of 20 (nginx's limit_req rate).
    post_rate: str = "2r/s"
    # Addresses (or CIDR ranges) of a monitor that may read /healthz besides loopback.
    healthz_allow: tuple[str, ...] = ()


def _indent(lines: list[str], spaces: int) -> str:
    return "\n".join(" " * spaces + line if line else "" for line in lines)


def header_lines() -> list[str]:
    headers = security_headers([HASHES_VARIABLE], production=True)
    # The variable holds " 'sha256-…'" per hash (hooks/csp.py), so with no inline script
    # the policy reads "script-src 'self';", the same as formhandler sends.
    headers = {
        name: value.replace(f" {HASHES_VARIABLE}", HASHES_VARIABLE)
        for name, value in headers.items()
    }
    return [f'add_header {name} "{value}" always;' for name, value in headers.items()]


def https_port_suffix(listen: str) -> str:
    port = listen.rsplit(":", 1)[-1]
    return "" if port == "443" else f":{port}"


def render(target: Target) -> str:
    headers = header_lines()
    hide = [f"proxy_hide_header {line.split()[1]};" for line in headers]
    proxy = PROXY_SNIPPET.read_text(encoding="utf-8")
    proxy = proxy.replace("@HIDE_HEADERS@", "\n".join(hide))
    proxy = proxy.replace("@SECURITY_HEADERS@", "\n".join(headers))
    text = TEMPLATE.read_text(encoding="utf-8")
    replacements = {
        "@PROXY_TO_FORMHANDLER@": _indent(proxy.strip().splitlines(), 8),
        "@SECURITY_HEADERS@": None,  # indentation depends on the line; handled below
        "@SERVER_NAME@": target.server_name,
        "@SITE_DIR@": str(target.site_dir),
        "@UPSTREAM@": target.upstream,
        "@HTTP_LISTEN@": target.http_listen,
        "@HTTPS_LISTEN@": target.https_listen,
        "@HTTPS_PORT_SUFFIX@": https_port_suffix(target.https_listen),
        "@TLS_CERTIFICATE@": str(target.certificate),
        "@TLS_CERTIFICATE_KEY@": str(target.certificate_key),
        "@LOG_DIR@": str(target.log_dir),
        "@POST_RATE@": target.post_rate,
        "@HEALTHZ_ALLOW@": _indent([f"allow {address};" for address in target.healthz_allow], 8),
    }
    out = []
    for line in text.splitlines():
        if line.strip() == "@SECURITY_HEADERS@":
            depth = 8 if out and _inside_location(out) else 4
            out.append(_indent(headers, depth))
        else:
            out.append(line)
    text = "\n".join(out) + "\n"
    for placeholder, value in replacements.items():
        if value is not None:
            text = text.replace(placeholder, value)
    left = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if left:
        raise ValueError(f"unfilled placeholders in {TEMPLATE.name}: {', '.join(left)}")
    return text


def _inside_location(lines: list[str]) -> bool:
    """Whether the template line being rendered sits inside a location block."""
    for line in reversed(lines):
        stripped = line.strip()
        if stripped.startswith("location "):
            return True
        if stripped.startswith("server ") or stripped == "server {":
            return False
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server-name", required=True, help="e.g. www.1712.be 1712.be")
    parser.add_argument("--site-dir", type=Path, required=True, help="the built site")
    parser.add_argument("--certificate", type=Path, required=True, help="full chain, PEM")
    parser.add_argument("--certificate-key", type=Path, required=True, help="its key, PEM")
    parser.add_argument("--upstream", default="127.0.0.1:8000", help="where formhandler runs")
    parser.add_argument("--http-listen", default="80")
    parser.add_argument("--https-listen", default="443")
    parser.add_argument("--log-dir", type=Path, default=Path("/var/log/nginx"))
    parser.add_argument(
        "--healthz-allow",
        action="append",
        default=[],
        help="an address or range of a monitor that may read /healthz (repeatable)",
    )
    parser.add_argument("--post-rate", default="2r/s", help="POSTs per client, e.g. 2r/s")
    args = parser.parse_args(argv)
    target = Target(
        server_name=args.server_name,
        site_dir=args.site_dir.resolve(),
        certificate=args.certificate.resolve(),
        certificate_key=args.certificate_key.resolve(),
        upstream=args.upstream,
        http_listen=args.http_listen,
        https_listen=args.https_listen,
        log_dir=args.log_dir,
        post_rate=args.post_rate,
        healthz_allow=tuple(args.healthz_allow),
    )
    sys.stdout.write(render(target))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
