"""Decap CMS's config.yml for the newsroom, made from the site's own rules.

The choices (audiences, organisations' groups, themes and regions) come from the same
places the build checks them against (`data/organisaties.schema.json`, the news hook's
audiences), so the newsroom never offers what the build would refuse. The proxy URL
carries the session's CSRF token: Decap cannot add a header, and the token is what every
state-changing staff request carries.
"""

from __future__ import annotations

from typing import Any

import yaml

from formhandler.staff import decap_data
from formhandler.staff.decap_data import select

AUDIENCES = ["volwassenen", "jongeren", "kinderen"]
# The build refuses a longer banner too (sitebuild/news.py, BANNER_MAX).
BANNER_MAX = 160
DESCRIPTION = {
    "label": "Beschrijving",
    "name": "description",
    "widget": "string",
    "hint": "Eén zin over de pagina (zoekmachines en gedeelde links tonen die).",
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
            select(
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
            decap_data.organisations(),
            decap_data.contact(),
        ],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
