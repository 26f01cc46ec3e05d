"""industry: what the place's economy lives on.

An industry needs a cue that governs it in a sentence about the subject:
"... are major resource industries", "Its economy is based on ...", "an
important tourist and R&D center", "a logging town", "the steel and naval
industries". The lexicon (find/data/industries.txt) confirms the weak ones and
maps adjectives to their industry ("agricultural" -> agriculture).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import refers_to_subject, strip_intro
from placefacts.find.keywords import folds_apart, key_words
from placefacts.find.lists import (
    INDUSTRY_WORDS,
    NOT_NOUN,
    OPENING_ADJ,
    PRODUCT_ALT,
    STOP_VALUES,
    Item,
    after_list,
    cue_of_topic,
    elsewhere,
    list_start,
    phrases,
    sentence_about,
)
from placefacts.find.textutil import NAME, Sentence
from placefacts.normalise.text import fold

# ---------------------------------------------------------------- industry

_INDUSTRY_KEYS = key_words(
    "industr", "econom", "center", "centre", "hub", "town", "communit", "agrarian", "agricultur", "touris", "based",
    "sector", "activit", "occupation", "destination", "employ", "mining", " site", "settlement", "village", " port",
    " city", " area", "focus",
)
_GENERIC_NOUN = (
    r"(?:industries|industry|economic\sactivities|economic\sactivity|sectors|sector|occupations|occupation|"
    r"mainstays?|pillars?|employers?|sources\sof\s(?:income|employment|revenue)|"
    r"source\sof\s(?:income|employment|revenue))"
)
# "Banking, ... have become its major economic activities", "Agriculture, ... are major resource industries"
_INDUSTRY_PRECEDE = regex_cache.compile(
    rf"\s(?:are|were|is|was|remain|remains|remained|became|have\sbecome|has\sbecome|have\sbeen|has\sbeen)\s"
    rf"(?:now\s|also\s|still\s|today\s)?(?:(?:its|their|the(?:\s(?:city|town|village|area|region|municipality)(?:'s|’s))?|"
    rf"an?)\s)?(?:(?:major|main|principal|primary|chief|key|leading|dominant|important|largest|biggest|early|"
    rf"traditional|economic|resource|local)\s){{0,3}}{_GENERIC_NOUN}\b",
    re.IGNORECASE,
)
# "tourism has become an important element of the local economy"
_PART_OF_ECONOMY = regex_cache.compile(
    r"\s(?:is|was|are|were|has\sbecome|have\sbecome|became|remains|remain)\s(?:an?|the)\s(?:[a-z]+\s){0,2}?"
    r"(?:element|part|component|pillar|mainstay|driver|backbone|sector|source)\sof\s(?:the|its)\s(?:local\s|city(?:'s|’s)\s|"
    r"town(?:'s|’s)\s|regional\s)?economy\b"
    # "trade, utilities, government, medicine, and education play central roles in the city's economy"
    r"|\s(?:play|plays|played)\s(?:an?\s)?(?:central|key|major|important|significant|vital|leading|large|big)\s"
    r"roles?\sin\s(?:the|its)\s(?:local\s|city(?:'s|’s)\s|town(?:'s|’s)\s|regional\s)?economy\b",
    re.IGNORECASE,
)
# "Its major industries were ...", "Dominant sectors of its economy include ...", "Its economy is based on ..."
_INDUSTRY_FOLLOW = regex_cache.compile(
    rf"\b(?P<noun>{_GENERIC_NOUN}(?:\sof\s(?:its|the)\s(?:local\s)?economy)?|economy|economic\sbase)"
    rf"(?P<of>\sof\s(?:the\s)?(?-i:{NAME}))?\s(?:(?:was|is|were|are|has\sbeen|remains|remained)\s)?(?:\w+ly\s)?"
    r"(?:(?P<copula>are|were|is|was)|include|includes|included|consist\sof|consists\sof|comprise|comprises|"
    r"(?:(?:was|is|were|are)\s)?(?:based|centred|centered|built|founded|dependent|reliant|focused|focussed)\s"
    r"(?:\w+ly\s)?(?:up)?on|relies\son|relied\son|depends\son|depended\son|revolves\saround|"
    r"revolved\s(?:\w+ly\s)?around|(?:dominated|characterized|characterised|driven|supported|sustained|fuell?ed|"
    r"led|powered)\sby|such\sas)\s",
    re.IGNORECASE,
)
# A copula after a singular "industry" lists it only with a qualifier: "Hata's main industry is farming".
_QUALIFIED = regex_cache.compile(
    r"\b(?:main|major|principal|primary|chief|leading|key|largest|biggest|dominant|predominant|most\simportant|"
    r"only|sole|traditional)\s(?:[a-z]+\s)?$",
    re.IGNORECASE,
)
_ECONOMY_OWNER = regex_cache.compile(
    rf"(?:(?P<name>{NAME})(?<=['’]s)|\b(?:[Ii]ts|[Tt]he\s(?:city|town|village|area|region|municipality|county|"
    rf"district|island|local)(?:'s|’s)?|[Tt]he|[Tt]heir|his|her))\s(?:(?:[a-z]+)\s){{0,3}}$"
)
# An economy noun after opening adjectives only: the article's own, with no other owner
_BARE_OWNER = regex_cache.compile(rf"(?:{OPENING_ADJ}\s)?(?:[a-z]+\s){{0,2}}$")
# "a major industrial center based on mining, ..."
_CENTER_BASED = regex_cache.compile(
    r"\b(?:cent(?:er|re)|hub|city|town|economy)\s(?:(?:was|is)\s)?(?:based|built|founded|centred|centered)\s"
    r"(?:\w+ly\s)?(?:up)?on\s",
    re.IGNORECASE,
)
# "an important tourist, university, commercial and R&D center", "the shipping center": the words before the noun
# "a popular tourist resort", "the tourism capital of Nepal", "the second-largest banking center"
_CENTER_HEAD = regex_cache.compile(r"\b(?:cent(?:er|re)s?|hub|destination|resorts?|capital)\b", re.IGNORECASE)
_TOURIST_ONLY_HEADS = frozenset({"destination", "resort", "resorts"})  # a resort of any other kind names no industry
_ADJ = (
    r"(?:[a-z]+ly|major|important|main|leading|prime|principal|regional|strong|key|chief|primary|busy|thriving|"
    r"significant|notable|great|large|small|popular|early|former|booming|international|national|global|world|"
    r"(?:[a-z]+-)?(?:largest|biggest)|seaside|coastal)"
)
_CENTER_PRE = regex_cache.compile(
    rf"\b(?:an?|the|its)\s(?:{_ADJ}\s){{0,3}}(?P<list>(?:[\w&-]+,\s)*(?:[\w&-]+,?\s(?:and|or)\s)?[\w&-]+)\s$",
    re.IGNORECASE,
)
_CENTER_HEAD_OK = {
    "town": {"logging", "mining", "lumber", "timber", "fishing", "farming", "whaling", "coal", "oil", "mill",
             "textile", "steel", "ranching", "agricultural"},
    "community": {"farming", "agricultural", "fishing", "mining", "ranching", "logging"},
    "economy": {"farming", "agricultural", "fishing", "mining", "tourism", "tourist", "ranching"},
    "settlement": {"mining", "fishing", "farming", "logging", "agricultural"},
    "village": {"fishing", "farming", "mining", "agricultural"},
    "port": {"fishing", "whaling", "shipping", "commercial"},
    "city": {"mining", "steel", "textile"},
    "area": {"farming", "agricultural", "mining", "ranching"},
}
# "a logging town", "the farming community": a typed place noun
_TYPED = regex_cache.compile(
    rf"\b(?:an?|the|its)\s(?:{_ADJ}\s){{0,3}}(?P<word>{'|'.join(sorted({w for v in _CENTER_HEAD_OK.values() for w in v}))})\s"
    rf"(?P<head>{'|'.join(_CENTER_HEAD_OK)})\b",
    re.IGNORECASE,
)
_TYPED_WORDS = key_words(*sorted({w for v in _CENTER_HEAD_OK.values() for w in v}))
_CENTER_ROLE = regex_cache.compile(
    r"(?:\b(?:is|was|are|were|be|being|became|becomes|remains|remained|as|into|serving|serves|serve|has|had|made|makes|making)"
    r"\s(?:[a-z]+\s){0,3}$)",
    re.IGNORECASE,
)
# "the steel and naval industries", "a thriving zucca melon industry": up to three words before the head
_INDUSTRY_HEAD = regex_cache.compile(r"\b(?:industry|industries|sectors)\b")
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower inner outer".split())
# "a largely service-based economy", "a tourism-driven economy"
_BASED_ECONOMY = regex_cache.compile(
    r"\b(?:an?|its)\s(?:(?:largely|mainly|mostly|primarily|predominantly|heavily|strongly)\s)?(?P<x>[a-z]+)-"
    r"(?:based|oriented|driven|dominated|dependent)\s(?:local\s)?economy\b"
)
_POSSESSOR = regex_cache.compile(rf"({NAME})(?<=['’]s)\s(?:[a-z][\w-]*\s)*$")
_X_BEFORE = regex_cache.compile(r"(?<![\w'’-])(?P<x>(?:[a-z][\w-]*\s(?:and|&)\s)?[a-z][\w-]*(?:\s[a-z][\w-]*){0,2})\s$")
_X_STOP = frozenset(
    "the a an its their his her other local new many several such first major main key heavy light small large "
    "medium scale primary secondary tertiary resource dominant important various these those our this that of in and or "
    "growing booming thriving flourishing leading largest biggest chief modern traditional early later cottage "
    "manufacturing-based whole entire related supporting associated own is was are were be been with for into as "
    "well when which no some little single any all more most much prominent worldwide notable national regional "
    "global international domestic world country region state area city town nation rural urban economy economic "
    "by from on at to per than then there where while whose what who also only still even just very past has have "
    "had surrounding strong principal one two three four five six seven eight nine ten century nineteenth-century twentieth-century eighteenth-century".split()
)
# "an important site for manufacturing and service industry", "the Island's main hub for business, finance, ..."
_HUB_FOR = regex_cache.compile(r"\b(?:cent(?:er|re)|hub|site|base|focus)\s(?P<prep>for|of)\s")
_HUB_ROLE = regex_cache.compile(r"\b(?:is|was|are|were|as|become|became|becoming|remains|remained|serves|served|into)\b")
_X_MINING = regex_cache.compile(rf"\b(?P<x>{PRODUCT_ALT})\s(?P<head>mining)\b", re.IGNORECASE)
_AGRARIAN = regex_cache.compile(
    r"\b(?:is|was|were|remains|remained|became|stayed)\s(?:(?:still|then|once|mostly|largely|primarily|predominantly|"
    r"mainly|chiefly|essentially|overwhelmingly|heavily|historically)\s){0,2}(?P<adj>agrarian|agricultural)\b(?!\s[a-z])",
    re.IGNORECASE,
)
# "Economic activities include ..." — value words the lexicon maps
_NORMAL = {"tourist": "tourism", "commercial": "commerce", "financial": "finance", "agrarian": "agriculture",
           "agricultural": "agriculture"}


def _industry_value(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if value[0].isupper() and value[1:].islower():
        value = value[0].lower() + value[1:]
    if fold(value) in STOP_VALUES:
        return None
    return _NORMAL.get(value.lower(), value)


def _split_activities(x: str) -> list[str]:
    """"fishing and fish processing" -> ["fishing", "fish processing"]: coordinated activities (gerund heads)."""
    parts = re.split(r"\s(?:and|&)\s|,\s(?:and\s)?", x)
    if len(parts) < 2 or not all(p.split()[-1].endswith("ing") and len(p.split()) <= 3 for p in parts if p):
        return []
    if all(" " not in p for p in parts):
        return []  # "mining and manufacturing industries": the usual head-sharing
    return [p for p in parts if p and p.lower() not in _X_STOP]


def _split_industries(x: str) -> list[str]:
    """"steel and naval" -> ["steel", "naval"]; "iron and steel" stays one."""
    if re.fullmatch(r"iron\s(?:and|&)\ssteel|oil\s(?:and|&)\s(?:natural\s)?gas|pulp\s(?:and|&)\spaper|"
                    r"food\s(?:and|&)\sbeverages?|research\s(?:and|&)\sdevelopment|arts\s(?:and|&)\scrafts|"
                    r"textiles?\s(?:and|&)\s(?:clothing|garments?)", x):
        return [x]
    parts = re.split(r"\s(?:and|&)\s", x)
    return parts if all(" " not in p for p in parts) else [x]


@component("industries", reads=("prose",), writes=("industry",))
def find_industries(ctx: Context) -> Iterator[Candidate]:
    seen: set[str] = set()

    def emit(value: str | None, start: int, end: int) -> Iterator[Candidate]:
        if not value:
            return
        key = re.sub(r"\s(?:industry|industries|production|sector)$", "", fold(value))
        if key in seen:
            return
        seen.add(key)
        yield Candidate("industry", value, start, end, confidence=0.7)

    for sentence in ctx.sentences_with(_INDUSTRY_KEYS):
        about = sentence_about(ctx, sentence)
        if about is False:
            continue
        low = ctx.lower(sentence)
        for value, start, end in _industries_in(ctx, sentence, about, low):
            yield from emit(value, start, end)


_ECONOMY_WORDS = ("industr", "econom", "sector", "occupation", "mainstay", "pillar", "source of", "employer")
_TYPED_KEYS = (" town", "communit", "economy", "settlement", "village", " port", " city", " area")
_HUB_KEYS = ("cent", "hub", " site", " base", "focus")


def _industries_in(ctx: Context, sentence: Sentence, about: bool | None, low: str) -> Iterator[tuple[str, int, int]]:
    """(value, evidence start, evidence end) of each industry cue in a sentence; cheap substring gates first."""
    if any(map(low.__contains__, _ECONOMY_WORDS)):
        yield from _listed_industries(ctx, sentence, about)
    if "based" in low or "built on" in low or "centred" in low or "centered" in low or "founded on" in low:
        yield from _based_on(ctx, sentence)
    if "cent" in low or "hub" in low or "destination" in low or "resort" in low or "capital" in low:  # _CENTER_HEAD
        yield from _centres(ctx, sentence, about)
    if any(map(low.__contains__, _TYPED_KEYS)):
        yield from _typed_places(ctx, sentence, about)
    if "industr" in low or "sectors" in low:
        yield from _named_industries(ctx, sentence)
    if any(map(low.__contains__, _HUB_KEYS)):
        yield from _hub_for(ctx, sentence)
    if "mining" in low:
        text = ctx.text
        for match in _X_MINING.finditer(text, sentence.start, sentence.end):
            if not elsewhere(ctx, text, match.end(), sentence.end):
                value = match.group().lower() if match.group()[1:].islower() else match.group()
                yield value, match.start(), match.end()
    if "economy" in low and "-" in low:
        for match in _BASED_ECONOMY.finditer(ctx.text, sentence.start, sentence.end):
            word = match.group("x").lower()
            if about is not False and (word in INDUSTRY_WORDS or word in ("service", "services")):
                yield ("services" if word.startswith("service") else _NORMAL.get(word, word)), match.start(), match.end()
    if "agrarian" in low or "agricultural" in low:
        for match in _AGRARIAN.finditer(ctx.text, sentence.start, sentence.end):
            if about is not False and cue_of_topic(sentence, match.start()):
                yield _NORMAL[match.group("adj").lower()], match.start(), match.end()


def _items(text: str, start: int, end: int, tail: bool = False) -> Iterator[tuple[str, Item]]:
    for item in phrases(text, start, end, tail=tail):
        for value in _industry_items(item.value):
            yield value, item


def _listed_industries(ctx: Context, sentence: Sentence, about: bool | None) -> Iterator[tuple[str, int, int]]:
    """"Banking, ... have become its major economic activities"; "Its major industries were ..."."""
    text = ctx.text
    for cue in (_INDUSTRY_PRECEDE, _PART_OF_ECONOMY):
        for match in cue.finditer(text, sentence.start, sentence.end):
            if "employer" in match.group().lower():
                continue
            start = list_start(text, sentence, match.start())
            for value, item in _items(text, start, match.start(), tail=True):
                yield value, min(start, item.start), match.end()
    for match in _INDUSTRY_FOLLOW.finditer(text, sentence.start, sentence.end):
        if "employer" in match.group("noun").lower():
            continue
        if match.group("of") and not refers_to_subject(match.group("of")[4:].removeprefix("the "), ctx.aliases):
            continue
        owner = _ECONOMY_OWNER.search(text, max(sentence.start, match.start() - 60), match.start())
        if owner and owner.group("name") and not refers_to_subject(owner.group("name")[:-2], ctx.aliases):
            continue
        if not owner and about is not True:
            body_start = sentence.end - len(strip_intro(sentence.text))
            if not (body_start <= match.start() and _BARE_OWNER.fullmatch(text, body_start, match.start())):
                continue
        noun = match.group("noun").lower()
        lexicon_only = False
        if match.group("copula") and not noun.endswith("s"):
            if noun in ("economy", "economic base"):
                lexicon_only = True  # "Its economy is diverse": only an industry word counts
            elif not _QUALIFIED.search(text, max(sentence.start, match.start() - 40), match.start()):
                continue  # "the industry was legalized"
        end = after_list(text, match.end(), sentence.end)
        for value, item in _items(text, match.end(), end):
            if not lexicon_only or fold(item.value) in INDUSTRY_WORDS:
                yield value, match.start(), max(end, item.end)


def _based_on(ctx: Context, sentence: Sentence) -> Iterator[tuple[str, int, int]]:
    """"a major industrial center based on mining, the iron and steel industry, and rail transport"."""
    text = ctx.text
    for match in _CENTER_BASED.finditer(text, sentence.start, sentence.end):
        end = after_list(text, match.end(), sentence.end)
        for value, _item in _items(text, match.end(), end):
            yield value, match.start(), end


def _centres(ctx: Context, sentence: Sentence, about: bool | None) -> Iterator[tuple[str, int, int]]:
    """"an important tourist, university, commercial and R&D center": the words before a centre noun."""
    text = ctx.text
    for head in _CENTER_HEAD.finditer(text, sentence.start, sentence.end):
        match = _CENTER_PRE.search(text, max(sentence.start, head.start() - 150), head.start())
        if not match:
            continue
        role = _CENTER_ROLE.search(text, max(sentence.start, match.start() - 40), match.start())
        if not role and about is not True:
            continue
        tourist_only = head.group().lower() in _TOURIST_ONLY_HEADS
        for item in phrases(text, match.start("list"), match.end("list"), max_words=2):
            word = fold(item.value)
            if word in INDUSTRY_WORDS and (not tourist_only or word in ("tourist", "tourism")):
                value = _industry_value(INDUSTRY_WORDS[word])
                if value:
                    yield value, match.start(), head.end()


def _typed_places(ctx: Context, sentence: Sentence, about: bool | None) -> Iterator[tuple[str, int, int]]:
    """"It was originally a logging town", "serving the farming community": said of the subject only."""
    if not (ctx.says_any(sentence, _TYPED_WORDS) or folds_apart(sentence.text)):
        return  # no trade word ("logging", "mining"): _TYPED cannot match
    text = ctx.text
    for match in _TYPED.finditer(text, sentence.start, sentence.end):
        word, head = match.group("word").lower(), match.group("head").lower()
        if word not in _CENTER_HEAD_OK[head]:
            continue
        if not _CENTER_ROLE.search(text, max(sentence.start, match.start() - 40), match.start()):
            continue  # "the neighbouring mining town of Satpayev" is another town
        value = _industry_value(INDUSTRY_WORDS.get(word, word))
        if value:
            yield value, match.start(), match.end()


def _named_industries(ctx: Context, sentence: Sentence) -> Iterator[tuple[str, int, int]]:
    """"the steel and naval industries", "a thriving zucca melon industry"."""
    text = ctx.text
    for head in _INDUSTRY_HEAD.finditer(text, sentence.start, sentence.end):
        match = _X_BEFORE.search(text, max(sentence.start, head.start() - 80), head.start())
        if not match:
            continue
        owner = _POSSESSOR.search(text, max(sentence.start, match.start() - 40), match.start("x"))
        if owner and not refers_to_subject(owner.group(1)[:-2], ctx.aliases):
            continue  # "Connecticut's early arms industry": another place's
        # the content words right before the head: "due to the decline in manufacturing in these industries" has none
        words: list[str] = []
        for word in reversed(match.group("x").split()):
            if (word.lower() in _X_STOP or word.endswith("ed") or NOT_NOUN.search(word) and not word.endswith("ive")) \
                    and word not in ("and", "&"):
                break
            words.insert(0, word)
        while words and words[0] in ("and", "&"):
            words = words[1:]
        if not words or words[-1] in ("and", "&"):
            continue  # "a centre of politics and industry"
        joined = " ".join(words)
        activities = _split_activities(joined)
        if activities:
            # "the national fishing and fish processing industry": two activities, each an industry
            for part in activities:
                yield part, match.start("x"), head.end()
            continue
        if head.group() == "sectors":
            parts = _split_industries(joined)
            if len(parts) > 1 and all(" " not in p and p.lower() not in _X_STOP and p.lower() not in _COMPASS for p in parts) \
                    and any(fold(p) in INDUSTRY_WORDS for p in parts):
                for part in parts:  # "its large defence and manufacturing sectors"
                    yield _NORMAL.get(part.lower(), part), match.start("x"), head.end()
            continue
        parts = _split_industries(joined)
        if head.group() == "industry":
            parts = parts[-1:]  # "manufacturing and service industry": only the last shares the head
        for part in parts:
            if part.lower() not in _X_STOP:
                yield f"{part} industry", match.start("x"), head.end()


def _hub_for(ctx: Context, sentence: Sentence) -> Iterator[tuple[str, int, int]]:
    """"an important site for manufacturing and service industry", "the main hub for business, finance, ..."."""
    text = ctx.text
    for match in _HUB_FOR.finditer(text, sentence.start, sentence.end):
        if not _HUB_ROLE.search(text, max(sentence.start, match.start() - 60), match.start()):
            continue
        end = after_list(text, match.end(), sentence.end)
        for value, item in _items(text, match.end(), end):
            if match.group("prep") == "for" or fold(item.value) in INDUSTRY_WORDS:
                yield value, match.start(), end


def _industry_items(value: str) -> list[str]:
    """An industry list item, its shared head distributed: "the steel and naval industries"."""
    value = _INDUSTRY_TAIL.sub("", value)
    words = value.lower().split()
    if not words or words[-1] in _NOT_INDUSTRY or words[-1].endswith("ed") or words[0] in _X_STOP:
        return []
    head = re.search(r"\s(industry|industries)$", value)
    if head:
        return [f"{p} industry" for p in _split_industries(value[: head.start()]) if p.lower() not in _X_STOP]
    out = _industry_value(value)
    return [out] if out else []


# "the manufacturing centre", "textile production operations": the activity, not its place.
_INDUSTRY_TAIL = regex_cache.compile(r"\s(?:cent(?:er|re)s?|hubs?|sectors?|base|activities|activity|operations)$")
# Heads that make a phrase people or places, not an industry: "its surrounding farming communities".
_NOT_INDUSTRY = frozenset(
    "communities community region regions area areas farmers residents towns villages district county people "
    "population state country valley city cities growth town village province nation world farms ranches "
    "settlements mines plantations estates enterprises factories factory plants plant shops shop mills mill works "
    "brickyards tanneries companies company firms businesses business sawmills".split()
)
