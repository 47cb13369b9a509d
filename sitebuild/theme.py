"""Facts about the installed Material theme that our templates need.

Material's search worker has a content hash in its file name
(`assets/javascripts/workers/search.a7633da7.min.js`) that changes with every Material
release. overrides/main.html copies Material's `config` block (to point each language at
its own search index), so the name is read from the installed package at build time
instead of being typed into the copy.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from sitebuild.problems import DataError

WORKERS = "assets/javascripts/workers"


def material_templates() -> Path:
    """The installed Material theme's templates folder (without importing its plugins)."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise DataError("mkdocs-material is niet geïnstalleerd. Voer 'make install' uit.")
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def search_worker(templates: Path) -> str:
    """The search worker's path in the theme: 'assets/javascripts/workers/search.….min.js'."""
    found = sorted((templates / WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        names = ", ".join(path.name for path in found) or "geen"
        raise DataError(
            f"In {templates / WORKERS} staat niet precies één zoekprogramma "
            f"(search.*.min.js) maar: {names}. Installeer mkdocs-material opnieuw."
        )
    return f"{WORKERS}/{found[0].name}"
