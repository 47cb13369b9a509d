"""The project's site sources and its built pages, as tests see them."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What a build of the site reads: configurations, pages, theme, hooks, data.
SITE_SOURCES = (
    "mkdocs.yml",
    "mkdocs.kinderen.yml",
    "mkdocs.jongeren.yml",
    "docs",
    "kids",
    "youth",
    "overrides",
    "hooks",
    "sitebuild",
    "data",
)


def copy_of_project(destination: Path) -> Path:
    """The site's sources copied into destination, for a build that a test changes."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy(source, destination / name)
    return destination


def built_pages(site: Path) -> list[Path]:
    """Every HTML page of every audience and language, except the 404 pages."""
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def page_url(site: Path, path: Path) -> str:
    """The URL path at which a built file is served ('/fr/contact/mail/')."""
    relative = path.relative_to(site).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative
