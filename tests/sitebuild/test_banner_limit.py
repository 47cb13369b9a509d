"""A campaign banner has one limit, in the newsroom's form and in the build."""

from __future__ import annotations

import yaml

from formhandler.staff.decap_config import BANNER_MAX, config
from sitebuild import news

ITEM = """---
title: "Veilig sporten"
date: 2026-12-01
summary: "Een campagne."
audiences: [jongeren]
from: 2026-12-01
until: 2026-12-07
banner: "{banner}"
---

# Veilig sporten
"""


def test_the_build_refuses_a_banner_over_the_limit_with_file_and_line() -> None:
    fits = ITEM.format(banner="x" * BANNER_MAX)
    too_long = ITEM.format(banner="x" * (BANNER_MAX + 1))
    assert news.parse_item(fits, "t", "docs/nieuws/t.md")[1] == []
    item, problems = news.parse_item(too_long, "t", "docs/nieuws/t.md")
    assert item is None
    assert problems == [
        f"docs/nieuws/t.md, regel 8: de banner is te lang ({BANNER_MAX + 1} tekens, hoogstens "
        f"{BANNER_MAX}). Houd het bij één korte zin; de rest hoort in de tekst van het bericht."
    ]


def test_the_newsroom_form_has_the_builds_limit() -> None:
    assert news.BANNER_MAX == BANNER_MAX
    collections = yaml.safe_load(config("/x", "main"))["collections"]
    fields = {f["name"]: f for f in collections[0]["fields"]}
    assert fields["banner"]["pattern"][0] == f"^.{{0,{BANNER_MAX}}}$"
