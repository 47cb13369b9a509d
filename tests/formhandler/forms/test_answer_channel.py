"""The mail form's `antwoord_via` and `codewoord` (issue 12): validation, storage, purge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from formhandler.core.crypto import DataCipher
from formhandler.core.i18n import due_in_words, language_of
from formhandler.forms.code_words import code_word_matches
from formhandler.forms.references import normalise
from formhandler.forms.specs import FORMS
from formhandler.forms.validation import validate
from formhandler.storage import database, messages, retention
from tests.support.forms import client_for, error_messages, form_settings, submit, token_of

MAIL = FORMS["mail"]


def variant_of(path: str) -> str:
    return {"kinderen": "kinderen", "jongeren": "jongeren", "fr": "fr", "en": "en"}.get(
        path.split("/")[1], "nl"
    )


CODE = "Zeeslang-Tulp-42"


def test_site_needs_no_address_or_number_but_a_code_word() -> None:
    result = validate(MAIL, {"bericht": "hallo", "antwoord_via": "site", "codewoord": CODE}, "nl")
    assert result.ok and result.reply_by == "site"
    missing = validate(MAIL, {"bericht": "hallo", "antwoord_via": "site"}, "kinderen")
    assert list(missing.errors) == ["codewoord"]
    assert "codewoord" in missing.errors["codewoord"]


@pytest.mark.parametrize(
    ("code_word", "words"),
    [
        ("kort12", "minstens 8"),
        ("wachtwoord123", "te makkelijk"),
        ("Pass Word 123", "te makkelijk"),
        ("aaaaaaaaaa", "te makkelijk"),
    ],
)
def test_a_short_or_common_code_word_is_refused(code_word: str, words: str) -> None:
    result = validate(
        MAIL, {"bericht": "hallo", "antwoord_via": "site", "codewoord": code_word}, "nl"
    )
    assert list(result.errors) == ["codewoord"] and words in result.errors["codewoord"]


def test_each_channel_requires_only_its_own_field() -> None:
    by_mail = validate(MAIL, {"bericht": "x", "antwoord_via": "email"}, "en")
    assert list(by_mail.errors) == ["email"]
    by_phone = validate(MAIL, {"bericht": "x", "antwoord_via": "telefoon"}, "fr")
    assert list(by_phone.errors) == ["telefoon"]
    nothing = validate(MAIL, {"bericht": "x"}, "nl")
    assert list(nothing.errors) == ["antwoord_via"]
    # Fields of another choice are neither checked nor kept.
    other = validate(
        MAIL,
        {"bericht": "x", "antwoord_via": "site", "codewoord": CODE, "email": "kapot"},
        "nl",
    )
    assert other.ok and other.values["email"] == ""
    kept = validate(MAIL, {"bericht": "x", "antwoord_via": "email", "email": "a@b.be"}, "nl")
    assert kept.ok and kept.values["codewoord"] == "" and kept.reply_by == "email"


def test_a_page_without_the_choice_still_works_from_the_address_given() -> None:
    assert validate(MAIL, {"bericht": "x", "telefoon": "0470 12 34 56"}, "nl").reply_by == "phone"


def test_the_form_asks_site_first_and_never_calls_a_required_field_optional(
    site_dir: Path, tmp_path: Path
) -> None:
    client = client_for(form_settings(tmp_path, site_dir))
    for path in ("/kinderen/mail/", "/jongeren/mail/", "/contact/mail/", "/en/contact/mail/"):
        html = client.get(path).text
        radios = html.index('name="antwoord_via" value="site"')
        assert radios < html.index('name="antwoord_via" value="email"')
        assert radios < html.index('name="antwoord_via" value="telefoon"')
        assert 'type="password" id="f-codewoord"' in html
        for name in ("codewoord", "email", "telefoon", "antwoord_via"):
            start = html.index(f'f-{name}"') if name != "antwoord_via" else radios
            label_end = html.rfind("</label>", 0, start)
            legend_end = html.rfind("</legend>", 0, start)
            label = html[max(label_end, legend_end) - 200 : max(label_end, legend_end)]
            assert "fh-optional" not in label, (path, name)


def test_a_refused_code_word_keeps_the_text_and_is_never_shown_back(
    site_dir: Path, tmp_path: Path
) -> None:
    client = client_for(form_settings(tmp_path, site_dir))
    response = submit(
        client,
        "/kinderen/mail/",
        {"bericht": "Mijn tekst blijft staan", "antwoord_via": "site", "codewoord": "geheim1"},
    )
    assert response.status_code == 400
    assert "Mijn tekst blijft staan" in response.text
    assert "geheim1" not in response.text
    assert any("te kort" in message for message in error_messages(response.text))
    assert 'href="#f-codewoord"' in response.text
    assert token_of(response.text)


def test_a_child_writes_with_site_and_only_the_hash_is_kept(site_dir: Path, tmp_path: Path) -> None:
    settings = form_settings(tmp_path, site_dir)
    client = client_for(settings)
    response = submit(
        client,
        "/kinderen/mail/",
        {"bericht": "Marker-5f3a bericht", "antwoord_via": "site", "codewoord": CODE},
    )
    assert response.status_code == 303 and "set-cookie" not in response.headers
    conn = database.connect(settings.database_path)
    row = conn.execute("SELECT * FROM messages").fetchone()
    assert row["reply_by"] == "site" and row["reference"] != normalise(CODE)
    assert row["code_word_hash"].startswith("$argon2id$")
    assert PasswordHasher().verify(row["code_word_hash"], CODE)
    assert code_word_matches(row["code_word_hash"], CODE)
    assert not code_word_matches(row["code_word_hash"], CODE + "x")
    assert not code_word_matches(None, CODE)
    _, contact = database.message_content(conn, DataCipher(settings.data_keys), row["reference"])
    assert contact is not None and CODE not in str(contact)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("formhandler.sqlite3*"))
    assert CODE.encode() not in raw and b"Marker-5f3a" not in raw


def test_the_purge_removes_the_thread_and_the_hash_and_keeps_the_statistics(
    site_dir: Path, tmp_path: Path
) -> None:
    settings = form_settings(tmp_path, site_dir)
    client = client_for(settings)
    submit(
        client,
        "/jongeren/mail/",
        {"bericht": "iets", "antwoord_via": "site", "codewoord": CODE, "regio": "limburg"},
    )
    cipher = DataCipher(settings.data_keys)
    conn = database.connect(settings.database_path)
    message_id = conn.execute("SELECT id FROM messages").fetchone()[0]
    now = datetime.now(UTC)
    with database.transaction(conn):
        messages.add_to_thread(conn, cipher, message_id, "an", "Antwoord-77aa", now)
        messages.add_to_thread(conn, cipher, message_id, None, "Terug-88bb", now)
        messages.mark_closed(conn, message_id, now)
    assert [e.text for e in messages.thread(conn, cipher, message_id)] == [
        "Antwoord-77aa",
        "Terug-88bb",
    ]
    assert retention.purge(conn, 30, now + timedelta(days=31))
    row = conn.execute("SELECT * FROM messages").fetchone()
    assert row["code_word_hash"] is None and row["purged_at"]
    assert conn.execute("SELECT count(*) FROM message_thread").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM message_statistics").fetchone()[0] == 1
    assert messages.code_word_hash(conn, row["reference"]) is None


@pytest.mark.parametrize(
    ("path", "pickup", "words"),
    [
        ("/kinderen/mail/", "/kinderen/antwoord/", "geheime codewoord"),
        ("/jongeren/mail/", "/jongeren/antwoord/", "onthoud je codewoord"),
        ("/contact/mail/", "/contact/antwoord/", "samen met je codewoord"),
        ("/fr/contact/mail/", "/fr/contact/antwoord/", "avec votre mot de code"),
        ("/en/contact/mail/", "/en/contact/antwoord/", "together with your code word"),
    ],
)
def test_the_confirmation_for_site_says_when_where_and_that_both_are_needed(
    site_dir: Path, tmp_path: Path, path: str, pickup: str, words: str
) -> None:
    settings = form_settings(tmp_path, site_dir)
    client = client_for(settings)
    response = submit(
        client, path, {"bericht": "Marker-91dd", "antwoord_via": "site", "codewoord": CODE}
    )
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert page.status_code == 200 and "set-cookie" not in page.headers
    html = page.text
    conn = database.connect(settings.database_path)
    row = conn.execute("SELECT reference, due_at FROM messages").fetchone()
    due = due_in_words(database.moment(row["due_at"]), language_of(variant_of(path)))
    assert row["reference"] in html and due in html
    assert f'href="{pickup}"' in html and words in html
    assert ("1712 niet" in html) or ("pas même 1712" in html) or ("not even 1712" in html)
    assert CODE not in html and "Marker-91dd" not in html
