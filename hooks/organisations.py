"""The organisation map: one YAML file drives /organisaties/ and the children's and youth pages.

`data/organisaties.yml` is written by communications staff. At the start of every build it
is checked against `data/organisaties.schema.json` (plus a few rules a schema cannot say);
each problem becomes a Dutch message naming the entry, its line and what to fix, and the
build stops. Entries nobody has checked yet are listed for editors in the build output.

Pages (Dutch only, adult site):
- `docs/organisaties/index.md`: the map, the text list of regions, the filters and the
  organisations that work everywhere;
- generated here, one static page per region (`/organisaties/antwerpen/`), per group of
  people (`/organisaties/voor/slachtoffers/`) and per theme (`/organisaties/thema/stalking/`),
  so choosing a region or a filter is a plain link that works without JavaScript.
The children's and youth sites have one page each (`kids/organisaties.md`,
`youth/organisaties.md`) with only the organisations for them, in their own words.
A page asks for its content with a marker line such as `<!-- organisaties: kinderen -->`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.1712.organisaties")

SOURCE = "data/organisaties.yml"
EVERYWHERE = "vlaanderen-en-brussel"
REGIONS = {
    "antwerpen": "Antwerpen",
    "limburg": "Limburg",
    "oost-vlaanderen": "Oost-Vlaanderen",
    "west-vlaanderen": "West-Vlaanderen",
    "vlaams-brabant": "Vlaams-Brabant",
    "brussel": "Brussel",
}
# Region names as they read after "in": "in de provincie Antwerpen", "in Brussel".
REGIONS_IN = {
    slug: (name if slug == "brussel" else f"de provincie {name}") for slug, name in REGIONS.items()
}
WHO = {
    "kinderen": ("Kinderen", "kinderen (jonger dan 13)"),
    "jongeren": ("Jongeren", "jongeren"),
    "volwassenen": ("Volwassenen", "volwassenen"),
    "ouderen": ("Ouderen", "ouderen"),
    "slachtoffers": ("Slachtoffers", "wie zelf geweld meemaakt"),
    "naasten": ("Naasten", "wie iemand nabij heeft die geweld meemaakt"),
    "getuigen": ("Getuigen", "wie geweld ziet of hoort"),
    "plegers": ("Wie zelf geweld gebruikt", "wie zelf (soms) geweld gebruikt"),
}
THEMES = {
    "kindermishandeling": "Kindermishandeling en verwaarlozing",
    "partnergeweld": "Partnergeweld",
    "seksueel-geweld": "Seksueel geweld",
    "geweld-tegen-volwassenen": "Geweld tegen volwassenen",
    "ouderenmishandeling": "Ouderenmis(be)handeling",
    "vechtscheiding": "Vechtscheiding",
    "stalking": "Stalking",
    "online-geweld": "Online geweld",
}
# The children's site's limit for one sentence, as in hooks/editor_checks.py.
KIDS_MAX_WORDS = 20
MARKER = re.compile(r"^<!--\s*organisaties:\s*([a-z-]+)(?:\s+([a-z-]+))?\s*-->\s*$", re.M)
SHORT_NUMBER = re.compile(r"^(1\d{2,3}|116\d{3})$")
LONG_NUMBER = re.compile(r"^(0\d{8,9}|\+32\d{8,9})$")
FIELD_HINTS = {
    "id": "een korte unieke naam in kleine letters met streepjes, bv. 'caw-limburg'",
    "naam": "de naam van de organisatie",
    "wat": "met daaronder 'nl:' en in eigen woorden wat ze doen",
    "voor": "met de doelgroepen, bv. [volwassenen, slachtoffers]",
    "themas": "met de vormen van geweld, bv. [partnergeweld]",
    "regios": "met de regio's, bv. [antwerpen] of [vlaanderen-en-brussel]",
    "contact": "met minstens een website, telefoon of chat",
    "gratis": "met true, false of null (weten we niet)",
    "anoniem": "met true, false of null (weten we niet)",
    "nazicht": "en laat het leeg als nog niemand de gegevens heeft nagekeken",
    "datum": "met de datum van het nazicht als JJJJ-MM-DD",
    "door": "met wie de gegevens heeft nagekeken",
    "nl": "met de Nederlandse tekst",
}
# The word for one value of each list, with its article-dependent adjective ("het thema").
LIST_NAMES = {
    "regios": ("gekende regio", [*REGIONS, EVERYWHERE]),
    "themas": ("gekend thema", list(THEMES)),
    "voor": ("gekende doelgroep", list(WHO)),
}


# ---------------------------------------------------------------------------
# Reading and checking the data
# ---------------------------------------------------------------------------


@dataclass
class Organisation:
    """One checked entry, with its contact details resolved from data/contact.yml."""

    id: str
    naam: str
    wat: dict[str, str]
    voor: list[str]
    themas: list[str]
    regios: list[str]
    telefoon: str | None
    website: str | None
    chat: str | None
    uren: str | None
    gratis: bool | None
    anoniem: bool | None
    nazicht: dict[str, str] | None
    line: int
    kinderen: str | None = None
    jongeren: str | None = None

    def serves(self, region: str) -> bool:
        return EVERYWHERE in self.regios or region in self.regios

    @property
    def everywhere(self) -> bool:
        return EVERYWHERE in self.regios


@dataclass
class CheckResult:
    organisations: list[Organisation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def needing_review(self) -> list[Organisation]:
        return [org for org in self.organisations if not org.nazicht]


def _phone_digits(number: str) -> str:
    return re.sub(r"[\s./-]", "", number)


def is_belgian_number(number: object) -> bool:
    """A Belgian short number (1712, 116 000) or a 9-10 digit number from 0 or +32."""
    if not isinstance(number, str):
        return False
    digits = _phone_digits(number)
    return bool(SHORT_NUMBER.match(digits) or LONG_NUMBER.match(digits))


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=["date"])
    checker.checks("belgisch-telefoonnummer")(is_belgian_number)
    return checker


def _schema() -> dict[str, Any]:
    path = Path(__file__).resolve().parent.parent / "data" / "organisaties.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _plain(value: Any) -> Any:
    """YAML reads 2026-11-22 as a date; the schema and pages want the text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _line_of(root: yaml.Node | None, path: list[Any]) -> int:
    """The line (1-based) of the deepest node on `path` in the composed YAML."""
    node = root
    line = (node.start_mark.line + 1) if node is not None else 1
    for step in path:
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                break
            node = node.value[step]
            line = node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    line = key.start_mark.line + 1
                    node = value
                    break
            else:
                break
        else:
            break
    return line


