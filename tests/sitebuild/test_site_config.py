"""sitebuild/site_config.py: the contact facts reach the templates through `extra`, set from
data/contact.yml in a generated configuration, so the templates need no hook."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
import yaml
from mkdocs.config import load_config

from sitebuild.contact import load_contacts
from sitebuild.site_config import (
    generated_config,
    generated_name,
    site_extra,
    write_generated_config,
)
from tests.support.site import ROOT, copy_of_project

FACTS = load_contacts(ROOT / "data" / "contact.yml")


def test_the_extra_from_data_holds_the_contact_file_as_it_is() -> None:
    assert site_extra(ROOT)["contact"] == FACTS


def test_a_generated_configuration_inherits_its_base_and_adds_extra() -> None:
    text = generated_config("mkdocs.kinderen.yml", {"contact": FACTS})
    assert text.startswith("# Written by tools/build_site.py")
    assert yaml.safe_load(text) == {"INHERIT": "mkdocs.kinderen.yml", "extra": {"contact": FACTS}}
    assert generated_name("mkdocs.kinderen.yml") == "mkdocs.kinderen.generated.yml"
    assert generated_name("mkdocs.yml") == "mkdocs.generated.yml"


@pytest.mark.parametrize(
    ("base", "audience"),
    [("mkdocs.yml", "volwassenen"), ("mkdocs.kinderen.yml", "kinderen")],
)
def test_mkdocs_reads_the_contact_facts_from_the_generated_configuration(
    tmp_path: Path, base: str, audience: str
) -> None:
    root = copy_of_project(tmp_path / "project")
    # Hooks removed: the values must come from the configuration alone.
    for name in ("mkdocs.yml", "mkdocs.kinderen.yml"):
        config = (root / name).read_text(encoding="utf-8")
        (root / name).write_text(config.replace("  - hooks/site_extra.py\n", ""), encoding="utf-8")
    path = write_generated_config(root, base, site_extra(root))
    assert path == root / generated_name(base)
    config = load_config(config_file=str(path))
    assert config.extra["contact"] == FACTS
    assert config.extra["audience"] == audience  # the base's own extra is kept
    assert config.docs_dir == str(root / ("docs" if audience == "volwassenen" else "kids"))
    assert "site_extra" not in " ".join(str(hook) for hook in config.hooks)


def _render(template: str, language: str, audience: str = "volwassenen") -> str:
    """A partial rendered by plain Jinja: no MkDocs, no hook, only `extra` from data."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    config = {"extra": {"audience": audience, **site_extra(ROOT)}, "theme": {"language": language}}
    return env.get_template(template).render(config=config)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_emergency_numbers_render_without_a_hook(language: str) -> None:
    html = _render("partials/emergency.html", language)
    for entry in ("noodnummer", "politie"):
        number = FACTS[entry]["telefoon"]
        assert f'<a href="tel:{number}">{number}</a>' in html
        assert f"({FACTS[entry]['naam'][language]})" in html


@pytest.mark.parametrize(
    ("language", "audience"),
    [("nl", "volwassenen"), ("nl", "kinderen"), ("fr", "volwassenen"), ("en", "volwassenen")],
)
def test_the_closed_hours_help_renders_without_a_hook(language: str, audience: str) -> None:
    html = _render("partials/closed-hours.html", language, audience)
    for entry in ("hulplijn", "tele_onthaal", "awel", "noodnummer", "politie"):
        number = FACTS[entry]["telefoon"]
        assert f'<a href="tel:{number}">{number}</a>' in html, entry
    assert FACTS["hulplijn"]["uren"][language] in html
    assert FACTS["tele_onthaal"]["uren"][language] in html


def test_the_language_macro_picks_the_language_or_dutch_and_leaves_plain_values() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    macro = env.from_string('{% from "partials/taal.html" import taal %}[{{ taal(v, "fr") }}]')
    assert macro.render(v={"nl": "dag", "fr": "jour"}) == "[jour]"
    assert macro.render(v={"nl": "dag"}) == "[dag]"
    assert macro.render(v="Awel") == "[Awel]"
    assert macro.render(v="102") == "[102]"
