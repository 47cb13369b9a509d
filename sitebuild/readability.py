"""How long the sentences are: one splitter, one word count and one set of limits for every
check of the children's and youth sites.

Three checks use it: the editor check on each children's page as written
(sitebuild/editor_checks.py), the check of the children's texts in data/organisaties.yml
(sitebuild/organisations/rules.py), and the test over the built pages
(tests/site/test_readability.py), which reads only the article of each page.

A sentence ends at `.`, `!`, `?` or `…` (and closing quotes or brackets) followed by a space
or the end of its block, so `1712.be` stays one word; the end of a block (a heading, a
paragraph, a list item, a table cell) ends a sentence too: a list item without a full stop
is a sentence of its own. A word is a run of characters between spaces that holds a letter
or a digit, so a dash or an emoji does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from sitebuild.problems import Problem

KIDS_MAX_SENTENCE = 20  # words in one sentence on a children's page
KIDS_MAX_AVERAGE = 12  # words a sentence on average, children's page
YOUTH_MAX_AVERAGE = 15  # words a sentence on average, youth page

SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_WORD = re.compile(r"\w")


def word_count(sentence: str) -> int:
    return sum(1 for token in sentence.split() if _WORD.search(token))


def sentences_with_lines(parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The sentences of one block given as (line, text) pieces, each with its first line."""
    joined, starts = "", []
    for line, text in parts:
        starts.append((len(joined), line))
        joined += " ".join(text.split()) + " "
    found, start = [], 0
    ends = [match.end() for match in SENTENCE_END.finditer(joined)] + [len(joined)]
    for end in ends:
        piece = joined[start:end]
        sentence = piece.strip()
        if word_count(sentence):
            offset = start + len(piece) - len(piece.lstrip())
            found.append((max(line for at, line in starts if at <= offset), sentence))
        start = end
    return found


def split_sentences(block: str) -> list[str]:
    """The sentences of one block of text."""
    return [sentence for _, sentence in sentences_with_lines([(0, block)])]


# --- the children's limits as the editor reads them ------------------------------------


def long_sentence(line: int, sentence: str, limit: int = KIDS_MAX_SENTENCE) -> Problem | None:
    """The problem of one sentence too long for children, or None."""
    count = word_count(sentence)
    if count <= limit:
        return None
    return Problem(
        line,
        f"deze zin is te lang voor kinderen ({count} woorden, hoogstens {limit}): "
        f'"{sentence}" Maak er twee of meer korte zinnen van.',
    )


def children_problems(sentences: list[tuple[int, str]]) -> list[Problem]:
    """Each sentence over the limit, and an average over the limit, for a children's page."""
    problems = [
        problem for line, sentence in sentences if (problem := long_sentence(line, sentence))
    ]
    if sentences:
        average = sum(word_count(sentence) for _, sentence in sentences) / len(sentences)
        if average > KIDS_MAX_AVERAGE:
            shown = f"{average:.1f}".replace(".", ",")
            problems.append(
                Problem(
                    1,
                    f"de zinnen op deze pagina tellen gemiddeld {shown} woorden; voor kinderen "
                    f"is dat hoogstens {KIDS_MAX_AVERAGE}. Maak de langste zinnen korter of "
                    f"splits ze in twee.",
                )
            )
    return problems


# --- built pages -------------------------------------------------------------------------

# Elements whose end is the end of a sentence, whatever punctuation they have.
BLOCKS = {
    *("address", "blockquote", "caption", "dd", "details", "div", "dt", "figcaption"),
    *("form", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "p", "pre", "section"),
    *("summary", "table", "td", "th", "tr", "ul"),
}
SKIPPED = {"script", "style", "template", "svg"}
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
_BREAK = "\n"


class _Text(HTMLParser):
    """The text of HTML with a break at the end of every block; in a page, only its article."""

    def __init__(self, *, article_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0 if article_only else 1  # open elements inside the text that counts
        self.skipping = 0
        self.found = not article_only
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if not self.depth:
            if tag == "article" and "md-content__inner" in classes:
                self.depth, self.found = 1, True
            return
        if tag in VOID:
            if tag == "br":
                self.parts.append(" ")
            return
        self.depth += 1
        if tag in SKIPPED:
            self.skipping += 1
        if tag in BLOCKS:
            self.parts.append(_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in VOID:
            return
        self.depth -= 1
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in BLOCKS:
            self.parts.append(_BREAK)

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping:
            self.parts.append(data)


def text_blocks(html: str, *, article_only: bool = True) -> list[str]:
    """The text blocks of a page's article (or of any HTML), white space collapsed."""
    parser = _Text(article_only=article_only)
    parser.feed(html)
    parser.close()
    if not parser.found:
        raise ValueError('no <article class="md-content__inner"> in the page')
    blocks = (" ".join(block.split()) for block in "".join(parser.parts).split(_BREAK))
    return [block for block in blocks if block]


def sentences_of(html: str) -> list[str]:
    """Every sentence of a built page's article."""
    return [sentence for block in text_blocks(html) for sentence in split_sentences(block)]


@dataclass
class Readability:
    page: str
    sentences: list[str]

    @property
    def average(self) -> float:
        return sum(map(word_count, self.sentences)) / len(self.sentences)

    def longer_than(self, limit: int) -> list[str]:
        return [s for s in self.sentences if word_count(s) > limit]


def measure(page: str, html: str) -> Readability:
    return Readability(page, sentences_of(html))


def report(
    pages: list[Readability],
    *,
    max_average: float | None = None,
    max_sentence: int | None = None,
) -> list[str]:
    """One line per problem over built pages, naming the page and quoting the sentence."""
    found = []
    for page in pages:
        if not page.sentences:
            found.append(f"{page.page}: geen tekst gevonden in het artikel")
            continue
        if max_average is not None and page.average > max_average:
            found.append(
                f"{page.page}: gemiddeld {page.average:.1f} woorden per zin "
                f"(hoogstens {max_average}); de langste zinnen: "
                + " | ".join(sorted(page.sentences, key=word_count, reverse=True)[:3])
            )
        if max_sentence is not None:
            for sentence in page.longer_than(max_sentence):
                found.append(
                    f"{page.page}: zin van {word_count(sentence)} woorden "
                    f"(hoogstens {max_sentence}): \u201c{sentence}\u201d"
                )
    return found
