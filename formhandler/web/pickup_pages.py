"""The pages where a person reads the answer on the site and writes back (issue 12).

GET shows the empty form (reference and code word). POST either opens the conversation
(`referentie` + `codewoord` + the form token) or adds a follow-up (`bericht` + the sealed
ticket the conversation page carries + the form token). Every answer is `no-store`
(web.headers: every non-GET and every form page), sets no cookie and keeps nothing in the
URL; a wrong code word, an unknown reference and a purged conversation get the same page
after the same work. Nothing typed here is logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from markupsafe import Markup, escape
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from formhandler.core.i18n import due_in_words, language_of, moment_in_words
from formhandler.core.opening_hours import Calendar
from formhandler.core.settings import Settings
from formhandler.forms.pickup import (
    FOLLOW_UP,
    FOLLOW_UP_MAX,
    Conversation,
    Gone,
    Pickup,
    Replayed,
)
from formhandler.forms.pickup_wording import pickup_text
from formhandler.forms.tokens import FormTokens, TokenRejected
from formhandler.forms.validation import validate
from formhandler.forms.wording import helpline_hours, phone, text
from formhandler.web.form_input import TooLarge, Unreadable, read_form
from formhandler.web.form_pages import deliver_now
from formhandler.web.pageshell import PageShell
from formhandler.web.templating import render

log = logging.getLogger("formhandler.pickup")

FORM = "antwoord"


@dataclass(frozen=True)
class PickupPage:
    path: str
    variant: str


PICKUP_PAGES = (
    PickupPage("/contact/antwoord/", "nl"),
    PickupPage("/fr/contact/antwoord/", "fr"),
    PickupPage("/en/contact/antwoord/", "en"),
    PickupPage("/kinderen/antwoord/", "kinderen"),
    PickupPage("/jongeren/antwoord/", "jongeren"),
)


def _phone_line(variant: str, calendar: Calendar) -> dict[str, Markup]:
    number = phone("hulplijn")
    link = Markup('<a href="{}">{}</a>').format(number.href, number.number)
    return {"hulplijn": link, "uren": escape(helpline_hours(variant, calendar))}


def _with_phone_line(service: PickupService, key: str, variant: str) -> Markup:
    """A refusal that gives the phone line and its hours, from the service's calendar."""
    return escape(pickup_text(key, variant)).format(
        **_phone_line(variant, service.settings.calendar)
    )


class PickupService:
    """Everything the pickup routes share, made once at start."""

    def __init__(self, settings: Settings, pickup: Pickup, tokens: FormTokens) -> None:
        self.settings = settings
        self.pickup = pickup
        self.tokens = tokens
        self.clock = lambda: datetime.now(UTC)
        self.shells = {
            page.path: PageShell.load(settings.site_dir / page.path.strip("/") / "index.html")
            for page in PICKUP_PAGES
        }

    def _page(
        self, page: PickupPage, body: str, summary: list[dict[str, Any]], status: int
    ) -> HTMLResponse:
        variant = page.variant
        top = render(
            "form_summary.html",
            summary=summary,
            summary_title=text("summary_title", variant),
            summary_help=None,
        )
        prefix = text("error_prefix", variant) if summary else ""
        html = self.shells[page.path].render(body, title_prefix=prefix, top=top)
        return HTMLResponse(html, status_code=status)

    def form_page(
        self,
        page: PickupPage,
        now: datetime,
        *,
        reference: str = "",
        message: str | Markup | None = None,
        status: int = 200,
    ) -> HTMLResponse:
        variant = page.variant
        body = render(
            "pickup.html",
            conversation=False,
            action=page.path,
            token=self.tokens.issue(FORM, now),
            reference=reference,
            reference_label=pickup_text("reference_label", variant),
            reference_hint=pickup_text("reference_hint", variant),
            code_word_label=pickup_text("code_word_label", variant),
            open=pickup_text("open", variant),
        )
        summary = [{"field": None, "message": message}] if message else []
        return self._page(page, body, summary, status)

    def conversation_page(
        self,
        page: PickupPage,
        found: Conversation,
        now: datetime,
        *,
        notice: str | None = None,
        reply_text: str = "",
        reply_error: str | None = None,
        status: int = 200,
    ) -> HTMLResponse:
        variant = page.variant
        language = language_of(variant)
        entries = [
            {
                "by_person": entry.by_person,
                "heading": pickup_text(
                    "you_wrote" if entry.by_person else "team_wrote",
                    variant,
                    when=moment_in_words(entry.at, language),
                ),
                "lines": entry.text.split("\n"),
            }
            for entry in found.entries
        ]
        due = due_in_words(found.due_at, language)
        if found.closed_at:
            until = found.closed_at + timedelta(days=self.settings.retention_days)
            kept = pickup_text("kept_until_date", variant, date=moment_in_words(until, language))
        else:
            kept = pickup_text("kept_until", variant, days=self.settings.retention_days)
        body = render(
            "pickup.html",
            conversation=True,
            conversation_title=pickup_text("conversation_title", variant),
            notice=notice,
            entries=entries,
            waiting=None if found.answered or notice else pickup_text("waiting", variant, due=due),
            kept_until=kept,
            action=page.path,
            reply_label=pickup_text("reply_label", variant),
            reply_hint=pickup_text("reply_hint", variant),
            reply_error=reply_error,
            reply_text=reply_text,
            error_prefix=text("error_prefix", variant),
            max_length=FOLLOW_UP_MAX,
            counter_left=text("counter_left", variant, n="{n}"),
            counter_over=text("counter_over", variant, n="{n}"),
            limit=text("limit", variant, max=FOLLOW_UP_MAX),
            ticket=self.pickup.ticket(found.message_id, found.reference, now),
            token=self.tokens.issue(FORM, now),
            send=pickup_text("send", variant),
            close=pickup_text("close", variant),
        )
        summary = [{"field": "bericht", "message": reply_error}] if reply_error else []
        return self._page(page, body, summary, status)


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _endpoint(page: PickupPage):  # type: ignore[no-untyped-def]
    async def endpoint(request: Request) -> Response:
        service: PickupService = request.app.state.pickup
        now = service.clock()
        if request.method != "POST":
            return service.form_page(page, now)
        try:
            fields = await read_form(request)
        except (TooLarge, Unreadable):
            log.info("pickup %s refused: unreadable or too large", page.path)
            return service.form_page(
                page, now, message=text("unreadable_title", page.variant), status=400
            )
        if fields.get("toegang"):
            return await _write_back(request, service, page, fields, now)
        return await _open(request, service, page, fields, now)

    return endpoint


