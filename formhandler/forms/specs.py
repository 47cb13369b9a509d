"""The mail form and the complaint form, each defined once.

A `FormSpec` lists its fields with label, hint, type, limits and error texts in
every wording the site uses: `nl`, `fr`, `en` for adults, and `kinderen` and
`jongeren` for the children's and youth sites (Dutch in their words; a text
without such an entry falls back to `nl`). The same spec renders the HTML
(templates/form_fields.html), validates a submission (`validate`) and feeds the
tests, so a field added here is drawn, checked and tested without other edits.

Fields that could end up in a mail header (name, e-mail, phone, one-line texts)
refuse every Unicode line break; the long texts keep their lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email

Text = Mapping[str, str]
VARIANTS = ("nl", "fr", "en", "kinderen", "jongeren")
ADULTS = frozenset({"nl", "fr", "en"})


def say(text: Text, variant: str) -> str:
    """A text in the page's wording: the variant's own, else its language's."""
    return text.get(variant) or text[language_of(variant)]


def language_of(variant: str) -> str:
    return variant if variant in ("fr", "en") else "nl"


def audience_of(variant: str) -> str:
    return variant if variant in ("kinderen", "jongeren") else "volwassenen"


# Every character str.splitlines() breaks on: none may reach a mail header.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_PHONE = re.compile(r"^\+?[0-9 ./()-]+$")

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
    kind: str  # textarea, text, email, tel, radios, checkbox
    label: Text
    hint: Text | None = None
    required: Text | None = None  # the error text when it is missing; None: optional
    max_length: int = 200
    options: tuple[Option, ...] = ()
    autocomplete: str | None = None
    variants: frozenset[str] = frozenset(VARIANTS)  # the pages that show it
    extra_errors: Mapping[str, Text] = field(default_factory=dict)

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


def validate(spec: FormSpec, submitted: Mapping[str, str], variant: str) -> Result:
    """Check a submission against the spec; values are kept even when they are wrong."""
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    for spec_field in spec.fields_for(variant):
        value = _clean(submitted.get(spec_field.name, ""))
        values[spec_field.name] = value
        message = _check(spec_field, value, variant)
        if message:
            errors[spec_field.name] = message
        elif spec_field.kind == "email" and value:
            # The form the mail server expects (domain in lower case, Unicode normalised).
            values[spec_field.name] = validate_email(value, check_deliverability=False).normalized
    no_contact = not values.get("email") and not values.get("telefoon")
    if no_contact and "email" not in errors and "telefoon" not in errors:
        errors["email"] = say(spec.contact_missing, variant)
    if values.get("bevestiging") and not values.get("email") and "email" not in errors:
        errors["bevestiging"] = say(spec.confirmation_needs_email, variant)
    order = [f.name for f in spec.fields_for(variant)]
    return Result(values, {name: errors[name] for name in order if name in errors})


def _t(nl: str, fr: str, en: str, **audiences: str) -> dict[str, str]:
    return {"nl": nl, "fr": fr, "en": en, **audiences}


ADULTS_AND_YOUTH = frozenset({"nl", "fr", "en", "jongeren"})

NAME = Field(
    "naam",
    "text",
    label=_t(
        "Naam of schuilnaam",
        "Nom ou pseudonyme",
        "Name or nickname",
        kinderen="Je voornaam of een verzonnen naam",
        jongeren="Je naam of een schuilnaam",
    ),
    hint=_t(
        "Zo weten we hoe we je mogen aanspreken. Een verzonnen naam mag ook.",
        "Pour savoir comment nous adresser à vous. Un nom inventé convient aussi.",
        "So we know what to call you. A made-up name is fine too.",
        kinderen="Zo weten we hoe we je mogen noemen.",
    ),
    max_length=100,
    autocomplete="nickname",
)

EMAIL = Field(
    "email",
    "email",
    label=_t(
        "E-mailadres voor ons antwoord",
        "Adresse e-mail pour notre réponse",
        "Email address for our reply",
        kinderen="Je e-mailadres",
        jongeren="Je e-mailadres",
    ),
    hint=_t(
        "Kies een adres dat niemand anders leest.",
        "Choisissez une adresse que personne d'autre ne lit.",
        "Choose an address nobody else reads.",
        kinderen="Daar sturen we ons antwoord naartoe. Liefst een adres dat alleen jij leest.",
        jongeren="Daar komt ons antwoord. Liefst een adres dat alleen jij leest.",
    ),
    max_length=254,
    autocomplete="email",
)

