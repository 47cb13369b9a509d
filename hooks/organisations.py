"""MkDocs adapter for sitebuild/organisations: check the data, add the generated pages,
fill each page's marker. The logic is in sitebuild/organisations/."""

from __future__ import annotations

import logging
from copy import deepcopy
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sitebuild.languages import language_of
from sitebuild.organisations import load, vocabulary
from sitebuild.organisations.pages import Directory, expand, organisation_pages
from sitebuild.organisations.render import templates

log = logging.getLogger("mkdocs.plugins.1712.organisaties")

_state: dict[str, Any] = {}
GENERATED = {page.src_uri for page in organisation_pages("nl")}


def _root(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def _i18n(config: Any) -> Any:
    return config.plugins.get("i18n")


def _default_language_build(config: Any) -> bool:
    plugin = _i18n(config)
    if plugin is None:
        return True
    default = getattr(plugin, "default_language", None)
    # Before the plugin's own on_config (priority -100) of the first pass, it is still None.
    return (getattr(plugin, "current_language", None) or default) == default


def on_config(config: Any) -> Any:
    root = _root(config)
    result = load(root, config.extra["contact"])
    if result.problems:
        raise PluginError(
            "De lijst van organisaties bevat fouten. Pas ze aan in data/organisaties.yml:\n"
            + "\n".join(f"  - {problem}" for problem in result.problems)
        )
    _state["directory"] = Directory(
        result.organisations,
        templates(root / "overrides"),
        audiences=dict(config.extra.get("audiences") or {}),
    )
    # Editors see what still needs checking; once per build, never on the site itself.
    if config.extra.get("audience") == "volwassenen" and _default_language_build(config):
        todo = result.needing_review()
        if todo:
            log.info(
                f"{vocabulary.SOURCE}: {len(todo)} organisaties zijn nog niet nagekeken. "
                f"Controleer ze bij de organisatie zelf en vul 'nazicht' in:\n"
                + "\n".join(f"  - regel {org.line}: {org.naam}" for org in todo)
            )
    return config


def on_serve(server: Any, *, config: Any, builder: Any) -> Any:
    # `mkdocs serve` rebuilds when an editor saves data/organisaties.yml.
    server.watch(str(_root(config) / vocabulary.SOURCE))
    return server


# After mkdocs-static-i18n (priority -100) has sorted the files per language: our pages
# are Dutch only, so they are added to the Dutch build and never to /fr/ or /en/.
@event_priority(-110)
def on_files(files: Files, *, config: Any) -> Files:
    if config.extra.get("audience") != "volwassenen" or not _default_language_build(config):
        return files
    added = [
        File.generated(config, page.src_uri, content=page.markdown)
        for page in organisation_pages("nl")
    ]
    for file in added:
        file.alternates = {}  # Dutch only: no other language has these pages
        files.append(file)
    # The plugin's sitemap.xml lists the files it sorted; add ours to the Dutch list.
    plugin = _i18n(config)
    per_language = getattr(plugin, "i18n_files_per_language", None)
    if isinstance(per_language, dict):
        per_language.setdefault(plugin.default_language, []).extend(added)
    return files


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    if "<!--" not in markdown:
        return markdown
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    language = language_of(config.theme.get("language"))
    expanded, problems = expand(markdown, _state["directory"], language)
    for problem in problems:
        log.warning(problem.at(source))
    return expanded


# mkdocs-static-i18n sets the language menu only for files it knows; for our generated
# pages it would keep the previous page's links. Point them at each language's home.
@event_priority(40)
def on_page_context(context: Any, *, page: Any, config: Any, nav: Any) -> Any:
    plugin = _i18n(config)
    if plugin is not None and page.file.src_uri in GENERATED:
        alternates = getattr(plugin, "extra_alternate", None)
        if alternates:
            config.extra.alternate = deepcopy(alternates)
            for alternate in config.extra.alternate:
                if alternate.get("lang") == getattr(plugin, "default_language", None):
                    alternate["link"] = page.abs_url or alternate["link"]
    return context
