"""sitebuild/theme.py and the copy of Material's config block in overrides/main.html."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild.problems import DataError
from sitebuild.theme import WORKERS, material_templates, search_worker
from tests.support.site import ROOT


def _config_block(template: str) -> str:
    block = re.search(r"\{% block config %\}(.*?)\{% endblock %\}", template, re.DOTALL)
    assert block, "no config block"
    return block.group(1)


def _normalised(text: str) -> str:
    return " ".join(text.replace("{{-", "{{").replace("-}}", "}}").split())


def test_the_search_worker_is_the_one_file_the_installed_theme_has() -> None:
    worker = search_worker(material_templates())
    assert re.fullmatch(rf"{WORKERS}/search\.[0-9a-f]{{8}}\.min\.js", worker)
    assert (material_templates() / worker).is_file()


@pytest.mark.parametrize("names", [[], ["search.aaaa1111.min.js", "search.bbbb2222.min.js"]])
def test_no_worker_or_two_workers_stop_the_build_with_what_to_do(
    tmp_path: Path, names: list[str]
) -> None:
    (tmp_path / WORKERS).mkdir(parents=True)
    for name in names:
        (tmp_path / WORKERS / name).write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="Installeer mkdocs-material opnieuw"):
        search_worker(tmp_path)


def test_our_config_block_is_materials_but_for_the_search_base_and_the_worker() -> None:
    """When Material changes its block, this fails: copy the new one into main.html."""
    ours = _config_block((ROOT / "overrides" / "main.html").read_text(encoding="utf-8"))
    theirs = _config_block((material_templates() / "base.html").read_text(encoding="utf-8"))
    worker = re.search(r'"search": ("assets/javascripts/workers/[^"]+")', theirs)
    assert worker, "Material's block no longer names its search worker"
    # Our two changes, undone: then the blocks must be the same.
    ours = re.sub(r"\{%- set ui_lang = .*?%\}\s*\{%- set search_base = .*?%\}", "", ours)
    ours = ours.replace('"base": search_base', '"base": base_url')
    ours = ours.replace('"search": config.extra.search_worker', f'"search": {worker.group(1)}')
    assert _normalised(ours) == _normalised(theirs)


def test_the_copied_block_names_the_material_version_it_came_from() -> None:
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert re.search(r"copied from the base\.html of Material \d+\.\d+\.\d+", main)
    assert "workers/search." not in main  # never typed by hand


def test_every_built_page_asks_for_a_search_worker_that_was_built(site_dir: Path) -> None:
    for home in (site_dir, site_dir / "fr", site_dir / "kinderen", site_dir / "jongeren"):
        html = (home / "index.html").read_text(encoding="utf-8")
        found = re.search(r'"search":\s*"([^"]+)"', html)
        assert found, home
        assert (home / found.group(1)).resolve().is_file(), found.group(1)