PHONE = Field(
    "telefoon",
    "tel",
    label=_t(
        "Of: telefoonnummer om je terug te bellen",
        "Ou : numéro de téléphone pour vous rappeler",
        "Or: phone number to call you back",
        kinderen="Of: je telefoonnummer",
    ),
    hint=_t(
        "Liever gebeld worden dan gemaild? Dan bellen wij je.",
        "Vous préférez un appel à un e-mail ? Nous vous appelons.",
        "Rather be called than emailed? Then we call you.",
        kinderen="Wil je liever dat we je bellen? Schrijf dan je nummer.",
    ),
    max_length=30,
    autocomplete="tel",
)

CONFIRMATION = Field(
    "bevestiging",
    "checkbox",
    label=_t(
        "Stuur me een e-mail dat jullie mijn bericht ontvangen hebben",
        "Envoyez-moi un e-mail confirmant la réception de mon message",
        "Send me an email saying you received my message",
        kinderen="Stuur me een mailtje dat mijn bericht is aangekomen",
        jongeren="Stuur me een mail dat mijn bericht is aangekomen",
    ),
    hint=_t(
        "Dit staat uit, omdat iemand anders je mailbox misschien leest. Die mail zegt niets "
        "over wat je schreef.",
        "Cette option est désactivée, car quelqu'un d'autre lit peut-être votre boîte mail. "
        "Cet e-mail ne dit rien de ce que vous avez écrit.",
        "This is off because someone else may read your mailbox. The email says nothing "
        "about what you wrote.",
        kinderen="Doe dit alleen als niemand anders jouw mails leest.",
        jongeren="Dit staat uit, want misschien leest iemand anders je mails. Vink het alleen "
        "aan als dat niet zo is.",
    ),
    options=(Option("ja", _t("ja", "oui", "yes")),),
    max_length=3,
)

CONTACT_MISSING = _t(
    "Vul een e-mailadres of een telefoonnummer in, zodat we je kunnen antwoorden",
    "Indiquez une adresse e-mail ou un numéro de téléphone pour que nous puissions vous répondre",
    "Enter an email address or a phone number so that we can answer you",
    kinderen="Schrijf je e-mailadres of je telefoonnummer, anders kunnen we je niet antwoorden",
)
CONFIRMATION_NEEDS_EMAIL = _t(
    "Vul je e-mailadres in om een bevestiging te krijgen, of vink dit uit",
    "Indiquez votre adresse e-mail pour recevoir une confirmation, ou décochez cette case",
    "Enter your email address to get a confirmation, or untick this box",
    kinderen="Schrijf je e-mailadres om een mailtje te krijgen, of vink dit uit",
)

