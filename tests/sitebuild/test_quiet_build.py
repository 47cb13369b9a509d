"""`make build` for people: the things to fix in Dutch with file and line, one summary line,
and nothing else on the terminal; MkDocs' English goes to the log file the summary names."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.site import ROOT, copy_of_project
from tools.build_messages import Problem, missing_target, problems, records

THREE_MISTAKES = """---
title: "Pesten op school"
description: "Wat je kan doen als iemand je pest op school."
---

# Pesten op school

Lees ook [wat je kan doen](wat-je-kan-doen.md) als iemand je pest.

![Een jongere aan de telefoon](images/bellen.jpg)

Meer over 1712: [klik hier](contact-met-1712.md).
"""


def project_for_make(destination: Path) -> Path:
    """A copy of the project whose `make build` uses this checkout's installed tools."""
    root = copy_of_project(destination)
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, root / name)  # keep the times: make sees nothing to install
    shutil.copytree(ROOT / "tools", root / "tools")
    # This checkout's virtual environment, with the copy's own install stamps (newer than
    # the copied files): make has nothing to install, as after a person's first build.
    venv = root / ".venv"
    venv.mkdir()
    for name in ("bin", "lib", "pyvenv.cfg"):
        (venv / name).symlink_to(ROOT / ".venv" / name)
    (venv / ".installed").touch()
    (root / "node_modules").mkdir()
    (root / "node_modules" / ".installed").touch()
    return root


@pytest.mark.build
def test_make_build_prints_the_three_dutch_messages_and_the_summary_and_nothing_else(
    tmp_path: Path,
) -> None:
    root = project_for_make(tmp_path / "project")
    (root / "youth" / "pesten-op-school.md").write_text(THREE_MISTAKES, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    done = subprocess.run(
        ["make", "build"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert len(lines) == 4, done.stdout
    assert lines[0].startswith(
        "youth/pesten-op-school.md, regel 8: de link 'wat-je-kan-doen.md' wijst naar een "
        "pagina die niet bestaat."
    )
    assert lines[1].startswith(
        "youth/pesten-op-school.md, regel 10: de afbeelding 'images/bellen.jpg' bestaat niet. "
        "Afbeeldingen staan in de map youth/images/."
    )
    assert lines[2].startswith(
        "youth/pesten-op-school.md, regel 12: de linktekst 'klik hier' zegt niet waar"
    )
    assert lines[3] == (
        "Niet gebouwd: 3 dingen te verbeteren. Alles wat de build zei, staat in var/build.log."
    )
    log = (root / "var" / "build.log").read_text(encoding="utf-8")
    assert "Aborted with 3 warnings in strict mode!" in log
    assert not (root / "site").exists()  # nothing half-built to serve by mistake


def test_a_french_file_link_to_a_dutch_only_page_says_to_link_by_address(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "over-1712.md").write_text("# Over 1712\n", encoding="utf-8")
    (tmp_path / "docs" / "voor-wie.fr.md").write_text(
        "# Pour qui\n\nVoir [à propos de 1712](over-1712.md).\n", encoding="utf-8"
    )
    problem = missing_target("voor-wie.fr.md", "over-1712.md", root=tmp_path, docs_dir="docs")
    assert problem.file == "docs/voor-wie.fr.md" and problem.line == 3
    assert "bestaat niet in het Frans" in problem.text
    assert "(/over-1712/)" in problem.text and "(en néerlandais)" in problem.text


def test_an_image_in_a_deeper_folder_is_told_the_path_to_the_images_folder(
    tmp_path: Path,
) -> None:
    (tmp_path / "docs" / "geweld").mkdir(parents=True)
    (tmp_path / "docs" / "geweld" / "stalking.md").write_text(
        "# Stalking\n\n![Een gsm met berichten](gsm.png)\n", encoding="utf-8"
    )
    problem = missing_target("geweld/stalking.md", "gsm.png", root=tmp_path, docs_dir="docs")
    assert problem.line == 3 and "docs/images/" in problem.text
    assert "![wat er te zien is](../images/gsm.png)" in problem.text


def test_messages_are_sorted_out_of_mkdocs_output(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.kinderen.yml").write_text(
        "nav:\n  - Home: index.md\n  - Weg: weg.md\n", encoding="utf-8"
    )
    output = (
        "INFO    -  Cleaning site directory\n"
        "WARNING -  kids/a.md, regel 3: de kop '### X' slaat een niveau over.\n"
        "WARNING -  A reference to 'weg.md' is included in the 'nav' configuration, which is "
        "not found in the documentation files.\n"
        "ERROR   -  De lijst van organisaties bevat fouten. Pas ze aan in data/organisaties.yml:\n"
        "  - data/organisaties.yml, regel 58 (1712): 'partnergewelt' is geen gekend thema.\n"
        "WARNING -  Something new and English.\n"
        "\nAborted with 3 warnings in strict mode!\n"
    )
    assert [record.level for record in records(output)] == [
        "INFO",
        "WARNING",
        "WARNING",
        "ERROR",
        "WARNING",
    ]
    found = problems(output, root=tmp_path, docs_dir="kids", config="mkdocs.kinderen.yml")
    assert found[0] == Problem("kids/a.md", 3, "de kop '### X' slaat een niveau over.")
    assert found[1].file == "mkdocs.kinderen.yml" and found[1].line == 3
    assert "het menu (nav) noemt 'weg.md'" in found[1].text
    assert str(found[2]) == (
        "data/organisaties.yml, regel 58 (1712): 'partnergewelt' is geen gekend thema."
    )
    assert found[3].file is None and "Something new and English." in found[3].text
    assert "ontwikkelaars" in found[3].text
