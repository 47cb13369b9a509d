"""The one template environment of the service, and where its static files live.

Form pages and staff pages render from `web/templates/` with autoescaping on; links
to the service's own routes come from the route names (`url(name, **params)` in a
template), never from typed paths.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request

from formhandler.core.i18n import staff_moment

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"

TEMPLATES = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.filters["local"] = staff_moment


def render(template: str, request: Request | None = None, **values: Any) -> str:
    """A template with `url(name, **params)`: the path of a named route of this app."""
    if request is not None:
        values.setdefault("url", lambda name, **params: request.app.url_path_for(name, **params))
    return TEMPLATES.get_template(template).render(**values)
