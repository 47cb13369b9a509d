"""The Decap CMS collections for the two data files: organisations and contact facts.

The organisations' groups, themes and regions are choices read from
`data/organisaties.schema.json`, the schema the build checks them against, so the newsroom
never offers what the build would refuse. The contact facts' fields follow the structure of
`data/contact.yml` itself. formhandler/staff/datafiles.py shows both files to Decap as JSON.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from formhandler.core.calendar_file import DAYS
from formhandler.core.settings import ROOT

# gratis and anoniem are true, false or null (not known) in the file: formhandler/staff/
# datafiles.py shows them to Decap as these words.
YES_NO = ["ja", "nee", "weten we niet zeker"]


def schema_choices() -> dict[str, list[str]]:
    schema = json.loads((ROOT / "data" / "organisaties.schema.json").read_text(encoding="utf-8"))
    properties = schema["items"]["properties"]
    return {key: list(properties[key]["items"]["enum"]) for key in ("voor", "themas", "regios")}


def select(label: str, name: str, options: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "label": label,
        "name": name,
        "widget": "select",
        "multiple": True,
        "options": options,
        "min": 1,
        **extra,
    }


def organisations() -> dict[str, Any]:
    choices = schema_choices()
    text = {"widget": "text", "required": False}
    fields = [
        {
            "label": "Id (kleine letters en streepjes, uniek)",
            "name": "id",
            "widget": "string",
            "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", "Kleine letters, cijfers en streepjes."],
        },
        {"label": "Naam", "name": "naam", "widget": "string"},
        {
            "label": "Wat ze doen",
            "name": "wat",
            "widget": "object",
            "fields": [
                {"label": "Nederlands", "name": "nl", "widget": "text"},
                {"label": "Frans", "name": "fr", **text},
                {"label": "Engels", "name": "en", **text},
            ],
        },
        {
            "label": "Voor kinderen (verplicht als kinderen bij 'voor wie' staat)",
            "name": "kinderen",
            **text,
        },
        {
            "label": "Voor jongeren (verplicht als jongeren bij 'voor wie' staat)",
            "name": "jongeren",
            **text,
        },
        select("Voor wie", "voor", choices["voor"]),
        select("Thema's", "themas", choices["themas"]),
        select("Regio's", "regios", choices["regios"]),
        {
            "label": "Contact",
            "name": "contact",
            "widget": "object",
            "fields": [
                {
                    "label": "Gegevens uit data/contact.yml (bv. awel)",
                    "name": "gegevens_uit",
                    "widget": "string",
                    "required": False,
                },
                {"label": "Telefoon", "name": "telefoon", "widget": "string", "required": False},
                {
                    "label": "Website (https://…)",
                    "name": "website",
                    "widget": "string",
                    "required": False,
                },
                {
                    "label": "Chat (https://…)",
                    "name": "chat",
                    "widget": "string",
                    "required": False,
                },
                {"label": "Uren", "name": "uren", "widget": "string", "required": False},
            ],
        },
        {
            "label": "Gratis",
            "name": "gratis",
            "widget": "select",
            "options": YES_NO,
        },
        {
            "label": "Anoniem",
            "name": "anoniem",
            "widget": "select",
            "options": YES_NO,
        },
        {
            "label": "Nagekeken bij de organisatie",
            "name": "nazicht",
            "widget": "object",
            "required": False,
            "fields": [
                {
                    "label": "Datum",
                    "name": "datum",
                    "widget": "datetime",
                    "format": "YYYY-MM-DD",
                    "date_format": "DD-MM-YYYY",
                    "time_format": False,
                },
                {"label": "Door", "name": "door", "widget": "string"},
            ],
        },
    ]
    return {
        "name": "organisaties",
        "label": "Organisaties",
        "format": "json",
        "files": [
            {
                "name": "organisaties",
                "label": "Alle organisaties",
                "file": "data/organisaties.yml",
                "fields": [
                    {
                        "label": "Organisaties",
                        "name": "organisaties",
                        "widget": "list",
                        "summary": "{{fields.naam}}",
                        "fields": fields,
                    }
                ],
            }
        ],
    }


def _fields_of(value: dict[str, Any]) -> list[dict[str, Any]]:
    """Decap fields for a mapping read from data/contact.yml: strings and nested mappings."""
    fields: list[dict[str, Any]] = []
    for key, item in value.items():
        if key == "kalender":
            fields.append(calendar_fields())
            continue
        label = key.replace("_", " ")
        if isinstance(item, dict):
            fields.append(
                {
                    "label": label,
                    "name": key,
                    "widget": "object",
                    "collapsed": True,
                    "fields": _fields_of(item),
                }
            )
        else:
            fields.append({"label": label, "name": key, "widget": "string", "required": False})
    return fields


def _hours(name: str, label: str) -> dict[str, Any]:
    clock = ["^([01][0-9]|2[0-3]):[0-5][0-9]$", "Schrijf een uur als 09:00 of 17:30."]
    return {
        "label": label,
        "name": name,
        "widget": "list",
        "summary": "{{fields.van}}-{{fields.tot}}",
        "fields": [
            {"label": "Dagen", "name": "dagen", "widget": "select", "multiple": True,
             "options": list(DAYS)},
            {"label": "Van (bv. 09:00)", "name": "van", "widget": "string", "pattern": clock},
            {"label": "Tot (bv. 16:30)", "name": "tot", "widget": "string", "pattern": clock},
        ],
    }  # fmt: skip


def calendar_fields() -> dict[str, Any]:
    """The calendar as a form: hours per channel, the reply promise, closing days."""
    return {
        "label": "Kalender: uren, antwoordtermijn en sluitingsdagen",
        "name": "kalender",
        "widget": "object",
        "fields": [
            {"label": "Tijdzone", "name": "tijdzone", "widget": "string"},
            {
                "label": "Antwoordtermijn in werkdagen",
                "name": "antwoordtermijn_werkdagen",
                "widget": "number",
                "value_type": "int",
                "min": 1,
                "max": 10,
            },
            _hours("telefoon", "Uren van de telefoon"),
            _hours("chat", "Chatmomenten"),
            _hours("mail", "Uren waarop mails beantwoord worden (tellen voor de termijn)"),
            {
                "label": "Extra sluitingsdagen (feestdagen en 11 juli kent de site zelf)",
                "name": "sluitingsdagen",
                "widget": "list",
                "required": False,
                "summary": "{{fields.datum}}",
                "fields": [
                    {"label": "Datum", "name": "datum", "widget": "datetime",
                     "format": "YYYY-MM-DD", "date_format": "DD-MM-YYYY", "time_format": False},
                    {"label": "Naam", "name": "naam", "widget": "object",
                     "fields": [{"label": lang, "name": lang, "widget": "string"}
                                for lang in ("nl", "fr", "en")]},
                ],
            },
        ],
    }  # fmt: skip


def contact() -> dict[str, Any]:
    facts = yaml.safe_load((ROOT / "data" / "contact.yml").read_text(encoding="utf-8"))
    return {
        "name": "contact",
        "label": "Telefoonnummers en uren",
        "format": "json",
        "files": [
            {
                "name": "contact",
                "label": "Contactgegevens (data/contact.yml)",
                "file": "data/contact.yml",
                "fields": _fields_of(facts),
            }
        ],
    }
