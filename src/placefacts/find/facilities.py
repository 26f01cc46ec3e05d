"""facility: notable installations of the place — plants, mines, camps, ports, bridges, universities.

A named installation has a head word (find/data/facility_heads.txt: "Kazakhmys
Power Plant", "Port of Rosario", "Oxford Branch railway"); a generic one is a
lower-case head the text says is there ("many refineries have opened", "the
city's steel mills and blast furnaces"). Either must be placed in the subject:
its name carries the subject's name, a class noun lists it ("three private
colleges: ..."), a presence cue governs it ("home to", "the site of", "there
is"), or it "is located in the city". Where a generic and a name of the same
kind co-occur ("a power station, Kazakhmys Power Plant"), the name wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from placefacts.find.context import Candidate, Context, component
from placefacts.find.economy import AND_TAIL, chunks, cue_of_topic, subject_possessive, subject_ref, word_set
from placefacts.find.grammar import about_subject, refers_to_subject, strip_intro, topic
from placefacts.find.lexicon import entries
from placefacts.find.textutil import CAP_WORD as _CAP_WORD
from placefacts.find.textutil import NAME, Sentence, fold
from placefacts.normalise.dates import DATE_RE, parse_date
from placefacts.normalise.numbers import NUMBER, parse_number, tidy
from placefacts.normalise.units import LENGTH_UNIT, POWER_UNIT, to_m, to_mw
from placefacts.resolve.countries import country, division_country

_HEADS = entries("facility_heads")
_NAMED_HEADS = {k: v for k, v in _HEADS.items() if k[0].isupper()}
_GENERIC_HEADS = {k: v for k, v in _HEADS.items() if k[0].islower()}
_AIR = frozenset({"airport"})
# Heads that start a name: "Port of Rosario", "Universidad Laboral de Gijón", "Collegiate Church of San Juan".
_PREFIX_HEADS = {
    "Port": "port", "University": "university", "Church": "church", "Cathedral": "church", "Basilica": "church",
    "Palace": "palace", "Museum": "museum", "Castle": "castle", "Temple": "temple", "Abbey": "abbey",
    "College": "college", "School": "school", "Academy": "academy", "Institute": "institute", "Fortress": "fort",
    "Universidad": "university", "Université": "university", "Universität": "university", "Universidade": "university",
    "Università": "university", "Palacio": "palace", "Palazzo": "palace", "Palais": "palace", "Iglesia": "church",
    "Catedral": "church", "Cathédrale": "church", "Église": "church", "Museo": "museum", "Musée": "museum",
    "Museu": "museum", "Castillo": "castle", "Castello": "castle", "Château": "castle", "Estadio": "stadium",
    "Stade": "stadium", "Stadio": "stadium", "Colegio": "school", "Lycée": "school", "Basilique": "church",
    "Duomo": "church", "Fortaleza": "fort", "Mezquita": "mosque",
}
_SUFFIX = re.compile(
    r"\s(?P<head>" + "|".join(sorted((re.escape(h) for h in _NAMED_HEADS), key=len, reverse=True)) + r")$"
)
_PREFIX = re.compile(r"(?:^|\s)(?P<head>" + "|".join(_PREFIX_HEADS) + r")\s(?:\w+\s)?(?:of|de|del|di|du|des|della)\s")
_GENERIC_ALT = "|".join(sorted((re.escape(h).replace(r"\ ", r"\s") for h in _GENERIC_HEADS), key=len, reverse=True))
# Lower-case heads after a name: "Oxford Branch railway", "Odense station", "Central of Georgia Railway roundhouse complex".
_LOWER_HEAD = re.compile(
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
_MODIFIER = (
    r"(?:(?!(?:a|an|the|its|their|large|small|big|huge|giant|massive|vast|new|modern|old|former|many|several|numerous|two|only|"
    r"three|four|five|some|other|one|this|that|these|those|and|of|to|in|for|was|is|were|are|has|have|had|by|with|as|"
    r"first|second|third|fourth|fifth|[a-z]+est)\b)[a-z][a-z-]*\s)"
)
_GENERIC = re.compile(rf"(?<![\w'’-])(?P<value>(?:{_MODIFIER}(?:and\s{_MODIFIER})?){{0,3}}(?P<head>{_GENERIC_ALT}))\b")
# Generic heads too vague alone: "a plant", "the complex", "a camp", "a port" need a modifier.
_NEEDS_MODIFIER = frozenset({"plant", "plants", "complex", "camp", "mine", "mines", "port", "dam"})

_CLASS = (
    r"universities|university|colleges|college|schools|school|high\sschools|law\sschools|buildings|landmarks|"
    r"attractions|museums|churches|cathedrals|theme\sparks|amusement\sparks|stadiums|stadia|bridges|institutions|"
    r"ports|plants|mines|factories|hospitals|monuments|temples|mosques|stations|railway\sstations|castles|palaces|"
    r"forts|campuses|refineries|power\sstations|power\splants|shipyards|bases|camps|sites"
)
_CLASS_CUE = re.compile(
    rf"\b(?P<class>{_CLASS})(?:\sof\s(?:interest|note))?"
    rf"(?P<where>\s(?:in|of|within)\s(?:the\s)?(?:city|town|area|village|municipality|parish|{NAME}))?"
    rf"(?::\s|\s(?:are|were)\s(?=(?:the\s)?[A-Z][a-z])|,\s(?:including|notably|most\snotably|especially|such\sas|"
    rf"among\sthem|like)\s|\s(?:include|includes|included|including|such\sas|like)\s|,\s(?=(?:the\s)?[A-Z])|"
    rf"\s(?:are|were)\s(?:located|based|situated)\s(?:in|within)\s(?P<where2>(?:the\s)?[\w-]+(?:\s[A-Z][\w-]*)*),?\s"
    rf"(?:including|such\sas|notably|most\snotably)\s)"
)
# "Of the area's many colleges and universities, the University of Chicago, ...": the subject's, in the intro
_OWNER_INTRO = re.compile(
    rf"(?:Of|Among|In)\s(?:the\s(?:area|city|town|region|village|municipality)(?:'s|’s)|its|(?P<owner>{NAME})(?<=['’]s))\s"
    r"(?:[a-z-]+\s){0,5}$"
)
_PRESENCE = re.compile(
    r"\b(?:(?:is|was|are|were|has\sbeen|had\sbeen)\s(?:also\s)?(?:the\s)?(?:location|site|seat)\sof|(?:is|was|are|were)\s"
    r"(?:also\s)?home\sto|home\sto|(?:is|was)\s(?:also\s)?(?:the\s)?home\sof|has|have|had|hosts|hosted|houses|housed|"
    r"contains|contained|includes|included|"
    r"boasts|features|gained|acquired|[Tt]here\s(?:is|are|was|were)(?:\salso)?)\s"
)
_LOCATED_IN = re.compile(
    r"\s(?:(?:is|are|was|were)\s(?:also\s)?)?(?:located|situated|based|found)\s(?:(?:with)?in|at)\s(?P<where>(?:the\s)?[\w-]+(?:\s[A-Z][\w-]*)*)"
)
# "Scranton was founded in 1908 around the New Bullion Mine": the installation the town grew around
_GREW_AROUND = re.compile(
    r"\b(?:founded|grew|grew\sup|developed|built|established|formed|arose|sprang\sup)\s(?:[\w,]+\s){0,4}?around\s(?=(?:the\s)?[A-Z])"
)
_BUILT = re.compile(
    rf"\b(?P<det>a|an)\s(?:(?:large|small|big|huge|new|modern|major)\s)?(?P<value>(?:{_MODIFIER}(?:and\s{_MODIFIER})?){{0,3}}"
    rf"(?P<head>{_GENERIC_ALT}))\s(?:was|were)\s(?:\w+ly\s)?(?:constructed|built|opened|established|completed|commissioned|founded)\b"
)
_OPENED_MANY = re.compile(
    rf"\b(?:many|several|numerous|two|three|four|five|a\snumber\sof|new)\s(?P<value>(?:{_MODIFIER}){{0,2}}(?P<head>{_GENERIC_ALT}))"
    r"\s(?:have|has|had)?\s?(?:been\s)?(?:opened|built|constructed|established)\b"
)
_POSSESSIVE = re.compile(r"\b(?:the\s(?:city|town|village|municipality|island)(?:'s|’s)|its)\s$")
_LEAD = re.compile(
    r"(?:(?:the|a|an|one|two|three|several|many|numerous|some|adjoining|adjacent|nearby|historic|former|famous|"
    r"renowned|ancient|old|new|modern|large|small|main|also|and|its|their|present|splendid|current)\s)+"
)
# Sentences without a head word or class noun name no installation.
_HEAD_WORDS = frozenset(
    {w.lower() for h in (*_NAMED_HEADS, *_PREFIX_HEADS, *_GENERIC_HEADS) for w in h.split()[-1:]}
    | {w.lower() + "s" for h in (*_NAMED_HEADS, *_GENERIC_HEADS) for w in h.split()[-1:]}
    | {"stations", "station", "railway", "railroad", "line", "bridge", "tunnel", "furnaces", "mills", "universities",
       "colleges", "schools", "buildings", "landmarks", "attractions", "museums", "churches", "parks", "stadiums",
       "stadia", "bridges", "institutions", "ports", "plants", "mines", "factories", "hospitals", "monuments",
       "temples", "mosques", "castles", "palaces", "forts", "campuses", "refineries", "shipyards", "bases", "camps",
       "sites", "cathedrals", "sights", "structures", "birthplace", "register", "connected", "linked", "joined", "features"}
)
_YEAR_AFTER = re.compile(
    r",?\s(?:which\swas\s|was\s)?(?:first\s)?(?:opened|built|constructed|completed|inaugurated|established|founded|"
    r"commissioned|erected)\s(?:in\s)?(?P<date>[^,.;]{4,20})|[^.;]{0,60}?\bsince\s(?P<since>\d{4})\b"
)
_CAPACITY = re.compile(rf"\bcapacity\s(?:of\s)?(?P<num>{NUMBER})\s?(?P<unit>(?i:{POWER_UNIT}))\b")
_HEIGHT = re.compile(rf"\b(?P<num>{NUMBER})[\s-]?(?P<unit>(?i:{LENGTH_UNIT}))[\s-](?:tall|high)\b")


@dataclass(slots=True)
class _Found:
    value: str
    kind: str
    start: int
    end: int
    named: bool
    year: str | None = None


def _kind(name: str) -> str | None:
    """The kind of a named installation from its head word, or None."""
    suffix = _SUFFIX.search(" " + name)
    if suffix:
        return _NAMED_HEADS[suffix.group("head")]
    prefix = _PREFIX.search(name)
    if prefix:
        return _PREFIX_HEADS[prefix.group("head")]
    return None


_NAME_RE = re.compile(rf"(?:The\s|the\s)?(?P<name>{NAME}(?:\sat\s{NAME})?)")


_PART_OF = re.compile(r"(?:[a-z]+\s){1,3}of\s(?:the\s)?(?=[A-Z])")


_AND_HEAD = re.compile(rf"\sand\s((?:{_CAP_WORD}\s)?{_CAP_WORD})(?![\w-])(?!\s(?:and|of)\s)(?!\s[A-Z])")
_SINGLE_HEADS = frozenset(h for h in _NAMED_HEADS if " " not in h)


def _first_of_run(name: str) -> str:
    """"Chaotian Temple Beigang Tourist Bridge": two names run together where a list lost its commas."""
    words = name.split()
    for i in range(1, len(words) - 2):
        if words[i] in _SINGLE_HEADS and words[i + 1][:1].isupper() and _kind(" ".join(words[i + 1 :])):
            return " ".join(words[: i + 1])
    return name


_AND_ACRONYM = re.compile(r"\sand\s(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+(?=\s\([A-Z]{2,}\))")
_TRAILING_WORD = re.compile(r"\s(?:As|In|On|At|The|A|It|This|By|For|From|With|After|During|Since|Today)$")


def _name_at(text: str, pos: int, end: int) -> tuple[str, int, int, str | None] | None:
    """A facility name at `pos` (with a following lower-case head): value, start, end, kind."""
    match = _NAME_RE.match(text, pos, end)
    if not match:
        return None
    name = match.group("name")
    joined = AND_TAIL.match(text, match.end("name"), end)
    if joined and " of " in name:
        name = text[match.start("name") : joined.end()]  # "Telfair Academy of Arts and Sciences"
    if " at " in name and not _kind(name.split(" at ")[0]):
        name = name.split(" at ")[0]  # only "University of Alabama at Birmingham" joins
    name = _first_of_run(name)
    acronym = _AND_ACRONYM.match(text, match.start("name") + len(name), end)
    if acronym and " of " in name:
        name = text[match.start("name") : acronym.end()]  # "National Institute of Policy and Strategic Studies (NIPSS)"
    trailing = _TRAILING_WORD.search(name)
    if trailing and len(name.split()) > 2:
        name = name[: trailing.start()]  # "Crescent High School As of the census": a lost full stop
    joined_head = _AND_HEAD.match(text, match.start("name") + len(name), end)
    if joined_head and len(name.split()) <= 2 and _kind(name) is None and _kind(joined_head.group(1)):
        name = text[match.start("name") : joined_head.end()]  # "the National Science and Media Museum"
    stop = match.start("name") + len(name)
    kind = _kind(name)
    if kind is None:
        lower = _LOWER_HEAD.match(text, stop, end)
        if lower:
            head = lower.group("head")
            last = head.split()[-1]
            kind = _LOWER_KIND.get(head) or _GENERIC_HEADS.get(head) or _LOWER_KIND.get(last) or _GENERIC_HEADS.get(last) or last
            name = text[match.start("name") : lower.end()]
            stop = lower.end()
    if kind and all(w.lower() in _CREED_LOWER for w in name.split()):
        kind = None  # "the Catholic Church" is a denomination
    return name, match.start("name"), stop, kind


def _named_only(pending: _Found | None) -> Iterator[_Found]:
    """A name with a lower-case head ("the Sainte Rose-de-Lima church") that no bare name follows stands alone."""
    if pending is not None and pending.value[:1].isupper():
        yield _Found(pending.value, pending.kind, pending.start, pending.end, True)


def _flush(pending: _Found | None) -> Iterator[_Found]:
    """A pending generic ("a power station") or name with a lower-case head, when no name follows it."""
    if pending is not None:
        yield from _named_only(pending) if pending.value[:1].isupper() else (pending,)


def _join_shared_heads(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"the National Science and Media Museum" is one name: a short headless name joined by "and" to a short named one."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and text[out[-1][1] : a] == " and ":
            left = text[out[-1][0] : out[-1][1]]
            lead = _LEAD.match(left)
            left = left[lead.end() :] if lead else left
            right = text[a:b].rstrip(" .")
            if _SHORT_NAME.fullmatch(left) and _kind(left) is None and _SHORT_NAME.fullmatch(right) and \
                    (_kind(right) or _landmark_kind(right)):
                out[-1] = (out[-1][0], b)
                continue
        out.append((a, b))
    return out


_SHORT_NAME = re.compile(rf"{_CAP_WORD}(?:\s{_CAP_WORD})?|{_CAP_WORD}(?:\s{_CAP_WORD})?\s{_CAP_WORD}")


def _from_list(text: str, pos: int, end: int, class_kind: str | None) -> Iterator[_Found]:
    """Installations listed from `pos`; a generic followed by a name is that name ("a labor camp, Kengir")."""
    pending: _Found | None = None
    for a, b in _join_shared_heads(text, chunks(text, pos, end)):
        lead = _LEAD.match(text, a, b)
        begin = lead.end() if lead else a
        part = _PART_OF.match(text, begin, b)
        if part:
            inner = _name_at(text, part.end(), b)
            if inner and inner[3] and inner[3] not in _AIR:
                begin = part.end()  # "the east portal of the Hoosac Tunnel"
        birth = _BIRTHPLACE_ITEM.match(text, begin, b)
        if birth:
            # "The village contains the birthplace of Scottish poet Robert Burns": a house of the place
            yield from _flush(pending)
            pending = None
            yield _Found(f"birthplace of {birth.group('person')}", "historic house", birth.start(), birth.end(), True)
            continue
        one_of = _ONE_OF.match(text, a, b) or _ONE_OF.match(text, begin, b)
        if one_of:
            begin = one_of.end()  # "one of the world's largest zinc refineries"
        named = _name_at(text, begin, b)
        if not named or named[1] != begin and text[begin:named[1]].strip() not in ("", "the"):
            described = _DESCRIBED.match(text, begin, b)
            inner = _name_at(text, described.end(), b) if described else None
            if inner and inner[3] and inner[3] not in _AIR and inner[1] == described.end() and not _GENERIC.match(text, begin, b):
                named = inner  # "research and development leaders Carnegie Mellon University"
        if named and named[1] == begin or (named and text[begin:named[1]].strip() in ("", "the")) or \
                (named and named[3] and _DESCRIBED.fullmatch(text, begin, named[1])):
            value, start, stop, kind = named
            particle = re.search(r"\b(?:de|van|von|da|di|du|del|della|le|la|al|el)\s$", text[begin : named[1]])
            if particle:
                value, start = text[particle.start() : stop], particle.start()  # "the de Young Museum"
            if len(value) < 4 or value in ("St.", "Mt.") or (kind is None and (country(value) or division_country(value))):
                continue
            if kind in _AIR or not _ENDS_ITEM.match(text, stop, b):
                yield from _named_only(pending)
                pending = None  # "the Gothic royal chapel of ...": the name is a modifier, not the item
                continue
            if kind is None and pending is not None:
                kind = pending.kind  # "a Gulag labor camp, Kengir"
            elif (kind is None and (class_kind is None or class_kind in _BROAD)) or value.endswith(("'s", "’s")):
                yield from _named_only(pending)
                pending = None
                continue
            if kind is not None and pending is not None and pending.named is False and _family(kind) == _family(pending.kind):
                pending = None  # "a power station, Kazakhmys Power Plant"
            yield from _flush(pending)
            pending = None
            found = _Found(value, kind or class_kind or "", start, stop, True)
            if kind is not None and found.value.split()[-1].islower() and text[stop:b].strip() == "":
                # "Gulag labor camp": a name with a lower-case head may itself be the generic before a name
                pending = _Found(value, kind, start, stop, False)
                continue
            yield found
            continue
        generic = _GENERIC.search(text, begin, b)
        yield from _flush(pending)
        pending = None
        if generic and generic.start() == begin and _generic_ok(generic):
            value = _singular(generic.group("value")) if one_of else generic.group("value")
            pending = _Found(value, _GENERIC_HEADS[_norm(generic.group("head"))], generic.start(), generic.end(), False)
    yield from _flush(pending)


_ONE_OF = re.compile(
    r"(?:one|two|three|some)\sof\s(?:the\s)?(?:(?:world|country|nation|region|state|continent|area|city|town|"
    r"[A-Z][\w-]*)(?:'s|’s)\s)?(?:(?:[a-z]+est|most\s[a-z]+|largest|biggest|main|major|few|best-known)\s){1,2}"
)
# Lower-case words before a listed name, none of them a preposition: "research and development leaders X University"
_DESCRIBED = re.compile(
    r"(?:(?!(?:of|in|at|from|near|to|into|for|by|with|on|as|former|formerly|now|or|and|than|but|if|so|not|which|that|"
    r"who|is|are|was|were|it|its|their|has|have|had)\b)[a-z][\w-]*\s){1,5}(?:the\s)?"
)


def _singular(value: str) -> str:
    """"zinc refineries" -> "zinc refinery" (one of the world's largest ...)."""
    words = value.split(" ")
    last = words[-1]
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "works")):
        last = last[:-1]
    return " ".join([*words[:-1], last])


