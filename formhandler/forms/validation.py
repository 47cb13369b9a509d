"""Form fields and the validation of a submission: pure functions, no database, no HTTP.

A field is drawn from its `Field` (web/templates/form_body.html) and checked by
`validate`; the texts come in every wording the site uses (core.i18n's variants).
Fields that could end up in a mail header (name, e-mail, phone, one-line texts)
refuse every Unicode line break; the long texts keep their lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from email_validator import EmailNotValidError, validate_email

from formhandler.core.i18n import VARIANTS, Text, say

# Every character str.splitlines() breaks on: none may reach a mail header.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_PHONE = re.compile(r"^\+?[0-9 ./()-]+$")
CHANNEL = "antwoord_via"  # site, email or telefoon
CODE_WORD = "codewoord"
CODE_WORD_MIN = 8
_COMMON = Path(__file__).with_name("common_passwords.txt")


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of passwords everybody tries first, in lower case."""
    lines = _COMMON.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


def code_word_problem(value: str) -> str | None:
    """'short' or 'common' when a code word is too easy to guess, else None."""
    if len(value) < CODE_WORD_MIN:
        return "short"
    squeezed = "".join(value.lower().split())
    if squeezed in common_passwords() or len(set(squeezed)) <= 2:
        return "common"
    return None


ERRORS: dict[str, Text] = {
    "too_long": {
        "nl": "Maak dit korter: hoogstens {max} tekens (nu {length})",
        "fr": "Raccourcissez ce texte : {max} caractères au maximum (actuellement {length})",
        "en": "Make this shorter: {max} characters at most (now {length})",
    },
    "line_break": {
        "nl": "Schrijf dit op één regel, zonder Enter",
        "fr": "Écrivez ceci sur une seule ligne, sans retour à la ligne",
        "en": "Write this on one line, without a line break",
    },
    "characters": {
        "nl": "Hier staat een teken dat we niet kunnen lezen; typ het opnieuw",
        "fr": "Ce champ contient un caractère illisible ; retapez-le",
        "en": "This contains a character we cannot read; type it again",
    },
    "choice": {
        "nl": "Kies een van de mogelijkheden",
        "fr": "Choisissez une des possibilités",
        "en": "Choose one of the options",
    },
    "email": {
        "nl": "Vul een e-mailadres in zoals naam@voorbeeld.be",
        "fr": "Saisissez une adresse e-mail comme nom@exemple.be",
        "en": "Enter an email address like name@example.com",
    },
    "phone": {
        "nl": "Vul een telefoonnummer in met cijfers, zoals 0470 12 34 56",
        "fr": "Saisissez un numéro de téléphone en chiffres, comme 0470 12 34 56",
        "en": "Enter a phone number in digits, like 0470 12 34 56",
    },
}


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # textarea, text, email, tel, password, radios, checkbox
    label: Text
    hint: Text | None = None
    required: Text | None = None  # the error text when it is missing; None: optional
    max_length: int = 200
    options: tuple[Option, ...] = ()
    autocomplete: str | None = None
    variants: frozenset[str] = frozenset(VARIANTS)  # the pages that show it
    extra_errors: Mapping[str, Text] = field(default_factory=dict)
    # The `antwoord_via` choice that makes this field required (with `required` as its
    # error); the field is then never labelled optional.
    needed_for: str | None = None

    @property
    def single_line(self) -> bool:
        return self.kind != "textarea"

    def error(self, code: str, variant: str, **values: object) -> str:
        text = self.extra_errors.get(code) or ERRORS[code]
        return say(text, variant).format(**values)

    def option_values(self) -> set[str]:
        return {option.value for option in self.options}


@dataclass(frozen=True)
class FormSpec:
    name: str
    fields: tuple[Field, ...]
    submit: Text
    sent_title: Text
    # Field names whose values are the message itself, the contact details, and the
    # categories kept for statistics (field name -> column).
    content: tuple[str, ...]
    contact: tuple[str, ...]
    categories: Mapping[str, str]
    contact_missing: Text
    confirmation_needs_email: Text

    def fields_for(self, variant: str) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if variant in f.variants)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass
