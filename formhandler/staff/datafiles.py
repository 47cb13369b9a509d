"""The newsroom's view of the two data files, and how a save goes back into them.

Decap CMS edits a file as one object and writes it out again from scratch: the comments
that explain `data/organisaties.yml` and `data/contact.yml` to people with a text editor,
and the shared blocks (`&caw_wat` … `*caw_wat`) would be gone after the first save. So the
newsroom shows Decap these files as JSON (the organisations as `{"organisaties": [...]}`,
since Decap edits objects, not lists) and puts a save back into the YAML itself
(ruamel.yaml round trip): what did not change keeps its text, comments and shared blocks;
a changed value is written in place. A shared block that one organisation changes stays
shared by the others (its old value is written once where the next one uses it).

Organisations are checked against `data/organisaties.schema.json` before anything is
written: an unknown theme, region or group is refused with a Dutch message.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from formhandler.core.calendar_file import CalendarError, parse_calendar

ORGANISATIONS = "data/organisaties.yml"
CONTACT = "data/contact.yml"
DATA_FILES = (ORGANISATIONS, CONTACT)
# The organisations file is a list; Decap edits objects, so it sees the list under this key.
LIST_KEY = "organisaties"
# Yes, no or not known: a choice of three words in the newsroom, true/false/null in the file.
THREE_WAY = ("gratis", "anoniem")
WORDS = {True: "ja", False: "nee", None: "weten we niet zeker"}
FIELD_NAMES = {"themas": "gekend thema", "regios": "gekende regio", "voor": "gekende groep"}


class DataFileError(ValueError):
    """A save the newsroom refuses; the text says what to change, in Dutch."""


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments, anchors, key order and quotes are kept
    yaml.width = 4096  # never wrap a line itself; see _keep_layout
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.preserve_quotes = True
    yaml.representer.add_representer(
        type(None), lambda dumper, _: dumper.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def _chunks(text: str) -> list[str]:
    """The text cut before every top-level list entry ('- ' at the start of a line)."""
    return re.split(r"(?m)^(?=- )", text)


def _words(text: str) -> list[str]:
    # `key:` and `key: null` are the same value.
    return re.sub(r":[ \t]+null\b", ":", text).split()


def _same(one: str, other: str) -> bool:
    return _words(one) == _words(other)


def _keep_layout(original: str, written: str) -> str:
    """WRITTEN, with each entry that reads the same as in ORIGINAL in its original layout.

    ruamel.yaml keeps comments and anchors but not where a person broke a long line;
    an entry whose words are all the same is put back exactly as it was.
    """
    if not written.lstrip().startswith(("- ", "#")) or "\n- " not in written:
        return original if _same(written, original) else written
    old = _chunks(original)
    kept = []
    for new in _chunks(written):
        same = next((chunk for chunk in old if _same(chunk, new)), None)
        if same is None:
            # A changed entry: its unchanged lines as they were (`nazicht:`, not `: null`).
            first = new.split("\n", 1)[0]
            before = next((chunk for chunk in old if chunk.split("\n", 1)[0] == first), "")
            lines = before.split("\n")
            same = "\n".join(
                next((line for line in lines if row.strip() and _same(line, row)), row)
                for row in new.split("\n")
            )
        kept.append(same)
    return "".join(kept)


def _plain(value: Any) -> Any:
    """Loaded YAML as JSON values (dates as 'YYYY-MM-DD')."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value


def to_editor(path: str, text: str) -> str:
    """The file as Decap gets it: JSON."""
    data = _plain(_yaml().load(text))
    if path == ORGANISATIONS:
        for entry in data or []:
            for key in THREE_WAY:
                if key in entry:
                    entry[key] = WORDS.get(entry[key], entry[key])
        data = {LIST_KEY: data or []}
    return json.dumps(data, ensure_ascii=False, indent=2)


