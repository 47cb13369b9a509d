"""What a build said, sorted for people: the things to fix, in Dutch, with file and line.

MkDocs writes one record per message (`WARNING -  text`, continuation lines indented).
Our hooks already write Dutch problems as `file, regel N: what to do`. MkDocs' own English
warnings that an editor can cause (a link to a page that does not exist, an image that is
not there, a menu entry for a missing page) are turned into the same Dutch form here, with
the line found in the source file. Everything else (INFO, the English 'Aborted with …')
only goes to the build's log file.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

RECORD = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(.*)$")
OURS = re.compile(
    r"^(?P<file>[\w./-]+\.(?:md|yml|yaml|json|html)), regel (?P<line>\d+)"
    r"(?: \((?P<what>[^)]*)\))?: (?P<text>.+)$",
    re.DOTALL,
)
MISSING_TARGET = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains a link '(?P<target>[^']+)', "
    r"but the target (?:'[^']*' )?is not found among documentation files\.$"
)
MISSING_NAV = re.compile(
    r"^A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, "
    r"which is not found in the documentation files\.?$"
)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")
LANGUAGES = {"fr": ("het Frans", "en néerlandais"), "en": ("het Engels", "in Dutch")}


@dataclass(frozen=True)
class Problem:
    """One thing to fix: where (file relative to the project, line) and what to do."""

    file: str | None
    line: int | None
    text: str
    subject: str | None = None  # which entry of a data file, e.g. an organisation's name

    @property
    def where(self) -> str:
        where = f"{self.file}, regel {self.line}" if self.file and self.line else self.file or ""
        return f"{where} ({self.subject})" if where and self.subject else where

    def __str__(self) -> str:
        return f"{self.where}: {self.text}" if self.where else self.text

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "subject": self.subject, "text": self.text}


@dataclass(frozen=True)
class Record:
    level: str
    text: str  # first line and continuation lines, joined by newlines


def records(output: str) -> list[Record]:
    found: list[Record] = []
    for line in output.splitlines():
        match = RECORD.match(line)
        if match:
            found.append(Record(match.group(1), match.group(2).rstrip()))
        elif found and line.startswith((" ", "\t")) and line.strip():
            last = found[-1]
            found[-1] = Record(last.level, f"{last.text}\n{line.rstrip()}")
    return found


def _line_number(path: Path, needles: tuple[str, ...]) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines, start=1):
        if any(needle in line for needle in needles):
            return number
    return None


def _address(doc: str, target: str) -> str:
    """The site address of a Dutch page that `target` (relative to `doc`) names."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(doc), target.split("#")[0]))
    path = re.sub(r"(^|/)index\.md$", r"\1", path)
    path = re.sub(r"\.md$", "/", path)
    return "/" + path


def _translated(doc: str) -> str | None:
    match = re.search(r"\.(fr|en)\.md$", doc)
    return match.group(1) if match else None


def missing_target(doc: str, target: str, *, root: Path, docs_dir: str) -> Problem:
    """A link or image whose file is not there, in Dutch, with the line it is on."""
    source = root / docs_dir / doc
    file = f"{docs_dir}/{doc}"
    line = _line_number(source, (f"]({target}", f"](<{target}>", f'"{target}"', f"]: {target}"))
    bare = target.split("#")[0]
    if bare.lower().endswith(IMAGE_SUFFIXES):
        name = posixpath.basename(bare)
        images = posixpath.relpath(f"images/{name}", posixpath.dirname(doc) or ".")
        return Problem(
            file,
            line,
            f"de afbeelding '{target}' bestaat niet. Afbeeldingen staan in de map "
            f"{docs_dir}/images/. Zet het bestand daar en schrijf de naam precies zoals het "
            f"bestand heet (ook hoofdletters): ![wat er te zien is]({images}).",
        )
    language = _translated(doc)
    dutch = posixpath.normpath(posixpath.join(posixpath.dirname(doc), bare))
    if language and (root / docs_dir / dutch).is_file():
        name, note = LANGUAGES[language]
        return Problem(
            file,
            line,
            f"de pagina '{target}' bestaat niet in {name}. Link naar de Nederlandse pagina "
            f"met haar adres in plaats van de bestandsnaam: ({_address(doc, target)}). "
            f"De website zet er dan zelf '({note})' achter.",
        )
    return Problem(
        file,
        line,
        f"de link '{target}' wijst naar een pagina die niet bestaat. Kijk de bestandsnaam "
        "na (kleine letters, streepjes, eindigt op .md) en de map. Een pagina van een andere "
        "doelgroep of taal link je met haar adres, bijvoorbeeld [de kindersite](/kinderen/).",
    )


def _ours(text: str) -> Problem | None:
    match = OURS.match(text)
    if not match:
        return None
    return Problem(
        match.group("file"),
        int(match.group("line")),
        " ".join(match.group("text").split()),
        match.group("what"),
    )


def problems(output: str, *, root: Path, docs_dir: str, config: str) -> list[Problem]:
    """The things to fix in one MkDocs run's output (warnings and errors), in Dutch."""
    found: list[Problem] = []
    for record in records(output):
        if record.level not in ("WARNING", "ERROR", "CRITICAL"):
            continue
        first, *rest = record.text.split("\n")
        items = [line.strip()[2:] for line in rest if line.strip().startswith("- ")]
        listed = [problem for problem in map(_ours, items) if problem]
        if listed:
            found.extend(listed)
            continue
        problem = _ours(record.text)
        if problem:
            found.append(problem)
            continue
        match = MISSING_TARGET.match(first)
        if match:
            found.append(
                missing_target(match["doc"], match["target"], root=root, docs_dir=docs_dir)
            )
            continue
        match = MISSING_NAV.match(first)
        if match:
            target = match["target"]
            found.append(
                Problem(
                    config,
                    _line_number(root / config, (target,)),
                    f"het menu (nav) noemt '{target}', maar die pagina bestaat niet in "
                    f"{docs_dir}/. Verbeter de bestandsnaam in het menu, of haal de regel weg "
                    f"als de pagina er niet meer is.",
                )
            )
            continue
        found.append(
            Problem(
                None,
                None,
                "de build gaf een melding die we nog niet in gewone woorden kunnen zeggen "
                f"(in het logbestand: '{first[:120]}'). Stuur die regel naar de ontwikkelaars.",
            )
        )
    return found


def problems_in_text(text: str) -> list[Problem]:
    """Our own Dutch problems written as plain lines (a data file the build cannot use)."""
    lines = [line.strip().removeprefix("- ") for line in text.splitlines() if line.strip()]
    found = [problem for problem in map(_ours, lines) if problem]
    return found or [Problem(None, None, " ".join(text.split()))]


def unique(items: list[Problem]) -> list[Problem]:
    """Each problem once (news and organisations are checked in every audience's build),
    in the order of file and line."""
    kept = list(dict.fromkeys(items))
    return sorted(kept, key=lambda item: (item.file or "~", item.line or 0))


def count_in_words(number: int) -> str:
    return f"{number} {'ding' if number == 1 else 'dingen'} te verbeteren"
