"""Build the three audiences into one site folder, always strict.

The adult site goes first because it cleans the output folder; the children's
and youth sites then build side by side into `kinderen/` and `jongeren/`. Each
build reads a generated configuration that inherits the real one and adds the
values of `extra` that come from data/ (sitebuild/site_config.py), so the
templates get the contact facts without a hook.
A failed audience does not stop the others: every mistake is collected, so an
editor sees them all at once.

On the terminal it says only what people need: the things to fix, in Dutch with
file and line (tools/build_messages.py), and one line that sums up. Everything
MkDocs said goes to the log file that line names.
Usage: python -m tools.build_site [--out site] [--root .] [--log var/build.log]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitebuild.problems import DataError
from sitebuild.site_config import site_extra, write_generated_config
from tools.build_messages import Problem, count_in_words, problems, problems_in_text, unique
from tools.search_index import split_search_index

ROOT = Path(__file__).resolve().parent.parent
AUDIENCES = {
    "volwassenen": ("mkdocs.yml", ""),
    "kinderen": ("mkdocs.kinderen.yml", "kinderen"),
    "jongeren": ("mkdocs.jongeren.yml", "jongeren"),
}


# Where each audience's pages are (the docs_dir of its configuration).
DOCS_DIRS = {"volwassenen": "docs", "kinderen": "kids", "jongeren": "youth"}
DEFAULT_LOG = Path("var") / "build.log"


class BuildError(RuntimeError):
    """The build failed: `problems` are the things to fix, `output` all MkDocs said."""

    def __init__(self, problems: list[Problem], output: dict[str, str]) -> None:
        self.problems = problems
        self.output = output
        lines = [str(problem) for problem in problems]
        # The problems first, then everything MkDocs said (for developers and the tests).
        super().__init__("\n".join(["De build is mislukt.", *lines, "", self.text]))

    @property
    def text(self) -> str:
        return "\n".join(self.output.values())


@dataclass
class BuildResult:
    output: dict[str, str]
    problems: list[Problem] = field(default_factory=list)

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
        extra = site_extra(root, env)
    except DataError as error:
        raise BuildError(problems_in_text(str(error)), {"data": str(error)}) from error
    configs = {name: write_generated_config(root, AUDIENCES[name][0], extra) for name in names}
    found: list[Problem] = []
    failed: list[str] = []

    def finish(name: str, process: subprocess.Popen[str]) -> None:
        text, _ = process.communicate()
        output[name] = text
        config = AUDIENCES[name][0]
        found.extend(problems(text, root=root, docs_dir=DOCS_DIRS[name], config=config))
        if process.returncode != 0:
            failed.append(name)

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
        if not failed:
            split_search_index(out)
    rest = [name for name in names if name != "volwassenen"]
    running = [(name, start(name)) for name in rest]
    for name, process in running:
        finish(name, process)
    if failed:
        raise BuildError(unique(found), output)
    return BuildResult(output, unique(found))


def write_log(path: Path, output: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"===== {name} =====\n{said}\n" for name, said in output.items())
    path.write_text(text, encoding="utf-8")


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--only", choices=sorted(AUDIENCES))
    parser.add_argument("--log", type=Path, default=None, help="default: ROOT/var/build.log")
    args = parser.parse_args()
    root = args.root.resolve()
    log = args.log or root / DEFAULT_LOG
    started = time.monotonic()
    try:
        result = build_site(args.out, root=root, only=args.only)
    except BuildError as error:
        write_log(log, error.output)
        # No half-built site is left behind to be served by mistake.
        shutil.rmtree(args.out, ignore_errors=True)
        for problem in error.problems:
            print(problem)
        print(
            f"Niet gebouwd: {count_in_words(max(len(error.problems), 1))}. "
            f"Alles wat de build zei, staat in {_shown(log)}."
        )
        return 1
    write_log(log, result.output)
    seconds = time.monotonic() - started
    print(
        f"Gebouwd zonder fouten in {seconds:.0f} s: de site staat in {_shown(args.out)}/. "
        f"Alles wat de build zei, staat in {_shown(log)}."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
