"""Parse HTML once into what the detectors read: visible text, links and structured markup.

The visible text keeps block elements on separate lines (so numbers in two table cells never
run together) and leaves out script, style, template and other non-visible content. Links keep
their position in the text, so a `tel:` or social link gets the words around it as context.
The walk is iterative: a hostile page nested thousands of levels deep cannot exhaust the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, PageElement, ProcessingInstruction

from footprint.detect.context import clip, snippet

# Content a visitor never sees as text.
_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object"}
)
# Elements that start a new line in the rendered page.
_BLOCK = frozenset(
    """address article aside blockquote br dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table
    tbody thead tfoot td th tr ul option button label title""".split()
)
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
_WS = re.compile(r"\s+")
# Terminal control sequences (ANSI CSI and OSC, 7- and 8-bit) and the other C0/C1 controls: a
# page could otherwise clear the terminal, retitle it or fake output when its text is printed.
_CONTROLS = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI ... final byte (colours, cursor, clear)
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... (window title, links)
    r"|\x1b[@-_]?"  # any other escape
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"  # the remaining controls (tab and newlines stay)
)
# Characters with no width: inside a phone number, e-mail or postcode they would hide it from
# the detectors while the page still shows it, so they are treated as absent.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]")
_MAX_ITEM_DEPTH = 16  # microdata items nested deeper are read as plain text


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink: absolute `href` (when the page URL is known), its text and context."""

    href: str
    text: str
    context: str


@dataclass(frozen=True, slots=True)
class MicrodataItem:
    """A schema.org microdata item: its types and properties (strings or nested items)."""

    types: tuple[str, ...]
    props: dict[str, list[str | MicrodataItem]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Page:
    """A parsed page, ready for the detectors."""

    url: str | None
    title: str
    text: str
    links: tuple[Link, ...] = ()
    cf_emails: tuple[tuple[str, str], ...] = ()  # (hex from data-cfemail, context)
    json_ld: tuple[str, ...] = ()  # raw JSON-LD blocks
    microdata: tuple[MicrodataItem, ...] = ()  # top-level items


def strip_controls(text: str) -> str:
    """`text` without terminal control sequences or control characters: safe to print."""
    return _CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """`text` without control sequences and without zero-width characters."""
    return _INVISIBLE.sub("", _CONTROLS.sub("", text))


def parse_page(html: str | bytes, url: str | None = None) -> Page:
    """Parse `html` (bytes are decoded by their declared or sniffed charset)."""
    soup = BeautifulSoup(html, "lxml")
    return _Walker(url).walk(soup)


class _Walker:
    """One pass over the tree, collecting text, links and markup."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self.parts: list[str] = []
        self.size = 0
        self.links: list[tuple[str, int, int]] = []
        self.cf: list[tuple[str, int]] = []
        self.json_ld: list[str] = []
        self.items: list[MicrodataItem] = []
        self.title = ""

    def _add(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += len(piece)

    def walk(self, soup: BeautifulSoup) -> Page:
        title = soup.title
        self.title = clip(clean_text(title.get_text(" ")), 200) if title else ""
        stack: list[tuple[PageElement, int]] = [(soup, -1)]
        while stack:
            node, opened_at = stack.pop()
            if opened_at >= 0 and isinstance(node, Tag):  # closing an element we entered
                self._close(node, opened_at)
                continue
            if isinstance(node, NavigableString):
                if not isinstance(node, _NOT_TEXT):
                    self._add(_WS.sub(" ", clean_text(node)))
                continue
            if not isinstance(node, Tag):
                continue
            if node.name in _HIDDEN:
                self._hidden(node)
                continue
            self._open(node)
            stack.append((node, self.size))
            stack.extend((child, -1) for child in reversed(node.contents))
        text = "".join(self.parts)
        links = tuple(
            Link(href=href, text=clip(text[start:end]), context=snippet(text, start, end))
            for href, start, end in self.links
        )
        cf = tuple((hexa, snippet(text, at, at)) for hexa, at in self.cf)
        return Page(self.url, self.title, text, links, cf, tuple(self.json_ld), tuple(self.items))

    def _hidden(self, node: Tag) -> None:
        if node.name == "script" and "ld+json" in str(node.get("type", "")).lower():
            self.json_ld.append(clean_text(node.get_text()))
        elif node.name == "head":  # JSON-LD often lives in <head>
            for script in node.find_all("script", type=re.compile("ld\\+json", re.I)):
                self.json_ld.append(clean_text(script.get_text()))

    def _open(self, node: Tag) -> None:
        if node.name in _BLOCK:
            self._add("\n")
        attrs = node.attrs
        if "data-cfemail" in attrs:
            self.cf.append((clean_text(str(attrs["data-cfemail"])), self.size))
        if "itemscope" in attrs and "itemprop" not in attrs:
            self.items.append(_microdata_item(node))

    def _close(self, node: Tag, opened_at: int) -> None:
        if node.name == "a":
            href = node.get("href")
            if isinstance(href, str) and href.strip():
                href = clean_text(href).strip()
                if self.url and not href.startswith(("tel:", "mailto:", "sms:")):
                    href = urljoin(self.url, href)
                self.links.append((href, opened_at, self.size))
        if node.name in _BLOCK:
            self._add("\n")


def _itemtypes(node: Tag) -> tuple[str, ...]:
    raw = str(node.get("itemtype", ""))
    return tuple(t.rstrip("/").rsplit("/", 1)[-1] for t in raw.split() if t)


def _microdata_item(scope: Tag, depth: int = 0) -> MicrodataItem:
    """The item rooted at `scope`, with properties from its own (not nested items') subtree.

    Recursion follows nested items only `_MAX_ITEM_DEPTH` levels: deeper ones become text.
    """
    item = MicrodataItem(_itemtypes(scope))
    stack = list(reversed(scope.find_all(True, recursive=False)))
    while stack:
        node = stack.pop()
        prop = node.get("itemprop")
        if prop:
            value = _itemprop_value(node, depth)
            for name in str(prop).split():
                item.props.setdefault(name, []).append(value)
            if "itemscope" in node.attrs:
                continue  # its own properties belong to the nested item
        elif "itemscope" in node.attrs:
            continue
        stack.extend(reversed(node.find_all(True, recursive=False)))
    return item


def _itemprop_value(node: Tag, depth: int) -> str | MicrodataItem:
    if "itemscope" in node.attrs and depth < _MAX_ITEM_DEPTH:
        return _microdata_item(node, depth + 1)
    for attr in ("content", "href", "src", "datetime"):
        if node.get(attr):
            return clean_text(str(node[attr])).strip()
    return clip(_WS.sub(" ", clean_text(node.get_text(" "))), 300)
