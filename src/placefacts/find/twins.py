"""twin_town: the towns the place is twinned with ("sister cities", "partner towns").

From prose ("X is twinned with A (Germany) and B, in France", "has a sister
city relationship with Hof (Germany)", "Mora's sister city is Mora, Sweden",
"the town of Bala in Wales, with which it is officially twinned") and from
list items under a heading that says so ("Twin towns", "Sister cities",
"Twin towns – sister cities"). A "twin city" that is a conjoined neighbour
("Peru and its twin city, LaSalle") is no twinning; a namesake ("named after
Palermo, Sicily") or a place of the same name is none either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import FUNCTION_WORD, PLACE_NOUNS, refers_to_subject
from placefacts.find.textutil import NAME, NAME_RE, Sentence
from placefacts.normalise import countries

_HEADING = regex_cache.compile(
    r"^(?:twin\stowns?|twinned\stowns?|twin\scities|sister\scit(?:y|ies)|sister\stowns?|partner\s(?:towns?|cit(?:y|ies)|municipalit(?:y|ies))|"
    r"town\stwinning|twinning|twin\stowns?\s[–—-]\s?sister\scit(?:y|ies)|twin\stowns?\sand\ssister\scit(?:y|ies)|"
    r"international\srelations|twin\sand\ssister\scit(?:y|ies)|sister\scities\sand\stwin\stowns?|friendship\scit(?:y|ies))$",
    re.IGNORECASE,
)
# Words before the list of twins; the list follows the match.
_CUE = regex_cache.compile(
    r"\b(?:is|are|was|were|has\sbeen|have\sbeen|became|been)\s(?:also\s)?(?:officially\s|formally\s)?twinned\s(?:with|to):?\s"
    r"|\b(?:twin(?:ned)?\stowns?|sister\s(?:cit(?:y|ies)|towns?)|partner\s(?:towns?|cit(?:y|ies)))(?:\sand\s\w+)?"
    r"(?:\s(?:relationships?|relations|status|agreements?|ties))?\s(?:with|to|of|is|are|include|includes|including)\s(?:both\s)?"
    r"|\b(?:twin(?:ned)?\stowns?|sister\s(?:cit(?:y|ies)|towns?)|partner\s(?:towns?|cit(?:y|ies)))\s?:\s"
    r"|\bsister[-\s]city[\"”]?\s(?:relationships?|relations|status|agreements?|ties)\s(?:with|to)\s"
    r"|\b(?:is|are)\s(?:a\s)?sister\scit(?:y|ies)\s(?:with|to|of)\s"
    r"|\bcalls\sitself\s(?:a\s)?sister\scity\s(?:to|of)\s",
    re.IGNORECASE,
)
# "one German city, Augsburg", "two other towns:", "the town of Ballerup": words before a twin's name.
_LEAD = regex_cache.compile(
    r"(?:(?:the\s)?(?:(?:one|two|three|four|five|several|other|[A-Z][a-z]+|the|its)\s){0,3}(?:cit(?:y|ies)|towns?|municipalit(?:y|ies)|"
    r"villages?|communes?|districts?)(?:\sof)?(?::|,)?\s)?(?:the\s)?"
)
_QUALIFIER = regex_cache.compile(
    rf"(?:\s?\((?:{NAME}|\d{{4}})(?:,\s(?:{NAME}|\d{{4}}))*\)|,\s(?:in\s)?(?:the\s)?(?:{NAME})(?=,|\.|;|\s(?:and|since|in)\b|\s?\(|$)"
    rf"|\s(?:in|of)\s(?:the\s)?(?:{NAME})|\s\((?:since|from)\s\d{{4}}\))*"
)
_JOIN = regex_cache.compile(r"(?:,\s(?:and\s|as\swell\sas\s)?|\s(?:and|&)\s|;\s(?:and\s)?)")
_NOT_TWIN = regex_cache.compile(r"\b(?:named|called|namesake|after|honou?r)\b", re.IGNORECASE)


# Patterns that embed a name take milliseconds to compile: compiled here, once, not on first use.
_OWNER_BEFORE = regex_cache.compile(rf"({NAME})(?:'s|’s)\s(?:[a-z]+\s)?$")
_QUALIFIER_PLACE = regex_cache.compile(rf",\s(?:in\s)?({NAME})|\s\(({NAME})\)")
# "Mora's sister city and namesake is Mora, Sweden"
_SISTER_CITY_IS = regex_cache.compile(rf"\bsister\scity(?:\sand\snamesake)?\s(?:is|was)\s({NAME})((?:,\s{NAME})?)")
# "Livingston and Garyville are sister cities"
_PAIR_ARE_TWINNED = regex_cache.compile(rf"({NAME})\sand\s({NAME})\sare\s(?:twinned|sister\s(?:cities|towns)|twin\stowns)\b")
# "the town of Bala in Wales, with which it is officially twinned"
_WITH_WHICH_TWINNED = regex_cache.compile(
    rf"({NAME})((?:\s(?:in|,)\s(?:{NAME}))?),?\swith\swhich\sit\sis\s(?:now\s)?(?:officially\s|formally\s)?twinned"
)

def _subject_ok(ctx: Context, sentence: Sentence, cue_start: int) -> bool:
    """The twinning is the subject's: "X is twinned", "The town is twinned", "Mora's sister city"."""
    before = ctx.text[sentence.start : cue_start]
    if ctx.about(sentence):
        return True
    owner = _OWNER_BEFORE.search(before)
    if owner and refers_to_subject(owner.group(1), ctx.aliases):
        return True
    if re.search(rf"\b(?:it|its|the\s(?:{PLACE_NOUNS}))\s(?:\w+\s){{0,3}}$", before, re.IGNORECASE):
        return True
    for name in NAME_RE.finditer(before):
        if FUNCTION_WORD.match(name.group()) and len(name.group().split()) == 1:
            continue
        return refers_to_subject(re.sub(r"^(?:In|Since|The)\s", "", name.group()), ctx.aliases)
    return False


