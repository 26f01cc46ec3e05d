"""Shared list and phrase helpers of the prose finders, and the economy lexicons.

Splitting a list of noun phrases or names, the clause a list ends at, whether a
sentence (or a cue in it) is about the subject, cheap per-sentence substring
prefilters, and the product and industry lexicons (find/data/products.txt,
industries.txt). Used by products, industries and employers, and by facilities
and transport.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from placefacts import regex_cache
from placefacts.find.context import Context
from placefacts.find.grammar import about_subject, refers_to_subject, strip_intro
from placefacts.find.lexicon import alternation, entries
from placefacts.find.textutil import NAME, Sentence
from placefacts.normalise.text import fold
from placefacts.regex_first import opening_chars

# ---------------------------------------------------------------- list helpers


@dataclass(frozen=True, slots=True)
class Item:
    value: str
    start: int  # clean span of the item in the text
    end: int
    note: str = ""  # a parenthetical that followed the item ("by the European route E123")


_SEP = regex_cache.compile(r",\s(?:and|or|as well as)\s|,\s|\s(?:and|or|&|as well as|plus)\s|;\s(?:and\s)?")
PAREN = regex_cache.compile(r"\s?\([^()]*\)")
# Words before a phrase's head that are not part of the thing named.
_LEAD_WORDS = regex_cache.compile(
    r"^(?:(?:the|a|an|other|various|some|many|several|numerous|its|their|his|her|also|mainly|mostly|chiefly|"
    r"primarily|especially|notably|particularly|including|such as|excellent|fine|high-quality|quality|local|fresh|"
    r"thriving|booming|growing|flourishing|important|major|large|small|big|huge|new|both|then|now|later|beautiful|"
    r"famous|renowned|fine|exquisite|traditional|"
    r"principally|largely|increasingly|traditionally|historically|like|today|currently|formerly|once|surrounding|"
    r"nearby|plus)\s|"
    r"(?:[\d,.]+\s)?(?:bushels|tons|tonnes|metric\stons|pounds|barrels|quantities|quantity|amounts?|lots|varieties|"
    r"kinds|types|mix|mixture|combination|variety|range|host|number)\sof\s)+",
    re.IGNORECASE,
)
_WORD = regex_cache.compile(r"^[a-z][a-z'’-]*$|^R&D$|^IT$")
_VERBISH = frozenset(
    "which that who is are was were be been being has have had will would can could produces includes provides makes yet "
    "including "
    "offers employs supports attracts contains grown sown known shown built made mined found".split()
)
_TRAILING_AND = regex_cache.compile(r"\s(?:and|or)$")
NOT_NOUN = regex_cache.compile(r"^\w{3,}(?:ly|ous|ful|ive|able|ible|ial|ical)$")
STOP_VALUES = frozenset(
    "business businesses industry industries economy others etc along natives residents more much land home other things products goods items "
    "activities activity sectors sector jobs employment people workers work it them this these that discoveries "
    "discovery changes improvements contributions efforts attempts progress advances decisions plans investments "
    "repairs arrangements so forth like".split()
)


# Heads of phrases that name no product or activity: "many important paleontological discoveries have been made"
_ABSTRACT = frozenset(
    "discoveries discovery changes improvements contributions efforts attempts progress advances decisions plans "
    "investments repairs arrangements inventions findings".split()
)


def phrases(text: str, start: int, end: int, max_words: int = 4, tail: bool = False) -> list[Item]:
    """Split a list of common-noun phrases ("wheat, flour, hay, linseed and other vegetable oils").

    `tail`: the list ends at `end` and starts after the last chunk that is no noun phrase (a list before its cue).
    """
    out: list[Item] = []
    spans = _join_compounds(text, split_outside_brackets(text, start, end, _SEP))
    opening = start == 0 or text[start - 1] == "\n" or text[max(0, start - 2) : start] in (". ", ", ", ": ")
    for a, b in spans:
        item = _phrase(text, a, b, max_words, opening and a == start)
        if item is None:
            if tail:
                out = []
            continue
        out.append(item)
    return out


def _phrase(text: str, a: int, b: int, max_words: int, opening: bool = False) -> Item | None:
    """One list chunk as a noun phrase, without leading determiners and quantities, or None."""
    paren = text.find("(", a, b)
    if paren >= 0:
        b = paren  # "cattle (beef)": the item is what comes before its parenthetical
    raw = text[a:b]
    lead = _LEAD_WORDS.match(raw)
    begin = a + (lead.end() if lead else 0)
    while begin < b and text[begin] in " '\"“":
        begin += 1
    stop = b
    while stop > begin and text[stop - 1] in " .,'\"”":
        stop -= 1
    tail = _TRAILING_AND.search(text, begin, stop)
    if tail:
        stop = tail.start()
    value = text[begin:stop]
    words = value.split()
    if words and NOT_NOUN.search(words[-1]) and fold(value) not in LEXICON_WORDS:
        return None  # "grew rapidly", "exports are crucial"
    if not words or len(words) > max_words:
        return None
    if not all(_WORD.match(w) or (k == 0 and w[:1].isupper() and _WORD.match(w.lower())) for k, w in enumerate(words)):
        return None
    if words[0][:1].isupper() and words[0] not in ("R&D", "IT") and not opening and fold(words[0]) not in LEXICON_WORDS:
        return None  # "a retail hub for Yonkers": a capitalised word inside a list is a name
    if value.lower() in STOP_VALUES or words[-1].lower() in _ABSTRACT or \
            any(w.lower() in _VERBISH or "'" in w or "’" in w for w in words):
        return None  # "were grown", "men's and boy's clothing"
    if words[-1].endswith("ed") and fold(value) not in LEXICON_WORDS:
        return None  # "resources were nearly exhausted"
    return Item(value, begin, stop)


_COMPOUND = regex_cache.compile(r"(?i:iron|oil|research|arts|food|oil\sand\snatural)$")
_COMPOUND_NEXT = regex_cache.compile(r"(?i:steel|gas|development|crafts|beverages?)\b")


def _join_compounds(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep "iron and steel", "oil and gas", "research and development" whole."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _COMPOUND.search(text, out[-1][0], out[-1][1]) and text[out[-1][1] : a] == " and " and \
                _COMPOUND_NEXT.match(text, a, b):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_DESCRIPTOR = regex_cache.compile(
    r"(?:the\s)?(?:(?:regional|provincial|state|national|district|county|nearby|neighbo(?:u)?ring|adjacent|major|"
    r"larger|main|important|quaint|former|historic|small|industrial|coastal|capital)\s){0,3}"
    r"(?:capital\s)?(?:(?:city|cities|town|towns|village|villages|port|ports|settlement|settlements|townships?|"
    r"suburbs?|municipality|municipalities|communities|community)\s(?:of\s)?)?"
)
_NAME_AT = regex_cache.compile(rf"(?:the\s|The\s)?({NAME})")
_NAME_SEP = regex_cache.compile(r",\s(?:and\s|or\s)?(?:with\s)?|\s(?:and|or|&)\s(?:with\s)?|\s(?:as well as)\s")
_TAIL = regex_cache.compile(
    r"\s(?:(?:to|in)\s(?:the\s)?(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west))?(?:ern)?\b|"
    r"on\s(?:one|the\sother)\sside)"
)


_LOWER_NEXT = regex_cache.compile(
    r"\s(?!(?:and|or|to|in|on|via|by|with|from|which|that|who|where|as|at|for|of|since|until|through|across|over|"
    r"along|before|after|during|while|but|both|each|also|then|respectively|is|are|was|were|has|had|have)\b)[a-z]"
)


def name_items(text: str, pos: int, end: int, descriptors: bool = True) -> list[Item]:
    """Names listed from `pos`: "the cities Karaganda (by ... E018), Kyzylorda and Arkalyk (both by ... E123)"."""
    out: list[Item] = []
    while pos < end:
        if descriptors:
            desc = _DESCRIPTOR.match(text, pos, end)
            if desc:
                pos = desc.end()
        match = _NAME_AT.match(text, pos, end)
        if not match:
            break
        value = match.group(1)
        start = match.start(1)
        stop = match.end(1)
        if value.endswith(("'s", "’s")):
            break  # "Birmingham's ...": a possessive, not a listed name
        if _LOWER_NEXT.match(text, stop, end):
            break  # "the Pacific coast": the name only modifies a common noun
        tail = _TAIL.match(text, stop, end)
        pos = tail.end() if tail else stop
        note = ""
        paren = re.match(r"\s?\(([^()]*)\)", text[pos:end])
        if paren:
            note = paren.group(1)
            pos += paren.end()
        out.append(Item(value, start, stop, note))
        sep = _NAME_SEP.match(text, pos, end)
        if not sep:
            break
        pos = sep.end()
    return out


_CLAUSE_STOP = regex_cache.compile(
    r";|(?<!\bSt)(?<!\bMt)(?<!\bFt)(?<!\bDr)(?<!\bJr)(?<!\bSr)(?<!\bCo)(?<!\bInc)(?<!\b[A-Z])\.\s|"
    r"\s(?:which|who|where|since|until|because|although|while|but)\b|,\s(?:all|both|each|one\sof|which|who|making|having)\b"
)
_CHUNK_SEP = regex_cache.compile(r",\s(?:and\s|as\swell\sas\s)?|\s(?:and|as\swell\sas)\s")
_OF_WORD = regex_cache.compile(r"\sof\s[A-Z][a-z]+$")
AND_TAIL = regex_cache.compile(
    r"\sand\s(?:[A-Z][a-z]+\s(?=(?:History|Science|Sciences|Technology|Industry|Arts|Culture|Design|Letters|Economics|"
    r"Commerce|Nature|Studies|Music|Medicine|Engineering)\b))?[A-Z][a-z]+(?=\s?[(,.;]|\s[a-z]|$)"
)


def chunks(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """Comma/and-separated chunks of a list from `pos`, outside parentheses, up to the clause's end."""
    stop = _CLAUSE_STOP.search(text, pos, end)
    return split_outside_brackets(text, pos, stop.start() if stop else end, _CHUNK_SEP, of_name=_OF_WORD)


