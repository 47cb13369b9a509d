"""Content checks for editors, in every build and every `mkdocs serve` (hooks/editor_checks.py).

Each page's file is read as the editor wrote it (before {{ … }} placeholders are filled
in) and parsed into Markdown tokens with their lines (sitebuild/markdown_page.py), so every
message can name the file and line and say in plain Dutch what to do. The hook logs them as
warnings: the strict build (always used by tools.build_site and CI) fails on any of them.
EDITING.md explains each message.

Checked: images without alt text (or a file name as alt text); link texts that say nothing
or are a bare web address; skipped heading levels and a second h1; a page without
`description:`; phone numbers typed by hand that data/contact.yml holds; on children's pages
sentences over 20 words and an average over 12 (sitebuild/readability.py). Campaign dates
and audiences are checked by sitebuild/news.py, which reads the news files.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sitebuild import contact, readability
from sitebuild.markdown_page import ParsedPage, parse
from sitebuild.problems import Problem

# Link texts that do not say where a link goes (WCAG 2.4.4; the 2022 audit of 1712's site).
VAGUE_LINK_TEXTS = {
    *("klik hier", "klik", "hier", "lees meer", "lees verder", "meer", "meer info"),
    *("meer informatie", "link", "deze link", "cliquez ici", "ici", "lire la suite"),
    *("en savoir plus", "click here", "here", "read more", "more", "more info", "this link"),
}
IMAGE_EXTENSIONS = r"(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?)"
# Templates that print the page's main heading from 'title:' (overrides/home.html, chat.html).
TITLE_TEMPLATES = {"home.html": "startpagina", "chat.html": "chatpagina"}


def read_page(text: str, facts: dict[str, Any] | None = None) -> ParsedPage:
    """A page's file parsed; with the contact facts, placeholders read as their Dutch text."""

    def fill(is_tel: bool, name: str) -> str:
        value = contact.lookup(facts or {}, f"{name}.telefoon" if is_tel else name)
        value = contact.in_language(value, "nl")
        return str(value) if isinstance(value, str | int) else name.split(".")[0]

    return parse(text, fill)


# --- description -------------------------------------------------------------------------


def check_description(page: ParsedPage) -> list[Problem]:
    if str(page.meta.get("description") or "").strip():
        return []
    return [
        Problem(
            1,
            "deze pagina heeft geen beschrijving. Zet bovenaan, tussen de twee lijnen '---', "
            "een regel 'description: \"…\"' met één zin over wat er op de pagina staat. "
            "Zoekmachines en gedeelde links tonen die zin.",
        )
    ]


# --- headings ----------------------------------------------------------------------------


def check_headings(page: ParsedPage, *, title_from_template: bool) -> list[Problem]:
    """One h1 (from the Markdown or, on home and chat pages, from the template), no level
    skipped."""
    problems = []
    template = str(page.meta.get("template", "home.html"))
    h1_seen = title_from_template
    previous = 1  # Material prints the title as h1 when the Markdown has none.
    for heading in page.headings:
        line, level, text = heading.line, heading.level, heading.text
        if level == 1:
            if title_from_template:
                problems.append(
                    Problem(
                        line,
                        f"de kop '# {text}' is een tweede hoofdtitel: op een "
                        f"{TITLE_TEMPLATES.get(template, 'startpagina')} (template: {template}) "
                        f"maakt de website de hoofdtitel uit 'title:'. "
                        f"Maak er een kop van niveau 2 van: '## {text}'.",
                    )
                )
            elif h1_seen:
                problems.append(
                    Problem(
                        line,
                        f"de kop '# {text}' is een tweede hoofdtitel. Een pagina heeft maar "
                        f"één kop met één '#'. Maak er een kop van niveau 2 van: '## {text}'.",
                    )
                )
            h1_seen = True
        elif level > previous + 1:
            problems.append(
                Problem(
                    line,
                    f"de kop '{'#' * level} {text}' slaat een niveau over: de kop ervoor had "
                    f"niveau {previous}. Schrijf '{'#' * (previous + 1)} {text}' of voeg eerst "
                    f"een kop van niveau {previous + 1} toe.",
                )
            )
        previous = level
    return problems


# --- images ------------------------------------------------------------------------------


def _is_file_name(alt: str, src: str) -> bool:
    alt = alt.strip()
    stem = Path(src.split("?")[0]).stem.lower() if src else ""
    return bool(
        re.fullmatch(rf"\S+\.{IMAGE_EXTENSIONS}", alt, re.IGNORECASE)
        or re.fullmatch(r"(?:img|dsc|dscn|pxl|image|foto|screenshot)[_\- ]?\d+", alt, re.I)
        or (stem and " " not in alt and alt.lower() == stem)
    )


