"""near_water, terrain: the water bodies and landforms the place lies on, by, or in.

They are named with a head word ("Kara-Kengir River", "Kazakh upland", "the
Sambre and Meuse rivers") after a locative cue, in a sentence about the
subject. The head words and the unit words come from `location`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.keywords import key_words
from placefacts.find.location import ADMIN_HEAD, LAND, LAND_WORDS, WATER, WATER_WORDS, has_head
from placefacts.find.textutil import NAME, Sentence
from placefacts.normalise import countries

_GOVERNS = r"\s(?:(?:the|a|an|two|its|both|several|major|many)\s)?(?:[a-z][\w-]*\s){0,3}(?:(?:of|in)\s)?(?:the\s)?(?:[\w-]+,\s)?$"
_WATER_CUE = regex_cache.compile(
    r"\b(?:on|at|along|beside|by|near|upon|overlooking|bathed by|banks? of|shores? of|coast of|mouth of|"
    r"reservoir of|confluence of|estuary of|edge of|centred on|centered on|watercourses|borders?|bordering|between|"
    r"separating|separates|"
    r"lies on|located on|situated on|contains|and|surrounded by|bisected by|crossed by|traversed by|"
    r"(?:immediately|just|directly)\s(?:north|south|east|west)\sof)" + _GOVERNS,
    re.IGNORECASE,
)
_LAND_CUE = regex_cache.compile(
    r"\b(?:in|on|at|within|heart of|foot of|edge of|lands of|part of|parts of|slopes of|enclave in|"
    r"situated in|located in|lies in|valley of|plain of|home to|end of|tip of|side of|corner of|bisected by|"
    r"capital of|centre of|center of|seat of|"
    r"surrounded by|crossed by)" + _GOVERNS,
    re.IGNORECASE,
)

_GOVERNED_BY_OTHER = regex_cache.compile(
    rf"(?:(?!(?:Located|Situated|Lying|Founded|Based|Built)\b){NAME}\s(?:located|situated|lying|which lies)\s[^,;]*$"
    r"|,\s(?:who|whose|which|where)\b[^,;]*$)"
)
# A name used as a modifier: "the Mississippi River watershed", "the Hudson River valley".
_MODIFIES = regex_cache.compile(
    r"\s(?:watershed|valley|basin|bridge|crossing|dam|railway|railroad|road|highway|station|company|system|campaign|"
    r"expedition|war|battle|trail|route|navigation|authority|board|commission|project|plant|park|stadium|club|festival|"
    r"museum|school|university|college|hospital|airport|port|ferry|tunnel|line|corridor|conservation|crossing|"
    r"catchment|drainage)\b"
)
_WORD_TUPLES = {"near_water": key_words(*sorted(WATER_WORDS)), "terrain": key_words(*sorted(LAND_WORDS))}


# "the Kazakh upland", "Dollar reservoir": a name and a lower-case head word.
_LOWER_HEAD = regex_cache.compile(rf"\s({WATER}|{LAND})\b")
# "the island of Zealand".
_ISLAND_OF = regex_cache.compile(rf"\b(?:the\s)?(?:island|peninsula)\sof\s(?P<name>{NAME})")
# "the river Yamuna".
_RIVER_FIRST = regex_cache.compile(rf"\b(?:the\s)?(?:river|lake)\s(?P<name>{NAME})")
# Two or more names sharing one plural head: "the confluence of the Sambre and Meuse rivers", "between two lakes,
# Näsijärvi and Pyhäjärvi", "the rivers Ouse and Foss". Each name is the water body's own (the head is shared).
_NAME_LIST = rf"{NAME}(?:,\s{NAME})*,?\s(?:and|&)\s(?:the\s)?{NAME}"
_PLURAL_HEADS = ("rivers", "lakes", "creeks", "streams", "brooks", "lochs", "loughs", "fjords")
_PLURAL_HEAD = rf"(?:{'|'.join(_PLURAL_HEADS)})"
_SHARED_HEAD = regex_cache.compile(
    rf"(?:the\s)?(?P<names>{_NAME_LIST})\s{_PLURAL_HEAD}\b|"
    # after a comma only with a count: "the lakes, Maglizh and Petrich" may be what overlooks them
    rf"\b(?:the\s)?(?:(?:two|three|twin)\s{_PLURAL_HEAD},\s|(?:(?:two|three|twin|several)\s)?{_PLURAL_HEAD}\s)"
    rf"(?P<names_after>{_NAME_LIST})"
)
_LIST_SEP = regex_cache.compile(r",\s(?:and\s|&\s)?(?:the\s)?|\s(?:and|&)\s(?:the\s)?")
# What a list's name may carry before the water's own name: "On the Emscher" (a sentence's opening), a possessive
_ITEM_LEAD = regex_cache.compile(r"^(?:(?:The|A|An|In|On|At|By|Along|From|Near|Between)\s(?:the\s)?)+|^.*['’]s\s")
_SHARED_HEAD_WORDS = key_words(*_PLURAL_HEADS)  # one of them is in every _SHARED_HEAD match


def _shared_head(text: str, sentence: Sentence) -> Iterator[tuple[str, int, int, int]]:
    """(name, start, end, start of the whole phrase) of each name of a list that shares a plural water head."""
    for match in _SHARED_HEAD.finditer(text, sentence.start, sentence.end):
        key = "names" if match.group("names") else "names_after"
        if _MODIFIES.match(text, match.end(), min(sentence.end, match.end() + 20)):
            continue  # "the Platte and North Platte rivers valley"
        pos = match.start(key)
        for sep in [*_LIST_SEP.finditer(text, pos, match.end(key)), None]:
            end = sep.start() if sep else match.end(key)
            lead = _ITEM_LEAD.match(text[pos:end])  # "^" holds at a slice's start, not at a search's `pos`
            begin = pos + lead.end() if lead else pos
            if begin < end:
                yield text[begin:end], begin, end, match.start()
            pos = sep.end() if sep else end


def _features(ctx: Context, words: set[str], cue: re.Pattern[str], prop: str) -> Iterator[Candidate]:
    text = ctx.text
    # Only sentences with a head word of this kind, and of those only the ones about the subject.
    for sentence in ctx.sentences_with(_WORD_TUPLES[prop]):
        if sentence is not ctx.defining and not ctx.about(sentence):
            continue
        # (value, start, end, start including "the") of every candidate name in the sentence.
        found: list[tuple[str, int, int, int]] = []
        for m in ctx.mentions(sentence.start, sentence.end):
            if has_head(m.value, words):
                found.append((m.value, m.start, m.end, m.outer_start))
            else:
                # "the Kazakh upland", "Dollar reservoir": a name and a lower-case head word.
                head = _LOWER_HEAD.match(text, m.end, sentence.end)
                if head and head.group(1).lower() in words:
                    found.append((text[m.start : head.end(1)], m.start, head.end(1), m.outer_start))
        if prop == "terrain":
            found.extend(
                (m.group("name"), m.start("name"), m.end("name"), m.start())
                for m in _ISLAND_OF.finditer(text, sentence.start, sentence.end)
                if not countries.known_unit(m.group("name"))  # "the island of Martinique" is a territory
            )
        if prop == "near_water":
            found.extend(
                (m.group("name"), m.start("name"), m.end("name"), m.start())
                for m in _RIVER_FIRST.finditer(text, sentence.start, sentence.end)
            )
            if ctx.says_any(sentence, _SHARED_HEAD_WORDS):
                found.extend(_shared_head(text, sentence))
        seen_up_to = -1
        for value, start, end, outer in sorted(found, key=lambda f: f[1]):
            if start < seen_up_to or ctx.is_subject(value) or _not_a_feature(value, words):
                continue
            before = text[max(sentence.start, outer - 70) : outer]
            if outer > sentence.start and not cue.search(before):
                continue
            if _GOVERNED_BY_OTHER.search(before):
                continue  # "the city of Albany located on the Hudson River", "..., who had ... in the Mohawk Valley"
            if _MODIFIES.match(text, end, min(sentence.end, end + 20)):
                continue
            seen_up_to = end
            yield Candidate(prop, value, start, end, confidence=0.75)


_ARTICLE_HEAD = regex_cache.compile(r"(?:The|A|An|This|That|Its)\s[a-z]+")


def _not_a_feature(value: str, words: set[str]) -> bool:
    """"Highland County", "Sierra Leone", "the Island": a unit or a country named with a feature word, or the word
    alone."""
    if value.lower() in words or ADMIN_HEAD.search(value) or _ARTICLE_HEAD.fullmatch(value):
        return True  # "The island's white beaches": the place itself, by a common noun
    return countries.country(value) is not None


_FLOWS = regex_cache.compile(
    rf"^(?:The\s|the\s)?({NAME})\s(?:(?:river\s)?(?:runs|flows|passes|winds|meanders|cuts)\s(?:\w+\s)?"
    r"(?:through|past|along|by|beside|across|around|on|into)\s(?:the\s)?(?:(?:its|the)\s(?:\w+\s)?(?:side|edge|border|part|centre|center)|"
    r"(?:city|town|village|municipality|community|area|county|district))\b|"
    # "The Gulf of Guinea forms the southern border", "The Strait of Georgia forms its western border"
    r"(?:forms|marks)\s(?:part\sof\s)?(?:its|the)\s(?:[a-z]+\s){0,2}(?:border|boundary)\b(?!\s(?:between|of|with)\b))"
)

_FLOW_VERBS = key_words("runs", "flows", "passes", "winds", "meanders", "cuts", "forms", "marks")  # one is in every _FLOWS match


@component("near_water", reads=("prose",), writes=("near_water",))
def find_water(ctx: Context) -> Iterator[Candidate]:
    yield from _features(ctx, WATER_WORDS, _WATER_CUE, "near_water")
    for sentence in ctx.sentences_with(_FLOW_VERBS):
        flows = _FLOWS.match(sentence.text)
        if flows and has_head(flows.group(1), WATER_WORDS):
            begin = sentence.start + flows.start(1)
            yield Candidate("near_water", flows.group(1), begin, begin + len(flows.group(1)), confidence=0.75)


@component("terrain", reads=("prose",), writes=("terrain",))
def find_terrain(ctx: Context) -> Iterator[Candidate]:
    yield from _features(ctx, LAND_WORDS, _LAND_CUE, "terrain")
