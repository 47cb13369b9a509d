"""What a helper records when closing a message: the categories of the annual report.

The main problem per person concerned and the follow-up ("gevolggeving", several
possible) are those the 2017 annual report counts, so the statistics of the mail form
can be set beside the figures of the phone line.
"""

from __future__ import annotations

PROBLEMS = {
    "kindermishandeling": "Kindermishandeling",
    "partnergeweld": "Partnergeweld",
    "geweld-volwassenen": "Geweld tegen volwassenen",
    "ouderenmishandeling": "Ouderenmis(be)handeling",
    "andere": "Andere",
}

FOLLOWUPS = {
    "advies": "Advies en informatie",
    "doorverwezen-vk": "Doorverwezen naar een Vertrouwenscentrum Kindermishandeling",
    "doorverwezen-caw": "Doorverwezen naar een CAW",
    "doorverwezen-andere-hulp": "Doorverwezen naar andere hulp",
    "doorverwezen-politie": "Doorverwezen naar de politie",
    "doorverwezen-parket": "Doorverwezen naar het parket",
    "doorverwezen-justitie": "Doorverwezen naar andere justitiediensten",
    "doorverwezen-commissie": "Doorverwezen naar de commissie historisch misbruik",
    "doorverwezen-lotgenoten": "Doorverwezen naar lotgenotencontact historisch misbruik",
    "doorverwezen-advocaat": "Doorverwezen naar een advocaat",
    "aangemeld-vk": "Actief aangemeld bij een Vertrouwenscentrum Kindermishandeling",
    "aangemeld-caw": "Actief aangemeld bij een CAW",
    "aangemeld-andere-hulp": "Actief aangemeld bij andere hulp",
    "aangemeld-politie": "Actief aangemeld bij de politie",
    "aangemeld-commissie": "Actief aangemeld bij de commissie historisch misbruik",
    "andere": "Andere",
}

# How a callback request ended; every outcome counts as the helpline's answer.
CALLBACK_OUTCOMES = {
    "gesprek": "Teruggebeld, gesprek gevoerd",
    "voicemail": "Niet bereikt, boodschap ingesproken",
    "niet-bereikt": "Niet bereikt, geen boodschap mogelijk",
}
