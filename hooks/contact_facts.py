"""MkDocs adapter for sitebuild/contact.py: `{{ … }}` placeholders in pages.

The templates read the contact facts from `config.extra.contact`, which the generated
configuration of tools/build_site.py sets from data (sitebuild/site_config.py). For a
plain `mkdocs serve -f mkdocs.yml` this hook fills in what is missing, the same way.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitebuild import contact
from sitebuild.languages import language_of
from sitebuild.problems import DataError
from sitebuild.site_config import site_extra

log = logging.getLogger("mkdocs.plugins.1712.contact")


def on_config(config: Any) -> Any:
    if "contact" in config.extra:
        return config  # set by the generated configuration (tools/build_site.py)
    try:
        from_data = site_extra(Path(config.config_file_path).parent)
    except DataError as error:
        raise PluginError(str(error)) from error
    for key, value in from_data.items():
        config.extra.setdefault(key, value)
    return config


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    language = language_of(config.theme.get("language"))
    filled, problems = contact.fill_placeholders(markdown, config.extra["contact"], language)
    for problem in problems:
        log.warning(problem.at(source))
    return filled
