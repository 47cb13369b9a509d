"""The HTML of the organisation pages, from Jinja partials in overrides/partials/.

Python chooses what goes on a card and in which words; the partials
(`organisation-card.html`, `organisation-cards.html`, `organisation-regions.html` with
`organisations-map.html`, `organisation-filters.html`, `organisation-script-slot.html`)
say how it looks. The result goes into the page's Markdown as one raw HTML block.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from sitebuild import contact
from sitebuild.organisations.data import Organisation
from sitebuild.organisations.labels import Labels


@dataclass(frozen=True)
class Voice:
    """How the children's or youth site speaks on a card (Dutch, their own words)."""

    audience: str
    free: str
    anonymous: str
    hours: str


VOICES = {
    "kinderen": Voice("kinderen", "Het kost niets", "Je hoeft je naam niet te zeggen", "Wanneer"),
    "jongeren": Voice("jongeren", "Gratis", "Je mag anoniem blijven", "Bereikbaar"),
}


def templates(overrides: Path) -> jinja2.Environment:
    """The partials of the theme's overrides folder, HTML-escaped."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(overrides),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def html_block(markup: str) -> str:
    """Raw HTML for Markdown: no blank lines, no indentation, so it stays one block."""
    return "\n".join(line.strip() for line in markup.splitlines() if line.strip())


def _card(org: Organisation, labels: Labels, voice: Voice | None, level: int) -> dict[str, Any]:
    t = labels.text
    ways = []
    if org.telefoon:
        ways.append(
            {
                "class": "org-bel",
                "href": "tel:" + contact.digits(org.telefoon),
                "text": t["call"].format(number=org.telefoon),
            }
        )
    if org.chat:
        ways.append({"class": None, "href": org.chat, "text": t["chat"].format(name=org.naam)})
    if org.website:
        ways.append(
            {"class": None, "href": org.website, "text": t["website"].format(name=org.naam)}
        )
    if voice is None:
        what, written_in = org.what(labels.language)
        free, anonymous, hours = t["free"], t["anonymous"], t["hours"]
    else:
        what, written_in = getattr(org, voice.audience) or "", labels.language
        free, anonymous, hours = voice.free, voice.anonymous, voice.hours + ": {hours}"
    notes = [word for word, shown in ((free, org.gratis), (anonymous, org.anoniem)) if shown]
    return {
        "id": org.id,
        "naam": org.naam,
        "voor": " ".join(org.voor),
        "themas": " ".join(org.themas),
        "level": level,
        "ways": ways,
        "hours": org.uren and hours.format(hours=org.hours(labels.language)),
        "notes": notes,
        "what": what,
        "what_lang": written_in if written_in != labels.language else None,
        "what_note": t["in_dutch"],
        "regions": (
            t["works_in"].format(regions=", ".join(labels.regions[s] for s in org.regios))
            if voice is None and not org.everywhere
            else None
        ),
    }


def cards(
    env: jinja2.Environment,
    orgs: list[Organisation],
    labels: Labels,
    level: int,
    voice: Voice | None = None,
) -> str:
    """Cards of the organisations, headings at `level`; in a voice for children or youth."""
    template = env.get_template("partials/organisation-cards.html")
    shown = [_card(org, labels, voice, level) for org in orgs]
    return html_block(template.render(cards=shown, t=labels.text))


def regions(
    env: jinja2.Environment, labels: Labels, root: str, current: str | None, counts: dict[str, int]
) -> str:
    """The map and the text list of regions, each a link to its page."""
    listed = [
        {
            "slug": slug,
            "naam": name,
            "url": f"{root}{slug}/",
            "aantal": counts[slug],
            "huidig": slug == current,
        }
        for slug, name in labels.regions.items()
    ]
    template = env.get_template("partials/organisation-regions.html")
    return html_block(template.render(regions=listed, t=labels.text))


def filters(
    env: jinja2.Environment, labels: Labels, root: str, current: tuple[str, str] | None
) -> str:
    """Links to the page of each group of people and each theme."""
    template = env.get_template("partials/organisation-filters.html")
    return html_block(
        template.render(
            who=[(slug, label) for slug, (label, _) in labels.who.items()],
            themes=list(labels.themes.items()),
            root=root,
            current=current,
            t=labels.text,
        )
    )


def script_slot(env: jinja2.Environment, labels: Labels, dimensions: str) -> str:
    template = env.get_template("partials/organisation-script-slot.html")
    return html_block(template.render(dimensions=dimensions, t=labels.text))