def split_outside_brackets(
    text: str, pos: int, end: int, separator: re.Pattern[str], of_name: re.Pattern[str] | None = None,
    stop_at: str = "",
) -> list[tuple[int, int]]:
    """Spans of text[pos:end] between the matches of `separator` that stand outside parentheses.

    `of_name`: where it matches the span so far ("Telfair Academy of Arts") and a capitalised word follows
    " and " (`AND_TAIL`), the "and" is part of one name, not a separator. `stop_at`: characters (outside
    parentheses) that end the list.
    """
    out: list[tuple[int, int]] = []
    depth = 0
    start = i = pos
    openers = opening_chars(separator)  # the engine is asked only where a separator can start
    while i < end:
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            if c in stop_at:
                break
            sep = separator.match(text, i, end) if openers is None or c in openers else None
            if (sep and of_name is not None and sep.group() == " and " and of_name.search(text, start, i)
                    and AND_TAIL.match(text, i, end)):
                sep = None  # "Telfair Academy of Arts and Sciences" is one name
            if sep and sep.end() > i:
                out.append((start, i))
                start = i = sep.end()
                continue
        i += 1
    out.append((start, i))
    return out


def subject_ref(ctx: Context, phrase: str) -> bool:
    """"it", "the town", "the city of X", or a name of the subject."""
    phrase = re.sub(r"\s(?:limits|boundaries|centre|center)$", "", phrase.strip()).replace("municipal", "municipality")
    if re.fullmatch(r"(?i:it|its|here|there|this\s\w+|the\s(?:present[- ]day\s)?(?:city|town|village|area|community|"
                    r"settlement|municipality|borough|township|suburb|county|district|region|place|island|hamlet|"
                    r"locality|commune|parish|capital|cdp))", phrase):
        return True
    phrase = re.sub(r"^(?i:the\s)?(?:city|town|village|municipality)\sof\s", "", phrase)
    return refers_to_subject(phrase, ctx.aliases)


