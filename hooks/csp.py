"""MkDocs adapter for sitebuild/csp.py: inline event handlers warn, hashes after the build."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sitebuild import csp

log = logging.getLogger("mkdocs.plugins.1712.csp")


def on_post_page(output: str, *, page: Any, config: Any) -> str:
    problem = csp.event_handler_problem(output, f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    if problem:
        log.warning(problem)
    return output


def on_post_build(*, config: Any) -> None:
    audience = config.extra.get("audience", "volwassenen")
    audience_path = config.extra.get("audiences", {}).get(audience, "/")
    own, every = csp.hash_site(Path(config.site_dir), audience, audience_path)
    log.info(f"CSP: {len(own)} inline scripts gehasht ({len(every)} voor de hele site)")
