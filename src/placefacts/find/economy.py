"""product, industry, employer: what the place's economy makes, lives on, and who employs there.

Every fact needs a cue that governs it ("Exports include ...", "... are major
resource industries", "the headquarters of ...") in a sentence about the
subject; a lexicon alone (find/data/products.txt, industries.txt) only confirms
weak cues ("copper deposits", "gold mining"). A company's own subsidiaries,
a magazine that ranked the city, or ore "mined from nearby Tombstone" are not
the subject's. The list helpers here are shared with facilities and transport.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import FUNCTION_WORD, about_subject, refers_to_subject, strip_intro, topic
from placefacts.find.lexicon import alternation, entries
from placefacts.find.textutil import CAP_WORD, NAME, Sentence, fold

# ---------------------------------------------------------------- list helpers


@dataclass(frozen=True, slots=True)
class Item:
    value: str
    start: int  # clean span of the item in the text
    end: int
    note: str = ""  # a parenthetical that followed the item ("by the European route E123")


_SEP = re.compile(r",\s(?:and|or|as well as)\s|,\s|\s(?:and|or|&|as well as|plus)\s|;\s(?:and\s)?")
_PAREN = re.compile(r"\s?\([^()]*\)")
# Words before a phrase's head that are not part of the thing named.
_LEAD_WORDS = re.compile(
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
_WORD = re.compile(r"^[a-z][a-z'’-]*$|^R&D$|^IT$")
_VERBISH = frozenset(
    "which that who is are was were be been being has have had will would can could produces includes provides makes yet "
    "including "
    "offers employs supports attracts contains grown sown known shown built made mined found".split()
)
_TRAILING_AND = re.compile(r"\s(?:and|or)$")
_NOT_NOUN = re.compile(r"^\w{3,}(?:ly|ous|ful|ive|able|ible|ial|ical)$")
_STOP_VALUES = frozenset(
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
    spans: list[tuple[int, int]] = []
    pos = start
    depth = 0
    i = start
    while i < end:
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            sep = _SEP.match(text, i, end)
            if sep and sep.end() > i:
                spans.append((pos, i))
                pos = i = sep.end()
                continue
        i += 1
    spans.append((pos, end))
    spans = _join_compounds(text, spans)
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
    if words and _NOT_NOUN.search(words[-1]) and fold(value) not in _LEXICON_WORDS:
        return None  # "grew rapidly", "exports are crucial"
    if not words or len(words) > max_words:
        return None
    if not all(_WORD.match(w) or (k == 0 and w[:1].isupper() and _WORD.match(w.lower())) for k, w in enumerate(words)):
        return None
    if words[0][:1].isupper() and words[0] not in ("R&D", "IT") and not opening and fold(words[0]) not in _LEXICON_WORDS:
        return None  # "a retail hub for Yonkers": a capitalised word inside a list is a name
    if value.lower() in _STOP_VALUES or words[-1].lower() in _ABSTRACT or \
            any(w.lower() in _VERBISH or "'" in w or "’" in w for w in words):
        return None  # "were grown", "men's and boy's clothing"
    if words[-1].endswith("ed") and fold(value) not in _LEXICON_WORDS:
        return None  # "resources were nearly exhausted"
    return Item(value, begin, stop)


_COMPOUND = re.compile(r"(?i:iron|oil|research|arts|food|oil\sand\snatural)$")
_COMPOUND_NEXT = re.compile(r"(?i:steel|gas|development|crafts|beverages?)\b")


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


_DESCRIPTOR = re.compile(
    r"(?:the\s)?(?:(?:regional|provincial|state|national|district|county|nearby|neighbo(?:u)?ring|adjacent|major|"
    r"larger|main|important|quaint|former|historic|small|industrial|coastal|capital)\s){0,3}"
    r"(?:capital\s)?(?:(?:city|cities|town|towns|village|villages|port|ports|settlement|settlements|townships?|"
    r"suburbs?|municipality|municipalities|communities|community)\s(?:of\s)?)?"
)
_NAME_AT = re.compile(rf"(?:the\s|The\s)?({NAME})")
_NAME_SEP = re.compile(r",\s(?:and\s|or\s)?(?:with\s)?|\s(?:and|or|&)\s(?:with\s)?|\s(?:as well as)\s")
_TAIL = re.compile(
    r"\s(?:(?:to|in)\s(?:the\s)?(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west))?(?:ern)?\b|"
    r"on\s(?:one|the\sother)\sside)"
)


_LOWER_NEXT = re.compile(
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


_CLAUSE_STOP = re.compile(
    r";|(?<!\bSt)(?<!\bMt)(?<!\bFt)(?<!\bDr)(?<!\bJr)(?<!\bSr)(?<!\bCo)(?<!\bInc)(?<!\b[A-Z])\.\s|"
    r"\s(?:which|who|where|since|until|because|although|while|but)\b|,\s(?:all|both|each|one\sof|which|who|making|having)\b"
)
_CHUNK_SEP = re.compile(r",\s(?:and\s|as\swell\sas\s)?|\s(?:and|as\swell\sas)\s")
_OF_WORD = re.compile(r"\sof\s[A-Z][a-z]+$")
AND_TAIL = re.compile(
    r"\sand\s(?:[A-Z][a-z]+\s(?=(?:History|Science|Sciences|Technology|Industry|Arts|Culture|Design|Letters|Economics|"
    r"Commerce|Nature|Studies|Music|Medicine|Engineering)\b))?[A-Z][a-z]+(?=\s?[(,.;]|\s[a-z]|$)"
)


def chunks(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """Comma/and-separated chunks of a list from `pos`, outside parentheses, up to the clause's end."""
    stop = _CLAUSE_STOP.search(text, pos, end)
    end = stop.start() if stop else end
    out: list[tuple[int, int]] = []
    depth = 0
    start = i = pos
    while i < end:
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            sep = _CHUNK_SEP.match(text, i, end)
            if sep and sep.group() == " and " and _OF_WORD.search(text, start, i) and AND_TAIL.match(text, i, end):
                sep = None  # "Telfair Academy of Arts and Sciences" is one name
            if sep:
                out.append((start, i))
                start = i = sep.end()
                continue
        i += 1
    out.append((start, end))
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
_ADVERB_START = re.compile(
    r"(?:Today|Currently|Now|Historically|Originally|Later|Also|Thus|Once|Formerly|Still|Nowadays|Presently)\s(?=[a-zA-Z])"
)
_ANAPHOR_PLUS = re.compile(
    r"(?:The|This|the|this)\s(?:[A-Z][\w-]*\s|[a-z][\w-]*\s){1,2}(?:city|town|village|municipality|community|settlement|borough)\b"
)


_PARTICIPLE_INTRO = re.compile(r"(?:[A-Z][a-z]+ly\s(?:[a-z]+ed|known|called)|[A-Z][a-z]+ed|Known|Called)\s[^,]{2,80},\s(?=[A-Z])")


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
    if first.lower() in _COMMON_START or fold(first) in _PRODUCTS or fold(first) in _INDUSTRY_WORDS:
        return None
    if _ANAPHOR_PLUS.match(body):
        return True
    return False