def check_images(page: ParsedPage) -> list[Problem]:
    problems = []
    for image in page.images:
        src, alt = unquote(image.src), image.alt
        name = Path(src).name or src
        if not alt.strip():
            problems.append(
                Problem(
                    image.line,
                    f"de afbeelding '{name}' heeft geen alt-tekst. Wie de afbeelding niet ziet, "
                    f"hoort die tekst. Schrijf tussen de vierkante haken kort wat er te zien is, "
                    f"bijvoorbeeld ![Een meisje belt met een hulpverlener]({src}).",
                )
            )
        elif _is_file_name(alt, src):
            problems.append(
                Problem(
                    image.line,
                    f"de alt-tekst '{alt.strip()}' van de afbeelding '{name}' is een "
                    f"bestandsnaam. Beschrijf in gewone woorden wat er op de afbeelding te "
                    f"zien is.",
                )
            )
    return problems


# --- links -------------------------------------------------------------------------------


def check_links(page: ParsedPage) -> list[Problem]:
    problems = []
    for link in sorted(page.links, key=lambda link: link.line):
        text = link.text
        said = text.strip(" .,:;!?…»›→-").lower()
        if not said:
            problems.append(
                Problem(
                    link.line,
                    "deze link heeft geen tekst. Schrijf tussen de vierkante haken waar de "
                    "link naartoe gaat, bijvoorbeeld [de website van Awel](https://www.awel.be).",
                )
            )
        elif said in VAGUE_LINK_TEXTS:
            problems.append(
                Problem(
                    link.line,
                    f"de linktekst '{text}' zegt niet waar de link naartoe gaat. Schrijf de "
                    f"bestemming in de linktekst, bijvoorbeeld 'lees hoe je 1712 mailt' in "
                    f"plaats van '{text}'.",
                )
            )
        elif re.fullmatch(r"(?:https?://|ftp://|www\.)\S+", said):
            problems.append(
                Problem(
                    link.line,
                    f"de linktekst '{text}' is een webadres. Een schermlezer leest dat letter "
                    f"per letter voor. Schrijf in woorden waar de link naartoe gaat, "
                    f"bijvoorbeeld [de website van Awel](https://www.awel.be).",
                )
            )
    return problems


# --- phone numbers -----------------------------------------------------------------------


def check_phone_numbers(page: ParsedPage, numbers: list[contact.PhoneNumber]) -> list[Problem]:
    """Numbers of data/contact.yml typed by hand: in the text, or as a tel: link.

    1712 is the helpline's name and its number: in running text ("Bel 1712", "Dan belt
    1712 je terug") it cannot drift from the facts file. Only a tel: link typed by hand is
    reported for it, so that every link that calls comes from the file.
    """
    found: dict[tuple[int, str], contact.PhoneNumber] = {}
    calls = [
        (link.line, contact.digits(unquote(link.href)[4:]))
        for link in page.links
        if link.href.lower().startswith("tel:")
    ]
    for number in numbers:
        for line, called in calls:
            if called == contact.digits(number.number):
                found.setdefault((line, number.number), number)
        if number.is_name:
            continue
        standalone = re.compile(rf"(?<![\w.,]){re.escape(number.number)}(?!\w|[.,]\d)")
        for line, text in page.texts:
            if standalone.search(text):
                found.setdefault((line, number.number), number)
    problems = [
        Problem(
            line,
            f"het telefoonnummer {number.number} is met de hand getypt. Schrijf "
            f"'{{{{ tel:{number.name} }}}}' voor een link die het nummer belt, of "
            f"'{{{{ {number.name}.telefoon }}}}' voor alleen het nummer. Dan komt het uit "
            f"data/contact.yml en klopt het overal.",
        )
        for (line, _), number in found.items()
    ]
    return sorted(problems, key=lambda problem: problem.line)


# --- sentences on children's pages ------------------------------------------------------


def sentences(page: ParsedPage) -> list[tuple[int, str, int]]:
    """(line, sentence, number of words) of every sentence in the page's prose."""
    return [
        (line, text, readability.word_count(text))
        for block in page.prose
        for line, text in readability.sentences_with_lines(block)
    ]


def check_sentences(page: ParsedPage) -> list[Problem]:
    return readability.children_problems([(line, text) for line, text, _ in sentences(page)])


# --- all checks --------------------------------------------------------------------------


def check_page(
    text: str,
    *,
    facts: dict[str, Any],
    for_children: bool = False,
    needs_description: bool = True,
) -> list[Problem]:
    """Every check on one page's file, with the contact facts; the problems sorted by line."""
    page = read_page(text, facts)
    problems = [
        *check_headings(page, title_from_template=page.meta.get("template") in TITLE_TEMPLATES),
        *check_images(page),
        *check_links(page),
        *check_phone_numbers(page, contact.phone_numbers(facts)),
    ]
    if needs_description:
        problems += check_description(page)
    if for_children:
        problems += check_sentences(page)
    return sorted(problems, key=lambda problem: problem.line)
