"""The Dutch sentences for what any data file's JSON schema finds."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from formhandler.core.schema_sentences import common_sentence, pointed_path

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"dagen": {"type": "array", "minItems": 1, "uniqueItems": True}},
}


def _error(data: object):  # type: ignore[no-untyped-def]
    return next(Draft202012Validator(SCHEMA).iter_errors(data))


def test_an_unknown_field_is_named_with_the_known_ones_and_pointed_at_itself() -> None:
    error = _error({"dagen": ["maandag"], "dagn": []})
    assert pointed_path(error) == ["dagn"]
    assert common_sentence(error, "kalender", " onder 'kalender'") == (
        "het veld 'dagn' onder 'kalender' kennen we niet. Controleer de schrijfwijze; "
        "mogelijke velden: dagen."
    )


def test_empty_and_twice_are_said_and_other_kinds_are_left_to_the_file() -> None:
    assert common_sentence(_error({"dagen": []}), "dagen", "") == (
        "'dagen' is leeg. Vul minstens één waarde in."
    )
    assert "twee keer" in str(common_sentence(_error({"dagen": [1, 1]}), "dagen", ""))
    assert common_sentence(_error({"dagen": "maandag"}), "dagen", "") is None
