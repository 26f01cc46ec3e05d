"""Clean raw MediaWiki wikitext into `Prepared`, with mwparserfromhell.

mwparserfromhell keeps no offsets, but every node prints back exactly as it
was written, so walking the tree and adding up the lengths of what each node
prints gives every node's raw offset. Prose is rendered as a reader sees it
(links as their text, templates by `templates.render`, references, comments,
files, categories and tables dropped). Infobox parameters become `Field`s
mapped into the raw parameter values; {{Weather box}} and population-history
templates and wiki tables become `Table`s.
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from placefacts import regex_cache
from placefacts.clean import Field, Prepared, Table
from placefacts.clean import templates as tpl
from placefacts.clean.offsets import CleanText
from placefacts.clean.prose import ProseWriter, is_skipped_section
from placefacts.clean.wikioffsets import children, content_start, params, synthetic
from placefacts.clean.wikitables import population_table, weather_table, wikitable

_INFOBOX = regex_cache.compile("^" + tpl.INFOBOX_PREFIX, re.IGNORECASE)
_WEATHER = frozenset({"weather box", "weatherbox", "climate box"})
_POPULATION = frozenset(
    {"historical populations", "historical population", "us census population", "us population",
     "population history", "historicalpopulations"}
)
_STRUCTURED = _WEATHER | _POPULATION
# Tags whose content is not prose (references, maths, galleries...).
_DROP_TAGS = frozenset(
    """ref references gallery math timeline imagemap score syntaxhighlight source noinclude includeonly templatedata
    mapframe maplink graph chem ce hiero inputbox categorytree indicator templatestyles section pre""".split()
)
_FILE_NAMESPACES = frozenset(
    """file image media category datei bild kategorie fichier catégorie archivo categoría categoria ficheiro imagem
    fails attēls kategorija kategoreja attāls изображение файл категория plik kategoria bestand categorie""".split()
)
_INTERLANGUAGE = regex_cache.compile(r"^[a-z]{2,3}(?:-[a-z]{2,8})*$")
_BREAK_OR_MAGIC = regex_cache.compile(r"\n+|__[A-Z]+__")  # line breaks, and behaviour switches such as __NOTOC__
_BLOCK_TAGS = frozenset({"li", "dd", "dt"})


class _Renderer:
    """Walks wikicode, writing prose (block mode) or one value (inline mode)."""

    def __init__(self, raw: str, writer: ProseWriter, title: str | None, blocks: bool,
                 fields: list[Field] | None = None, tables: list[Table] | None = None) -> None:
        self.raw = raw
        self.writer = writer
        self.title = title
        self.blocks = blocks
        self.fields = fields
        self.tables = tables
        self.skip_level = 0

    def code(self, code: Wikicode, start: int) -> None:
        for node, pos in children(code, start):
            self.node(node, pos)

    def node(self, node: Node, start: int) -> None:
        if isinstance(node, Heading):
            self._heading(node, start)
        elif self.skip_level:
            return
        elif isinstance(node, Text):
            self._text(str(node), start)
        elif isinstance(node, Wikilink):
            self._link(node, start)
        elif isinstance(node, Template):
            self._template(node, start)
        elif isinstance(node, Tag):
            self._tag(node, start)
        elif isinstance(node, HTMLEntity):
            self.writer.text(node.normalize(), start, start + len(str(node)))
        elif isinstance(node, ExternalLink):
            if node.brackets and node.title is not None:
                url_end = start + 1 + len(str(node.url)) + (0 if node.suppress_space else 1)
                self.code(node.title, url_end)
        elif isinstance(node, (Comment, Argument)):
            return

    # -- text and structure ------------------------------------------------
    def _text(self, text: str, start: int) -> None:
        pos = 0
        for match in _BREAK_OR_MAGIC.finditer(text):
            self.writer.text(text[pos : match.start()], start + pos)
            if match.group().startswith("_"):
                pass
            elif not self.blocks:
                self.writer.space(start + match.start(), start + match.end())
            elif len(match.group()) > 1 or self.writer.kind in ("item", "heading"):
                self.writer.open("paragraph")
            else:
                self.writer.space(start + match.start(), start + match.end())
            pos = match.end()
        self.writer.text(text[pos:], start + pos)

    def _heading(self, node: Heading, start: int) -> None:
        if not self.blocks:
            self.code(node.title, start + node.level)
            return
        if self.skip_level and node.level > self.skip_level:
            return
        self.skip_level = 0
        self.writer.open("heading")
        self.code(node.title, start + node.level)
        block = self.writer.close()
        if block is not None:
            text = " ".join(self.writer.out_text(block.start, block.end).split())
            self.writer.section = text
            if is_skipped_section(text):
                self.skip_level = node.level
        self.writer.open("paragraph")

    def _link(self, node: Wikilink, start: int) -> None:
        target = str(node.title).strip()
        prefix = target.split(":", 1)[0].strip().lower() if ":" in target else ""
        if prefix.lstrip(":") in _FILE_NAMESPACES and not target.startswith(":"):
            return
        if prefix and not target.startswith(":") and node.text is None and _INTERLANGUAGE.match(prefix):
            return  # an interlanguage link, shown in the sidebar
        if node.text is not None:
            self.code(node.text, start + 2 + len(str(node.title)) + 1)
            return
        shown = str(node.title)
        lead = len(shown) - len(shown.lstrip(" :"))
        if node.title.filter_templates() or node.title.filter_html_entities():
            self.code(node.title, start + 2)
        else:  # a plain title is shown as written, less a leading ":" and the "#section" part
            self.writer.text(shown[lead:].split("#")[0] or shown[lead:], start + 2 + lead)

    def _tag(self, node: Tag, start: int) -> None:
        name = str(node.tag).strip().lower()
        if name in _DROP_TAGS or node.invalid:
            return
        if name == "table":
            if self.tables is not None:
                found = wikitable(self.raw, node, start, self._inline)
                if found is not None:
                    self.tables.append(found)
            return
        if name == "br":
            self.writer.line_break(start, start + len(str(node)))
            return
        if name == "hr":
            self.writer.open("paragraph")
            return
        style = str(node.get("style").value).replace(" ", "").lower() if node.has("style") else ""
        if "display:none" in style:
            return
        if name in _BLOCK_TAGS and node.wiki_markup:
            if self.blocks:
                self.writer.open("item")
            else:
                self.writer.line_break(start, start + len(str(node)))
            if node.self_closing:
                return
        if node.self_closing or node.contents is None:
            return
        self.code(node.contents, content_start(node, start))

    def _template(self, node: Template, start: int) -> None:
        name = tpl.name_of(node)
        if _INFOBOX.match(name):
            if self.fields is not None:
                self.fields.extend(infobox_fields(self.raw, node, start, self.title, self.tables))
            return
        if self.tables is not None and name in _WEATHER:
            found = weather_table(node, start, self._inline)
            if found is not None:
                self.tables.append(found)
            return
        if self.tables is not None and name in _POPULATION:
            found = population_table(node, start, self._inline)
            if found is not None:
                self.tables.append(found)
            return
        if name in tpl.COORDINATES:
            text = tpl.coord_text(node)
            if text and not self.blocks:  # a field value shows its position, whatever the display
                self.writer.text(text, start, start + len(str(node)))
                return
            if text and self.fields is not None:  # the page's own position: a field whatever its display
                self.fields.append(Field("coordinates", synthetic(text, start, start + len(str(node))), "coord"))
        parts = tpl.render(node, start, self.title)
        if not parts:
            return
        end = start + len(str(node))
        for part in parts:
            if isinstance(part, tpl.Show):
                self.code(part.code, part.start)
            elif part == tpl.BREAK and self.blocks:
                self.writer.text(", ", start, end)  # a list inside a sentence
            elif part == tpl.BREAK:
                self.writer.line_break(start, end)
            else:
                self.writer.text(part, start, end)

    def _inline(self, code: Wikicode, start: int) -> CleanText:
        return render_inline(self.raw, code, start, self.title)


def render_inline(raw: str, code: Wikicode, start: int, title: str | None = None) -> CleanText:
    """One value (a parameter, a cell) as clean text, list items on lines of their own."""
    writer = ProseWriter(inline=True)
    _Renderer(raw, writer, title, blocks=False).code(code, start)
    return writer.finish()


def infobox_fields(raw: str, node: Template, start: int, title: str | None,
                   tables: list[Table] | None = None) -> list[Field]:
    group = tpl.name_of(node)
    fields: list[Field] = []
    nested = _Renderer(raw, ProseWriter(inline=True), title, blocks=False, fields=fields, tables=tables)
    for param, value_start in params(node, start):
        value = render_inline(raw, param.value, value_start, title)
        if value.text.strip():
            fields.append(Field(tpl.param_name(param), value, group))
        # Infoboxes nest (embedded child boxes, a weather box in a climate parameter).
        for child, pos in children(param.value, value_start):
            if isinstance(child, Template) and (_INFOBOX.match(name := tpl.name_of(child)) or name in _STRUCTURED):
                nested._template(child, pos)
    return fields


def clean_wikitext(raw: str, title: str | None = None) -> Prepared:
    code = mwparserfromhell.parse(raw, skip_style_tags=False)
    writer = ProseWriter()
    fields: list[Field] = []
    tables: list[Table] = []
    renderer = _Renderer(raw, writer, title, blocks=True, fields=fields, tables=tables)
    renderer.code(code, 0)
    return Prepared(text=writer.finish(), blocks=writer.blocks, fields=fields, tables=tables, title=title)
