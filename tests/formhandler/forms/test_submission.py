"""The whole path of a submission: form, POST, stored, 303, confirmation page, team mail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from formhandler.core.crypto import DataCipher
from formhandler.staff import scheduler
from formhandler.storage import database
from tests.support.forms import client_for, form_settings, run_async, submit, title
from tests.support.smtp import SmtpServer
from tests.support.states import message_state


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


MESSAGE = "Mijn stiefvader duwt mijn moeder elke avond tegen de muur."


def test_a_submission_ends_with_one_notification_at_the_right_address_without_text(
    site_dir: Path, tmp_path: Path, smtp: SmtpServer
) -> None:
    settings = form_settings(tmp_path, site_dir, **smtp.environ())
    with client_for(settings) as client:  # with lifespan: the notification goes at once
        response = submit(
            client,
            "/contact/mail/",
            {"bericht": MESSAGE, "email": "lezer@example.org", "regio": "limburg"},
        )
        assert response.status_code == 303
        received = smtp.wait_for(1)
    # The lifespan (and its background ticks) has ended: still exactly one.
    assert len(received) == 1 and len(smtp.received) == 1
    mail = received[0]
    assert mail.recipients == ["team-limburg@1712.test"]
    reference = re.search(r"Referentie: ([A-Z0-9]{8})", mail.text)
    assert reference
    subject = str(mail.message["Subject"])
    assert reference.group(1) in subject and "Limburg" in subject
    assert "geweld" not in subject.lower() and "misbruik" not in subject.lower()
    assert f"/medewerkers/bericht/{reference.group(1)}" in mail.text
    assert "stiefvader" not in mail.raw.decode() and "lezer@example.org" not in mail.raw.decode()
    assert "Te beantwoorden uiterlijk" in mail.text


def test_the_confirmation_shows_reference_and_due_time_but_nothing_of_the_message(
    site_dir: Path, tmp_path: Path
) -> None:
    client = client_for(form_settings(tmp_path, site_dir))
    response = submit(client, "/contact/mail/", {"bericht": MESSAGE, "telefoon": "0470 12 34 56"})
    assert response.status_code == 303
    assert response.headers["location"].startswith("/contact/mail/verstuurd?bevestiging=")
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    assert title(page.text).startswith("Je bericht is verstuurd")
    reference = re.search(r'fh-panel__reference"><strong>([A-Z0-9]{8})<', page.text)
    assert reference
    assert re.search(r"We bellen je terug, uiterlijk \w+dag \d+ \w+ om \d+(\.\d\d)? uur", page.text)
    assert 'href="tel:1712"' in page.text and "Wat gebeurt er nu?" in page.text
    assert "stiefvader" not in page.text and "0470 12 34 56" not in page.text
    assert "set-cookie" not in response.headers and "set-cookie" not in page.headers
    conn = database.connect(tmp_path / "formhandler.sqlite3")
    assert message_state(conn, reference.group(1)) == "open"


def test_the_spam_folder_is_mentioned_when_the_answer_comes_by_email(
    site_dir: Path, tmp_path: Path
) -> None:
    client = client_for(form_settings(tmp_path, site_dir))
    response = submit(client, "/contact/mail/", {"bericht": MESSAGE, "email": "a@example.org"})
    page = client.get(response.headers["location"])
    assert "Je krijgt ons antwoord per e-mail" in page.text
    assert "ongewenste mail (spam)" in page.text


@pytest.mark.parametrize(
    ("path", "sent", "heading", "due"),
    [
        ("/fr/contact/mail/", "/fr/contact/mail/envoye", "Votre message a été envoyé", "au plus"),
        ("/en/contact/mail/", "/en/contact/mail/sent", "Your message has been sent", "by "),
        ("/kinderen/mail/", "/kinderen/mail/verstuurd", "Je bericht is verstuurd", "uiterlijk"),
        ("/jongeren/mail/", "/jongeren/mail/verstuurd", "Je bericht is verstuurd", "uiterlijk"),
    ],
)
def test_every_mail_form_confirms_in_its_own_words(
    site_dir: Path, tmp_path: Path, path: str, sent: str, heading: str, due: str
) -> None:
    client = client_for(form_settings(tmp_path, site_dir))
    response = submit(client, path, {"bericht": MESSAGE, "email": "a@example.org"})
    assert response.status_code == 303
    assert response.headers["location"].startswith(sent)
    page = client.get(response.headers["location"])
    assert re.search(f"<h1[^>]*>{heading}</h1>", page.text)
    assert due in page.text


@pytest.mark.parametrize("path", ["/contact/klacht/", "/fr/contact/klacht/", "/en/contact/klacht/"])
def test_a_complaint_goes_to_the_complaints_queue(
    site_dir: Path, tmp_path: Path, smtp: SmtpServer, path: str
) -> None:
    settings = form_settings(tmp_path, site_dir, **smtp.environ())
    client = client_for(settings)
    response = submit(
        client,
        path,
        {
            "wat": "Niemand nam op.",
            "wanneer": "maandag rond 10 uur",
            "kanaal": "telefoon",
            "email": "klager@example.org",
        },
    )
    assert response.status_code == 303
    run_async(scheduler.tick(settings, datetime.now(UTC)))
    assert [mail.recipients for mail in smtp.received] == [["klachten@1712.test"]]
    conn = database.connect(settings.database_path)
    row = conn.execute("SELECT reference, queue, form, channel FROM messages").fetchone()
    assert tuple(row)[1:] == ("klachten", "klacht", None)  # the channel is sealed (issue 16)
    cipher = DataCipher(settings.data_keys)
    assert database.message_categories(conn, cipher, row["reference"])["channel"] == "telefoon"  # type: ignore[index]


def test_without_region_the_message_goes_to_the_central_queue(
    site_dir: Path, tmp_path: Path, smtp: SmtpServer
) -> None:
    settings = form_settings(tmp_path, site_dir, **smtp.environ())
    submit(client_for(settings), "/jongeren/mail/", {"bericht": MESSAGE, "email": "j@example.org"})
    run_async(scheduler.tick(settings, datetime.now(UTC)))
    assert [mail.recipients for mail in smtp.received] == [["centraal@1712.test"]]


def test_a_confirmation_mail_goes_only_when_ticked_and_says_nothing(
    site_dir: Path, tmp_path: Path, smtp: SmtpServer
) -> None:
    settings = form_settings(tmp_path, site_dir, **smtp.environ())
    client = client_for(settings)
    submit(client, "/contact/mail/", {"bericht": MESSAGE, "email": "niet@example.org"})
    submit(
        client,
        "/contact/mail/",
        {"bericht": MESSAGE, "email": "wel@example.org", "bevestiging": "ja"},
    )
    run_async(scheduler.tick(settings, datetime.now(UTC)))
    to_people = [mail for mail in smtp.received if not mail.recipients[0].endswith("1712.test")]
    assert [mail.recipients for mail in to_people] == [["wel@example.org"]]
    confirmation = to_people[0]
    assert str(confirmation.message["Subject"]) == "Je bericht is goed aangekomen"
    assert "stiefvader" not in confirmation.raw.decode()
    assert re.search(r"Je referentie: [A-Z0-9]{8}", confirmation.text)


def test_the_confirmation_checkbox_is_off_by_default_with_its_reason(
    site_dir: Path, tmp_path: Path
) -> None:
    page = client_for(form_settings(tmp_path, site_dir)).get("/contact/mail/").text
    checkbox = re.search(r'<input type="checkbox" id="f-bevestiging"[^>]*>', page)
    assert checkbox and "checked" not in checkbox.group(0)
    assert "iemand anders je mailbox misschien leest" in page


def test_the_message_is_committed_before_the_redirect(site_dir: Path, tmp_path: Path) -> None:
    settings = form_settings(tmp_path, site_dir)
    client = client_for(settings)
    response = submit(client, "/contact/mail/", {"bericht": MESSAGE, "email": "a@example.org"})
    assert response.status_code == 303
    # A new connection sees it: it is committed, not waiting in a transaction.
    conn = database.connect(settings.database_path)
    row = conn.execute("SELECT reference, received_at, due_at, content FROM messages").fetchone()
    assert row is not None
    content, contact = database.message_content(conn, DataCipher(settings.data_keys), row[0])
    assert content == {"bericht": MESSAGE}
    assert contact is not None and contact["email"] == "a@example.org"
    assert database.moment(row["due_at"]) - database.moment(row["received_at"]) >= timedelta(
        hours=16
    )
    waiting = conn.execute("SELECT kind FROM outbox WHERE sent_at IS NULL").fetchall()
    assert [r[0] for r in waiting] == ["notification"]


def test_the_form_page_keeps_the_site_shell_and_its_quick_exit(
    site_dir: Path, tmp_path: Path
) -> None:
    response = client_for(form_settings(tmp_path, site_dir)).get("/kinderen/mail/")
    assert response.status_code == 200
    assert "data-quick-exit" in response.text
    assert 'data-form-slot="mail"' not in response.text
    assert '<form class="fh-form" method="post" action="/kinderen/mail/"' in response.text
    assert "Wat wil je ons vertellen?" in response.text
    assert "f-leeftijd" not in response.text  # the children's form asks less
    assert response.headers["cache-control"] == "no-store"
    assert "set-cookie" not in response.headers


def test_the_confirmation_link_shows_no_reference_date_or_channel(
    site_dir: Path, tmp_path: Path
) -> None:
    import base64

    client = client_for(form_settings(tmp_path, site_dir))
    response = submit(client, "/contact/mail/", {"bericht": MESSAGE, "email": "a@example.org"})
    location = response.headers["location"]
    page = client.get(location)
    reference = re.search(r'fh-panel__reference"><strong>([A-Z0-9]{8})<', page.text)
    assert reference
    token = location.split("bevestiging=", 1)[1]
    decoded = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    for readable in (location, decoded.decode("latin-1")):
        assert reference.group(1) not in readable
        assert "email" not in readable and "2026" not in readable and "2027" not in readable
    # The same link opened later than MAX_AGE no longer shows the reference.
    from datetime import UTC, datetime

    from formhandler.web.confirmation_links import MAX_AGE

    service = client.app.state.forms  # type: ignore[attr-defined]
    assert service.confirmations.read(token) is not None
    assert service.confirmations.read(token, datetime.now(UTC) + MAX_AGE * 2) is None
