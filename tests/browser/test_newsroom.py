"""The newsroom in Chromium with a real decap-server (git mode) over a clone of this project:
a newsroom editor makes a youth campaign for next week through Decap's forms, publishes
it, previews the site on a day inside the campaign (banner on youth pages, not on the
children's), and finds the commit and the built campaign on the live site."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pyotp
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import RequestLog
from tests.browser.test_forms_in_browser import violations
from tests.support.live import LiveServer
from tests.support.newsroom import git, newsroom_app
from tests.support.staff import PASSWORD, add_account, side_of

pytestmark = pytest.mark.browser

BANNER = "Voel je je niet veilig in je sportclub? Praat erover met 1712."


@pytest.fixture
def newsroom_server(site_dir: Path, tmp_path: Path) -> Iterator[dict]:
    live = tmp_path / "site"
    shutil.copytree(site_dir, live)
    app = newsroom_app(tmp_path, live)
    secret = add_account(app, "redacteur", "redactie")
    with LiveServer(side_of(app).settings) as server:
        yield {"server": server, "secret": secret, "live": live}


def log_in(page: Page, secret: str) -> None:
    page.goto("/medewerkers/aanmelden")
    page.fill("#naam", "redacteur")
    page.fill("#wachtwoord", PASSWORD)
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("button[type=submit]")
    expect(page).to_have_url("/medewerkers/redactie/")


def next_week() -> tuple[date, date]:
    monday = date.today() + timedelta(days=7 - date.today().weekday())
    return monday, monday + timedelta(days=6)


def test_a_youth_campaign_from_the_newsroom_to_the_preview_and_the_live_site(
    browser: Browser, newsroom_server: dict
) -> None:
    server = newsroom_server["server"]
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    requests = RequestLog(urlsplit(server.url).netloc)
    context.route("**/*", requests.route)
    page = context.new_page()
    page.set_default_timeout(120_000)  # Decap's 5 MB script on a busy 2-core machine
    log_in(page, newsroom_server["secret"])
    # Our own newsroom pages (not Decap's application) meet WCAG 2.2 AA like the staff side.
    assert violations(page) == [], "/medewerkers/redactie/"

    # Write the campaign through Decap's form for news and campaigns.
    page.get_by_role("link", name="Schrijven en aanpassen").click()
    page.get_by_role("button", name="Inloggen").click()  # Decap's own step; no password
    page.get_by_role("link", name="Nieuws en campagnes").click()
    page.get_by_text("＋ bericht").click()
    start, end = next_week()
    page.get_by_label("Titel").fill("Veilig sporten")
    page.get_by_label("Datum van het bericht").fill(start.isoformat())
    page.get_by_label("Samenvatting").fill("Een campagne over grenzen in de sportclub.")
    page.locator("#audiences-field-1, [id^=audiences]").first.click()
    page.get_by_role("option", name="jongeren", exact=True).click()
    page.get_by_label("Campagne: eerste dag").fill(start.isoformat())
    page.get_by_label("Campagne: laatste dag").fill(end.isoformat())
    page.get_by_label("Tekst van de banner").fill(BANNER)
    body = page.locator("[data-slate-editor=true]").first
    body.click()
    page.keyboard.type("Iedereen heeft het recht om veilig te sporten.")
    page.get_by_role("button", name="Publiceer").click()
    page.get_by_text("Publiceer nu").click()
    expect(page.get_by_text("Gepubliceerd", exact=False).first).to_be_visible(timeout=30_000)

    # The commit, and the strict build it started, with its result in Dutch.
    repo: Path = server.settings.newsroom_repo
    slug = f"{start:%Y}-{start:%m}-veilig-sporten"
    assert f"docs/nieuws/{slug}.md" in git(repo, "show", "--name-only", "--format=%B", "HEAD")
    source = (repo / "docs" / "nieuws" / f"{slug}.md").read_text(encoding="utf-8")
    assert f"from: {start.isoformat()}" in source and "audiences:\n  - jongeren" in source
    assert server.app.state.newsroom.publisher.wait(300)
    page.goto("/medewerkers/redactie/publicatie")
    expect(page.locator("main")).to_contain_text("Gepubliceerd om")
    assert violations(page) == [], "/medewerkers/redactie/publicatie"
    live: Path = newsroom_server["live"]
    built = (live / "nieuws" / slug / "index.html").read_text(encoding="utf-8")
    assert "Veilig sporten" in built

    # The site as on a day inside the campaign: the banner on youth pages only.
    page.get_by_role("link", name="Voorbeeld op datum").click()
    # axe measures touch targets: only once the new page and its stylesheet have loaded
    # (it once ran on the page half loaded, its menu links still unstyled).
    page.wait_for_url("**/redactie/voorbeeld", wait_until="load")
    assert violations(page) == [], "the preview form"
    page.get_by_label("Dag").fill((start + timedelta(days=2)).isoformat())
    page.get_by_label("jongeren").check()
    with page.expect_navigation(timeout=300_000):  # a whole build of the site
        page.get_by_role("button", name="Voorbeeld maken").click()
    expect(page).to_have_url("/medewerkers/redactie/voorbeeld/site/jongeren/")
    expect(page.locator("[data-campaign]")).to_contain_text(BANNER)
    page.goto("/medewerkers/redactie/voorbeeld/site/jongeren/relaties/")
    expect(page.locator("[data-campaign]")).to_contain_text(BANNER)
    page.goto("/medewerkers/redactie/voorbeeld/site/kinderen/")
    expect(page.locator("h1").first).to_be_visible()
    assert BANNER not in page.content()
    # Today, before the campaign, the live site shows no banner for it.
    assert BANNER not in (live / "jongeren" / "index.html").read_text(encoding="utf-8")
    assert requests.foreign == []
    context.close()
