"""instance_of: the category nouns of the sentences that say what the place is.

"X is a town and commune of ...", "It is one of two county seats of ...",
"Today, the town is the district capital of ...". A category counts only in
a noun phrase that the copula (or a conjunction after one) introduces, never
after a preposition ("in the region of Apulia") or in an appositive
("north of Chalatenango, the capital city of ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.lexicon import alternation, entries

# Not "the region's main supplier" (a possessive) nor "prefecture level city" (a modifier of the noun after it)
_CATEGORY = regex_cache.compile(rf"(?i:{alternation('place_categories')})(?![\w-]|['’]s\b|\slevel\b)")
_COPULA = regex_cache.compile(
    r"(?:\bis|\bwas|\bare|\bwere|(?<=\bit)'s|(?<=\bit)’s|\bremains|\bserves as|\bbecame|"
    r"\b(?:established|designated|constituted|chartered)\sas|\bwith\sthe\sstatus\sof)\s(?:also\s|now\s|today\s|still\s|currently\s)*"
    r"(?:one of (?:the\s)?(?:\w+\s)?)?",
    re.IGNORECASE,
)
# The same pattern for the lower-cased text: each branch opens with a literal letter (the word boundary checked
# just after it), which gives the engine the set of first letters: it skips every position where no copula can
# start (a branch opening with a group would hide the set); case-blind, it would try them all.
_COPULA_LOWER = regex_cache.compile(
    r"(?:i(?<!\wi)s|w(?<!\ww)(?:as|ere)|a(?<!\wa)re|'(?<=\bit')s|’(?<=\bit’)s|r(?<!\wr)emains|s(?<!\ws)erves as|"
    r"b(?<!\wb)ecame|e(?<!\we)stablished\sas|d(?<!\wd)esignated\sas|c(?<!\wc)onstituted\sas|c(?<!\wc)hartered\sas|"
    r"w(?<!\ww)ith\sthe\sstatus\sof)\s(?:also\s|now\s|today\s|still\s|currently\s)*"
    r"(?:one of (?:the\s)?(?:\w+\s)?)?"
)
_FORMER = regex_cache.compile(r"\b(?:former|ex-|once|erstwhile|onetime|one-time)\b", re.IGNORECASE)
_STOP = regex_cache.compile(r"\b(?:which|that|where|who|whose|while|although|because|founded|established|located|situated)\b|[;:(]")


_MODIFIER_WORD = regex_cache.compile(
    r"(?:a|an|the|its|their|[A-Z][\w'’.-]*(?:'s|’s)|[\w-]+(?:est|st|nd|rd|th)|most|more|very|mainly|largely|"
    r"small|large|big|major|important|former|historic|historical|old|new|linear|rural|urban|residential|"
    r"coastal|first|second|third|class|chief|main|principal|de facto|official|[a-z]+(?:-[a-z]+)+|"
    r"[A-Z][a-z]+(?:an|ish|ese|ic|i)|"
    r"(?!(?:of|in|on|at|to|for|from|by|with|and|or|the|a|an|part|one|home|site|seat|centre|center|heart|"
    r"hub|member|subject|place|area|region|point|considered|regarded|known|called|named|described|seen|ranked|"
    r"listed|designated|classified|located|situated|home|also|not|no|now|still|today)\b)[a-z]+),?\s"
)


def _category_at(text: str, pos: int, end: int) -> re.Match[str] | None:
    """The leftmost category after up to six modifiers: "a first class municipality" -> municipality."""
    start = pos
    for _ in range(7):
        found = _CATEGORY.match(text, pos, end)
        if found:
            if _FORMER.search(text, start, found.start()):
                return None  # "the former capital": what it was, not what it is
            return found
        modifier = _MODIFIER_WORD.match(text, pos, end)
        if not modifier:
            return None
        pos = modifier.end()
    return None


def _categories_after(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """Category nouns heading the noun phrases that open at `start`, joined by "and"."""
    pos = start
    any_found = False
    while pos < end:
        found = _category_at(text, pos, end)
        if found:
            surface = found.group().lower()
            table = entries("place_categories")
            value = table.get(surface) or table.get(surface.replace("-", " ")) or surface
            if value == "seat":
                # "the seat of Jefferson County" is a county seat; "the seat of the Archbishop" is not a category.
                governed = re.match(r"\s(?:of\s)?(?:the\s)?([\w\s-]*?)\b(County|Parish|Borough|District|Department|Province|Region|"
                                    r"Municipality|government|administration)\b", text[found.end() : found.end() + 50])
                value = ("county seat" if governed.group(2) == "County" else "seat") if governed else ""
            if value:
                yield value, found.start(), found.end()
            any_found = True
            pos = found.end()
        # "the capital and most populous city", "a town and commune", "X, and the capital of Y".
        if not found and not any_found:
            return  # a phrase is skipped only between categories ("a municipality and historical centre ..., and")
        joiner = (_JOINER if found else _SKIP_PHRASE).match(text, pos, end)
        if not joiner or joiner.end() - pos > 90:
            return
        pos = joiner.end()


# "and" joins another category only directly, or with a comma after a place phrase
# ("a city in, and the county seat of", "X of the Region, and the capital of Y").
_JOINER = regex_cache.compile(
    r"(?:\s(?:of|in|on)\b[^;,]{0,80}?\s(?=and\s(?:the|a|an)\s)|\s(?:of|in|on)\b(?:[^;]{0,80}?)?,\s|,\s|\s)"
    r"(?:and|as\swell\sas)\s(?:is\s)?(?:also\s)?"
)
# A noun phrase without a category, then "and": "historical centre of the Region, and ...".
_SKIP_PHRASE = regex_cache.compile(r"(?:[\w'’-]+\s){1,4}(?:(?:of|in|on)\s[^,;]*?)?(?:,\s)?\s?\band\s(?:is\s)?(?:also\s)?")


@component("classification", reads=("prose",), writes=("instance_of",))
def find_categories(ctx: Context) -> Iterator[Candidate]:
    found = list(_categories(ctx))
    yield from found
    # "Bala is a Canadian community": a community is the place's category only where nothing more definite is
    # said of it ("a census-designated place ... a small farming community" reads it as another word for that)
    defining = ctx.defining
    vague = _COMMUNITY.search(ctx.text, defining.start, defining.end) if defining is not None and not found else None
    if vague:
        yield Candidate("instance_of", "community", vague.start(1), vague.end(1), confidence=0.6)


_COMMUNITY = regex_cache.compile(r"\b(?:is|was)\s(?:a|an)\s(?:[\w-]+\s){0,3}?(community)\b")


def _categories(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    low = ctx.lowered_text()
    for sentence in ctx.sentences:
        defining = sentence is ctx.defining
        if not defining:
            if not ctx.about(sentence, strict=True):
                continue
        copulas = (
            _COPULA_LOWER.finditer(low, sentence.start, sentence.end)
            if low is not None
            else _COPULA.finditer(text, sentence.start, sentence.end)
        )
        for copula in copulas:
            stop = _STOP.search(text, copula.end(), sentence.end)
            end = stop.start() if stop else sentence.end
            word = copula.group().split()[0].lower()
            if not defining and word in ("was", "were", "became"):
                continue  # what it was once is history, not its category
            for value, start, stop_at in _categories_after(text, copula.end(), end):
                yield Candidate("instance_of", value, start, stop_at, confidence=0.85 if defining else 0.7)
            if not defining:
                break
