"""climate, mean_temperature, record_temperature: the climate of the place, from prose.

- climate: the class the text gives ("has a warm-summer Mediterranean climate",
  "The climate is temperate oceanic (Köppen Cfb)", "The climate of X is hot and
  humid"), one per document, the phrase as written, else the Köppen code;
  descriptions of seasons ("characterized by hot, humid summers") are no class.
- mean_temperature: a monthly or annual mean ("ranges from 24 °C in July to
  -16 °C in January", "the annual mean is 5.3 °C"); average highs and lows,
  seasons, ranges and water temperatures are no mean.
- record_temperature: "The record high was 116 °F (47 °C) on July 13, 1961",
  "extremes have ranged from 3.3 to 37.1 °C".

°F is converted when no °C is written beside it. Temperatures said of
another place ("in Salem", "the lowest ever recorded in California", "warmer
than Oslo") are not the subject's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import ANAPHOR, FUNCTION_WORD, PLACE_NOUNS, refers_to_subject
from placefacts.find.textutil import NAME, NAME_RE, Sentence
from placefacts.normalise.dates import DATE_RE, MONTH, MONTHS, parse_date

_NUMBER = r"(?<![\d.,])(?:(?<!\d)[−–-]|\+)?\d{1,3}(?:[.,]\d{1,2})?(?![\d])"
_UNIT = r"\s?(?:°|º|˚)\s?([CF])\b|\s(?:degrees?|deg\.)\s(Celsius|Fahrenheit|centigrade|C|F)\b"
_TEMP = regex_cache.compile(rf"({_NUMBER})(?:{_UNIT})")
# "3.3 to 37.1 °C", "14°C and 18°C" is two temperatures of their own.
_RANGE = regex_cache.compile(rf"({_NUMBER})\s?(?:to|and|–|-)\s?({_NUMBER})(?:{_UNIT})")
_CONVERSION = regex_cache.compile(rf"\s?(?:\(\s?(?:or\s)?|or\s)({_NUMBER})(?:\s?(?:to|–|-)\s?{_NUMBER})?(?:{_UNIT})\s?\)?")


@dataclass(slots=True)
class _Temp:
    start: int
    end: int  # after any conversion in brackets
    celsius: float
    in_range: bool = False


def _celsius(number: str, unit: str) -> float:
    value = float(number.replace("−", "-").replace("–", "-").replace(",", "."))
    return (value - 32.0) * 5.0 / 9.0 if unit.upper().startswith("F") else value


def _temperatures(text: str, lo: int, hi: int) -> list[_Temp]:
    """Temperatures in text[lo:hi], a written conversion folded into the one before it."""
    out: list[_Temp] = []
    # Spans already read, kept sorted so that a test is a bisect, not a walk of every span before (quadratic on a
    # long run of temperatures): ranges in order without overlaps, then how far single ones' conversions reach.
    range_starts: list[int] = []
    range_ends: list[int] = []
    for match in _RANGE.finditer(text, lo, hi):
        if range_ends and match.start() < range_ends[-1]:
            continue  # the conversion of the range before: "3.3 to 37.1 °C (38 to 99 °F)"
        unit = match.group(3) or match.group(4)
        end = match.end()
        conv = _CONVERSION.match(text, end, hi)
        if conv:
            end = conv.end()
        first, second = _celsius(match.group(1), unit), _celsius(match.group(2), unit)
        out.append(_Temp(match.start(1), match.end(1), first, in_range=True))
        out.append(_Temp(match.start(2), end, second, in_range=True))
        range_starts.append(match.start())
        range_ends.append(end)
    reach = -1
    for match in _TEMP.finditer(text, lo, hi):
        index = bisect_right(range_starts, match.start()) - 1
        if match.start() < reach or (index >= 0 and match.start() < range_ends[index]):
            continue
        unit = match.group(2) or match.group(3)
        value = _celsius(match.group(1), unit)
        end = match.end()
        conv = _CONVERSION.match(text, end, hi)
        if conv:
            conv_unit = conv.group(2) or conv.group(3)
            if unit.upper().startswith("F") and conv_unit.upper().startswith("C"):
                value = _celsius(conv.group(1), conv_unit)  # the °C as written, not our conversion
            end = conv.end()
            reach = max(reach, end)
        out.append(_Temp(match.start(), end, value))
    out.sort(key=lambda t: t.start)
    return out


_MONTH_RE = regex_cache.compile(rf"\b({MONTH})(?![\w-])")
_MONTH_AFTER = regex_cache.compile(rf"\s?(?:,\s)?(?:in|during|for|of)\s(?:the\s)?(?:month\sof\s)?({MONTH})\b(?:\s(?:and|to)\s({MONTH})\b)?")
_MEAN_CUE = regex_cache.compile(r"\b(?:average|averages|averaged|averaging|mean|24-hour\saverage)\b", re.IGNORECASE)
_NOT_MEAN = regex_cache.compile(
    r"\b(?:high|highs|low|lows|max|maximum|maxima|minimum|minima|min|daytime|day|days|night|nights|nightly|tops?|topping|"
    r"summer|summers|winter|winters|spring|autumn|fall|season|seasonal|monsoon|water|sea|springs?|pool|diurnal|variation|"
    r"range|ranging|between|rises?|falls?|exceed\w*|reach\w*|above|below|warmest|coolest|coldest|hottest|month|months|"
    r"soil|body|feels?|heat\sindex|wind\schill|difference|warmer|colder|cooler|hotter)\b",
    re.IGNORECASE,
)
# Words that make a month's figure something else than its mean: "the average high", "days top 90 °F", "summers".
_NOT_MONTH_MEAN = regex_cache.compile(
    r"\b(?:high|highs|low|lows|max|maximum|maxima|minimum|minima|min|daytime|day|days|night|nights|nightly|tops?|topping|"
    r"summer|summers|winter|winters|spring|autumn|fall|season|seasonal|monsoon|water|sea|exceed\w*|reach\w*|above|below|"
    r"rises?|falls?|soil|feels?|heat\sindex|wind\schill|difference|warmer|colder|cooler|hotter)\b",
    re.IGNORECASE,
)
_MONTHLY_RANGE = regex_cache.compile(r"\branges?\sfrom\b|\branging\sfrom\b|\bvaries\sfrom\b", re.IGNORECASE)
_ANNUAL = regex_cache.compile(r"\b(?:annual|annually|yearly|year-round|year\sround|throughout\sthe\syear|of\sthe\syear|per\syear|a\syear)\b", re.IGNORECASE)
_RECORD_CUE = regex_cache.compile(
    r"\b(?:record(?:ed)?\s(?:high|low|maximum|minimum)|record|(?:highest|lowest|hottest|coldest|warmest)\s(?:\w+\s){0,2}?"
    r"(?:ever\s)?(?:recorded|measured|registered|observed)|(?:highest|lowest|hottest|coldest)\s(?:recorded\s|ever\s)?temperature|"
    r"all-time\s(?:high|low)|extremes|(?:extreme|record)\s(?:temperatures?|highs?|lows?))\b",
    re.IGNORECASE,
)
_MAX = regex_cache.compile(r"\b(?:high|highs|highest|hottest|warmest|maximum|max)\b", re.IGNORECASE)
_MIN = regex_cache.compile(r"\b(?:low|lows|lowest|coldest|coolest|minimum|min)\b", re.IGNORECASE)
_NOT_PLACE = regex_cache.compile(
    rf"^(?:{MONTH}|Köppen|Koppen|Celsius|Fahrenheit|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"North|South|East|West|Northern|Southern|Eastern|Western|Central)\b"
)
# A temperature said of another place: "temperatures in Salem", "ever recorded in California", "than Oslo".
_ELSEWHERE = regex_cache.compile(
    rf"\b(?:temperatures?|recorded|record|measured|registered|averages?|mean|observed)\s(?:[\w-]+\s){{0,3}}?(?:in|at)\s(?:the\s)?({NAME})"
    rf"|\b(?:than|unlike|compared\s(?:to|with))\s(?:in\s)?(?:the\s)?({NAME})"
)


def _foreign(ctx: Context, text: str) -> bool:
    for match in _ELSEWHERE.finditer(text):
        name = match.group(1) or match.group(2)
        if not name or _NOT_PLACE.match(name) or FUNCTION_WORD.match(name):
            continue
        if not refers_to_subject(name, ctx.aliases):
            return True
    return False


def _date_near(text: str, lo: int, hi: int) -> str | None:
    for match in DATE_RE.finditer(text, lo, hi):
        iso = parse_date(match.group())
        if iso and not iso.startswith("-") and re.search(r"\d{4}", match.group()):
            return iso
    return None


def _months(segment: str) -> list[int]:
    return [MONTHS[m.group(1).rstrip(".").lower()] for m in _MONTH_RE.finditer(segment)]


def _temperature_facts(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    text = ctx.text
    temps = _temperatures(text, sentence.start, sentence.end)
    if not temps or _foreign(ctx, sentence.text):
        return
    kind: str | None = None
    previous_end = sentence.start
    not_mean = bool(_NOT_MEAN.search(sentence.text))  # once per sentence: per temperature it is quadratic
    previous_extreme: str | None = None
    for index, temp in enumerate(temps):
        segment = text[previous_end : temp.start]
        if _RECORD_CUE.search(segment):
            kind = "record"
        elif _MEAN_CUE.search(segment):
            kind = "mean"
        following = temps[index + 1].start if index + 1 < len(temps) else sentence.end
        after = text[temp.end : following]
        if kind == "record":
            extreme = _extreme(segment, after, previous_extreme)
            if extreme:
                yield _record(text, temp, extreme, segment, after, sentence, first=index == 0)
            previous_extreme = extreme
        elif kind == "mean":
            yield from _mean(text, temp, segment, after, sentence, not_mean)
        previous_end = temp.end


def _extreme(segment: str, after: str, previous: str | None) -> str | None:
    """max or min: the nearest high/low word before the figure, else the order of a pair ("from A to B")."""
    high, low = _last(_MAX, segment), _last(_MIN, segment)
    if high >= 0 or low >= 0:
        return "max" if high > low else "min"
    if previous:
        return "max" if previous == "min" else "min"
    if re.search(r"\b(?:from|between)\s$|\b(?:extremes?|ranged|varied|range)\b", segment, re.IGNORECASE):
        return "min"
    head = after[:60]
    high, low = _first(_MAX, head), _first(_MIN, head)
    if high >= 0 or low >= 0:
        return "max" if low < 0 or 0 <= high < low else "min"
    return None


def _record(text: str, temp: _Temp, extreme: str, segment: str, after: str, sentence: Sentence, first: bool) -> Candidate:
    qualifiers: dict[str, object] = {"extreme": extreme}
    stop = re.search(r"[;]|\bwhile\b|,\s(?:and\s)?(?:the|a)\s", after)
    date = _date_near(after, 0, stop.start() if stop else len(after))
    if date is None and first:
        date = _date_near(segment, 0, len(segment))
    if date:
        qualifiers["point_in_time"] = date
    cue = list(_RECORD_CUE.finditer(segment))
    start = temp.start
    if cue and len(segment) - cue[-1].start() < 90:
        start = temp.start - (len(segment) - cue[-1].start())
    return Candidate("record_temperature", round(temp.celsius, 2), max(sentence.start, start), temp.end, unit="°C",
                     qualifiers=qualifiers, confidence=0.8)


def _last(pattern: re.Pattern[str], text: str) -> int:
    found = [m.start() for m in pattern.finditer(text)]
    return found[-1] if found else -1


def _first(pattern: re.Pattern[str], text: str) -> int:
    found = pattern.search(text)
    return found.start() if found else -1


def _mean(text: str, temp: _Temp, segment: str, after: str, sentence: Sentence, not_mean: bool) -> list[Candidate]:
    if temp.in_range and not _MONTH_AFTER.match(after):
        return []  # "range between 7 to 10 °C": no single mean
    month_after = _MONTH_AFTER.match(after)
    months: list[int] = []
    last_month = None
    if month_after:
        months = [MONTHS[g.rstrip(".").lower()] for g in month_after.groups() if g]
    else:
        found = list(_MONTH_RE.finditer(segment))
        found = [m for m in found if not re.search(r"(?:mid-|\b(?:till|until|from|late|early|since|by|to)\s)$", segment[: m.start()])]
        if re.search(r"\b(?:summers?|winters?|spring|autumn|monsoon|seasons?)\b", segment, re.IGNORECASE):
            found = []  # "Summers ... till mid-June, the average temperature being": a season's
        if found and not _ANNUAL.search(segment, found[-1].end()):  # "in July, and the annual mean is": the year's
            last_month = found[-1]
            joined = re.search(rf"\b({MONTH})\s(?:and|&)\s({MONTH})\W*$", segment[: last_month.end()])
            months = [MONTHS[g.rstrip(".").lower()] for g in joined.groups()] if joined else _months(last_month.group())
    local = segment + (after[: month_after.end()] if month_after else "")
    if months:
        near = segment[last_month.start() :] if last_month else local
        if _NOT_MONTH_MEAN.search(near) or _NOT_MONTH_MEAN.search(segment[-45:]):
            return []  # "In the coldest month, June, the average high is", "days top 90 °F in July"
    else:
        words = _NOT_MEAN.search(local)
        if words and not _MONTHLY_RANGE.search(local):
            return []
        if not_mean and not _ANNUAL.search(local):
            return []  # "average summer temperature", "the coolest month": no month, not the year
    cue = list(_MEAN_CUE.finditer(segment))
    start = temp.start
    if cue and len(segment) - cue[-1].start() < 90:
        start = temp.start - (len(segment) - cue[-1].start())
    out = []
    for month in months or [None]:
        qualifiers = {"month": month} if month else {}
        out.append(Candidate("mean_temperature", round(temp.celsius, 2), max(sentence.start, start), temp.end, unit="°C",
                             qualifiers=qualifiers, confidence=0.8))
    return out


# Climate classes: a phrase names one only with one of these words in it.
_CLASS_WORDS = (
    r"tropical|subtropical|sub-tropical|temperate|continental|oceanic|maritime|marine|mediterranean|arid|semi-arid|semiarid|"
    r"desert|steppe|monsoon|monsoonal|monsoon-influenced|savanna|savannah|humid|sub-humid|subhumid|dry|wet|polar|tundra|"
    r"subarctic|sub-arctic|alpine|highland|equatorial|hot|cold|warm|cool|mild|moderate|rainy|semi-humid|torrid|frigid|"
    r"boreal|arctic|subpolar|oceanic|semi-dry|warm-summer|hot-summer|cool-summer|warm-temperate|cold-temperate"
)
_PHRASE_WORD = r"(?:[A-Za-z][\w-]*|[A-Z][\w-]*)"
_DEGREE = (
    r"(?:(?:rather|fairly|relatively|very|quite|typically|generally|mostly|mainly|predominantly|somewhat|pleasant(?:ly)?|"
    r"largely|typical|unique|unusually|exceptionally|distinctly|distinct|classic|classical|true|truly)\s)"
)
_HAS_CLIMATE = regex_cache.compile(
    rf"\b(?:has|have|had|having|features|featuring|enjoys|enjoying|experiences|experiencing|possesses|sees|with|is\sin|lies\sin|"
    rf"falls\sin|is\sknown\sfor|known\sfor|famous\sfor|noted\sfor|renowned\sfor)\s(?:its\s|an?\s|the\s)?{_DEGREE}?"
    rf"((?:{_PHRASE_WORD}(?:,)?\s){{0,5}}?{_PHRASE_WORD})\sclimate\b"
)
_CLIMATE_IS = regex_cache.compile(
    rf"\b[Tt]he\sclimate(?:\s(?:of|in)\s(?:the\s)?(?:{NAME}|city|town|village|area|region|municipality|district|county|island|"
    rf"this\sarea|this\sregion|the\sarea))?\s(?:is|was|remains)\s(?:generally\s|mainly\s|mostly\s|predominantly\s|typically\s|"
    rf"classified\sas\s|considered\s|described\sas\s)?(?:an?\s)?{_DEGREE}?((?:[\w-]+(?:,)?\s){{0,4}}?[\w-]+?)(?=\s?\(|[.,;]|\swith\b|\sand\s(?:the|has|is)\b|$)"
)
# "Boca has a fairly typical climate for its region, a continental Mediterranean climate (Köppen Dsb)"
_KOPPEN_PHRASE = regex_cache.compile(
    rf"\ban?\s{_DEGREE}?((?:{_PHRASE_WORD}(?:,)?\s){{0,5}}?{_PHRASE_WORD})\sclimate\s\((?:Köppen|Koppen)"
)
_ZONE = regex_cache.compile(r"\b(?:in|within)\sthe\s((?:[\w-]+\s){0,3}?[\w-]+)\s(?:climate\s|climatic\s)?zone\b")
# "The town lies in the sub-tropical hinterland of ...": a climate word for where it lies.
_LIES_IN_CLIMATE = regex_cache.compile(
    r"\b(?:lies|lying|located|situated|sits|is)\s(?:\w+\s)?(?:in|within)\sthe\s(sub-?tropical|tropical|semi-arid|arid|temperate)\s"
    r"(?!climate\b)(?:[a-z]+\s)?(?:zone|region|belt|hinterland|lowlands?|highlands?|coast|north|south|part|area)\b",
    re.IGNORECASE,
)
_KOPPEN = regex_cache.compile(
    r"(?:Köppen|Koppen|Köppen-Geiger)(?:\sclimate\sclassification)?(?:\ssystem)?:?\s?([A-E][A-Za-z]{1,2}(?:/[A-E][A-Za-z]{1,2})?)\b"
    r"|abbreviated\s[\"“]?([A-E][A-Za-z]{1,2})[\"”]?"
    r"|\bclimate\s\(([A-E][a-z][a-z]?)\)"
)
_NOT_CLASS = regex_cache.compile(r"\b(?:characteri[sz]ed|consists?|varies|varied|ideal|best|coolest|warmest|hottest|coldest|typical\sclimate)\b")
_CLASS = regex_cache.compile(rf"\b(?:{_CLASS_WORDS})\b", re.IGNORECASE)
_SUBJECT_BEFORE = regex_cache.compile(rf"({NAME}|{ANAPHOR.pattern[1:]})(?:'s|’s)?\s(?:[a-z]+\s){{0,3}}$", re.IGNORECASE)


_VERB_SUBJECT = regex_cache.compile(rf"({NAME})(?:'s|’s)?(?:\s[a-z]+){{0,2}}$")
_CLAUSE_ANAPHOR = regex_cache.compile(rf"(?:it|its|(?:the|this)\s(?:{PLACE_NOUNS}))\b", re.IGNORECASE)


def _climate_subject_ok(ctx: Context, sentence: Sentence, pos: int) -> bool:
    """Who has the climate is the subject: "Dazhou has ...", "It has ...", "the town has ..."."""
    clause = re.split(r"[;,]\s", ctx.text[sentence.start : pos])[-1].strip()
    if re.match(r"(?:the\s)?climate\b", clause, re.IGNORECASE):
        return True
    if _CLAUSE_ANAPHOR.match(clause):
        return True
    verb_subject = _VERB_SUBJECT.search(clause)
    if verb_subject and refers_to_subject(verb_subject.group(1), ctx.aliases):
        return True  # "... Template:Cn inline Shangzhi has a ..."
    for name in NAME_RE.finditer(clause):
        value = name.group()
        if FUNCTION_WORD.match(value) and len(value.split()) == 1:
            continue
        value = re.sub(r"^(?:The|A|An)\s", "", value)
        return refers_to_subject(value, ctx.aliases)
    return False


def _clean_phrase(phrase: str) -> str:
    phrase = re.sub(rf"^{_DEGREE}+", "", phrase.strip())
    return phrase.strip(" ,")


_COMPARATIVE = regex_cache.compile(r"\b(?:most|more|less|the)\b")
_CLIMATE_WORDS = ("climat", "köppen", "zone", "tropical", "arid", "temperate")  # what _CLIMATE_CUE needs
_CLIMATE_CUE = regex_cache.compile(r"climat|Köppen|\bzone\b|tropical|arid|temperate", re.IGNORECASE)
_CLIMATE_TOPIC = regex_cache.compile(r"\b(?:change|warming|crisis)\b")  # climate change is no climate of the place

_NAMED_PLACE_IS = regex_cache.compile(rf"\b(?:of|in)\s(?:the\s)?({NAME})\s(?:is|was)")  # compiled once: it embeds a name


def _climates(ctx: Context) -> Iterator[tuple[int, Candidate]]:
    """Climate candidates with a rank (lower is better)."""
    text = ctx.text
    if not ctx.says_any_in_text(_CLIMATE_WORDS):
        return
    for sentence in ctx.sentences:
        if not _CLIMATE_CUE.search(sentence.text):
            continue
        if _foreign(ctx, sentence.text) or _CLIMATE_TOPIC.search(sentence.text):
            continue
        koppen = _KOPPEN.search(text, sentence.start, sentence.end)
        code = next((g for g in koppen.groups() if g), None) if koppen else None
        for match in _HAS_CLIMATE.finditer(text, sentence.start, sentence.end):
            phrase = _clean_phrase(match.group(1))
            if not _CLASS.search(phrase) or _NOT_CLASS.search(phrase) or _COMPARATIVE.search(phrase):
                continue
            if not _climate_subject_ok(ctx, sentence, match.start()):
                continue
            rank = 0 if code and koppen and koppen.start() >= match.start() else 1
            if re.search(r"known|famous|noted|renowned", match.group()):
                rank = 3
            start = match.start(1) + match.group(1).find(phrase.split()[0])
            yield rank, Candidate("climate", f"{phrase} climate", start, match.end(), confidence=0.85)
        for match in _CLIMATE_IS.finditer(text, sentence.start, sentence.end):
            phrase = _clean_phrase(match.group(1))
            if not _CLASS.search(phrase) or _NOT_CLASS.search(match.group()) or re.search(r"\b(?:the|this|that)\b", phrase):
                continue
            if match.group().split()[2:3] == ["of"] and not _climate_subject_ok(ctx, sentence, match.end()):
                continue
            named = _NAMED_PLACE_IS.search(match.group())
            if named and not refers_to_subject(named.group(1), ctx.aliases) and not FUNCTION_WORD.match(named.group(1)):
                continue
            yield (0 if code else 2), Candidate("climate", phrase, match.start(1), match.end(1), confidence=0.8)
        for match in _KOPPEN_PHRASE.finditer(text, sentence.start, sentence.end):
            phrase = _clean_phrase(match.group(1))
            if _CLASS.search(phrase) and ctx.about(sentence):
                start = match.start(1) + match.group(1).find(phrase.split()[0])
                yield 0, Candidate("climate", f"{phrase} climate", start, match.end(1) + len(" climate"), confidence=0.85)
        for match in _LIES_IN_CLIMATE.finditer(text, sentence.start, sentence.end):
            if _climate_subject_ok(ctx, sentence, match.start()):
                yield 5, Candidate("climate", match.group(1), match.start(1), match.end(1), confidence=0.6)
        if not re.search(r"climat|Köppen", sentence.text):
            continue
        for match in _ZONE.finditer(text, sentence.start, sentence.end):
            phrase = _clean_phrase(match.group(1))
            if _CLASS.search(phrase) and _climate_subject_ok(ctx, sentence, match.start()) and not re.search(r"\btime\b", phrase):
                yield 2, Candidate("climate", phrase, match.start(1), match.end(), confidence=0.75)
        if code and koppen:
            if _climate_subject_ok(ctx, sentence, koppen.start()) or re.search(r"\bclimate\b", sentence.text):
                yield 4, Candidate("climate", code, koppen.start(), koppen.end(), confidence=0.75)


@component("climate", reads=("prose",), writes=("climate", "mean_temperature", "record_temperature"))
def find_climate(ctx: Context) -> Iterator[Candidate]:
    ranked = sorted(_climates(ctx), key=lambda pair: (pair[0], pair[1].start))
    if ranked:
        yield ranked[0][1]  # one climate per place: the best-founded statement
    for sentence in ctx.sentences:
        if "°" in sentence.text or "º" in sentence.text or "degree" in sentence.text:
            yield from _temperature_facts(ctx, sentence)

