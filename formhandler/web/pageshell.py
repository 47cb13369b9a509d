"""A built form page used as the shell for the form, its errors and its confirmation.

MkDocs builds each form page like any other page, with
`<div class="form-slot" data-form-slot="mail">…service down text…</div>` where the
form goes. Reading that page once and filling the slot gives the form the site's
look, navigation, quick exit and emergency numbers, in the page's language, with no
template of ours to keep in step with the theme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

SLOT = re.compile(r'<div class="form-slot" data-form-slot="([a-z-]+)"[^>]*>.*?</div>', re.DOTALL)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
HEADING = re.compile(r"<h1\b[^>]*>.*?</h1>", re.DOTALL)
ASSETS_URL = "/formulier"


class ShellError(RuntimeError):
    """The built page cannot hold a form; the text says which page and what is missing."""


@dataclass(frozen=True)
class PageShell:
    path: Path
    html: str
    slot: str  # the value of data-form-slot
    title: str  # the page's own title text (escaped HTML), without the site name

    @classmethod
    def load(cls, path: Path) -> PageShell:
        try:
            html = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ShellError(f"{path}: the built form page is missing; build the site") from error
        slots = SLOT.findall(html)
        if len(slots) != 1:
            raise ShellError(f"{path}: needs exactly one form-slot div, found {len(slots)}")
        title = TITLE.search(html)
        if not title or not HEADING.search(html):
            raise ShellError(f"{path}: has no <title> or no <h1>")
        html = html.replace(
            "</head>", f'<link rel="stylesheet" href="{ASSETS_URL}/forms.css">\n</head>', 1
        )
        html = html.replace(
            "</body>", f'<script src="{ASSETS_URL}/forms.js" defer></script>\n</body>', 1
        )
        return cls(path, html, slots[0], title.group(1))

    def render(
        self, body: str, *, title_prefix: str = "", heading: str | None = None, top: str = ""
    ) -> str:
        """The page with `body` (trusted HTML) in the slot and `top` just before the h1.

        `heading` replaces the page's h1 and title (the confirmation page); the text
        between the h1 and the slot (the form's introduction) then goes too, since it
        speaks about a form that is no longer there.
        """
        html = self.html
        title = self.title
        if heading is not None:
            site = title.split(" - ", 1)[1] if " - " in title else ""
            title = escape(heading) + (f" - {site}" if site else "")
            start = HEADING.search(html)
            slot = SLOT.search(html)
            assert start and slot
            # The h1 keeps its attributes: the theme's skip link points at its id.
            opening = start.group(0)[: start.group(0).index(">") + 1]
            html = (
                html[: start.start()]
                + f"{opening}{escape(heading)}</h1>\n{body}"
                + html[slot.end() :]
            )
        else:
            html = SLOT.sub(lambda _: body, html, count=1)
        if top:
            start = HEADING.search(html)
            assert start
            html = html[: start.start()] + top + "\n" + html[start.start() :]
        return TITLE.sub(lambda _: f"<title>{escape(title_prefix)}{title}</title>", html, count=1)
