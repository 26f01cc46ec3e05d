"""Where the place is: country, located_in (water and landforms are in `features`).

The defining sentence names the containing units as a chain ("a town in
Berkshire County, Massachusetts, United States"); other sentences about the
subject add units only where the name says it is one ("part of the
Waimakariri District"). The head words of water bodies and landforms are kept
here too: a name with one ("Kara-Kengir River") is no unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import COPULA, PEOPLE_ADJECTIVE, refers_to_subject
from placefacts.find.keywords import key_words
from placefacts.find.lexicon import alternation, entries
from placefacts.find.names_in_text import Mention
from placefacts.find.textutil import NAME, NAME_RE, Sentence
from placefacts.normalise import countries
from placefacts.normalise.text import fold

ADMIN_HEAD = regex_cache.compile(rf"(?i:\b(?:{alternation('admin_units')})$|^(?:{alternation('admin_units')})\b)")
_ADMIN_PREFIX = regex_cache.compile(
    rf"\b(?:{alternation('admin_units')}|capital|seat|state|province|region|county town|administrative centre|"
    rf"administrative center)\s(?:of\s)(?:the\s)?$",
    re.IGNORECASE,
)
# An administrative word after the name: "the Haut-Rhin département", "the South Ayrshire council area".
_US_STATE_PREFIX = regex_cache.compile(r"\bU\.\s?S\.\s?(?:state|territory|commonwealth)\s(?:of\s)?$")
WATER_WORDS = set(entries("water_bodies"))
LAND_WORDS = set(entries("landforms"))
WATER = alternation("water_bodies")
LAND = alternation("landforms")
_CHAIN_LINK = regex_cache.compile(
    r"^(?:\s(?:region|province|state|county|district|department|prefecture|oblast|governorate))?"
    r"(?:,\s(?:and\s)?(?:in\s)?(?:the\s)?|\sin\s(?:the\s)?|\sof\s(?:the\s)?)$"
)
_CHAIN_START = regex_cache.compile(
    r"\b(?:in|of|within|from|near|(?:belonged|belongs|incorporated|annexed|transferred|attached)\sto)\s(?:the\s)?(?:[a-z][\w.'’-]*\s){0,5}(?:of\s(?:the\s)?)?$|"
    # "of the most populous German state of": an adjective of a people may stand among the lower-case words
    rf"\bof\s(?:the\s)?(?:[A-Z][a-z]*'s?\s)?(?:[a-z][\w'’-]*\s|{PEOPLE_ADJECTIVE}\s){{0,4}}(?:of\s)?(?:the\s)?$"
)
# Both patterns above and below end at the window's end and hold nothing but word characters, blanks and . ' ’ -:
# a match starts after the last other character (`tail_start`), so the engine need not try the places before it.
_BREAK = regex_cache.compile(r"[^\w\s.'’-][\w\s.'’-]*$")


def tail_start(window: str) -> int:
    """Where the run of word characters, blanks and . ' ’ - that ends the window starts."""
    last = _BREAK.search(window)
    return last.start() + 1 if last else 0


