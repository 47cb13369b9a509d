"""The complaint form: what happened with 1712, and what the person would like to happen."""

from __future__ import annotations

from formhandler.core.i18n import ADULTS
from formhandler.forms.fields import (
    CONFIRMATION,
    CONFIRMATION_NEEDS_EMAIL,
    CONTACT_MISSING,
    EMAIL,
    NAME,
    PHONE,
    _t,
)
from formhandler.forms.validation import Field, FormSpec, Option

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
