"""The fields both forms share: name, e-mail, phone, the confirmation box, their errors."""

from __future__ import annotations

from dataclasses import replace

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

# How the answer comes back (mail form). `site`: read on the website with the reference
# and a code word; nobody else needs an address or a number.
ANSWER_VIA = Field(
    "antwoord_via",
    "radios",
    label=_t(
        "Hoe wil je ons antwoord krijgen?",
        "Comment voulez-vous recevoir notre réponse ?",
        "How do you want our answer?",
        kinderen="Hoe wil je ons antwoord lezen?",
    ),
    hint=_t(
        "Op de website heb je geen e-mailadres of telefoonnummer nodig. Je leest ons "
        "antwoord hier met je referentie en een codewoord dat je zelf kiest.",
        "Sur le site, vous n'avez besoin ni d'adresse e-mail ni de numéro. Vous lisez notre "
        "réponse ici avec votre référence et un mot de code que vous choisissez.",
        "On the website you need no email address or phone number. You read our answer "
        "here with your reference and a code word you choose.",
        kinderen="Kies 'hier op de website' als niemand je mails of je gsm mag zien. "
        "Je kiest dan zelf een geheim codewoord. Daarmee lees je ons antwoord.",
        jongeren="Kies 'op de website' als iemand anders je mails of je gsm kan lezen. "
        "Je kiest zelf een codewoord en leest ons antwoord hier.",
    ),
    required=_t(
        "Kies hoe je ons antwoord wil krijgen",
        "Choisissez comment vous voulez recevoir notre réponse",
        "Choose how you want our answer",
        kinderen="Kies hoe je ons antwoord wil lezen",
    ),
    options=(
        Option(
            "site",
            _t(
                "Op deze website, met een codewoord",
                "Sur ce site, avec un mot de code",
                "On this website, with a code word",
                kinderen="Hier op de website, met een geheim codewoord",
                jongeren="Hier op de website, met een codewoord",
            ),
        ),
        Option("email", _t("Per e-mail", "Par e-mail", "By email")),
        Option(
            "telefoon",
            _t(
                "Jullie bellen mij",
                "Vous m'appelez",
                "You call me",
                kinderen="Jullie bellen mij op",
            ),
        ),
    ),
    max_length=10,
)

CODE_WORD = Field(
    "codewoord",
    "password",
    label=_t(
        "Codewoord (als je ons antwoord op de website leest)",
        "Mot de code (si vous lisez notre réponse sur le site)",
        "Code word (if you read our answer on the website)",
        kinderen="Je geheime codewoord (als je op de website leest)",
        jongeren="Je codewoord (als je op de website leest)",
    ),
    hint=_t(
        "Minstens 8 tekens. Kies iets wat alleen jij weet en onthoudt. We tonen het nooit "
        "en kunnen het niet opzoeken.",
        "Au moins 8 caractères. Choisissez quelque chose que vous seul connaissez. Nous ne "
        "l'affichons jamais et ne pouvons pas le retrouver.",
        "At least 8 characters. Choose something only you know and remember. We never show "
        "it and cannot look it up.",
        kinderen="Minstens 8 letters of cijfers. Kies iets wat alleen jij weet. "
        "Schrijf het op een geheime plek. Wij kunnen het niet opzoeken.",
        jongeren="Minstens 8 tekens. Kies iets wat alleen jij weet. Wij kunnen het niet "
        "opzoeken of tonen.",
    ),
    required=_t(
        "Kies een codewoord om ons antwoord op de website te lezen",
        "Choisissez un mot de code pour lire notre réponse sur le site",
        "Choose a code word to read our answer on the website",
        kinderen="Kies een geheim codewoord, anders kan je ons antwoord niet lezen",
    ),
    max_length=200,
    autocomplete="new-password",
    needed_for="site",
    extra_errors={
        "short": _t(
            "Maak je codewoord langer: minstens {min} tekens",
            "Allongez votre mot de code : au moins {min} caractères",
            "Make your code word longer: at least {min} characters",
            kinderen="Je codewoord is te kort. Gebruik minstens {min} letters of cijfers",
        ),
        "common": _t(
            "Dit codewoord is te makkelijk te raden; kies een ander",
            "Ce mot de code est trop facile à deviner ; choisissez-en un autre",
            "This code word is too easy to guess; choose another",
            kinderen="Dit codewoord raadt iemand te snel. Kies een ander",
        ),
    },
)

EMAIL_FOR_ANSWER = replace(
    EMAIL,
    label=_t(
        "E-mailadres (als je ons antwoord per e-mail wil)",
        "Adresse e-mail (si vous voulez notre réponse par e-mail)",
        "Email address (if you want our answer by email)",
        kinderen="Je e-mailadres (als je ons antwoord per mail wil)",
        jongeren="Je e-mailadres (als je ons antwoord per mail wil)",
    ),
    required=_t(
        "Vul je e-mailadres in, of kies een andere manier om ons antwoord te krijgen",
        "Indiquez votre adresse e-mail, ou choisissez une autre façon de recevoir notre réponse",
        "Enter your email address, or choose another way to get our answer",
        kinderen="Schrijf je e-mailadres, of kies een andere manier",
    ),
    needed_for="email",
)

PHONE_FOR_ANSWER = replace(
    PHONE,
    label=_t(
        "Telefoonnummer (als je wil dat we je bellen)",
        "Numéro de téléphone (si vous voulez que nous vous appelions)",
        "Phone number (if you want us to call you)",
        kinderen="Je telefoonnummer (als je wil dat we bellen)",
    ),
    hint=None,
    required=_t(
        "Vul je telefoonnummer in, of kies een andere manier om ons antwoord te krijgen",
        "Indiquez votre numéro de téléphone, ou choisissez une autre façon de recevoir "
        "notre réponse",
        "Enter your phone number, or choose another way to get our answer",
        kinderen="Schrijf je telefoonnummer, of kies een andere manier",
    ),
    needed_for="telefoon",
)

CONFIRMATION_FOR_EMAIL = replace(CONFIRMATION, needed_for="email")
