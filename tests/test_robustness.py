"""Property tests: any text gives a record, and every fact is grounded in it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import placefacts

# Text that looks a little like place articles, to reach deep into the finders.
_WORDS = st.sampled_from(
    ["Karsk", "is", "a", "town", "in", "Ohio", "County", "River", "population", "of", "12,400", "(2011)",
     "census", "founded", "1805", "km", "north", "47°30′N", "12°E", ",", ".", "\n", "\u00a0", "(", ")", "the",
     "U.S.", "state", "elevation", "m", "sq mi", "formerly", "known", "as", "\"X\"", "–", "é", "日本"]
)
_ARTICLE = st.lists(_WORDS, max_size=80).map(" ".join)


def _check(text: str) -> None:
    record = placefacts.extract(text, source="<hypothesis>")
    for fact in record.facts:
        ev = fact.evidence
        assert text[ev.start : ev.end] == ev.text
        assert ev.text.strip()
        assert 0.0 <= fact.confidence <= 1.0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_grounded_record(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(_ARTICLE)
def test_article_like_text_gives_grounded_facts(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(_ARTICLE, st.sampled_from(["\r\n", "\n", "\r", "\n\n", "\n\u00a0", "\n, "]))
def test_line_breaks_keep_grounding(text: str, newline: str) -> None:
    _check(text.replace(" . ", " ." + newline))
