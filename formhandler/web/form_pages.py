"""The form pages: GET shows a form, POST checks and stores it, then 303 to the confirmation.

The order of checks on a POST, and what each failure gets:

1. the body: over 64 KiB -> 413 page saying how long a message may be; a file,
   another content type, invalid UTF-8, too many or repeated fields -> 400 page;
2. the honeypot, then the token: forged or already used -> 400 page that says how to
   reach 1712 otherwise (a person taken for a bot still finds help); expired -> the form
   again with the text kept and a fresh token; sent within the minimum fill time (a
   person who pastes a prepared text and sends at once) -> the form again with the text
   kept and the same token, which is old enough by the time they send again;
3. the fields (forms.validation) -> 400, the form with an error summary, values kept;
4. the rate limit, checked and counted in one step -> 429, the form again with the
   text kept and the phone line;
5. one transaction: the token's nonce, the message (sealed), the team's notification
   and the confirmation if asked; COMMIT (WAL, synchronous FULL) before the 303.

The notification is tried at once after the response; the outbox retries it later
if that fails. Nothing a person wrote is logged, and no cookie is set.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from formhandler.core.crypto import DataCipher
from formhandler.core.i18n import language_of, say
from formhandler.core.opening_hours import Calendar
from formhandler.core.settings import Settings
from formhandler.core.teams import load_teams
from formhandler.forms.ratelimit import SubmissionLimit
from formhandler.forms.specs import FORMS
from formhandler.forms.submission import Replayed, Submissions
from formhandler.forms.tokens import FormTokens, TokenRejected
from formhandler.forms.validation import ONE_OF_CONTACT, FormSpec, validate
from formhandler.forms.wording import due_in_words, helpline_hours, phone, text
from formhandler.mail.outbox import Outbox
from formhandler.web.compression import compressed_static
from formhandler.web.confirmation_links import Confirmation, ConfirmationLinks
from formhandler.web.form_input import MAX_BODY, TooLarge, Unreadable, read_form
from formhandler.web.pageshell import ASSETS_URL, PageShell
from formhandler.web.templating import STATIC, render

log = logging.getLogger("formhandler.forms.specs")

HERE = Path(__file__).resolve().parent
HONEYPOT = "website"


@dataclass(frozen=True)
class FormPage:
    path: str
    form: str
    variant: str
    # No trailing slash: the page then sits in the form page's folder, so the theme's
    # relative links (stylesheets, scripts, navigation) resolve as on the form page.
    sent_path: str


# Where a person reads the answer on the site, per variant (issue 12).
PICKUP_PATHS = {
    "nl": "/contact/antwoord/",
    "fr": "/fr/contact/antwoord/",
    "en": "/en/contact/antwoord/",
    "kinderen": "/kinderen/antwoord/",
    "jongeren": "/jongeren/antwoord/",
}

PAGES = (
    FormPage("/contact/mail/", "mail", "nl", "/contact/mail/verstuurd"),
    FormPage("/fr/contact/mail/", "mail", "fr", "/fr/contact/mail/envoye"),
    FormPage("/en/contact/mail/", "mail", "en", "/en/contact/mail/sent"),
    FormPage("/kinderen/mail/", "mail", "kinderen", "/kinderen/mail/verstuurd"),
    FormPage("/jongeren/mail/", "mail", "jongeren", "/jongeren/mail/verstuurd"),
    FormPage("/contact/klacht/", "klacht", "nl", "/contact/klacht/verstuurd"),
    FormPage("/fr/contact/klacht/", "klacht", "fr", "/fr/contact/klacht/envoye"),
    FormPage("/en/contact/klacht/", "klacht", "en", "/en/contact/klacht/sent"),
)


def _help_lines(variant: str, calendar: Calendar) -> tuple[Markup, Markup]:
    def link(name: str) -> Markup:
        number = phone(name)
        return Markup('<a href="{}">{}</a>').format(number.href, number.number)

    sooner = escape(text("sooner_body", variant)).format(
        hulplijn=link("hulplijn"), uren=helpline_hours(variant, calendar), awel=link("awel")
    )
    emergency = escape(text("emergency", variant)).format(
        noodnummer=link("noodnummer"), politie=link("politie")
    )
    return sooner, emergency


def _either(name: str, spec: FormSpec, variant: str) -> str | None:
    """'(this or a phone number)' at the e-mail field, and the other way round."""
    names = [f.name for f in spec.fields_for(variant) if f.name in ONE_OF_CONTACT]
    if name not in names or len(names) < 2:
        return None
    other = next(n for n in names if n != name)
    return text(f"or_{other}", variant)


class FormService:
    """Everything the form routes share, made once at start."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        keys = [str(key) for key in settings.secret_keys]
        self.cipher = DataCipher(settings.data_keys)
        self.tokens = FormTokens(keys, min_fill=timedelta(seconds=settings.min_fill_seconds))
        self.limit = SubmissionLimit(*settings.rate_limit)
        self.teams = load_teams(settings.teams_file)
        self.confirmations = ConfirmationLinks(self.cipher)
        self.reload_shells()
        self.submissions = Submissions(
            settings, self.cipher, self.teams, token_max_age=self.tokens.max_age
        )

    def reload_shells(self) -> None:
        """Read the built form pages (again, after the newsroom published a new build)."""
        site = self.settings.site_dir
        self.shells = {
            page.path: PageShell.load(site / page.path.strip("/") / "index.html") for page in PAGES
        }

    # --- pages ---------------------------------------------------------------------------

    def _fields(self, spec: FormSpec, variant: str) -> list[dict[str, Any]]:
        drawn = []
        for f in spec.fields_for(variant):
            options = [{"value": o.value, "label": say(o.label, variant)} for o in f.options]
            if f.kind == "radios" and not f.required:
                no_answer = {
                    "nl": "Zeg ik liever niet",
                    "fr": "Je préfère ne pas répondre",
                    "en": "I would rather not say",
                    "kinderen": "Weet ik niet of zeg ik liever niet",
                }
                options.append({"value": "", "label": say(no_answer, variant)})
            drawn.append(
                {
                    "name": f.name,
                    "kind": f.kind,
                    "label": say(f.label, variant),
                    "hint": say(f.hint, variant) if f.hint else None,
                    "required": f.required is not None and f.needed_for is None,
                    "optional": (
                        f.required is None and f.kind != "checkbox" and f.name not in ONE_OF_CONTACT
                    ),
                    "either": None if f.needed_for else _either(f.name, spec, variant),
                    "needed_for": f.needed_for,
                    "required_when_shown": f.needed_for is not None and f.required is not None,
                    "options": options,
                    "autocomplete": f.autocomplete,
                    "max_length": f.max_length,
                    "rows": 10 if f.max_length > 4000 else 5,
                    "limit": text("limit", variant, max=f.max_length),
                }
            )
        return drawn

    def form_response(
        self,
        page: FormPage,
        *,
        token: str,
        values: dict[str, str] | None = None,
        errors: dict[str, str] | None = None,
        notice: str | None = None,
        with_phone: bool = False,
        status: int = 200,
    ) -> HTMLResponse:
        spec = FORMS[page.form]
        variant = page.variant
        errors = errors or {}
        summary = [{"field": None, "message": notice}] if notice else []
        summary += [{"field": name, "message": message} for name, message in errors.items()]
        top = render(
            "form_summary.html",
            summary=summary,
            summary_title=text("summary_title", variant),
            summary_help=_help_lines(variant, self.settings.calendar)[0] if with_phone else None,
        )
        body = render(
            "form_body.html",
            error_prefix=text("error_prefix", variant),
            optional=text("optional", variant),
            counter_left=text("counter_left", variant, n="{n}"),
            counter_over=text("counter_over", variant, n="{n}"),
            honeypot=text("honeypot", variant),
            fields=self._fields(spec, variant),
            values=values or {},
            errors=errors,
            token=token,
            action=page.path,
            form_name=spec.name,
            submit=say(spec.submit, variant),
        )
        prefix = text("error_prefix", variant) if summary else ""
        html = self.shells[page.path].render(body, title_prefix=prefix, top=top)
        return HTMLResponse(html, status_code=status)

    def problem_response(
        self, page: FormPage, kind: str, status: int, *, back: bool = True
    ) -> HTMLResponse:
        variant = page.variant
        sooner, emergency = _help_lines(variant, self.settings.calendar)
        body = render(
            "form_problem.html",
            body=text(f"{kind}_body", variant, max=self._message_limit(page)),
            sooner=sooner,
            emergency=emergency,
            back=page.path if back else None,
            back_label=text("back_to_form", variant),
        )
        heading = text(f"{kind}_title", variant)
        html = self.shells[page.path].render(body, heading=heading)
        return HTMLResponse(html, status_code=status)

    def _message_limit(self, page: FormPage) -> int:
        spec = FORMS[page.form]
        return max(f.max_length for f in spec.fields_for(page.variant) if f.kind == "textarea")

    def sent_response(self, page: FormPage, reference: str, due: datetime, by: str) -> Response:
        variant = page.variant
        sooner, emergency = _help_lines(variant, self.settings.calendar)
        due_text = due_in_words(due, language_of(variant))
        answer = {"email": "answer_email", "site": "answer_site"}.get(by, "answer_phone")
        site: dict[str, Markup] = {}
        if by == "site":
            link = Markup('<a href="{}">{}</a>').format(
                PICKUP_PATHS[variant], text("site_where_link", variant)
            )
            site = {
                "keep": escape(text("site_keep", variant)),
                "where": escape(text("site_where", variant)).format(link=link),
                "nobody": escape(text("site_nobody", variant)),
            }
        body = render(
            "form_sent.html",
            reference_label=text("reference", variant),
            reference=reference,
            answer=text(answer, variant, due=due_text),
            site=site,
            next_title=text("next_title", variant),
            next_body=text("next_body", variant),
            keep_reference=text("keep_reference", variant),
            by_email=by == "email",
            spam=text("spam", variant),
            sooner_title=text("sooner_title", variant),
            sooner=sooner,
            emergency=emergency,
        )
        heading = say(FORMS[page.form].sent_title, variant)
        return HTMLResponse(self.shells[page.path].render(body, heading=heading))


