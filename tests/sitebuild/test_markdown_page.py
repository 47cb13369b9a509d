"""sitebuild/markdown_page.py: a page's Markdown parsed into headings, images, links, text and
prose, each at the line the editor wrote it on."""

from __future__ import annotations

from sitebuild.markdown_page import Heading, Image, Link, parse

PAGE = """---
title: "T"
description: "D"
---

# Titel

Eerste regel met [een link](a.md)
en ![een foto](beeld.png) op regel 9.

Onderstreept
------------

<h4>HTML-kop</h4>

| kolom | <https://www.awel.be> |
|---|---|
| [![Logo van Awel](awel.png)](https://www.awel.be) | cel |

Code: `bel 106` en:

```
[klik hier](x.md) 101
```

<!-- [lees meer](y.md) -->
"""


def test_headings_of_every_kind_with_their_lines() -> None:
    assert parse(PAGE).headings == [
        Heading(6, 1, "Titel"),
        Heading(11, 2, "Onderstreept"),
        Heading(14, 4, "HTML-kop"),
    ]


def test_links_and_images_with_their_lines_and_texts() -> None:
    page = parse(PAGE)
    assert page.links == [
        Link(8, "een link", "a.md"),
        Link(16, "https://www.awel.be", "https://www.awel.be"),
        Link(18, "Logo van Awel", "https://www.awel.be"),  # a linked image: its alt text
    ]
    assert page.images == [
        Image(9, "een foto", "beeld.png"),
        Image(18, "Logo van Awel", "awel.png"),
    ]


def test_code_and_comments_are_never_read() -> None:
    page = parse(PAGE)
    text = " ".join(piece for _, piece in page.texts)
    assert "106" not in text and "101" not in text and "klik hier" not in text
    assert all(link.text != "lees meer" for link in page.links)


def test_prose_is_paragraphs_and_list_items_not_headings_or_tables() -> None:
    page = parse(PAGE)
    # An image is not read as part of a sentence, as on the built page.
    first = [(line, " ".join(text.split())) for line, text in page.prose[0]]
    assert first == [(8, "Eerste regel met een link"), (9, "en op regel 9.")]
    assert all("kolom" not in text and "Titel" not in text for b in page.prose for _, text in b)


def test_placeholders_are_no_text_for_numbers_and_their_words_in_prose() -> None:
    page = parse(
        "Bel {{ tel:awel }} of [Awel]({{ awel.website }}){ .md-button }.\n",
        fill=lambda is_tel, name: "102" if is_tel else "de website",
    )
    assert page.prose == [[(1, "Bel 102 of Awel.")]]
    assert page.links == [Link(1, "Awel", page.links[0].href)]
    assert all("102" not in text for _, text in page.texts)


def test_the_body_of_an_admonition_is_read_like_any_text() -> None:
    page = parse('!!! note "Let op"\n\n    Zie [hier](x.md).\n')
    assert page.links == [Link(3, "hier", "x.md")]
    assert page.prose == [[(1, "Let op")], [(3, "Zie hier.")]]
