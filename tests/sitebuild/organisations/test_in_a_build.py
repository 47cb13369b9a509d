"""hooks/organisations.py in a real build of a copy of the site: a new entry in
data/organisaties.yml reaches every page it belongs on, a bad one stops the build."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.support.html import scan
from tests.support.site import ROOT, copy_of_project
from tools.build_site import BuildError, build_site


def listed(path: Path) -> list[str]:
    return [e.attrs["data-organisatie"] for e in scan(path).with_attr("data-organisatie")]


# --- a temporary copy of the site with one more organisation --------------------------

NEW_ENTRY = textwrap.dedent(
    """
    - id: testhuis-limburg
      naam: Testhuis Limburg
      wat:
        nl: Een organisatie die alleen in deze test bestaat.
      kinderen: Hier kan je terecht als je je zorgen maakt.
      jongeren: Hier kan je terecht met je vragen over stalking.
      voor: [kinderen, jongeren, slachtoffers]
      themas: [stalking]
      regios: [limburg]
      contact:
        website: https://www.testhuis.be
      gratis: true
      anoniem: true
      nazicht:
    """
)


@pytest.fixture(scope="module")
def site_with_one_more(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = copy_of_project(tmp_path_factory.mktemp("project"))
    with (root / "data" / "organisaties.yml").open("a", encoding="utf-8") as data:
        data.write(NEW_ENTRY)
    out = tmp_path_factory.mktemp("site")
    result = build_site(out, root=root)
    return out, result.text


@pytest.mark.parametrize(
    "page",
    [
        "organisaties/limburg",
        "organisaties/voor/kinderen",
        "organisaties/voor/jongeren",
        "organisaties/voor/slachtoffers",
        "organisaties/thema/stalking",
        "kinderen/organisaties",
        "jongeren/organisaties",
    ],
)
def test_a_new_organisation_appears_on_every_page_it_belongs_on(
    site_with_one_more: tuple[Path, str], page: str
) -> None:
    out, _ = site_with_one_more
    assert "testhuis-limburg" in listed(out / page / "index.html")


@pytest.mark.parametrize(
    "page",
    [
        "organisaties",
        "organisaties/antwerpen",
        "organisaties/brussel",
        "organisaties/voor/plegers",
        "organisaties/thema/partnergeweld",
    ],
)
def test_a_new_organisation_stays_off_the_pages_it_does_not_belong_on(
    site_with_one_more: tuple[Path, str], page: str
) -> None:
    out, _ = site_with_one_more
    assert "testhuis-limburg" not in listed(out / page / "index.html")


def test_the_build_lists_the_new_unchecked_organisation_for_editors(
    site_with_one_more: tuple[Path, str],
) -> None:
    out, text = site_with_one_more
    lines = (ROOT / "data" / "organisaties.yml").read_text(encoding="utf-8").count("\n")
    assert f"  - regel {lines + 2}: Testhuis Limburg" in text
    # For editors only: the pages never say that an entry still needs checking.
    for path in out.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "data-organisatie=" in html:
            assert "nagekeken" not in html and "nazicht" not in html, path


def test_a_bad_entry_stops_the_build_with_the_dutch_message(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    root = copy_of_project(tmp_path / "project")
    with (root / "data" / "organisaties.yml").open("a", encoding="utf-8") as data:
        data.write(NEW_ENTRY.replace("https://www.testhuis.be", "http://www.testhuis.be"))
    lines = (ROOT / "data" / "organisaties.yml").read_text(encoding="utf-8").count("\n")
    with pytest.raises(BuildError) as failure:
        build_site(tmp_path / "site", root=root, only="jongeren")
    assert (
        f"data/organisaties.yml, regel {lines + 12} (Testhuis Limburg): het webadres "
        f"'http://www.testhuis.be' begint met http://. Schrijf https:// (veilig)."
    ) in str(failure.value)
