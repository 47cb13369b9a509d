"""One search index per language of the adult site.

mkdocs-static-i18n writes a single index for Dutch, French and English, so a French
visitor's search also finds Dutch pages without being told. After the build, this
splits it: Dutch stays in search/, French goes to fr/search/ and English to
en/search/, with locations relative to that language's root (overrides/main.html
points each language's search there) and only that language's stemmer, so a page
no longer downloads the French and multi-language stemmers it does not need.
"""

from __future__ import annotations

import json
from pathlib import Path

OTHER_LANGUAGES = ("fr", "en")


def split_search_index(site: Path) -> dict[str, int]:
    """Rewrite the adult site's index per language; returns the documents per language."""
    index_file = site / "search" / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    by_language: dict[str, list[dict[str, object]]] = {"nl": []}
    by_language.update({language: [] for language in OTHER_LANGUAGES})
    for doc in index["docs"]:
        location = str(doc["location"])
        language = location.split("/", 1)[0]
        if language in OTHER_LANGUAGES:
            by_language[language].append({**doc, "location": location[len(language) + 1 :]})
        else:
            by_language["nl"].append(doc)
    for language, docs in by_language.items():
        folder = site / "search" if language == "nl" else site / language / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(
            json.dumps(
                {**index, "config": {**index["config"], "lang": [language]}, "docs": docs},
                ensure_ascii=False,
                separators=(",", ":"),
            ),
            encoding="utf-8",
        )
    return {language: len(docs) for language, docs in by_language.items()}
