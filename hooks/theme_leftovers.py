"""MkDocs adapter for sitebuild/theme_leftovers.py, on every page and on the 404 page."""

from __future__ import annotations

from typing import Any

from sitebuild.theme_leftovers import without_leftovers


def on_post_page(output: str, *, page: Any, config: Any) -> str:
    return without_leftovers(output)


def on_post_template(output_content: str, *, template_name: str, config: Any) -> str:
    return without_leftovers(output_content)
