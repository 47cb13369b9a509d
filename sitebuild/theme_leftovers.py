"""What Material's base.html writes outside any block and this theme does not use.

Material's own script opened its drawer and search through two hidden checkboxes
(`#__drawer`, `#__search`) and an overlay label. That script is not loaded here (our menu
is a link to `#site-nav`, search is a page), so the three elements only confuse: an
auditing engine (pa11y's HTML_CodeSniffer) reports a checkbox without a name on every
page. They stand outside any template block, so they are taken out of the written page.
"""

from __future__ import annotations

import re

# Exactly what Material writes (its attributes in its order), so nothing else can match.
LEFTOVERS = re.compile(
    r'[ \t]*<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox"'
    r' id="__(?:drawer|search)" autocomplete="off">\n?'
    r'|[ \t]*<label class="md-overlay" for="__drawer"></label>\n?'
)


def without_leftovers(html: str) -> str:
    """The page without Material's drawer and search toggles."""
    return LEFTOVERS.sub("", html)
