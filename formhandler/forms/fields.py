"""The fields both forms share: name, e-mail, phone, the confirmation box, their errors."""

from __future__ import annotations

from formhandler.forms.validation import Field, Option


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
