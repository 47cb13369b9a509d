"""MkDocs adapter for sitebuild/language_links.py: mark links into another language."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sitebuild.language_links import mark_links
from sitebuild.languages import TRANSLATED, language_of


def _site_path(config: Any) -> str:
    return urlsplit(config.site_url or "/").path or "/"


def on_page_content(html: str, *, page: Any, config: Any, files: Any) -> str:
    language = language_of(config.theme.get("language"))
    if language not in TRANSLATED:
        return html
    return mark_links(html, language, page.url, _site_path(config), notes=True)


def on_post_page(output: str, *, page: Any, config: Any) -> str:
    # Navigation, header and footer: hreflang only (their texts are short labels).
    language = language_of(config.theme.get("language"))
    if language not in TRANSLATED:
        return output
    return mark_links(output, language, page.url, _site_path(config), notes=False)
