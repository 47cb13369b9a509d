"""The built site's CSP hash files (sitebuild/csp.py): every audience's inline scripts."""

from __future__ import annotations

import json
from pathlib import Path

from sitebuild.csp import HASHES_FILE, inline_script_hashes


def test_the_built_site_lists_the_hashes_of_every_audience(site_dir: Path) -> None:
    merged = json.loads((site_dir / HASHES_FILE).read_text())
    assert set(merged["audiences"]) == {"volwassenen", "kinderen", "jongeren"}
    for sub in ("kinderen", "jongeren"):
        own = json.loads((site_dir / sub / HASHES_FILE).read_text())["script_hashes"]
        assert own == merged["audiences"][sub]
        needed = set()
        for page in (site_dir / sub).rglob("*.html"):
            needed |= inline_script_hashes(page.read_text(encoding="utf-8"))
        assert set(own) == needed
    assert set(merged["script_hashes"]) == {
        h for hashes in merged["audiences"].values() for h in hashes
    }
