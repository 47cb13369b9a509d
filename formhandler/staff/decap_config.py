"""Decap CMS's config.yml for the newsroom, made from the site's own rules.

The choices (audiences, organisations' groups, themes and regions) come from the same
places the build checks them against (`data/organisaties.schema.json`, the news hook's
audiences), so the newsroom never offers what the build would refuse. The proxy URL
carries the session's CSRF token: Decap cannot add a header, and the token is what every
state-changing staff request carries.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from formhandler.core.settings import ROOT

AUDIENCES = ["volwassenen", "jongeren", "kinderen"]
# gratis and anoniem are true, false or null (not known) in the file: formhandler/staff/
# datafiles.py shows them to Decap as these words.
YES_NO = ["ja", "nee", "weten we niet zeker"]
# hooks/news.py: a banner is one short sentence; longer ones wrap badly on a phone.
BANNER_MAX = 160
DESCRIPTION = {
    "label": "Beschrijving",
    "name": "description",
    "widget": "string",
    "hint": "Eén zin over de pagina (zoekmachines en gedeelde links tonen die).",
}


def _schema_choices() -> dict[str, list[str]]:
    schema = json.loads((ROOT / "data" / "organisaties.schema.json").read_text(encoding="utf-8"))
    properties = schema["items"]["properties"]
    return {key: list(properties[key]["items"]["enum"]) for key in ("voor", "themas", "regios")}


def _select(label: str, name: str, options: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "label": label,
        "name": name,
        "widget": "select",
        "multiple": True,
        "options": options,
        "min": 1,
        **extra,
    }


def _page_fields(translated: bool) -> list[dict[str, Any]]:
    i18n = {"i18n": True} if translated else {}
    return [
        {"label": "Titel", "name": "title", "widget": "string", **i18n},
        {**DESCRIPTION, **i18n},
        {
            "label": "Na te kijken",
            "name": "review",
            "widget": "string",
            "required": False,
            "hint": "Twijfel je aan een feit? Schrijf wat nagekeken moet worden.",
            **i18n,
        },
        {"label": "Tekst", "name": "body", "widget": "markdown", **i18n},
    ]


def _pages(
    name: str, label: str, folder: str, media: str, public: str, translated: bool = False
) -> dict[str, Any]:
    collection: dict[str, Any] = {
        "name": name,
        "label": label,
        "folder": folder,
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "slug": "{{slug}}",
        "media_folder": media,
        "public_folder": public,
        "fields": _page_fields(translated),
    }
    if translated:
        collection["i18n"] = {
            "structure": "multiple_files",
            "locales": ["nl", "fr", "en"],
            "default_locale": "nl",
        }
    return collection


def _news() -> dict[str, Any]:
    return {
        "name": "nieuws",
        "label": "Nieuws en campagnes",
        "label_singular": "bericht",
        "folder": "docs/nieuws",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "slug": "{{year}}-{{month}}-{{slug}}",
        "media_folder": "/docs/images",
        "public_folder": "../images",
        "fields": [
            {"label": "Titel", "name": "title", "widget": "string"},
            {
                "label": "Datum van het bericht",
                "name": "date",
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "DD-MM-YYYY",
                "time_format": False,
            },
            {
                "label": "Samenvatting",
                "name": "summary",
                "widget": "text",
                "hint": "Eén of twee zinnen: staan in de lijst op /nieuws/.",
            },
            _select(
                "Voor wie",
                "audiences",
                AUDIENCES,
                hint="Op welke sites het bericht en de banner staan.",
            ),
            {
                "label": "Campagne: eerste dag",
                "name": "from",
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "DD-MM-YYYY",
                "time_format": False,
                "required": False,
                "hint": "Alleen voor een campagne met een banner.",
            },
            {
                "label": "Campagne: laatste dag",
                "name": "until",
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "DD-MM-YYYY",
                "time_format": False,
                "required": False,
            },
            {
                "label": "Tekst van de banner",
                "name": "banner",
                "widget": "string",
                "required": False,
                "pattern": [
                    f"^.{{0,{BANNER_MAX}}}$",
                    f"Hoogstens {BANNER_MAX} tekens: één korte zin.",
                ],
                "hint": f"Eén korte zin, zonder telefoonnummer (hoogstens {BANNER_MAX} tekens).",
            },
            {
                "label": "Link van de banner",
                "name": "link",
                "widget": "string",
                "required": False,
                "hint": "Een adres zoals /jongeren/sport-en-vrije-tijd/ "
                "(leeg: de pagina van dit bericht).",
            },
            {"label": "Tekst", "name": "body", "widget": "markdown"},
        ],
    }


def _organisations() -> dict[str, Any]:
    choices = _schema_choices()
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
        _select("Voor wie", "voor", choices["voor"]),
        _select("Thema's", "themas", choices["themas"]),
        _select("Regio's", "regios", choices["regios"]),
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


def _contact() -> dict[str, Any]:
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


def config(proxy_url: str, branch: str = "main") -> str:
    """The YAML Decap reads at start."""
    data = {
        "backend": {
            "name": "proxy",
            "proxy_url": proxy_url,
            "branch": branch,
            "commit_messages": {
                "create": "Redactie: nieuw in {{collection}}: {{slug}}",
                "update": "Redactie: aangepast in {{collection}}: {{slug}}",
                "delete": "Redactie: verwijderd uit {{collection}}: {{slug}}",
                "uploadMedia": "Redactie: afbeelding {{path}}",
                "deleteMedia": "Redactie: afbeelding weg: {{path}}",
            },
        },
        "locale": "nl",
        "load_config_file": False,
        "site_url": "/",
        "display_url": "/",
        "media_folder": "docs/images",
        "public_folder": "/images",
        "show_preview_links": False,
        "collections": [
            _news(),
            _pages(
                "volwassenen",
                "Pagina's volwassenen",
                "docs",
                "/docs/images",
                "images",
                translated=True,
            ),
            _pages(
                "contactpaginas",
                "Contactpagina's volwassenen",
                "docs/contact",
                "/docs/images",
                "../images",
                translated=True,
            ),
            _pages(
                "geweld",
                "Vormen van geweld (volwassenen)",
                "docs/geweld",
                "/docs/images",
                "../images",
            ),
            _pages("jongeren", "Pagina's jongeren", "youth", "/youth/images", "images"),
            _pages("kinderen", "Pagina's kinderen", "kids", "/kids/images", "images"),
            _organisations(),
            _contact(),
        ],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
