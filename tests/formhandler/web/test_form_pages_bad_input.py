"""Bad input gets a clear answer with the right status, and nothing is stored or mailed."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from formhandler.storage import database
from tests.support.forms import (
    client_for,
    error_messages,
    form_settings,
    fresh_token,
    submit,
    title,
    token_of,
)

GOOD = {"bericht": "Ik wil iets vragen.", "email": "iemand@example.org"}


@pytest.fixture
def settings(site_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    return form_settings(tmp_path, site_dir)


@pytest.fixture
def client(settings) -> TestClient:  # type: ignore[no-untyped-def]
    return client_for(settings)


def stored(settings) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    conn = database.connect(settings.database_path)
    try:
        return (
            conn.execute("SELECT COUNT(*) FROM messages").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0],
        )
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("path", "prefix", "summary"),
    [
        ("/contact/mail/", "Fout: ", "Er is een probleem"),
        ("/fr/contact/mail/", "Erreur : ", "Il y a un problème"),
        ("/en/contact/mail/", "Error: ", "There is a problem"),
        ("/kinderen/mail/", "Fout: ", "Kijk dit nog even na"),
    ],
)
def test_an_empty_form_comes_back_with_an_error_summary_that_takes_focus(
    client: TestClient, settings, path: str, prefix: str, summary: str
) -> None:
    response = submit(client, path, {})
    assert response.status_code == 400
    assert title(response.text).startswith(prefix)
    assert summary in response.text
    assert 'data-error-summary tabindex="-1" autofocus' in response.text
    assert '<a href="#f-bericht">' in response.text
    assert '<a href="#f-antwoord_via">' in response.text  # how the answer comes (issue 12)
    assert 'id="f-bericht-error"' in response.text
    assert response.text.index("data-error-summary") < response.text.index("<h1")
    assert stored(settings) == (0, 0)


def test_every_value_is_kept_when_the_form_comes_back(client: TestClient) -> None:
    response = submit(
        client,
        "/contact/mail/",
        {"bericht": "Mijn <tekst> & meer", "email": "fout@", "regio": "limburg", "naam": "Sam"},
    )
    assert response.status_code == 400
    assert "Mijn &lt;tekst&gt; &amp; meer</textarea>" in response.text
    assert 'value="fout@"' in response.text and 'value="Sam"' in response.text
    assert 'value="limburg" checked' in response.text
    assert error_messages(response.text) == ["Fout: Vul een e-mailadres in zoals naam@voorbeeld.be"]


def test_the_same_token_works_after_correcting_errors(client: TestClient) -> None:
    response = submit(client, "/contact/mail/", {"bericht": "Hallo"})
    assert response.status_code == 400
    again = client.post(
        "/contact/mail/",
        data={"token": token_of(response.text), **GOOD},
        follow_redirects=False,
    )
    assert again.status_code == 303


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("naam", "Sam\r\nBcc: x@example.org", "Schrijf dit op één regel"),
        ("naam", "Sam\u2028Bcc", "Schrijf dit op één regel"),
        ("naam", "Sam\x85Bcc", "Schrijf dit op één regel"),
        ("email", "a@example.org\nBcc: b@example.org", "Schrijf dit op één regel"),
        ("telefoon", "0470\r12", "Schrijf dit op één regel"),
        ("belmomenten", "ma\x0bdi", "Schrijf dit op één regel"),
        ("email", "geen-adres", "Vul een e-mailadres in"),
        ("telefoon", "bel me", "Vul een telefoonnummer in"),
        ("regio", "mars", "Kies een van de mogelijkheden"),
        ("bericht", "x" * 8001, "Maak dit korter: hoogstens 8000 tekens (nu 8001)"),
        ("bericht", "nul\x00teken", "Hier staat een teken dat we niet kunnen lezen"),
    ],
)
def test_an_invalid_field_is_refused_with_its_message(
    client: TestClient, settings, field: str, value: str, message: str
) -> None:
    response = submit(client, "/contact/mail/", {**GOOD, field: value})
    assert response.status_code == 400
    assert any(message in text for text in error_messages(response.text))
    assert stored(settings) == (0, 0)


def test_a_confirmation_needs_an_email_address(client: TestClient) -> None:
    response = submit(
        client,
        "/contact/mail/",
        {"bericht": "Hallo", "telefoon": "0470123456", "bevestiging": "ja"},
    )
    assert response.status_code == 400
    assert error_messages(response.text) == [
        "Fout: Vul je e-mailadres in om een bevestiging te krijgen, of vink dit uit"
    ]


def test_a_body_over_64_kib_gets_413_saying_how_long_a_message_may_be(
    client: TestClient, settings
) -> None:
    token = fresh_token(client, "/contact/mail/")
    response = client.post(
        "/contact/mail/",
        data={"token": token, "email": "a@b.be", "bericht": "é" * 12000},
        follow_redirects=False,
    )
    assert response.status_code == 413
    assert re.search("<h1[^>]*>Je bericht is te lang</h1>", response.text)
    assert "hoogstens 8000 tekens" in response.text
    assert stored(settings) == (0, 0)


def test_the_message_field_shows_its_limit_and_a_counter_hook(client: TestClient) -> None:
    page = client.get("/contact/mail/").text
    assert 'data-maxlength="8000"' in page and "Hoogstens 8000 tekens." in page
    assert 'data-count-left="Je kan nog {n} tekens schrijven"' in page
    assert '<script src="/formulier/forms.js" defer></script>' in page


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        (
            {"content-type": "multipart/form-data; boundary=x"},
            b'--x\r\nContent-Disposition: form-data; name="f"; filename="a.jpg"\r\n\r\n'
            b"JPG\r\n--x--",
        ),
        ({"content-type": "application/json"}, b'{"bericht": "hallo"}'),
        ({"content-type": "text/plain"}, b"bericht=hallo"),
        ({"content-type": "application/x-www-form-urlencoded"}, b"bericht=%FF%FE&email=a"),
        ({"content-type": "application/x-www-form-urlencoded"}, b"bericht=\xff\xfe"),
        ({"content-type": "application/x-www-form-urlencoded; charset=latin-1"}, b"bericht=a"),
        (
            {"content-type": "application/x-www-form-urlencoded"},
            "&".join(f"veld{i}=x" for i in range(41)).encode(),
        ),
        ({"content-type": "application/x-www-form-urlencoded"}, b"bericht=a&bericht=b"),
    ],
    ids=["file", "json", "text", "bad-utf8-escaped", "bad-utf8-raw", "charset", "fields", "twice"],
)
def test_unreadable_bodies_get_a_short_400_page(
    client: TestClient, settings, headers: dict[str, str], body: bytes
) -> None:
    response = client.post("/contact/mail/", content=body, headers=headers)
    assert response.status_code == 400
    assert re.search("<h1[^>]*>We konden dit formulier niet lezen</h1>", response.text)
    assert 'href="tel:1712"' in response.text
    assert stored(settings) == (0, 0)


def refused(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 400
    assert re.search("<h1[^>]*>We konden je formulier niet aannemen</h1>", response.text)
    assert 'href="tel:1712"' in response.text  # a person taken for a bot still finds help
    assert "Dat ligt niet aan jou" in response.text


def test_a_filled_honeypot_is_refused_and_nothing_stored(client: TestClient, settings) -> None:
    refused(submit(client, "/contact/mail/", {**GOOD, "website": "http://spam.example"}))
    assert stored(settings) == (0, 0)


def test_a_form_sent_faster_than_the_minimum_time_comes_back_with_the_text(
    site_dir: Path, tmp_path: Path
) -> None:
    # Issue 15, point 4: a person who pastes a prepared text and sends at once kept nothing.
    settings = form_settings(tmp_path, site_dir, FORMHANDLER_MIN_FILL_SECONDS="1")
    client = client_for(settings)
    token = fresh_token(client, "/contact/mail/")
    answer = client.post("/contact/mail/", data={"token": token, **GOOD})
    assert answer.status_code == 400
    assert "Je bericht is nog niet verstuurd" in answer.text
    assert f"{GOOD['bericht']}</textarea>" in answer.text
    assert token_of(answer.text) == token
    assert stored(settings) == (0, 0)
    # Sent again once the minimum time has passed, with the same token: it arrives.
    time.sleep(1.1)
    again = client.post("/contact/mail/", data={"token": token, **GOOD}, follow_redirects=False)
    assert again.status_code == 303
    assert stored(settings)[0] == 1


def test_a_forged_token_is_refused(client: TestClient, settings) -> None:
    refused(client.post("/contact/mail/", data={"token": "abc.def", **GOOD}))
    token = fresh_token(client, "/contact/klacht/")  # another form's token
    refused(client.post("/contact/mail/", data={"token": token, **GOOD}))
    assert stored(settings) == (0, 0)


def test_a_replayed_token_is_refused_and_stores_nothing_more(client: TestClient, settings) -> None:
    token = fresh_token(client, "/contact/mail/")
    first = client.post("/contact/mail/", data={"token": token, **GOOD}, follow_redirects=False)
    assert first.status_code == 303
    refused(client.post("/contact/mail/", data={"token": token, **GOOD}, follow_redirects=False))
    assert stored(settings) == (1, 1)


def test_an_expired_token_brings_the_form_back_with_the_text(client: TestClient, settings) -> None:
    service = client.app.state.forms  # type: ignore[attr-defined]
    old = service.tokens.issue("mail", datetime.now(UTC) - timedelta(hours=13))
    response = client.post(
        "/contact/mail/", data={"token": old, "bericht": "Lang geschreven tekst", "email": "a@b.be"}
    )
    assert response.status_code == 400
    assert "Het formulier stond lang open" in response.text
    assert "Lang geschreven tekst</textarea>" in response.text
    assert token_of(response.text) != old
    assert stored(settings) == (0, 0)
    time.sleep(0.25)
    again = client.post(
        "/contact/mail/",
        data={
            "token": token_of(response.text),
            "bericht": "Lang geschreven tekst",
            "email": "a@b.be",
        },
        follow_redirects=False,
    )
    assert again.status_code == 303


def test_over_the_rate_limit_gets_429_with_the_text_kept_and_the_phone_line(
    site_dir: Path, tmp_path: Path
) -> None:
    settings = form_settings(tmp_path, site_dir, FORMHANDLER_RATE_LIMIT="2/600")
    client = client_for(settings)
    for _ in range(2):
        assert submit(client, "/contact/mail/", GOOD, wait=0.21).status_code == 303
    response = submit(client, "/contact/mail/", {**GOOD, "bericht": "Derde bericht"}, wait=0.21)
    assert response.status_code == 429
    assert "Derde bericht</textarea>" in response.text
    assert "bel ons gratis en anoniem" in response.text
    assert 'Bel gratis en anoniem naar <a href="tel:1712">1712</a>' in response.text
    assert stored(settings) == (2, 2)


def test_a_confirmation_link_that_was_tampered_with_leads_back_to_the_form(
    client: TestClient,
) -> None:
    response = client.get("/contact/mail/verstuurd?bevestiging=nep", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/contact/mail/"


def test_twenty_parallel_posts_from_one_address_get_no_more_than_the_limit(
    site_dir: Path, tmp_path: Path
) -> None:
    import threading
    import urllib.error
    import urllib.parse
    import urllib.request

    from tests.support.live import LiveServer

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    settings = form_settings(tmp_path, site_dir, FORMHANDLER_RATE_LIMIT="5/600")
    statuses: list[int] = []
    with LiveServer(settings) as server:
        url = f"{server.url}/contact/mail/"
        tokens = [token_of(opener.open(url).read().decode()) for _ in range(20)]
        time.sleep(0.3)  # the minimum fill time of form_settings
        start = threading.Barrier(20)

        def post(token: str) -> None:
            body = urllib.parse.urlencode({"token": token, **GOOD}).encode()
            start.wait()
            try:
                statuses.append(opener.open(url, data=body).status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)

        threads = [threading.Thread(target=post, args=(token,)) for token in tokens]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert statuses.count(303) == 5
    assert statuses.count(429) == 15
    assert stored(settings) == (5, 5)


def test_x_forwarded_for_from_an_untrusted_client_does_not_dodge_the_limit(
    site_dir: Path, tmp_path: Path
) -> None:
    import urllib.error
    import urllib.parse
    import urllib.request

    from tests.support.live import LiveServer

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    settings = form_settings(tmp_path, site_dir, FORMHANDLER_RATE_LIMIT="2/600")
    assert settings.trusted_proxies == ()
    statuses = []
    with LiveServer(settings) as server:
        url = f"{server.url}/contact/mail/"
        for attempt in range(4):
            token = token_of(opener.open(url).read().decode())
            time.sleep(0.25)
            request = urllib.request.Request(
                url,
                data=urllib.parse.urlencode({"token": token, **GOOD}).encode(),
                headers={"X-Forwarded-For": f"198.51.100.{attempt + 1}"},
            )
            try:
                statuses.append(opener.open(request).status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
    assert statuses == [303, 303, 429, 429]
