"""Content checks for editors, in every build and every `mkdocs serve` (hooks/editor_checks.py).

Each page's file is read as the editor wrote it (before {{ … }} placeholders are filled
in), so every message can name the file and line and say in plain Dutch what to do. The
messages are warnings on the logger `mkdocs.plugins.1712.controle`: the strict build (always
used by tools.build_site and CI) fails on any of them. EDITING.md explains each message.

Checked: images without alt text (or a file name as alt text); link texts that say nothing
or are a bare web address; skipped heading levels and a second h1; a page without
`description:`; phone numbers typed by hand that data/contact.yml holds; on children's pages
sentences over 20 words and an average over 12. Campaign dates and audiences are checked by
hooks/news.py, which reads the news files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitebuild import frontmatter, readability
from sitebuild.problems import Problem

# Link texts that do not say where a link goes (WCAG 2.4.4; the 2022 audit of 1712's site).
VAGUE_LINK_TEXTS = {
    "klik hier",
    "klik",
    "hier",
    "lees meer",
    "lees verder",
    "meer",
    "meer info",
    "meer informatie",
    "link",
    "deze link",
    "cliquez ici",
    "ici",
    "lire la suite",
    "en savoir plus",
    "click here",
    "here",
    "read more",
    "more",
    "more info",
    "this link",
}
IMAGE_EXTENSIONS = r"(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?)"


@dataclass
class Page:
    """A page's file as written: front matter, and the body with code and comments blanked."""

    meta: dict[str, Any]
    body: str
    first_line: int

    def line_at(self, offset: int) -> int:
        return self.first_line + self.body.count("\n", 0, offset)


def _blank(match: re.Match[str]) -> str:
    # Keep the newlines so that offsets still give the right line.
    return re.sub(r"[^\n]", " ", match.group(0))


def _blank_code(body: str) -> str:
    lines = body.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and set(stripped) <= set(fence[0]):
                fence = None
            lines[index] = ""
            continue
        opening = re.match(r"^\s*(`{3,}|~{3,})", line)
        if opening:
            fence = opening.group(1)
            lines[index] = ""
    body = "\n".join(lines)
    body = re.sub(r"<!--.*?-->", _blank, body, flags=re.DOTALL)
    return re.sub(r"(`+)[^`\n].*?\1", _blank, body)


def read_page(text: str) -> Page:
    source = frontmatter.split(text)
    return Page(meta=source.meta, body=_blank_code(source.body), first_line=source.first_line)


# --- description -------------------------------------------------------------------------


def check_description(page: Page) -> list[Problem]:
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

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.IGNORECASE | re.DOTALL)


def _headings(page: Page) -> list[tuple[int, int, str]]:
    """(line, level, text) of every heading: '#', underlined with === or ---, and <h1>…<h6>."""
    found: list[tuple[int, int, str]] = []
    lines = page.body.split("\n")
    for index, line in enumerate(lines):
        atx = ATX_HEADING.match(line)
        if atx:
            found.append((page.first_line + index, len(atx.group(1)), (atx.group(2) or "")))
            continue
        underline = re.match(r"^ {0,3}(=+|-+)[ \t]*$", line)
        previous = lines[index - 1] if index else ""
        if (
            underline
            and previous.strip()
            and not ATX_HEADING.match(previous)
            and not re.match(r"^\s*([-*+]|\d+[.)])\s", previous)
            and not previous.lstrip().startswith(("|", "<", "!!!", "???"))
        ):
            level = 1 if underline.group(1)[0] == "=" else 2
            found.append((page.first_line + index - 1, level, previous.strip()))
    for match in HTML_HEADING.finditer(page.body):
        text = re.sub(r"<[^>]+>", "", match.group(2)).strip()
        found.append((page.line_at(match.start()), int(match.group(1)), text))
    return sorted(found)


def check_headings(page: Page, *, title_from_template: bool) -> list[Problem]:
    """One h1 (from the Markdown or, on home pages, from the template), no level skipped."""
    problems = []
    h1_seen = title_from_template
    previous = 1  # Material prints the title as h1 when the Markdown has none.
    for line, level, text in _headings(page):
        hashes = "#" * level
        if level == 1:
            if title_from_template:
                problems.append(
                    Problem(
                        line,
                        f"de kop '# {text}' is een tweede hoofdtitel: op een startpagina "
                        f"(template: home.html) maakt de website de hoofdtitel uit 'title:'. "
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
                    f"de kop '{hashes} {text}' slaat een niveau over: de kop ervoor had "
                    f"niveau {previous}. Schrijf '{'#' * (previous + 1)} {text}' of voeg eerst "
                    f"een kop van niveau {previous + 1} toe.",
                )
            )
        previous = level
    return problems


