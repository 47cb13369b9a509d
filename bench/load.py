"""Form throughput, a junk flood and mail delay: formhandler as in production, behind nginx.

formhandler runs as its own process (`formhandler serve`, as systemd starts
it) behind Debian's nginx with the deploy configuration; a real SMTP server
(aiosmtpd) in this process stands in for the team's mail server.

- Throughput: wrk posts the mail form at fixed rates (its connections share one
  schedule of send times; the rate reached is shown) with pre-signed form tokens,
  one per request since tokens are single use. The rate limits (nginx's and
  formhandler's) are lifted for this part only: all of wrk's requests come from
  one address.
- Ceiling: single-row commits per second of SQLite (WAL, synchronous=FULL) in
  the same folder, in the same run: what no form POST can beat.
- Flood: wrk sends forged form posts from 127.0.0.1 as fast as it can while
  real people (each from its own 127.0.1.x address) fill in the form at one a
  second, with the production limits (nginx's POSTs per address, formhandler's
  rate limit and minimum fill time).
- Mail: the time from a POST until the team's notification is at the SMTP server.
- Replication: Litestream runs beside the service (as in production, here to a file
  replica); during 10 more seconds at 200/s, the lag Litestream reports (what /healthz
  shows) is sampled, and the replica is restored again and again: at the moment each
  restore begins, the age of the oldest committed message missing from it is the real
  window, what a dead disk would lose.
"""

from __future__ import annotations

import http.client
import math
import os
import re
import sqlite3
import ssl
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import Message
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from formhandler.core.settings import Settings, load_settings
from formhandler.forms.tokens import FormTokens
from formhandler.storage import replication
from tests.support.nginx import LocalNginx
from tests.support.ports import free_port
from tests.support.smtp import SmtpServer

