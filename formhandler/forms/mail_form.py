"""The mail form: a message to 1712 and how the person wants the answer."""

from __future__ import annotations

from formhandler.core.i18n import ADULTS
from formhandler.forms.fields import (
    ADULTS_AND_YOUTH,
    ANSWER_VIA,
    CODE_WORD,
    CONFIRMATION_FOR_EMAIL,
    CONFIRMATION_NEEDS_EMAIL,
    CONTACT_MISSING,
    EMAIL_FOR_ANSWER,
    NAME,
    PHONE_FOR_ANSWER,
    _t,
)
from formhandler.forms.validation import Field, FormSpec, Option

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
        ANSWER_VIA,
        CODE_WORD,
        EMAIL_FOR_ANSWER,
        PHONE_FOR_ANSWER,
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
            needed_for="telefoon",
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
        CONFIRMATION_FOR_EMAIL,
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
