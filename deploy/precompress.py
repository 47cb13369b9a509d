"""Write a .gz beside every compressible file of the built site, for nginx's gzip_static.

Run after each build: `.venv/bin/python -m deploy.precompress site`. Level 9
once at deploy time costs nothing per request; a stale .gz whose source is
gone is removed.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
# Below this, gzip's own header makes the file larger or saves nothing worth a lookup.
MIN_BYTES = 256


def precompress(site: Path) -> int:
    """Compress every file worth it; returns how many .gz files were written."""
    written = 0
    for gz in site.rglob("*.gz"):
        if not gz.with_suffix("").exists():
            gz.unlink()
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix not in SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        target = path.with_name(path.name + ".gz")
        compressed = gzip.compress(data, compresslevel=9, mtime=int(path.stat().st_mtime))
        if len(compressed) >= len(data):
            continue
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(compressed)
        os.replace(temporary, target)
        written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else "site")
    if not (site / "index.html").is_file():
        print(f"precompress: {site} holds no built site (index.html missing)", file=sys.stderr)
        return 1
    print(f"precompress: {precompress(site)} files compressed in {site}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
