"""Build the site beside the live one and swap it in, so visitors never see half a build.

Run every night by formhandler-publish.timer, so a campaign banner appears on its
first day and disappears after its last without anyone publishing by hand; run by
hand after a `git pull`; and run by the newsroom after each of its commits
(formhandler/staff/publishing.py), with `--from-git` and `--report`.
Usage: python -m deploy.publish_site --out /srv/1712/live/site [--from-git REPO]
       [--report result.json] [--log build.log] [--site-date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from deploy.precompress import precompress
from tools.build_site import DEFAULT_LOG, ROOT, BuildError, build_site, write_log


def publish(out: Path, *, root: Path = ROOT, site_date: str | None = None) -> Path:
    """Build into OUT.new (strict), precompress, then put it in place of OUT.

    A failed build leaves the live site untouched.
    """
    out = out.resolve()
    new, old = out.with_name(out.name + ".new"), out.with_name(out.name + ".old")
    shutil.rmtree(new, ignore_errors=True)
    try:
        build_site(new, root=root, site_date=site_date)
    except BuildError:
        shutil.rmtree(new, ignore_errors=True)
        raise
    precompress(new)
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return out


def snapshot(repo: Path, destination: Path) -> str:
    """The files of REPO's last commit, written into DESTINATION; returns the commit.

    Built from the commit, not the work tree: what is published is exactly what was
    committed, even while the newsroom writes its next change.
    """
    commit = subprocess.run(  # noqa: S603 - fixed argv, no shell
        ["git", "-C", str(repo), "rev-parse", "HEAD"],  # noqa: S607 - git from PATH
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    archive = subprocess.run(  # noqa: S603 - fixed argv, no shell
        ["git", "-C", str(repo), "archive", "--format=tar", commit],  # noqa: S607
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return commit


def _report(path: Path | None, **values: object) -> None:
    if path is None:
        return
    values["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(json.dumps(values, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="the live site folder")
    parser.add_argument("--from-git", type=Path, help="build the last commit of this work tree")
    parser.add_argument("--report", type=Path, help="write the result as JSON here")
    parser.add_argument("--log", type=Path, help="everything MkDocs said (var/build.log)")
    parser.add_argument("--site-date", help="the date the build takes as today")
    args = parser.parse_args(argv)
    log = args.log or ROOT / DEFAULT_LOG
    with tempfile.TemporaryDirectory(prefix="publish-") as work:
        commit = None
        root = ROOT
        if args.from_git:
            root = Path(work)
            commit = snapshot(args.from_git, root)
        try:
            publish(args.out, root=root, site_date=args.site_date)
        except BuildError as error:
            write_log(log, error.output)
            _report(
                args.report,
                ok=False,
                revision=commit,
                problems=[problem.as_dict() for problem in error.problems],
                log=str(log),
            )
            print("De live site bleef zoals ze was. Te verbeteren:", file=sys.stderr)
            for problem in error.problems:
                print(f"  {problem}", file=sys.stderr)
            return 1
    _report(args.report, ok=True, revision=commit, problems=[], log=str(log))
    print(f"published {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