async def _open(
    request: Request,
    service: PickupService,
    page: PickupPage,
    fields: dict[str, str],
    now: datetime,
) -> Response:
    variant = page.variant
    typed = fields.get("referentie", "").strip()[:40]
    try:
        service.tokens.check(FORM, fields.get("token", ""), now)
    except TokenRejected as rejected:
        log.info("pickup %s refused: token %s", page.path, rejected.reason)
        notice = text("expired", variant) if rejected.reason == "expired" else None
        return service.form_page(
            page,
            now,
            reference=typed,
            message=notice or text("rejected_title", variant),
            status=400,
        )
    attempts = service.pickup.attempts
    if not attempts.client_take(_client(request), now):
        log.info("pickup %s: client limit reached", page.path)
        message = escape(pickup_text("client_limited", variant)).format(
            **_phone_line(variant, service.settings.calendar)
        )
        return service.form_page(page, now, reference=typed, message=message, status=429)
    key = "".join(typed.split()).upper()
    # The work is the same whatever the outcome: one lookup, one argon2 verification.
    message_id = await run_in_threadpool(service.pickup.check, typed, fields.get("codewoord", ""))
    if attempts.locked(key, now):
        log.info("pickup %s refused: reference locked", page.path)
        return _locked(service, page, now, typed)
    if message_id is None:
        if attempts.fail(key, now):
            log.info("pickup %s: too many failures, reference locked for an hour", page.path)
            return _locked(service, page, now, typed)
        log.info("pickup %s: no match", page.path)
        return service.form_page(
            page, now, reference=typed, message=pickup_text("no_match", variant), status=400
        )
    try:
        found = await run_in_threadpool(
            service.pickup.conversation, message_id, now, mark_read=True
        )
    except Gone:
        return service.form_page(
            page, now, reference=typed, message=pickup_text("no_match", variant), status=400
        )
    log.info("pickup %s: conversation opened", page.path)
    return service.conversation_page(page, found, now)


def _locked(service: PickupService, page: PickupPage, now: datetime, typed: str) -> Response:
    message = _with_phone_line(service, "locked", page.variant)
    return service.form_page(page, now, reference=typed, message=message, status=429)


async def _write_back(
    request: Request,
    service: PickupService,
    page: PickupPage,
    fields: dict[str, str],
    now: datetime,
) -> Response:
    variant = page.variant
    ticket = service.pickup.read_ticket(fields.get("toegang", ""), now)
    if ticket is None:
        log.info("pickup %s: ticket expired or forged", page.path)
        return service.form_page(
            page, now, message=pickup_text("ticket_expired", variant), status=400
        )
    message_id, _ = ticket
    try:
        found = await run_in_threadpool(
            service.pickup.conversation, message_id, now, mark_read=False
        )
    except Gone:
        return service.form_page(page, now, message=pickup_text("no_match", variant), status=400)
    result = validate(FOLLOW_UP, {"bericht": fields.get("bericht", "")}, variant)
    try:
        token = service.tokens.check(FORM, fields.get("token", ""), now)
    except TokenRejected as rejected:
        log.info("pickup %s: follow-up token %s", page.path, rejected.reason)
        notice = "expired" if rejected.reason == "expired" else "rejected_title"
        return service.conversation_page(
            page,
            found,
            now,
            reply_text=result.values["bericht"],
            reply_error=text(notice, variant),
            status=400,
        )
    if not result.ok:
        return service.conversation_page(
            page,
            found,
            now,
            reply_text=result.values["bericht"],
            reply_error=result.errors["bericht"],
            status=400,
        )
    if not service.pickup.attempts.client_take(_client(request), now):
        message = escape(pickup_text("client_limited", variant)).format(
            **_phone_line(variant, service.settings.calendar)
        )
        return service.conversation_page(
            page, found, now, reply_text=result.values["bericht"], reply_error=message, status=429
        )
    try:
        due, ids = await run_in_threadpool(
            service.pickup.write_back,
            message_id,
            result.values["bericht"],
            token,
            service.tokens.max_age,
            now,
        )
    except Replayed:
        log.info("pickup %s: follow-up token replayed", page.path)
        return service.conversation_page(
            page, found, now, reply_error=text("rejected_title", variant), status=400
        )
    except Gone:
        return service.form_page(page, now, message=pickup_text("no_match", variant), status=400)
    log.info("message %s: follow-up received on the site", found.reference)
    found = await run_in_threadpool(service.pickup.conversation, message_id, now, mark_read=True)
    notice = pickup_text("sent", variant, due=due_in_words(due, language_of(variant)))
    response = service.conversation_page(page, found, now, notice=notice)
    response.background = BackgroundTask(deliver_now, request, ids)
    return response


def routes() -> list[BaseRoute]:
    """The pickup routes; before the site's static Mount."""
    return [Route(page.path, _endpoint(page), methods=["GET", "POST"]) for page in PICKUP_PAGES]
