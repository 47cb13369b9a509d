"""The languages of the adult site: Dutch first (the default), then French and English."""

from __future__ import annotations

LANGUAGES = ("nl", "fr", "en")
DEFAULT = "nl"
TRANSLATED = ("fr", "en")


def language_of(theme_language: object) -> str:
    """The page's language from the theme's setting, which mkdocs-static-i18n sets per build."""
    return str(theme_language or DEFAULT)[:2]
