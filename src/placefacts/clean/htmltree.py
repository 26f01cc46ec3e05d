"""A forgiving HTML tokenizer and tree builder that keeps raw offsets.

lxml and html5lib drop source positions; html.parser only gives line and
column of a tag's start. This module scans the decoded string itself, so
every element and text run knows its exact `raw[start:end]`. Tree building
follows the HTML rules that matter for articles (void elements, implied
`</p>`, `</li>`, `</td>`, `</tr>`, stray end tags ignored); anything it cannot
read as markup is text, so no input makes it fail.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from placefacts import regex_cache

_TOKEN = regex_cache.compile(
    r"<!--.*?(?:-->|\Z)"  # comment (an unclosed one runs to the end, as browsers do)
    r"|<![^>]*>?"  # doctype, CDATA-ish declarations
    r"|<\?[^>]*>?"  # processing instruction
    r"|</(?P<end>[A-Za-z][^\s/>]*)[^>]*>?"
    r"|<(?P<start>[A-Za-z][^\s/>]*)(?P<attrs>(?:\"[^\"]*\"|'[^']*'|[^'\">])*)>",
    re.DOTALL,
)
_ATTR = regex_cache.compile(r"""([^\s"'/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_ENTITY = regex_cache.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")

VOID = frozenset(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr".split()
)
RAW_TEXT = frozenset("script style textarea title xmp noembed noframes iframe plaintext".split())
# Start tags that close an open <p> (the HTML "closes a p element" list, abridged).
_CLOSES_P = frozenset(
    "address article aside blockquote center details dir div dl fieldset figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr main menu nav ol p pre section table ul li dd dt".split()
)
# Implied end tags: opening the key closes the open elements named, up to (not past) a boundary.
_IMPLIED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu", "table"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl", "table"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "thead": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tbody": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tfoot": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist"})),
}
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


@dataclass(slots=True)
class Text:
    """A run of character data: raw[start:end], entities not yet decoded."""

    start: int
    end: int


@dataclass(slots=True, eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    start: int  # raw offset of "<"
    end: int = -1  # raw offset after the end tag (or after the last child where the end tag is missing)
    children: list[Element | Text] = field(default_factory=list)
    parent: Element | None = None

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        """This element and its descendant elements, in document order (no recursion)."""
        stack: list[Element] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(child for child in reversed(node.children) if isinstance(child, Element))

    def find_all(self, tag: str) -> list[Element]:
        return [e for e in self.iter() if e.tag == tag]

    def find(self, predicate) -> Element | None:  # noqa: ANN001 - Element -> bool
        return next((e for e in self.iter() if predicate(e)), None)

    def ancestor(self, tag: str) -> Element | None:
        node = self.parent
        while node is not None and node.tag != tag:
            node = node.parent
        return node


def parse_attrs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        name = match.group(1).lower()
        value = next((g for g in match.groups()[1:] if g is not None), "")
        out.setdefault(name, html.unescape(value))
    return out


def parse(raw: str) -> Element:
    """The element tree of `raw` under a synthetic "#document" root."""
    root = Element("#document", {}, 0)
    stack: list[Element] = [root]

    def close_to(index: int, at: int) -> None:
        while len(stack) > index:
            stack.pop().end = at

    def open_index(tags: frozenset[str], boundary: frozenset[str]) -> int:
        for i in range(len(stack) - 1, 0, -1):
            if stack[i].tag in tags:
                return i
            if stack[i].tag in boundary:
                return -1
        return -1

    pos = 0
    length = len(raw)
    while pos < length:
        lt = raw.find("<", pos)
        if lt < 0:
            stack[-1].children.append(Text(pos, length))
            break
        match = _TOKEN.match(raw, lt)
        if match is None:  # a "<" that starts no markup is text
            nxt = raw.find("<", lt + 1)
            stop = length if nxt < 0 else nxt
            stack[-1].children.append(Text(pos, stop))
            pos = stop
            continue
        if lt > pos:
            stack[-1].children.append(Text(pos, lt))
        pos = match.end()
        if match.group("end"):
            tag = match.group("end").lower()
            if tag == "br":  # "</br>" is a line break in every browser
                stack[-1].children.append(Element("br", {}, lt, pos, parent=stack[-1]))
                continue
            for i in range(len(stack) - 1, 0, -1):
                if stack[i].tag == tag:
                    close_to(i, pos)
                    break
            continue
        if not match.group("start"):
            continue  # comment, doctype, processing instruction
        tag = match.group("start").lower()
        attrs = parse_attrs(match.group("attrs"))
        if tag in _CLOSES_P:
            i = open_index(frozenset({"p"}), frozenset({"table", "td", "th", "button"}))
            if i > 0:
                close_to(i, lt)
        if tag in _IMPLIED:
            closes, boundary = _IMPLIED[tag]
            i = open_index(closes, boundary)
            if i > 0:
                close_to(i, lt)
        if tag in _HEADINGS and stack[-1].tag in _HEADINGS:
            close_to(len(stack) - 1, lt)
        element = Element(tag, attrs, lt, parent=stack[-1])
        stack[-1].children.append(element)
        if tag in VOID or match.group("attrs").rstrip().endswith("/"):
            element.end = pos
            continue
        if tag in RAW_TEXT:
            closing = re.compile(rf"</{re.escape(tag)}\s*>", re.IGNORECASE).search(raw, pos)
            stop = closing.start() if closing else length
            if stop > pos:
                element.children.append(Text(pos, stop))
            pos = closing.end() if closing else length
            element.end = pos
            continue
        stack.append(element)
    close_to(1, length)
    root.end = length
    return root


def decoded(raw: str, start: int, end: int) -> Iterator[tuple[str, int, int, bool]]:
    """Pieces of a text run: (text, raw start, raw end, is a verbatim copy)."""
    pos = start
    for match in _ENTITY.finditer(raw, start, end):
        if match.start() > pos:
            yield raw[pos : match.start()], pos, match.start(), True
        entity = match.group()
        text = html.unescape(entity)
        if text == entity:  # not a known entity: literal text
            yield entity, match.start(), match.end(), True
        else:
            yield text, match.start(), match.end(), False
        pos = match.end()
    if pos < end:
        yield raw[pos:end], pos, end, True
