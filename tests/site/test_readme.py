"""The README keeps up with the code: two commands first, every setting, command and
make target documented."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from formhandler.cli.main import build_parser
from formhandler.core.settings import VARIABLES

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "formhandler") -> list[str]:
    found = []
    for action in parser._actions:  # argparse keeps subcommands only here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                below = _commands(sub, f"{prefix} {name}")
                found += below or [f"{prefix} {name}"]
    return found


def test_the_readme_starts_with_exactly_the_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.DOTALL)
    assert first_block
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert [c for c in commands if c] == ["make serve", "make test"]


def test_every_setting_is_in_the_configuration_table() -> None:
    missing = [name for name in VARIABLES if f"| `{name}`" not in README]
    assert not missing


def test_every_formhandler_command_is_documented() -> None:
    commands = _commands(build_parser())
    assert "formhandler serve" in commands and "formhandler user add" in commands
    missing = [command for command in commands if f"`{command}" not in README]
    assert not missing


def test_every_make_target_with_a_help_line_is_named() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^([a-z-]+):.*## ", makefile, re.MULTILINE)
    assert {"serve", "test", "build", "lint", "bench", "help"} <= set(targets)
    missing = [t for t in targets if f"`{t}`" not in README and f"make {t}" not in README]
    assert not missing
