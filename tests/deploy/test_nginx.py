"""The deploy configuration in Debian's real nginx, on 127.0.0.1, in front of a real formhandler.

nginx serves the (precompressed) built site and passes the form pages, the
staff side and /healthz to formhandler; every response carries the same
security headers as formhandler's own.
"""

from __future__ import annotations

import gzip
import http.client
import re
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from formhandler.storage import database
from formhandler.web.headers import form_page_paths
from tests.support.live import LiveServer, development_settings
from tests.support.nginx import NGINX, LocalNginx, copy_site
from tests.support.ports import free_port
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.skipif(
    not NGINX.exists(), reason="nginx missing: 'make system-deps' installs it"
)

SECURITY_HEADERS = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "permissions-policy",
    "strict-transport-security",
)


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes

    def all(self, name: str) -> list[str]:
        return self.headers.get_all(name) or []


class Client:
    """HTTP(S) without redirects or decompression, trusting the test certificate only."""

    def __init__(self, nginx: LocalNginx, source: str = "127.0.0.1") -> None:
        self.nginx = nginx
        self.source = source  # the client's own address (another person: another address)
        self.context = ssl.create_default_context(cafile=str(nginx.certificate))

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        https: bool = True,
    ) -> Answer:
        if https:
            connection: http.client.HTTPConnection = http.client.HTTPSConnection(
                "127.0.0.1",
                self.nginx.https_port,
                context=self.context,
                timeout=10,
                source_address=(self.source, 0),
            )
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.nginx.http_port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Answer(response.status, response.headers, response.read())
        finally:
            connection.close()

    def get(self, path: str, **options: object) -> Answer:
        return self.request("GET", path, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def served_site(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_site(site_dir, tmp_path_factory.mktemp("nginx-site") / "site")


@pytest.fixture(scope="module")
def mailbox() -> Iterator[SmtpServer]:
    with SmtpServer() as box:
        yield box


# A small rate limit, so a client that forges X-Forwarded-For is still caught.
RATE_LIMIT = 3


@pytest.fixture(scope="module")
def formhandler(
    served_site: Path, mailbox: SmtpServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    settings = development_settings(
        tmp_path_factory.mktemp("nginx-data"),
        served_site,
        FORMHANDLER_SMTP_HOST="127.0.0.1",
        FORMHANDLER_SMTP_PORT=str(mailbox.port),
        FORMHANDLER_SMTP_TLS="none",
        FORMHANDLER_MIN_FILL_SECONDS="0.2",
        FORMHANDLER_RATE_LIMIT=f"{RATE_LIMIT}/600",
        FORMHANDLER_TRUSTED_PROXIES="127.0.0.1",  # nginx, in front
    )
    with LiveServer(settings) as server:
        yield server


@pytest.fixture(scope="module")
def nginx(
    served_site: Path, formhandler: LiveServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LocalNginx]:
    prefix = tmp_path_factory.mktemp("nginx")
    with LocalNginx(prefix, served_site, f"127.0.0.1:{formhandler.port}") as server:
        yield server


@pytest.fixture(scope="module")
def client(nginx: LocalNginx) -> Client:
    return Client(nginx)


def test_nginx_accepts_the_rendered_configuration(nginx: LocalNginx) -> None:
    result = nginx.check()
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_plain_http_is_sent_to_https(client: Client, nginx: LocalNginx) -> None:
    answer = client.get("/kinderen/?x=1", https=False)
    assert answer.status == 301
    assert answer.headers["location"] == f"https://127.0.0.1:{nginx.https_port}/kinderen/?x=1"


@pytest.mark.parametrize(
    "path", ["/", "/fr/", "/en/", "/kinderen/", "/jongeren/", "/veilig-surfen/", "/nergens/"]
)
def test_static_pages_carry_each_security_header_once(
    client: Client, formhandler: LiveServer, path: str
) -> None:
    answer = client.get(path)
    assert answer.status == (404 if path == "/nergens/" else 200)
    assert b"data-quick-exit" in answer.body
    for name in SECURITY_HEADERS:
        assert len(answer.all(name)) == 1, name
    assert answer.headers["strict-transport-security"] == "max-age=31536000"
    assert "set-cookie" not in answer.headers
    assert "nginx/" not in answer.headers.get("server", "")


def test_nginx_and_formhandler_send_the_same_policy(
    client: Client, formhandler: LiveServer
) -> None:
    direct = http.client.HTTPConnection("127.0.0.1", formhandler.port, timeout=10)
    direct.request("GET", "/")
    from_formhandler = direct.getresponse().headers
    direct.close()
    from_nginx = client.get("/").headers
    for name in ("content-security-policy", "permissions-policy", "referrer-policy"):
        assert from_nginx[name] == from_formhandler[name], name
    # The pages have no inline script (overrides/partials/javascripts/), so no hash either.
    assert "script-src 'self';" in from_nginx["content-security-policy"]
    assert "'unsafe-inline'" not in from_nginx["content-security-policy"]


def test_pages_come_precompressed(client: Client, served_site: Path) -> None:
    answer = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert answer.headers["content-encoding"] == "gzip"
    # The very bytes of the .gz file written at deploy time, not compressed per request.
    assert answer.body == (served_site / "index.html.gz").read_bytes()
    assert gzip.decompress(answer.body) == (served_site / "index.html").read_bytes()
    assert client.get("/").body == (served_site / "index.html").read_bytes()


def test_fingerprinted_assets_are_cached_for_a_year_and_pages_revalidated(
    client: Client, served_site: Path
) -> None:
    bundle = next((served_site / "assets" / "javascripts").glob("bundle.*.min.js"))
    asset = client.get("/assets/javascripts/" + bundle.name)
    assert asset.status == 200
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert len(asset.all("content-security-policy")) == 1
    assert client.get("/").headers["cache-control"] == "no-cache"
    # Our own stylesheet has no fingerprint: it must be asked for again.
    assert client.get("/assets/stylesheets/1712.css").headers["cache-control"] == "no-cache"


def test_form_pages_and_the_staff_side_go_to_formhandler(client: Client, served_site: Path) -> None:
    paths = form_page_paths(served_site)
    assert len(paths) >= 5
    for path in [*paths, "/medewerkers/", "/healthz"]:
        answer = client.get(path)
        # no-store is formhandler's; nginx's own pages say no-cache.
        assert answer.headers["cache-control"] == "no-store", path
        for name in SECURITY_HEADERS:
            assert len(answer.all(name)) == 1, (path, name)
    assert client.get("/healthz").body.startswith(b'{"status"')
    assert client.get("/medewerkers").headers["location"].endswith("/medewerkers/")


def test_build_by_products_are_not_served(client: Client) -> None:
    for path in ("/csp-hashes.json", "/csp-hashes.nginx", "/kinderen/csp-hashes.json"):
        assert client.get(path).status == 404, path


def test_no_client_address_and_no_query_string_is_logged(client: Client, nginx: LocalNginx) -> None:
    client.get("/")
    client.get("/contact/mail/")
    client.get("/contact/mail/verstuurd?bevestiging=QUERYMARKER")
    log = (nginx.prefix / "logs" / "1712.access.log").read_text()
    assert '"GET /contact/mail/ HTTP/1.1" 200' in log
    assert '"GET /contact/mail/verstuurd HTTP/1.1"' in log
    assert "127.0.0.1" not in log
    assert "QUERYMARKER" not in log and "?" not in log


def test_form_pages_say_call_1712_when_formhandler_is_down(
    served_site: Path, tmp_path: Path
) -> None:
    nothing_there = f"127.0.0.1:{free_port()}"
    with LocalNginx(tmp_path, served_site, nothing_there) as nginx:
        client = Client(nginx)
        for method in ("GET", "POST"):
            answer = client.request(
                method, "/contact/mail/", body=b"x=1" if method == "POST" else None
            )
            assert answer.status == 503, method
            assert b"data-form-slot" in answer.body
            assert answer.headers["cache-control"] == "no-store"
            assert len(answer.all("content-security-policy")) == 1
        assert client.get("/").status == 200


TOKEN = re.compile(r'name="token" value="([^"]+)"')
MESSAGE = "Mijn buurvrouw en haar kinderen worden elke avond uitgescholden en geslagen."


def submit_mail_form(client: Client, headers: dict[str, str] | None = None) -> Answer:
    form = client.get("/contact/mail/")
    found = TOKEN.search(form.body.decode())
    assert found, "the mail form through nginx has no token"
    time.sleep(0.3)  # the minimum time to fill in
    body = urlencode({"token": found.group(1), "bericht": MESSAGE, "email": "a@example.org"})
    return client.request(
        "POST",
        "/contact/mail/",
        body=body.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
    )


def test_a_form_submission_goes_all_the_way_through_nginx(
    client: Client, formhandler: LiveServer, mailbox: SmtpServer
) -> None:
    form = client.get("/contact/mail/")
    assert b"<form" in form.body
    assert form.headers["cache-control"] == "no-store"
    assert client.get("/formulier/forms.css").status == 200
    sent = submit_mail_form(client)
    assert sent.status == 303, sent.body[:500]
    location = urlsplit(sent.headers["location"])
    assert location.path == "/contact/mail/verstuurd"
    confirmation = client.get(f"{location.path}?{location.query}")
    assert confirmation.status == 200
    assert confirmation.headers["cache-control"] == "no-store"
    assert len(confirmation.all("content-security-policy")) == 1
    conn = database.connect(formhandler.settings.database_path)
    try:
        references = [row[0] for row in conn.execute("SELECT reference FROM messages")]
    finally:
        conn.close()
    reference = next(ref for ref in references if ref.encode() in confirmation.body)
    # The team's notification names the reference, never the text.
    found = mailbox.containing(reference.encode())
    mail = found.raw if found else None
    assert mail is not None, "the team mail did not arrive"
    assert MESSAGE.encode() not in mail


def test_a_forged_forwarded_address_does_not_escape_the_rate_limit(client: Client) -> None:
    statuses = []
    for number in range(RATE_LIMIT + 1):
        forged = {"X-Forwarded-For": f"10.0.0.{number + 1}"}
        statuses.append(submit_mail_form(client, forged).status)
        if statuses[-1] == 429:
            break
    assert statuses[-1] == 429, statuses


def test_a_flood_of_posts_from_one_address_is_refused_before_formhandler(
    served_site: Path, formhandler: LiveServer, tmp_path: Path
) -> None:
    with LocalNginx(tmp_path, served_site, f"127.0.0.1:{formhandler.port}") as nginx:
        flooder = Client(nginx)
        junk = {"Content-Type": "application/x-www-form-urlencoded"}
        answers = [
            flooder.request("POST", "/contact/mail/", body=b"token=junk", headers=junk)
            for _ in range(40)
        ]
        statuses = [answer.status for answer in answers]
        # A burst of 20 reaches formhandler (which refuses the forged token), then nginx says 429.
        assert set(statuses[:20]) == {400}
        assert statuses[-1] == 429
        # A person behind a busy shared address still reads how to reach 1712.
        assert b"data-form-slot" in answers[-1].body
        assert len(answers[-1].all("content-security-policy")) == 1
        assert flooder.get("/contact/mail/").status == 200  # reading is never limited
        person = Client(nginx, source="127.0.0.2")
        assert submit_mail_form(person).status == 303


@pytest.mark.parametrize("https", [True, False])
def test_an_unknown_host_name_gets_no_answer_at_all(client: Client, https: bool) -> None:
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        client.get("/medewerkers", headers={"Host": "evil.example"}, https=https)
    assert client.get("/healthz").status == 200  # the real name still answers


def test_healthz_answers_loopback_and_the_configured_monitor_only() -> None:
    from deploy.render_nginx import Target, render

    target = Target(
        server_name="www.1712.be",
        site_dir=Path("/srv/1712/site"),
        certificate=Path("/etc/ssl/1712.pem"),
        certificate_key=Path("/etc/ssl/1712.key"),
        healthz_allow=("192.0.2.10",),
    )
    text = render(target)
    block = text.split("location = /healthz {", 1)[1].split("}", 1)[0]
    assert "allow 127.0.0.1;" in block and "allow 192.0.2.10;" in block
    assert block.index("allow 192.0.2.10;") < block.index("deny all;")