class Result:
    values: dict[str, str]
    errors: dict[str, str]  # field name -> message, in the order of the form

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def reply_by(self) -> str:
        """How the person gets the answer: 'email', 'phone' or 'site'."""
        chosen = self.values.get(CHANNEL)
        if chosen:
            return {"telefoon": "phone"}.get(chosen, chosen)
        return "email" if self.values.get("email") else "phone"


def _clean(raw: str) -> str:
    # Browsers send line ends as CR LF; keep one kind. A lone CR still counts as a break.
    return raw.replace("\r\n", "\n").strip()


def _check(spec_field: Field, value: str, variant: str) -> str | None:
    """The error message for one field's cleaned value, or None."""
    if not value:
        return say(spec_field.required, variant) if spec_field.required else None
    if spec_field.single_line and any(char in LINE_BREAKS for char in value):
        return spec_field.error("line_break", variant)
    if any(unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\t" for char in value):
        return spec_field.error("characters", variant)
    if len(value) > spec_field.max_length:
        return spec_field.error("too_long", variant, max=spec_field.max_length, length=len(value))
    if spec_field.kind in ("radios", "checkbox") and value not in spec_field.option_values():
        return spec_field.error("choice", variant)
    if spec_field.kind == "email":
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            return spec_field.error("email", variant)
    if spec_field.kind == "tel":
        digits = sum(char.isdigit() for char in value)
        if not _PHONE.match(value) or not 6 <= digits <= 20:
            return spec_field.error("phone", variant)
    return None


# Where we answer: an e-mail address or a phone number, at least one of the two. Neither
# field is optional on its own, so the form says "this or …" at each (web/form_pages.py).
ONE_OF_CONTACT = ("email", "telefoon")


def validate(spec: FormSpec, submitted: Mapping[str, str], variant: str) -> Result:
    """Check a submission against the spec; values are kept even when they are wrong."""
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    names = {f.name for f in spec.fields_for(variant)}
    chosen = _clean(submitted.get(CHANNEL, "")) if CHANNEL in names else ""
    explicit = bool(chosen)
    if CHANNEL in names and not chosen:
        # A page from before the choice existed (or a script) that gave an address or a
        # number still says what it wants.
        if _clean(submitted.get("email", "")):
            chosen = "email"
        elif _clean(submitted.get("telefoon", "")):
            chosen = "telefoon"
    for spec_field in spec.fields_for(variant):
        value = _clean(submitted.get(spec_field.name, ""))
        if spec_field.name == CHANNEL:
            value = chosen
        if explicit and spec_field.needed_for and spec_field.needed_for != chosen:
            # Asked only for another choice: not kept, not checked, never stored.
            values[spec_field.name] = ""
            continue
        values[spec_field.name] = value
        checked = spec_field
        if spec_field.needed_for and spec_field.needed_for != chosen:
            # Kept from a page without the choice, checked, but not required.
            checked = replace(spec_field, required=None)
        message = _check(checked, value, variant)
        if message is None and spec_field.kind == "password" and value:
            problem = code_word_problem(value)
            if problem:
                message = spec_field.error(problem, variant, min=CODE_WORD_MIN)
        if message:
            errors[spec_field.name] = message
        elif spec_field.kind == "email" and value:
            # The form the mail server expects (domain in lower case, Unicode normalised).
            # The form mail servers take: the domain in its ASCII (IDNA) form; a non-ASCII
            # local part stays and is sent with SMTPUTF8.
            checked = validate_email(value, check_deliverability=False)
            values[spec_field.name] = f"{checked.local_part}@{checked.ascii_domain}"
    no_contact = not any(values.get(name) for name in ONE_OF_CONTACT)
    if CHANNEL in names:
        pass  # each channel's own field says what is missing
    elif no_contact and not any(name in errors for name in ONE_OF_CONTACT):
        errors["email"] = say(spec.contact_missing, variant)
    if values.get("bevestiging") and not values.get("email") and "email" not in errors:
        errors["bevestiging"] = say(spec.confirmation_needs_email, variant)
    order = [f.name for f in spec.fields_for(variant)]
    return Result(values, {name: errors[name] for name in order if name in errors})
