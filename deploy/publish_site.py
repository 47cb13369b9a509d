"""Build the site beside the live one and swap it in, so visitors never see half a build.

Run every night by formhandler-publish.timer, so a campaign banner appears on its
first day and disappears after its last without anyone publishing by hand; run by
hand after a `git pull`. Usage: python -m deploy.publish_site --out /srv/1712/site
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from deploy.precompress import precompress
from tools.build_site import ROOT, BuildError, build_site


def publish(out: Path, *, root: Path = ROOT, site_date: str | None = None) -> Path:
    """Build into OUT.new (strict), precompress, then put it in place of OUT.

    A failed build leaves the live site untouched.
    """
    out = out.resolve()
    new, old = out.with_name(out.name + ".new"), out.with_name(out.name + ".old")
    shutil.rmtree(new, ignore_errors=True)
    build_site(new, root=root, site_date=site_date)
    precompress(new)
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="the live site folder")
    args = parser.parse_args(argv)
    try:
        publish(args.out)
    except BuildError as error:
        print(f"The live site was left as it was.\n{error}", file=sys.stderr)
        return 1
    print(f"published {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
