"""Routing to queues: region to the provincial team, none to central, complaints apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from formhandler.core.settings import DEFAULT_TEAMS_FILE, SettingsError
from formhandler.core.teams import load_teams


@pytest.mark.parametrize(
    ("form", "region", "queue", "address"),
    [
        ("mail", "limburg", "limburg", "team-limburg@1712.test"),
        ("mail", "vlaams-brabant-brussel", "vlaams-brabant-brussel", None),
        ("mail", None, "centraal", "centraal@1712.test"),
        ("mail", "", "centraal", "centraal@1712.test"),
        ("klacht", "antwerpen", "klachten", "klachten@1712.test"),
    ],
)
def test_each_message_goes_to_its_queue(
    form: str, region: str | None, queue: str, address: str | None
) -> None:
    found = load_teams(DEFAULT_TEAMS_FILE).queue_for(form, region)
    assert found.key == queue
    if address:
        assert found.notify == (address,)


def test_a_teams_file_without_a_needed_queue_stops_the_start(tmp_path: Path) -> None:
    path = tmp_path / "teams.yml"
    path.write_text("queues:\n  centraal:\n    notify: [c@1712.test]\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="klachten"):
        load_teams(path)


def test_a_queue_without_address_is_named(tmp_path: Path) -> None:
    path = tmp_path / "teams.yml"
    path.write_text("queues:\n  limburg:\n    name: Limburg\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="'limburg' needs 'notify:'"):
        load_teams(path)
