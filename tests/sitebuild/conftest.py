"""Fixtures of the site-build tests: a real build of a copy of the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.site import copy_of_project
from tools.build_site import build_site

REVIEW_NL = "het adres van de proefdienst nakijken"
REVIEW_FR = "vérifier l'horaire de la permanence d'essai"


@dataclass(frozen=True)
class FlaggedBuild:
    out: Path  # the built adult site
    log: str  # what the build printed
    review_nl: str = REVIEW_NL  # the review note of docs/proefpagina.md
    review_fr: str = REVIEW_FR  # and of docs/proefpagina.fr.md


@pytest.fixture(scope="session")
def flagged_build(tmp_path_factory: pytest.TempPathFactory) -> FlaggedBuild:
    """The adult site copied, with a flagged Dutch page and a flagged French page, which
    also links to Dutch pages (tests/sitebuild/test_language_links.py)."""
    root = copy_of_project(tmp_path_factory.mktemp("flagged"))
    (root / "docs" / "proefpagina.md").write_text(
        f'---\ntitle: "Proefpagina"\ndescription: "Een pagina om de build te testen."\n'
        f'review: "{REVIEW_NL}"\n---\n\n# Proefpagina\n\nTekst van de proef.\n',
        encoding="utf-8",
    )
    (root / "docs" / "proefpagina.fr.md").write_text(
        f'---\ntitle: "Page d\'essai"\ndescription: "Une page pour tester la construction."\n'
        f'review: "{REVIEW_FR}"\n---\n\n# Page d\'essai\n\n'
        "Lisez [la page sur le harcèlement](../../geweld/stalking/) "
        "et [les organisations](/organisaties/), ou [la FAQ](../veelgestelde-vragen/). "
        "Voir aussi [les actualités](../../nieuws/) (en néerlandais).\n",
        encoding="utf-8",
    )
    out = root / "site"
    result = build_site(out, root=root, only="volwassenen")
    return FlaggedBuild(out, result.text)