# What may follow a listed name in its chunk: nothing, a parenthetical, or a clause about it.
_ENDS_ITEM = re.compile(
    r"\s*[.!?\"”]?\s*$|\s?\(|\s?[,;:—–-]|\s(?:in|on|at|of|which|that|where|located|built|founded|opened|near|with|for|by|"
    r"designed|completed|was|is|are|were|has|had|whose|who|since|from|to|as|named|known|also)\b"
)
# Class nouns too broad to make a bare name an installation ("attractions such as ... Marriage Island").
_BROAD = frozenset({"attraction", "landmark", "site", "institution", "monument"})
_FAMILY = {"power station": "power plant", "plant": "power plant", "harbour": "port"}


def _family(kind: str) -> str:
    return _FAMILY.get(kind, kind)


def _norm(head: str) -> str:
    return " ".join(head.split())


def _generic_ok(match: re.Match[str]) -> bool:
    head = _norm(match.group("head"))
    return head not in _NEEDS_MODIFIER or match.group("value") != match.group("head")


def _distribute(items: list[tuple[str, int, int, str | None]]) -> list[tuple[str, int, int, str | None]]:
    """"Jefferson State and Lawson State Community Colleges": the plural head belongs to each."""
    last = items[-1][0]
    plural = re.search(r"\s((?:[A-Z][a-z]+\s)?(?:Colleges|Universities|Schools|Hospitals|Bridges|Churches|Museums))$", last)
    if not plural:
        return items
    head = plural.group(1)
    singular = head[:-3] + "y" if head.endswith("ies") else head[:-2] if head.endswith("ches") else head[:-1]
    out = []
    for value, start, stop, _ in items:
        value = value[: -len(head)] + singular if value.endswith(head) else f"{value} {singular}"
        out.append((value, start, stop, _kind(value)))
    return out


