"""Tuned forms of patterns match what the plain patterns they replace match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from placefacts.find import climate
from placefacts.find.location import _CHAIN_START, _NONLOCAL_CUE, tail_start
from placefacts.find.textutil import word_before_stop
from placefacts.normalise.patterns import word_alternation

_FORMS = st.lists(st.text(alphabet="abAB -", min_size=1, max_size=6).filter(lambda f: f.strip()), min_size=1, max_size=12)


def _plain(forms: list[str]) -> str:
    ordered = sorted(set(forms), key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"[\s-]") for f in ordered)


def test_examples() -> None:
    pattern = re.compile(rf"(?i:{word_alternation(['town', 'township', 'town hall', 'city'])})(?![\w-])")
    assert pattern.match("Township of X").group() == "Township"
    assert pattern.match("town-hall").group() == "town-hall"
    assert pattern.match("towns") is None
    assert [m.group() for m in pattern.finditer("a city and a town hall")] == ["city", "town hall"]
    assert re.fullmatch(word_alternation([]), "") is None
    # Branches that can take the same character: the longest form still wins ("A " over "a" in a case-blind pattern).
    assert re.compile(rf"(?i:{word_alternation(['a', 'A ', 'aA'])})(?![\w-])").match("A ").group() == "A "


@pytest.mark.parametrize("ignore_case", [True, False])
@settings(max_examples=1500, deadline=None)
@given(forms=_FORMS, text=st.text(alphabet="abAB -.", max_size=30))
def test_same_matches_as_longest_first_alternation(ignore_case: bool, forms: list[str], text: str) -> None:
    flags = "i" if ignore_case else ""  # a case-sensitive alternation is only ever used case-sensitively
    factored = re.compile(rf"(?{flags}:{word_alternation(forms, ignore_case=ignore_case)})(?![\w-])")
    plain = re.compile(rf"(?{flags}:{_plain(forms)})(?![\w-])")
    assert [m.span() for m in factored.finditer(text)] == [m.span() for m in plain.finditer(text)]


_COPULA_TEXT = st.lists(
    st.sampled_from(["is", "Was", "WERE", "are", "it's", "It’s", "bit's", "remains", "Serves as", "became", "this",
                     "Established as", "designated as", "with the status of", "also", "one of the", "largest", "city",
                     "Isla", "wasp", ",", "."]),
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=_COPULA_TEXT)
def test_lower_case_copula_pattern_matches_as_the_case_blind_one(text: str) -> None:
    from placefacts.find.classification import _COPULA, _COPULA_LOWER

    assert [m.span() for m in _COPULA_LOWER.finditer(text.lower())] == [m.span() for m in _COPULA.finditer(text)]


_DISTANCE_TEXT = st.lists(
    st.sampled_from(["12", "1,200", "−3", "-4", "Five", "TWENTY", "km", "kilometres", "mi", "miles", "(7", "mi)", "about",
                     "Approximately", "just over", "C.", "some", "someone", "north", "south-east", "of", "from", "the",
                     "city", "Dyffryn", "Lima", ",", ".", "5km", "x9"]),
    max_size=16,
).map(lambda words: "".join(w + ("" if i % 5 == 4 else " ") for i, w in enumerate(words)))


@settings(max_examples=600, deadline=None)
@given(text=_DISTANCE_TEXT)
def test_distance_search_near_numbers_finds_what_the_full_scan_finds(text: str) -> None:
    from placefacts.find.distances import _DIST, _distances

    expected = [m.span() for m in _DIST.finditer(text)]
    assert [m.span() for m in _distances(text, text.lower(), 0, len(text))] == expected


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="aB1. !?\n\")”", max_size=40), cut=st.integers(0, 40))
def test_sentence_boundaries_found_from_stops_are_the_full_scans(text: str, cut: int) -> None:
    from placefacts.find.textutil import _BOUNDARY, _boundaries

    start = min(cut, len(text))
    expected = [m.span() for m in _BOUNDARY.finditer(text, start, len(text))]
    assert [m.span() for m in _boundaries(text, start, len(text))] == expected


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab ,.;:)('s", max_size=40))
def test_tokenised_marks_counted_as_by_the_plain_pattern(text: str) -> None:
    from placefacts.clean.plaintext import _TOKENISED_MARK

    plain = re.compile(r" [,.;:)] | \( |\w 's\b")
    assert len(_TOKENISED_MARK.findall(text)) == len(plain.findall(text))


# The event words as they were written before the letter-first form: the reference the new form must match.
_EVENT_REFERENCE = re.compile(
    "|".join(
        f"(?P<e{i}>{p})"
        for i, p in enumerate([
            r"\bfirst\s(?:mentioned|recorded|documented|attested|referred to)\b|\bmentioned for the first time\b",
            r"\bfirst\s(?:permanent\s)?settlers?\b[^.;]{0,60}?\b(?:arrived|came|settled)\b",
            r"\b(?:founded|founding|foundation)\b",
            r"\b(?:established|establishment)\b",
            r"\bsettled\b",
            r"\bplatted\b|\blaid out\b",
            r"\bcreated\b|\bcreation\b",
            r"\bincorporated\b|\bincorporation\b",
            r"\bchartered\b|\bcharter\b",
            r"\b(?:city|town|borough|municipal|township)\s(?:status|rights)\b",
            r"\bamalgamated\b|\bmerged\b",
            r"\bformed\b(?!\spart\b)",
            r"\borgani[sz]ed\b(?=\s(?:in|on|as)\b)",
            r"\bproclaimed\b",
            r"\boperative\b",
        ])
    ),
    re.IGNORECASE,
)
_EVENT_TEXT = st.lists(
    st.sampled_from(["First", "first", "mentioned", "Recorded", "for the first time", "permanent", "settlers", "Settler",
                     "arrived", "came", "settled", "Founded", "founding", "foundations", "foundation", "established",
                     "establishment", "platted", "laid out", "Created", "creation", "incorporated", "charter",
                     "chartered", "City", "town", "Township", "borough", "municipal", "status", "rights", "amalgamated",
                     "merged", "formed", "part", "reformed", "organized", "Organised", "proclaimed", "operative", "unsettled", "in",
                     "as", "by", "1850", ",", ";", ".",
                     "the", "x"]),
    max_size=14,
).map(lambda words: "".join(w + ("" if i % 4 == 3 else " ") for i, w in enumerate(words)))


@settings(max_examples=600, deadline=None)
@given(text=_EVENT_TEXT)
def test_letter_first_event_words_match_as_the_case_blind_alternation(text: str) -> None:
    from placefacts.find.inception import _EVENT_ANY_CASE, _EVENT_LOWER, _EVENTS, _event_name

    expected = [(m.span(), _EVENTS[int(m.lastgroup[1:])][0]) for m in _EVENT_REFERENCE.finditer(text)]
    assert [(m.span(), _event_name(m)) for m in _EVENT_LOWER.finditer(text.lower())] == expected
    assert [(m.span(), _event_name(m)) for m in _EVENT_ANY_CASE.finditer(text)] == expected


def _name_with_letters_one_by_one() -> str:
    """NAME as it was written before its letter runs were taken whole: a group of two classes, repeated."""
    from placefacts.find import textutil as t

    letters = r"(?:[^\W\d_]|[\u0300-\u036f])"
    cap = (rf"(?>[{t.UPPER}](?:\.[{t.UPPER}])+\.?|(?:St|Mt|Ft|Pt|Ste)\.|"
           rf"[{t.UPPER}](?:{letters}+(?:['’·-]{letters}+)*|(?:['’·-]{letters}+)+)|[{t.UPPER}]\.(?=\s[{t.UPPER}][{t.LOWER}])|"
           rf"[{t.UPPER}](?![^\W_]))")
    return rf"{cap}(?:[ \-–]{cap}|[ \-]{t.CONNECTOR}[ \-](?:{t.CONNECTOR}[ \-])?{cap}){{0,8}}+"


_ONE_BY_ONE = re.compile(_name_with_letters_one_by_one())


@settings(max_examples=1500, deadline=None)
@given(text=st.text(alphabet="AaBéÉ\u0301\u0308'’-. 1_oftheSt", max_size=40))
def test_names_with_whole_letter_runs_match_as_letter_by_letter(text: str) -> None:
    from placefacts.find.textutil import NAME_RE

    assert [m.span() for m in NAME_RE.finditer(text)] == [m.span() for m in _ONE_BY_ONE.finditer(text)]


_WORD_BEFORE = re.compile(r"(\S+)[.!?][\"”’)\]]*\s*$")  # what the sentence splitter used to search


@settings(max_examples=1500, deadline=None)
@given(text=st.text(alphabet="ab. !?\"”’)]\u00a0\u2009\n", max_size=40), back=st.integers(0, 40))
def test_word_before_stop_is_what_the_end_anchored_search_captured(text: str, back: int) -> None:
    # Every place a sentence boundary can start after a stop: a stop before it, a closing mark or a blank at it.
    for at in range(1, len(text)):
        if text[at - 1] in ".!?" and text[at] in "\"”’)] ":
            floor = max(0, at - back)
            expected = _WORD_BEFORE.search(text, floor, at + 1)
            assert word_before_stop(text, floor, at - 1) == (expected.group(1) if expected else None)


_WINDOW = st.lists(
    st.sampled_from(["in", "of", "the", "by", "near", "north", "Region", "St.", "Ana's", "O’Neil", "-", ",", "(", ";",
                     " ", " ", "\n", "2", "ſ", "K", "federal", "district", "bordered", "on", "to", "by"]),
    max_size=14,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(window=_WINDOW)
def test_location_cues_search_from_the_tail_as_from_the_start(window: str) -> None:
    cut = tail_start(window)
    for pattern in (_CHAIN_START, _NONLOCAL_CUE):
        whole, tail = pattern.search(window), pattern.search(window, cut)
        assert (whole and whole.span()) == (tail and tail.span())


def _temperatures_walking_every_span(text: str) -> list:
    """climate._temperatures as it was: each match tested against every span read before it."""
    out, taken = [], []
    for match in climate._RANGE.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        unit, end = match.group(3) or match.group(4), match.end()
        conv = climate._CONVERSION.match(text, end)
        end = conv.end() if conv else end
        out.append(climate._Temp(match.start(1), match.end(1), climate._celsius(match.group(1), unit), in_range=True))
        out.append(climate._Temp(match.start(2), end, climate._celsius(match.group(2), unit), in_range=True))
        taken.append((match.start(), end))
    for match in climate._TEMP.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        unit, end = match.group(2) or match.group(3), match.end()
        value = climate._celsius(match.group(1), unit)
        conv = climate._CONVERSION.match(text, end)
        if conv:
            conv_unit = conv.group(2) or conv.group(3)
            if unit.upper().startswith("F") and conv_unit.upper().startswith("C"):
                value = climate._celsius(conv.group(1), conv_unit)
            end = conv.end()
            taken.append((match.start(), end))
        out.append(climate._Temp(match.start(), end, value))
    out.sort(key=lambda t: t.start)
    return out


_READINGS = st.lists(
    st.sampled_from(["-12.5 °C", "9.5 °F", "3 to 7 °C", "38 to 99 °F", "(", ")", " (", "20 °C (68 °F)", " ", ", ", "and"]),
    max_size=16,
).map(" ".join)


@settings(max_examples=800, deadline=None)
@given(text=_READINGS)
def test_temperatures_by_bisect_are_those_found_walking_every_span(text: str) -> None:
    assert climate._temperatures(text, 0, len(text)) == _temperatures_walking_every_span(text)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("It lies in Finland.Tampere is a city.", ["It lies in Finland.", "Tampere is a city."]),
        ('Residents are "Tarbians".Tarby has a port.', ['Residents are "Tarbians".', "Tarby has a port."]),
        ("It grew (slowly).Then it shrank.", ["It grew (slowly).", "Then it shrank."]),
        ("It lies near St.Louis and Ft.Worth.", ["It lies near St.Louis and Ft.Worth."]),  # abbreviations stay
        ("The U.S.Census counted it.", ["The U.S.Census counted it."]),  # a capital before the stop: initials
    ],
)
def test_a_stop_with_no_blank_after_it_still_ends_a_sentence(text: str, sentences: list[str]) -> None:
    from placefacts.find.textutil import split_sentences

    assert [s.text for s in split_sentences(text, 0, len(text))] == sentences
