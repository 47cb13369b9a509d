"""sitebuild/open_now.py and the templates of issue 13: the calendar the build writes for the
browser, the words of the "open now" line, the closing days as text, the chat link.

The browser's side of the same table is tests/browser/test_open_now.py."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import holidays
import jinja2
import pytest

from formhandler.core.calendar_file import load_calendar
from formhandler.core.hours_in_words import STATE_WORDS, state_in_words, state_in_words_for
from sitebuild.editor_checks import check_page
from sitebuild.open_now import (
    browser_calendar,
    calendar_in_script,
    coming_closing_days,
    one_year_after,
)
from sitebuild.problems import DataError
from sitebuild.site_config import DEFAULT_CHAT_URL, site_extra
from tests.support.calendar_moments import (
    MOMENTS,
    Moment,
    calendar_with_closing_day,
)
from tests.support.site import ROOT, copy_of_project
from tools.build_site import build_site

CALENDAR = load_calendar(ROOT / "data" / "contact.yml")


@pytest.fixture(scope="module")
def calendar(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return calendar_with_closing_day(tmp_path_factory.mktemp("contact"))


# --- the words: one reference in Python ---------------------------------------------------


@pytest.mark.parametrize("row", MOMENTS, ids=lambda row: row.id)
def test_the_frozen_moments_say_what_the_table_says(calendar, row: Moment) -> None:  # type: ignore[no-untyped-def]
    assert state_in_words(calendar, "telefoon", row.moment, "nl") == row.phone, row.why
    assert state_in_words(calendar, "chat", row.moment, "nl") == row.chat, row.why


@pytest.mark.parametrize("row", MOMENTS, ids=lambda row: row.id)
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_browsers_words_are_the_reference_words_for_adults(
    calendar, row: Moment, language: str
) -> None:  # type: ignore[no-untyped-def]
    for channel in ("telefoon", "chat"):
        assert state_in_words_for(calendar, channel, row.moment, language) == state_in_words(
            calendar, channel, row.moment, language
        )


def test_children_read_dicht_where_adults_read_gesloten(calendar) -> None:  # type: ignore[no-untyped-def]
    easter_monday = next(row for row in MOMENTS if "Easter Monday" in row.why).moment
    sunday = next(row for row in MOMENTS if "ordinary Sunday" in row.why).moment
    assert state_in_words_for(calendar, "telefoon", easter_monday, "kinderen") == (
        "Vandaag dicht (Paasmaandag). Weer open morgen om 9 uur"
    )
    assert state_in_words_for(calendar, "telefoon", sunday, "kinderen") == (
        "Nu dicht. Weer open morgen om 9 uur"
    )


# --- the calendar file -----------------------------------------------------------------


def test_the_calendar_file_covers_twelve_months_with_every_holiday_and_closing_day(
    calendar,
) -> None:  # type: ignore[no-untyped-def]
    first = date(2027, 1, 5)
    document = browser_calendar(calendar, first)
    assert (document["from"], document["to"]) == ("2027-01-05", "2028-01-05")
    expected = {
        day
        for year in (2027, 2028)
        for day in holidays.Belgium(years=year)
        if first <= day <= date(2028, 1, 5)
    } | {date(2027, 7, 11), date(2027, 12, 24)}
    assert {date.fromisoformat(day) for day in document["closed"]} == expected
    assert document["closed"]["2027-12-24"] == {
        "nl": "Kerstavond",
        "fr": "Veille de Noël",
        "en": "Christmas Eve",
    }
    assert document["closed"]["2027-03-28"]["nl"] == "Pasen"  # a Sunday: named too
    assert document["closed"]["2027-07-11"]["fr"] == "Fête de la Communauté flamande"
    assert document["zone"] == "Europe/Brussels"
    assert document["hours"]["telefoon"] == [
        {"days": [0, 1, 2, 3, 4], "opens": "09:00", "closes": "17:00"}
    ]
    assert set(document["words"]) == set(STATE_WORDS) == {"nl", "fr", "en", "kinderen"}
    assert document["words"]["en"]["clock"]["17:00"] == "5 pm"
    json.dumps(document)  # plain JSON values only


def test_a_year_from_29_february_ends_on_28_february() -> None:
    assert one_year_after(date(2028, 2, 29)) == date(2029, 2, 28)
    assert one_year_after(date(2027, 3, 1)) == date(2028, 3, 1)


def test_the_coming_closing_days_are_working_days_in_order_in_each_language(calendar) -> None:  # type: ignore[no-untyped-def]
    # Christmas 2027 and New Year 2028 fall on a Saturday, 1 May 2027 too: the phone is
    # closed then anyway, so they are not named.
    assert coming_closing_days(calendar, date(2027, 12, 20), "nl") == (
        "vrijdag 24 december (Kerstavond), maandag 17 april (Paasmaandag) "
        "en maandag 1 mei (Dag van de Arbeid)"
    )
    assert coming_closing_days(calendar, date(2027, 3, 1), "fr") == (
        "lundi 29 mars (Lundi de Pâques), jeudi 6 mai (Ascension) "
        "et lundi 17 mai (Lundi de Pentecôte)"
    )
    assert coming_closing_days(calendar, date(2027, 3, 1), "en") == (
        "Monday 29 March (Easter Monday), Thursday 6 May (Ascension Day), "
        "and Monday 17 May (Pentecost Monday)"
    )


# --- the templates, rendered by plain Jinja from `extra` -----------------------------------


def _render(
    template: str,
    extra: dict,  # type: ignore[type-arg]
    language: str = "nl",
    audience: str = "volwassenen",
) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    config = {"extra": {"audience": audience, **extra}, "theme": {"language": language}}
    return env.get_template(template).render(config=config, base_url="..")


def _copy_with_hours(root: Path, opens: str, closes: str) -> Path:
    """A folder with data/contact.yml whose phone and mail hours are changed."""
    text = (ROOT / "data" / "contact.yml").read_text(encoding="utf-8")
    assert text.count('van: "09:00"\n      tot: "17:00"') == 2
    changed = text.replace(
        'van: "09:00"\n      tot: "17:00"', f'van: "{opens}"\n      tot: "{closes}"'
    )
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "contact.yml").write_text(changed, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("language", "audience", "hours"),
    [
        ("nl", "volwassenen", "op werkdagen van 9 tot 17 uur"),
        ("nl", "kinderen", "op werkdagen van 9 tot 17 uur"),
        ("fr", "volwassenen", "les jours ouvrables de 9 h à 17 h"),
        ("en", "volwassenen", "on working days from 9 am to 5 pm"),
    ],
)
def test_without_javascript_the_banner_gives_the_hours_and_claims_no_state(
    language: str, audience: str, hours: str
) -> None:
    html = _render("partials/emergency.html", site_extra(ROOT), language, audience)
    assert f"data-open-now-state>{hours}</span>." in html
    assert 'data-open-now="telefoon"' in html
    assert f'data-words="{"kinderen" if audience == "kinderen" else language}"' in html
    # The help for when 1712 is closed is there, hidden until the script knows it is closed.
    assert "data-open-now-closed hidden" in html
    for words in STATE_WORDS.values():
        assert words["closed"] not in html
        assert words["open"].split("{")[0] not in html


@pytest.mark.parametrize(
    ("audience", "numbers"),
    [("volwassenen", ["106"]), ("jongeren", ["102", "106"]), ("kinderen", ["102", "106"])],
)
def test_awel_is_named_when_closed_only_for_children_and_young_people(
    audience: str, numbers: list[str]
) -> None:
    html = _render("partials/emergency.html", site_extra(ROOT), "nl", audience)
    help_text = html[html.index("data-open-now-closed") :]
    found = [number for number in ("102", "106") if f'href="tel:{number}"' in help_text]
    assert found == numbers


def test_the_footer_names_the_coming_closing_days_in_each_language() -> None:
    extra = site_extra(ROOT, {"SITE_DATE": "2027-03-01"})
    expected = {
        "nl": "1712 is ook gesloten op maandag 29 maart (Paasmaandag), donderdag 6 mei "
        "(O. L. H. Hemelvaart) en maandag 17 mei (Pinkstermaandag).",
        "fr": "Prochains jours de fermeture : lundi 29 mars (Lundi de Pâques),",
        "en": "1712 is also closed on Monday 29 March (Easter Monday),",
    }
    for language, sentence in expected.items():
        assert sentence in _render("partials/closed-hours.html", extra, language)
    kids = _render("partials/closed-hours.html", extra, "nl", "kinderen")
    assert "1712 is ook dicht op maandag 29 maart (Paasmaandag)," in kids


def test_other_hours_in_a_copy_of_the_data_give_other_texts_and_another_calendar(
    tmp_path: Path,
) -> None:
    root = _copy_with_hours(tmp_path, "09:00", "18:00")
    extra = site_extra(root)
    banner = _render("partials/emergency.html", extra)
    assert "data-open-now-state>op werkdagen van 9 tot 18 uur</span>" in banner
    footer = _render("partials/closed-hours.html", extra, "en")
    assert "on working days from 9 am to 6 pm" in footer
    document = extra["kalender"]["bestand"]
    assert document["hours"]["telefoon"][0]["closes"] == "18:00"
    assert document["words"]["nl"]["clock"]["18:00"] == "18 uur"
    assert "17:00" not in json.dumps(document["hours"]["telefoon"])
    original = _render("partials/emergency.html", site_extra(ROOT))
    assert "van 9 tot 17 uur" in original and "van 9 tot 18 uur" not in original


def test_the_calendar_in_extra_starts_on_the_build_date() -> None:
    extra = site_extra(ROOT, {"SITE_DATE": "2027-06-01"})
    assert extra["kalender"]["bestand"]["from"] == "2027-06-01"
    assert extra["kalender"]["bestand"]["to"] == "2028-06-01"
    assert extra["kalender"]["bestand"] == browser_calendar(CALENDAR, date(2027, 6, 1))


# --- the chat: CHAT_URL ---------------------------------------------------------------------


def test_chat_url_is_a_build_setting_with_the_1712_site_as_default() -> None:
    assert site_extra(ROOT, {})["chat_url"] == DEFAULT_CHAT_URL == "https://www.1712.be/"
    other = site_extra(ROOT, {"CHAT_URL": "https://chat.example.org/1712"})
    assert other["chat_url"] == "https://chat.example.org/1712"


@pytest.mark.parametrize(
    ("language", "audience"),
    [("nl", "volwassenen"), ("fr", "volwassenen"), ("en", "volwassenen"), ("nl", "kinderen"),
     ("nl", "jongeren")],
)  # fmt: skip
def test_the_chat_box_links_to_chat_url_and_says_the_chat_moments(
    language: str, audience: str
) -> None:
    extra = site_extra(ROOT, {"CHAT_URL": "https://chat.example.org/1712"})
    html = _render("partials/chat-box.html", extra, language, audience)
    assert 'href="https://chat.example.org/1712"' in html
    moments = extra["contact"]["hulplijn"]["chat_uren"][language]
    assert f"data-open-now-state>{moments}</span>" in html
    assert 'data-open-now="chat"' in html and "data-open-now-live" in html


def test_a_main_heading_on_a_chat_page_is_reported_because_the_template_prints_it() -> None:
    text = '---\ntitle: "Chat"\ndescription: "Over de chat."\ntemplate: chat.html\n---\n\n# Chat\n'
    facts = site_extra(ROOT)["contact"]
    [problem] = check_page(text, facts=facts)
    assert "op een chatpagina (template: chat.html) maakt de website de hoofdtitel" in (
        problem.message
    )
    assert check_page(text.replace("# Chat", "## Wanneer?"), facts=facts) == []


# --- one edit of the data file, a real build ------------------------------------------------


@pytest.mark.build
def test_a_build_of_a_copy_with_other_hours_and_chat_url_says_so_on_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_of_project(tmp_path / "project")
    _copy_with_hours(root, "09:00", "18:00")
    monkeypatch.setenv("CHAT_URL", "https://chat.example.org/1712")
    out = tmp_path / "site"
    build_site(out, root=root, only="kinderen", site_date="2027-03-01")
    site = out / "kinderen"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "data-open-now-state>op werkdagen van 9 tot 18 uur</span>" in html, page
        assert "van 9 tot 17 uur" not in html, page
    document = calendar_in_script((site / "open-now.js").read_text(encoding="utf-8"))
    assert (document["from"], document["hours"]["telefoon"][0]["closes"]) == ("2027-03-01", "18:00")
    assert "1712 is ook dicht op maandag 29 maart (Paasmaandag)" in (site / "index.html").read_text(
        encoding="utf-8"
    )
    chat = (site / "chat" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://chat.example.org/1712"' in chat


# --- mistakes in the hours: what the build says (EDITING.md quotes these) ---------------------


@pytest.mark.parametrize(
    ("mistake", "message"),
    [
        (
            ('van: "09:00"', 'van: "9u"'),
            "contact.yml, regel {line}: '9u' bij 'telefoon: van' is geen uur. Schrijf het als "
            '"09:00".',
        ),
        (
            ("  sluitingsdagen: []\n", "  sluitingsdagen:\n    - datum: 2026-12-32\n"),
            "contact.yml, regel {line}: 2026-12-32 is geen datum die bestaat. Schrijf "
            "jaar-maand-dag, bijvoorbeeld 2026-12-24.",
        ),
        (  # data/contact.schema.json: a mistyped field is not silently skipped
            ("  sluitingsdagen: []\n", "  sluitingdagen: []\n"),
            "contact.yml, regel {line}: het veld 'sluitingdagen' onder 'kalender' kennen we "
            "niet. Controleer de schrijfwijze; mogelijke velden: tijdzone, "
            "antwoordtermijn_werkdagen, telefoon, chat, mail, sluitingsdagen.",
        ),
    ],
)
def test_a_mistake_in_the_hours_stops_the_build_with_file_line_and_fix(
    tmp_path: Path, mistake: tuple[str, str], message: str
) -> None:
    text = (ROOT / "data" / "contact.yml").read_text(encoding="utf-8")
    changed = text.replace(*mistake, 1)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "contact.yml").write_text(changed, encoding="utf-8")
    # The line of the block of hours ("- dagen: ...", just above "van:") or of the date.
    marker = mistake[1].strip().splitlines()[-1].strip()  # 'van: "9u"', '- datum: 2026-12-32'
    mistaken = next(n for n, line in enumerate(changed.splitlines(), 1) if marker in line)
    line = mistaken - 1 if "9u" in marker else mistaken
    with pytest.raises(DataError) as error:
        site_extra(tmp_path)
    assert str(error.value) == message.format(line=line)


def test_the_editors_guide_quotes_what_the_build_really_says(tmp_path: Path) -> None:
    text = (ROOT / "data" / "contact.yml").read_text(encoding="utf-8")
    (tmp_path / "data").mkdir()
    changed = text.replace('van: "09:00"', 'van: "9u"', 1)
    (tmp_path / "data" / "contact.yml").write_text(changed, encoding="utf-8")
    with pytest.raises(DataError) as error:
        site_extra(tmp_path)
    guide = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    assert 'Bijvoorbeeld `van: "9u"`' in guide
    assert str(error.value) in guide
