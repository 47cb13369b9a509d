"""The line of a value in a YAML file, for the data files' Dutch messages."""

from __future__ import annotations

from datetime import date

import yaml

from formhandler.core.yaml_lines import line_of, plain

TEXT = """\
kalender:
  telefoon:
    - dagen: [maandag]
      van: "09:00"
  sluitingsdagen:
    - datum: 2026-12-24
"""


def test_the_line_of_a_key_a_list_item_and_a_path_that_goes_too_far() -> None:
    root = yaml.compose(TEXT, Loader=yaml.SafeLoader)
    assert line_of(root, []) == 1
    assert line_of(root, ["kalender", "telefoon"]) == 2
    assert line_of(root, ["kalender", "telefoon", 0, "van"]) == 4
    assert line_of(root, ["kalender", "sluitingsdagen", 0]) == 6
    assert line_of(root, ["kalender", "telefoon", 5]) == 2  # no sixth block: its list
    assert line_of(root, ["kalender", "onbekend"]) == 1


def test_dates_become_text_at_any_depth() -> None:
    loaded = yaml.safe_load(TEXT)
    assert loaded["kalender"]["sluitingsdagen"][0]["datum"] == date(2026, 12, 24)
    assert plain(loaded)["kalender"]["sluitingsdagen"][0]["datum"] == "2026-12-24"
