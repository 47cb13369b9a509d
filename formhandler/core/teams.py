"""Queues and where their notifications go, from FORMHANDLER_TEAMS_FILE.

A message with a region goes to that province's team, one without to the central
queue, a complaint to the complaints queue. The file is checked at start: a queue
the forms route to that is missing, or a queue without an address, stops the
service with the file's name and what to add.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from formhandler.core.settings import SettingsError

CENTRAL = "centraal"
COMPLAINTS = "klachten"
REGIONS = ("antwerpen", "limburg", "oost-vlaanderen", "west-vlaanderen", "vlaams-brabant-brussel")


@dataclass(frozen=True)
class Queue:
    key: str
    name: str
    notify: tuple[str, ...]


@dataclass(frozen=True)
class Teams:
    queues: dict[str, Queue]
    coordinators: tuple[str, ...]

    def queue_for(self, form: str, region: str | None) -> Queue:
        if form == "klacht":
            return self.queues[COMPLAINTS]
        if region and region in self.queues:
            return self.queues[region]
        return self.queues[CENTRAL]


def load_teams(path: Path) -> Teams:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SettingsError(f"FORMHANDLER_TEAMS_FILE {path} cannot be read: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("queues"), dict):
        raise SettingsError(f"{path}: needs a 'queues:' mapping (see formhandler/teams.dev.yml).")
    queues = {}
    for key, entry in data["queues"].items():
        notify = entry.get("notify") if isinstance(entry, dict) else None
        if not notify or not all(isinstance(address, str) for address in notify):
            raise SettingsError(f"{path}: queue {key!r} needs 'notify:' with at least one address.")
        queues[str(key)] = Queue(str(key), str(entry.get("name") or key), tuple(notify))
    missing = [key for key in (*REGIONS, CENTRAL, COMPLAINTS) if key not in queues]
    if missing:
        raise SettingsError(f"{path}: the forms route to queues that are missing: {missing}.")
    return Teams(queues, tuple(data.get("coordinators") or ()))
