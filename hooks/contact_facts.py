"""MkDocs adapter for sitebuild/contact.py: the contact facts in templates and pages."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitebuild import contact
from sitebuild.languages import language_of
from sitebuild.problems import DataError

log = logging.getLogger("mkdocs.plugins.1712.contact")


def on_config(config: Any) -> Any:
    path = Path(config.config_file_path).parent / contact.CONTACT_FILE
    try:
        config.extra["contact"] = contact.load_contacts(path)
    except DataError as error:
        raise PluginError(str(error)) from error
    return config


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.filters["taal"] = contact.in_language
    return env


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    language = language_of(config.theme.get("language"))
    filled, problems = contact.fill_placeholders(markdown, config.extra["contact"], language)
    for problem in problems:
        log.warning(problem.at(source))
    return filled