def _field(path: list[Any]) -> str:
    names = [str(step) for step in path if not isinstance(step, int)]
    return ".".join(names) if names else "organisatie"


def _explain(error: ValidationError) -> str:
    """One schema error as a Dutch sentence saying what to fix."""
    path = list(error.absolute_path)[1:]
    name = _field(path)
    last = path[-1] if path else None
    value = error.instance
    kind = error.validator
    if kind == "required":
        missing = next(key for key in error.validator_value if key not in (value or {}))
        where = f" onder '{name}'" if path else ""
        hint = FIELD_HINTS.get(missing, "")
        return f"het veld '{missing}' ontbreekt{where}. Voeg '{missing}:' toe" + (
            f" {hint}." if hint else "."
        )
    if kind == "enum" and len(path) >= 2 and path[-2] in LIST_NAMES:
        what, allowed = LIST_NAMES[path[-2]]
        return f"'{value}' is geen {what}. Kies uit: {', '.join(allowed)}."
    if kind == "format" and error.validator_value == "belgisch-telefoonnummer":
        return (
            f"'{value}' is geen Belgisch telefoonnummer. Schrijf een kort nummer zoals 1712 of "
            f"116 000, of een nummer van 9 of 10 cijfers dat met 0 of +32 begint."
        )
    if kind == "format" and error.validator_value == "date":
        return f"'{value}' is geen datum. Schrijf de datum als JJJJ-MM-DD, bv. 2026-11-22."
    if kind == "pattern" and last in ("website", "chat"):
        if isinstance(value, str) and value.startswith("http://"):
            return f"het webadres '{value}' begint met http://. Schrijf https:// (veilig)."
        return (
            f"het webadres '{value}' begint niet met https://. Schrijf het volledige adres, "
            f"bv. https://www.voorbeeld.be."
        )
    if kind == "pattern" and last == "id":
        return f"de id '{value}' mag alleen kleine letters, cijfers en streepjes bevatten."
    if kind == "additionalProperties":
        known = ", ".join(error.schema.get("properties", {}))
        extra = [key for key in value if key not in error.schema.get("properties", {})]
        where = f" onder '{name}'" if path else ""
        return (
            f"het veld '{extra[0]}'{where} kennen we niet. Controleer de schrijfwijze; "
            f"mogelijke velden: {known}."
        )
    if kind == "type" and last in ("gratis", "anoniem"):
        return f"'{last}' moet true (ja), false (nee) of null (weten we niet) zijn, niet '{value}'."
    if kind == "type" and error.validator_value == "array":
        return f"'{name}' moet een lijst zijn tussen rechte haken, bv. {name}: [waarde]."
    if kind == "type" and error.validator_value == "string":
        return f"'{name}' moet een tekst zijn. Zet de waarde tussen aanhalingstekens."
    if kind == "type":
        return f"'{name}' heeft niet de juiste vorm. Kijk naar het voorbeeld bovenaan het bestand."
    if kind in ("minItems", "minProperties", "minLength"):
        return f"'{name}' is leeg. Vul minstens één waarde in."
    if kind == "uniqueItems":
        return f"'{name}' bevat dezelfde waarde twee keer. Laat de dubbele weg."
    return f"'{name}' klopt niet ({error.message})."