# Words before a name that make it something other than a unit the subject lies in.
_NONLOCAL_CUE = regex_cache.compile(
    r"(?:\b(?:by|with|after|for|named|called|along with|than|like|including|such as)\s(?:the\s)?(?:[a-z]+\s)?(?:of\s)?(?:the\s)?"
    # "in the (rural|far) south west of X" is a part of X, "3 miles west of X" is another place
    # (the cheapest test first: most places it is tried at are inside a word)
    r"|(?<![\w-])(?<!in\s)(?<!in\sthe\s)(?<!north\s)(?<!south\s)(?<!in\sthe\srural\s)(?<!in\sthe\sfar\s)(?<!in\sthe\sextreme\s)"
    r"(?:north|south|east|west)(?:[- ]?(?:north|south))?(?:[- ]?(?:east|west))?(?:ern)?(?:\spart)?\s(?:of|from)\s(?:the\s)?"
    r"|\b(?:serving|serves)\s(?:the\s)?(?:[a-z]+\s){0,2}(?:of\s)?(?:the\s)?"
    r"|\bcommunity\sof\s(?:the\s)?"
    r"|\b(?:adjacent\sto|next\sto|close\sto|borders?|bordered(?:\s(?:on|to)\sthe\s\w+)?\sby|bordering|"
    r"neighbou?ring|near|than|unlike|compared\s(?:to|with))\s(?:the\s)?(?:[a-z]+\s)?(?:of\s)?(?:the\s)?"
    # "the parliamentary constituency of X", not "a district, parliamentary constituency and town in Pahang"
    r"|\b(?:federal|electoral|parliamentary|constituency|diocese|archdiocese)\s(?:(?!in\s)[a-z]+\s){0,4}?(?:of\s)?(?:the\s)?)$",
    re.IGNORECASE,
)
_INSTITUTION = regex_cache.compile(
    r"\b(?:House|Assembly|Parliament|Court|University|College|Company|Corporation|Church|Bank|Museum|Council of)\b"
)
_TITLE = regex_cache.compile(
    r"^(?:Archbishop|Bishop|Duke|Duchess|Earl|Count|Countess|Lord|Lady|King|Queen|Prince|Princess|Mayor|Governor|"
    r"Baron|Marquess|Viscount|Sultan|Emperor|President|University|College|Battle|Siege|Treaty|Port|Bank|Church)\b"
)
# Polities of the past and areas that are not administrative units.
_NOT_UNIT = regex_cache.compile(
    # "Union" ends a polity's name ("Soviet Union"), not a unit's ("Union Parish", "La Union")
    r"\b(?:Empire|Kingdom|Sultanate|Dynasty|Caliphate|Khanate|Republic of|Confederation|(?<!\bLa\s)Union(?!\s\w)|Colony|Protectorate|"
    r"Raj|Statistical Area|metropolitan area|Metropolitan Area|Metro|Micropolitan)\b"
)
_LANGUAGES = frozenset(entries("languages"))
# "the California Department of Finance", "the Iowa Department of Agriculture's ...": an office, not a unit
_OFFICE_OF = regex_cache.compile(r"\b(?:Department|Ministry|Bureau|Office|Secretary)\sof\s(?:the\s)?$")
_PORTFOLIOS = frozenset(entries("government_portfolios"))
_PAST = regex_cache.compile(r"\b(?:became|was|were|formerly|until|former|once|then)\b")
_SUBJECT_STATEMENT = regex_cache.compile(
    r"\b(?:is|was|are|lies|lay|sits|stands|located|situated|part|seat|capital|centre|center|belonged|belongs)\b"
)
_CLAUSE_END = regex_cache.compile(r"[;:]|,\s(?:founded|which|where|who|while|although|but|and is|with)\b|\b(?:founded|established)\b")


def _location_sentences(ctx: Context, strict: bool = False) -> Iterator[tuple[Sentence, bool]]:
    """Sentences that may say where the subject is: (sentence, is the defining one)."""
    for sentence in ctx.sentences:
        if sentence is ctx.defining:
            yield sentence, True
        elif ctx.about(sentence, strict=strict):
            yield sentence, False


def _head_word(value: str) -> tuple[str, str]:
    words = value.lower().split()
    return (words[0] if words else "", words[-1] if words else "")


_FEATURE_WORDS = WATER_WORDS | LAND_WORDS


def _edge_words(value: str) -> tuple[str, str, str, str]:
    """First word, first two words, last word, last two words, lower-cased."""
    words = value.lower().split()
    return words[0], " ".join(words[:2]), words[-1], " ".join(words[-2:])