# A relative clause or another clause start between the topic and a cue: the cue is not said of the topic.
RELATIVE = re.compile(r"\b(?:which|that|who|whose|where|whom)\b|;")


def cue_of_topic(sentence: Sentence, cue_start: int) -> bool:
    """Whether a cue at `cue_start` is governed by the sentence's topic (no relative clause before it)."""
    before = sentence.text[: cue_start - sentence.start]
    return not RELATIVE.search(strip_intro(before))


# ---------------------------------------------------------------- prefilters
# Most sentences say nothing of the economy: a lower-cased substring test (cached per sentence, shared by the
# finders) skips them before any pattern runs.


@lru_cache(maxsize=4096)
def lowered(text: str) -> str:
    return text.lower()


def has_any(text: str, keys: tuple[str, ...]) -> bool:
    return any(map(lowered(text).__contains__, keys))


_WORD_RE = re.compile(r"[a-zà-ÿ]+")


@lru_cache(maxsize=4096)
def word_set(text: str) -> frozenset[str]:
    """The lower-cased words of a sentence."""
    return frozenset(_WORD_RE.findall(lowered(text)))


# ---------------------------------------------------------------- lexicons

_PRODUCTS = frozenset(fold(p) for p in entries("products"))
_INDUSTRY_WORDS = {fold(k): v for k, v in entries("industries").items()}
_LEXICON_WORDS = _PRODUCTS | frozenset(_INDUSTRY_WORDS)
_PRODUCT_ALT = alternation("products")
_INDUSTRY_ALT = alternation("industries")

# ---------------------------------------------------------------- product

_PRODUCT_KEYS = (
    "export", "product", "produce", "crop", "goods", "commodit", "grown", "mined", "mines", "mining", "deposit",
    "orchard", "plantation", "manufactur", "harvest", "cultivat", "made in", " ore", "raised", "reserves", "groves",
    " fields", " farm", "resources", "grow ", "grows ", "quarr", "refiner", "smelt", "discovered", "production", "exporter",
)
_CLAUSE_END = re.compile(
    r"[.;:!?]|\s(?:which|that|who|where|while|but|because|although|though|for\s(?:many|several|the)\b|in\sthe\b|"
    r"to\sthe\b|from|since|until|when|during|are|were|is|was|have|has|had|in\s\d{4}|throughout|across|"
    r"with\b|by\b|into\b|at\b|on\b|in\b|mined|grown|made|produced|located|found|built|brought|shipped|used|known|being|along\swith|"
    r"(?:and\s)?(?:produces|exports|grows|manufactures|makes|provides|employs|attracts|supports))\b|"
    r",\s(?:and\s)?(?:the|it|its|which|but|while|making|giving|a|an|with)\b"
)
_PRODUCT_NOUN = (
    r"(?:(?:main|principal|chief|major|leading|primary|most\simportant|key|agricultural|farm|industrial|local|"
    r"other|manufactured|mineral|natural)\s){0,2}(?:exports|export\sproducts|products|produce|crops|goods|"
    r"commodities|resources|manufactures)"
)
# "Exports include ...", "The main agricultural crops were ...", "Farmed crops include ..."
_PRODUCTS_FOLLOW = re.compile(
    rf"\b{_PRODUCT_NOUN}\s(?:(?:that|which)\s(?:are|were)\s[a-z]+ed\s(?:here\s|locally\s|in\sthe\sarea\s)?|"
    rf"(?:(?!(?:that|which|are|were|is|was)\b)[a-z]+\s){{0,3}}?)(?:include|includes|included|are|were|consist\sof|consisted\sof|"
    rf":)\s",
    re.IGNORECASE,
)
# "Other metal ores mined and processed locally are ..."
_MINED_FOLLOW = re.compile(
    r"\b(?:ores?|minerals?|metals?|crops|fruits?|goods)\s(?:[a-z]+\s){0,2}?(?:mined|grown|produced|made|processed|"
    r"extracted|harvested|cultivated|raised|manufactured)(?:\s(?:and|or)\s(?:mined|grown|produced|made|processed|"
    r"extracted|harvested|cultivated|raised|manufactured))?\s(?:locally|here|in\sthe\s(?:area|region|town|city|"
    r"district|municipality)|in\sthe\s\w+\sarea|nearby)?\s?(?:are|were|include|included)\s",
    re.IGNORECASE,
)
# "Vita produces excellent grapes": the subject itself as the agent.
_PRODUCES = re.compile(
    r"(?:(?:also|mainly|mostly|primarily|chiefly|still|now|largely|principally|once)\s)?(?:produces|produced|exports|"
    r"exported|manufactures|manufactured|cultivates|cultivated)\s(?!by\b|in\b|from\b|to\b|as\b|"
    r"the\b|a\b|an\b|its\b|over\b|around\b|about\b|more\b|some\b|most\b|much\b|nearly\b|almost\b|up\b|several\b|"
    r"many\b|numerous\b)",
)
# "with maple syrup, wool, and potatoes its main products"
_WITH_PRODUCTS = re.compile(
    r"\bwith\s(?P<list>[^,;:.()]{2,120}?(?:,\s[^,;:.()]{2,40}?){0,8})\s(?:being\s)?(?:(?:its|their|the|as\s(?:its|the))\s)"
    r"(?:(?:main|principal|chief|major|leading|primary|most\simportant)\s)?(?:products|crops|exports)\b",
    re.IGNORECASE,
)
# "Cotton, corn, and oats were the principal crops grown by area farmers."
_PRODUCTS_PRECEDE = re.compile(
    r"\s(?:are|were|remain|remained|became|have\sbeen)\s(?:(?:traditionally|still|now|also|historically)\s)?"
    r"(?:(?:the|its|their)\s)?(?:(?:main|principal|chief|major|"
    r"leading|primary|most\simportant|important|key)\s){1,2}(?:\w+\s)?(?:products|crops|exports|goods|crop)\b",
    re.IGNORECASE,
)
# "... rails and railroad cars, were made in Birmingham."
_MADE_IN = re.compile(
    r",?\s(?:are|were|is|was|has\sbeen|have\sbeen|began\sbeing|began\sto\sbe)\s(?:also\s|first\s|still\s)?"
    r"(?:made|produced|manufactured|grown|mined|cultivated|quarried|extracted|harvested)\s"
    r"(?:(?P<here>in\sabundance|locally|here|there|since\s|for\scenturies|in\sthe\s(?:area|region|municipality|district|town|city|village)\b)|"
    r"(?:in|at)\s(?P<where>[^,.;]{2,60}))",
)
# Weak cues, confirmed by the lexicon: "copper deposits", "gold mining", "olive and orange orchards".
_LEX_NOUN = re.compile(
    rf"\b(?P<lex>(?:{_PRODUCT_ALT})(?:(?:,\s|\sand\s|,\sand\s)(?:{_PRODUCT_ALT})){{0,4}})\s"
    rf"(?P<noun>deposits|reserves|resources|mines|mine|mining|orchards|groves|plantations|farms|farming|cultivation|"
    rf"crops|quarries|quarry|quarrying|production)\b",
    re.IGNORECASE,
)
# "Safi is the main fishing port ..., and also exports phosphates, textiles and ceramics"
_AND_PRODUCES = re.compile(
    r"(?<=\s)and\s(?:(?:also|mainly|still|now)\s)?(?:exports|produces|manufactures)\s(?!by\b|in\b|to\b|as\b|the\b|a\b|an\b|its\b|"
    r"over\b|around\b|about\b|more\b|some\b|most\b|much\b|nearly\b|almost\b|up\b)"
)
# "known as a producer of pipe tobacco and tobacco snuff"
_PRODUCER_OF = re.compile(
    r"\b(?:an?|the|one\sof\sthe)\s(?:(?:world'?s|country'?s|nation'?s|[a-z]+est|major|main|leading|important|big|large|"
    r"significant|principal|chief|top|key|primary)\s){0,3}(?:producers?|exporters?|manufacturers?|growers?)\sof\s"
)
# "one of the world's largest zinc refineries", "a nickel smelter": the metal is a product of the place
_METAL_WORKS = re.compile(
    r"\b(?P<lex>zinc|nickel|copper|lead|aluminium|aluminum|tin|gold|silver|cobalt|platinum|alumina|uranium|iron|"
    r"magnesium|titanium|manganese)\s(?P<noun>refiner(?:y|ies)|smelters?|smelting\s(?:plant|works|complex))\b",
    re.IGNORECASE,
)
# "The surrounding area produces tobacco, ...", "Local farms grow ...": the place's own land as the agent
_AREA_PRODUCES = re.compile(
    r"(?:(?:[Tt]he\s)?(?:surrounding|local|rich|fertile|volcanic|agricultural|nearby)\s(?:(?:rich|fertile|volcanic|"
    r"agricultural)\s)?(?:area|region|countryside|hinterland|land|lands|soil|soils|farmland|farms|farmers|valley)|"
    r"[Tt]he\s(?:area|region|county|countryside|hinterland|land|soil|farmland|valley)|[Ll]ocal\sfarms|[Aa]rea\sfarms|"
    r"[Ff]armers(?:\sin\sthe\s(?:area|region|municipality|district))?)\s(?:also\s|mainly\s|mostly\s|primarily\s|"
    r"chiefly\s|still\s)?(?:produces?|grows?|raises?|yields?|cultivates?|supports?)\s(?!by\b|in\b|to\b|up\b)"
)
# "its production of furniture", "a major centre for the production of gunflints"
_PRODUCTION_OF = re.compile(
    r"\b(?:(?:its|their|the\s(?:city|town|village|municipality|area)(?:'s|’s))\s(?:[a-z]+\s)?production|"
    r"(?:cent(?:er|re)|hub|capital)\s(?:for|of)\s(?:the\s)?production|focuses\son\s(?:the\s)?production|"
    r"known\sfor\s(?:the\s)?production)\sof\s"
)
# "In 1901 petroleum was discovered near the town"
_DISCOVERED = re.compile(
    rf"\b(?P<lex>{_PRODUCT_ALT})\s(?:was|were)\s(?:first\s)?(?:discovered|found|struck)\b"
    rf"(?:\s(?:in|near|at|on)\s(?:the\s)?(?P<where>(?:area|region|town|city|village|vicinity|district)|{NAME}))?",
)
_ELSEWHERE = re.compile(
    rf"\s(?:(?:mined|grown|brought|shipped|imported|sent)\s)?(?:of|from|at|in|near)\s(?:the\s)?(?:nearby\s|neighbou?ring\s)?"
    rf"(?:(?:town|city|village|community)\sof\s)?(?P<other>{NAME})"
)


