"""Issue 15, point 3: the mail forms say what is needed. The message is `required`; e-mail
and phone no longer say "(niet verplicht)" while one of them is needed, they say "this or
the other"; after sending, a field with an error is aria-invalid and the others are not."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CASES = [
    # Since the answer on the site (issue 12) the address is asked for one answer channel,
    # and its label says which.
    ("/contact/mail/", "(niet verplicht)", "(als je ons antwoord per e-mail wil)"),
    ("/kinderen/mail/", "(niet verplicht)", "(als je ons antwoord per mail wil)"),
    ("/fr/contact/mail/", "(facultatif)", "(si vous voulez notre réponse par e-mail)"),
    ("/en/contact/mail/", "(optional)", "(if you want our answer by email)"),
]


@pytest.mark.parametrize(("url", "optional", "either"), CASES)
def test_what_is_needed_is_marked(page: Page, url: str, optional: str, either: str) -> None:
    page.goto(url)
    message = page.locator("textarea[name=bericht]")
    expect(message).to_have_attribute("required", "")
    email_label = page.locator("label[for=f-email]").inner_text()
    phone_label = page.locator("label[for=f-telefoon]").inner_text()
    assert optional not in email_label and optional not in phone_label
    assert either in email_label
    assert page.locator("input[name=email]").get_attribute("required") is None
    assert page.locator("[aria-invalid]").count() == 0


@pytest.mark.parametrize("url", ["/contact/mail/", "/jongeren/mail/"])
def test_after_sending_the_fields_with_errors_are_aria_invalid(
    page: Page,
    live_server,  # type: ignore[no-untyped-def]
    url: str,
) -> None:
    page.goto(url)
    page.locator("input[name=antwoord_via][value=email]").check()  # shows the address field
    page.locator("input[name=email]").fill("geen-adres")
    # Past the minimum fill time, so the fields are what the answer is about.
    page.wait_for_timeout(live_server.settings.min_fill_seconds * 1000 + 500)
    with page.expect_navigation():
        page.locator("form.fh-form [type=submit]").click()
    invalid = page.locator("[aria-invalid=true]").evaluate_all("es => es.map(e => e.name)")
    assert sorted(invalid) == ["bericht", "email"]
    error = " ".join((page.locator("#f-bericht-error").text_content() or "").split())
    expect(page.locator("textarea[name=bericht]")).to_have_accessible_description(
        re.compile(re.escape(error))
    )