def _qualifiers(text: str, sentence: Sentence, found: _Found, intro_year: str | None) -> dict[str, object]:
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


_OF_LOWER = re.compile(r"\sof\s[a-z]")
_BUILT_VERB = re.compile(
    r"\b(?:built|constructed|opened|established|founded|completed|gained|inaugurated|erected|commissioned|set\sup|"
    r"started|created|developed|acquired)\b"
)


def _intro_year(sentence: Sentence) -> str | None:
    """"In 1973 a ... complex was constructed": an introductory year dates the installation only with such a verb."""
    if not _BUILT_VERB.search(sentence.text):
        return None
    body = strip_intro(sentence.text)
    intro = sentence.text[: len(sentence.text) - len(body)]
    date = DATE_RE.search(intro)
    return parse_date(date.group())[:4] if date and parse_date(date.group()) else None


def _contains_subject(ctx: Context, value: str) -> bool:
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


# ---------------------------------------------------------------- landmark lists
# "Landmarks in the city include A, B, the C, and D"; "Popular attractions include "A", a long beach; B, a
# riverfront parkland; ...": each named item is an installation of the place; its kind comes from its head word,
# from its apposition ("a large tropical aquarium"), or is the list's own ("landmark").

_LANDMARK_CLASS = re.compile(
    r"\b(?P<class>(?i:landmarks|attractions|sights|buildings|structures|places\sof\sinterest|points\sof\sinterest|"
    r"tourist\sspots|monuments|features))\b"
    r"(?P<where>\s(?:in|of|around)\s(?:the\s)?(?:city|town|village|area|municipality|island|"
    rf"{NAME}))?"
    r"(?:,?\s(?:such\sas|including|like|among\sthem|notably|especially)\s|\s(?:include|includes|included)\s|"
    r"\s(?:are|were)\s(?=(?:the\s)?[\"“A-Z])|:\s)"
)
# Head words that make a capitalised name a landmark: "Navy Pier", "Millennium Park", "Fisherman's Wharf".
_LANDMARK_HEADS = {
    "Park": "park", "Parklands": "park", "Pier": "pier", "Tower": "tower", "Towers": "tower", "Gardens": "garden",
    "Garden": "garden", "Square": "square", "Plaza": "square", "Market": "market", "Bazaar": "market",
    "Hall": "hall", "House": "house", "Centre": "centre", "Center": "centre", "Wharf": "wharf", "Sanctuary": "sanctuary",
    "Reserve": "reserve", "Field": "stadium", "Racetrack": "racecourse", "Studios": "studio", "Building": "building",
    "Buildings": "building", "Memorial": "memorial", "Monument": "monument", "Statue": "statue", "Fountain": "fountain",
    "Gate": "gate", "Arch": "arch", "Mausoleum": "mausoleum", "Ruins": "ruins", "Walk": "promenade",
    "Riverwalk": "promenade", "Boardwalk": "promenade", "Promenade": "promenade", "Coliseum": "arena",
    "Colosseum": "arena", "Amphitheatre": "amphitheatre", "Amphitheater": "amphitheatre", "Mall": "shopping centre",
    "Theatre": "theatre", "Theater": "theatre", "Campus": "campus", "Hotel": "hotel", "Mill": "mill",
    "Cemetery": "cemetery", "Lighthouse": "lighthouse", "Aquarium": "aquarium", "Zoo": "zoo", "Dome": "building",
    "Pavilion": "pavilion", "Stadium": "stadium", "Arena": "arena", "Bridge": "bridge", "Tunnel": "tunnel",
    "Baths": "baths", "Wall": "wall", "Walls": "wall", "Gallery": "museum", "Library": "library", "Castle": "castle",
    "Palace": "palace", "Fort": "fort", "Fortress": "fort", "Temple": "temple", "Church": "church",
    "Cathedral": "church", "Mosque": "mosque", "Shrine": "shrine", "Museum": "museum", "Observatory": "observatory",
    "Pagoda": "temple", "Minaret": "tower", "Clock Tower": "tower", "Opera House": "theatre", "Home": "house",
    "Homestead": "house", "Farmhouse": "house", "Courthouse": "courthouse", "Schoolhouse": "school",
    "Depot": "railway station", "Armory": "armory", "Inn": "inn", "Tavern": "inn", "Office": "building",
}
_LANDMARK_HEAD = re.compile(r"\s(?P<head>" + "|".join(sorted(_LANDMARK_HEADS, key=len, reverse=True)) + r")$")
_LANDMARK_PREFIX = re.compile(r"^(?P<head>Tower|Hall|Gate|Monument|Temple|Statue|Palace|Park|Arch)\sof\s")
# Natural features, districts, events, performing companies and teams are no installation.
_NOT_LANDMARK = re.compile(
    r"\b(?:Island|Islands|Isle|Hill|Hills|Mountain|Mountains|Mount|Mt\.?|River|Lake|Bay|Creek|Valley|Falls|Cape|Point|"
    r"Peninsula|Beach|Coast|Sea|Ocean|Gorge|Canyon|Cave|Caves|Glacier|Volcano|Desert|Forest|Springs|Delta|Reef|"
    r"District|Quarter|Chinatown|Neighbourhood|Neighborhood|Downtown|Old\sTown|Walled\sCity|Festival|Race|"
    r"Championship|Championships|Bowl|Cup|Games|Open|Tournament|Show|Fair|Carnival|Parade|Week|Marathon|Classic|"
    r"Ballet|Symphony|Orchestra|Opera|Philharmonic|Company|Team|Club|FC|League|Stage|Series|"
    r"Awards?|Prize|Highway|Road|Street|Avenue|Route|Trail|Lane|Scar|Cove|Tarn|Crag|Rock|Rocks|Pass|Glen|Dale|Moor|"
    r"Fell|Pike|Wetlands?|Marsh|Swamp|Dunes|Heights)$|^(?:Mount|Mt\.?|Lake|Cape|Isle|Carnival|Festival|Feast|Fiesta)\s"
)
# Nouns of an apposition that say what a listed name is: "Reef HQ, a large tropical aquarium ...".
_APPOSITION_KINDS = {
    "aquarium": "aquarium", "museum": "museum", "park": "park", "parkland": "park", "garden": "garden",
    "gardens": "garden", "zoo": "zoo", "tower": "tower", "memorial": "memorial", "monument": "monument",
    "building": "building", "church": "church", "cathedral": "church", "temple": "temple", "mosque": "mosque",
    "shrine": "shrine", "palace": "palace", "castle": "castle", "fort": "fort", "fortress": "fort",
    "theatre": "theatre", "theater": "theatre", "market": "market", "stadium": "stadium", "arena": "arena",
    "bridge": "bridge", "pier": "pier", "square": "square", "beach": "beach", "promenade": "promenade",
    "strip": "promenade", "reserve": "reserve", "sanctuary": "sanctuary", "hotel": "hotel", "mall": "shopping centre",
    "library": "library", "gallery": "museum", "observatory": "observatory", "lighthouse": "lighthouse",
    "mausoleum": "mausoleum", "statue": "statue", "amphitheatre": "amphitheatre", "amphitheater": "amphitheatre",
    "racecourse": "racecourse", "racetrack": "racecourse", "mansion": "house", "house": "house", "hall": "hall",
    "complex": "complex", "centre": "centre", "center": "centre", "attraction": "attraction", "landmark": "landmark",
    "venue": "venue", "plaza": "square", "fountain": "fountain", "gate": "gate", "wharf": "wharf",
}
_NATURAL_NOUN = re.compile(
    r"\b(?:island|islands|hill|hills|mountain|mountains|river|lake|bay|creek|valley|waterfall|falls|cape|peninsula|"
    r"volcano|cave|glacier|forest|reef|suburb|neighbou?rhood|district|festival|event|team|race|championship)\b"
)
_APPOSITION = re.compile(r",?\s(?:(?:an?|the|one\sof\sthe)\s)(?P<desc>[^,;()]{2,90})")
_BIRTHPLACE_ITEM = re.compile(
    rf"(?:the\s)?(?:birthplace|birth\splace|childhood\shome)\sof\s(?:(?!(?:van|von|de|da|del|di|du|la|le|bin|ibn|al|el)\s)(?:[a-z]+|[A-Z][a-z]+(?=\s(?!(?:van|von|de|da|del|di|du|la|le|bin|ibn|al|el)\s)[a-z]))\s){{0,3}}(?P<person>{NAME})"
)
_QUOTE = "\"“”'‘’"