def _twin_value(ctx: Context, name: str, qualifier: str) -> str | None:
    if FUNCTION_WORD.match(name) and len(name.split()) == 1:
        return None
    words = name.split()
    if len(words) > 1 and ctx.is_subject(words[-1]):
        name = " ".join(words[:-1])  # "Sheffield Anshan has ...": a lost full stop before the next sentence
    if countries.country(name):
        return None  # "in Germany": the twin's country, not a twin
    if ctx.is_subject(name):
        # "Kettering, Ohio" in the article on Kettering: keep the words that tell them apart.
        place = _QUALIFIER_PLACE.match(qualifier)
        return f"{name}, {place.group(1) or place.group(2)}" if place else None
    return name


def _list(ctx: Context, pos: int, end: int) -> Iterator[tuple[str, int, int]]:
    text = ctx.text

    while pos < end:
        lead = _LEAD.match(text, pos, end)
        start = lead.end() if lead else pos
        name = NAME_RE.match(text, start, end)
        if not name:
            return
        qualifier = _QUALIFIER.match(text, name.end(), end)
        stop = qualifier.end() if qualifier else name.end()
        value = _twin_value(ctx, name.group(), text[name.end() : stop])
        if value is None and countries.country(name.group()):
            # "two French towns, La Baule": a country word then the town
            pos = stop
            join = _JOIN.match(text, pos, end)
            if not join:
                return
            pos = join.end()
            continue
        if value:
            yield value, name.start(), name.end()
        join = _JOIN.match(text, stop, end)
        if not join:
            return
        pos = join.end()


def _prose(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    text = ctx.text
    for cue in _CUE.finditer(text, sentence.start, sentence.end):
        if _NOT_TWIN.search(text, sentence.start, cue.start()) and not re.search(r"twinned", cue.group()):
            continue
        if not _subject_ok(ctx, sentence, cue.start()):
            continue
        for value, start, end in _list(ctx, cue.end(), sentence.end):
            yield Candidate("twin_town", value, start, end, confidence=0.8)
    # "Mora's sister city and namesake is Mora, Sweden"; "Livingston and Garyville are sister cities"
    for match in _SISTER_CITY_IS.finditer(text[sentence.start : sentence.end]):
        if _subject_ok(ctx, sentence, sentence.start + match.start()):
            value = _twin_value(ctx, match.group(1), match.group(2))
            if value:
                start = sentence.start + match.start(1)
                yield Candidate("twin_town", value, start, start + len(match.group(1)), confidence=0.8)
    for match in _PAIR_ARE_TWINNED.finditer(text[sentence.start : sentence.end]):
        first, second = match.group(1), match.group(2)
        other = second if refers_to_subject(first, ctx.aliases) else first if refers_to_subject(second, ctx.aliases) else None
        if other:
            start = sentence.start + (match.start(2) if other == second else match.start(1))
            yield Candidate("twin_town", other, start, start + len(other), confidence=0.75)
    # "the town of Bala in Wales, with which it is officially twinned"
    for match in _WITH_WHICH_TWINNED.finditer(text[sentence.start : sentence.end]):
        start = sentence.start + match.start(1)
        value = _twin_value(ctx, match.group(1), re.sub(r"^\sin\s", ", ", match.group(2)))
        if value:
            yield Candidate("twin_town", value, start, start + len(match.group(1)), confidence=0.75)


def _items(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for block in ctx.prepared.blocks:
        if block.kind != "item" or not _HEADING.match(block.section.strip()):
            continue
        start = block.start
        while start < block.end and text[start] in "•*-–·▪◦ \t":
            start += 1
        names = list(NAME_RE.finditer(text[start : block.end]))
        if not names:
            continue
        first = names[0]
        # "Germany Augsburg" (a flag and a country before the town): the town is the name after the country.
        if countries.country(first.group()) and len(names) > 1:
            first = names[1]
        name = first.group()
        value = _twin_value(ctx, name, text[start + first.end() : block.end])
        if value:
            yield Candidate("twin_town", value, start + first.start(), start + first.end(), confidence=0.8)


@component("twins", reads=("prose",), writes=("twin_town",))
def find_twins(ctx: Context) -> Iterator[Candidate]:
    yield from _items(ctx)
    if not ctx.says_any_in_text(("twin", "sister", "partner")):
        return  # a case-blind pattern over the whole text costs more than three substring tests
    for sentence in ctx.sentences:
        if _TWIN_CUE.search(sentence.text):
            yield from _prose(ctx, sentence)


_TWIN_CUE = regex_cache.compile(r"twin|sister|partner", re.IGNORECASE)

