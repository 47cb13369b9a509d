"""The nightly publish builds beside the live site and swaps it in; a failed build
leaves the live site as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from deploy.publish_site import publish
from tests.support.site import copy_of_project
from tools.build_site import BuildError


@pytest.mark.build
def test_publish_swaps_in_a_new_build_with_its_campaign_banner(tmp_path: Path) -> None:
    root = copy_of_project(tmp_path / "project")
    live = tmp_path / "site"
    live.mkdir()
    (live / "index.html").write_text("old site", encoding="utf-8")
    publish(live, root=root, site_date="2019-11-20")  # "Is 't Oké?" ran then
    home = (live / "index.html").read_text(encoding="utf-8")
    assert "data-quick-exit" in home
    assert "data-campaign" in home
    assert (live / "index.html.gz").is_file()
    assert not (tmp_path / "site.new").exists() and not (tmp_path / "site.old").exists()


@pytest.mark.build
def test_a_failed_build_leaves_the_live_site_as_it_was(tmp_path: Path) -> None:
    root = copy_of_project(tmp_path / "project")
    (root / "docs" / "kapot.md").write_text("# Zonder beschrijving\n\nTekst.\n", encoding="utf-8")
    live = tmp_path / "site"
    live.mkdir()
    (live / "index.html").write_text("live site", encoding="utf-8")
    with pytest.raises(BuildError):
        publish(live, root=root)
    assert (live / "index.html").read_text(encoding="utf-8") == "live site"