def _landmark_parts(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """The items of a landmark list: ';'-separated where the list uses semicolons, else ',' and 'and'."""
    region = text[pos:end]
    if region.count(";") >= 1 and re.search(r";\s(?:and\s)?(?:the\s)?[\"“A-Z]", region):
        out = []
        for part in re.finditer(r"[^;]+", region):
            a, b = pos + part.start(), pos + part.end()
            out.append((a, b))
        return out
    return _join_shared_heads(text, _split_outside(text, pos, end))


_ITEM_SEP = re.compile(r",\s(?:and\s|as\swell\sas\s|or\s)?|\s(?:and|as\swell\sas)\s|—")


def _split_outside(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """Comma/and chunks outside parentheses up to the end of the clause."""
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
            if c == ";":
                break
            sep = _ITEM_SEP.match(text, i, end)
            if sep and sep.group() == " and " and _OF_AND.search(text, start, i) and AND_TAIL.match(text, i, end):
                sep = None  # "Museum of Science and Industry" is one name
            if sep:
                out.append((start, i))
                start = i = sep.end()
                continue
        i += 1
    out.append((start, i))
    return out


_OF_AND = re.compile(r"\sof\s(?:the\s)?(?:[A-Z][\w'’-]*\s){0,2}[A-Z][\w'’-]*$")
_LANDMARK_LEAD = re.compile(
    r"(?:(?:and|the|The|a|an|its|their|several|many|numerous|famous|renowned|historic|historical|iconic|former|old|"
    r"ancient|new|modern|popular|world-famous|world\sheritage-listed|World\sHeritage-listed|listed|restored|"
    r"resurrected|nearby|adjacent|also|the\sso-called|so-called)\s)+"
)


def _landmark_kind(name: str) -> str | None:
    kind = _kind(name)
    if kind:
        return kind
    head = _LANDMARK_HEAD.search(" " + name)
    if head:
        return _LANDMARK_HEADS[head.group("head")]
    prefix = _LANDMARK_PREFIX.match(name)
    return _LANDMARK_HEADS[prefix.group("head")] if prefix else None


def _apposition_kind(desc: str) -> str | None:
    """"a large tropical aquarium holding ..." -> "aquarium"; "a large neighbouring island" -> "" (not one)."""
    words = re.findall(r"[a-z]+", desc.split(" of ")[0].split(" which ")[0].split(" that ")[0].lower())
    for word in words[:6]:
        if _NATURAL_NOUN.fullmatch(word):
            return ""
        if word in _APPOSITION_KINDS:
            return _APPOSITION_KINDS[word]
    return None


def _landmarks(ctx: Context, text: str, pos: int, end: int) -> Iterator[_Found]:
    """Installations named in a landmark or attraction list from `pos`."""
    parts = _landmark_parts(text, pos, end)
    found: list[_Found] = []
    for index, (a, b) in enumerate(parts):
        if re.search(r"\b(?:including|such\sas|among\sthem)\b", text[a:b]):
            break  # "..., and a number of waterfalls including ...": another list
        lead = _LANDMARK_LEAD.match(text, a, b)
        begin = lead.end() if lead else a
        while begin < b and text[begin] in _QUOTE + " ":
            begin += 1
        birth = _BIRTHPLACE_ITEM.match(text, begin, b)
        if birth:
            value = f"birthplace of {birth.group('person')}"
            found.append(_Found(value, "historic house", birth.start(), birth.end(), True))
            continue
        if found and re.match(r"(?:an?|one\sof\sthe)\s[a-z]", text[a:b].lstrip()):
            kind = _apposition_kind(text[a:b].lstrip())
            if kind == "":
                found.pop()  # "Magnetic Island, a large neighbouring island"
            elif kind and found[-1].kind == "landmark":
                found[-1].kind = kind
            continue
        named = _name_at(text, begin, b)
        if not named or text[begin : named[1]] not in ("", "The ", "the "):
            continue
        value, start, stop, kind = named
        if country(value) or division_country(value) or (index and _IN_NAME_END.search(text[parts[index - 1][0] : parts[index - 1][1]])
                                                          and text[parts[index - 1][1] : a] == ", " and _landmark_kind(value) is None):
            continue  # "... Clock Tower in London, England": the qualifier of a place, not an item
        plural = re.match(r"\s(?P<head>mosques|palaces|churches|temples|castles|towers|museums|gardens|bridges|halls)\b", text[stop:b])
        if plural:
            head = plural.group("head")
            singular = head[:-3] if head.endswith("ches") else head[:-1]
            value, stop = f"{value} {singular}", stop + plural.end()
            kind = _GENERIC_HEADS.get(singular) or _LANDMARK_HEADS.get(singular.capitalize())
            if found and found[-1].kind == "landmark" and text[found[-1].end : a].strip() == "and" and " " not in found[-1].value:
                found[-1].value += f" {singular}"  # "the Amalienborg and Christiansborg palaces"
                found[-1].kind = kind or "landmark"
        joined = _PAREN_THEN_NAME.match(text[stop:b])
        if joined and _landmark_kind(value + " " + joined.group(1)):
            value = value + " " + joined.group(1)  # "the Willis (Sears) Tower"
            stop += joined.end()
            kind = _kind(value)
        weak = _landmark_kind(value) if kind is None else None
        rest = text[stop:b]
        while rest[:1] in _QUOTE and rest:
            rest = rest[1:]
        rest_clean = _PAREN_RE.sub("", rest, count=1)
        if re.match(r"\s?\((?:[A-Z]{2,5}|[A-Z][a-z]+\s[A-Z]{2,5})\)", rest):
            continue  # "the Carolina Panthers (NFL)": a team
        apposition = _APPOSITION.match(rest_clean)
        if apposition:
            desc_kind = _apposition_kind(apposition.group("desc"))
            if desc_kind == "":
                continue
            kind = kind or desc_kind or weak
        elif rest_clean.strip(" .\"”") and not re.match(r",?\s(?:in|on|at|near|which|that|located|built|opened|"
                                                       r"designed|completed|dating|founded|(?:is|was)\s)", rest_clean):
            continue  # "Saw Mill River daylighting": the name modifies something else
        kind = kind or weak
        if _NOT_LANDMARK.search(value) and not _kind(value):
            continue
        if value.endswith(("'s", "’s")) or len(value) < 3 or ctx.is_subject(value):
            continue
        if kind is None and (len(value.split()) == 2 and _looks_personal(value)):
            continue
        found.append(_Found(value, kind or "landmark", start, stop, True))
    yield from found


_PAREN_RE = re.compile(r"\s?\([^()]*\)")
_LANDMARK_WORDS = frozenset({"landmarks", "attractions", "buildings", "monuments"})
_FIRST_NAMES = frozenset(
    "John James William George Charles Thomas Robert Henry Edward Richard Joseph Mary Elizabeth Anne Margaret "
    "Sarah Jane David Michael Peter Paul Mark Andrew Samuel Benjamin Frederick Albert Alexander".split()
)


def _looks_personal(value: str) -> bool:
    return value.split()[0] in _FIRST_NAMES


_OWNER_AT = re.compile(rf"(?:(?:the\s|The\s)?(?P<owner>{NAME})(?<=['’]s)\s|Its\s|its\s|The\s(?:city|town|village|area)(?:'s|’s)\s)?")
_IN_NAME_END = re.compile(rf"\sin\s{NAME}\s*$")
_PAREN_THEN_NAME = re.compile(rf"\s\([^()]*\)\s((?:{_CAP_WORD}\s)*{_CAP_WORD})(?![\w'’-])")
_IN_NAME = re.compile(rf"\bin\s({NAME})\s")


def _landmark_owner_ok(ctx: Context, sentence: Sentence, match: re.Match[str], about: bool | None) -> bool:
    """Whose landmarks: the subject's ("Landmarks in the city include", "Tehran's landmarks", "It is home to
    numerous landmarks, including") — not "the landmarks of Paris" in another town's article."""
    where = match.group("where")
    if where:
        place = where.split(" ", 2)[-1] if where.strip().split()[0] in ("in", "of", "around") else where
        place = re.sub(r"^(?:in|of|around)\s(?:the\s)?", "", where.strip())
        return subject_ref(ctx, place) or subject_ref(ctx, "the " + place)
    text = ctx.text
    body = strip_intro(sentence.text)
    body_start = sentence.end - len(body)
    before = text[body_start : match.start()]
    if about is True and cue_of_topic(sentence, match.start()):
        return True
    owner = _OWNER_AT.match(before)
    if owner and owner.group("owner") and not refers_to_subject(owner.group("owner")[:-2], ctx.aliases):
        return False
    rest = before[owner.end() if owner else 0 :]
    # only adjectives before the class noun: "Popular attractions include", "Other notable attractions include"
    return bool(re.fullmatch(r"(?:(?:[A-Z][a-z]+|[a-z]+|[a-z]+-[a-z]+)\s(?:and\s)?){0,4}", rest)) and not re.search(
        r"\b(?:nearby|near|neighbouring|neighboring|surrounding|other\scities|region(?:al)?)\b", rest, re.IGNORECASE
    )


_HEAD_ONLY = _HEAD_WORDS | {h.lower() for h in _NAMED_HEADS}
_ANY_HEAD = _HEAD_ONLY | {h.lower() for h in _LANDMARK_HEADS} | {"centre", "center", "hospital", "campus"}
_CLASS_GATE = frozenset(w for alt in _CLASS.split("|") for w in [alt.split("\\s")[-1]])
_CONNECTED_GATE = frozenset({"connected", "linked", "joined", "connects", "links"})
_LANDMARK_GATE = frozenset({"landmarks", "attractions", "sights", "buildings", "structures", "interest", "spots", "monuments",
                            "features"})


def _sentence_facilities(ctx: Context, sentence: Sentence) -> Iterator[_Found]:
    text = ctx.text
    words = word_set(sentence.text)
    about = about_subject(sentence.text, ctx.aliases)
    there = bool(re.match(r"[Tt]here\s(?:is|are|was|were)\b", strip_intro(sentence.text)))
    # Names that carry the subject's name: "Port of Rosario", "Agra Fort", "Birmingham School of Law".
    for match in _NAME_RE.finditer(text, sentence.start, sentence.end):
        named = _name_at(text, match.start(), sentence.end)
        if text[max(0, match.start() - 1) : match.start()] == "(":
            continue  # "Xin Zhou Yi Zhong Xue (Xin Zhou Number One High School)": the same installation
        if named and _OF_LOWER.match(text, named[2], sentence.end):
            continue  # "the Chicago School of architecture": a style, not an installation
        if named and named[3] and named[3] not in _AIR and _contains_subject(ctx, named[0]):
            if not ctx.is_subject(named[0]):
                yield _Found(named[0], named[3], named[1], named[2], True)
    # "the city's steel mills and blast furnaces", "the town's harbour and main commercial port"
    possessive = "'s " in sentence.text or "’s " in sentence.text or "its " in sentence.text
    for match in _GENERIC.finditer(text, sentence.start, sentence.end) if possessive else ():
        owner = _POSSESSIVE.search(text, max(sentence.start, match.start() - 20), match.start())
        if not owner:
            continue
        if owner.group().startswith("its") and not ((about is True or about is None and subject_possessive(ctx, sentence))
                                                    and cue_of_topic(sentence, owner.start())):
            continue  # "Potosí in Bolivia, which was famous for its silver mines": another place's
        for found in _from_list(text, match.start(), sentence.end, None):
            if not found.named:
                yield found
    for match in _LOCATED_IN.finditer(text, sentence.start, sentence.end):
        where = match.group("where")
        if not subject_ref(ctx, where) and not subject_ref(ctx, where.split(" ")[0]):
            continue
        before = strip_intro(text[sentence.start : match.start()])
        start = match.start() - len(before)
        items = []
        for chunk_start, chunk_end in chunks(text, start, match.start()):
            lead = _LEAD.match(text, chunk_start, chunk_end)
            named = _name_at(text, lead.end() if lead else chunk_start, chunk_end)
            if named:
                items.append(named)
        if items:
            for value, begin, stop, kind in _distribute(items):
                if kind and kind not in _AIR:
                    yield _Found(value, kind, begin, max(stop, match.end()), True)
    yield from _crossings(ctx, sentence, about)
    if about is not False and "around" in sentence.text:
        for match in _GREW_AROUND.finditer(text, sentence.start, sentence.end):
            if not cue_of_topic(sentence, match.start()):
                continue
            named = _name_at(text, match.end(), sentence.end)
            if named and named[3] and named[3] not in _AIR:
                yield _Found(named[0], named[3], named[1], named[2], True)
    yield from _is_the_head(ctx, sentence)
    register = list(_historic_register(ctx, sentence, about))
    yield from register
    landmark_lists = []
    for match in _LANDMARK_CLASS.finditer(text, sentence.start, sentence.end) if words & _LANDMARK_GATE else ():
        if _landmark_owner_ok(ctx, sentence, match, about):
            landmark_lists.append(match)
            yield from _landmarks(ctx, text, match.end(), sentence.end)
    if about is False and not there:
        for match in _CLASS_CUE.finditer(text, sentence.start, sentence.end) if words & _CLASS_GATE else ():
            if landmark_lists or match.group("class") in _LANDMARK_WORDS or not _class_where_ok(ctx, match):
                continue
            owner = _OWNER_INTRO.search(text, sentence.start, match.start())
            if owner and owner.group("owner") and not refers_to_subject(owner.group("owner")[:-2], ctx.aliases):
                owner = None
            if owner or _where(match) or re.match(r"(?:These|Those|Such|Its|The\s(?:city|town)(?:'s|’s))\b", strip_intro(sentence.text)):
                yield from _from_list(text, match.end(), sentence.end, _class_kind(match.group("class")))
        return
    for match in _CLASS_CUE.finditer(text, sentence.start, sentence.end) if words & _CLASS_GATE else ():
        if any(m.start() <= match.start() < m.end() + 5 for m in landmark_lists) or not _class_where_ok(ctx, match):
            continue
        yield from _from_list(text, match.end(), sentence.end, _class_kind(match.group("class")))
    for match in _PRESENCE.finditer(text, sentence.start, sentence.end):
        if register:
            break  # "home to three homes on the National Register of Historic Places: ..." is read above
        sentence_there = match.group().lower().startswith("there")
        if not (sentence_there or (about is True and cue_of_topic(sentence, match.start()))):
            continue
        cue = _CLASS_CUE.search(text, match.end(), min(sentence.end, match.end() + 60))
        if cue and _class_where_ok(ctx, cue):
            continue  # "has attractions such as ...": the class noun's list
        region = text[match.end() : sentence.end]
        if ";" in region and re.search(r";\s(?:and\s)?(?:the\s)?[A-Z]", region):
            # "home to the X School of Law, New Hampshire's only law school; St. Paul's School, a private school; ..."
            for part in re.finditer(r"[^;]+", region):
                yield from _from_list(text, match.end() + part.start(), match.end() + part.end(), None)
        else:
            yield from _from_list(text, match.end(), sentence.end, None)
    # "In 1973 a large mining and metallurgical complex was constructed", "many refineries have opened"
    for cue in (_BUILT, _OPENED_MANY):
        for match in cue.finditer(text, sentence.start, sentence.end):
            if _generic_ok(match):
                yield _Found(match.group("value"), _GENERIC_HEADS[_norm(match.group("head"))], match.start("value"), match.end(), False)


_REGISTER_AFTER = re.compile(
    r"\s(?:is|are|was|were)\s(?:all\s|also\s|each\s|now\s)?(?:listed|placed|added|included|registered)\s(?:on|to|in)\s"
    r"(?:the\s)?(?:National\sRegister\sof\sHistoric\sPlaces|NRHP)"
)
_REGISTER_BEFORE = re.compile(
    r"\b(?:on|to|in)\s(?:the\s)?(?:National\sRegister\sof\sHistoric\sPlaces|NRHP)(?:,?\s(?:including|such\sas)\s|:\s)"
)


def _historic_register(ctx: Context, sentence: Sentence, about: bool | None) -> Iterator[_Found]:
    """"A House, B Church and C Mill are listed on the National Register of Historic Places"; "... on the National
    Register of Historic Places: A, B and C". Only items whose head says what they are; districts are areas."""
    text = ctx.text
    if "Register" not in sentence.text and "NRHP" not in sentence.text:
        return
    spans: list[tuple[int, int]] = []
    for match in _REGISTER_AFTER.finditer(text, sentence.start, sentence.end):
        body = strip_intro(text[sentence.start : match.start()])
        spans.append((match.start() - len(body), match.start()))
    for match in _REGISTER_BEFORE.finditer(text, sentence.start, sentence.end):
        before = text[sentence.start : match.start()]
        place = _IN_NAME.search(before)
        if (place and subject_ref(ctx, place.group(1))) or (not place and about is True):
            spans.append((match.end(), sentence.end))
    for start, end in spans:
        for a, b in _join_shared_heads(text, chunks(text, start, end)):
            lead = _LEAD.match(text, a, b)
            begin = lead.end() if lead else a
            named = _name_at(text, begin, b)
            if not named or named[1] != begin or not _ENDS_ITEM.match(text, named[2], b):
                continue
            value, begin, stop, kind = named
            kind = kind or _landmark_kind(value)
            if kind and kind not in _AIR and not re.search(r"\bHistoric\sDistrict$|\bDistrict$", value):
                yield _Found(value, kind, begin, stop, True)


_CONNECTED = re.compile(r"\b(?:connected|linked|joined|connects|links)\b")
_CROSSING = re.compile(rf"(?:\bby|\bvia|\bthrough|\band|,)\s(?:the\s)?(?P<name>{NAME})")
_CROSSING_KINDS = frozenset({"bridge", "tunnel", "causeway"})
# "The LUKOIL Neftochim Burgas is the largest oil refinery in southeastern Europe"
_IS_THE_HEAD = re.compile(
    r"\s(?:is|was|remains)\s(?:also\s)?(?:one\sof\s)?the\s"
    rf"(?:(?:[a-z]+est|largest|biggest|main|only|oldest|major|principal|most\s[a-z]+)\s){{1,2}}"
    rf"(?P<head>(?:{_MODIFIER}){{0,2}}(?:{_GENERIC_ALT}|steelworks))\b"
)
_NAME_BEFORE = re.compile(rf"(?:^|\s)(?:the\s|The\s)?(?P<name>{NAME})$")


def _crossings(ctx: Context, sentence: Sentence, about: bool | None) -> Iterator[_Found]:
    """"Tromsøya is connected to the mainland by the Tromsø Bridge and the Tromsøysund Tunnel": the bridges and
    tunnels that connect the subject, or a part of it (its island, its centre), are its installations."""
    text = ctx.text
    if not word_set(sentence.text) & _CONNECTED_GATE:
        return
    cue = _CONNECTED.search(sentence.text)
    if not cue:
        return
    if about is False:
        head = topic(sentence.text)
        if not any(head.lower().startswith(alias) for alias in ctx.aliases if len(alias) > 3):
            return  # "Detroit and Windsor are connected through ..." in another article
    last_end = -1
    for match in _CROSSING.finditer(text, sentence.start + cue.end(), sentence.end):
        if match.group().startswith((",", "and")) and (last_end < 0 or not re.fullmatch(r"[\s,]*", text[last_end : match.start()])):
            continue  # "linked to Zárate and the Zárate-Brazo Largo Bridge": a destination, not the way
        named = _name_at(text, match.start("name") - (4 if text[match.start("name") - 4 : match.start("name")] == "the " else 0), sentence.end)
        if named and named[3] in _CROSSING_KINDS:
            last_end = named[2]
            yield _Found(named[0], named[3], named[1], named[2], True)


def _is_the_head(ctx: Context, sentence: Sentence) -> Iterator[_Found]:
    """A named installation said to be "the largest oil refinery in ...": its kind is the generic."""
    text = ctx.text
    low = sentence.text
    if " the " not in low or not (" is " in low or " was " in low or " remains " in low):
        return
    for match in _IS_THE_HEAD.finditer(text, sentence.start, sentence.end):
        before = _NAME_BEFORE.search(text, max(sentence.start, match.start() - 120), match.start())
        if not before:
            continue
        name = before.group("name")
        if not _contains_subject(ctx, name) or ctx.is_subject(name) or _kind(name):
            continue
        yield _Found(name, " ".join(match.group("head").split()), before.start("name"), before.end("name"), True)


def _where(match: re.Match[str]) -> str:
    where = match.group("where") or match.group("where2") or ""
    return re.sub(r"^\s?(?:in|of)\s", "", where).strip()


def _class_where_ok(ctx: Context, match: re.Match[str]) -> bool:
    """"universities in the city include ...": the place named with the class noun must be the subject."""
    where = _where(match)
    if where and match.group().endswith(", ") and match.group("where"):
        return False  # "the high schools in Richland, Ollie, Packwood and Farson": places, not a list of schools
    return not where or subject_ref(ctx, where) or subject_ref(ctx, where.removeprefix("the "))


def _class_kind(word: str) -> str:
    word = " ".join(word.split())
    for plural, singular in (("ies", "y"), ("ches", "ch"), ("es", "e"), ("s", "")):
        if word.endswith(plural) and word not in ("campuses",):
            return word[: -len(plural)] + singular if word != "stadia" else "stadium"
    return "campus" if word == "campuses" else word


@component("facilities", reads=("prose",), writes=("facility",))
def find_facilities(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    found: list[tuple[_Found, Sentence | None, str | None]] = []
    for sentence in ctx.sentences:
        if not (word_set(sentence.text) & _HEAD_WORDS):
            continue
        year = _intro_year(sentence)
        for item in _sentence_facilities(ctx, sentence):
            found.append((item, sentence, year))
    # Major employers that are installations ("the Halifax Shipyard") are facilities of the place too.
    for employer in ctx.found_values("employer"):
        kind = _kind(str(employer.value))
        if kind and kind not in _AIR:
            found.append((_Found(str(employer.value), kind, employer.start, employer.end, True), None, None))
    # "Dortmund University of Applied Sciences" beside "... of Applied Sciences and Arts": the longer name is the one
    longer = [fold(f.value) + " " for f, _, _ in found if f.named]

    def _shadowed(value: str) -> bool:
        key = fold(value) + " "
        return any(k.startswith(key) and k != key and not set(k[len(key) :].split()) & _ANY_HEAD for k in longer)

    found = [(f, s, y) for f, s, y in found if not f.named or not _shadowed(f.value)]
    named_kinds = {f.kind for f, _, _ in found if f.named}
    seen: set[str] = set()
    seen_generic: dict[str, list[str]] = {}
    for item, sentence, year in found:
        if not item.named:
            if item.kind in named_kinds:
                continue  # "a power station, Kazakhmys Power Plant"
            key = fold(_singular(item.value))
            if any(key.endswith(k) or k.endswith(key) or " " not in k or " " not in key for k in seen_generic.get(item.kind, [])):
                continue  # "refineries" then "the oil refinery"; "a zinc refinery, a nickel refinery" stay two
            seen_generic.setdefault(item.kind, []).append(key)
        key = fold(item.value)
        if key in seen or ctx.is_subject(item.value) or refers_to_subject(item.value, ctx.aliases):
            continue
        if item.named and (key in _HEAD_ONLY or " " not in key and key.capitalize() in _LANDMARK_HEADS):
            continue  # "the Nazareth Convent and Academy", "High School located in ...": a head alone names nothing
        seen.add(key)
        qualifiers = _qualifiers(text, sentence, item, year) if sentence else {"kind": item.kind}
        start = min(item.start, sentence.start if sentence and year and item.start - sentence.start < 120 else item.start)
        yield Candidate("facility", item.value, start, item.end, qualifiers=qualifiers, confidence=0.7)
