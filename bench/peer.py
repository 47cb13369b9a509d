"""The "peer": the same Dutch pages built by plain Material, without our overrides or hooks.

The peer keeps Material's defaults except web fonts (`font: false`): Material's
default loads Roboto from Google, a request to another host we cannot measure
here and would never make. Front matter that needs our templates
(`template: home.html`) is dropped; pages keep their Markdown as it is, so
our placeholders stay as text in the peer (a few bytes either way).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from sitebuild.csp import inline_script_hashes, nginx_include

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {"": ROOT / "docs", "kinderen": ROOT / "kids", "jongeren": ROOT / "youth"}
_TRANSLATION = re.compile(r"\.(fr|en)\.md$")
_TEMPLATE = re.compile(r"^template:.*\n", re.MULTILINE)


def _copy_pages(source: Path, target: Path) -> None:
    for path in source.rglob("*.md"):
        if _TRANSLATION.search(path.name):
            continue
        relative = path.relative_to(source)
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_text(_TEMPLATE.sub("", path.read_text(encoding="utf-8")))


def _config(docs: Path, site: Path, name: str) -> dict[str, object]:
    return {
        "site_name": name,
        "docs_dir": str(docs),
        "site_dir": str(site),
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "nl", "font": False},
        "plugins": ["search"],
        "markdown_extensions": [
            "toc",
            "attr_list",
            "md_in_html",
            "admonition",
            "tables",
            "def_list",
            "pymdownx.details",
        ],
    }


def build_peer(work: Path) -> Path:
    """Build the peer of every audience into `work/site`; returns that folder."""
    site = work / "site"
    for sub, source in SOURCES.items():
        docs = work / "docs" / (sub or "volwassenen")
        _copy_pages(source, docs)
        config = work / f"mkdocs-{sub or 'volwassenen'}.yml"
        config.write_text(yaml.safe_dump(_config(docs, site / sub, "1712")), encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
            check=True,
            capture_output=True,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )
    # Served by the same nginx configuration, which includes the hash file.
    hashes: set[str] = set()
    for page in site.rglob("*.html"):
        hashes |= inline_script_hashes(page.read_text(encoding="utf-8"))
    (site / "csp-hashes.nginx").write_text(nginx_include(sorted(hashes)), encoding="utf-8")
    return site
