"""The pipeline: read -> clean (with an offset map) -> find -> resolve -> record."""

from __future__ import annotations

from placefacts.clean import Prepared
from placefacts.clean.plaintext import clean_plaintext
from placefacts.find import REGISTRY, Context
from placefacts.find import subject as subject_finder
from placefacts.model import Document, Record
from placefacts.resolve import resolve


def prepare(doc: Document) -> Prepared:
    """Clean a document according to its input form."""
    if doc.form == "html":
        from placefacts.clean.html import clean_html

        return clean_html(doc.raw, title=doc.title)
    if doc.form == "wikitext":
        from placefacts.clean.wikitext import clean_wikitext

        return clean_wikitext(doc.raw, title=doc.title)
    return clean_plaintext(doc.raw, title=doc.title)


def extract_document(doc: Document) -> Record:
    prepared = prepare(doc)
    ctx = Context.build(doc, prepared)
    subject_finder.detect(ctx)
    for comp in REGISTRY:
        ctx.found.extend(comp.func(ctx))
    facts = resolve(ctx)
    return Record(
        source=doc.source,
        subject=ctx.subject,
        facts=facts,
        title=doc.title,
        revision=doc.revision,
        form=doc.form,
    )
