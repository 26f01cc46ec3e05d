"""The keyword index answers `says_any` as testing every word in every sentence would."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from placefacts.find import Context
from placefacts.find.keywords import FOLDS_APART
from placefacts.model import Document
from placefacts.pipeline import prepare

_WORDS = st.lists(st.text(alphabet="abk m.", min_size=1, max_size=4), min_size=1, max_size=5).map(tuple)


def _context(text: str) -> Context:
    doc = Document("<test>", text)
    return Context.build(doc, prepare(doc))


def test_examples() -> None:
    ctx = _context("Marrowby lies 12 km from Dyffryn. It was founded in 1283. The KM post stands.")
    first, second, third = ctx.sentences
    assert ctx.says_any(first, ("km",)) and not ctx.says_any(second, ("km",)) and ctx.says_any(third, ("km",))
    assert ctx.sentences_with(("found", "stands")) == [second, third]
    assert not ctx.says_any(first, ("from dyffryn. it",))  # a word across two sentences is in neither


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="abkmAB .\n", max_size=80), lists=st.lists(_WORDS, min_size=1, max_size=4))
def test_same_answer_as_per_sentence_tests(text: str, lists: list[tuple[str, ...]]) -> None:
    ctx = _context(text)
    for words in lists:
        for sentence in ctx.sentences:
            assert ctx.says_any(sentence, words) == any(w in sentence.text.lower() for w in words)


def test_text_whose_lower_case_is_longer_falls_back_to_sentence_tests() -> None:
    # "İ" lower-cases to two characters: offsets into the lower-cased text would be wrong, so none is used.
    import placefacts

    text = "İskele is a town near the coast, 12 km north of Famagusta. It had a population of 7,000 in 2011."
    ctx = _context(text)
    assert ctx.lowered_text() is None
    assert ctx.sentences_with(("population",)) == [ctx.sentences[1]]
    facts = {(f.property, str(f.value)) for f in placefacts.extract(text).facts}
    assert {("instance_of", "town"), ("distance_to", "Famagusta"), ("population", "7000")} <= facts


def test_declared_lists_and_lists_met_later_answer_alike() -> None:
    from placefacts.find.keywords import INDEX, key_words

    ctx = _context("Marrowby lies 12 km from Dyffryn. It was founded in 1283. The KM post stands.")
    first, second, third = ctx.sentences
    declared = key_words("founded", "post")
    assert INDEX.list_id(declared) == INDEX.list_id(tuple(declared))  # found by identity, the same list as an equal one
    assert ctx.sentences_with(declared) == [second, third]
    # A list first met after the text was scanned makes it scan again; the answers before stay the same.
    met_later = ("dyffryn", "stands", "zzz-never-declared")
    assert ctx.sentences_with(met_later) == [first, third]
    assert ctx.sentences_with(declared) == [second, third]
    assert ctx.sentences_with(("", "zzz")) == [first, second, third]  # an empty word is in every sentence


def test_folds_apart_lists_every_character_a_case_blind_letter_takes_that_lower_keeps_apart() -> None:
    # The engine takes x for a letter when x lower-cases to it or to one of its extra cases: only those can.
    extra = {k for cases in re._compiler._EXTRA_CASES.values() for k in cases}  # type: ignore[attr-defined]
    candidates = [c for c in range(0x80, 0x110000) if _sre.unicode_tolower(c) < 0x80 or c in extra]
    apart = {
        chr(c)
        for c in candidates
        for letter in string.ascii_lowercase
        if re.fullmatch(letter, chr(c), re.IGNORECASE) and chr(c).lower() != letter
    }
    assert apart == set(FOLDS_APART)