def has_head(value: str, words: set[str]) -> bool:
    """The name ends with one of `words` ("White Mountain National Forest"), or starts with one ("River Douglas")
    while not ending with another feature word ("Sea Island" is an island)."""
    if not value.strip():
        return False
    first, first_two, last, last_two = _edge_words(value)
    if last in words or last_two in words:
        return True
    if last in _FEATURE_WORDS or last_two in _FEATURE_WORDS:
        return False
    return " " in value.strip() and (first in words or first_two in words)


def _is_feature(value: str) -> bool:
    """"Mississippi River", "Kazakh upland"; not "Highland County" or "Lake County", units named with a feature word."""
    return (has_head(value, _FEATURE_WORDS) and not ADMIN_HEAD.search(value)) or bool(_NOT_UNIT.search(value))


@component("location", reads=("prose",), writes=("country", "located_in"))
def find_units(ctx: Context) -> Iterator[Candidate]:
    units: set[str] = set()  # folded names already found as units of the place
    for candidate in _units(ctx, units):
        if candidate.property == "located_in":
            units.add(fold(str(candidate.value)))
        yield candidate


def _units(ctx: Context, units: set[str]) -> Iterator[Candidate]:
    text = ctx.text
    for sentence, defining in _location_sentences(ctx, strict=True):
        clause_end = sentence.end
        copula = COPULA.search(text, sentence.start, sentence.end) if defining else None
        cut = _CLAUSE_END.search(text, copula.end(), sentence.end) if copula else None
        if cut:
            clause_end = cut.start()
        if not defining and _PAST.search(sentence.text) and not re.search(r"\bbelong|\bincorporated\sto", sentence.text):
            continue
        in_chain = False
        previous_end = -1
        chain: list[Candidate] = []
        plural = list(_plural_units(text, sentence.start, clause_end)) if ctx.says_any(sentence, _PLURAL_WORDS) else []
        its_unit = _ITS_UNIT.match(sentence.text)
        if its_unit:
            begin = sentence.start + its_unit.start(1)
            plural.append(Candidate("located_in", its_unit.group(1), begin, begin + len(its_unit.group(1)), confidence=0.85))
        yield from plural
        covered = [(c.start, c.end) for c in plural]
        # "in Alpine and Amador counties, California, United States": the chain goes on after the plural unit
        plural_end = max((c.end for c in plural), default=-1)
        # Where "named after", "twinned with", "than" stand: found once per sentence, not per name.
        markers = [
            (m.start(), bool(m.group("compare")))
            for m in (_NAMED_AFTER.finditer(text, sentence.start, clause_end) if ctx.says_any(sentence, _NAMED_AFTER_WORDS) else ())
        ]
        if not defining and markers and _names_after_subject(ctx, sentence):
            continue  # "Perth in Western Australia and Perth in Canada are named after Perth in Scotland": namesakes
        for mention in ctx.mentions(sentence.start, sentence.end):
            if mention.end > clause_end:
                break
            if any(a <= mention.start < b for a, b in covered):
                continue
            subject = ctx.is_subject(mention.value)
            if subject and mention.start != sentence.start:
                unit = _namesake_unit(text, mention, sentence.start)
                if unit is not None:
                    mention, subject = unit, False
            if subject or mention.start == sentence.start:
                in_chain = False
                continue
            before = text[max(sentence.start, mention.outer_start - 60) : mention.outer_start]
            # What joins it to the last unit found: asked only straight after one (a copy from further back would
            # grow with every name of a long sentence).
            chained = in_chain and bool(_CHAIN_LINK.match(text[previous_end : mention.outer_start] if previous_end >= 0 else ""))
            chained = chained or 0 <= plural_end <= mention.outer_start and bool(_CHAIN_LINK.match(text[plural_end : mention.outer_start]))
            starts_chain = False
            if not chained:
                cut = tail_start(before)
                starts_chain = bool(_CHAIN_START.search(before, cut)) and not _NONLOCAL_CUE.search(before, cut)
                # "a city in, and the county seat of, Jefferson County": a chain's opening split by an aside
                starts_chain = starts_chain or before.endswith(("in, ", "of, ")) and _ASIDE_OPENING.search(before) is not None
            in_chain = False
            if not (chained or starts_chain):
                continue
            if any(
                mention.start - 200 <= at < mention.start
                and not (compare and re.search(r"[,;]", text[at : mention.start]))
                for at, compare in markers
            ):
                continue  # "named after a village in Spain", "than X in Y": another place's location
            following = text[mention.end : mention.end + 70]
            if re.match(r"\s(?:metropolitan|metro|urban)\s(?:area|region)", following) or _STATISTICAL_AREA.match(following):
                continue  # "the Brisbane metropolitan area", "the Phoenix, Arizona, Metropolitan Statistical Area"
            if _HEAD_BEFORE.search(before, max(0, len(before) - _HEAD_BEFORE_REACH)):
                continue  # "the river Yamuna" is water, not a unit
            if _adjectival(mention.value, following):
                continue
            if _is_feature(mention.value) and not countries.country(mention.value):
                # "the northern part of Okinawa Island, Okinawa Prefecture, Japan": the chain goes on past a feature
                in_chain, previous_end = True, mention.end
                continue
            found = [
                # "Dalton is a city in Whitfield County, Georgia, United States ... the Dalton, Georgia area": once
                # a name is a unit of the place, the same name later is that unit, not the country it also names
                Candidate("located_in", c.value, c.start, c.end, confidence=c.confidence)
                if c.property == "country" and not c.inferred and fold(str(c.value)) in units else c
                for c in _classify(ctx, mention, before, following, defining)
            ]
            if found:
                later = next((c for c in found if c.property == "country" and not c.inferred), None)
                later_state = countries.country(str(later.value)) if later else None
                if (
                    chained
                    and later_state
                    and chain
                    and chain[-1].property == "country"
                    and later_state.code in countries.division_codes(str(chain[-1].value))
                ):
                    # "Chatham County, Georgia, United States": Georgia is the state, not the country.
                    last = chain[-1]
                    chain[-1] = Candidate("located_in", last.value, last.start, last.end, confidence=0.8)
                if not chained:
                    yield from chain
                    chain = []
                chain.extend(found)
                in_chain = True
                previous_end = mention.end
        yield from chain


