"""The organisation pages: the map page's content and the pages generated per region,
group of people and theme, in Dutch, French and English; one page each for the children's
and youth sites, in their words.

A page asks for its content with a marker line such as `<!-- organisaties: overzicht -->`;
`expand` replaces it. `organisation_pages` gives the generated pages' Markdown, each with
its own marker, so choosing a region or a filter is a plain link that works without
JavaScript.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field

import jinja2

from sitebuild.organisations import render
from sitebuild.organisations.data import Organisation
from sitebuild.organisations.labels import LABELS, Labels, heading
from sitebuild.organisations.vocabulary import OWN_SITES, REGIONS, THEMES, WHO
from sitebuild.problems import Problem

MARKER = re.compile(r"^<!--\s*organisaties:\s*([a-z-]+)(?:\s+([a-z-]+))?\s*-->\s*$", re.M)


@dataclass(frozen=True)
class Page:
    """A generated page: where it sits among the pages (its src_uri, with the language's
    suffix), its Markdown, and the file it becomes inside its language's site."""

    src_uri: str
    markdown: str
    dest_uri: str  # 'organisaties/antwerpen/index.html', the same in every language


@dataclass
class Directory:
    """What the page builders need: the checked organisations and the templates."""

    organisations: list[Organisation]
    templates: jinja2.Environment
    # Where each audience's site lives (config.extra.audiences), for links between them.
    audiences: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {slug: len(self.serving(slug)) for slug in REGIONS}

    def serving(self, region: str) -> list[Organisation]:
        return [org for org in self.organisations if org.serves(region)]

    def everywhere(self) -> list[Organisation]:
        return [org for org in self.organisations if org.everywhere]

    def regional(self, region: str) -> list[Organisation]:
        return [org for org in self.organisations if region in org.regios]


def _suffix(language: str) -> str:
    return "" if language == "nl" else f".{language}"


def organisation_pages(language: str) -> list[Page]:
    """Every page generated for the adult site in one language (src_uri with its suffix)."""
    labels, end = LABELS[language], f"{_suffix(language)}.md"  # .md, .fr.md, .en.md
    t = labels.text
    pages = []
    for slug, name in labels.regions.items():
        words = {"name": name, "in_region": labels.in_region[slug]}
        pages.append(_page(f"organisaties/{slug}", end, t, "region", words, f"regio {slug}"))
    for slug, (_, phrase) in labels.who.items():
        pages.append(
            _page(f"organisaties/voor/{slug}", end, t, "who", {"phrase": phrase}, f"voor {slug}")
        )
    for slug in labels.themes:
        words = {"theme": labels.theme_phrase(slug)}
        pages.append(_page(f"organisaties/thema/{slug}", end, t, "theme", words, f"thema {slug}"))
    return pages


def _page(
    path: str, suffix: str, t: dict[str, str], kind: str, words: dict[str, str], marker: str
) -> Page:
    title = t[f"{kind}_title"].format(**words)
    meta = {"title": title, "description": t[f"{kind}_description"].format(**words)}
    front = "\n".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()
    )
    intro = t[f"{kind}_intro"].format(**words)
    markdown = f"---\n{front}\n---\n\n# {title}\n\n{intro}\n\n<!-- organisaties: {marker} -->\n"
    return Page(f"{path}{suffix}", markdown, f"{path}/index.html")


def overview(directory: Directory, labels: Labels) -> str:
    env, t = directory.templates, labels.text
    return "\n\n".join(
        [
            render.regions(env, labels, "", None, directory.counts()),
            f"## {t['search_heading']}",
            render.filters(env, labels, "", None),
            f"## {t['everywhere_heading']}",
            t["everywhere_intro"],
            render.script_slot(env, labels, "voor themas"),
            render.cards(env, directory.everywhere(), labels, 3),
        ]
    )


def region_page(directory: Directory, labels: Labels, region: str) -> str:
    env, t, root = directory.templates, labels.text, "../"
    blocks = [
        render.regions(env, labels, root, region, directory.counts()),
        f"## {t['search_heading']}",
        render.filters(env, labels, root, None),
        render.script_slot(env, labels, "voor themas"),
        f"## {heading(labels.in_region[region])}",
    ]
    local = directory.regional(region)
    blocks.append(render.cards(env, local, labels, 3) if local else t["no_local"])
    blocks += [
        f"## {t['everywhere_heading']}",
        render.cards(env, directory.everywhere(), labels, 3),
        f"[{t['back']}](index.md)",
    ]
    return "\n\n".join(blocks)


