"""Page weight on a first visit, measured in Chromium: bytes over the wire and raw, requests.

Each page opens in a fresh browser context (empty cache) through nginx with
the deploy configuration, and everything the browser fetches until the
network is idle counts, including what Material's search worker loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request, Response

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

PAGES = {
    "home volwassenen": "/",
    "home kinderen": "/kinderen/",
    "home jongeren": "/jongeren/",
    "mailformulier volwassenen": "/contact/mail/",
    "mailformulier kinderen": "/kinderen/mail/",
    "mailformulier jongeren": "/jongeren/mail/",
}


@dataclass
class Weight:
    compressed: int = 0  # response headers + body as sent (gzip where the server compressed)
    raw: int = 0  # bodies after decompression
    requests: int = 0
    failed: int = 0
    # (path, compressed bytes) of every download, to say where the weight comes from.
    items: list[tuple[str, int]] = field(default_factory=list)


def _sent_bytes(request: Request, response: Response) -> int:
    """The body as sent plus the response headers (their plain size).

    Chromium's own count (request.sizes()) is unreliable for a worker's script (it
    sometimes gives only the headers) and leaves HTTP/2 headers out, so the body
    counts by Content-Length where the server sent one, and the headers by their text.
    """
    headers = response.headers_array()
    length = next((h["value"] for h in headers if h["name"].lower() == "content-length"), None)
    body = int(length) if length is not None else request.sizes()["responseBodySize"]
    return body + sum(len(h["name"]) + len(h["value"]) + 4 for h in headers)


def measure(browser: Browser, base_url: str, path: str) -> Weight:
    context = browser.new_context(base_url=base_url, ignore_https_errors=True)
    weight = Weight()
    finished: list[Request] = []

    def count_failure(_request: Request) -> None:
        weight.failed += 1

    context.on("requestfinished", lambda request: finished.append(request))
    context.on("requestfailed", count_failure)
    page = context.new_page()
    page.goto(path, wait_until="networkidle")
    page.wait_for_timeout(500)  # the search worker's index arrives after load
    for request in finished:
        response = request.response()
        if response is None:
            continue
        sent = _sent_bytes(request, response)
        weight.compressed += sent
        weight.items.append((urlsplit(request.url).path, sent))
        try:
            weight.raw += len(response.body())
        except Exception:  # a redirect has no body to read
            weight.raw += 0
        weight.requests += 1
    context.close()
    return weight


def page_weights(playwright, base_url: str) -> dict[str, Weight]:  # type: ignore[no-untyped-def]
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        return {name: measure(browser, base_url, path) for name, path in PAGES.items()}
    finally:
        browser.close()
