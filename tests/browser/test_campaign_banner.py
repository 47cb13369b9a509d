"""Pages with a campaign banner pass the same browser checks as every page.

The every-page test builds with today's date, when usually no campaign runs; here the site
is built on a day when campaigns run for adults, young people and children.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.test_every_page import audit
from tests.support.live import LiveServer, development_settings
from tests.support.site import copy_of_project
from tools.build_site import build_site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHILDREN_CAMPAIGN = """---
title: "Praat erover"
date: 2020-04-01
summary: "Een campagne voor kinderen, om de banner op de kindersite te testen."
audiences: [kinderen]
from: 2020-04-01
until: 2020-04-30
banner: "Zit je met iets? Praat erover met iemand die je vertrouwt."
---

# Praat erover

Deze campagne is er voor kinderen.
"""


@pytest.fixture(scope="module")
def campaign_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("campaigns")
    root = copy_of_project(tmp / "project")
    (root / "docs" / "nieuws" / "2020-04-praat-erover.md").write_text(CHILDREN_CAMPAIGN, "utf-8")
    site = tmp / "site"
    build_site(site, root=root, site_date="2020-04-20")
    for home in ("index.html", "jongeren/index.html", "kinderen/index.html"):
        assert "data-campaign" in (site / home).read_text("utf-8"), f"no banner on {home}"
    with LiveServer(development_settings(tmp / "data", site)) as server:
        yield server


def test_pages_with_a_campaign_banner_pass_axe_at_320_px_without_other_hosts(
    browser: Browser, campaign_server: LiveServer
) -> None:
    urls = [
        "/",
        "/nieuws/",
        "/nieuws/2020-03-sport-en-cultuur/",
        "/jongeren/",
        "/jongeren/relaties/",
        "/kinderen/",
        "/kinderen/awel/",
    ]
    reports = audit(browser, campaign_server.url, urls)
    assert {r.url: (r.violations, r.overflow_px, r.foreign) for r in reports} == {
        url: ([], 0, []) for url in urls
    }