_ITS_UNIT = regex_cache.compile(
    rf"^(?:Its|It's|The\s(?:city|town|village)(?:'s|’s))\s(?:local\sgovernment\sarea|county|district|municipality|council|"
    rf"province|region|parish|borough|state|department)\s(?:is|was)\s(?:the\s)?({NAME})"
)
_PLURAL_UNITS = regex_cache.compile(
    rf"\b(?:in|of|within)\s(?:the\s)?((?:{NAME},\s){{0,6}}{NAME},?\s(?:and|&)\s{NAME})\s"
    r"(?i:(counties|provinces|districts|parishes|regions|departments|boroughs|municipalities|states|prefectures|townships))\b"
)
_PLURAL_WORDS = key_words("counties", "provinces", "districts", "parishes", "regions", "departments", "boroughs",
                          "municipalities", "states", "prefectures", "townships")  # one of them ends every _PLURAL_UNITS match
_SINGULAR = {"counties": "County", "provinces": "Province", "districts": "District", "parishes": "Parish",
             "regions": "Region", "departments": "Department", "boroughs": "Borough",
             "municipalities": "Municipality", "states": "State", "prefectures": "Prefecture", "townships": "Township"}


def _plural_units(text: str, start: int, end: int) -> Iterator[Candidate]:
    """"in Adams and Weld counties" -> Adams County, Weld County."""
    for match in _PLURAL_UNITS.finditer(text, start, end):
        noun = _SINGULAR[match.group(2).lower()]
        for part in NAME_RE.finditer(match.group(1)):
            if part.group() in ("and",):
                continue
            begin = match.start(1) + part.start()
            yield Candidate("located_in", f"{part.group()} {noun}", begin, match.end(2), confidence=0.75)