async def deliver_now(request: Request, ids: list[int]) -> None:
    mailer = getattr(request.app.state, "mailer", None)
    if mailer is None:
        return  # no lifespan (a test without it): the next tick delivers
    service: FormService = request.app.state.forms
    try:
        await Outbox(service.settings.database_path, service.cipher, mailer).deliver_due(
            datetime.now(UTC), ids=ids
        )
    except Exception:  # the outbox keeps the mail; the background tick tries again
        log.exception("immediate delivery failed; the scheduler retries")


def _form_endpoint(page: FormPage):  # type: ignore[no-untyped-def]
    async def endpoint(request: Request) -> Response:
        service: FormService = request.app.state.forms
        now = datetime.now(UTC)
        if request.method != "POST":
            return service.form_response(page, token=service.tokens.issue(page.form, now))
        return await _submit(request, service, page, now)

    return endpoint


async def _submit(
    request: Request, service: FormService, page: FormPage, now: datetime
) -> Response:
    try:
        fields = await read_form(request)
    except TooLarge:
        log.info("form %s refused: body over %d bytes", page.path, MAX_BODY)
        return service.problem_response(page, "too_large", 413)
    except Unreadable as error:
        log.info("form %s refused: unreadable (%s)", page.path, error)
        return service.problem_response(page, "unreadable", 400)
    if fields.get(HONEYPOT):
        log.info("form %s refused: honeypot filled", page.path)
        return service.problem_response(page, "rejected", 400)
    spec = FORMS[page.form]
    kept = {f.name: fields.get(f.name, "") for f in spec.fields_for(page.variant)}
    try:
        token = service.tokens.check(page.form, fields.get("token", ""), now)
    except TokenRejected as rejected:
        if rejected.reason == "expired":
            log.info("form %s: token expired, form shown again", page.path)
            return service.form_response(
                page,
                token=service.tokens.issue(page.form, now),
                values=kept,
                notice=text("expired", page.variant),
                status=400,
            )
        if rejected.reason == "too_fast":
            log.info("form %s: sent within the minimum time, form shown again", page.path)
            return service.form_response(
                page,
                token=fields.get("token", ""),
                values=kept,
                notice=text("too_fast", page.variant),
                status=400,
            )
        log.info("form %s refused: token %s", page.path, rejected.reason)
        return service.problem_response(page, "rejected", 400)
    if await run_in_threadpool(service.submissions.token_used, token.nonce):
        log.info("form %s refused: token replayed", page.path)
        return service.problem_response(page, "rejected", 400)
    result = validate(spec, fields, page.variant)
    if not result.ok:
        return service.form_response(
            page,
            token=fields.get("token", ""),
            values=result.values,
            errors=result.errors,
            status=400,
        )
    # Only a complete submission counts; the count and the check are one step.
    client = request.client.host if request.client else "unknown"
    if not service.limit.take(client, now.date()):
        log.info("form %s: rate limit reached", page.path)
        return service.form_response(
            page,
            token=fields.get("token", ""),
            values=result.values,
            notice=text("rate_limited", page.variant),
            with_phone=True,
            status=429,
        )
    try:
        stored = await run_in_threadpool(
            service.submissions.store, spec, page.variant, result, token, now
        )
    except Replayed:
        log.info("form %s refused: token replayed", page.path)
        return service.problem_response(page, "rejected", 400)
    log.info("message %s received (%s, %s)", stored.reference, page.form, page.variant)
    sealed = service.confirmations.make(
        Confirmation(stored.reference, stored.due, result.reply_by), now
    )
    return RedirectResponse(
        f"{page.sent_path}?bevestiging={sealed}",
        status_code=303,
        background=BackgroundTask(deliver_now, request, stored.outbox_ids),
    )


def _sent_endpoint(page: FormPage):  # type: ignore[no-untyped-def]
    async def endpoint(request: Request) -> Response:
        service: FormService = request.app.state.forms
        found = service.confirmations.read(request.query_params.get("bevestiging", ""))
        if found is None:
            return RedirectResponse(page.path, status_code=303)
        return service.sent_response(page, found.reference, found.due, found.reply_by)

    return endpoint


def routes() -> list[BaseRoute]:
    """The form routes; they must come before the site's static Mount."""
    found: list[BaseRoute] = [
        Mount(ASSETS_URL, app=compressed_static(STATIC / "forms"), name="form_assets")
    ]
    for page in PAGES:
        found.append(Route(page.path, _form_endpoint(page), methods=["GET", "POST"]))
        found.append(Route(page.sent_path, _sent_endpoint(page), methods=["GET"]))
    return found
