"""The checks of data/organisaties.yml: its JSON schema, and what a schema cannot say.

At the start of every build the file is checked against data/organisaties.schema.json
(plus a few rules: unique ids, links to data/contact.yml, texts for children and young
people); each problem becomes a Dutch message naming the entry, its line and what to fix.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from formhandler.core.schema_sentences import common_sentence, pointed_path
from formhandler.core.yaml_lines import line_of, plain
from sitebuild import contact
from sitebuild.organisations.data import CheckResult, from_entry
from sitebuild.organisations.rules import rule_problems
from sitebuild.organisations.vocabulary import EVERYWHERE, REGIONS, SCHEMA, SOURCE, THEMES, WHO

REPOSITORY = Path(__file__).resolve().parents[2]
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


def is_belgian_number(number: object) -> bool:
    """A Belgian short number (1712, 116 000) or a 9-10 digit number from 0 or +32."""
    if not isinstance(number, str):
        return False
    digits = contact.digits(number)
    return bool(SHORT_NUMBER.match(digits) or LONG_NUMBER.match(digits))


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=["date"])
    checker.checks("belgisch-telefoonnummer")(is_belgian_number)
    return checker


def _schema(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


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
    where = f" onder '{name}'" if path else ""
    common = common_sentence(error, name, where)
    if common:
        return common
    if kind == "required":
        missing = next(key for key in error.validator_value if key not in (value or {}))
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
    if kind == "type" and last in ("gratis", "anoniem"):
        return f"'{last}' moet true (ja), false (nee) of null (weten we niet) zijn, niet '{value}'."
    if kind == "type" and error.validator_value == "array":
        return f"'{name}' moet een lijst zijn tussen rechte haken, bv. {name}: [waarde]."
    if kind == "type" and error.validator_value == "string":
        return f"'{name}' moet een tekst zijn. Zet de waarde tussen aanhalingstekens."
    if kind == "type":
        return f"'{name}' heeft niet de juiste vorm. Kijk naar het voorbeeld bovenaan het bestand."
    return f"'{name}' klopt niet ({error.message})."


def _entry_label(entry: Any, index: int) -> str:
    if isinstance(entry, dict):
        for key in ("naam", "id"):
            if isinstance(entry.get(key), str | int) and str(entry[key]).strip():
                return str(entry[key])
    return f"organisatie nr. {index + 1}"


def check(
    text: str,
    facts: dict[str, Any],
    source: str = SOURCE,
    *,
    schema_path: Path = REPOSITORY / SCHEMA,
) -> CheckResult:
    """Check the YAML text of the organisations; every problem is a Dutch message."""
    result = CheckResult()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = plain(yaml.safe_load(text))
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
    validator = Draft202012Validator(_schema(schema_path), format_checker=_format_checker())
    broken: set[int] = set()
    for error in validator.iter_errors(data):
        path = pointed_path(error)
        if not path:
            continue
        index = path[0]
        broken.add(index)
        line = line_of(root, path)
        label = _entry_label(data[index], index)
        found.append((line, f"{source}, regel {line} ({label}): {_explain(error)}"))

    seen: dict[str, int] = {}
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            continue
        label = _entry_label(entry, index)

        def problem(path: list[Any], what: str, index: int = index, label: str = label) -> None:
            line = line_of(root, [index, *path])
            found.append((line, f"{source}, regel {line} ({label}): {what}"))
            broken.add(index)

        for extra in rule_problems(entry, facts, seen, line_of(root, [index])):
            problem(*extra)
        if index not in broken:
            result.organisations.append(from_entry(entry, facts, line_of(root, [index])))
    result.problems = [message for _, message in sorted(found, key=lambda item: item[0])]
    if result.problems:
        result.organisations = []
    return result


def load(root: Path, facts: dict[str, Any] | None = None) -> CheckResult:
    """Read and check data/organisaties.yml of the repository at root.

    `facts`: data/contact.yml as already loaded (the build's `extra.contact`); read from
    the repository when not given.
    """
    if facts is None:
        facts = contact.load_contacts(root / contact.CONTACT_FILE)
    text = (root / SOURCE).read_text(encoding="utf-8")
    return check(text, facts, schema_path=root / SCHEMA)