def _after_list(text: str, start: int, end: int) -> int:
    """Where a list that starts at `start` ends: the clause break after it."""
    stop = _CLAUSE_END.search(text, start, end)
    return stop.start() if stop else end


def _list_start(text: str, sentence: Sentence, end: int) -> int:
    """Where a list before a cue at `end` starts: the sentence start after its intro, or after ' with '."""
    before = text[sentence.start : end]
    body = strip_intro(before)
    start = sentence.start + len(before) - len(body)
    last_with = before.rfind(" with ")
    if last_with >= 0 and sentence.start + last_with + 6 > start:
        start = sentence.start + last_with + 6
    return start


_PAREN_AFTER = re.compile(r"\s\([^()]*\)")


def _after_topic(sentence: Sentence) -> int:
    """Where the verb after the sentence's topic starts ("Vita | produces grapes"), or -1."""
    body = strip_intro(sentence.text)
    head = topic(sentence.text)
    if not head:
        return -1
    start = sentence.start + len(sentence.text) - len(body)
    # a string test, not a pattern built per sentence (those would crowd the compiled patterns out of re's cache)
    pos = 4 if body.startswith(("The ", "the ")) and body[4:].startswith(head) else 0
    if not body.startswith(head, pos):
        return -1
    pos += len(head)
    paren = _PAREN_AFTER.match(body, pos)
    if paren:
        pos = paren.end()
    return start + pos + 1 if body[pos : pos + 1].isspace() else -1


def _product_value(item: Item) -> str:
    value = re.sub(r"\s(?:deposits?|reserves|mines?|mining)$", "", item.value)  # "limestone deposits"
    if value[0].isupper() and value[1:].islower() and (" " not in value or fold(value.split()[0]) in _LEXICON_WORDS):
        value = value[0].lower() + value[1:]  # "Coal" at a sentence start; "Bordeaux wine" keeps its name
    return value


def _elsewhere(ctx: Context, text: str, pos: int, end: int) -> bool:
    """"silver ore mined from nearby Tombstone", "the silver mines of Tombstone": another place's."""
    other = _ELSEWHERE.match(text, pos, end)
    return bool(other) and not refers_to_subject(other.group("other"), ctx.aliases)