def _entry_label(entry: Any, index: int) -> str:
    if isinstance(entry, dict):
        for key in ("naam", "id"):
            if isinstance(entry.get(key), str | int) and str(entry[key]).strip():
                return str(entry[key])
    return f"organisatie nr. {index + 1}"


def check(text: str, contact: dict[str, Any], source: str = SOURCE) -> CheckResult:
    """Check the YAML text of the organisations; every problem is a Dutch message."""
    result = CheckResult()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = _plain(yaml.safe_load(text))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", regel {mark.line + 1}" if mark else ""
        result.problems.append(
            f"{source}{where}: dit is geen geldige YAML. Kijk na of de inspringing klopt en of "
            f"elke organisatie met '- id:' begint."
        )
        return result
    if not isinstance(data, list):
        result.problems.append(
            f"{source}: het bestand moet een lijst van organisaties zijn, elk beginnend met '- '."
        )
        return result

    found: list[tuple[int, str]] = []
    validator = Draft202012Validator(_schema(), format_checker=_format_checker())
    broken: set[int] = set()
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        if not path:
            continue
        index = path[0]
        broken.add(index)
        if error.validator == "additionalProperties":
            # Point at the unknown field itself, not at the start of the entry.
            known = error.schema.get("properties", {})
            path += [next(key for key in error.instance if key not in known)]
        line = _line_of(root, path)
        label = _entry_label(data[index], index)
        found.append((line, f"{source}, regel {line} ({label}): {_explain(error)}"))

    seen: dict[str, int] = {}
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            continue
        label = _entry_label(entry, index)

        def problem(path: list[Any], what: str, index: int = index, label: str = label) -> None:
            line = _line_of(root, [index, *path])
            found.append((line, f"{source}, regel {line} ({label}): {what}"))
            broken.add(index)

        for extra in _rule_problems(entry, contact, seen, _line_of(root, [index])):
            problem(*extra)
        if index not in broken:
            result.organisations.append(_organisation(entry, contact, _line_of(root, [index])))
    result.problems = [message for _, message in sorted(found, key=lambda item: item[0])]
    if result.problems:
        result.organisations = []
    return result