# Capitalised sentence starters that are common nouns, not names: "Exports include ...", "Major employers ...".
_COMMON_START = frozenset(
    "exports imports products production industries industry economy economic employers employment major main "
    "manufactured manufacturing crops goods agriculture agricultural tourism trade commerce other local dominant "
    "principal chief key leading primary notable important several numerous access transport transportation rail "
    "railway railways road roads trains buses flights air farmed farming fishing mining forestry banking "
    "telecommunications services jobs companies businesses".split()
)
_ADVERB_START = regex_cache.compile(
    r"(?:Today|Currently|Now|Historically|Originally|Later|Also|Thus|Once|Formerly|Still|Nowadays|Presently)\s(?=[a-zA-Z])"
)
_ANAPHOR_PLUS = regex_cache.compile(
    r"(?:The|This|the|this)\s(?:[A-Z][\w-]*\s|[a-z][\w-]*\s){1,2}(?:city|town|village|municipality|community|settlement|borough)\b"
)
# "Traditional industries were ...", "Main industries include ...": the article's own, with no other owner
OPENING_ADJ = (
    r"(?:Traditional|Main|Major|Principal|Local|Other|Key|Leading|Important|Primary|Chief|Dominant|Notable|"
    r"Significant|Early|Historic|Historical|Modern|Current|Present|Former|Heavy|Light|Secondary|Tertiary|Economic|"
    r"Agricultural|Industrial|Large|Small|Big|Growing|Emerging|New|Old|Further|Additional|Prominent|Prime)"
)
_ADJ_ECONOMY_START = regex_cache.compile(
    rf"{OPENING_ADJ}\s(?:[a-z]+\s){{0,2}}(?:industries|industry|exports|products|crops|economy|sectors|employers|"
    r"companies|goods|activities|businesses)\b"
)


