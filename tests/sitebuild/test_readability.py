"""sitebuild/readability.py: the one sentence splitter, word count and limits, called directly."""

from __future__ import annotations

from sitebuild.readability import (
    KIDS_MAX_AVERAGE,
    KIDS_MAX_SENTENCE,
    children_problems,
    long_sentence,
    sentences_with_lines,
    split_sentences,
    word_count,
)


def test_a_word_holds_a_letter_or_a_digit() -> None:
    assert word_count("Bel 112 – meteen.") == 3
    assert word_count("Kijk op 1712.be 🙂") == 3
    assert word_count("mama/papa") == 1


def test_sentences_end_at_a_stop_and_a_space_or_the_end() -> None:
    assert split_sentences('Kijk op 1712.be! "Dit blijft tussen ons." Zegt iemand dat') == [
        "Kijk op 1712.be!",
        '"Dit blijft tussen ons."',
        "Zegt iemand dat",
    ]
    assert split_sentences("– …") == []  # no word: no sentence


def test_a_sentence_over_lines_starts_at_its_first_line() -> None:
    parts = [(7, "Dit is een zin"), (8, "die verder loopt. En nog"), (9, "een.")]
    assert sentences_with_lines(parts) == [
        (7, "Dit is een zin die verder loopt."),
        (8, "En nog een."),
    ]


def test_the_limits_are_the_content_issues() -> None:
    assert (KIDS_MAX_SENTENCE, KIDS_MAX_AVERAGE) == (20, 12)


def test_a_sentence_of_21_words_is_too_long_for_children_and_20_is_not() -> None:
    assert long_sentence(3, "woord " * 19 + "einde.") is None
    problem = long_sentence(3, "woord " * 20 + "einde.")
    assert problem is not None and problem.line == 3
    assert problem.message.startswith(
        "deze zin is te lang voor kinderen (21 woorden, hoogstens 20)"
    )


def test_a_page_averaging_over_twelve_words_is_reported_at_line_one() -> None:
    thirteen = "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien."
    problems = children_problems([(5, thirteen), (6, thirteen)])
    assert [problem.line for problem in problems] == [1]
    assert "gemiddeld 13,0 woorden" in problems[0].message
    assert children_problems([(5, thirteen), (6, "Kort.")]) == []