def _rule_problems(
    entry: dict[str, Any], contact: dict[str, Any], seen: dict[str, int], line: int
) -> list[tuple[list[Any], str]]:
    """What the schema cannot say: unique ids, links to contact.yml, texts per audience."""
    problems: list[tuple[list[Any], str]] = []
    ident = entry.get("id")
    if isinstance(ident, str):
        if ident in seen:
            problems.append(
                (
                    ["id"],
                    f"de id '{ident}' komt al voor op regel {seen[ident]}. "
                    f"Geef elke organisatie een eigen id.",
                )
            )
        else:
            seen[ident] = line
    details = entry.get("contact")
    if isinstance(details, dict):
        source_name = details.get("gegevens_uit")
        if source_name is not None and not isinstance(contact.get(source_name), dict):
            known = ", ".join(name for name, value in contact.items() if isinstance(value, dict))
            problems.append(
                (
                    ["contact", "gegevens_uit"],
                    f"'gegevens_uit: {source_name}' staat niet in data/contact.yml. "
                    f"Kies uit: {known}.",
                )
            )
        number = details.get("telefoon")
        if isinstance(number, str):
            for name, value in contact.items():
                if isinstance(value, dict) and _phone_digits(str(value.get("telefoon", ""))) == (
                    _phone_digits(number)
                ):
                    problems.append(
                        (
                            ["contact", "telefoon"],
                            f"het nummer {number} staat al in data/contact.yml (bij '{name}'). "
                            f"Schrijf 'gegevens_uit: {name}' in plaats van het nummer te typen, "
                            f"zodat het op één plek blijft.",
                        )
                    )
        reachable = {"telefoon", "website", "chat"} & {
            key for key, value in details.items() if value
        }
        if not reachable and not details.get("gegevens_uit"):
            problems.append(
                (
                    ["contact"],
                    "er staat geen telefoon, website of chat bij 'contact'. Voeg minstens "
                    "de website toe.",
                )
            )
    words_for_children = entry.get("kinderen")
    if isinstance(words_for_children, str):
        for sentence in re.split(r"(?<=[.!?])\s+", words_for_children.strip()):
            count = len(re.findall(r"[\w'’-]+", sentence))
            if count > KIDS_MAX_WORDS:
                problems.append(
                    (
                        ["kinderen"],
                        f"deze zin is te lang voor kinderen ({count} woorden, hoogstens "
                        f'{KIDS_MAX_WORDS}): "{sentence}" Maak er twee of meer korte zinnen van.',
                    )
                )
    regions = entry.get("regios")
    if isinstance(regions, list) and EVERYWHERE in regions and len(regions) > 1:
        problems.append(
            (
                ["regios"],
                f"'{EVERYWHERE}' betekent al: overal. Laat de andere regio's weg.",
            )
        )
    groups = entry.get("voor") if isinstance(entry.get("voor"), list) else []
    for audience, words in (("kinderen", "voor kinderen"), ("jongeren", "voor jongeren")):
        if audience in groups and not entry.get(audience):
            problems.append(
                (
                    ["voor"],
                    f"'{audience}' staat bij 'voor', maar de tekst '{audience}:' ontbreekt. "
                    f"Schrijf in één of twee korte zinnen, in woorden {words}, wat ze voor hen "
                    f"doen.",
                )
            )
        if entry.get(audience) and audience not in groups:
            problems.append(
                (
                    [audience],
                    f"er staat een tekst '{audience}:', maar '{audience}' staat niet bij "
                    f"'voor'. Voeg '{audience}' toe aan 'voor' of laat de tekst weg.",
                )
            )
    return problems


def _organisation(entry: dict[str, Any], contact: dict[str, Any], line: int) -> Organisation:
    details = dict(entry["contact"])
    merged: dict[str, Any] = {}
    source_name = details.pop("gegevens_uit", None)
    if source_name:
        shared = contact[source_name]
        for key in ("telefoon", "website", "uren"):
            if key in shared:
                merged[key] = _dutch(shared[key])
    merged.update(details)
    return Organisation(
        id=entry["id"],
        naam=entry["naam"],
        wat=entry["wat"],
        voor=entry["voor"],
        themas=entry["themas"],
        regios=entry["regios"],
        telefoon=merged.get("telefoon"),
        website=merged.get("website"),
        chat=merged.get("chat"),
        uren=merged.get("uren"),
        gratis=entry["gratis"],
        anoniem=entry["anoniem"],
        nazicht=entry["nazicht"],
        line=line,
        kinderen=entry.get("kinderen"),
        jongeren=entry.get("jongeren"),
    )


