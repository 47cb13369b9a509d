"""The shape of the site build: plain modules in sitebuild/, thin MkDocs adapters in hooks/."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.site import ROOT

SITEBUILD = sorted((ROOT / "sitebuild").rglob("*.py"))
HOOKS = sorted((ROOT / "hooks").glob("*.py"))
BUILD_CODE = [*SITEBUILD, *HOOKS, *sorted((ROOT / "tools").glob("*.py"))]


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_files_are_where_the_layout_says() -> None:
    # Every adapter in hooks/ is one the adults' build runs, and the other way round.
    listed = re.findall(r"^  - (hooks/\w+\.py)$", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert len(SITEBUILD) >= 15 and sorted(listed) == [_name(path) for path in HOOKS]


@pytest.mark.parametrize("path", SITEBUILD, ids=_name)
def test_sitebuild_knows_nothing_of_mkdocs(path: Path) -> None:
    assert not [name for name in _imports(_tree(path)) if name.split(".")[0] == "mkdocs"]


@pytest.mark.parametrize("path", SITEBUILD, ids=_name)
def test_sitebuild_keeps_no_state_between_calls(path: Path) -> None:
    """No `global`, and no module-level container that starts empty to be filled later."""
    tree = _tree(path)
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Global)]
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            value = node.value
            empty = (
                isinstance(value, ast.Dict | ast.List | ast.Set) and not ast.unparse(value)[1:-1]
            )
            called = isinstance(value, ast.Call) and ast.unparse(value.func) in (
                "dict",
                "list",
                "set",
                "defaultdict",
            )
            assert not (empty or called), f"{_name(path)}: {ast.unparse(node)}"


@pytest.mark.parametrize("path", [*SITEBUILD, *HOOKS], ids=_name)
def test_no_module_is_over_300_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


@pytest.mark.parametrize("path", HOOKS, ids=_name)
def test_hooks_are_thin_adapters(path: Path) -> None:
    """Each event a few lines that call sitebuild; no data files read, no YAML parsed."""
    tree = _tree(path)
    assert any(name.startswith("sitebuild") for name in _imports(tree))
    assert "yaml" not in _imports(tree) and "jsonschema" not in _imports(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            lines = node.end_lineno - node.lineno + 1  # type: ignore[operator]
            assert lines <= 30, f"{_name(path)}: {node.name} has {lines} lines"


def test_only_three_modules_parse_yaml_and_one_reads_contact_yml() -> None:
    """data/contact.yml has one loader (sitebuild.contact.load_contacts); front matter and
    data/organisaties.yml have theirs; nothing else in the build parses YAML."""
    parsing = set()
    for path in BUILD_CODE:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call) and ast.unparse(node.func) in (
                "yaml.safe_load",
                "yaml.load",
                "yaml.compose",
            ):
                parsing.add(_name(path))
    assert parsing == {
        "sitebuild/contact.py",
        "sitebuild/frontmatter.py",
        "sitebuild/organisations/schema.py",
    }
    loaders = {
        _name(path)
        for path in BUILD_CODE
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.FunctionDef) and "contact" in node.name and "load" in node.name
    }
    assert loaders == {"sitebuild/contact.py"}


def test_lint_imports_fails_when_sitebuild_imports_mkdocs(tmp_path: Path) -> None:
    """`make lint` runs import-linter; its contract keeps MkDocs out of sitebuild."""
    for package in ("formhandler", "sitebuild"):
        shutil.copytree(ROOT / package, tmp_path / package)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "sitebuild" / "contact.py"
    target.write_text(target.read_text(encoding="utf-8") + "\nimport mkdocs.plugins  # noqa\n")
    done = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    broken = done.stdout.split("Broken contracts", 1)[-1]
    assert "sitebuild never imports MkDocs" in broken, done.stdout
    assert "sitebuild.contact -> mkdocs" in broken
