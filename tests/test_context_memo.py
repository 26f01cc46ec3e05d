"""Context.about / Context.mentions answer exactly what grammar.about_subject / names_in_text.names do."""

from __future__ import annotations

from pathlib import Path

import pytest

from placefacts.find import Context
from placefacts.find import subject as subject_finder
from placefacts.find.grammar import about_subject
from placefacts.find.names_in_text import names
from placefacts.model import Document
from placefacts.pipeline import prepare

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wiktor"


def _context(raw: str) -> Context:
    doc = Document(source="t.txt", raw=raw)
    ctx = Context.build(doc, prepare(doc))
    subject_finder.detect(ctx)
    return ctx


def test_about_follows_the_aliases_as_they_grow() -> None:
    ctx = _context("Marrowby is a market town in Powys, Wales. Old Marrow lies on the Wye. It has a castle.")
    second = ctx.sentences[1]
    before = ctx.about(second)
    assert before == about_subject(second.text, ctx.aliases, previous=ctx.sentences[0].text)
    ctx.add_alias("Old Marrow")
    assert ctx.about(second) is True is about_subject(second.text, ctx.aliases, previous=ctx.sentences[0].text)
    third = ctx.sentences[2]
    assert ctx.about(third, strict=True) == about_subject(third.text, ctx.aliases, strict=True, previous=second.text)


def test_memo_answers_match_on_corpus_articles() -> None:
    if not CORPUS.is_dir():
        pytest.skip("shared/corpus/wiktor is not checked out beside the repository")
    for path in sorted(CORPUS.glob("*.txt"))[:60]:
        ctx = _context(path.read_text("utf-8"))
        for index, sentence in enumerate(ctx.sentences):
            previous = ctx.sentences[index - 1] if index else None
            previous_text = previous.text if previous is not None and previous.block == sentence.block else None
            for strict in (False, True):
                assert ctx.about(sentence, strict) == about_subject(
                    sentence.text, ctx.aliases, strict=strict, previous=previous_text
                )
            assert list(ctx.mentions(sentence.start, sentence.end)) == list(names(ctx.text, sentence.start,
                                                                                  sentence.end))
            assert ctx.mentions(sentence.start, sentence.end) is ctx.mentions(sentence.start, sentence.end)
