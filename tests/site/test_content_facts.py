"""Facts on the built pages that once contradicted the sources or the site itself (issue 14).

Each test reads the article of a built page (not the navigation, banner or footer) and
checks one fact in every language the page exists in. The expected words come from the
sources named in each test (the reference documents behind FACTS.md) or from the code that
makes the fact true (the quick exit's stylesheet, the test suite itself).
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.support.site import ROOT

CONTACT = yaml.safe_load((ROOT / "data" / "contact.yml").read_text(encoding="utf-8"))
FEEDBACK = CONTACT["hulplijn"]["mail_feedback"]

MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}


def built(site_dir: Path, language: str, path: str) -> Path:
    prefix = "" if language == "nl" else f"{language}/"
    return site_dir / prefix / path / "index.html"


def article_html(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    found = re.search(r"<article\b.*?</article>", text, re.DOTALL)
    assert found, f"{page} has no article"
    return found.group(0)


def article_text(page: Path) -> str:
    """The article as a reader sees it: tags out, entities decoded, spaces (also no-break) one."""
    without_tags = re.sub(r"<[^>]+>", " ", article_html(page))
    return " ".join(html.unescape(without_tags).split())


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


def mail_links(page: Path) -> list[str]:
    return re.findall(r'href="mailto:([^"?]+)', article_html(page))


def words_date(text: str, language: str, before: str) -> date | None:
    """The date written in words right after `before` ('opgesteld op 27 november 2026')."""
    months = MONTHS[language].split()
    pattern = rf"{before} (\d{{1,2}}) ({'|'.join(months)}) (\d{{4}})"
    found = re.search(pattern, text)
    if not found:
        return None
    return date(int(found.group(3)), months.index(found.group(2)) + 1, int(found.group(1)))


# -- the quick exit ---------------------------------------------------------------------

QUICK_EXIT_PLACE = {
    # (words that say where the button is, words that would put it somewhere else)
    "nl": ("rechtsboven", ("rechtsonder", "rechts onderaan")),
    "fr": ("en haut à droite", ("en bas",)),
    "en": ("top right", ("bottom",)),
}


def test_the_quick_exit_sits_in_the_sticky_header_at_the_top_right(site_dir: Path) -> None:
    # The pages below describe this place; if the button moves, they must change with it.
    # Issue 15: in the sticky header it is always in reach and never over the text a
    # person types (it floated at the bottom right, over the message box at 400 % zoom).
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    header = re.search(r'<header class="md-header[^"]*".*?</header>', html, re.DOTALL)
    assert header and "data-quick-exit" in header.group(0)
    css = (site_dir / "assets" / "stylesheets" / "1712.css").read_text(encoding="utf-8")
    for rule in re.findall(r"\.quick-exit\s*\{([^}]*)\}", css):
        assert "position" not in rule, "the quick exit must stay in the header's flow"
    # Last in the header's visual order: at its right end.
    assert re.search(r"\.quick-exit\s*\{\s*order:\s*5;", css)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_browsing_safely_puts_the_quick_exit_at_the_top_right(
    site_dir: Path, language: str
) -> None:
    text = article_text(built(site_dir, language, "veilig-surfen"))
    right, wrong = QUICK_EXIT_PLACE[language]
    assert right in text, f"{language}: the page does not say '{right}'"
    said = [words for words in wrong if words in text]
    assert not said, f"{language}: the page still says {said}"


# -- the accessibility statement -----------------------------------------------------------

STATEMENT = {
    # (verb before the statement's date, the previous statement's date, the audit's date)
    "nl": ("opgesteld op", "13 juni 2023", "7 december 2022"),
    "fr": ("établie le", "13 juin 2023", "7 décembre 2022"),
    "en": ("drawn up on", "13 June 2023", "7 December 2022"),
}
# What the statement says we measure, and a string in the test suite that does it.
MEASURED = {
    "axe": "wcag22aa",  # tests/browser/test_every_page.py: axe with the WCAG 2.2 AA rules
    "Chromium": "executable_path=CHROMIUM",  # tests/browser/conftest.py
    "320": '"width": 320',  # every page at 320 px wide
    "Nu Html Checker": "vnu.jar",  # tests/test_html_valid.py
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_accessibility_statement_names_wcag_22_aa_its_date_and_how_to_report(
    site_dir: Path, language: str
) -> None:
    page = built(site_dir, language, "toegankelijkheid")
    text = article_text(page)
    assert "WCAG 2.2" in text and re.search(r"\bAA\b", text), language
    verb, previous, audit = STATEMENT[language]
    drawn_up = words_date(text, language, verb)
    assert drawn_up, f"{language}: no date after '{verb}'"
    assert drawn_up > date(2023, 6, 13), f"{language}: older than the statement it replaces"
    # The sources' statement: WCAG 2.1 AA, 13 June 2023, after the audit of 7 December 2022.
    assert "2.1" in text and previous in text and audit in text, language
    assert FEEDBACK in mail_links(page), f"{language}: no mailto:{FEEDBACK} to report a problem"


def test_the_statement_has_the_same_date_in_every_language(site_dir: Path) -> None:
    dates = {
        language: words_date(
            article_text(built(site_dir, language, "toegankelijkheid")), language, verb
        )
        for language, (verb, _, _) in STATEMENT.items()
    }
    assert None not in dates.values() and len(set(dates.values())) == 1, dates


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_statement_only_claims_measurements_the_test_suite_makes(
    site_dir: Path, language: str
) -> None:
    text = article_text(built(site_dir, language, "toegankelijkheid"))
    suite = "\n".join(
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if path.resolve() != Path(__file__).resolve()  # this file names the evidence itself
    )
    for claim, evidence in MEASURED.items():
        assert claim in text, f"{language}: the statement does not say how: '{claim}'"
        assert evidence in suite, f"the statement says '{claim}', no test does '{evidence}'"


# -- news items -----------------------------------------------------------------------------

# Sensoa, vzw Zijn and Zij-kant, "Is 't Oké? Niet zeker? Check het!" (November 2019), as the
# 2019 article on 1712's plans quotes the three checks.
IS_T_OKE = (
    "ben ik wel oké bezig?",
    "voelt het nog oké voor jou?",
    "is alles nog oké in die situatie?",
)


@pytest.mark.parametrize(
    ("language", "path"),
    [
        ("nl", "nieuws/2019-11-is-t-oke"),
        ("nl", "geweld/seksueel-geweld"),
        ("fr", "geweld/seksueel-geweld"),
    ],
)
def test_the_campaigns_self_check_questions_are_quoted_as_the_sources_give_them(
    site_dir: Path, language: str, path: str
) -> None:
    text = article_text(built(site_dir, language, path))
    missing = [question for question in IS_T_OKE if question not in text]
    assert not missing, f"/{path}/ ({language}) does not quote {missing}"


def test_the_sport_and_culture_campaign_starts_probably_mid_april(site_dir: Path) -> None:
    # The minister's answer (early 2020): launched "in het voorjaar (wellicht midden april)".
    text = article_text(built(site_dir, "nl", "nieuws/2020-03-sport-en-cultuur"))
    assert "wellicht midden april" in text
    period = re.search(r"Campagne van (\d{1,2}) (\w+) 2020", text)
    assert period, "the item does not show its campaign period"
    assert period.group(2) == "april" and 10 <= int(period.group(1)) <= 20, period.group(0)
    assert "20 maart" not in text


def test_the_social_media_month_ran_from_11_february(site_dir: Path) -> None:
    # The same answer: the spot "wordt vanaf 11 februari 2020 ook gedurende een maand
    # verspreid via sociale media", not after the three broadcasts.
    text = article_text(built(site_dir, "nl", "nieuws/2020-02-als-je-eens-wist"))
    about_social_media = [s for s in sentences(text) if "sociale media" in s]
    assert about_social_media, "the item no longer mentions social media"
    assert all("11 februari" in s for s in about_social_media), about_social_media
    assert "Daarna" not in " ".join(about_social_media)


def test_the_june_2017_rise_possibly_shows_an_effect(site_dir: Path) -> None:
    # Annual report 2017: the rise "mogelijks aantoont dat 1712 aan bekendheid won".
    text = article_text(built(site_dir, "nl", "nieuws/2017-06-partnergeweld-bij-ouderen"))
    assert "mogelijk" in text
    assert "meteen" not in text


def test_2018_counts_5100_contacts_not_phone_calls(site_dir: Path) -> None:
    text = article_text(built(site_dir, "nl", "nieuws/2019-03-meer-dan-5000-mensen"))
    assert "5.100 contacten" in text
    assert "telefoongesprek" not in text


# -- privacy and the FAQ ---------------------------------------------------------------------

PRIVACY_NAME = {
    # (the optional field as the forms name it, the word for optional, what must not be said)
    "nl": (
        "naam of bijnaam",
        "niet verplicht",
        ("vragen nooit je naam", "vragen nooit naar je naam"),
    ),
    "fr": ("Nom ou pseudonyme", "facultatif", ("ne demandons jamais", "jamais votre nom")),
    "en": ("Name or nickname", "optional", ("never ask", "never asks")),
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_privacy_says_the_name_field_is_optional_rather_than_never_asked(
    site_dir: Path, language: str
) -> None:
    text = article_text(built(site_dir, language, "privacy"))
    field, optional, wrong = PRIVACY_NAME[language]
    assert field in text and optional in text, language
    said = [words for words in wrong if words in text]
    assert not said, f"{language}: {said}"


FAQ_OWNER = {
    "fr": ("appartient au CAW Oost-Brabant", "géré par"),
    "en": ("owned by CAW Oost-Brabant", "managed by"),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_faq_says_caw_oost_brabant_owns_the_site_and_gives_the_feedback_address(
    site_dir: Path, language: str
) -> None:
    page = built(site_dir, language, "veelgestelde-vragen")
    text = article_text(page)
    owned, wrong = FAQ_OWNER[language]
    assert owned in text and wrong not in text, language
    assert FEEDBACK in mail_links(page), f"{language}: no mailto:{FEEDBACK} for feedback"


def test_the_404_page_speaks_dutch_french_and_english(site_dir: Path) -> None:
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "Deze pagina bestaat niet" in html
    assert '<section lang="fr"' in html and 'href="/fr/"' in html
    assert '<section lang="en"' in html and 'href="/en/"' in html
    assert "data-quick-exit" in html  # the quick exit is on it like on every page


def test_no_link_on_the_404_pages_leads_to_another_host(site_dir: Path) -> None:
    """The 404 page is built with base_url "/": "/" ~ "/en/" once gave href="//en/", an
    address on a host called "en"."""
    for page in sorted(site_dir.rglob("404.html")):
        html = page.read_text(encoding="utf-8")
        assert not re.findall(r'(?:href|src|data-[a-z-]+)="//', html), page