@component("products", reads=("prose",), writes=("product",))
def find_products(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for sentence in ctx.sentences:
        if not has_any(sentence.text, _PRODUCT_KEYS):
            continue
        about = sentence_about(ctx, sentence)
        found: list[tuple[Item, int, int]] = []  # item, evidence start, evidence end
        body_start = sentence.end - len(strip_intro(sentence.text))
        area = _AREA_PRODUCES.match(text, body_start, sentence.end)
        if area:
            end = _after_list(text, area.end(), sentence.end)
            if not _elsewhere(ctx, text, end, sentence.end):
                for item in phrases(text, area.end(), end, max_words=3):
                    found.append((item, area.start(), end))
        low = lowered(sentence.text)
        for match in _DISCOVERED.finditer(text, sentence.start, sentence.end) if ("discovered" in low or " found" in low or "struck" in low) else ():
            where = match.group("where")
            if (where and (where in ("area", "region", "town", "city", "village", "vicinity", "district")
                           or refers_to_subject(where, ctx.aliases))) or (not where and about is not False):
                found.append((Item(match.group("lex"), match.start("lex"), match.end("lex")), match.start(), match.end()))
        if about is False and not _MADE_IN.search(sentence.text):
            yield from _product_candidates(found)
            continue
        for cue in (_PRODUCTS_FOLLOW, _MINED_FOLLOW):
            for match in cue.finditer(text, sentence.start, sentence.end):
                if about is False:
                    continue
                end = _after_list(text, match.end(), sentence.end)
                for item in phrases(text, match.end(), end):
                    found.append((item, match.start(), end))
        if about is True:
            verb_at = _after_topic(sentence)
            for match in [_PRODUCES.match(text, verb_at, sentence.end)] if verb_at >= 0 else []:
                if match is None:
                    continue
                end = _after_list(text, match.end(), sentence.end)
                if _elsewhere(ctx, text, end, sentence.end):
                    continue
                for item in phrases(text, match.end(), end, max_words=3):
                    found.append((item, match.start(), end))
        for match in _WITH_PRODUCTS.finditer(text, sentence.start, sentence.end):
            if about is False:
                continue
            for item in phrases(text, match.start("list"), match.end("list"), tail=True):
                found.append((item, match.start(), match.end()))
        for match in _PRODUCTS_PRECEDE.finditer(text, sentence.start, sentence.end):
            start = _list_start(text, sentence, match.start())
            for item in phrases(text, start, match.start(), tail=True):
                found.append((item, start, match.end()))
        for match in _MADE_IN.finditer(text, sentence.start, sentence.end):
            where = match.group("where")
            if where:
                where = re.split(r"\s(?:in|during|since|from|by|until|for|after|before)\s", where)[0]
            if where is not None and not refers_to_subject(where.strip(), ctx.aliases) and not subject_ref(ctx, where):
                continue
            if where is None and about is False:
                continue
            if re.search(r"\b(?:which|that)$", text[sentence.start : match.start()]):
                continue  # "a digestif made from ... sugar which is produced in Sorrento": the digestif is
            start = _list_start(text, sentence, match.start())
            inner = re.search(r"\b(?:including|such as|notably|especially)\s", text[start : match.start()])
            if inner:
                start += inner.end()
            for item in phrases(text, start, match.start(), tail=True):
                found.append((item, start, match.end()))
        own = about is True or (about is None and subject_possessive(ctx, sentence))
        if own:
            for cue in (_AND_PRODUCES, _PRODUCER_OF) if ("produc" in low or "export" in low or "manufactur" in low or "grower" in low) else ():
                for match in cue.finditer(text, sentence.start, sentence.end):
                    if not cue_of_topic(sentence, match.start()):
                        continue
                    end = _after_list(text, match.end(), sentence.end)
                    if _elsewhere(ctx, text, end, sentence.end):
                        continue
                    for item in phrases(text, match.end(), end, max_words=3):
                        found.append((item, match.start(), end))
            for match in _PRODUCTION_OF.finditer(text, sentence.start, sentence.end) if "production" in low else ():
                end = _after_list(text, match.end(), sentence.end)
                for item in phrases(text, match.end(), end, max_words=3):
                    found.append((item, match.start(), end))
        if about is not False:
            for match in _METAL_WORKS.finditer(text, sentence.start, sentence.end) if ("refiner" in low or "smelt" in low) else ():
                if not _elsewhere(ctx, text, match.end(), sentence.end):
                    found.append((Item(match.group("lex").lower(), match.start("lex"), match.end("lex")), match.start(), match.end()))
            for match in _LEX_NOUN.finditer(text, sentence.start, sentence.end):
                if not match.group()[1:].islower() and " " in match.group():
                    continue  # "the Lead Mines": a name, not lead mining
                if _elsewhere(ctx, text, match.end(), sentence.end):
                    continue
                for item in phrases(text, match.start("lex"), match.end("lex")):
                    if fold(item.value) in _PRODUCTS:
                        found.append((item, match.start(), match.end()))
        yield from _product_candidates(found)


_POSSESSIVE_OPENER = re.compile(rf"(?:The\s)?({NAME})(?<=['’]s)\s")


def subject_possessive(ctx: Context, sentence: Sentence) -> bool:
    """"Hata's main industry is farming and produces ...": a sentence opened by the subject's possessive."""
    opener = _POSSESSIVE_OPENER.match(strip_intro(sentence.text))
    return bool(opener) and refers_to_subject(opener.group(1)[:-2], ctx.aliases)


def _product_candidates(found: list[tuple[Item, int, int]]) -> Iterator[Candidate]:
    for item, start, end in found:
        yield Candidate("product", _product_value(item), min(start, item.start), max(end, item.end), confidence=0.7)


# ---------------------------------------------------------------- industry

_INDUSTRY_KEYS = (
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
_INDUSTRY_PRECEDE = re.compile(
    rf"\s(?:are|were|is|was|remain|remains|remained|became|have\sbecome|has\sbecome|have\sbeen|has\sbeen)\s"
    rf"(?:now\s|also\s|still\s|today\s)?(?:(?:its|their|the(?:\s(?:city|town|village|area|region|municipality)(?:'s|’s))?|"
    rf"an?)\s)?(?:(?:major|main|principal|primary|chief|key|leading|dominant|important|largest|biggest|early|"
    rf"traditional|economic|resource|local)\s){{0,3}}{_GENERIC_NOUN}\b",
    re.IGNORECASE,
)
# "tourism has become an important element of the local economy"
_PART_OF_ECONOMY = re.compile(
    r"\s(?:is|was|are|were|has\sbecome|have\sbecome|became|remains|remain)\s(?:an?|the)\s(?:[a-z]+\s){0,2}?"
    r"(?:element|part|component|pillar|mainstay|driver|backbone|sector|source)\sof\s(?:the|its)\s(?:local\s|city(?:'s|’s)\s|"
    r"town(?:'s|’s)\s|regional\s)?economy\b"
    # "trade, utilities, government, medicine, and education play central roles in the city's economy"
    r"|\s(?:play|plays|played)\s(?:an?\s)?(?:central|key|major|important|significant|vital|leading|large|big)\s"
    r"roles?\sin\s(?:the|its)\s(?:local\s|city(?:'s|’s)\s|town(?:'s|’s)\s|regional\s)?economy\b",
    re.IGNORECASE,
)
# "Its major industries were ...", "Dominant sectors of its economy include ...", "Its economy is based on ..."
_INDUSTRY_FOLLOW = re.compile(
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
_QUALIFIED = re.compile(
    r"\b(?:main|major|principal|primary|chief|leading|key|largest|biggest|dominant|predominant|most\simportant|"
    r"only|sole|traditional)\s(?:[a-z]+\s)?$",
    re.IGNORECASE,
)
_ECONOMY_OWNER = re.compile(
    rf"(?:(?P<name>{NAME})(?<=['’]s)|\b(?:[Ii]ts|[Tt]he\s(?:city|town|village|area|region|municipality|county|"
    rf"district|island|local)(?:'s|’s)?|[Tt]he|[Tt]heir|his|her))\s(?:(?:[a-z]+)\s){{0,3}}$"
)
# "Traditional industries were ...", "Main industries include ...": the article's own, with no other owner
_OPENING_ADJ = (
    r"(?:Traditional|Main|Major|Principal|Local|Other|Key|Leading|Important|Primary|Chief|Dominant|Notable|"
    r"Significant|Early|Historic|Historical|Modern|Current|Present|Former|Heavy|Light|Secondary|Tertiary|Economic|"
    r"Agricultural|Industrial|Large|Small|Big|Growing|Emerging|New|Old|Further|Additional|Prominent|Prime)"
)
_BARE_OWNER = re.compile(rf"(?:{_OPENING_ADJ}\s)?(?:[a-z]+\s){{0,2}}$")
_ADJ_ECONOMY_START = re.compile(
    rf"{_OPENING_ADJ}\s(?:[a-z]+\s){{0,2}}(?:industries|industry|exports|products|crops|economy|sectors|employers|"
    r"companies|goods|activities|businesses)\b"
)
# "a major industrial center based on mining, ..."
_CENTER_BASED = re.compile(
    r"\b(?:cent(?:er|re)|hub|city|town|economy)\s(?:(?:was|is)\s)?(?:based|built|founded|centred|centered)\s"
    r"(?:\w+ly\s)?(?:up)?on\s",
    re.IGNORECASE,
)
# "an important tourist, university, commercial and R&D center", "the shipping center": the words before the noun
_CENTER_HEAD = re.compile(r"\b(?:cent(?:er|re)s?|hub|destination)\b", re.IGNORECASE)
_ADJ = (
    r"(?:[a-z]+ly|major|important|main|leading|prime|principal|regional|strong|key|chief|primary|busy|thriving|"
    r"significant|notable|great|large|small|popular|early|former|booming|international|national|global|world)"
)
_CENTER_PRE = re.compile(
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
_TYPED = re.compile(
    rf"\b(?:an?|the|its)\s(?:{_ADJ}\s){{0,3}}(?P<word>{'|'.join(sorted({w for v in _CENTER_HEAD_OK.values() for w in v}))})\s"
    rf"(?P<head>{'|'.join(_CENTER_HEAD_OK)})\b",
    re.IGNORECASE,
)
_CENTER_ROLE = re.compile(
    r"(?:\b(?:is|was|are|were|be|being|became|becomes|remains|remained|as|into|serving|serves|serve|has|had)\s(?:[a-z]+\s){0,3}$)",
    re.IGNORECASE,
)
# "the steel and naval industries", "a thriving zucca melon industry": up to three words before the head
_INDUSTRY_HEAD = re.compile(r"\b(?:industry|industries|sectors)\b")
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower inner outer".split())
# "a largely service-based economy", "a tourism-driven economy"
_BASED_ECONOMY = re.compile(
    r"\b(?:an?|its)\s(?:(?:largely|mainly|mostly|primarily|predominantly|heavily|strongly)\s)?(?P<x>[a-z]+)-"
    r"(?:based|oriented|driven|dominated|dependent)\s(?:local\s)?economy\b"
)
_POSSESSOR = re.compile(rf"({NAME})(?<=['’]s)\s(?:[a-z][\w-]*\s)*$")
_X_BEFORE = re.compile(r"(?<![\w'’-])(?P<x>(?:[a-z][\w-]*\s(?:and|&)\s)?[a-z][\w-]*(?:\s[a-z][\w-]*){0,2})\s$")
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
_HUB_FOR = re.compile(r"\b(?:cent(?:er|re)|hub|site|base|focus)\s(?P<prep>for|of)\s")
_HUB_ROLE = re.compile(r"\b(?:is|was|are|were|as|become|became|becoming|remains|remained|serves|served|into)\b")
_X_MINING = re.compile(rf"\b(?P<x>{_PRODUCT_ALT})\s(?P<head>mining)\b", re.IGNORECASE)
_AGRARIAN = re.compile(
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
    if fold(value) in _STOP_VALUES:
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

    for sentence in ctx.sentences:
        if not has_any(sentence.text, _INDUSTRY_KEYS):
            continue
        about = sentence_about(ctx, sentence)
        if about is False:
            continue
        low = lowered(sentence.text)
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
    if "cent" in low or "hub" in low or "destination" in low:
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
            if not _elsewhere(ctx, text, match.end(), sentence.end):
                value = match.group().lower() if match.group()[1:].islower() else match.group()
                yield value, match.start(), match.end()
    if "economy" in low and "-" in low:
        for match in _BASED_ECONOMY.finditer(ctx.text, sentence.start, sentence.end):
            word = match.group("x").lower()
            if about is not False and (word in _INDUSTRY_WORDS or word in ("service", "services")):
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
            start = _list_start(text, sentence, match.start())
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
        end = _after_list(text, match.end(), sentence.end)
        for value, item in _items(text, match.end(), end):
            if not lexicon_only or fold(item.value) in _INDUSTRY_WORDS:
                yield value, match.start(), max(end, item.end)


def _based_on(ctx: Context, sentence: Sentence) -> Iterator[tuple[str, int, int]]:
    """"a major industrial center based on mining, the iron and steel industry, and rail transport"."""
    text = ctx.text
    for match in _CENTER_BASED.finditer(text, sentence.start, sentence.end):
        end = _after_list(text, match.end(), sentence.end)
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
        tourist_only = head.group().lower() == "destination"
        for item in phrases(text, match.start("list"), match.end("list"), max_words=2):
            word = fold(item.value)
            if word in _INDUSTRY_WORDS and (not tourist_only or word in ("tourist", "tourism")):
                value = _industry_value(_INDUSTRY_WORDS[word])
                if value:
                    yield value, match.start(), head.end()


def _typed_places(ctx: Context, sentence: Sentence, about: bool | None) -> Iterator[tuple[str, int, int]]:
    """"It was originally a logging town", "serving the farming community": said of the subject only."""
    text = ctx.text
    for match in _TYPED.finditer(text, sentence.start, sentence.end):
        word, head = match.group("word").lower(), match.group("head").lower()
        if word not in _CENTER_HEAD_OK[head]:
            continue
        if not _CENTER_ROLE.search(text, max(sentence.start, match.start() - 40), match.start()):
            continue  # "the neighbouring mining town of Satpayev" is another town
        value = _industry_value(_INDUSTRY_WORDS.get(word, word))
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
            if (word.lower() in _X_STOP or word.endswith("ed") or _NOT_NOUN.search(word) and not word.endswith("ive")) \
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
                    and any(fold(p) in _INDUSTRY_WORDS for p in parts):
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
        end = _after_list(text, match.end(), sentence.end)
        for value, item in _items(text, match.end(), end):
            if match.group("prep") == "for" or fold(item.value) in _INDUSTRY_WORDS:
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
_INDUSTRY_TAIL = re.compile(r"\s(?:cent(?:er|re)s?|hubs?|sectors?|base|activities|activity|operations)$")
# Heads that make a phrase people or places, not an industry: "its surrounding farming communities".
_NOT_INDUSTRY = frozenset(
    "communities community region regions area areas farmers residents towns villages district county people "
    "population state country valley city cities growth town village province nation world farms ranches "
    "settlements mines plantations estates enterprises factories factory plants plant shops shop mills mill works "
    "brickyards tanneries companies company firms businesses business sawmills".split()
)


# ---------------------------------------------------------------- employer

_EMPLOYER_KEYS = ("headquarter", "employer", "head office", "fortune", "companies", "corporations")
# "the headquarters of the copper conglomerate Kazakhmys"; "the administrative headquarters of X district" is a seat
_HQ_OF = re.compile(
    r"(?<!administrative\s)(?<!district\s)(?<!provincial\s)(?<!divisional\s)(?<!county\s)(?<!regional\s)"
    r"(?<!municipal\s)(?<!zonal\s)(?<!tehsil\s)(?<!state\s)(?<!mandal\s)(?<!block\s)"
    r"\b(?:headquarters|head\soffices?)\s(?:of|for)\s"
)
# "was formerly the headquarters of", "having historically been the headquarters of": not the place's now
_FORMERLY = re.compile(r"\b(?:former|formerly|once|previously|historically|originally|until)\s(?:been\s)?(?:the\s)?(?:\w+\s)?$")
# "Kazakhmys is headquartered in ...", "X has its headquarters in ..."
_HQ_IN = re.compile(
    r"\s(?:(?P<verb>is|are|was|were|has\sbeen|have\sbeen)\s)?(?:(?:also|all|both|still|now)\s){0,2}(?:headquartered|based)\s(?:in|at)\s"
    r"|\s(?P<have>has|have|had|maintain|maintains|established)\s(?:(?:its|their)\s)(?:global\s|world\s|corporate\s|national\s)?"
    r"(?:headquarters|head\soffices?|main\soffices?)\s(?:in|at)\s"
)
_LOCATED_HERE = re.compile(
    r"\s(?:is|are|was|were)\s(?:(?:also|all|both|now)\s){0,2}(?:located|based|situated|found)\s(?:in|at)\s"
    r"(?P<where>the\s(?:city|town|village|area|municipality)|here|[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)"
)
# "Many multinational corporations, including A, B and C are headquartered in ...": where the list before the verb starts
_LIST_OPENER = re.compile(r"(?:^|\s)(?:including|such\sas|like|namely|notably|as\swell\sas)\s|:\s")
# "Dominion Energy and WestRock, Fortune 500 companies, are headquartered": an apposition before the verb
_APPOSITION_END = re.compile(r",\s(?:(?:an?|the|both|two|three|all)\s)?(?:[a-z]|Fortune\s)[^,;()]{2,60},$")
# "Companies headquartered in Kobe include ASICS, ..."
_COMPANY_NOUN = (
    r"(?:companies|corporations|firms|businesses|brands|manufacturers|conglomerates|enterprises|organi[sz]ations|"
    r"institutions|entities|agencies|employers|banks|insurers|retailers|chains)"
)
# "Companies headquartered in Kobe include ASICS, ...", "Entities with headquarters in the city include ..."
_HQ_HERE_LIST = re.compile(
    rf"\b{_COMPANY_NOUN}\s(?:that\sare\s|which\sare\s)?"
    r"(?:headquartered|based|(?:with|having)\s(?:their\s|its\s)?(?:headquarters|head\soffices?))\s(?:in|at)\s"
    r"(?P<where>[^,;.]{2,40}?)\s(?:include|includes|included|are|were)\s(?:the\sfollowing:?\s)?",
    re.IGNORECASE,
)
# "Several major companies are headquartered in Stuttgart, including Porsche, ..."
_HQ_HERE_INCLUDING = re.compile(
    rf"\b{_COMPANY_NOUN}\s(?:are|were|remain)\s(?:(?:also|still|now)\s)?(?:headquartered|based)\s(?:in|at)\s"
    r"(?P<where>[^,;.]{2,40}?),?\s(?:including|such\sas|among\sthem|notably)\s",
    re.IGNORECASE,
)
# "Also headquartered in Omaha are the following: ..."
_ALSO_HQ = re.compile(
    r"(?:[Aa]lso\s)?(?:headquartered|based)\s(?:in|at)\s(?P<where>[^,;.]{2,40}?)\s(?:are|is|were)\s(?:also\s)?"
    r"(?:the\sfollowing:?\s)?"
)
_NUMBER_WORDS = (
    r"(?:several|many|numerous|various|some|a\snumber\sof|an\sarray\sof|a\shost\sof|a\sseries\sof|dozens\sof|"
    r"hundreds\sof|[\d,]+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
)
# "X is home to several Fortune 500 companies, including A, B and C", "is headquarters to a number of
# high-technology companies, including ...", "home to five Fortune 1000 headquarters: ..."
_HOME_COMPANIES = re.compile(
    r"\b(?:home\sto|the\shome\sof|hosts|houses|(?:is|are)\sheadquarters\s(?:to|for)|headquarters\sto)\s"
    r"(?P<hq>(?:the\s)?(?:corporate\s|world\s|global\s)?headquarters\sof\s)?"
    rf"(?:{_NUMBER_WORDS}\s)?(?P<adj>(?:[\w&-]+\s){{0,4}}?)(?P<noun>{_COMPANY_NOUN}|headquarters)(?:\s\([^()]*\))?"
    r"(?:,?\s(?:including|such\sas|like|among\sthem|notably)\s|:\s)",
    re.IGNORECASE,
)
# Companies that are "international" or "foreign" in the place need not be headquartered there.
_ELSEWHERE_COMPANIES = re.compile(r"\b(?:international|multinational|foreign|global|overseas|other|regional)\b", re.IGNORECASE)
_HOME_TO_HQ = re.compile(r"\b(?:home\sto|houses|hosts|site\sof)\s(?:the\s)?(?:(?:global|world|corporate|national|regional)\s)?"
                         r"(?:headquarters|head\soffices?)\sof\s")
# "Major employers (and economic generators) include ..."
_MAJOR_EMPLOYERS = re.compile(
    r"\b(?:(?:major|main|largest|biggest|principal|leading|top|key|primary)\s)(?:local\s)?employers\b[^.;:]{0,50}?"
    r"\s(?:include|includes|included|are|were)\s(?:also\s)?",
    re.IGNORECASE,
)
# "Kazakhmys, the city's main employer"; "X is the town's largest employer"
_EMPLOYER_AFTER = re.compile(
    r"(?:,\s(?:which\sis\s|now\s)?|\s(?:(?:is|was|are|were|has\sbeen|remains|became|becomes|which\sis)\s|now\s)"
    r"(?:also\s|now\s|still\s|thus\s){0,2})(?:the|its|an?|(?:one|two|three)\sof\s(?:the|its))\s"
    r"(?:(?:city|town|village|area|region|island|county|municipality|community|borough|township)(?:'s|’s)\s)?"
    r"(?:(?:single|main|largest|biggest|major|principal|leading|primary|dominant|top|two|three|second|third|"
    r"second[\s-]largest|third[\s-]largest|local)\s){1,3}(?:private\s|public\s|local\s)?employers?\b"
    r"(?![^,.;]{0,40}\s(?:are|were|include|includes|included)\b)"
    r"(?:\s(?:in|of)\s(?P<where>(?:the\s)?[\w-]+(?:\s[A-Z][\w-]*)*))?",
)
# "The largest employer in Madison is the Tyson plant", "Its largest employer is the courier corporation FedEx"
_EMPLOYER_IS = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|(?:the\s)?(?:city|town|village|area|county|borough)(?:'s|’s))\s(?:(?:single|main|largest|biggest|"
    r"principal|leading|primary|dominant|top|private|public)\s){1,3}employer\s(?:in\s(?P<where>(?:the\s)?[\w-]+(?:\s[A-Z][\w-]*)*)\s)?"
    r"(?:is|was|remains)\s(?:now\s|still\s)?"
)
_ADMIN = alternation("admin_units")
_NOT_ORG = re.compile(
    rf"(?i:\b(?:{_ADMIN}|Magazine|Times|Post|Journal|News|Herald|Review|Report|Index|Guide|Census|Bureau|Survey|"
    rf"Street|Road|Avenue|Square|River|Lake|Mountains?|Valley|Forest|Area|Zone|Taluk|Tehsil|Mandal|Block|Division|"
    r"Subdivision|Ward)$|^(?:[A-Z][a-z]+\s)?Magazine\b|^(?:Lord|King|Queen|Duke|Earl|Sir|Bishop|Emperor|Sultan)\b|"
    r"^(?:Shire|County|Region|Province|District|Municipality|Borough|Prefecture|Governorate|Oblast|Canton)\sof\b)|"
    r"^(?:Government|Council|Parliament|Court|Ministry|Police|Army|Navy|Military|Church|Diocese|Archdiocese|"
    r"Companies|Also|Fortune|Inc|Ltd|LLC|Co|Corp|Corporation|Company|Group|SE|AG|plc|Lord|King|Queen|Duke|Earl|"
    r"Sir|Bishop|Emperor|Sultan)$"
)
_SUFFIX_ORG = r"(?:,?\s(?:Inc|Ltd|LLC|Co|Corp|plc|AG|SE|S\.A|N\.V|GmbH)\.?)?"
# A listed organisation: descriptors, then the name ("the engine company Cummins, Inc.", "McCormick & Company").
_ORG_NAME = re.compile(
    rf"(?:the\s|The\s)?(?:(?!(?:of|in|at|to|from|by|with|part|now|formerly|former|and|or)\b)[a-z][\w-]*\s){{0,4}}?(?:the\s)?"
    rf"(?P<name>{NAME}(?:\s(?:of|for|at)\s(?:the\s)?{NAME}|\s?&\s?{CAP_WORD}(?:\s{CAP_WORD})*)*(?:\sand\s{CAP_WORD}(?:\s{CAP_WORD}){{0,2}}(?=\s?[(,.;:]|$))?)"
    rf"{_SUFFIX_ORG}(?=\s?[(,.;:]|\s?$)"
)


_ORG_HEAD_AFTER_AND = re.compile(
    r"(?:[A-Z][\w-]*\s){0,2}(?:Commission|Company|Corporation|Authority|Board|Agency|Council|Association|Society|"
    r"Institute|Administration|Services?|Technology|Technologies|Sciences|Cent(?:er|re)|Development)\b"
)
_LIST_BREAK = re.compile(
    r"\b(?:is|are|was|were|has|have|had|home\sto|hosts|houses|having|being|operations|offices|branches|divisions|"
    r"subsidiaries|facilities|plants|factories)\b"
)
# Single words that are no organisation alone: "Tank Automotive Research, Development and Engineering Center"
# lost its structure to the list splitter, so it and its neighbours are dropped.
_GENERIC_ORG_WORDS = frozenset(
    "Development Research Engineering Education Training Innovation Technology Services Management Operations "
    "Design Science Sciences Arts Trade Industry Commerce Manufacturing Marketing Finance Logistics Health".split()
)
# "the oldest continuously chartered Boy Scouts of America Council": an apposition to the item before it
_APPOSITIVE_DESC = re.compile(r"\b(?:[a-z]+est|first|only|one\sof|second|third)\b")
_SEMI_ITEM = re.compile(rf"(?:^|,\s|\s)(?:the\s)?(?P<name>{NAME}{_SUFFIX_ORG})\s?\.?$")


def _join_org_heads(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"the Arkansas Oil and Gas Commission", "Eli Lilly and Company": one organisation, not two items."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and text[out[-1][1] : a] == " and " and _ORG_HEAD_AFTER_AND.match(text, a, b) and \
                text[out[-1][0] : out[-1][1]].split()[-1][:1].isupper():
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _listed_names(text: str, pos: int, end: int) -> list[Item]:
    """Names in a list, each filling its item ("..., various levels of government, and the Port of Halifax")."""
    out: list[Item] = []
    spans = _join_org_heads(text, chunks(text, pos, end))
    generic = {i for i, (a, b) in enumerate(spans) if text[a:b].strip(" .").split(" and ")[0] in _GENERIC_ORG_WORDS}
    for i, (a, b) in enumerate(spans):
        if generic & {i - 1, i, i + 1}:
            continue
        match = _ORG_NAME.match(text, a, b)
        if not match and _LIST_BREAK.search(text, a, b):
            break  # "..., and Wheeler Clinic The Town of Plainville is one of ...": the list is over
        if match and _PAREN.sub("", text[match.end() : b], count=1).strip(" .") == "":
            if _APPOSITIVE_DESC.search(text, a, match.start("name")):
                continue
            out.append(Item(match.group("name"), match.start("name"), match.end("name")))
    if len(out) <= 1 and text[pos - 2 : pos] == ": " and ";" in text[pos:end]:
        return _semicolon_names(text, pos, end) or out
    return out


def _semicolon_names(text: str, pos: int, end: int) -> list[Item]:
    """"four companies: mega-conglomerate Berkshire Hathaway; one of the largest builders, Kiewit Corporation; and ..."."""
    out: list[Item] = []
    for part in re.finditer(r"[^;]+", text[pos:end]):
        a, b = pos + part.start(), pos + part.end()
        while a < b and text[a] == " ":
            a += 1
        if text.startswith("and ", a):
            a += 4
        match = _SEMI_ITEM.search(text, a, b)
        if not match or RELATIVE.search(text, a, match.start("name")) or len(text[a:match.start("name")].split()) > 12:
            return []
        out.append(Item(match.group("name"), match.start("name"), match.end("name")))
    return out if len(out) > 1 else []


_ORG_RUN = re.compile(rf"(?:the\s|The\s)?({NAME}(?:\s(?:of|for|and)\s{NAME})*)")
_ORG_BEFORE = re.compile(rf"(?:^|\s)(?:the\s|The\s)?({NAME}(?:\s(?:of|for|and)\s{NAME})*)$")


def _hq(ctx: Context, cue_start: int, items: list[Item]) -> Iterator[Candidate]:
    for item in items:
        if _org_ok(ctx, item.value):
            yield Candidate("employer", item.value, cue_start, item.end, qualifiers={"role": "headquarters"}, confidence=0.75)


def _orgs_before(ctx: Context, sentence: Sentence, match: re.Match[str]) -> list[Item]:
    """The organisations listed before "are headquartered in": "Indian firms such as ISRO, Infosys and HAL"."""
    text = ctx.text
    body = strip_intro(text[sentence.start : match.start()])
    start = match.start() - len(body)
    openers = list(_LIST_OPENER.finditer(text, start, match.start()))
    opener = openers[-1] if openers else None
    if opener is not None:
        start = opener.end()
    end = match.start()
    apposition = _APPOSITION_END.search(text, start, end)
    if apposition and apposition.start() > start:
        end = apposition.start()  # "Dominion Energy and WestRock, Fortune 500 companies,"
    if RELATIVE.search(text, start, end):
        return []
    spans = _join_org_heads(text, chunks(text, start, end))
    items = []
    for a, b in spans:
        found = _ORG_NAME.match(text, a, b)
        if not found or text[found.end() : b].strip(" .") not in ("",) and not text[found.end() : b].lstrip().startswith("("):
            return []  # every chunk must be a name: "3M has over 70,000 employees ... and now has its headquarters"
        items.append(Item(found.group("name"), found.start("name"), found.end("name")))
    return items if len(items) > 1 or opener is not None or apposition else []


def _org_ok(ctx: Context, name: str) -> bool:
    if refers_to_subject(name, ctx.aliases) or _NOT_ORG.search(name) or FUNCTION_WORD.fullmatch(name):
        return False
    from placefacts.resolve.countries import country, division_country

    return not country(name) and not division_country(name)


@component("employers", reads=("prose",), writes=("employer",))
def find_employers(ctx: Context) -> Iterator[Candidate]:
    """One fact per organisation: the first role the text gives it ("the headquarters of X, the city's main employer")."""
    seen: set[str] = set()
    for candidate in _employers(ctx):
        key = fold(str(candidate.value))
        if key not in seen:
            seen.add(key)
            yield candidate


def _employers(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for sentence in ctx.sentences:
        if not has_any(sentence.text, _EMPLOYER_KEYS):
            continue
        about = sentence_about(ctx, sentence)
        # "Today the city is the headquarters of Kazakhmys"; "home to the headquarters of A and B"
        for cue in (_HQ_OF, _HOME_TO_HQ):
            for match in cue.finditer(text, sentence.start, sentence.end):
                if about is not True or not cue_of_topic(sentence, match.start()):
                    continue
                if _FORMERLY.search(text, max(sentence.start, match.start() - 40), match.start()):
                    continue  # "was formerly the headquarters of ..."
                if match.group().endswith("for ") and not re.search(r"\b(?:is|are)\s(?:also\s)?(?:the\s)?$", text[max(sentence.start, match.start() - 20) : match.start()]):
                    continue  # "headquarters for the resistance": only "is the headquarters for X" lists firms
                yield from _hq(ctx, match.start(), _listed_names(text, match.end(), sentence.end))
        # "The headquarters of A, B and C are also located in the city"
        body = strip_intro(sentence.text)
        lead = _HQ_OF.match(text, sentence.end - len(body) + (4 if body.startswith(("The ", "the ")) else 0), sentence.end)
        if lead and about is not True:
            located = _LOCATED_HERE.search(text, lead.end(), sentence.end)
            if located and subject_ref(ctx, located.group("where")):
                yield from _hq(ctx, lead.start(), _listed_names(text, lead.end(), located.start()))
        # "X is home to several Fortune 500 companies, including A, B and C"
        for match in _HOME_COMPANIES.finditer(text, sentence.start, sentence.end):
            if about is not True or not cue_of_topic(sentence, match.start()):
                continue
            cue = match.group()
            if not match.group("hq") and not re.search(r"(?i)headquarter|fortune", cue) and \
                    _ELSEWHERE_COMPANIES.search(match.group("adj")):
                continue  # "home to international companies such as Siemens": branches, not headquarters
            if _FORMERLY.search(text, max(sentence.start, match.start() - 40), match.start()):
                continue
            yield from _hq(ctx, match.start(), _listed_names(text, match.end(), sentence.end))
        for cue in (_HQ_HERE_LIST, _HQ_HERE_INCLUDING):
            for match in cue.finditer(text, sentence.start, sentence.end):
                if subject_ref(ctx, match.group("where")):
                    yield from _hq(ctx, match.start(), _listed_names(text, match.end(), sentence.end))
        body_start = sentence.end - len(strip_intro(sentence.text))
        also = _ALSO_HQ.match(text, body_start, sentence.end)
        if also and subject_ref(ctx, also.group("where")):
            yield from _hq(ctx, also.start(), _listed_names(text, also.end(), sentence.end))
        # "Kazakhmys is headquartered in Jezkazgan", "ISRO, Infosys, Wipro and HAL are headquartered in the city"
        for match in _HQ_IN.finditer(text, sentence.start, sentence.end):
            where = name_items(text, match.end(), sentence.end)
            here = (where and refers_to_subject(where[0].value, ctx.aliases)) or re.match(
                r"(?:the\s(?:city|town|village)\b|here\b)", text[match.end() : match.end() + 20]
            )
            if not here:
                continue
            end = match.end() + (where[0].end - match.end() if where else 8)
            items = _orgs_before(ctx, sentence, match) if (match.group("verb") or match.group("have")) else []
            if items:
                for item in items:
                    if _org_ok(ctx, item.value):
                        yield Candidate("employer", item.value, item.start, end, qualifiers={"role": "headquarters"},
                                        confidence=0.75)
                continue
            org = _ORG_BEFORE.search(text[sentence.start : match.start()])
            if org and " and " in org.group(1) and not _ORG_HEAD_AFTER_AND.search(org.group(1).rsplit(" and ", 1)[1]):
                continue  # "Seagate Technologies and Wells Fargo Bank": two organisations, not one
            if org and _org_ok(ctx, org.group(1)) and strip_intro(text[sentence.start : match.start()]).endswith(org.group(1)):
                start = sentence.start + org.start(1)
                yield Candidate("employer", org.group(1), start, end, qualifiers={"role": "headquarters"}, confidence=0.75)
        for match in _MAJOR_EMPLOYERS.finditer(text, sentence.start, sentence.end):
            if about is False:
                continue
            for item in _listed_names(text, match.end(), sentence.end):
                if _org_ok(ctx, item.value):
                    yield Candidate("employer", item.value, match.start(), item.end,
                                    qualifiers={"role": "main_employer"}, confidence=0.7)
        for match in _EMPLOYER_IS.finditer(text, sentence.start, sentence.end):
            where = match.group("where")
            if where and not subject_ref(ctx, where):
                continue  # "A major employer in Jefferson County is ... in Golden"
            if match.group().lower().startswith("its") and about is not True:
                continue
            for item in _listed_names(text, match.end(), sentence.end)[:1]:
                if _org_ok(ctx, item.value):
                    yield Candidate("employer", item.value, match.start(), item.end,
                                    qualifiers={"role": "main_employer"}, confidence=0.7)
        for name in _ORG_RUN.finditer(sentence.text):
            after = _EMPLOYER_AFTER.match(text, sentence.start + name.end(), sentence.end)
            if not after:
                continue
            if re.search(r"\b(?:former|formerly|once|until|historically)\b", after.group()):
                continue
            where = after.group("where")
            if where and not subject_ref(ctx, where) and not re.fullmatch(
                    r"(?:the\s)?(?:area|city|town|village|community|borough|township|municipality|local\s\w+)", where):
                continue  # "the largest employer in the state"
            start = sentence.start + name.start(1)
            value = name.group(1)
            parts = [value]
            if " and " in value and not _ORG_HEAD_AFTER_AND.search(value.rsplit(" and ", 1)[1]):
                parts = value.split(" and ")  # "Johns Hopkins Hospital and Johns Hopkins University are the top two employers"
            for part in parts:
                if _org_ok(ctx, part):
                    yield Candidate("employer", part, start, after.end(), qualifiers={"role": "main_employer"},
                                    confidence=0.7)
