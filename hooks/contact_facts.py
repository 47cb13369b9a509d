"""One source for phone numbers, hours and the reply promise.

`data/contact.yml` holds them; pages write `{{ hulplijn.telefoon }}` or
`{{ tel:hulplijn }}` and templates read `config.extra.contact`. A change of hours
is then one edit, and an unknown name fails the build with the file and line.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.1712.contact")

LANGUAGES = ("nl", "fr", "en")
PLACEHOLDER = re.compile(r"\{\{\s*(tel:)?([a-z_]+(?:\.[a-z_]+)*)\s*\}\}")


def data_file(config: Any) -> Path:
    return Path(config.config_file_path).parent / "data" / "contact.yml"


def load_contact(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", regel {mark.line + 1}" if mark else ""
        raise PluginError(
            f"{path.name}{where}: dit is geen geldige YAML. Kijk na of elke regel "
            f"'naam: waarde' is en of de inspringing klopt."
        ) from error
    if not isinstance(data, dict):
        raise PluginError(f"{path.name}: het bestand moet een lijst van namen met waarden zijn.")
    return data


def in_language(value: Any, language: str) -> Any:
    """A value with translations ({nl: …, fr: …}) in the given language, Dutch if missing."""
    if isinstance(value, dict) and set(value) <= set(LANGUAGES) and value:
        return value.get(language, value.get("nl"))
    return value


def lookup(data: dict[str, Any], dotted: str) -> Any:
    value: Any = data
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def page_language(config: Any) -> str:
    # mkdocs-static-i18n sets theme.language for each language it builds.
    return str(config.theme.get("language") or "nl")[:2]


def substitute(markdown: str, data: dict[str, Any], language: str, source: str) -> str:
    def replace(match: re.Match[str]) -> str:
        is_tel, name = match.group(1), match.group(2)
        line = markdown.count("\n", 0, match.start()) + 1
        entry = lookup(data, name)
        if is_tel:
            number = lookup(data, f"{name}.telefoon")
            if number is None:
                log.warning(
                    f"{source}, regel {line}: '{{{{ tel:{name} }}}}' kent geen telefoonnummer. "
                    f"Kies een naam uit data/contact.yml die een telefoon heeft, "
                    f"zoals 'hulplijn' of 'awel'."
                )
                return match.group(0)
            # The link target holds digits only ("0800 32 123" calls tel:080032123).
            return f"[{number}](tel:{re.sub(r'[^0-9+]', '', str(number))})"
        if entry is None or isinstance(in_language(entry, language), dict):
            known = ", ".join(sorted(data))
            log.warning(
                f"{source}, regel {line}: '{{{{ {name} }}}}' staat niet in data/contact.yml. "
                f"Controleer de schrijfwijze; bekende namen beginnen met: {known}."
            )
            return match.group(0)
        return str(in_language(entry, language))

    return PLACEHOLDER.sub(replace, markdown)


def on_config(config: Any) -> Any:
    config.extra["contact"] = load_contact(data_file(config))
    return config


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.filters["taal"] = in_language
    return env


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    return substitute(markdown, config.extra["contact"], page_language(config), source)