def _merge(old: Any, new: Any) -> Any:
    """NEW, reusing OLD's nodes (and so their comments and anchors) where nothing changed.

    A node that changed is never changed in place: a shared block (an anchor) is one object
    for every entry that uses it, and the others did not change.
    """
    if _plain(old) == new:
        return old
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        merged = CommentedMap()
        for key in [*old, *(key for key in new if key not in old)]:
            if key not in new:
                merged[key] = old[key]  # a field the newsroom does not show stays as it was
            elif new[key] == "" and old.get(key) != "":
                continue  # a text the editor emptied: the field goes
            elif key in old:
                merged[key] = _merge(old[key], new[key])
            elif new[key] not in ("", None, [], {}):
                merged[key] = new[key]
        _keep_comments(old, merged)
        return merged
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        by_id = {item.get("id"): item for item in old if isinstance(item, dict) and item.get("id")}
        merged_seq = CommentedSeq()
        for position, value in enumerate(new):
            match = by_id.get(value.get("id")) if isinstance(value, dict) else None
            if match is None and position < len(old) and not by_id:
                match = old[position]
            merged_seq.append(_merge(match, value) if match is not None else value)
        _keep_comments(old, merged_seq)
        return merged_seq
    if isinstance(old, ScalarString) and isinstance(new, str):
        return type(old)(new)  # the same quotes or block style as before
    return new


def _keep_comments(old: CommentedMap | CommentedSeq, new: CommentedMap | CommentedSeq) -> None:
    """The comments before and between the entries of OLD, on NEW (no anchor)."""
    comments = old.ca
    new.ca.comment = comments.comment
    keys = set(new) if isinstance(new, CommentedMap) else set(range(len(new)))
    if isinstance(new, CommentedSeq) and isinstance(old, CommentedSeq):
        # Entries keep the comments that stood above them, found by their id.
        positions = {
            item.get("id"): index for index, item in enumerate(old) if isinstance(item, dict)
        }
        for index, item in enumerate(new):
            source = positions.get(item.get("id")) if isinstance(item, dict) else None
            if source is not None and source in comments.items:
                new.ca.items[index] = comments.items[source]
        return
    for key, value in comments.items.items():
        if key in keys:
            new.ca.items[key] = value


def _problems(entries: list[Any]) -> list[str]:
    schema_path = Path(__file__).resolve().parents[2] / "data" / "organisaties.schema.json"
    validator = Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))
    messages = []
    for error in sorted(validator.iter_errors(entries), key=lambda e: list(e.absolute_path)):
        where = list(error.absolute_path)
        entry = entries[where[0]] if where and isinstance(where[0], int) else {}
        name = entry.get("naam") or entry.get("id") or f"nummer {where[0] + 1}" if where else ""
        field = next((str(part) for part in where[1:] if isinstance(part, str)), "")
        label = FIELD_NAMES.get(field, f"gekende waarde voor '{field}'")
        if error.validator == "enum":
            choices = ", ".join(str(choice) for choice in error.validator_value)
            messages.append(f"{name}: '{error.instance}' is geen {label}. Kies uit: {choices}.")
        elif error.validator == "required":
            messages.append(f"{name}: {error.message.split(' ')[0]} ontbreekt.")
        else:
            messages.append(f"{name}: het veld '{field}' klopt niet ({error.message}).")
    return messages


def from_editor(path: str, raw: str, current: str) -> str:
    """The YAML to write for a save from Decap (JSON), keeping CURRENT's text where it can."""
    try:
        new = json.loads(raw)
    except ValueError as error:
        raise DataFileError(f"{path}: de newsroom stuurde geen leesbare gegevens.") from error
    if path == ORGANISATIONS:
        if not isinstance(new, dict) or not isinstance(new.get(LIST_KEY), list):
            raise DataFileError(f"{path}: de lijst van organisaties ontbreekt.")
        new = new[LIST_KEY]
        values = {word: value for value, word in WORDS.items()}
        for entry in new:
            for key in THREE_WAY:
                if isinstance(entry, dict) and entry.get(key) in values:
                    entry[key] = values[entry[key]]
        problems = _problems(new)
        if problems:
            raise DataFileError(
                "Niet bewaard. Pas eerst aan: "
                + " ".join(problems[:5])
                + (f" (en nog {len(problems) - 5})" if len(problems) > 5 else "")
            )
    yaml = _yaml()
    old = yaml.load(current)
    merged = _merge(old, new)
    out = io.StringIO()
    yaml.dump(merged, out)
    written = _keep_layout(current, out.getvalue())
    if path == CONTACT:
        # Hours the service could not read would stop it and the build: refuse them here,
        # with the same Dutch sentence the build gives.
        try:
            parse_calendar(Path(path), written)
        except CalendarError as error:
            raise DataFileError(f"Niet bewaard. Pas eerst aan: {error}") from error
    return written
