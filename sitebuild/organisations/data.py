"""One organisation of data/organisaties.yml, once its entry has passed the checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitebuild import contact
from sitebuild.organisations.vocabulary import EVERYWHERE


@dataclass
class Organisation:
    """One checked entry, with its contact details resolved from data/contact.yml."""

    id: str
    naam: str
    wat: dict[str, str]
    voor: list[str]
    themas: list[str]
    regios: list[str]
    telefoon: str | None
    website: str | None
    chat: str | None
    uren: Any  # a text, or {nl: …, fr: …, en: …} from data/contact.yml
    gratis: bool | None
    anoniem: bool | None
    nazicht: dict[str, str] | None
    line: int
    kinderen: str | None = None
    jongeren: str | None = None

    def serves(self, region: str) -> bool:
        return EVERYWHERE in self.regios or region in self.regios

    @property
    def everywhere(self) -> bool:
        return EVERYWHERE in self.regios

    def what(self, language: str) -> tuple[str, str]:
        """(what they do, in which language): the page's language when written, else Dutch."""
        if language in self.wat:
            return self.wat[language], language
        return self.wat["nl"], "nl"

    def hours(self, language: str) -> str | None:
        return None if self.uren is None else str(contact.in_language(self.uren, language))


@dataclass
class CheckResult:
    organisations: list[Organisation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def needing_review(self) -> list[Organisation]:
        return [org for org in self.organisations if not org.nazicht]


def from_entry(entry: dict[str, Any], facts: dict[str, Any], line: int) -> Organisation:
    """An entry that passed the checks, with `gegevens_uit:` taken from data/contact.yml."""
    details = dict(entry["contact"])
    merged: dict[str, Any] = {}
    shared = details.pop("gegevens_uit", None)
    if shared:
        source = facts[shared]
        merged.update(
            {key: source[key] for key in ("telefoon", "website", "uren") if key in source}
        )
    merged.update(details)
    return Organisation(
        id=entry["id"],
        naam=entry["naam"],
        wat=entry["wat"],
        voor=entry["voor"],
        themas=entry["themas"],
        regios=entry["regios"],
        telefoon=None if merged.get("telefoon") is None else str(merged["telefoon"]),
        website=merged.get("website"),
        chat=merged.get("chat"),
        uren=merged.get("uren"),
        gratis=entry["gratis"],
        anoniem=entry["anoniem"],
        nazicht=entry["nazicht"],
        line=line,
        kinderen=entry.get("kinderen"),
        jongeren=entry.get("jongeren"),
    )
