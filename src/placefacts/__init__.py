"""placefacts: typed, grounded facts about places from articles about them."""

from __future__ import annotations

from placefacts.model import Document, Evidence, Fact, InputForm, Record

__version__ = "0.1.0"
__all__ = ["Document", "Evidence", "Fact", "Record", "extract", "__version__"]


def extract(text: str, source: str = "<text>", form: InputForm | None = None, title: str | None = None) -> Record:
    """Extract the facts of one article given as a string.

    `form` is "text", "html" or "wikitext"; detected from the content when omitted.
    """
    from placefacts.pipeline import extract_document
    from placefacts.read import detect_form

    doc = Document(source=source, raw=text, form=form or detect_form(text), title=title)
    return extract_document(doc)