MAIL = FormSpec(
    name="mail",
    fields=(
        Field(
            "bericht",
            "textarea",
            label=_t(
                "Je bericht",
                "Votre message",
                "Your message",
                kinderen="Wat wil je ons vertellen?",
                jongeren="Wat wil je kwijt?",
            ),
            hint=_t(
                "Vertel wat er gebeurt of wat je wil vragen. Je naam geven hoeft niet.",
                "Racontez ce qui se passe ou posez votre question. Vous ne devez pas donner "
                "votre nom.",
                "Tell us what is happening or what you want to ask. You do not have to give "
                "your name.",
                kinderen="Schrijf het zoals jij wil. Je hoeft niet te zeggen wie je bent.",
                jongeren="Schrijf wat er gebeurt of wat je wil vragen. Je naam geven hoeft niet.",
            ),
            required=_t(
                "Schrijf je bericht",
                "Écrivez votre message",
                "Write your message",
                kinderen="Schrijf wat je wil vertellen",
            ),
            max_length=8000,
        ),
        EMAIL,
        PHONE,
        Field(
            "belmomenten",
            "text",
            label=_t(
                "Wanneer mogen we je bellen?",
                "Quand pouvons-nous vous appeler ?",
                "When may we call you?",
                kinderen="Wanneer mogen we bellen?",
            ),
            hint=_t(
                "Alleen als je een telefoonnummer gaf. Bijvoorbeeld: dinsdag na 15 uur.",
                "Seulement si vous avez donné un numéro. Par exemple : mardi après 15 h.",
                "Only if you gave a phone number. For example: Tuesday after 3 pm.",
                kinderen="Bijvoorbeeld: woensdag na school.",
            ),
            max_length=200,
        ),
        NAME,
        Field(
            "leeftijd",
            "radios",
            label=_t("Je leeftijd", "Votre âge", "Your age"),
            options=(
                Option("tot-12", _t("12 jaar of jonger", "12 ans ou moins", "12 or younger")),
                Option("13-17", _t("13 tot 17 jaar", "13 à 17 ans", "13 to 17")),
                Option("18-25", _t("18 tot 25 jaar", "18 à 25 ans", "18 to 25")),
                Option("26-64", _t("26 tot 64 jaar", "26 à 64 ans", "26 to 64")),
                Option("65-plus", _t("65 jaar of ouder", "65 ans ou plus", "65 or older")),
            ),
            variants=ADULTS,
            max_length=20,
        ),
        Field(
            "regio",
            "radios",
            label=_t(
                "Waar woon je?",
                "Où habitez-vous ?",
                "Where do you live?",
            ),
            hint=_t(
                "Dan leest een team uit jouw provincie je bericht.",
                "Une équipe de votre province lira alors votre message.",
                "A team from your province will then read your message.",
                kinderen="Weet je het niet? Laat dit dan gewoon leeg.",
            ),
            options=(
                Option("antwerpen", _t("Provincie Antwerpen", "Province d'Anvers", "Antwerp")),
                Option("limburg", _t("Limburg", "Limbourg", "Limburg")),
                Option(
                    "oost-vlaanderen",
                    _t("Oost-Vlaanderen", "Flandre orientale", "East Flanders"),
                ),
                Option(
                    "west-vlaanderen",
                    _t("West-Vlaanderen", "Flandre occidentale", "West Flanders"),
                ),
                Option(
                    "vlaams-brabant-brussel",
                    _t(
                        "Vlaams-Brabant of Brussel",
                        "Brabant flamand ou Bruxelles",
                        "Flemish Brabant or Brussels",
                    ),
                ),
            ),
            max_length=40,
        ),
        Field(
            "wie",
            "radios",
            label=_t(
                "Wie schrijft er?",
                "Qui écrit ?",
                "Who is writing?",
                jongeren="Over wie gaat het?",
            ),
            options=(
                Option(
                    "slachtoffer",
                    _t(
                        "Het gaat over mezelf",
                        "Il s'agit de moi",
                        "It is about me",
                    ),
                ),
                Option(
                    "naaste",
                    _t(
                        "Ik maak me zorgen om iemand die ik ken",
                        "Je m'inquiète pour quelqu'un que je connais",
                        "I am worried about someone I know",
                    ),
                ),
                Option(
                    "getuige",
                    _t(
                        "Ik heb iets gezien of gehoord",
                        "J'ai vu ou entendu quelque chose",
                        "I saw or heard something",
                    ),
                ),
                Option(
                    "professional",
                    _t("Ik schrijf voor mijn werk", "J'écris pour mon travail", "I write for work"),
                ),
                Option(
                    "pleger",
                    _t(
                        "Ik gebruik zelf geweld, of ben bang dat ik het zal doen",
                        "J'utilise moi-même la violence, ou j'ai peur de le faire",
                        "I use violence myself, or I am afraid I will",
                    ),
                ),
            ),
            variants=ADULTS_AND_YOUTH,
            max_length=20,
        ),
        Field(
            "thema",
            "radios",
            label=_t(
                "Waarover gaat je bericht?",
                "De quoi parle votre message ?",
                "What is your message about?",
            ),
            options=(
                Option(
                    "kindermishandeling",
                    _t(
                        "Geweld tegen een kind of jongere",
                        "Violence envers un enfant ou un jeune",
                        "Violence against a child or young person",
                    ),
                ),
                Option(
                    "partnergeweld",
                    _t(
                        "Geweld tussen partners of ex-partners",
                        "Violence entre partenaires ou ex-partenaires",
                        "Violence between partners or ex-partners",
                    ),
                ),
                Option(
                    "seksueel-geweld",
                    _t("Seksueel geweld", "Violence sexuelle", "Sexual violence"),
                ),
                Option(
                    "ouderen",
                    _t(
                        "Geweld tegen een oudere",
                        "Violence envers une personne âgée",
                        "Violence against an older person",
                    ),
                ),
                Option(
                    "online",
                    _t("Iets wat online gebeurt", "Quelque chose en ligne", "Something online"),
                ),
                Option("iets-anders", _t("Iets anders", "Autre chose", "Something else")),
            ),
            variants=ADULTS_AND_YOUTH,
            max_length=30,
        ),
        CONFIRMATION,
    ),
    submit=_t(
        "Verstuur je bericht",
        "Envoyer votre message",
        "Send your message",
        kinderen="Verstuur",
        jongeren="Verstuur",
    ),
    sent_title=_t(
        "Je bericht is verstuurd",
        "Votre message a été envoyé",
        "Your message has been sent",
    ),
    content=("bericht",),
    contact=("naam", "email", "telefoon", "belmomenten"),
    categories={"regio": "region", "leeftijd": "age_group", "wie": "writer", "thema": "theme"},
    contact_missing=CONTACT_MISSING,
    confirmation_needs_email=CONFIRMATION_NEEDS_EMAIL,
)