# --- images ------------------------------------------------------------------------------

MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\(\s*<?([^\s)>]*)|\[([^\]\n]*)\])")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
HTML_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def _is_file_name(alt: str, src: str) -> bool:
    alt = alt.strip()
    stem = Path(src.split("?")[0]).stem.lower() if src else ""
    return bool(
        re.fullmatch(rf"\S+\.{IMAGE_EXTENSIONS}", alt, re.IGNORECASE)
        or re.fullmatch(r"(?:img|dsc|dscn|pxl|image|foto|screenshot)[_\- ]?\d+", alt, re.I)
        or (stem and " " not in alt and alt.lower() == stem)
    )


def _images(page: Page) -> Iterator[tuple[int, str, str]]:
    for match in MARKDOWN_IMAGE.finditer(page.body):
        yield page.line_at(match.start()), match.group(1), match.group(2) or match.group(3) or ""
    for match in HTML_IMAGE.finditer(page.body):
        alt, src = HTML_ALT.search(match.group(0)), HTML_SRC.search(match.group(0))
        alt_text = (alt.group(1) or alt.group(2) or "") if alt else ""
        src_text = (src.group(1) or src.group(2) or "") if src else ""
        yield page.line_at(match.start()), alt_text, src_text


def check_images(page: Page) -> list[Problem]:
    problems = []
    for line, alt, src in _images(page):
        name = Path(src).name or src
        if not alt.strip():
            problems.append(
                Problem(
                    line,
                    f"de afbeelding '{name}' heeft geen alt-tekst. Wie de afbeelding niet ziet, "
                    f"hoort die tekst. Schrijf tussen de vierkante haken kort wat er te zien is, "
                    f"bijvoorbeeld ![Een meisje belt met een hulpverlener]({src}).",
                )
            )
        elif _is_file_name(alt, src):
            problems.append(
                Problem(
                    line,
                    f"de alt-tekst '{alt.strip()}' van de afbeelding '{name}' is een "
                    f"bestandsnaam. Beschrijf in gewone woorden wat er op de afbeelding te "
                    f"zien is.",
                )
            )
    return problems


# --- links -------------------------------------------------------------------------------

INLINE_LINK = re.compile(r"(?<![!\\])\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(")
REFERENCE_LINK = re.compile(r"(?<![!\\])\[((?:[^\[\]]|\[[^\[\]]*\])+)\]\[[^\]\n]*\]")
AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>", re.IGNORECASE)
HTML_LINK = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)


def _images_as_alt(body: str) -> str:
    # A linked image is read out by its alt text: that is the link's text.
    return MARKDOWN_IMAGE.sub(lambda m: m.group(1).ljust(len(m.group(0))), body)


def _link_texts(page: Page) -> Iterator[tuple[int, str]]:
    body = _images_as_alt(page.body)
    for pattern in (INLINE_LINK, REFERENCE_LINK, AUTOLINK, HTML_LINK):
        for match in pattern.finditer(body):
            yield page.line_at(match.start()), match.group(1)


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


def check_links(page: Page) -> list[Problem]:
    problems = []
    for line, raw in sorted(_link_texts(page)):
        text = _plain(raw)
        said = text.strip(" .,:;!?…»›→-").lower()
        if not said:
            problems.append(
                Problem(
                    line,
                    "deze link heeft geen tekst. Schrijf tussen de vierkante haken waar de "
                    "link naartoe gaat, bijvoorbeeld [de website van Awel](https://www.awel.be).",
                )
            )
        elif said in VAGUE_LINK_TEXTS:
            problems.append(
                Problem(
                    line,
                    f"de linktekst '{text}' zegt niet waar de link naartoe gaat. Schrijf de "
                    f"bestemming in de linktekst, bijvoorbeeld 'lees hoe je 1712 mailt' in "
                    f"plaats van '{text}'.",
                )
            )
        elif re.fullmatch(r"(?:https?://|ftp://|www\.)\S+", said):
            problems.append(
                Problem(
                    line,
                    f"de linktekst '{text}' is een webadres. Een schermlezer leest dat letter "
                    f"per letter voor. Schrijf in woorden waar de link naartoe gaat, "
                    f"bijvoorbeeld [de website van Awel](https://www.awel.be).",
                )
            )
    return problems


# --- phone numbers -----------------------------------------------------------------------