# Clauses whose places are someone else's: "named after a village in Spain", "twinned with X in Bavaria".
_STATISTICAL_AREA = regex_cache.compile(r"^(?:,\s[^,.;]{1,30})*,?\s(?:Metropolitan|Micropolitan|Combined|Consolidated)\s(?:Statistical\s)?Area")
_NAMED_AFTER = regex_cache.compile(
    r"\bnamed\s(?:after|for)\b|\btwinned\b|\btwin\s(?:town|city)|\bsister\s(?:city|town)|\bpartnered\b|"
    r"(?P<compare>\b(?:than|unlike)\b)",
    re.IGNORECASE,
)
_NAMED_AFTER_WORDS = key_words("named", "twin", "sister", "partnered", "than", "unlike")  # what _NAMED_AFTER needs
_NAMESAKES = regex_cache.compile(rf"\b(?:are|were|is|was)\s(?:all\s|both\s|also\s)?(?:named|called)\s(?:after|for)\s(?:the\s)?({NAME})")


def _names_after_subject(ctx: Context, sentence: Sentence) -> bool:
    """Whether the sentence says that other places are named after the subject."""
    return any(ctx.is_subject(m.group(1)) or refers_to_subject(m.group(1), ctx.aliases)
               for m in _NAMESAKES.finditer(ctx.text, sentence.start, sentence.end))


# Only the end of the window can match: a head word, its blank, and room for a final newline.
_HEAD_BEFORE_REACH = max(len(w) for w in (*entries("water_bodies"), *entries("landforms"), "mount")) + 4
_HEAD_BEFORE = regex_cache.compile(rf"\b(?:{WATER}|{LAND}|mount)\s$", re.IGNORECASE)
# Unit words that can follow a name ("the Haut-Rhin département", "Guayaquil canton"). The core ones make a name a
# unit's even where a people's adjective could stand ("the Lombardy region"); the others follow such adjectives too
# ("the Swiss canton"), so `_adjectival` leaves them out.
_CORE_UNIT_WORDS = r"state|province|region|department|département|county|district|prefecture|oblast|territory|council\sarea"
_UNIT_WORDS = _CORE_UNIT_WORDS + r"|municipality|borough|parish|canton|voivodeship|krai|raion|governorate"
_ADMIN_WORD = regex_cache.compile(rf"^\s(?:{_CORE_UNIT_WORDS})\b")
_ADMIN_AFTER = regex_cache.compile(rf"^\s(?:{_UNIT_WORDS})\b", re.IGNORECASE)
_UNIT_OF = regex_cache.compile(rf"(?i:{_UNIT_WORDS})\sof\s(?:the\s)?$")  # "the province of Namur"
# A unit word after a language's name makes it a unit's ("Pali district"), unless "of" follows ("French department of")
_UNIT_AFTER = regex_cache.compile(rf"^\s(?:{_UNIT_WORDS})\b(?!\sof\b)")
# "the civil parish of Newton and Haceby", "of Aston, Cote, Shifford and Chimney": the unit's name goes on
_JOINED_NAME = regex_cache.compile(r"\s(?:and|&)\s[A-Z]|,\s[A-Z][\w'’-]*(?:,|\s(?:and|&)\s)")
_ASIDE_OPENING = regex_cache.compile(r"\b(?:in|of),\s(?:and|or)\s[^,]{1,40},\s$")


def _namesake_unit(text: str, mention: Mention, floor: int) -> Mention | None:
    """"the capital of Antwerp province", "the capital of the province of Namur": the unit named after the subject."""
    after = _ADMIN_AFTER.match(text[mention.end : mention.end + 30])
    if after:
        end = mention.end + after.end()
        return Mention(text[mention.start : end], mention.start, end, mention.outer_start)
    before = _UNIT_OF.search(text, max(floor, mention.outer_start - 30), mention.outer_start)
    if before and not _JOINED_NAME.match(text, mention.end, mention.end + 40):
        return Mention(text[before.start() : mention.end], before.start(), mention.end, before.start())
    return None


