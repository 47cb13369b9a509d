"""MkDocs adapter for sitebuild/site_config.py: `extra` values from data, when missing.

tools/build_site.py builds from a generated configuration that already holds them
(`extra.contact`); a plain `mkdocs serve -f mkdocs.yml` does not,
so this hook fills in what is missing, from the same function.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitebuild.problems import DataError
from sitebuild.site_config import site_extra


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
