"""The layers of formhandler hold: contracts pass, a wrong arrow fails, SQL stays in storage."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.site import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
# A statement's first word; BEGIN and COMMIT as whole words, so that Decap's
# `commitMessage` and `commit_messages` (the newsroom) are not taken for SQL.
SQL_START = re.compile(r"(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE) |(BEGIN|COMMIT)\b")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_the_import_contracts_hold_on_the_tree() -> None:
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BROKEN" not in done.stdout


@pytest.mark.parametrize(
    ("module", "forbidden", "contract"),
    [
        ("storage/database.py", "from formhandler.web import app", "formhandler layers"),
        ("forms/validation.py", "import sqlite3", "form specs and validation are pure"),
        ("storage/messages.py", "import starlette.requests", "know nothing of HTTP"),
        ("web/staff_pages.py", "from formhandler.mail import devsink", "local mail sink"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(
    tmp_path: Path, module: str, forbidden: str, contract: str
) -> None:
    shutil.copytree(ROOT / "formhandler", tmp_path / "formhandler")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "formhandler" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{forbidden}  # noqa\n")
    done = _lint_imports(tmp_path)
    assert done.returncode != 0
    broken = done.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, done.stdout


def _sql_strings(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL_START.match(node.value.lstrip().upper()):
                lines.append(node.lineno)
        elif isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany"):
            lines.append(node.lineno)
    return lines


def test_sql_is_written_only_in_storage() -> None:
    outside = {
        str(path.relative_to(ROOT)): found
        for path in sorted((ROOT / "formhandler").rglob("*.py"))
        if "storage" not in path.relative_to(ROOT / "formhandler").parts
        and (found := _sql_strings(path))
    }
    assert outside == {}


def test_the_sql_finder_sees_sql() -> None:
    assert _sql_strings(ROOT / "formhandler" / "storage" / "messages.py")
