"""No silent switch to Dutch: mark links from French or English pages to Dutch pages.

The news items and the children's and youth sites are Dutch only, and an adult page
may not have its French or English version yet.
A French or English page may still link to them (with an absolute or relative
URL such as `/organisaties/`). Every such link gets `hreflang="nl"` (so screen
readers and browsers know), and a link in the page text also gets a visible
note "(en néerlandais)" / "(in Dutch)", unless the writer already said so right
there. Links between French and English are marked the same way.

The rule is the same for every writer and language, so it lives here rather
than in each page; tests/site/test_content.py checks the built result.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from sitebuild.languages import TRANSLATED

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