def _dutch(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("nl", ""))
    return str(value)


def load(root: Path) -> CheckResult:
    contact = yaml.safe_load((root / "data" / "contact.yml").read_text(encoding="utf-8"))
    text = (root / "data" / "organisaties.yml").read_text(encoding="utf-8")
    return check(text, contact)


# ---------------------------------------------------------------------------
# HTML pieces
# ---------------------------------------------------------------------------

e = html.escape


def tel_href(number: str) -> str:
    return "tel:" + _phone_digits(number)


@dataclass
class Voice:
    """How a page speaks: the adult site, the children's or the youth site."""

    audience: str
    free: str
    anonymous: str
    hours: str


VOICES = {
    "volwassenen": Voice("volwassenen", "Gratis", "Anoniem", "Bereikbaar"),
    "kinderen": Voice("kinderen", "Het kost niets", "Je hoeft je naam niet te zeggen", "Wanneer"),
    "jongeren": Voice("jongeren", "Gratis", "Je mag anoniem blijven", "Bereikbaar"),
}


def card(org: Organisation, voice: Voice, level: int) -> str:
    """One organisation: essential contact first, then the notes and what they do."""
    ways = []
    if org.telefoon:
        ways.append(
            f'<li><a class="org-bel" href="{tel_href(org.telefoon)}">Bel {e(org.telefoon)}</a></li>'
        )
    if org.chat:
        ways.append(f'<li><a href="{e(org.chat)}">Chat met {e(org.naam)}</a></li>')
    if org.website:
        ways.append(f'<li><a href="{e(org.website)}">Website van {e(org.naam)}</a></li>')
    text = org.wat["nl"] if voice.audience == "volwassenen" else getattr(org, voice.audience)
    notes = []
    if org.gratis:
        notes.append(f'<li class="org-noot">{voice.free}</li>')
    if org.anoniem:
        notes.append(f'<li class="org-noot">{voice.anonymous}</li>')
    parts = [
        f'<article class="org-kaart" id="org-{e(org.id)}" data-organisatie="{e(org.id)}" '
        f'data-voor="{" ".join(org.voor)}" data-themas="{" ".join(org.themas)}">',
        f'<h{level} class="org-naam">{e(org.naam)}</h{level}>',
        f'<ul class="org-contact">{"".join(ways)}</ul>',
    ]
    if org.uren:
        parts.append(f'<p class="org-uren">{voice.hours}: {e(org.uren)}</p>')
    if notes:
        parts.append(f'<ul class="org-noten">{"".join(notes)}</ul>')
    parts.append(f'<p class="org-wat">{e(text or "")}</p>')
    if voice.audience == "volwassenen" and not org.everywhere:
        regions = ", ".join(REGIONS[slug] for slug in org.regios)
        parts.append(f'<p class="org-regio">Werkt in: {e(regions)}</p>')
    parts.append("</article>")
    return "".join(parts)


def cards(orgs: list[Organisation], voice: Voice, level: int) -> str:
    inner = "\n".join(card(org, voice, level) for org in orgs)
    return f'<div class="org-kaarten">\n{inner}\n</div>'


def region_links(root: str, current: str | None, counts: dict[str, int]) -> str:
    items = []
    for slug, name in REGIONS.items():
        attrs = ' aria-current="page"' if slug == current else ""
        items.append(
            f'<li><a href="{root}{slug}/"{attrs}>{e(name)}</a> '
            f'<span class="org-aantal">({counts[slug]} organisaties)</span></li>'
        )
    return f'<ul class="org-regiolijst">{"".join(items)}</ul>'