_PARTICIPLE_INTRO = regex_cache.compile(r"(?:[A-Z][a-z]+ly\s(?:[a-z]+ed|known|called)|[A-Z][a-z]+ed|Known|Called)\s[^,]{2,80},\s(?=[A-Z])")


def sentence_about(ctx: Context, sentence: Sentence) -> bool | None:
    """about_subject, but a capitalised common noun ("Exports", "Major") starting the sentence is no other topic,
    and "The Alabama city", "the new town" refer back to the subject."""
    result = about_subject(sentence.text, ctx.aliases)
    if result is None:
        # "Today the city is ...": an adverb without its comma hides the anaphor
        adverb = _ADVERB_START.match(sentence.text)
        if adverb:
            result = about_subject(sentence.text[adverb.end() :], ctx.aliases)
    if result is not False:
        return result
    body = strip_intro(sentence.text)
    participle = _PARTICIPLE_INTRO.match(body)
    if participle:
        # "Formerly nicknamed "The Hardware Capital of the World", Sterling has ..."
        return about_subject(body[participle.end() :], ctx.aliases)
    first = body.split(" ", 1)[0].strip(",;:")
    if _ADJ_ECONOMY_START.match(body):
        return None  # "Traditional industries were linen, ..."
    if first.lower() in _COMMON_START or fold(first) in PRODUCTS or fold(first) in INDUSTRY_WORDS:
        return None
    if _ANAPHOR_PLUS.match(body):
        return True
    return False


