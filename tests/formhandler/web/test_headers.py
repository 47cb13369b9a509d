"""formhandler sets the security headers on every response; form and staff pages are no-store."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from formhandler.core.settings import SettingsError, load_settings
from formhandler.web.app import create_app
from formhandler.web.headers import form_page_paths
from sitebuild.csp import inline_script_hashes
from tests.support.live import development_settings, production_environ
from tests.support.site import built_pages, page_url


@pytest.fixture
def client(site_dir: Path, tmp_path: Path) -> TestClient:
    return TestClient(create_app(development_settings(tmp_path, site_dir)))


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("url", ["/", "/kinderen/", "/contact/mail/", "/healthz", "/nergens/"])
def test_every_response_carries_the_security_headers(client: TestClient, url: str) -> None:
    response = client.get(url)
    policy = directives(response.headers["content-security-policy"])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["script-src"][0] == "'self'"
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["default-src"] == ["'none'"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in response.headers["permissions-policy"]
    assert "geolocation=()" in response.headers["permissions-policy"]


def test_the_policy_allows_exactly_the_inline_scripts_of_the_built_pages(
    client: TestClient, site_dir: Path
) -> None:
    allowed = set(directives(client.get("/").headers["content-security-policy"])["script-src"])
    needed = set()
    for path in site_dir.rglob("*.html"):  # the 404 pages too
        needed |= inline_script_hashes(path.read_text(encoding="utf-8"))
    # The theme writes no inline script (none of Material's are used); the scan still finds one.
    assert inline_script_hashes("<p><script>var a = 1;</script></p>")
    assert allowed - {"'self'"} == needed


def test_strict_transport_security_only_in_production(site_dir: Path, tmp_path: Path) -> None:
    development = TestClient(create_app(development_settings(tmp_path / "dev", site_dir)))
    assert "strict-transport-security" not in development.get("/").headers
    settings = load_settings(production_environ(tmp_path / "prod", site_dir))
    production = TestClient(create_app(settings), base_url="https://www.1712.be")
    assert production.get("/").headers["strict-transport-security"] == "max-age=31536000"


def test_form_pages_are_found_in_the_built_site(site_dir: Path) -> None:
    paths = form_page_paths(site_dir)
    for expected in ("/contact/mail/", "/fr/contact/mail/", "/kinderen/mail/", "/jongeren/mail/"):
        assert expected in paths
    assert "/" not in paths


def test_form_and_staff_pages_are_never_stored(client: TestClient, site_dir: Path) -> None:
    for url in [*form_page_paths(site_dir), "/medewerkers/", "/healthz"]:
        assert client.get(url).headers["cache-control"] == "no-store", url


def test_ordinary_pages_may_be_cached(client: TestClient, site_dir: Path) -> None:
    forms = form_page_paths(site_dir)
    for path in built_pages(site_dir)[:20]:
        url = page_url(site_dir, path)
        if any(url.startswith(form) for form in forms):
            continue
        assert client.get(url).headers.get("cache-control") != "no-store", url


def test_a_post_answer_is_never_stored(client: TestClient) -> None:
    response = client.post("/veilig-surfen/", data={"x": "y"})
    assert response.headers["cache-control"] == "no-store"


def small_site(tmp_path: Path, site_dir: Path) -> Path:
    """The built site without the hash files hooks/csp.py writes."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site, ignore=shutil.ignore_patterns("csp-hashes.*"))
    return site


def test_a_site_without_hashes_stops_production_with_what_to_do(
    site_dir: Path, tmp_path: Path
) -> None:
    site = small_site(tmp_path, site_dir)
    settings = load_settings(production_environ(tmp_path / "data", site))
    with pytest.raises(SettingsError, match="make build"):
        create_app(settings)


def test_a_site_without_hashes_still_serves_in_development(
    site_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = small_site(tmp_path, site_dir)
    client = TestClient(create_app(development_settings(tmp_path / "data", site)))
    policy = client.get("/").headers["content-security-policy"]
    assert re.search(r"script-src 'self';", policy)
    assert "csp-hashes.json" in caplog.text


def test_an_unknown_host_is_refused_before_any_redirect(tmp_path: Path, site_dir: Path) -> None:
    settings = load_settings(production_environ(tmp_path / "data", site_dir))
    app = create_app(settings)
    evil = TestClient(app, base_url="https://evil.example").get(
        "/medewerkers", follow_redirects=False
    )
    assert evil.status_code == 400
    assert "evil.example" not in evil.headers.get("location", "")
    good = TestClient(app, base_url="https://www.1712.be").get("/medewerkers/aanmelden")
    assert good.status_code == 200
