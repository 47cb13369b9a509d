"""sitebuild/review_flags.py and its hook: pages flagged for editors are listed after the
build and never reach visitors; an empty flag fails the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.review_flags import check_review, report, review_text
from tests.sitebuild.conftest import FlaggedBuild
from tests.support.site import copy_of_project
from tools.build_site import BuildError, build_site


def test_the_build_lists_every_page_with_a_review_flag(flagged_build: FlaggedBuild) -> None:
    log = flagged_build.log
    assert log.count(f"Na te kijken: docs/proefpagina.md – {flagged_build.review_nl}") == 1
    assert log.count(f"Na te kijken: docs/proefpagina.fr.md – {flagged_build.review_fr}") == 1


def test_a_review_flag_never_reaches_the_visitor(flagged_build: FlaggedBuild) -> None:
    out, notes = flagged_build.out, (flagged_build.review_nl, flagged_build.review_fr)
    for path in (out / "proefpagina" / "index.html", out / "fr" / "proefpagina" / "index.html"):
        html = path.read_text(encoding="utf-8")
        assert "Proef" in html or "essai" in html
        assert notes[0] not in html and notes[1] not in html and "review" not in html
    index = (out / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "proefdienst" not in index and "permanence d" not in index


def test_an_empty_review_flag_fails_the_build_and_names_the_file(tmp_path: Path) -> None:
    copy_of_project(tmp_path)
    (tmp_path / "docs" / "leeg.md").write_text(
        '---\ntitle: "Leeg"\ndescription: "Een pagina met een lege vlag."\nreview:\n---\n\n'
        "# Leeg\n\nTekst.\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError, match=r"docs/leeg\.md, regel 4: het veld 'review:' is leeg"):
        build_site(tmp_path / "site", root=tmp_path, only="volwassenen")


def test_the_review_note_is_a_text_a_list_joined_or_empty() -> None:
    assert review_text({"title": "T"}) is None
    assert review_text({"review": " de chaturen "}) == "de chaturen"
    assert review_text({"review": ["uren", "", "adres"]}) == "uren; adres"
    assert review_text({"review": None}) == ""


def test_an_empty_note_is_a_problem_at_the_line_of_the_field() -> None:
    text = '---\ntitle: "T"\nreview:\n---\n'
    note, problems = check_review({"title": "T", "review": None}, text)
    assert note is None
    assert [(problem.line, problem.message[:30]) for problem in problems] == [
        (3, "het veld 'review:' is leeg. Sc")
    ]
    assert check_review({"review": "uren"}, "---\nreview: uren\n---\n") == ("uren", [])


def test_the_report_lists_flagged_files_by_name() -> None:
    assert report({"docs/b.md": "twee", "docs/a.md": "een"}) == [
        "Na te kijken: docs/a.md – een",
        "Na te kijken: docs/b.md – twee",
    ]
