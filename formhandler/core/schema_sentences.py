"""What the data files' JSON schemas find, said in Dutch the same way for every file.

data/contact.yml (formhandler/core/calendar_file.py) and data/organisaties.yml
(sitebuild/organisations/schema.py) each explain their own fields; the mistakes any
schema finds (a field it does not know, an empty list, a value twice) read the same in
both, and an unknown field is pointed at on its own line.
"""

from __future__ import annotations

from typing import Any

from jsonschema.exceptions import ValidationError


def unknown_field(error: ValidationError) -> str:
    """The first field of an `additionalProperties` error that the schema does not know."""
    known = error.schema.get("properties", {})
    return str(next(key for key in error.instance if key not in known))


def pointed_path(error: ValidationError) -> list[Any]:
    """The path to look up the line of: the unknown field itself, not its section."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties":
        path.append(unknown_field(error))
    return path


def common_sentence(error: ValidationError, name: str, where: str) -> str | None:
    """The sentence for a mistake any schema finds; None for the file's own kinds.

    `name` is the field in the file ("kalender.chat"), `where` the words that place an
    unknown field (" onder 'kalender'", or "" at the top of an entry)."""
    kind = error.validator
    if kind == "additionalProperties":
        known = ", ".join(error.schema.get("properties", {}))
        return (
            f"het veld '{unknown_field(error)}'{where} kennen we niet. Controleer de "
            f"schrijfwijze; mogelijke velden: {known}."
        )
    if kind in ("minItems", "minProperties", "minLength"):
        return f"'{name}' is leeg. Vul minstens één waarde in."
    if kind == "uniqueItems":
        return f"'{name}' bevat dezelfde waarde twee keer. Laat de dubbele weg."
    return None
