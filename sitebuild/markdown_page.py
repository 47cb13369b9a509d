"""A page's Markdown as the editor wrote it, parsed into what the editor checks look at.

markdown-it-py parses the body into tokens with line numbers; each block's inline content
is rendered to HTML and read with the standard library's HTML parser, as is raw HTML in
the page, so links, images and headings are found the same way whether they were written
in Markdown or in HTML. Code (fenced, indented, inline) and HTML comments are never read.

Before parsing, `{{ … }}` placeholders become a neutral word (a placeholder is not a typed
phone number; in a sentence it counts as the text it stands for), the bodies of
admonitions (`!!! note`, `??? note`) lose their indentation, and attribute lists
(`{ .md-button }`) are taken out: Python-Markdown knows them, CommonMark does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from markdown_it import MarkdownIt

from sitebuild import frontmatter
from sitebuild.contact import PLACEHOLDER

_ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+\"(?P<title>[^\"]*)\")?[ \t]*$"
)
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?:[#.][\w-]+|[\w-]+=[^}\n]*)(?:[ \t]+[^}\n]*)?\}")
_SENTINEL = "qxph{}qx"
_SENTINELS = re.compile(r"qxph([a-z]+)qx")
_BLOCK_TAGS = {"p", "li", "div", "td", "th", "dd", "dt", "blockquote", "section", "tr"}
_HEADING = re.compile(r"h[1-6]")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


@dataclass(frozen=True)
class Image:
    line: int
    alt: str
    src: str


@dataclass(frozen=True)
class Link:
    line: int
    text: str
    href: str


@dataclass
class ParsedPage:
    """What the checks read: front matter, and the page's parts with their lines."""

    meta: dict[str, Any]
    headings: list[Heading] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    # Every piece of text a visitor reads (placeholders left out), for the phone check.
    texts: list[tuple[int, str]] = field(default_factory=list)
    # Paragraphs and list items, placeholders filled in: the prose whose sentences count.
    prose: list[list[tuple[int, str]]] = field(default_factory=list)


def _letters(number: int) -> str:
    word = ""
    while True:
        word = chr(ord("a") + number % 26) + word
        number = number // 26 - 1
        if number < 0:
            return word


def _prepare(body: str) -> tuple[str, dict[str, tuple[bool, str]]]:
    """The body with placeholders as neutral words, admonitions dedented, no attribute lists."""
    found: dict[str, tuple[bool, str]] = {}

    def placeholder(match: re.Match[str]) -> str:
        key = _letters(len(found))
        found[key] = (bool(match.group(1)), match.group(2))
        return _SENTINEL.format(key)

    body = PLACEHOLDER.sub(placeholder, body)
    lines, inside = body.split("\n"), None
    for index, line in enumerate(lines):
        marker = _ADMONITION.match(line)
        if marker:
            inside = len(marker.group("indent").expandtabs(4))
            lines[index] = marker.group("indent") + (marker.group("title") or "")
            continue
        if inside is not None and line.strip():
            indent = len(line) - len(line.lstrip())
            if indent >= inside + 4:
                lines[index] = line[:inside] + line[inside + 4 :]
            else:
                inside = None
    return _ATTR_LIST.sub("", "\n".join(lines)), found


class _Scan(HTMLParser):
    """Links, images, headings and text of a piece of HTML, each with its line."""

    def __init__(self, page: ParsedPage, first_line: int, fill: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.first_line, self.fill = page, first_line, fill
        self.links: list[tuple[int, str, list[str]]] = []
        self.heading: tuple[int, int, list[str]] | None = None
        self.skip = 0  # inside code, pre, script or style
        self.block: list[tuple[int, str]] = []
        self.blocks: list[list[tuple[int, str]]] = []

    def line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    def end_block(self) -> None:
        if self.block:
            self.blocks.append(self.block)
        self.block = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag in ("code", "pre", "script", "style"):
            self.skip += 1
        elif tag == "a":
            self.links.append((self.line(), values.get("href", ""), []))
        elif tag == "img":
            alt = values.get("alt", "")
            self.page.images.append(Image(self.line(), alt, values.get("src", "")))
            for _, _, text in self.links:
                text.append(alt)  # a linked image is read out by its alt text
            self.page.texts.append((self.line(), alt))
        elif _HEADING.fullmatch(tag):
            self.heading = (self.line(), int(tag[1]), [])
        if tag in _BLOCK_TAGS or _HEADING.fullmatch(tag):
            self.end_block()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("img", "br"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre", "script", "style") and self.skip:
            self.skip -= 1
        elif tag == "a" and self.links:
            line, href, text = self.links.pop()
            self.page.links.append(Link(line, " ".join("".join(text).split()), href))
        elif _HEADING.fullmatch(tag) and self.heading:
            line, level, text = self.heading
            self.page.headings.append(Heading(line, level, " ".join("".join(text).split())))
            self.heading = None
        if tag in _BLOCK_TAGS or _HEADING.fullmatch(tag):
            self.end_block()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        for _, _, text in self.links:
            text.append(self.fill(data))
        if self.heading:
            self.heading[2].append(self.fill(data))
        # A text spread over several lines: each line of it at its own line number; pieces
        # of one line (split by tags such as <strong>) join without a space.
        for offset, piece in enumerate(data.split("\n")):
            line = self.line() + offset
            if piece.strip():
                self.page.texts.append((line, _SENTINELS.sub(" ", piece)))
            if self.block and self.block[-1][0] == line:
                self.block[-1] = (line, self.block[-1][1] + self.fill(piece))
            elif piece.strip():
                self.block.append((line, self.fill(piece)))


_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")


def parse(text: str, fill: Callable[[bool, str], str] | None = None) -> ParsedPage:
    """A page's file parsed; `fill(is_tel, name)` gives the text a placeholder stands for."""
    source = frontmatter.split(text)
    body, placeholders = _prepare(source.body)

    def filled(piece: str) -> str:
        def one(match: re.Match[str]) -> str:
            is_tel, name = placeholders[match.group(1)]
            return fill(is_tel, name) if fill else name.split(".")[0]

        return _SENTINELS.sub(one, piece)

    page = ParsedPage(meta=source.meta)
    tokens = _MARKDOWN.parse(body)
    in_table, in_heading = False, False
    for token in tokens:
        if token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
        elif token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
            if in_heading and token.map:
                level = int(token.tag[1])
                page.headings.append(Heading(source.first_line + token.map[0], level, ""))
        elif token.type in ("inline", "html_block") and token.map:
            html = (
                token.content
                if token.type == "html_block"
                else _MARKDOWN.renderer.renderInline(token.children or [], _MARKDOWN.options, {})
            )
            scan = _Scan(page, source.first_line + token.map[0], filled)
            scan.feed(html)
            scan.close()
            scan.end_block()
            if in_heading:
                heading = page.headings[-1]
                text = " ".join(" ".join(piece for _, piece in b) for b in scan.blocks)
                page.headings[-1] = Heading(heading.line, heading.level, " ".join(text.split()))
            elif not in_table:
                page.prose += scan.blocks
    page.headings.sort(key=lambda heading: heading.line)
    return page
