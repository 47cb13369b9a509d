"""No silent switch to Dutch: mark links from French or English pages to Dutch pages.

Not every page exists in French and English: news items, the generated organisation
pages and the children's and youth sites are Dutch only. A French or English page may
still link to them (with an absolute or relative URL such as `/organisaties/`). Every
such link gets `hreflang="nl"` (so screen readers and browsers know), and a link in the
page text also gets a visible note "(en néerlandais)" / "(in Dutch)", unless the writer
already said so right there. Links between French and English are marked the same way.

The rule is the same for every writer and language, so it lives here rather
than in each page; tests/test_content.py checks the built result.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

TRANSLATED = ("fr", "en")
# What a visitor reads after a link that leads to another language: NOTES[page][target].
NOTES = {
    "fr": {"nl": "en néerlandais", "en": "en anglais"},
    "en": {"nl": "in Dutch", "fr": "in French"},
}
# Words that show the writer already told the reader in the link or right after it.
ALREADY_SAID = re.compile(
    r"n[ée]erlandais|anglais|fran[çc]ais|Dutch|English|French|Nederlands", re.IGNORECASE
)
LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.DOTALL | re.IGNORECASE)
HREF = re.compile(r"""\bhref\s*=\s*(["'])(?P<href>.*?)\1""", re.IGNORECASE | re.DOTALL)
HREFLANG = re.compile(r"\bhreflang\s*=", re.IGNORECASE)
# Scripts and styles are left byte for byte: the CSP hook hashes inline scripts.
SCRIPT_OR_STYLE = re.compile(r"(<(script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)


def page_language(config: Any) -> str:
    # mkdocs-static-i18n sets theme.language for each language it builds.
    return str(config.theme.get("language") or "nl")[:2]


def target_language(href: str, page_url: str, site_path: str) -> str | None:
    """The language of the page a link leads to, or None for other sites, anchors, files."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = urlsplit(urljoin("/" + page_url.lstrip("/"), href)).path
    if path.startswith(site_path):
        path = "/" + path[len(site_path) :]
    last = path.rstrip("/").rsplit("/", 1)[-1]
    if "." in last and not last.endswith(".html"):
        return None  # a file (PDF, image, feed), not a page
    first = path.strip("/").split("/", 1)[0]
    return first if first in TRANSLATED else "nl"


def mark_links(html: str, language: str, page_url: str, site_path: str, *, notes: bool) -> str:
    """Add hreflang (and, in the text, a visible note) to links into another language."""

    def mark(match: re.Match[str]) -> str:
        attrs, text = match.group("attrs"), match.group("text")
        href = HREF.search(attrs)
        if not href or HREFLANG.search(attrs):
            return match.group(0)
        target = target_language(href.group("href"), page_url, site_path)
        if target is None or target == language:
            return match.group(0)
        following = match.string[match.end() : match.end() + 40]
        if notes and not ALREADY_SAID.search(text) and not ALREADY_SAID.search(following):
            text += f'<span class="lang-note"> ({NOTES[language][target]})</span>'
        return f'<a{attrs} hreflang="{target}">{text}</a>'

    parts = SCRIPT_OR_STYLE.split(html)
    # split() with two groups gives: text, whole script, tag name, text, ...
    return "".join(
        LINK.sub(mark, part) if index % 3 == 0 else part
        for index, part in enumerate(parts)
        if index % 3 != 2
    )


def _site_path(config: Any) -> str:
    return urlsplit(config.site_url or "/").path or "/"


def on_page_content(html: str, *, page: Any, config: Any, files: Any) -> str:
    language = page_language(config)
    if language not in TRANSLATED:
        return html
    return mark_links(html, language, page.url, _site_path(config), notes=True)


def on_post_page(output: str, *, page: Any, config: Any) -> str:
    # Navigation, header and footer: hreflang only (their texts are short labels).
    language = page_language(config)
    if language not in TRANSLATED:
        return output
    return mark_links(output, language, page.url, _site_path(config), notes=False)
