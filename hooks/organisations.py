"""MkDocs adapter for sitebuild/organisations: check the data, add the generated pages of
each language's build, fill each page's marker. The logic is in sitebuild/organisations/."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sitebuild.languages import DEFAULT, LANGUAGES, language_of
from sitebuild.organisations import load, vocabulary
from sitebuild.organisations.pages import Directory, expand, organisation_pages
from sitebuild.organisations.render import templates

log = logging.getLogger("mkdocs.plugins.1712.organisaties")

_state: dict[str, Any] = {}


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


def _language(config: Any) -> str:
    plugin = _i18n(config)
    default = getattr(plugin, "default_language", None) or "nl"
    return str(getattr(plugin, "current_language", None) or default)


def _generated(config: Any, language: str) -> list[File]:
    """This language's generated pages as MkDocs files, at /<language>/organisaties/…."""
    files = []
    for page in organisation_pages(language):
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.dest_uri = page.dest_uri if language == DEFAULT else f"{language}/{page.dest_uri}"
        files.append(file)
    return files


# After mkdocs-static-i18n (priority -100) has sorted the files of this language's build
# (it cannot sort files that exist only in memory): add this language's generated pages,
# each knowing its Dutch, French and English versions for the language menu and sitemap.
@event_priority(-110)
def on_files(files: Files, *, config: Any) -> Files:
    if config.extra.get("audience") != "volwassenen":
        return files
    language = _language(config)
    versions = {other: _generated(config, other) for other in LANGUAGES}
    for index, file in enumerate(versions[language]):
        file.locale = file.locale_alternate_of = language
        file.localization = None if language == DEFAULT else language
        file.alternates = {other: versions[other][index] for other in LANGUAGES}
        files.append(file)
    per_language = getattr(_i18n(config), "i18n_files_per_language", None)
    if isinstance(per_language, dict):
        per_language.setdefault(language, []).extend(versions[language])
    return files


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    if "<!--" not in markdown:
        return markdown
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    language = language_of(config.theme.get("language"))
    # The forms of violence whose page exists in this language (docs/geweld/<theme>.md).
    topics = {slug for slug in vocabulary.THEMES if files.get_file_from_path(f"geweld/{slug}.md")}
    expanded, problems = expand(markdown, _state["directory"], language, topics)
    for problem in problems:
        log.warning(problem.at(source))
    return expanded
