"""A newsroom commit publishes with the strict build; a failure is told on the staff side in
Dutch with file, line and what to do, and the live site stays as it was."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.support.newsroom import Decap, newsroom_app
from tests.support.staff import add_account, login

PAGE_WITHOUT_ALT = """---
title: "Samen sterk"
description: "Over vrienden die je helpen als het thuis niet goed gaat."
---

# Samen sterk

Een vriend kan helpen.

![](images/vrienden.png)
"""
# The smallest PNG: one transparent pixel.
PIXEL = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b20000000049454e44ae426082"
    )
).decode()


@pytest.mark.build
def test_an_image_without_alt_text_is_told_in_dutch_after_publishing_fails(
    site_dir: Path, tmp_path: Path
) -> None:
    live = tmp_path / "site"
    shutil.copytree(site_dir, live)
    before = (live / "jongeren" / "index.html").read_bytes()
    app = newsroom_app(tmp_path, live)
    secret = add_account(app, "anna", "redactie")
    with TestClient(app) as client:
        assert login(client, "anna", secret).status_code == 303
        decap = Decap(client)
        image = {"path": "youth/images/vrienden.png", "content": PIXEL, "encoding": "base64"}
        saved = decap.save(
            "youth/samen-sterk.md", PAGE_WITHOUT_ALT, collection="jongeren", assets=[image]
        )
        assert saved.status_code == 200, saved.text
        assert app.state.newsroom.publisher.wait(600)
        page = client.get("/medewerkers/redactie/publicatie").text
    assert "Niet gepubliceerd: 1 ding te verbeteren" in page
    assert "<strong>youth/samen-sterk.md, regel 10</strong>" in page
    assert "de afbeelding &#39;vrienden.png&#39; heeft geen alt-tekst" in page
    assert (live / "jongeren" / "index.html").read_bytes() == before
    assert not (live / "jongeren" / "samen-sterk").exists()
