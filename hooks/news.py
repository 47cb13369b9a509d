"""MkDocs adapter for sitebuild/news.py: the news list, item headers, campaign banners."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitebuild import news
from sitebuild.languages import language_of
from sitebuild.problems import DataError

log = logging.getLogger("mkdocs.plugins.1712.controle")


def _root(config: Any) -> Path:
    # The children's and youth configs sit next to mkdocs.yml, so news is always here.
    return Path(config.config_file_path).resolve().parent


def _site_date() -> Any:
    try:
        return news.site_date()
    except DataError as error:
        raise PluginError(str(error)) from error


def _first_pass(config: Any) -> bool:
    # mkdocs-static-i18n builds French and English again in on_post_build: report once.
    plugin = config.plugins.get("i18n")
    return plugin is None or not getattr(plugin, "building", False)


def on_config(config: Any) -> Any:
    items, problems = news.load_items(_root(config))
    if _first_pass(config):
        for message in problems:
            log.warning(message)
    audiences = config.extra.get("audiences") or {}
    config.extra["campaign_banners"] = news.banners(
        items,
        config.extra.get("audience", "volwassenen"),
        _site_date(),
        f"{audiences.get('volwassenen', '/')}nieuws/",
    )
    return config


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    # `mkdocs serve -f mkdocs.kinderen.yml` reloads when a campaign is edited too.
    server.watch(str(_root(config) / news.NEWS_FOLDER))
    return server


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    dutch = language_of(config.theme.get("language")) == "nl"
    uri = page.file.src_uri
    if config.extra.get("audience") != "volwassenen" or not dutch:
        return markdown
    if not uri.startswith("nieuws/") or uri.count("/") != 1:
        return markdown
    items, _ = news.load_items(_root(config))
    if uri == "nieuws/index.md":
        return news.with_list(markdown, news.news_list(items, _site_date()))
    item = next((item for item in items if f"nieuws/{item.slug}.md" == uri), None)
    if item is None:
        return markdown  # a broken item: on_config already said what to fix
    # The summary is the page's description for search engines and link previews.
    page.meta.setdefault("description", item.summary)
    return news.with_header(markdown, item)
