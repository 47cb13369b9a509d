"""Reading the answer on the site (issue 12): the pickup pages over real HTTP and SQLite."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from formhandler.core.crypto import DataCipher
from formhandler.core.i18n import due_in_words, moment_in_words
from formhandler.core.workdays import reply_due
from formhandler.forms.pickup import CLIENT_ATTEMPTS, CLIENT_WINDOW, FAILURES_TO_LOCK
from formhandler.forms.references import ALPHABET
from formhandler.storage import database, messages, retention, statistics
from tests.support.forms import client_for, form_settings, submit, token_of
from tests.support.staff import Clock

CODE = "Zeeslang-Tulp-42"
PATHS = (
    "/contact/antwoord/",
    "/fr/contact/antwoord/",
    "/en/contact/antwoord/",
    "/kinderen/antwoord/",
    "/jongeren/antwoord/",
)


def _write(client: TestClient, text: str = "Marker-c0de1 hulp") -> str:
    response = submit(
        client, "/kinderen/mail/", {"bericht": text, "antwoord_via": "site", "codewoord": CODE}
    )
    assert response.status_code == 303
    return str(client.app.state.forms.settings.database_path)  # type: ignore[attr-defined]


def _reference(db_path: str) -> tuple[int, str]:
    conn = database.connect(Path(db_path))
    row = conn.execute("SELECT id, reference FROM messages").fetchone()
    conn.close()
    return row["id"], row["reference"]


def _open(client: TestClient, path: str, reference: str, code: str, clock: Clock | None = None):  # type: ignore[no-untyped-def]
    token = token_of(client.get(path).text)
    if clock is None:
        time.sleep(0.25)
    else:
        clock.advance(seconds=5)
    return client.post(path, data={"token": token, "referentie": reference, "codewoord": code})


def _summary(html: str) -> str:
    found = re.search(r'<div class="fh-error-summary".*?</div>\s*</div>', html, re.DOTALL)
    return found.group(0) if found else ""


@pytest.mark.parametrize("path", PATHS)
def test_every_pickup_page_is_an_empty_form_in_the_site_shell(
    site_dir: Path, tmp_path: Path, path: str
) -> None:
    response = client_for(form_settings(tmp_path, site_dir)).get(path)
    assert response.status_code == 200
    assert "data-quick-exit" in response.text
    assert 'data-form-slot="antwoord"' not in response.text
    assert f'<form class="fh-form" method="post" action="{path}"' in response.text
    assert 'name="referentie"' in response.text and 'type="password"' in response.text
    assert response.headers["cache-control"] == "no-store"
    assert "set-cookie" not in response.headers


def test_the_right_pair_shows_the_thread_and_writing_back_opens_the_case_again(
    site_dir: Path, tmp_path: Path
) -> None:
    settings = form_settings(tmp_path, site_dir)
    client = client_for(settings)
    db_path = _write(client)
    message_id, reference = _reference(db_path)
    conn = database.connect(settings.database_path)
    cipher = DataCipher(settings.data_keys)
    answered = datetime(2026, 11, 24, 13, 5, tzinfo=UTC)
    with database.transaction(conn):
        messages.add_to_thread(conn, cipher, message_id, "an", "Antwoord-77aa van 1712", answered)
        messages.mark_answered(conn, message_id, answered)

    typed = f"{reference[:4].lower()} {reference[4:].lower()}"
    page = _open(client, "/kinderen/antwoord/", typed, CODE)
    assert page.status_code == 200 and "set-cookie" not in page.headers
    assert page.headers["cache-control"] == "no-store"
    assert page.url.path == "/kinderen/antwoord/" and not page.url.query
    html = page.text
    assert html.index("Marker-c0de1") < html.index("Antwoord-77aa")
    assert "1712 antwoordde, dinsdag 24 november om 14.05 uur" in html
    assert CODE not in html
    assert conn.execute("SELECT read_at FROM messages").fetchone()[0]

    # Writing back: a new entry, open again with its own due time, the team notified.
    time.sleep(0.25)
    before = datetime.now(UTC)
    reply = client.post(
        "/kinderen/antwoord/",
        data={
            "token": token_of(html),
            "toegang": re.search(r'name="toegang" value="([^"]+)"', html).group(1),  # type: ignore[union-attr]
            "bericht": "Terug-88bb van het kind",
        },
    )
    assert reply.status_code == 200 and "set-cookie" not in reply.headers
    row = conn.execute("SELECT answered_at, due_at FROM messages").fetchone()
    assert row["answered_at"] is None
    due = database.moment(row["due_at"])
    after = datetime.now(UTC)
    # Stored to the second: the new due time is 16 working hours from the follow-up.
    earliest = reply_due(before, settings.calendar) - timedelta(seconds=1)
    assert earliest <= due <= reply_due(after, settings.calendar)
    assert due_in_words(due, "nl") in reply.text
    assert reply.text.index("Antwoord-77aa") < reply.text.index("Terug-88bb")
    entries = messages.thread(conn, cipher, message_id)
    assert [e.author for e in entries] == ["an", None]
    notes = conn.execute("SELECT kind FROM outbox ORDER BY id").fetchall()
    assert [n[0] for n in notes] == ["notification", "notification"]
    # The anonymous statistics count the channel and the follow-up.
    counts = statistics.category_counts(conn)
    assert counts["Antwoord via"] == {"op de site": 1}
    assert counts["Vervolgberichten op de site"] == {
        "berichten met een vervolg": 1,
        "vervolgberichten": 1,
    }

    # The same token again is refused (replay), and nothing is added.
    replay = client.post(
        "/kinderen/antwoord/",
        data={
            "token": token_of(html),
            "toegang": re.search(r'name="toegang" value="([^"]+)"', html).group(1),  # type: ignore[union-attr]
            "bericht": "nog eens",
        },
    )
    assert replay.status_code == 400
    assert len(messages.thread(conn, cipher, message_id)) == 2


def test_an_empty_follow_up_gets_the_form_error_and_a_forged_ticket_the_empty_page(
    site_dir: Path, tmp_path: Path
) -> None:
    client = client_for(form_settings(tmp_path, site_dir))
    _, reference = _reference(_write(client))
    html = _open(client, "/jongeren/antwoord/", reference, CODE).text
    ticket = re.search(r'name="toegang" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    time.sleep(0.25)
    empty = client.post(
        "/jongeren/antwoord/", data={"token": token_of(html), "toegang": ticket, "bericht": " "}
    )
    assert empty.status_code == 400 and 'href="#f-bericht"' in empty.text
    forged = client.post(
        "/jongeren/antwoord/",
        data={"token": token_of(html), "toegang": "00" + ticket[2:], "bericht": "hallo"},
    )
    assert forged.status_code == 400 and 'name="referentie"' in forged.text
    assert "Marker-c0de1" not in forged.text


def test_wrong_unknown_and_purged_give_the_same_page(site_dir: Path, tmp_path: Path) -> None:
    settings = form_settings(tmp_path, site_dir)
    client = client_for(settings)
    message_id, reference = _reference(_write(client))
    wrong = _open(client, "/contact/antwoord/", reference, CODE + "x")
    unknown = _open(client, "/contact/antwoord/", "ABCD2345", CODE)
    conn = database.connect(settings.database_path)
    with database.transaction(conn):
        messages.mark_closed(conn, message_id, datetime.now(UTC) - timedelta(days=40))
    assert retention.purge(conn, 30, datetime.now(UTC)) == [reference]
    purged = _open(client, "/contact/antwoord/", reference, CODE)
    assert wrong.status_code == unknown.status_code == purged.status_code == 400
    summaries = {_summary(r.text) for r in (wrong, unknown, purged)}
    assert len(summaries) == 1 and "klopt niet" in summaries.pop()
    assert "Marker-c0de1" not in purged.text


def test_ten_failures_lock_a_reference_for_an_hour(site_dir: Path, tmp_path: Path) -> None:
    client = client_for(form_settings(tmp_path, site_dir))
    _, reference = _reference(_write(client))
    clock = Clock(datetime.now(UTC))
    client.app.state.pickup.clock = clock  # type: ignore[attr-defined]
    for _ in range(FAILURES_TO_LOCK - 1):
        assert (
            _open(client, "/en/contact/antwoord/", reference, "wrong-word", clock).status_code
            == 400
        )
    tenth = _open(client, "/en/contact/antwoord/", reference, "wrong-word", clock)
    assert tenth.status_code == 429 and "locked for an hour" in tenth.text
    assert 'href="tel:' in _summary(tenth.text)
    eleventh = _open(client, "/en/contact/antwoord/", reference, CODE, clock)
    assert eleventh.status_code == 429 and "Marker-c0de1" not in eleventh.text
    clock.advance(minutes=50)
    assert _open(client, "/en/contact/antwoord/", reference, CODE, clock).status_code == 429
    clock.advance(minutes=11)
    opened = _open(client, "/en/contact/antwoord/", reference, CODE, clock)
    assert opened.status_code == 200 and "Marker-c0de1" in opened.text


def test_one_client_gets_a_limited_number_of_tries_whatever_it_types(
    site_dir: Path, tmp_path: Path
) -> None:
    """Guessing many references from one device is limited, not only one reference."""
    client = client_for(form_settings(tmp_path, site_dir))
    _, reference = _reference(_write(client))
    clock = Clock(datetime.now(UTC))
    client.app.state.pickup.clock = clock  # type: ignore[attr-defined]
    guesses = [
        f"WXYZ{a}{b}{c}{d}" for a in ALPHABET[:2] for b in ALPHABET for c in "23" for d in "2"
    ]
    for guess in guesses[:CLIENT_ATTEMPTS]:
        assert _open(client, "/jongeren/antwoord/", guess, CODE, clock).status_code == 400
    refused = _open(client, "/jongeren/antwoord/", reference, CODE, clock)
    assert refused.status_code == 429 and "Marker-c0de1" not in refused.text
    assert 'href="tel:' in _summary(refused.text)
    clock.advance(seconds=CLIENT_WINDOW.total_seconds())
    opened = _open(client, "/jongeren/antwoord/", reference, CODE, clock)
    assert opened.status_code == 200 and "Marker-c0de1" in opened.text


def test_the_page_says_until_when_the_conversation_can_be_read(
    site_dir: Path, tmp_path: Path
) -> None:
    settings = form_settings(tmp_path, site_dir)
    client = client_for(settings)
    message_id, reference = _reference(_write(client))
    still_open = _open(client, "/contact/antwoord/", reference, CODE).text
    assert f"tot {settings.retention_days} dagen nadat we je vraag afsluiten" in still_open
    closed_at = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    conn = database.connect(settings.database_path)
    with database.transaction(conn):
        messages.mark_closed(conn, message_id, closed_at)
    conn.close()
    closed = _open(client, "/en/contact/antwoord/", reference, CODE).text
    until = closed_at + timedelta(days=settings.retention_days)
    assert f"until {moment_in_words(until, 'en')}. Then we delete it." in closed
