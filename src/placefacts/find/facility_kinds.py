"""The head words, names and kinds of installations, and the qualifiers of a found one (for facilities).

A named installation has a head word (find/data/facility_heads.txt) after it
("Kazakhmys Power Plant") or before it ("Port of Rosario"), or a lower-case
one ("Oxford Branch railway"); a landmark's head word ("Navy Pier") also gives
its kind. A found installation is qualified by its kind, the year it was
built, and its capacity or height. `contains_subject`: whether a name carries
the subject's name ("Port of Rosario").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from placefacts import regex_cache
from placefacts.find.context import Context
from placefacts.find.grammar import strip_intro
from placefacts.find.lexicon import entries
from placefacts.find.lists import AND_TAIL
from placefacts.find.textutil import CAP_WORD as _CAP_WORD
from placefacts.find.textutil import NAME, Sentence
from placefacts.normalise.dates import DATE_RE, parse_date
from placefacts.normalise.numbers import NUMBER, parse_number, tidy
from placefacts.normalise.patterns import word_alternation
from placefacts.normalise.text import fold
from placefacts.normalise.units import LENGTH_UNIT, POWER_UNIT, to_m, to_mw

_HEADS = entries("facility_heads")
NAMED_HEADS = {k: v for k, v in _HEADS.items() if k[0].isupper()}
GENERIC_HEADS = {k: v for k, v in _HEADS.items() if k[0].islower()}
AIR = frozenset({"airport"})
# Heads that start a name: "Port of Rosario", "Collegiate Church of San Juan" (first match wins).
PREFIX_HEADS = entries("name_prefix_heads")
_SUFFIX = regex_cache.compile(
    r"\s(?P<head>" + "|".join(sorted((re.escape(h) for h in NAMED_HEADS), key=len, reverse=True)) + r")$"
)
_PREFIX = regex_cache.compile(r"(?:^|\s)(?P<head>" + "|".join(PREFIX_HEADS) + r")\s(?:\w+\s)?(?:of|de|del|di|du|des|della)\s")
GENERIC_ALT = word_alternation(GENERIC_HEADS, space=r"\s")
# Lower-case heads after a name: "Oxford Branch railway", "Odense station", "Central of Georgia Railway roundhouse complex".
_LOWER_HEAD = regex_cache.compile(
    r"\s(?P<head>(?:[a-z]+\s)?(?:railway\sstation|railroad\sstation|train\sstation|station|railway|railroad|line|"
    r"bridge|tunnel|mine|plant|complex|refinery|dam|port|labou?r\scamp|prison\scamp|camp|shipyard|mill|factory|"
    r"power\sstation|power\splant|steelworks|smelter|church|cathedral|chapel|temple|mosque|synagogue|museum|stadium|"
    r"castle|fort|palace|monastery|abbey))\b"
)
# "the Catholic Church", "an Anglican church": a denomination, not a named building
_CREED = frozenset(
    "Roman Catholic Anglican Methodist Baptist Lutheran Presbyterian Orthodox Protestant Episcopal Christian Muslim "
    "Hindu Buddhist Jewish Reformed Evangelical Pentecostal Greek Russian Coptic Armenian Congregational United "
    "Church Cathedral Chapel Temple Mosque Synagogue".split()
)
_CREED_LOWER = frozenset(w.lower() for w in _CREED)
_LOWER_KIND = {"railway": "railway line", "railroad": "railway line", "line": "railway line", "railway station": "railway station",
               "railroad station": "railway station", "train station": "railway station", "bus station": "bus station",
               "station": "station"}
# Modifiers a generic keeps ("mining and metallurgical complex", "main commercial port"): not articles, counts, sizes.
MODIFIER = (
    r"(?:(?!(?:a|an|the|its|their|large|small|big|huge|giant|massive|vast|new|modern|old|former|many|several|numerous|two|only|"
    r"three|four|five|some|other|one|this|that|these|those|and|of|to|in|for|was|is|were|are|has|have|had|by|with|as|"
    r"first|second|third|fourth|fifth|[a-z]+est)\b)[a-z][a-z-]*\s)"
)
GENERIC = regex_cache.compile(rf"(?<![\w'’-])(?P<value>(?:{MODIFIER}(?:and\s{MODIFIER})?){{0,3}}(?P<head>{GENERIC_ALT}))\b")
# Generic heads too vague alone: "a plant", "the complex", "a camp", "a port" need a modifier.
_NEEDS_MODIFIER = frozenset({"plant", "plants", "complex", "camp", "mine", "mines", "port", "dam"})


_YEAR_AFTER = regex_cache.compile(
    r",?\s(?:which\swas\s|was\s)?(?:first\s)?(?:opened|built|constructed|completed|inaugurated|established|founded|"
    r"commissioned|erected)\s(?:in\s)?(?P<date>[^,.;]{4,20})|[^.;]{0,60}?\bsince\s(?P<since>\d{4})\b"
)
_CAPACITY = regex_cache.compile(rf"\bcapacity\s(?:of\s)?(?P<num>{NUMBER})\s?(?P<unit>(?i:{POWER_UNIT}))\b")
_HEIGHT = regex_cache.compile(rf"\b(?P<num>{NUMBER})[\s-]?(?P<unit>(?i:{LENGTH_UNIT}))[\s-](?:tall|high)\b")


@dataclass(slots=True)
class Found:
    value: str
    kind: str
    start: int
    end: int
    named: bool
    year: str | None = None


def head_kind(name: str) -> str | None:
    """The kind of a named installation from its head word, or None."""
    suffix = _SUFFIX.search(" " + name)
    if suffix:
        return NAMED_HEADS[suffix.group("head")]
    prefix = _PREFIX.search(name)
    if prefix:
        return PREFIX_HEADS[prefix.group("head")]
    return None


NAME_RE = regex_cache.compile(rf"(?:The\s|the\s)?(?P<name>{NAME}(?:\sat\s{NAME})?)")


_AND_HEAD = regex_cache.compile(rf"\sand\s((?:{_CAP_WORD}\s)?{_CAP_WORD})(?![\w-])(?!\s(?:and|of)\s)(?!\s[A-Z])")
_SINGLE_HEADS = frozenset(h for h in NAMED_HEADS if " " not in h)


def _first_of_run(name: str) -> str:
    """"Chaotian Temple Beigang Tourist Bridge": two names run together where a list lost its commas."""
    words = name.split()
    for i in range(1, len(words) - 2):
        if words[i] in _SINGLE_HEADS and words[i + 1][:1].isupper() and head_kind(" ".join(words[i + 1 :])):
            return " ".join(words[: i + 1])
    return name


_AND_ACRONYM = regex_cache.compile(r"\sand\s(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+(?=\s\([A-Z]{2,}\))")
_TRAILING_WORD = regex_cache.compile(r"\s(?:As|In|On|At|The|A|It|This|By|For|From|With|After|During|Since|Today)$")


def name_at(text: str, pos: int, end: int) -> tuple[str, int, int, str | None] | None:
    """A facility name at `pos` (with a following lower-case head): value, start, end, kind."""
    match = NAME_RE.match(text, pos, end)
    if not match:
        return None
    name = match.group("name")
    joined = AND_TAIL.match(text, match.end("name"), end)
    if joined and " of " in name:
        name = text[match.start("name") : joined.end()]  # "Telfair Academy of Arts and Sciences"
    if " at " in name and not head_kind(name.split(" at ")[0]):
        name = name.split(" at ")[0]  # only "University of Alabama at Birmingham" joins
    name = _first_of_run(name)
    acronym = _AND_ACRONYM.match(text, match.start("name") + len(name), end)
    if acronym and " of " in name:
        name = text[match.start("name") : acronym.end()]  # "National Institute of Policy and Strategic Studies (NIPSS)"
    trailing = _TRAILING_WORD.search(name)
    if trailing and len(name.split()) > 2:
        name = name[: trailing.start()]  # "Crescent High School As of the census": a lost full stop
    joined_head = _AND_HEAD.match(text, match.start("name") + len(name), end)
    if joined_head and len(name.split()) <= 2 and head_kind(name) is None and head_kind(joined_head.group(1)):
        name = text[match.start("name") : joined_head.end()]  # "the National Science and Media Museum"
    stop = match.start("name") + len(name)
    kind = head_kind(name)
    if kind is None:
        lower = _LOWER_HEAD.match(text, stop, end)
        if lower:
            head = lower.group("head")
            last = head.split()[-1]
            kind = _LOWER_KIND.get(head) or GENERIC_HEADS.get(head) or _LOWER_KIND.get(last) or GENERIC_HEADS.get(last) or last
            name = text[match.start("name") : lower.end()]
            stop = lower.end()
    if kind and all(w.lower() in _CREED_LOWER for w in name.split()):
        kind = None  # "the Catholic Church" is a denomination
    return name, match.start("name"), stop, kind


def norm_head(head: str) -> str:
    return " ".join(head.split())


def generic_ok(match: re.Match[str]) -> bool:
    head = norm_head(match.group("head"))
    return head not in _NEEDS_MODIFIER or match.group("value") != match.group("head")


def facility_qualifiers(text: str, sentence: Sentence, found: Found, intro_year: str | None) -> dict[str, object]:
    out: dict[str, object] = {}
    if found.kind:
        out["kind"] = found.kind
    year = found.year or intro_year
    after = _YEAR_AFTER.match(text, found.end, sentence.end)
    if after:
        raw = after.group("date") or after.group("since")
        date = DATE_RE.search(raw)
        if date and parse_date(date.group()):
            year = parse_date(date.group())[:4]
    if year:
        out["point_in_time"] = year
    tail = text[found.end : sentence.end]
    capacity = _CAPACITY.search(tail)
    if capacity:
        value = parse_number(capacity.group("num"))
        mw = None if value is None else to_mw(value, capacity.group("unit"))
        if mw is not None:
            out["capacity_mw"] = tidy(mw, 3)
    height = _HEIGHT.search(tail)
    if height:
        value = parse_number(height.group("num"))
        metres = None if value is None else to_m(value, height.group("unit"))
        if metres is not None:
            out["height_m"] = tidy(metres, 3)
    return out


_BUILT_VERB = regex_cache.compile(
    r"\b(?:built|constructed|opened|established|founded|completed|gained|inaugurated|erected|commissioned|set\sup|"
    r"started|created|developed|acquired)\b"
)


def intro_year_of(sentence: Sentence) -> str | None:
    """"In 1973 a ... complex was constructed": an introductory year dates the installation only with such a verb."""
    if not _BUILT_VERB.search(sentence.text):
        return None
    body = strip_intro(sentence.text)
    intro = sentence.text[: len(sentence.text) - len(body)]
    date = DATE_RE.search(intro)
    return parse_date(date.group())[:4] if date and parse_date(date.group()) else None


def contains_subject(ctx: Context, value: str) -> bool:
    """The subject's name as words of `value` ("Port of Rosario"; "Xin Zhou ..." for Xinzhou)."""
    words = fold(value).split()
    for alias in ctx.aliases:
        parts = alias.split()
        if not parts:
            continue
        if any(words[i : i + len(parts)] == parts for i in range(len(words))):
            return True
        joined = alias.replace(" ", "")
        if any("".join(words[i : i + 2]) == joined or "".join(words[i : i + 3]) == joined for i in range(len(words))):
            return True
    return False


# Head words that make a capitalised name a landmark: "Navy Pier", "Millennium Park".
LANDMARK_HEADS = entries("landmark_heads")
_LANDMARK_HEAD = regex_cache.compile(r"\s(?P<head>" + "|".join(sorted(LANDMARK_HEADS, key=len, reverse=True)) + r")$")
_LANDMARK_PREFIX = regex_cache.compile(r"^(?P<head>Tower|Hall|Gate|Monument|Temple|Statue|Palace|Park|Arch)\sof\s")


def landmark_kind(name: str) -> str | None:
    kind = head_kind(name)
    if kind:
        return kind
    head = _LANDMARK_HEAD.search(" " + name)
    if head:
        return LANDMARK_HEADS[head.group("head")]
    prefix = _LANDMARK_PREFIX.match(name)
    return LANDMARK_HEADS[prefix.group("head")] if prefix else None