HERE = Path(__file__).resolve().parent
FORMHANDLER = Path(sys.executable).parent / "formhandler"
RATES = (10, 50, 200)
SECONDS_PER_RATE = 10
REPLICATION_RATE = 200
FLOOD_SECONDS = 20
MESSAGE = "Ik maak me zorgen over mijn nichtje; ze heeft vaak blauwe plekken en wil niet naar huis."
TOKEN = re.compile(r'name="token" value="([^"]+)"')


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share 0.5 = median, 0.99 = p99)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class Service:
    """`formhandler serve` in its own process, in development mode with a real SMTP server."""

    def __init__(self, work: Path, site: Path, smtp_port: int, **environ: str) -> None:
        self.port = free_port()
        data = work / f"data-{self.port}"
        self.environ = {
            **os.environ,
            "FORMHANDLER_TRUSTED_PROXIES": "127.0.0.1",
            "FORMHANDLER_ENV": "development",
            "FORMHANDLER_DATA_DIR": str(data),
            "FORMHANDLER_SITE_DIR": str(site),
            "FORMHANDLER_SMTP_HOST": "127.0.0.1",
            "FORMHANDLER_SMTP_PORT": str(smtp_port),
            "FORMHANDLER_SMTP_TLS": "none",
            **environ,
        }
        # Made before the service starts, so both use the same development keys.
        self.settings: Settings = load_settings(self.environ)
        self.log = (work / f"formhandler-{self.port}.log").open("wb")
        self.process = subprocess.Popen(
            [str(FORMHANDLER), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=self.environ,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120  # a busy machine starts it slowly
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"formhandler did not start; see {self.log.name}")
            time.sleep(0.1)

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def tokens(self, count: int) -> list[str]:
        keys = [str(key) for key in self.settings.secret_keys]
        issuer = FormTokens(keys, min_fill=timedelta(seconds=self.settings.min_fill_seconds))
        # Shown a minute ago: old enough for the minimum fill time, far from expiry.
        shown = datetime.now(UTC) - timedelta(minutes=1)
        return [issuer.issue("mail", shown) for _ in range(count)]

    def stop(self) -> None:
        # The service stops Litestream beside it first (up to 15 s of its own).
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Browserless:
    """HTTPS to nginx from a chosen local address (each 'person' has their own)."""

    def __init__(self, nginx: LocalNginx) -> None:
        self.port = nginx.https_port
        self.context = ssl.create_default_context(cafile=str(nginx.certificate))

    def request(
        self, method: str, path: str, source: str, body: bytes | None = None
    ) -> tuple[int, Message, bytes]:
        connection = http.client.HTTPSConnection(
            "127.0.0.1",
            self.port,
            context=self.context,
            timeout=30,
            source_address=(source, 0),
        )
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()


def form_body(token: str) -> bytes:
    return urlencode({"token": token, "bericht": MESSAGE, "email": "bench@example.org"}).encode()


REFERENCE_ON_PAGE = re.compile(rb'class="fh-panel__reference"><strong>([A-Z0-9]+)</strong>')


def reference_of(client: Browserless, location: str, address: str) -> str:
    """The reference a person reads on the confirmation page (the link itself carries it
    sealed: nothing of it is readable in an address or a log line)."""
    parts = urlsplit(location)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    status, _, page = client.request("GET", path, address)
    found = REFERENCE_ON_PAGE.search(page)
    if status != 200 or not found:
        raise RuntimeError(f"the confirmation page showed no reference ({status})")
    return found.group(1).decode()


@dataclass
class RateResult:
    target: int
    achieved: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int


def _wrk(script: str, url: str, connections: int, seconds: int, **environ: str) -> dict[str, int]:
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(HERE / "wrk" / script),
        url,
    ]
    result = subprocess.run(
        command, env={**os.environ, **environ}, capture_output=True, text=True, check=True
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    return {key: int(value) for key, value in (part.split("=") for part in line.split()[1:])}


def post_at_rate(service: Service, nginx: LocalNginx, rate: int, work: Path) -> RateResult:
    # Connections are only capacity: the Lua script paces them on one schedule. Enough
    # of them for answers of up to a quarter second at the target rate.
    connections = max(4, math.ceil(rate / 4))
    tokens = work / f"tokens-{rate}.txt"
    tokens.write_text("\n".join(service.tokens(int(rate * SECONDS_PER_RATE * 1.5) + 50)))
    found = _wrk(
        "post_form.lua",
        nginx.url,
        connections,
        SECONDS_PER_RATE,
        BENCH_TOKENS=str(tokens),
        BENCH_RATE=str(rate),
    )
    return RateResult(
        target=rate,
        achieved=found["requests"] / (found["duration_us"] / 1e6),
        p50_ms=found["p50_us"] / 1000,
        p99_ms=found["p99_us"] / 1000,
        errors=found["status_errors"] + found["socket_errors"],
        requests=found["requests"],
    )


def sqlite_commit_rate(folder: Path, seconds: float = 3.0) -> float:
    """Single-row commits per second with the service's settings: the ceiling for POSTs."""
    conn = sqlite3.connect(folder / "ceiling.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, content BLOB)")
    blob = os.urandom(700)
    commits = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (content) VALUES (?)", (blob,))
        conn.execute("COMMIT")
        commits += 1
    rate = commits / (time.perf_counter() - start)
    conn.close()
    return rate


@dataclass
class Person:
    source: str
    status: int = 0
    post_seconds: float = 0.0
    reference: str = ""
    mail_seconds: float | None = None


def fill_in_like_a_person(
    client: Browserless, mailbox: SmtpServer, person: Person, fill_seconds: float
) -> None:
    status, _, page = client.request("GET", "/contact/mail/", person.source)
    found = TOKEN.search(page.decode())
    if status != 200 or not found:
        person.status = status
        return
    time.sleep(fill_seconds)
    start = time.monotonic()
    status, headers, _ = client.request(
        "POST", "/contact/mail/", person.source, form_body(found.group(1))
    )
    person.post_seconds = time.monotonic() - start
    person.status = status
    if status == 303:
        person.reference = reference_of(client, headers["location"], person.source)
        found = mailbox.containing(person.reference.encode(), timeout=30)
        arrived = found.arrived if found else None
        person.mail_seconds = None if arrived is None else arrived - start


@dataclass
class FloodResult:
    junk_requests: int
    junk_per_second: float
    junk_statuses: str
    people: list[Person] = field(default_factory=list)
    rss_before_mib: float = 0.0
    rss_after_mib: float = 0.0

    @property
    def confirmed(self) -> int:
        return sum(1 for person in self.people if person.status == 303)

    @property
    def mailed(self) -> int:
        return sum(1 for person in self.people if person.mail_seconds is not None)


def flood(service: Service, nginx: LocalNginx, mailbox: SmtpServer) -> FloodResult:
    client = Browserless(nginx)
    rss_before = service.rss_mib()
    junk = subprocess.Popen(
        [
            "wrk",
            "-t1",
            "-c8",
            f"-d{FLOOD_SECONDS}s",
            "--timeout",
            "10s",
            "-s",
            str(HERE / "wrk" / "junk.lua"),
            nginx.url,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    time.sleep(1)  # the flood is under way before the first person arrives
    people = [Person(f"127.0.1.{number + 1}") for number in range(FLOOD_SECONDS - 6)]
    threads = []
    for person in people:
        thread = threading.Thread(
            target=fill_in_like_a_person,
            args=(client, mailbox, person, service.settings.min_fill_seconds + 0.5),
        )
        thread.start()
        threads.append(thread)
        time.sleep(1)
    for thread in threads:
        thread.join()
    output, _ = junk.communicate()
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    found = {key: int(value) for key, value in (part.split("=") for part in line.split()[1:])}
    return FloodResult(
        junk_requests=found["requests"],
        junk_per_second=found["requests"] / (found["duration_us"] / 1e6),
        junk_statuses=(
            f"{found['by_nginx']} refused by nginx (429), {found['by_formhandler']} by "
            f"formhandler (400), {found['socket_errors']} socket errors"
        ),
        people=people,
        rss_before_mib=rss_before,
        rss_after_mib=service.rss_mib(),
    )


def mail_delays(
    service: Service, nginx: LocalNginx, mailbox: SmtpServer, count: int = 20
) -> list[float]:
    """Seconds from a POST's start until the team's notification is at the SMTP server."""
    client = Browserless(nginx)
    delays = []
    for number, token in enumerate(service.tokens(count)):
        start = time.monotonic()
        status, headers, _ = client.request(
            "POST", "/contact/mail/", f"127.0.2.{number + 1}", form_body(token)
        )
        if status != 303:
            raise RuntimeError(f"a submission for the mail timing was refused ({status})")
        reference = reference_of(client, headers["location"], f"127.0.2.{number + 1}")
        found = mailbox.containing(reference.encode(), timeout=30)
        arrived = found.arrived if found else None
        if arrived is None:
            raise RuntimeError("a team notification did not arrive within 30 seconds")
        delays.append(arrived - start)
        time.sleep(0.5)
    return delays


@dataclass
class ReplicationResult:
    rate: RateResult
    reported: list[float]  # Litestream's lag as /healthz shows it, seconds
    windows: list[float]  # seconds of commits missing from a restore of the replica


def _live_timeline(db_path: Path, stop: threading.Event, timeline: list[tuple[float, int]]) -> None:
    """Every 20 ms: the newest message id committed in the live database, and when."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        while not stop.is_set():
            top = conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0]
            timeline.append((time.monotonic(), int(top)))
            time.sleep(0.02)
    finally:
        conn.close()


def _reported_lag(settings: Settings, stop: threading.Event, lags: list[float]) -> None:
    while not stop.is_set():
        reading = replication.read_status(settings)
        lags.append(float("inf") if reading.lag_seconds is None else reading.lag_seconds)
        time.sleep(0.5)


def _restored_windows(
    settings: Settings,
    work: Path,
    stop: threading.Event,
    timeline: list[tuple[float, int]],
    windows: list[float],
) -> None:
    """Restore the replica over and over; how old the oldest message missing from it is."""
    number = 0
    while not stop.is_set():
        number += 1
        copy = work / f"restored-{number}.sqlite3"
        began = time.monotonic()
        subprocess.run(
            [str(replication.binary()), "restore", "-o", str(copy), str(settings.replica_url)],
            capture_output=True,
            check=True,
        )
        conn = sqlite3.connect(copy)
        restored = conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0]
        conn.close()
        copy.unlink()
        missing_since = next(
            (moment for moment, top in list(timeline) if top > restored and moment <= began),
            None,
        )
        windows.append(0.0 if missing_since is None else began - missing_since)
        time.sleep(0.5)


def replication_under_load(service: Service, nginx: LocalNginx, work: Path) -> ReplicationResult:
    stop = threading.Event()
    timeline: list[tuple[float, int]] = []
    reported: list[float] = []
    windows: list[float] = []
    watchers = [
        threading.Thread(
            target=_live_timeline, args=(service.settings.database_path, stop, timeline)
        ),
        threading.Thread(target=_reported_lag, args=(service.settings, stop, reported)),
        threading.Thread(
            target=_restored_windows, args=(service.settings, work, stop, timeline, windows)
        ),
    ]
    for watcher in watchers:
        watcher.start()
    try:
        rate = post_at_rate(service, nginx, REPLICATION_RATE, work)
    finally:
        stop.set()
        for watcher in watchers:
            watcher.join()
    return ReplicationResult(rate, reported, windows)


@dataclass
class LoadResults:
    ceiling_per_second: float
    rates: list[RateResult]
    flood: FloodResult
    mail_delays: list[float]
    replication: ReplicationResult

    @property
    def mail_p50(self) -> float:
        return statistics.median(self.mail_delays)


def run_load(work: Path, site: Path) -> LoadResults:
    mailbox = SmtpServer()
    mailbox.start()
    try:
        # Throughput and mail delay: no rate limit (wrk is one address), 1 s minimum fill;
        # Litestream beside it, as in production.
        service = Service(
            work,
            site,
            mailbox.port,
            FORMHANDLER_RATE_LIMIT="1000000/600",
            FORMHANDLER_MIN_FILL_SECONDS="1",
            FORMHANDLER_REPLICA_URL=f"file://{work / 'replica'}",
        )
        try:
            # nginx's limit of POSTs per address is lifted too, for the same reason.
            with LocalNginx(
                work / "nginx-load",
                site,
                f"127.0.0.1:{service.port}",
                workers=2,
                post_rate="100000r/s",
            ) as nginx:
                ceiling = sqlite_commit_rate(work)
                rates = [post_at_rate(service, nginx, rate, work) for rate in RATES]
                delays = mail_delays(service, nginx, mailbox)
                replicated = replication_under_load(service, nginx, work)
        finally:
            service.stop()
        # The flood: the service as configured by default (rate limit, minimum fill time).
        service = Service(work, site, mailbox.port)
        try:
            with LocalNginx(
                work / "nginx-flood", site, f"127.0.0.1:{service.port}", workers=2
            ) as nginx:
                flooded = flood(service, nginx, mailbox)
        finally:
            service.stop()
    finally:
        mailbox.stop()
    return LoadResults(ceiling, rates, flooded, delays, replicated)