def filtered_page(
    directory: Directory,
    labels: Labels,
    kind: str,
    value: str,
    topics: Collection[str] = (),
) -> str:
    """The page of one group of people (kind 'voor') or theme ('thema').

    `topics`: the themes whose page on that form of violence exists in this language
    (docs/geweld/<theme>.md); others link to the Dutch page by its address.
    """
    env, t, root = directory.templates, labels.text, "../../"
    key = "voor" if kind == "voor" else "themas"
    chosen = [org for org in directory.organisations if value in getattr(org, key)]
    regions = ", ".join(f"[{name}](../{slug}.md)" for slug, name in labels.regions.items())
    blocks = [
        render.filters(env, labels, root, (kind, value)),
        t["choose_region_list"].format(regions=regions),
        render.script_slot(env, labels, "themas" if kind == "voor" else "voor"),
    ]
    if kind == "thema":
        text = t["what_is"].format(theme=labels.theme_phrase(value), Theme=labels.themes[value])
        own = value in topics or labels.language == "nl"
        target = f"../../geweld/{value}.md" if own else f"../../../../geweld/{value}/"
        blocks.insert(0, f"[{text}]({target})")
    if kind == "voor" and value in OWN_SITES and value in directory.audiences:
        url = f"{directory.audiences[value]}organisaties/"
        blocks.insert(0, t[f"own_site_{value}"].format(url=url))
    everywhere = [org for org in chosen if org.everywhere]
    if everywhere:
        blocks += [f"## {t['everywhere_heading']}", render.cards(env, everywhere, labels, 3)]
    local_blocks = []
    for slug in REGIONS:
        local = [org for org in chosen if slug in org.regios]
        if local:
            local_blocks += [
                f"### {heading(labels.in_region[slug])}",
                render.cards(env, local, labels, 4),
            ]
    if local_blocks:
        blocks += [f"## {t['nearby_heading']}", *local_blocks]
    if not chosen:
        blocks.append(t["nothing_chosen"])
    blocks.append(f"[{t['back']}](../index.md)")
    return "\n\n".join(blocks)


def audience_page(directory: Directory, audience: str) -> str:
    """The children's or youth site's page: only what serves them, in their words."""
    env, labels, voice = directory.templates, LABELS["nl"], render.VOICES[audience]
    chosen = [org for org in directory.organisations if audience in org.voor]
    everywhere = [org for org in chosen if org.everywhere]
    regional = [org for org in chosen if not org.everywhere]
    blocks = []
    if audience == "kinderen":
        # Children get one short list first, without a heading to read past.
        blocks.append(render.cards(env, everywhere, labels, 2, voice))
    else:
        blocks += [
            "## Overal in Vlaanderen en Brussel",
            render.cards(env, everywhere, labels, 3, voice),
        ]
    if regional:
        blocks.append("## Dicht bij jou")
        for slug, name in REGIONS.items():
            local = [org for org in regional if slug in org.regios]
            if local:
                blocks += [f"### Woon je in {name}?", render.cards(env, local, labels, 4, voice)]
    return "\n\n".join(blocks)


def expand(
    markdown: str, directory: Directory, language: str, topics: Collection[str] = ()
) -> tuple[str, list[Problem]]:
    """Each marker line replaced by its content; an unknown marker is an editor's problem."""
    labels = LABELS.get(language, LABELS["nl"])
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        kind, value = match.group(1), match.group(2)
        if kind == "overzicht" and value is None:
            return overview(directory, labels)
        if kind == "regio" and value in REGIONS:
            return region_page(directory, labels, value)
        if (kind == "voor" and value in WHO) or (kind == "thema" and value in THEMES):
            return filtered_page(directory, labels, kind, value, topics)
        if kind in OWN_SITES and value is None:
            return audience_page(directory, kind)
        line = markdown.count("\n", 0, match.start()) + 1
        problems.append(
            Problem(
                line,
                f"'{match.group(0).strip()}' kennen we niet. Schrijf "
                f"'<!-- organisaties: overzicht -->', '<!-- organisaties: kinderen -->' of "
                f"'<!-- organisaties: jongeren -->'.",
            )
        )
        return match.group(0)

    return MARKER.sub(replace, markdown), problems
