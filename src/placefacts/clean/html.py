"""Clean rendered HTML (Wikipedia pages and other pages about a place) into `Prepared`.

Prose is the paragraphs, headings and list items of the article body, without
navigation, tables, image captions, reference markers or edit links; every
clean character maps into the raw HTML (an entity onto its whole `&...;`).
Infobox rows become `Field`s (key: the row label, under its section header
as "Population (2009) • Total"), other tables become `Table`s, classified as
climate, population or other.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from placefacts import regex_cache
from placefacts.clean import Field, Prepared, Table
from placefacts.clean.htmltree import Element, Text, decoded, parse
from placefacts.clean.offsets import CleanText
from placefacts.clean.prose import ProseWriter, is_skipped_section
from placefacts.clean.tables import build_table

_SKIP_TAGS = frozenset(
    "script style noscript template head title nav footer form button select textarea svg math iframe object "
    "video audio map img figure figcaption input caption link meta".split()
)
_SKIP_CLASSES = frozenset(
    """reference mw-editsection editsection toc navbox vertical-navbox thumb thumbcaption hatnote dablink rellink
    metadata mbox-small ambox tmbox ombox cmbox reflist references refbegin noprint gallery catlinks printfooter
    mw-jump portal sistersitebox geo-nondefault geo-multi-punct mw-empty-elt mw-cite-backlink error Z3988
    sortkey navbar mw-references-wrap shortdescription authority-control side-box mw-indicators
    infobox-image infobox-caption mw-jump-link""".split()
)
_SKIP_IDS = frozenset(
    """toc coordinates catlinks mw-navigation footer siteSub contentSub jump-to-nav mw-head mw-panel p-personal
    siteNotice mw-page-base mw-head-base""".split()
)
_BLOCK_KIND = {"li": "item", "dd": "item", "dt": "item", "h1": "title"} | {f"h{n}": "heading" for n in range(2, 7)}
_BLOCKS = frozenset(
    """p div li dd dt h1 h2 h3 h4 h5 h6 ul ol dl blockquote table center section article pre tr td th caption
    body main header footer address hr fieldset details summary aside""".split()
)
_REF_MARK = regex_cache.compile(r"^\s*\[\s*(?:\d+|[a-z]|[a-z]?\s?\d+|note\s\d+|citation needed|nb\s\d+)\s*\]\s*$", re.IGNORECASE)
_HATNOTE = regex_cache.compile(
    r"^(?:For (?:the |other )|This article is about|Not to be confused|See also|Main article|\S.{0,60} redirects here)",
    re.IGNORECASE,
)
_TITLE_SUFFIX = regex_cache.compile(r"\s+[-–—|]\s+(?:Wikipedia|Wikivoyage|Wiki).*$", re.IGNORECASE)
_NOTES = frozenset({"sup"})  # a superscript in a row label is a footnote mark ("Area<sup>1</sup>")
_BULLET = regex_cache.compile(r"^[\s\u00a0•·◦‣∙-]+")


def _skipped(element: Element) -> bool:
    if element.tag in _SKIP_TAGS:
        return True
    if element.classes & _SKIP_CLASSES or element.attrs.get("id") in _SKIP_IDS:
        return True
    style = element.attrs.get("style", "").replace(" ", "").lower()
    return "display:none" in style


def _is_note(raw: str, element: Element) -> bool:
    """A footnote marker ("[1]") or a hatnote paragraph written in italics ("For the company, see ...")."""
    if element.tag == "sup":
        return bool(_REF_MARK.match(text_of(raw, element)))
    if element.tag != "p":
        return False
    parts = [c for c in element.children if not (isinstance(c, Text) and not raw[c.start : c.end].strip())]
    if len(parts) != 1 or not isinstance(parts[0], Element) or parts[0].tag != "i":
        return False
    return bool(_HATNOTE.match(text_of(raw, parts[0]).strip()))


def text_of(raw: str, element: Element) -> str:
    """The decoded text of an element (no skipping, no whitespace handling)."""
    parts: list[str] = []
    stack: list[Element | Text] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, Text):
            parts.extend(piece for piece, *_ in decoded(raw, node.start, node.end))
        elif node.tag not in ("script", "style"):
            stack.extend(reversed(node.children))
    return "".join(parts)


class _Walker:
    """One pass over an element tree, writing prose and handing tables to a callback."""

    def __init__(self, raw: str, writer: ProseWriter, on_table: Callable[[Element], None] | None = None,
                 sections: bool = False, skip_tags: frozenset[str] = frozenset()) -> None:
        self.raw = raw
        self.skip_tags = skip_tags
        self.writer = writer
        self.on_table = on_table  # None: tables are written inline (inside a cell)
        self.sections = sections  # follow headings: section names, skipped apparatus sections
        self.skip_level = 0  # heading level of a skipped section, 0 when none
        self.heading: list[str] | None = None  # text of the heading being written

    def walk(self, top: Element) -> None:
        kinds: list[str] = ["paragraph"]
        # (node, leaving, opened a block): an element is visited on the way in and on the way out.
        stack: list[tuple[Element | Text, bool, bool]] = [(child, False, False) for child in reversed(top.children)]
        while stack:
            node, leaving, opened = stack.pop()
            if isinstance(node, Text):
                if not self.skip_level:
                    self._text(node)
            elif leaving:
                if opened:
                    self._leave(node, kinds)
            else:
                descend, opened = self._enter(node, kinds)
                if descend:
                    stack.append((node, True, opened))
                    stack.extend((child, False, False) for child in reversed(node.children))

    def _enter(self, node: Element, kinds: list[str]) -> tuple[bool, bool]:
        """Start an element: (walk its subtree, it opened a block)."""
        tag = node.tag
        level = int(tag[1]) if tag in ("h2", "h3", "h4", "h5", "h6") and self.sections else 0
        if level and self.skip_level and level <= self.skip_level:
            self.skip_level = 0
        if self.skip_level:
            return tag not in _SKIP_TAGS, False  # still look for the heading that ends the skipped section
        if _skipped(node) or tag in self.skip_tags or _is_note(self.raw, node):
            return False, False
        if tag == "table" and self.on_table is not None:
            self.writer.close()
            self.on_table(node)
            self.writer.open(kinds[-1])  # type: ignore[arg-type]
            return False, False
        if tag == "br":
            self.writer.line_break(node.start, node.end)
            return False, False
        if tag not in _BLOCKS:
            return True, False
        kind = _BLOCK_KIND.get(tag, "item" if kinds[-1] == "item" and tag not in ("ul", "ol", "dl") else "paragraph")
        if self.writer.kind != "item" or kind != "item" or tag in ("li", "dd", "dt"):
            self.writer.open(kind)  # type: ignore[arg-type]
        kinds.append(kind)
        if level or tag == "h1":
            self.heading = []
        return True, True

    def _leave(self, node: Element, kinds: list[str]) -> None:
        kinds.pop()
        block = self.writer.close()
        if self.heading is not None and node.tag in _BLOCK_KIND and node.tag[0] == "h":
            text = " ".join("".join(self.heading).split())
            self.heading = None
            if node.tag != "h1" and self.sections and block is not None:
                self.writer.section = text
                if is_skipped_section(text):
                    self.skip_level = int(node.tag[1])
        self.writer.open(kinds[-1])  # type: ignore[arg-type]

    def _text(self, node: Text) -> None:
        for piece, start, end, verbatim in decoded(self.raw, node.start, node.end):
            self.writer.text(piece, start, None if verbatim else end)
            if self.heading is not None:
                self.heading.append(piece)


def render(raw: str, element: Element, skip_tags: frozenset[str] = frozenset()) -> CleanText:
    """The text of one element (a cell, a label) on one line per block, mapped into the raw HTML."""
    writer = ProseWriter(inline=True)
    _Walker(raw, writer, skip_tags=skip_tags).walk(element)
    return writer.finish()


def _own_rows(table: Element) -> list[Element]:
    """The rows of `table` itself, not those of tables nested in its cells."""
    rows: list[Element] = []
    stack = list(reversed(table.children))
    while stack:
        node = stack.pop()
        if not isinstance(node, Element) or node.tag == "table":
            continue
        if node.tag == "tr":
            rows.append(node)
        else:
            stack.extend(reversed(node.children))
    return rows


def _own_tables(element: Element) -> list[Element]:
    """Tables inside `element` that are not inside another table within it."""
    found: list[Element] = []
    stack = list(reversed(element.children))
    while stack:
        node = stack.pop()
        if isinstance(node, Element):
            if node.tag == "table":
                found.append(node)
            else:
                stack.extend(reversed(node.children))
    return found


def _cells(row: Element) -> list[Element]:
    return [c for c in row.children if isinstance(c, Element) and c.tag in ("th", "td")]


def _bare(label: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)", " ", label).lower().split())


def _infobox_group(table: Element) -> str:
    words = [c for c in table.attrs.get("class", "").split() if c.isalpha() and c not in ("vcard", "plainlist")]
    return " ".join(words) or "infobox"


def infobox_fields(raw: str, table: Element) -> list[Field]:
    group = _infobox_group(table)
    fields: list[Field] = []
    # hCard classes name the subject's names and category wherever the rows put them.
    named = table.find(lambda e: bool(e.classes & {"fn", "org"}))
    if named is not None:
        fields.append(Field("name", render(raw, named), group))
    for element in table.iter():
        if "category" in element.classes and element.tag != "table":
            fields.append(Field("settlement_type", render(raw, element), group))
    for geo in ("geo-default", "geo-dms", "geo-dec"):
        found = table.find(lambda e, g=geo: g in e.classes)
        if found is not None:
            fields.append(Field("coordinates", render(raw, found), group))
            break
    rows = _own_rows(table)
    if rows:  # the native name sits beside the formatted name in the title row
        for element in rows[0].iter():
            if "nickname" in element.classes:
                fields.append(Field("native_name", render(raw, element), group))
    header = ""
    for row in rows:
        cells = _cells(row)
        if len(cells) == 2 and cells[1].tag == "td":
            label_text = render(raw, cells[0], _NOTES).text
            label = _BULLET.sub("", label_text).strip()
            if not label:
                continue
            nested = label_text != label and header
            key = f"{header} • {label}" if nested else " ".join(label.split())
            if nested and _bare(label) == _bare(header):  # "Population (2010) • Population"
                key = header
            if not nested:
                header = " ".join(label.split())
            fields.append(Field(key, render(raw, cells[1]), group))
        elif len(cells) == 1 and cells[0].tag == "th":
            header = " ".join(_BULLET.sub("", render(raw, cells[0], _NOTES).text).split())
        for nested in _own_tables(row):  # a sub-infobox inside a cell (Chinese names, transcriptions)
            if "infobox" in nested.classes:
                fields.extend(infobox_fields(raw, nested))
    return fields


def table_of(raw: str, table: Element) -> Table | None:
    caption = next((" ".join(render(raw, c).text.split()) for c in table.children
                    if isinstance(c, Element) and c.tag == "caption"), "")
    rows = ((all(c.tag == "th" for c in cells), [render(raw, c) for c in cells])
            for cells in map(_cells, _own_rows(table)))
    return build_table(caption, rows)


def _content(root: Element) -> Element:
    for wanted in ("mw-content-text", "bodyContent", "content"):
        found = root.find(lambda e, w=wanted: e.attrs.get("id") == w)
        if found is not None:
            return found
    for tag in ("main", "article", "body"):
        found = root.find(lambda e, t=tag: e.tag == t)
        if found is not None:
            return found
    return root


def page_title(raw: str, root: Element, content: Element) -> str | None:
    """<h1 id="firstHeading">, else <title>, else the bold name that opens the lead (Wikipedia's convention)."""
    heading = root.find(lambda e: e.tag == "h1" and ("firstHeading" in e.classes or e.attrs.get("id") == "firstHeading"))
    if heading is None:
        heading = root.find(lambda e: e.tag == "title")
    if heading is not None:
        return _TITLE_SUFFIX.sub("", " ".join(text_of(raw, heading).split())) or None
    for paragraph in content.iter():
        if paragraph.tag != "p" or paragraph.ancestor("table") is not None or _is_note(raw, paragraph):
            continue
        text = " ".join(text_of(raw, paragraph).split())
        if not text:
            continue
        bold = paragraph.find(lambda e: e.tag == "b")
        name = " ".join(text_of(raw, bold).split()) if bold is not None else ""
        return name if name and text.startswith(name) else None
    return None


def clean_html(raw: str, title: str | None = None) -> Prepared:
    root = parse(raw)
    fields: list[Field] = []
    tables: list[Table] = []
    writer = ProseWriter()

    def on_table(table: Element) -> None:
        if "infobox" in table.classes:
            fields.extend(infobox_fields(raw, table))
            return
        found = table_of(raw, table)
        if found is not None:
            tables.append(found)

    walker = _Walker(raw, writer, on_table, sections=True)
    for element in root.iter():  # title coordinates sit outside the body text
        if element.attrs.get("id") == "coordinates":
            fields.append(Field("coordinates", render(raw, element), "coordinates"))
            break
    content = _content(root)
    walker.walk(content)
    text = writer.finish()
    return Prepared(text=text, blocks=writer.blocks, fields=fields, tables=tables,
                    title=title or page_title(raw, root, content))
