"""Build the three audiences into one site folder, always strict.

The adult site goes first because it cleans the output folder; the children's
and youth sites then build side by side into `kinderen/` and `jongeren/`. Each
build reads a generated configuration that inherits the real one and adds the
values of `extra` that come from data/ (sitebuild/site_config.py), so the
templates get the contact facts without a hook.
Usage: python -m tools.build_site [--out site] [--root .]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sitebuild.problems import DataError
from sitebuild.site_config import site_extra, write_generated_config
from tools.search_index import split_search_index

ROOT = Path(__file__).resolve().parent.parent
AUDIENCES = {
    "volwassenen": ("mkdocs.yml", ""),
    "kinderen": ("mkdocs.kinderen.yml", "kinderen"),
    "jongeren": ("mkdocs.jongeren.yml", "jongeren"),
}


class BuildError(RuntimeError):
    """The build failed; the text holds MkDocs' messages for the editor."""


@dataclass
class BuildResult:
    output: dict[str, str]

    @property
    def text(self) -> str:
        return "\n".join(self.output.values())


def _command(config: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(config),
        "-d",
        str(out),
    ]


def build_site(
    out: Path, *, root: Path = ROOT, site_date: str | None = None, only: str | None = None
) -> BuildResult:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    if site_date:
        env["SITE_DATE"] = site_date
    out = out.resolve()
    names = [only] if only else list(AUDIENCES)
    output: dict[str, str] = {}
    try:
        extra = site_extra(root)
    except DataError as error:
        raise BuildError(str(error)) from error
    configs = {name: write_generated_config(root, AUDIENCES[name][0], extra) for name in names}

    def finish(name: str, process: subprocess.Popen[str]) -> None:
        text, _ = process.communicate()
        output[name] = text
        if process.returncode != 0:
            raise BuildError(f"De build van '{name}' is mislukt:\n{text}")

    def start(name: str) -> subprocess.Popen[str]:
        sub = AUDIENCES[name][1]
        return subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            _command(configs[name], out / sub if sub else out),
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    if "volwassenen" in names:
        finish("volwassenen", start("volwassenen"))
        split_search_index(out)
    rest = [name for name in names if name != "volwassenen"]
    running = [(name, start(name)) for name in rest]
    errors = []
    for name, process in running:
        try:
            finish(name, process)
        except BuildError as error:
            errors.append(str(error))
    if errors:
        raise BuildError("\n".join(errors))
    return BuildResult(output)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--only", choices=sorted(AUDIENCES))
    args = parser.parse_args()
    try:
        result = build_site(args.out, root=args.root.resolve(), only=args.only)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(result.text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
