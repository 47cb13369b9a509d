"""The newsroom behind the staff login: who gets in, what its proxy lets through to a real
decap-server (git mode, over a clone of this project), and what a publish tells the staff."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from tests.support.newsroom import Decap, git, newsroom_app
from tests.support.staff import add_account, csrf_of, login

NEWSROOM_GETS = (
    "/medewerkers/redactie/",
    "/medewerkers/redactie/cms/",
    "/medewerkers/redactie/cms/config.yml",
    "/medewerkers/redactie/cms/decap/decap-cms.js",
    "/medewerkers/redactie/publicatie",
    "/medewerkers/redactie/voorbeeld",
    "/medewerkers/redactie/voorbeeld/site/",
)
NEWSROOM_FORMS = ("/medewerkers/redactie/publiceren", "/medewerkers/redactie/voorbeeld")


@pytest.fixture(scope="module")
def newsroom(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    work = tmp_path_factory.mktemp("newsroom")
    live = work / "site"
    shutil.copytree(site_dir, live)  # a publish swaps this copy, never the shared build
    app = newsroom_app(work, live)
    accounts = {
        name: add_account(app, name, role, team)
        for name, role, team in (
            ("anna", "redactie", None),
            ("bert", "redactie", None),
            ("carla", "coordinator", None),
            ("hanne", "helper", "antwerpen"),
        )
    }
    published: list[int] = []
    app.state.newsroom.publisher.request = lambda: published.append(1)
    with TestClient(app) as client:
        yield {"app": app, "accounts": accounts, "published": published, "client": client}


def logged_in(newsroom: dict, name: str) -> TestClient:
    """One logged-in client per account for the module (a TOTP code counts once)."""
    clients = newsroom.setdefault("clients", {})
    if name not in clients:
        client = TestClient(newsroom["app"])
        response = login(client, name, newsroom["accounts"][name])
        assert response.status_code == 303
        clients[name] = client
    return clients[name]


def repo_of(app: Starlette) -> Path:
    return app.state.settings.newsroom_repo


def test_without_a_session_every_newsroom_url_answers_as_any_staff_url(newsroom: dict) -> None:
    client = TestClient(newsroom["app"])
    staff_get = client.get("/medewerkers/wachtrijen", follow_redirects=False)
    staff_post = client.post("/medewerkers/afmelden", data={}, follow_redirects=False)
    assert staff_get.status_code == 303
    for url in NEWSROOM_GETS:
        answer = client.get(url, follow_redirects=False)
        assert (answer.status_code, answer.headers["location"]) == (
            staff_get.status_code,
            staff_get.headers["location"],
        ), url
    for url in NEWSROOM_FORMS:
        answer = client.post(url, data={"datum": "2026-12-01"}, follow_redirects=False)
        assert (answer.status_code, answer.text) == (staff_post.status_code, staff_post.text)
    proxy = client.post(
        "/medewerkers/redactie/api/anything/v1",
        json={"action": "getEntry", "params": {"branch": "main", "path": "data/contact.yml"}},
        follow_redirects=False,
    )
    assert (proxy.status_code, proxy.headers["location"]) == (303, "/medewerkers/aanmelden")
    assert newsroom["app"].state.newsroom.newsroom.server.process is None  # never reached


def test_a_helper_without_the_role_gets_404_everywhere(newsroom: dict) -> None:
    client = logged_in(newsroom, "hanne")
    token = csrf_of(client.get("/medewerkers/wachtrij/antwerpen").text)
    for url in NEWSROOM_GETS:
        assert client.get(url).status_code == 404, url
    for url in NEWSROOM_FORMS:
        assert client.post(url, data={"csrf": token, "datum": "2026-12-01"}).status_code == 404
    proxy = client.post(
        f"/medewerkers/redactie/api/{token}/v1",
        json={"action": "getEntry", "params": {"branch": "main", "path": "data/contact.yml"}},
    )
    assert proxy.status_code == 404


def test_redactie_and_coordinators_get_in_and_the_proxy_wants_the_sessions_token(
    newsroom: dict,
) -> None:
    for name in ("anna", "carla"):
        client = logged_in(newsroom, name)
        assert client.get("/medewerkers/redactie/").status_code == 200
        shell = client.get("/medewerkers/redactie/cms/")
        assert '<script src="decap/decap-cms.js"></script>' in shell.text
        policy = shell.headers["content-security-policy"]
        assert "script-src 'self' 'unsafe-eval';" in policy  # no other host, no inline script
        assert "connect-src 'self';" in policy and "frame-ancestors 'none'" in policy
        decap = Decap(client)
        assert decap.url.startswith("/medewerkers/redactie/api/")
        forged = client.post(
            "/medewerkers/redactie/api/not-the-token/v1",
            json={"action": "getEntry", "params": {"branch": "x", "path": "data/contact.yml"}},
        )
        assert forged.status_code == 403 and "verlopen" in forged.json()["error"]
    home = logged_in(newsroom, "anna").get("/medewerkers/", follow_redirects=False)
    assert home.headers["location"] == "/medewerkers/redactie/"


def test_only_content_can_be_written(newsroom: dict) -> None:
    decap = Decap(logged_in(newsroom, "anna"))
    before = git(repo_of(newsroom["app"]), "rev-parse", "HEAD")
    for path in ("mkdocs.yml", "hooks/news.py", "docs/../mkdocs.yml", ".git/config", "/etc/x.md"):
        answer = decap.save(path, "x")
        assert answer.status_code == 403, path
    assert decap.call("entriesByFolder", folder="hooks", extension="py", depth=1).status_code == 403
    assert git(repo_of(newsroom["app"]), "rev-parse", "HEAD") == before


def test_an_organisation_with_an_unknown_theme_cannot_be_saved(newsroom: dict) -> None:
    decap = Decap(logged_in(newsroom, "anna"))
    repo = repo_of(newsroom["app"])
    before = (repo / "data" / "organisaties.yml").read_text(encoding="utf-8")
    data = json.loads(decap.read("data/organisaties.yml"))
    data["organisaties"][0]["themas"].append("partnergewelt")
    answer = decap.save("data/organisaties.yml", json.dumps(data), collection="organisaties")
    assert answer.status_code == 422
    assert (
        "'partnergewelt' is geen gekend thema. Kies uit: kindermishandeling"
        in (answer.json()["error"])
    )
    assert (repo / "data" / "organisaties.yml").read_text(encoding="utf-8") == before


def test_saving_an_organisation_keeps_the_files_comments_and_shared_blocks(
    newsroom: dict,
) -> None:
    decap = Decap(logged_in(newsroom, "anna"))
    repo = repo_of(newsroom["app"])
    data = json.loads(decap.read("data/organisaties.yml"))
    limburg = next(o for o in data["organisaties"] if o["id"] == "caw-limburg")
    limburg["naam"] = "CAW Limburg"
    calls = len(newsroom["published"])
    answer = decap.save("data/organisaties.yml", json.dumps(data), collection="organisaties")
    assert answer.status_code == 200, answer.text
    diff = git(repo, "show", "--format=%an%n%B", "HEAD")
    assert "Redacteur: anna" in diff
    changed = [
        line
        for line in diff.splitlines()
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert changed == ['-  naam: "CAW in Limburg"', '+  naam: "CAW Limburg"'], changed
    assert len(newsroom["published"]) == calls + 1  # the commit asked for a publish


def test_two_editors_saving_do_not_lose_each_others_work(newsroom: dict) -> None:
    anna, bert = Decap(logged_in(newsroom, "anna")), Decap(logged_in(newsroom, "bert"))
    repo = repo_of(newsroom["app"])
    text = anna.read("youth/relaties.md")
    assert bert.read("youth/relaties.md") == text
    assert anna.save("youth/relaties.md", text + "\nZin van Anna.\n").status_code == 200
    late = bert.save("youth/relaties.md", text + "\nZin van Bert.\n")
    assert late.status_code == 409
    assert "een collega heeft youth/relaties.md intussen aangepast" in late.json()["error"]
    assert "Zin van Anna." in (repo / "youth" / "relaties.md").read_text(encoding="utf-8")
    fresh = bert.read("youth/relaties.md")
    assert bert.save("youth/relaties.md", fresh + "Zin van Bert.\n").status_code == 200
    both = (repo / "youth" / "relaties.md").read_text(encoding="utf-8")
    assert "Zin van Anna." in both and "Zin van Bert." in both

    # At the same moment, each on another page: both saves become commits.
    pages = {anna: "youth/online.md", bert: "youth/geheimhouding.md"}
    texts = {editor: editor.read(path) for editor, path in pages.items()}
    answers = {}

    def save(editor: Decap) -> None:
        answers[editor] = editor.save(pages[editor], texts[editor] + "\nSamen bewaard.\n")

    threads = [threading.Thread(target=save, args=(editor,)) for editor in pages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [answer.status_code for answer in answers.values()] == [200, 200]
    log = git(repo, "log", "--name-only", "--format=%s", "-2")
    assert "youth/online.md" in log and "youth/geheimhouding.md" in log


def test_french_and_english_siblings_use_the_sites_file_names(newsroom: dict) -> None:
    decap = Decap(logged_in(newsroom, "anna"))
    listed = decap.call("entriesByFolder", folder="docs", extension="md", depth=1).json()
    paths = {entry["file"]["path"] for entry in listed}
    assert {"docs/privacy.nl.md", "docs/privacy.fr.md", "docs/privacy.en.md"} <= paths
    assert "docs/privacy.md" not in paths
    dutch = decap.read("docs/privacy.nl.md")
    repo = repo_of(newsroom["app"])
    assert dutch == (repo / "docs" / "privacy.md").read_text(encoding="utf-8")
    assert decap.save("docs/privacy.nl.md", dutch + "\nExtra.\n").status_code == 200
    assert (repo / "docs" / "privacy.md").read_text(encoding="utf-8").endswith("Extra.\n")
    assert not (repo / "docs" / "privacy.nl.md").exists()
