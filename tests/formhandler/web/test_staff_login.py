"""Staff login: password + TOTP, argon2, sessions in a signed cookie, CSRF, throttling."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pyotp
import pytest
from starlette.testclient import TestClient

from formhandler.staff import sessions
from formhandler.storage import database
from tests.support.staff import PASSWORD, Clock, add_account, csrf_of, login, side_of, staff_app

START = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def app(tmp_path: Path, site_dir: Path, clock: Clock):
    return staff_app(tmp_path, site_dir, clock)


@pytest.fixture
def client(app) -> TestClient:
    return TestClient(app)


def test_password_is_stored_as_an_argon2_hash_and_totp_secret_sealed(app, tmp_path: Path) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    row = (
        sqlite3.connect(tmp_path / "formhandler.sqlite3")
        .execute("SELECT password_hash, totp_secret FROM staff_users WHERE name = 'an'")
        .fetchone()
    )
    assert row[0].startswith("$argon2id$")
    assert PASSWORD not in row[0]
    assert secret.encode() not in row[1]


def test_login_needs_password_and_a_current_totp_code(
    app, client: TestClient, clock: Clock
) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    assert (
        client.get("/medewerkers/wachtrij/antwerpen", follow_redirects=False)
        .headers["location"]
        .endswith("/medewerkers/aanmelden")
    )
    wrong_code = login(client, "an", pyotp.random_base32(), clock.now)
    assert wrong_code.status_code == 400
    assert "klopt niet" in wrong_code.text
    assert wrong_code.text.count("Fout:") == 1
    ok = login(client, "an", secret, clock.now)
    assert ok.status_code == 303
    queue = client.get("/medewerkers/wachtrij/antwerpen")
    assert queue.status_code == 200
    assert "Aangemeld als an" in queue.text


def test_a_totp_code_works_only_once(app, clock: Clock) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    assert login(TestClient(app), "an", secret, clock.now).status_code == 303
    assert login(TestClient(app), "an", secret, clock.now).status_code == 400
    clock.advance(seconds=30)
    assert login(TestClient(app), "an", secret, clock.now).status_code == 303


def test_wrong_password_is_refused(app, client: TestClient, clock: Clock) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    page = client.get("/medewerkers/aanmelden")
    response = client.post(
        "/medewerkers/aanmelden",
        data={
            "csrf": csrf_of(page.text),
            "naam": "an",
            "wachtwoord": "niet het wachtwoord",
            "code": pyotp.TOTP(secret).at(clock.now),
        },
    )
    assert response.status_code == 400


def test_session_ends_after_thirty_idle_minutes(app, client: TestClient, clock: Clock) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    login(client, "an", secret, clock.now)
    clock.advance(minutes=29)
    assert client.get("/medewerkers/wachtrij/antwerpen").status_code == 200
    clock.advance(minutes=29)  # each request restarts the idle clock
    assert client.get("/medewerkers/wachtrij/antwerpen").status_code == 200
    clock.advance(minutes=31)
    response = client.get("/medewerkers/wachtrij/antwerpen", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].endswith("/aanmelden")


def test_session_ends_after_twelve_hours_even_when_used(
    app, client: TestClient, clock: Clock
) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    login(client, "an", secret, clock.now)
    for _ in range(24):
        clock.advance(minutes=29)
        assert client.get("/medewerkers/wachtrij/antwerpen").status_code == 200
    clock.advance(minutes=25)  # 12 h 01 min after login
    response = client.get("/medewerkers/wachtrij/antwerpen", follow_redirects=False)
    assert response.status_code == 303


def test_logout_and_disabling_end_the_session(app, client: TestClient, clock: Clock) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    login(client, "an", secret, clock.now)
    stolen = dict(client.cookies)
    page = client.get("/medewerkers/wachtrij/antwerpen")
    client.post("/medewerkers/afmelden", data={"csrf": csrf_of(page.text)})
    replay = TestClient(app, cookies=stolen)
    assert replay.get("/medewerkers/wachtrij/antwerpen", follow_redirects=False).status_code == 303

    clock.advance(seconds=30)
    other = TestClient(app)
    login(other, "an", secret, clock.now)
    assert other.get("/medewerkers/wachtrij/antwerpen").status_code == 200
    db = side_of(app).db()
    from formhandler.staff.accounts import disable_user

    disable_user(db, "an")
    db.close()
    assert other.get("/medewerkers/wachtrij/antwerpen", follow_redirects=False).status_code == 303
    clock.advance(seconds=30)
    assert login(TestClient(app), "an", secret, clock.now).status_code == 400


def test_forged_session_cookie_is_ignored(app, client: TestClient) -> None:
    client.cookies.set(sessions.PLAIN_NAME, "eyJ1IjoxfQ.forged")
    assert client.get("/medewerkers/wachtrij/antwerpen", follow_redirects=False).status_code == 303


def test_post_without_or_with_a_wrong_csrf_token_is_refused(app, client: TestClient, clock) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    page = client.get("/medewerkers/aanmelden")
    code = pyotp.TOTP(secret).at(clock.now)
    data = {"naam": "an", "wachtwoord": PASSWORD, "code": code}
    assert client.post("/medewerkers/aanmelden", data=data).status_code == 403
    assert client.post("/medewerkers/aanmelden", data={**data, "csrf": "x" * 43}).status_code == 403
    assert login(client, "an", secret, clock.now).status_code == 303
    # A logged-in session's token is new: the one of the login page no longer counts.
    old = csrf_of(page.text)
    response = client.post("/medewerkers/afmelden", data={"csrf": old})
    assert response.status_code == 403
    db = database.connect(side_of(app).settings.database_path)
    actions = [row[0] for row in db.execute("SELECT action FROM audit_log")]
    assert actions.count("csrf_rejected") == 1  # the logged-in one, as a row
    counted = db.execute(
        "SELECT SUM(count) FROM audit_refusal_counts WHERE action = 'csrf_rejected'"
    ).fetchone()[0]
    assert counted == 2  # the two without a login, counted


def test_a_flood_of_refusals_without_login_does_not_bury_the_audit_log(
    app, client: TestClient, clock
) -> None:
    secret = add_account(app, "co", "coordinator")
    staff = TestClient(app)
    assert login(staff, "co", secret, clock.now).status_code == 303
    for _ in range(300):
        client.post("/medewerkers/aanmelden", data={"naam": "x", "csrf": "forged"})
    db = database.connect(side_of(app).settings.database_path)
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] < 5
    page = staff.get("/medewerkers/auditlog")
    assert "aangemeld" in page.text  # the real login is still in view
    assert "formulier geweigerd (CSRF)</td><td>300<" in page.text
    long = "A" * 20_000
    staff.get(f"/medewerkers/bericht/{long}")
    stored = db.execute("SELECT MAX(LENGTH(reference)) FROM audit_log").fetchone()[0]
    assert stored <= 64


def test_the_audit_view_pages_through_every_entry(app, clock) -> None:
    from formhandler.storage import audit as audit_log

    secret = add_account(app, "co", "coordinator")
    staff = TestClient(app)
    assert login(staff, "co", secret, clock.now).status_code == 303
    db = database.connect(side_of(app).settings.database_path)
    for number in range(250):
        audit_log.record(db, "co", "view_message", f"REF{number:05d}", at=clock.now)
    first = staff.get("/medewerkers/auditlog").text
    assert "REF00249" in first and "REF00000" not in first and "pagina=2" in first
    last = staff.get("/medewerkers/auditlog?pagina=3").text
    assert "REF00000" in last


def test_login_is_throttled_per_account(app, clock: Clock) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    for _ in range(5):
        assert login(TestClient(app), "an", pyotp.random_base32(), clock.now).status_code == 400
    blocked = login(TestClient(app), "an", secret, clock.now)
    assert blocked.status_code == 429
    assert "Te veel mislukte pogingen" in blocked.text
    # Another account from the same client still gets in.
    other = add_account(app, "bo", "helper", "antwerpen")
    assert login(TestClient(app), "bo", other, clock.now).status_code == 303


def test_failures_from_other_addresses_do_not_lock_the_real_person_out(app, clock: Clock) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    for attacker in range(5):
        guesser = TestClient(app, client=(f"203.0.113.{attacker + 1}", 40000))
        assert login(guesser, "an", pyotp.random_base32(), clock.now).status_code == 400
    helper = TestClient(app, client=("198.51.100.7", 40000))
    assert login(helper, "an", secret, clock.now).status_code == 303


def test_one_address_guessing_one_account_is_stopped_after_five_tries(app, clock: Clock) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    guesser = TestClient(app, client=("203.0.113.9", 40000))
    for _ in range(5):
        assert login(guesser, "an", pyotp.random_base32(), clock.now).status_code == 400
    assert login(guesser, "an", secret, clock.now).status_code == 429


def test_login_is_throttled_per_client(app, clock: Clock) -> None:
    secret = add_account(app, "an", "helper", "antwerpen")
    client = TestClient(app)
    for attempt in range(20):
        assert login(client, f"gok{attempt}", secret, clock.now).status_code == 400
    assert login(client, "an", secret, clock.now).status_code == 429


def test_development_over_http_drops_secure_and_the_host_prefix(client: TestClient) -> None:
    cookie = client.get("/medewerkers/aanmelden").headers["set-cookie"]
    assert cookie.startswith(f"{sessions.PLAIN_NAME}=")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert "Secure" not in cookie


def test_production_cookie_has_host_prefix_secure_httponly_samesite_strict(
    tmp_path: Path, site_dir: Path
) -> None:
    from formhandler.core.settings import load_settings
    from formhandler.web.app import create_app
    from tests.support.live import production_environ

    app = create_app(load_settings(production_environ(tmp_path, site_dir)))
    for base in ("https://www.1712.be", "http://www.1712.be"):
        cookie = TestClient(app, base_url=base).get("/medewerkers/aanmelden").headers["set-cookie"]
        assert cookie.startswith("__Host-1712-staff=")
        assert "Secure" in cookie
        assert "HttpOnly" in cookie
        assert "SameSite=strict" in cookie
        assert "Path=/" in cookie
        assert "Domain" not in cookie
        # A session cookie: gone when the browser closes (a shared computer).
        assert "max-age" not in cookie.lower() and "expires" not in cookie.lower()


def test_staff_pages_are_not_indexed_and_not_stored(client: TestClient) -> None:
    response = client.get("/medewerkers/aanmelden")
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert response.headers["cache-control"] == "no-store"


def test_passwords_are_checked_outside_the_event_loop(
    app, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from formhandler.staff import accounts

    secret = add_account(app, "an", "helper", "antwerpen")
    threads: list[str] = []
    real = accounts.authenticate

    def recording(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(accounts, "authenticate", recording)
    with TestClient(app) as client:
        loop_thread = client.portal.call(lambda: threading.current_thread().name)  # type: ignore[union-attr]
        assert login(client, "an", secret, clock.now).status_code == 303
    assert threads and loop_thread not in threads