# A relative clause or another clause start between the topic and a cue: the cue is not said of the topic.
RELATIVE = regex_cache.compile(r"\b(?:which|that|who|whose|where|whom)\b|;")


def cue_of_topic(sentence: Sentence, cue_start: int) -> bool:
    """Whether a cue at `cue_start` is governed by the sentence's topic (no relative clause before it)."""
    before = sentence.text[: cue_start - sentence.start]
    return not RELATIVE.search(strip_intro(before))


# ---------------------------------------------------------------- list bounds

_CLAUSE_END = regex_cache.compile(
    r"[.;:!?]|\s(?:which|that|who|where|while|but|because|although|though|for\s(?:many|several|the)\b|in\sthe\b|"
    r"to\sthe\b|from|since|until|when|during|are|were|is|was|have|has|had|in\s\d{4}|throughout|across|"
    r"with\b|by\b|into\b|at\b|on\b|in\b|mined|grown|made|produced|located|found|built|brought|shipped|used|known|being|along\swith|"
    r"(?:and\s)?(?:produces|exports|grows|manufactures|makes|provides|employs|attracts|supports))\b|"
    r",\s(?:and\s)?(?:the|it|its|which|but|while|making|giving|a|an|with)\b"
)
_ELSEWHERE = regex_cache.compile(
    rf"\s(?:(?:mined|grown|brought|shipped|imported|sent)\s)?(?:of|from|at|in|near)\s(?:the\s)?(?:nearby\s|neighbou?ring\s)?"
    rf"(?:(?:town|city|village|community)\sof\s)?(?P<other>{NAME})"
)


def after_list(text: str, start: int, end: int) -> int:
    """Where a list that starts at `start` ends: the clause break after it."""
    stop = _CLAUSE_END.search(text, start, end)
    return stop.start() if stop else end


def list_start(text: str, sentence: Sentence, end: int) -> int:
    """Where a list before a cue at `end` starts: the sentence start after its intro, or after ' with '."""
    before = text[sentence.start : end]
    body = strip_intro(before)
    start = sentence.start + len(before) - len(body)
    last_with = before.rfind(" with ")
    if last_with >= 0 and sentence.start + last_with + 6 > start:
        start = sentence.start + last_with + 6
    return start


def elsewhere(ctx: Context, text: str, pos: int, end: int) -> bool:
    """"silver ore mined from nearby Tombstone", "the silver mines of Tombstone": another place's."""
    other = _ELSEWHERE.match(text, pos, end)
    return bool(other) and not refers_to_subject(other.group("other"), ctx.aliases)


_POSSESSIVE_OPENER = regex_cache.compile(rf"(?:The\s)?({NAME})(?<=['’]s)\s")


def subject_possessive(ctx: Context, sentence: Sentence) -> bool:
    """"Hata's main industry is farming and produces ...": a sentence opened by the subject's possessive."""
    opener = _POSSESSIVE_OPENER.match(strip_intro(sentence.text))
    return bool(opener) and refers_to_subject(opener.group(1)[:-2], ctx.aliases)


# ---------------------------------------------------------------- prefilters
# Most sentences say nothing of the economy: the finders' key words (`Context.says_any`) and, where whole words
# matter, the sentence's word set skip them before any pattern runs.

_WORD_RE = regex_cache.compile(r"[a-zà-ÿ]+")


@lru_cache(maxsize=4096)
def word_set(text: str) -> frozenset[str]:
    """The lower-cased words of a sentence."""
    return frozenset(_WORD_RE.findall(text.lower()))


# ---------------------------------------------------------------- lexicons

PRODUCTS = frozenset(fold(p) for p in entries("products"))
INDUSTRY_WORDS = {fold(k): v for k, v in entries("industries").items()}
LEXICON_WORDS = PRODUCTS | frozenset(INDUSTRY_WORDS)
PRODUCT_ALT = alternation("products")
INDUSTRY_ALT = alternation("industries")
