"""formhandler serves the built site and a /healthz without personal data or cookies."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from formhandler.core.settings import SettingsError
from formhandler.web.app import create_app
from tests.support.live import development_settings


@pytest.fixture
def client(site_dir: Path, tmp_path: Path) -> TestClient:
    return TestClient(create_app(development_settings(tmp_path, site_dir)))


@pytest.mark.parametrize(
    "url", ["/", "/fr/", "/en/", "/kinderen/", "/jongeren/", "/veilig-surfen/", "/organisaties/"]
)
def test_every_audience_is_served(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert "data-quick-exit" in response.text
    assert "set-cookie" not in response.headers


def test_healthz_answers_without_personal_data(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.headers["cache-control"] == "no-store"


def test_a_missing_site_stops_the_service_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="make build"):
        create_app(development_settings(tmp_path, tmp_path / "nothing"))


def test_the_site_is_sent_compressed_and_the_form_pages_are_not(client: TestClient) -> None:
    # Issue 15: `make serve` sent 530 KB uncompressed where nginx sends its .gz files.
    gzip = {"Accept-Encoding": "gzip"}
    for url in (
        "/",
        "/assets/stylesheets/1712.css",
        "/kinderen/zoeken/",
        "/formulier/forms.css",
        "/formulier/forms.js",
    ):
        response = client.get(url, headers=gzip)
        assert response.headers["content-encoding"] == "gzip", url
        assert "Accept-Encoding" in response.headers["vary"]
    assert "data-quick-exit" in client.get("/", headers=gzip).text
    # A form page holds a token and, after an error, what was typed: never compressed.
    form = client.get("/contact/mail/", headers=gzip)
    assert "content-encoding" not in form.headers
    assert "content-encoding" not in client.get("/", headers={"Accept-Encoding": ""}).headers