def filter_links(root: str, current: tuple[str, str] | None) -> str:
    def links(kind: str, options: dict[str, str]) -> str:
        items = []
        for slug, label in options.items():
            attrs = ' aria-current="page"' if current == (kind, slug) else ""
            items.append(
                f'<li><a href="{root}{kind}/{slug}/" data-waarde="{slug}"{attrs}>'
                f"{e(label)}</a></li>"
            )
        return "".join(items)

    who = {slug: label for slug, (label, _) in WHO.items()}
    return (
        '<div class="org-filters">'
        '<nav class="org-filter" aria-labelledby="org-filter-voor" data-org-filter="voor">'
        '<p class="org-filter-titel" id="org-filter-voor">Wie ben je?</p>'
        f"<ul>{links('voor', who)}</ul></nav>"
        '<nav class="org-filter" aria-labelledby="org-filter-thema" data-org-filter="themas">'
        '<p class="org-filter-titel" id="org-filter-thema">Over welk soort geweld?</p>'
        f"<ul>{links('thema', THEMES)}</ul></nav>"
        "</div>"
    )


def _html_block(markup: str) -> str:
    """Raw HTML for Markdown: no blank lines, no indentation, so it stays one block."""
    return "\n".join(line.strip() for line in markup.splitlines() if line.strip())


# ---------------------------------------------------------------------------
# The pages
# ---------------------------------------------------------------------------


@dataclass
class Site:
    """What the page builders need: the checked data and the map template."""

    organisations: list[Organisation]
    render_map: Any = None
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

    def map_and_list(self, root: str, current: str | None) -> str:
        regions = [
            {
                "slug": slug,
                "naam": name,
                "url": f"{root}{slug}/",
                "aantal": self.counts()[slug],
                "huidig": slug == current,
            }
            for slug, name in REGIONS.items()
        ]
        drawn = self.render_map(regions=regions) if self.render_map else ""
        return _html_block(
            '<nav class="org-regios" aria-labelledby="org-regios-titel">'
            '<p class="org-regios-titel" id="org-regios-titel">Kies je regio</p>'
            f'<div class="org-regios-inhoud"><div class="org-kaart-svg">{drawn}</div>'
            f"{region_links(root, current, self.counts())}</div></nav>"
        )

    def script_slot(self, dimensions: str) -> str:
        # Filled by organisaties.js; without JavaScript it stays empty and hidden.
        return f'<div class="org-js-filter" data-org-js-filter="{dimensions}" hidden></div>'


ADULT = VOICES["volwassenen"]


def overview(site: Site) -> str:
    root = ""
    return "\n\n".join(
        [
            site.map_and_list(root, None),
            "## Zoek op wie je bent of op het soort geweld",
            _html_block(filter_links(root, None)),
            "## Overal in Vlaanderen en Brussel",
            "Deze organisaties helpen iedereen, waar je ook woont. Kies hierboven je regio "
            "om ook de hulp dicht bij jou te zien.",
            _html_block(site.script_slot("voor themas")),
            _html_block(cards(site.everywhere(), ADULT, 3)),
        ]
    )


def region_page(site: Site, region: str) -> str:
    root = "../"
    blocks = [
        site.map_and_list(root, region),
        "## Zoek op wie je bent of op het soort geweld",
        _html_block(filter_links(root, None)),
        _html_block(site.script_slot("voor themas")),
        f"## In {REGIONS_IN[region]}",
    ]
    local = site.regional(region)
    blocks.append(
        _html_block(cards(local, ADULT, 3))
        if local
        else "Er staan nog geen organisaties op de kaart die alleen in deze regio werken."
    )
    blocks += [
        "## Overal in Vlaanderen en Brussel",
        _html_block(cards(site.everywhere(), ADULT, 3)),
        "[Naar het overzicht van alle organisaties](index.md)",
    ]
    return "\n\n".join(blocks)


