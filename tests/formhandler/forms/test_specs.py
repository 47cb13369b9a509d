"""The form specs drive fields, wording and validation; Hypothesis finds no input that crashes."""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from formhandler.core.i18n import VARIANTS, say
from formhandler.forms.specs import FORMS
from formhandler.forms.validation import LINE_BREAKS, validate
from formhandler.forms.wording import due_in_words
from tests.support.forms import client_for, form_settings


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_adult_text_exists_in_every_language(form: str, language: str) -> None:
    spec = FORMS[form]
    for field in spec.fields_for(language):
        assert field.label[language]
        if field.hint:
            assert field.hint[language]
        if field.required:
            assert field.required[language]
        for option in field.options:
            assert option.label[language]


def test_the_children_get_their_own_words_and_fewer_questions() -> None:
    mail = FORMS["mail"]
    kids = [field.name for field in mail.fields_for("kinderen")]
    assert "leeftijd" not in kids and "wie" not in kids and "thema" not in kids
    assert say(mail.field("bericht").label, "kinderen") == "Wat wil je ons vertellen?"
    assert say(mail.field("bericht").label, "jongeren") == "Wat wil je kwijt?"


def test_every_character_python_breaks_lines_on_is_refused_in_one_line_fields() -> None:
    breaking = {char for char in map(chr, range(0x3000)) if len(f"a{char}b".splitlines()) > 1}
    assert breaking | {"\u2028", "\u2029"} <= LINE_BREAKS
    for char in sorted(LINE_BREAKS):
        result = validate(
            FORMS["mail"], {"bericht": "x", "naam": f"a{char}b", "email": "a@b.be"}, "nl"
        )
        assert "naam" in result.errors, repr(char)


def test_the_message_keeps_its_lines() -> None:
    result = validate(FORMS["mail"], {"bericht": "een\r\ntwee", "telefoon": "0470123456"}, "nl")
    assert result.ok and result.values["bericht"] == "een\ntwee"
    assert result.reply_by == "phone"


def test_without_a_choice_or_an_address_the_answer_channel_is_asked() -> None:
    # The mail form asks how the answer comes (issue 12); the complaint form still needs
    # an address or a number.
    result = validate(FORMS["mail"], {"bericht": "x"}, "en")
    assert result.errors == {"antwoord_via": "Choose how you want our answer"}
    complaint = validate(FORMS["klacht"], {"wat": "x"}, "en")
    assert "email" in complaint.errors


@pytest.mark.parametrize(
    ("due", "language", "words"),
    [
        ("Tue 2026-11-24 16:00", "nl", "uiterlijk dinsdag 24 november om 16 uur"),
        ("Tue 2026-11-24 16:00", "fr", "au plus tard le mardi 24 novembre à 16 h"),
        ("Tue 2026-11-24 16:00", "en", "by Tuesday 24 November at 4pm"),
        ("Tue 2026-12-01 09:30", "nl", "uiterlijk dinsdag 1 december om 9.30 uur"),
        ("Tue 2026-12-01 09:30", "fr", "au plus tard le mardi 1er décembre à 9 h 30"),
        ("Tue 2026-12-01 09:30", "en", "by Tuesday 1 December at 9:30am"),
        ("Wed 2026-07-15 12:00", "en", "by Wednesday 15 July at midday"),
    ],
)
def test_the_due_time_reads_as_words_in_brussels_time(due: str, language: str, words: str) -> None:
    from zoneinfo import ZoneInfo

    local = datetime.strptime(due[4:], "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Europe/Brussels"))
    assert local.strftime("%a") == due[:3]
    assert due_in_words(local.astimezone(UTC), language) == words


field_values = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=string.printable, max_size=50),
    st.sampled_from(["", "ja", "limburg", "a@b.be", "0470 12 34 56", "\r\n", "\u2028", "x" * 9000]),
)
submissions = st.dictionaries(
    st.sampled_from(
        [
            "bericht",
            "email",
            "telefoon",
            "belmomenten",
            "naam",
            "leeftijd",
            "regio",
            "wie",
            "thema",
            "bevestiging",
            "wat",
            "wanneer",
            "kanaal",
            "wens",
            "onbekend",
        ]
    ),
    field_values,
)


# Slow first draws come from Hypothesis building its Unicode tables on a busy machine.
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    submission=submissions,
    variant=st.sampled_from(VARIANTS),
    form=st.sampled_from(["mail", "klacht"]),
)
def test_validation_never_crashes_and_keeps_every_value(
    submission: dict[str, str], variant: str, form: str
) -> None:
    result = validate(FORMS[form], submission, variant)
    assert set(result.errors) <= set(result.values)
    for name, message in result.errors.items():
        assert message and "{" not in message, (name, message)


@pytest.fixture(scope="module")
def http_client(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    settings_ = form_settings(
        tmp_path_factory.mktemp("hypothesis"),
        site_dir,
        FORMHANDLER_MIN_FILL_SECONDS="0",
        FORMHANDLER_RATE_LIMIT="100000/1",
    )
    return client_for(settings_)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    submission=submissions,
    path=st.sampled_from(["/contact/mail/", "/kinderen/mail/", "/en/contact/klacht/"]),
)
def test_random_submissions_over_http_never_get_a_500(
    http_client: TestClient, submission: dict[str, str], path: str
) -> None:
    service = http_client.app.state.forms  # type: ignore[attr-defined]
    form = "klacht" if "klacht" in path else "mail"
    token = service.tokens.issue(form, datetime.now(UTC) - timedelta(seconds=5))
    response = http_client.post(path, data={"token": token, **submission}, follow_redirects=False)
    assert response.status_code in (303, 400, 413)
    if response.status_code == 303:
        assert http_client.get(response.headers["location"]).status_code == 200


def test_an_email_address_is_kept_in_its_normal_form() -> None:
    result = validate(FORMS["mail"], {"bericht": "x", "email": " Iemand@Voorbeeld.BE "}, "nl")
    assert result.ok and result.values["email"] == "Iemand@voorbeeld.be"
