"""Raw offsets of the parts of mwparserfromhell nodes.

mwparserfromhell keeps no positions, but every node prints back exactly as
it was written, so a part's offset is its node's offset plus the length of
what the node prints before it.
"""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Node, Tag, Template
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from placefacts.clean.offsets import CleanText, CleanTextBuilder


def children(code: Wikicode, start: int) -> Iterator[tuple[Node, int]]:
    """The nodes of `code` (which starts at raw offset `start`), each with its raw offset."""
    pos = start
    for node in code.nodes:
        yield node, pos
        pos += len(str(node))


def params(template: Template, start: int) -> list[tuple[Parameter, int]]:
    """Each parameter of a template at `start`, with the raw offset of its value."""
    pos = start + 2 + len(str(template.name))  # "{{" and the name
    out: list[tuple[Parameter, int]] = []
    for param in template.params:
        pos += 1  # the "|"
        value_start = pos + (len(str(param.name)) + 1 if param.showkey else 0)
        out.append((param, value_start))
        pos += len(str(param))
    return out


def content_start(node: Tag, start: int) -> int:
    """Raw offset of a tag's contents: what it prints, less its closing markup and its contents."""
    full = len(str(node))
    close = len(node.closing_wiki_markup or "") if node.wiki_markup else len(f"</{node.closing_tag}>")
    return start + full - close - len(str(node.contents))


def synthetic(text: str, start: int, end: int) -> CleanText:
    """Text the markup prints without writing it ("Jan", a row name): all of it maps onto raw[start:end]."""
    builder = CleanTextBuilder()
    builder.replace(text, start, end)
    return builder.build()