def _adjectival(value: str, following: str) -> bool:
    """"the Mexican state of", "France's Caribbean overseas department": a modifier, not a unit."""
    if ADMIN_HEAD.search(value) or countries.country(value):
        return False
    if re.match(
        r"^\s(?!and\b|or\b|in\b|on\b|of\b|near\b|at\b|with\b|to\b|is\b|was\b|the\b|which\b|that\b|where\b|"
        r"after\b|before\b|by\b|for\b|from\b|but\b|since\b|until\b|while\b|who\b|whose\b|are\b|were\b|has\b|had\b|"
        r"famous\b|renowned\b|noted\b|notable\b|known\b|home\b|popular\b|also\b|now\b|about\b|approximately\b|"
        r"close\b|[a-z]+ed\b|[a-z]+ing\b)[a-z]",
        following,
    ):
        if _ADMIN_WORD.match(following) and not re.search(r"(?:an|ian|ese|ish)$", value):
            return False  # "the Lombardy region", "the Chalatenango department"
        return True
    return False


def _classify(ctx: Context, mention: Mention, before: str, following: str, defining: bool) -> Iterator[Candidate]:
    value = mention.value
    span = (mention.start, mention.end)
    if _is_feature(value) or countries.continent(value):
        return
    if value in _LANGUAGES and not (_ADMIN_PREFIX.search(before) or _UNIT_AFTER.match(following) or countries.known_unit(value)):
        return  # "from Irish: Béal Feirste", "the northern French department of Aisne"; not "the province of Pangasinan"
    if _US_STATE_PREFIX.search(before):
        us = before.rfind("U.")
        yield Candidate("country", "United States", mention.outer_start - len(before) + us, mention.outer_start - len(before) + us + 4, wikidata="Q30", confidence=0.9)
        yield Candidate("located_in", value, *span, confidence=0.9)
        return
    state = countries.country(value)
    if state is None and not countries.division_country(value):  # "Southern Italy"; not "Western Australia", a state
        state = countries.country(countries.strip_directional(value))
    if state is not None:
        sovereign = countries.sovereign_of(state.code)
        if sovereign:
            yield Candidate("located_in", value, *span, confidence=0.85)
            yield Candidate("country", countries.common_name(sovereign), *span, inferred=True, confidence=0.8)
        else:
            written = value if countries.country(value) else countries.strip_directional(value)
            offset = value.find(written)
            # An abbreviation ("U.S", "UK", "PRC") is given as the country's name; a name as written.
            shown = state.name if len(written.replace(".", "")) <= 4 and written.replace(".", "").isupper() else written
            yield Candidate("country", shown, span[0] + offset, span[0] + offset + len(written), confidence=0.9)
        return
    sovereign = countries.constituent(value)
    if sovereign:
        # "England": the country is the sovereign state; England itself is not an administrative unit.
        yield Candidate("country", countries.common_name(sovereign), *span, inferred=True, confidence=0.8)
        return
    titled = _TITLE.match(value) and not ADMIN_HEAD.search(value)  # "King Henry", not "King County"
    if titled or _INSTITUTION.search(value) or (
        before.endswith(("of ", "of the ")) and _OFFICE_OF.search(before)
        and re.sub(r"['’]s\b.*", "", value).lower() in _PORTFOLIOS
    ):
        return  # a person's title or an institution ("the seat of the Tobago House of Assembly"), not a unit
    if ADMIN_HEAD.fullmatch(value):
        return  # "the fifth most populous city in the State": a unit word alone names no unit
    keyworded = bool(ADMIN_HEAD.search(value) or _ADMIN_PREFIX.search(before) or _ADMIN_AFTER.match(following))
    if keyworded or defining:
        yield Candidate("located_in", value, *span, confidence=0.85 if keyworded else 0.7)