def filtered_page(site: Site, kind: str, value: str) -> str:
    root = "../../"
    key = "voor" if kind == "voor" else "themas"
    chosen = [org for org in site.organisations if value in getattr(org, key)]
    blocks = [
        _html_block(filter_links(root, (kind, value))),
        "Kies je regio: "
        + ", ".join(f"[{name}](../{slug}.md)" for slug, name in REGIONS.items())
        + ".",
        _html_block(site.script_slot("themas" if kind == "voor" else "voor")),
    ]
    if kind == "thema":
        blocks.insert(0, f"[Wat is {THEMES[value].lower()}?](../../geweld/{value}.md)")
    own_site = {"kinderen": "Ben je zelf een kind?", "jongeren": "Ben je zelf jong?"}
    if kind == "voor" and value in own_site and value in site.audiences:
        blocks.insert(
            0,
            f"{own_site[value]} Op [de site voor {value}]"
            f"({site.audiences[value]}organisaties/) staat wie jou kan helpen, in jouw woorden.",
        )
    everywhere = [org for org in chosen if org.everywhere]
    if everywhere:
        blocks += ["## Overal in Vlaanderen en Brussel", _html_block(cards(everywhere, ADULT, 3))]
    local_blocks = []
    for slug in REGIONS:
        local = [org for org in chosen if slug in org.regios]
        if local:
            local_blocks += [f"### In {REGIONS_IN[slug]}", _html_block(cards(local, ADULT, 4))]
    if local_blocks:
        blocks += ["## Dicht bij jou, per regio", *local_blocks]
    if not chosen:
        blocks.append("Voor deze keuze staan er nog geen organisaties op de kaart.")
    blocks.append("[Naar het overzicht van alle organisaties](../index.md)")
    return "\n\n".join(blocks)


def audience_page(site: Site, audience: str) -> str:
    voice = VOICES[audience]
    chosen = [org for org in site.organisations if audience in org.voor]
    blocks = []
    everywhere = [org for org in chosen if org.everywhere]
    regional = [org for org in chosen if not org.everywhere]
    if audience == "kinderen":
        # Children get one short list first, without a heading to read past.
        blocks.append(_html_block(cards(everywhere, voice, 2)))
    else:
        blocks += ["## Overal in Vlaanderen en Brussel", _html_block(cards(everywhere, voice, 3))]
    if regional:
        blocks.append("## Dicht bij jou")
        for slug, name in REGIONS.items():
            local = [org for org in regional if slug in org.regios]
            if local:
                blocks += [f"### Woon je in {name}?", _html_block(cards(local, voice, 4))]
    return "\n\n".join(blocks)


def generated_sources() -> dict[str, str]:
    """src_uri -> Markdown of every page this hook adds to the adult site."""
    pages = {}
    for slug, name in REGIONS.items():
        pages[f"organisaties/{slug}.md"] = _page(
            f"Organisaties in {name}",
            f"Waar kan je terecht in {REGIONS_IN[slug]} bij geweld, misbruik of "
            f"kindermishandeling? Organisaties met hun contactgegevens.",
            f"Deze organisaties helpen mensen in {REGIONS_IN[slug]}: eerst wie in deze "
            f"regio werkt, daarna wie overal in Vlaanderen en Brussel helpt.",
            f"regio {slug}",
        )
    for slug, (_, phrase) in WHO.items():
        pages[f"organisaties/voor/{slug}.md"] = _page(
            f"Organisaties voor {phrase}",
            f"Organisaties die helpen bij geweld, misbruik of kindermishandeling, voor {phrase}.",
            f"Deze organisaties helpen {phrase}. Wil je iets anders kiezen? Gebruik de lijsten "
            f"hieronder.",
            f"voor {slug}",
        )
    for slug, label in THEMES.items():
        pages[f"organisaties/thema/{slug}.md"] = _page(
            f"Organisaties bij {label.lower()}",
            f"Organisaties die helpen bij {label.lower()}, overal en per regio.",
            f"Deze organisaties helpen bij {label.lower()}.",
            f"thema {slug}",
        )
    return pages


def _page(title: str, description: str, intro: str, marker: str) -> str:
    return (
        f'---\ntitle: "{title}"\ndescription: "{description}"\n---\n\n'
        f"# {title}\n\n{intro}\n\n<!-- organisaties: {marker} -->\n"
    )


