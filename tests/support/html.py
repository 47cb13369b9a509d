"""A small reader for built pages, on the standard library's HTML parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
FOCUSABLE = {"a", "button", "input", "select", "textarea"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    index: int


@dataclass
class Link:
    element: Element
    text: str  # white space collapsed
    in_article: bool  # inside the page's <article>, not the navigation, header or footer


@dataclass
class ScannedPage:
    path: Path
    elements: list[Element] = field(default_factory=list)
    text: str = ""
    main_index: int | None = None
    links: list[Link] = field(default_factory=list)

    def all(self, tag: str) -> list[Element]:
        return [element for element in self.elements if element.tag == tag]

    def with_attr(self, name: str) -> list[Element]:
        return [element for element in self.elements if name in element.attrs]

    @property
    def lang(self) -> str | None:
        html = self.all("html")
        return html[0].attrs.get("lang") if html else None

    def focusable(self) -> list[Element]:
        found = []
        for element in self.elements:
            if element.attrs.get("tabindex") == "-1" or "hidden" in element.attrs:
                continue
            if element.tag == "input" and element.attrs.get("type") == "hidden":
                continue
            # Material's drawer and search toggles are display:none (class md-toggle).
            if "md-toggle" in element.attrs.get("class", "").split():
                continue
            if element.tag in FOCUSABLE and (element.tag != "a" or "href" in element.attrs):
                found.append(element)
        return found


class _Parser(HTMLParser):
    def __init__(self, page: ScannedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.skip_depth = 0
        self.chunks: list[str] = []
        self.article_depth = 0
        self.open_links: list[tuple[Element, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {key: value or "" for key, value in attrs}, len(self.page.elements))
        self.page.elements.append(element)
        if tag == "main" and self.page.main_index is None:
            self.page.main_index = element.index
        if tag in ("script", "style") and tag not in VOID:
            self.skip_depth += 1
        if tag == "article":
            self.article_depth += 1
        if tag == "a":
            self.open_links.append((element, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip_depth:
            self.skip_depth -= 1
        if tag == "a" and self.open_links:
            element, chunks = self.open_links.pop()
            text = " ".join("".join(chunks).split())
            self.page.links.append(Link(element, text, self.article_depth > 0))
        if tag == "article" and self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.chunks.append(data)
            for _, chunks in self.open_links:
                chunks.append(data)


def scan(path: Path) -> ScannedPage:
    page = ScannedPage(path)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    page.text = " ".join(" ".join(parser.chunks).split())
    return page
