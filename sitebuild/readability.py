"""How long the sentences are: one splitter, one word count and one set of limits for every
check of the children's and youth sites.

Three checks use it: the editor check on each children's page as written
(sitebuild/editor_checks.py), the check of the children's texts in data/organisaties.yml
(sitebuild/organisations/rules.py), and the test over the built children's and youth
pages (tests/site/test_readability.py), which reads only the article of each page.

A sentence ends at `.`, `!`, `?` or `…` (and closing quotes or brackets) followed by a space
or the end of its block, so `1712.be` stays one word; the end of a block (a heading, a
paragraph, a list item, a table cell) ends a sentence too: a list item without a full stop
is a sentence of its own. A word is a run of characters between spaces that holds a letter
or a digit, so a dash or an emoji does not count.
"""

from __future__ import annotations

import re

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
