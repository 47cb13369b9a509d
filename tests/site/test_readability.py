"""Readability of the children's and youth sites, measured on the built pages.

Only the article (`<article class="md-content__inner">`) is read: navigation,
banner and footer are the same on every page and are not what a child reads
there. Sentences and words are counted by sitebuild/readability.py, the same
splitter and limits the editor check of the children's pages uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from sitebuild.readability import (
    KIDS_MAX_AVERAGE,
    KIDS_MAX_SENTENCE,
    YOUTH_MAX_AVERAGE,
    split_sentences,
    word_count,
)
from tests.support.site import built_pages

ROOT = Path(__file__).resolve().parents[2]

# Elements whose end is the end of a sentence, whatever punctuation they have.
BLOCKS = {
    *("address", "blockquote", "caption", "dd", "details", "div", "dt", "figcaption"),
    *("form", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "p", "pre", "section"),
    *("summary", "table", "td", "th", "tr", "ul"),
}
SKIPPED = {"script", "style", "template", "svg"}
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
BREAK = "\n"


class _ArticleText(HTMLParser):
    """The text inside the page's article, with a break at the end of every block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the article, the article included
        self.skipping = 0
        self.found = False
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
            self.parts.append(BREAK)

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in VOID:
            return
        self.depth -= 1
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping:
            self.parts.append(data)


def article_blocks(html: str) -> list[str]:
    """The text blocks of the article, each with its white space collapsed."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    if not parser.found:
        raise ValueError('no <article class="md-content__inner"> in the page')
    blocks = (" ".join(block.split()) for block in "".join(parser.parts).split(BREAK))
    return [block for block in blocks if block]


def sentences_of(html: str) -> list[str]:
    return [sentence for block in article_blocks(html) for sentence in split_sentences(block)]


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


def problems(
    pages: list[Readability],
    *,
    max_average: float | None = None,
    max_sentence: int | None = None,
) -> list[str]:
    """One line per problem, naming the page and quoting the sentence, for the editor."""
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


def audience_pages(site: Path, folder: str) -> list[Readability]:
    base = site / folder
    return [
        measure(
            f"/{folder}/{path.parent.relative_to(base).as_posix()}/".replace("/./", "/"),
            path.read_text(encoding="utf-8"),
        )
        for path in built_pages(base)
    ]


# ---------------------------------------------------------------------------
# The splitter and counter on a known text, so the limits below can fail.
# ---------------------------------------------------------------------------

KNOWN_PAGE = """<!doctype html><html><body>
<nav class="md-nav">Dit menu telt niet mee, ook niet met veel woorden erin.</nav>
<article class="md-content__inner md-typeset">
<h1>Wat is geweld?</h1>
<p>Geweld is als iemand je pijn doet. Kijk op 1712.be voor meer!
Ben je bang?</p>
<ul><li>slaan of schoppen</li><li>"Dit blijft tussen ons." Zegt iemand dat?</li></ul>
<p>Bel <a href="tel:112">112</a> &ndash; meteen.</p>
<script>var zin = "Dit script telt ook niet mee.";</script>
</article>
<footer>Ook de voettekst telt niet mee.</footer>
</body></html>"""

KNOWN_SENTENCES = [
    ("Wat is geweld?", 3),
    ("Geweld is als iemand je pijn doet.", 7),
    ("Kijk op 1712.be voor meer!", 5),
    ("Ben je bang?", 3),
    ("slaan of schoppen", 3),
    ('"Dit blijft tussen ons."', 4),
    ("Zegt iemand dat?", 3),
    ("Bel 112 \u2013 meteen.", 3),
]


def test_the_splitter_reads_only_the_article_and_counts_known_sentences() -> None:
    sentences = sentences_of(KNOWN_PAGE)
    assert [(s, word_count(s)) for s in sentences] == KNOWN_SENTENCES
    assert measure("/bekend/", KNOWN_PAGE).average == 31 / 8


def test_a_page_without_an_article_is_refused_rather_than_passed() -> None:
    try:
        sentences_of("<html><body><p>Alleen een menu.</p></body></html>")
    except ValueError as error:
        assert "md-content__inner" in str(error)
    else:
        raise AssertionError("a page without article text was measured")


def test_a_deliberately_long_childrens_page_fails_with_the_sentence_and_the_page() -> None:
    long_sentence = (
        "Als je merkt dat iemand in je omgeving je op een manier aanraakt die je niet "
        "fijn vindt, dan mag je dat altijd aan iemand vertellen die je vertrouwt."
    )
    html = (
        '<article class="md-content__inner"><h1>Te lang</h1>'
        f"<p>{long_sentence} Dat is goed.</p></article>"
    )
    page = measure("/kinderen/te-lang/", html)
    assert word_count(long_sentence) == 29
    found = problems([page], max_average=KIDS_MAX_AVERAGE, max_sentence=KIDS_MAX_SENTENCE)
    assert found == [
        f"/kinderen/te-lang/: zin van 29 woorden (hoogstens 20): \u201c{long_sentence}\u201d"
    ]


def test_a_deliberately_wordy_youth_page_fails_on_its_average() -> None:
    sixteen = (
        "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
        "vijftien zestien."
    )
    html = f'<article class="md-content__inner"><p>{sixteen} {sixteen}</p></article>'
    found = problems([measure("/jongeren/wollig/", html)], max_average=YOUTH_MAX_AVERAGE)
    assert len(found) == 1
    assert found[0].startswith("/jongeren/wollig/: gemiddeld 16.0 woorden per zin")


# ---------------------------------------------------------------------------
# The built children's and youth sites.
# ---------------------------------------------------------------------------


def _source_pages(folder: str) -> int:
    return len(list((ROOT / folder).glob("*.md")))


def test_every_childrens_and_youth_page_is_measured(site_dir: Path) -> None:
    # A renamed template or folder must not make the limits below pass on nothing.
    assert len(audience_pages(site_dir, "kinderen")) == _source_pages("kids") >= 10
    assert len(audience_pages(site_dir, "jongeren")) == _source_pages("youth") >= 10


def test_childrens_pages_average_at_most_12_words_a_sentence(site_dir: Path) -> None:
    found = problems(audience_pages(site_dir, "kinderen"), max_average=KIDS_MAX_AVERAGE)
    assert not found, "\n".join(found)


def test_no_sentence_on_a_childrens_page_is_longer_than_20_words(site_dir: Path) -> None:
    found = problems(audience_pages(site_dir, "kinderen"), max_sentence=KIDS_MAX_SENTENCE)
    assert not found, "\n".join(found)


def test_youth_pages_average_at_most_15_words_a_sentence(site_dir: Path) -> None:
    found = problems(audience_pages(site_dir, "jongeren"), max_average=YOUTH_MAX_AVERAGE)
    assert not found, "\n".join(found)
