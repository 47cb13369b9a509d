"""Where a value stands in a YAML file, so a check can name the line an editor must fix.

The data files (data/contact.yml, data/organisaties.yml) are checked against their JSON
schema after loading, which forgets lines; the composed YAML still knows them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml


def plain(value: Any) -> Any:
    """YAML reads 2026-11-22 as a date; a JSON schema wants the text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def line_of(root: yaml.Node | None, path: list[Any]) -> int:
    """The line (1-based) of the deepest node on `path` (keys and list indexes) in the
    composed YAML `root`."""
    node = root
    line = (node.start_mark.line + 1) if node is not None else 1
    for step in path:
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                break
            node = node.value[step]
            line = node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    line = key.start_mark.line + 1
                    node = value
                    break
            else:
                break
        else:
            break
    return line