def expand(markdown: str, site: Site, source: str) -> str:
    """Replace each marker line with its content; an unknown marker is an editor's error."""

    def replace(match: re.Match[str]) -> str:
        kind, value = match.group(1), match.group(2)
        if kind == "overzicht" and value is None:
            return overview(site)
        if kind == "regio" and value in REGIONS:
            return region_page(site, value)
        if kind == "voor" and value in WHO:
            return filtered_page(site, "voor", value)
        if kind == "thema" and value in THEMES:
            return filtered_page(site, "thema", value)
        if kind in ("kinderen", "jongeren") and value is None:
            return audience_page(site, kind)
        line = markdown.count("\n", 0, match.start()) + 1
        log.warning(
            f"{source}, regel {line}: '{match.group(0).strip()}' kennen we niet. Schrijf "
            f"'<!-- organisaties: overzicht -->', '<!-- organisaties: kinderen -->' of "
            f"'<!-- organisaties: jongeren -->'."
        )
        return match.group(0)

    return MARKER.sub(replace, markdown)


# ---------------------------------------------------------------------------
# MkDocs events
# ---------------------------------------------------------------------------

_state: dict[str, Any] = {}
GENERATED = set(generated_sources())


def _root(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def _i18n(config: Any) -> Any:
    return config.plugins.get("i18n")


def _default_language_build(config: Any) -> bool:
    plugin = _i18n(config)
    if plugin is None:
        return True
    default = getattr(plugin, "default_language", None)
    # Before the plugin's own on_config (priority -100) of the first pass, it is still None.
    return (getattr(plugin, "current_language", None) or default) == default


def on_config(config: Any) -> Any:
    result = load(_root(config))
    if result.problems:
        raise PluginError(
            "De lijst van organisaties bevat fouten. Pas ze aan in data/organisaties.yml:\n"
            + "\n".join(f"  - {problem}" for problem in result.problems)
        )
    # MkDocs renders the pages' Markdown before on_env, so the map template is read
    # through the theme's own environment here (overrides/ first, like every template).
    template = config.theme.get_env().get_template("partials/organisations-map.html")
    _state["site"] = Site(
        result.organisations,
        render_map=template.render,
        audiences=dict(config.extra.get("audiences") or {}),
    )
    # Editors see what still needs checking; once per build, never on the site itself.
    if config.extra.get("audience") == "volwassenen" and _default_language_build(config):
        todo = result.needing_review()
        if todo:
            log.info(
                f"{SOURCE}: {len(todo)} organisaties zijn nog niet nagekeken. Controleer ze "
                f"bij de organisatie zelf en vul 'nazicht' in:\n"
                + "\n".join(f"  - regel {org.line}: {org.naam}" for org in todo)
            )
    return config


def on_serve(server: Any, *, config: Any, builder: Any) -> Any:
    # `mkdocs serve` rebuilds when an editor saves data/organisaties.yml.
    server.watch(str(_root(config) / "data" / "organisaties.yml"))
    return server


# After mkdocs-static-i18n (priority -100) has sorted the files per language: our pages
# are Dutch only, so they are added to the Dutch build and never to /fr/ or /en/.
@event_priority(-110)
def on_files(files: Files, *, config: Any) -> Files:
    if config.extra.get("audience") != "volwassenen" or not _default_language_build(config):
        return files
    added = [
        File.generated(config, src_uri, content=content)
        for src_uri, content in generated_sources().items()
    ]
    for file in added:
        file.alternates = {}  # Dutch only: no other language has these pages
        files.append(file)
    # The plugin's sitemap.xml lists the files it sorted; add ours to the Dutch list.
    plugin = _i18n(config)
    per_language = getattr(plugin, "i18n_files_per_language", None)
    if isinstance(per_language, dict):
        per_language.setdefault(plugin.default_language, []).extend(added)
    return files


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    if "<!--" not in markdown:
        return markdown
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    return expand(markdown, _state["site"], source)


# mkdocs-static-i18n sets the language menu only for files it knows; for our generated
# pages it would keep the previous page's links. Point them at each language's home.
@event_priority(40)
def on_page_context(context: Any, *, page: Any, config: Any, nav: Any) -> Any:
    plugin = _i18n(config)
    if plugin is not None and page.file.src_uri in GENERATED:
        alternates = getattr(plugin, "extra_alternate", None)
        if alternates:
            config.extra.alternate = deepcopy(alternates)
            for alternate in config.extra.alternate:
                if alternate.get("lang") == getattr(plugin, "default_language", None):
                    alternate["link"] = page.abs_url or alternate["link"]
    return context