COMPLAINT = FormSpec(
    name="klacht",
    fields=(
        Field(
            "wat",
            "textarea",
            label=_t("Wat is er gebeurd?", "Que s'est-il passé ?", "What happened?"),
            hint=_t(
                "Vertel wat er misliep in je contact met 1712.",
                "Expliquez ce qui n'a pas été dans votre contact avec 1712.",
                "Tell us what went wrong in your contact with 1712.",
            ),
            required=_t(
                "Schrijf wat er gebeurd is",
                "Écrivez ce qui s'est passé",
                "Write what happened",
            ),
            max_length=8000,
            variants=ADULTS,
        ),
        Field(
            "wanneer",
            "text",
            label=_t("Wanneer was dat?", "Quand était-ce ?", "When was it?"),
            hint=_t(
                "Ongeveer is goed, bijvoorbeeld: maandag 16 november rond 14 uur.",
                "Approximativement suffit, par exemple : lundi 16 novembre vers 14 h.",
                "Roughly is fine, for example: Monday 16 November around 2 pm.",
            ),
            required=_t(
                "Schrijf wanneer het gebeurde; ongeveer is goed",
                "Indiquez quand c'était ; approximativement suffit",
                "Write when it happened; roughly is fine",
            ),
            max_length=200,
            variants=ADULTS,
        ),
        Field(
            "kanaal",
            "radios",
            label=_t(
                "Hoe had je contact met 1712?",
                "Comment avez-vous contacté 1712 ?",
                "How were you in contact with 1712?",
            ),
            required=_t(
                "Kies hoe je contact had met 1712",
                "Choisissez comment vous avez contacté 1712",
                "Choose how you were in contact with 1712",
            ),
            options=(
                Option("telefoon", _t("Aan de telefoon", "Par téléphone", "By phone")),
                Option("chat", _t("In de chat", "Par le chat", "In the chat")),
                Option(
                    "mail",
                    _t("Met een mail of het mailformulier", "Par e-mail", "By email or the form"),
                ),
            ),
            max_length=20,
            variants=ADULTS,
        ),
        Field(
            "wens",
            "textarea",
            label=_t(
                "Wat zou je graag willen dat er gebeurt?",
                "Qu'aimeriez-vous qu'il se passe ?",
                "What would you like to happen?",
            ),
            hint=_t(
                "Bijvoorbeeld: een gesprek, een uitleg, of dat we iets anders aanpakken.",
                "Par exemple : un entretien, une explication, ou que nous changions quelque chose.",
                "For example: a conversation, an explanation, or that we change something.",
            ),
            max_length=4000,
            variants=ADULTS,
        ),
        NAME,
        EMAIL,
        PHONE,
        CONFIRMATION,
    ),
    submit=_t("Verstuur je klacht", "Envoyer votre plainte", "Send your complaint"),
    sent_title=_t(
        "Je klacht is verstuurd",
        "Votre plainte a été envoyée",
        "Your complaint has been sent",
    ),
    content=("wat", "wanneer", "wens"),
    contact=("naam", "email", "telefoon"),
    categories={"kanaal": "channel"},
    contact_missing=CONTACT_MISSING,
    confirmation_needs_email=CONFIRMATION_NEEDS_EMAIL,
)

FORMS = {spec.name: spec for spec in (MAIL, COMPLAINT)}
