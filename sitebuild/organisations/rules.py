"""What the schema of data/organisaties.yml cannot say: unique ids, links to
data/contact.yml, and the texts for children and young people."""

from __future__ import annotations

from typing import Any

from sitebuild import contact, readability
from sitebuild.organisations.vocabulary import EVERYWHERE


def rule_problems(
    entry: dict[str, Any], facts: dict[str, Any], seen: dict[str, int], line: int
) -> list[tuple[list[Any], str]]:
    """What the schema cannot say: unique ids, links to contact.yml, texts per audience."""
    problems: list[tuple[list[Any], str]] = []
    ident = entry.get("id")
    if isinstance(ident, str):
        if ident in seen:
            problems.append(
                (
                    ["id"],
                    f"de id '{ident}' komt al voor op regel {seen[ident]}. "
                    f"Geef elke organisatie een eigen id.",
                )
            )
        else:
            seen[ident] = line
    details = entry.get("contact")
    if isinstance(details, dict):
        source_name = details.get("gegevens_uit")
        if source_name is not None and not isinstance(facts.get(source_name), dict):
            known = ", ".join(name for name, value in facts.items() if isinstance(value, dict))
            problems.append(
                (
                    ["contact", "gegevens_uit"],
                    f"'gegevens_uit: {source_name}' staat niet in data/contact.yml. "
                    f"Kies uit: {known}.",
                )
            )
        number = details.get("telefoon")
        if isinstance(number, str):
            for name, value in facts.items():
                if isinstance(value, dict) and contact.digits(str(value.get("telefoon", ""))) == (
                    contact.digits(number)
                ):
                    problems.append(
                        (
                            ["contact", "telefoon"],
                            f"het nummer {number} staat al in data/contact.yml (bij '{name}'). "
                            f"Schrijf 'gegevens_uit: {name}' in plaats van het nummer te typen, "
                            f"zodat het op één plek blijft.",
                        )
                    )
        reachable = {"telefoon", "website", "chat"} & {
            key for key, value in details.items() if value
        }
        if not reachable and not details.get("gegevens_uit"):
            problems.append(
                (
                    ["contact"],
                    "er staat geen telefoon, website of chat bij 'contact'. Voeg minstens "
                    "de website toe.",
                )
            )
    words_for_children = entry.get("kinderen")
    if isinstance(words_for_children, str):
        for sentence in readability.split_sentences(words_for_children):
            if problem := readability.long_sentence(0, sentence):
                problems.append((["kinderen"], problem.message))
    regions = entry.get("regios")
    if isinstance(regions, list) and EVERYWHERE in regions and len(regions) > 1:
        problems.append(
            (
                ["regios"],
                f"'{EVERYWHERE}' betekent al: overal. Laat de andere regio's weg.",
            )
        )
    groups = entry.get("voor") if isinstance(entry.get("voor"), list) else []
    for audience, words in (("kinderen", "voor kinderen"), ("jongeren", "voor jongeren")):
        if audience in groups and not entry.get(audience):
            problems.append(
                (
                    ["voor"],
                    f"'{audience}' staat bij 'voor', maar de tekst '{audience}:' ontbreekt. "
                    f"Schrijf in één of twee korte zinnen, in woorden {words}, wat ze voor hen "
                    f"doen.",
                )
            )
        if entry.get(audience) and audience not in groups:
            problems.append(
                (
                    [audience],
                    f"er staat een tekst '{audience}:', maar '{audience}' staat niet bij "
                    f"'voor'. Voeg '{audience}' toe aan 'voor' of laat de tekst weg.",
                )
            )
    return problems
