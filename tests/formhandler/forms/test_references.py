"""References: 8 characters without look-alikes, forgiving when typed back."""

from __future__ import annotations

from formhandler.forms.references import ALPHABET, LENGTH, new_reference, normalise


def test_references_have_eight_characters_without_look_alikes() -> None:
    for _ in range(2000):
        reference = new_reference()
        assert len(reference) == LENGTH == 8
        assert not set(reference) & set("0O1IL")
        assert set(reference) <= set(ALPHABET)


def test_references_do_not_repeat_in_a_few_thousand() -> None:
    made = [new_reference() for _ in range(5000)]
    assert len(set(made)) == len(made)


def test_a_typed_reference_is_found_again() -> None:
    assert normalise(" abcd-2345 ") == "ABCD2345"
    assert normalise("ABCD 2345") == "ABCD2345"
    assert normalise("ABCD0345") is None
    assert normalise("ABC") is None