def phone_numbers(contact: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    """number -> (its name in data/contact.yml, whether the number is also a name like 1712)."""
    numbers = {}
    for name, entry in contact.items():
        if isinstance(entry, dict) and entry.get("telefoon"):
            number = str(entry["telefoon"])
            numbers[number] = (name, str(entry.get("naam")) == number)
    return numbers


def _without_link_targets(body: str) -> str:
    # Web addresses may hold digits; only tel: targets are phone numbers.
    return re.sub(r"\]\((?!\s*<?tel:)[^)\n]*\)", lambda m: "]" + " " * (len(m.group(0)) - 1), body)


def check_phone_numbers(page: Page, numbers: dict[str, tuple[str, bool]]) -> list[Problem]:
    body = _without_link_targets(page.body)
    body = re.sub(r"\{\{.*?\}\}", _blank, body)
    body = re.sub(r"""\b(?:href|src)\s*=\s*["'](?!tel:)[^"']*["']""", _blank, body, flags=re.I)
    found: dict[tuple[int, str], None] = {}
    for number, (_, is_name) in numbers.items():
        digits = re.escape(number)
        # 1712 is the helpline's name and its number: in running text ("Bel 1712", "Dan
        # belt 1712 je terug") it cannot drift from the facts file. Only a tel: link typed
        # by hand is flagged for it, so that every link that calls comes from the file.
        standalone = rf"(?<![\w.,]){digits}(?!\w|[.,]\d)"
        pattern = rf"tel:\s*{digits}(?!\d)" if is_name else standalone
        for match in re.finditer(pattern, body, re.IGNORECASE):
            found[(page.line_at(match.start()), number)] = None
    problems = []
    for line, number in found:
        name = numbers[number][0]
        problems.append(
            Problem(
                line,
                f"het telefoonnummer {number} is met de hand getypt. Schrijf "
                f"'{{{{ tel:{name} }}}}' voor een link die het nummer belt, of "
                f"'{{{{ {name}.telefoon }}}}' voor alleen het nummer. Dan komt het uit "
                f"data/contact.yml en klopt het overal.",
            )
        )
    return sorted(problems, key=lambda problem: problem.line)


# --- sentences on children's pages ------------------------------------------------------

LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _text_blocks(page: Page) -> Iterator[list[tuple[int, str]]]:
    """Runs of prose lines (paragraphs, list items) as (line, text), markup taken out."""
    block: list[tuple[int, str]] = []
    for index, raw in enumerate(page.body.split("\n")):
        line_no = page.first_line + index
        stripped = raw.strip()
        new_item = LIST_ITEM.match(raw)
        skip = (
            not stripped
            or ATX_HEADING.match(raw)
            or stripped.startswith(("|", "!!!", "???", "{:", "[//]"))
            or re.match(r"^\[[^\]]+\]:\s", stripped)
            or re.fullmatch(r"[-=*_ ]{3,}", stripped)
        )
        if skip or new_item:
            if block:
                yield block
            block = []
        if skip:
            continue
        text = LIST_ITEM.sub("", raw) if new_item else raw
        text = MARKDOWN_IMAGE.sub(" ", text)
        text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", text)
        text = re.sub(r"\{\{\s*(?:tel:)?([\w.]+)\s*\}\}", lambda m: m.group(1).split(".")[0], text)
        text = re.sub(r"\{[:#.][^}]*\}|\{\s*[\w-]+=[^}]*\}", " ", text)
        text = _plain(text)
        if text:
            block.append((line_no, text))
    if block:
        yield block


def sentences(page: Page) -> Iterator[tuple[int, str, int]]:
    """(line, sentence, number of words) of every sentence in the page's prose."""
    for block in _text_blocks(page):
        for line, text in readability.sentences_with_lines(block):
            yield line, text, readability.word_count(text)


def check_sentences(page: Page) -> list[Problem]:
    return readability.children_problems([(line, text) for line, text, _ in sentences(page)])


# --- all checks --------------------------------------------------------------------------


def check_text(
    text: str,
    *,
    numbers: dict[str, tuple[str, bool]],
    for_children: bool = False,
    needs_description: bool = True,
) -> list[Problem]:
    """Every check on one page's file; the problems sorted by line."""
    page = read_page(text)
    checks: list[Callable[[], list[Problem]]] = [
        lambda: check_headings(page, title_from_template=page.meta.get("template") == "home.html"),
        lambda: check_images(page),
        lambda: check_links(page),
        lambda: check_phone_numbers(page, numbers),
    ]
    if needs_description:
        checks.append(lambda: check_description(page))
    if for_children:
        checks.append(lambda: check_sentences(page))
    problems = [problem for check in checks for problem in check()]
    return sorted(problems, key=lambda problem: problem.line)


def format_problem(source: str, problem: Problem) -> str:
    return f"{source}, regel {problem.line}: {problem.message}"
