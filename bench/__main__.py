"""`make bench` (python -m bench): measure, then print one Markdown table per subject.

Usage: python -m bench [--skip build,weight,lighthouse,load]
Everything runs on 127.0.0.1 in a temporary folder; nothing touches site/ or var/.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench import lighthouse
from bench.builds import RUNS, build_times
from bench.load import RATES, LoadResults, ReplicationResult, Service, percentile, run_load
from bench.peer import build_peer
from bench.weight import PAGES, Weight, page_weights
from formhandler.storage import replication
from tests.support.nginx import LocalNginx, copy_site
from tests.support.ports import free_port
from tests.support.smtp import SmtpServer
from tools.build_site import build_site

# The targets (issue 15 for the pages): a first visit at most 60 KB compressed and 8
# requests, lighter than the peer; Lighthouse mobile at least 0.98, LCP at most 1.5 s
# through nginx and 2.5 s through `make serve`.
MAX_COMPRESSED_KB = 60
MAX_REQUESTS = 8
MIN_PERFORMANCE = 0.98
MAX_LCP_MS = {"nginx": 1500, "serve": 2500}
MAX_P99_MS_AT_50 = 50


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    debian = Path("/etc/debian_version")
    system = f"Debian {debian.read_text().strip()}" if debian.exists() else platform.platform()
    load = Path("/proc/loadavg").read_text().split()[0]
    return f"{system}, {cpu}, {os.cpu_count()} cores, {memory} RAM, load average {load}"


def kb(value: int) -> str:
    return f"{value / 1024:.1f}"


def build_table(times: dict[str, float]) -> list[str]:
    lines = [
        f"Build, strict, seconds (median of {RUNS})",
        "",
        "| what | seconds |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {seconds:.1f} |" for name, seconds in times.items()]
    return lines


def weight_table(ours: dict[str, Weight], peer: dict[str, Weight]) -> list[str]:
    lines = [
        "Page weight, first visit in Chromium through nginx (HTTP/2, KB; compressed = bodies",
        "as sent plus the response headers' text; raw = bodies unpacked). Peer: the same Dutch",
        "Markdown built by plain Material (no overrides, hooks or i18n; no web fonts),",
        "served by the same nginx configuration.",
        "",
        "| page | ours compressed | ours raw | ours requests | peer compressed | peer raw "
        f"| peer requests | ≤ {MAX_COMPRESSED_KB} KB, ≤ {MAX_REQUESTS} requests, below peer |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name in PAGES:
        mine, theirs = ours[name], peer[name]
        ok = (
            mine.compressed <= MAX_COMPRESSED_KB * 1024
            and mine.requests <= MAX_REQUESTS
            and mine.compressed < theirs.compressed
        )
        lines.append(
            f"| {name} | {kb(mine.compressed)} | {kb(mine.raw)} | {mine.requests} "
            f"| {kb(theirs.compressed)} | {kb(theirs.raw)} | {theirs.requests} "
            f"| {'yes' if ok else 'NO'} |"
        )
    lines += ["", "What ours downloads that the peer does not (KB compressed):", ""]
    for name in PAGES:
        theirs = {path for path, _ in peer[name].items}
        extra = sorted(
            ((path, size) for path, size in ours[name].items if path not in theirs),
            key=lambda item: -item[1],
        )
        listed = ", ".join(f"`{path}` {kb(size)}" for path, size in extra)
        lines.append(f"- {name}: {listed or 'nothing'}")
    return lines


def lighthouse_table(scores: dict[str, dict[str, lighthouse.Score | None]]) -> list[str]:
    lines = [
        "Lighthouse mobile (simulated slow phone and network; Debian's Chromium): performance",
        "score and Largest Contentful Paint. nginx = the deploy configuration over HTTP/2;",
        "serve = `make serve` (formhandler alone).",
        "",
        "| page | ours nginx | LCP s | peer nginx | LCP s | ours serve | LCP s "
        f"| ≥ {MIN_PERFORMANCE}, LCP ≤ {MAX_LCP_MS['nginx'] / 1000:.1f} s (nginx) "
        f"and ≤ {MAX_LCP_MS['serve'] / 1000:.1f} s (serve) |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name in PAGES:
        mine, theirs, serve = (scores[where][name] for where in ("ours", "peer", "serve"))
        ok = bool(
            mine
            and serve
            and mine.performance >= MIN_PERFORMANCE
            and serve.performance >= MIN_PERFORMANCE
            and mine.lcp_ms <= MAX_LCP_MS["nginx"]
            and serve.lcp_ms <= MAX_LCP_MS["serve"]
        )
        cells = [
            f"{found.performance:.2f} | {found.lcp_ms / 1000:.2f}" if found else "failed | –"
            for found in (mine, theirs, serve)
        ]
        lines.append(f"| {name} | {' | '.join(cells)} | {'yes' if ok else 'NO'} |")
    return lines


def load_tables(load: LoadResults) -> list[str]:
    lines = [
        "Mail form POST through nginx (wrk on a fixed schedule, 10 s per rate;",
        f"the ceiling: {load.ceiling_per_second:.0f} SQLite commits/s, WAL + synchronous=FULL,",
        "measured in the same run)",
        "",
        "| target/s | reached/s | requests | p50 ms | p99 ms | errors "
        "| target met (50/s: p99 ≤ 50 ms; 200/s: no error) |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for rate in load.rates:
        # A rate counts as met only if it was really reached (within 10 %).
        reached = rate.achieved >= 0.9 * rate.target
        if rate.target == 50:
            met = "yes" if reached and rate.p99_ms <= MAX_P99_MS_AT_50 and not rate.errors else "NO"
        elif rate.target == max(RATES):
            met = "yes" if reached and not rate.errors else "NO"
        else:
            met = ""
        lines.append(
            f"| {rate.target} | {rate.achieved:.1f} | {rate.requests} | {rate.p50_ms:.1f} "
            f"| {rate.p99_ms:.1f} | {rate.errors} | {met} |"
        )
    flood = load.flood
    posts = [person.post_seconds * 1000 for person in flood.people if person.status == 303]
    lines += [
        "",
        "Junk flood from one client while people submit once a second (production limits:",
        "nginx's POSTs per address, formhandler's rate limit and minimum fill time; each",
        "person from an address of their own)",
        "",
        "| junk requests | junk/s | junk answers | people confirmed | their mail sent "
        "| their POST p50 ms | p99 ms | service memory before → after |",
        "|---:|---:|---|---:|---:|---:|---:|---|",
        f"| {flood.junk_requests} | {flood.junk_per_second:.0f} | {flood.junk_statuses} "
        f"| {flood.confirmed}/{len(flood.people)} | {flood.mailed}/{len(flood.people)} "
        f"| {percentile(posts, 0.5) if posts else float('nan'):.1f} "
        f"| {percentile(posts, 0.99) if posts else float('nan'):.1f} "
        f"| {flood.rss_before_mib:.0f} MiB → {flood.rss_after_mib:.0f} MiB |",
        "",
        "Submission to team mail at a local SMTP server",
        "",
        "| submissions | p50 s | p99 s |",
        "|---:|---:|---:|",
        f"| {len(load.mail_delays)} | {load.mail_p50:.3f} "
        f"| {percentile(load.mail_delays, 0.99):.3f} |",
        "",
        *replication_table(load.replication),
    ]
    return lines


def replication_table(result: ReplicationResult) -> list[str]:
    reported, windows = result.reported, result.windows
    return [
        f"Replication under {result.rate.target}/s: Litestream beside formhandler (a file replica;",
        f"it reads the WAL and syncs every {replication.INTERVAL.total_seconds():g} s). Reported "
        "lag: what /healthz shows (time",
        "since Litestream's last successful sync), every 0.5 s. Real window: each time a restore",
        "of the replica begins, how long ago the oldest message missing from it was committed",
        "(what a dead disk would lose at that moment).",
        "",
        "| reached/s | errors | reported lag p50 s | p95 s | max s "
        "| real window p50 s | p95 s | max s | restores |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {result.rate.achieved:.1f} | {result.rate.errors} "
        f"| {percentile(reported, 0.5):.2f} | {percentile(reported, 0.95):.2f} "
        f"| {max(reported):.2f} | {percentile(windows, 0.5):.2f} "
        f"| {percentile(windows, 0.95):.2f} | {max(windows):.2f} | {len(windows)} |",
    ]


def measure_pages(
    work: Path, with_lighthouse: bool
) -> tuple[dict[str, Weight], dict[str, Weight], dict[str, dict[str, lighthouse.Score | None]]]:
    """Page weight (and Lighthouse) of ours and the peer through nginx, and ours through
    `formhandler serve` alone, as `make serve` runs it."""
    built = work / "built"
    build_site(built)
    site = copy_site(built, work / "site")
    peer = build_peer(work / "peer")
    from deploy.precompress import precompress

    precompress(peer)
    mailbox = SmtpServer()
    mailbox.start()
    service = Service(work, site, mailbox.port)
    try:
        with (
            LocalNginx(work / "nginx-ours", site, f"127.0.0.1:{service.port}", 2) as ours,
            # The peer has no formhandler: its mail page is Material's static page.
            LocalNginx(work / "nginx-peer", peer, f"127.0.0.1:{free_port()}", 2) as theirs,
            sync_playwright() as playwright,
        ):
            weights = page_weights(playwright, ours.url), page_weights(playwright, theirs.url)
            scores = {}
            if with_lighthouse:
                scores["ours"] = lighthouse.scores(ours.url, PAGES)
                scores["peer"] = lighthouse.scores(theirs.url, PAGES)
                scores["serve"] = lighthouse.scores(f"http://127.0.0.1:{service.port}", PAGES)
            return (*weights, scores)
    finally:
        service.stop()
        mailbox.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", default="", help="comma-separated: build, weight, load")
    skip = set(filter(None, parser.parse_args().skip.split(",")))
    started = datetime.now(UTC)
    before = machine()
    out: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        work = Path(folder)
        if "build" not in skip:
            out += [*build_table(build_times()), ""]
        if "weight" not in skip:
            why_not = None if "lighthouse" in skip else lighthouse.install()
            ours, peer, scores = measure_pages(
                work / "weight", "lighthouse" not in skip and not why_not
            )
            out += [*weight_table(ours, peer), ""]
            if scores:
                out += [*lighthouse_table(scores), ""]
            elif why_not:
                out += [f"Lighthouse not run: {why_not}", ""]
        if "load" not in skip:
            if not (work / "weight" / "site").exists():
                build_site(work / "built")
                copy_site(work / "built", work / "weight" / "site")
            (work / "load").mkdir()
            out += [*load_tables(run_load(work / "load", work / "weight" / "site")), ""]
    print(f"Measured {started:%Y-%m-%d %H:%M} UTC on {before}")
    print(f"(load average at the end: {Path('/proc/loadavg').read_text().split()[0]}).\n")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
