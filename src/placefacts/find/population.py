"""population: every figure of the subject's inhabitants, with year, method and scope.

A number is a population figure when a population word governs it ("a
population of 90,000", "population (2006) of 8,992", "2,100 people") or when it
continues one ("..., down from 5,720 at the 2000 census", "with 297,943 in the
urban area"). Years, densities, households, death tolls and changes ("a
decrease of 15") are not populations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import strip_intro
from placefacts.find.keywords import key_words
from placefacts.find.textutil import Sentence
from placefacts.normalise.dates import DATE_RE, parse_date
from placefacts.normalise.numbers import NUMBER, as_count, is_year, parse_number
from placefacts.normalise.text import fold

_NUM = regex_cache.compile(NUMBER)
# "population ... of|was|is|at|to be|reached" then the number, with little between.
_GOVERNED = regex_cache.compile(
    r"\b(?:population|populace|inhabitants|residents|census\s(?:figure|count|total))\b(?:\s(?:count|figure|total))?"
    r"(?:\s?\([^)]{1,30}\))?(?:\s?:?\s?$|(?:[^.;:\d]|\b(?:1[6-9]|20)\d\d\b){0,60}?"  # "population in 2011 was"
    r"(?:\bof|\bwas|\bis|\bwere|\bat|\bto be|\breached|\bstood at|\bnumbered|\btotal(?:l?ed)?|\bhad|\bcomes to|:|,)"
    r"\s(?:about|around|approximately|nearly|almost|over|some|roughly|just over|just under|more than|less than|"
    r"an estimated|estimated|c\.|ca\.|circa)?\s?$)",
    re.IGNORECASE,
)
_PEOPLE_AFTER = regex_cache.compile(r"^\s(?:people|inhabitants|residents|souls|persons|population|citizens)\b", re.IGNORECASE)
_PEOPLE_OK_BEFORE = regex_cache.compile(
    r"\b(?:of|with|has|had|have|to|about|around|approximately|nearly|almost|over|some|roughly|estimated|"
    r"population|than|home to|totals?|counted|holding|housing|numbering)\s(?:about\s|around\s|approximately\s|some\s|nearly\s|over\s)?$",
    re.IGNORECASE,
)
_CONTINUES = regex_cache.compile(
    r"(?:\b(?:an?\s)?(?:[\d.]+\s?(?:%|percent|per\scent)\s)?(?:decline|decrease|drop|fall|rise|increase|growth|change|up|down)\s"
    r"(?:[a-z]+ly\s)?(?:of\s[^,]{1,20}\s)?from\s"
    r"(?:its\s|the\s)?(?:\d{4}\s)?(?:population\s(?:of\s)?)?(?:about\s|around\s)?"
    r"|\bwith\s(?:about\s|around\s|some\s)?|\band\s(?:about\s|around\s|approximately\s|some\s|nearly\s|an\sestimated\s|estimated\s)?)$",
    re.IGNORECASE,
)
_NOT_AFTER = regex_cache.compile(
    r"^\s?(?:(?:inhabitants|people|residents|persons)\s?(?:per\b|/)|per\b|/|%|percent|households|families|housing|dwellings|units|km|sq|square|hectares|acres|metres|meters|"
    r"feet|ft\b|miles|mi\b|years|visitors|tourists|students|workers|employees|jobs|cars|vehicles|beds|seats|"
    r"\(\d+(?:\.\d+)?%\)|,\s\d{3}\b)",  # "was 25, 530": a figure broken by a blank is not "25"
    re.IGNORECASE,
)
_NOT_BEFORE = regex_cache.compile(
    r"\b(?:killed|died|dead|deaths|victims|employs|employed|employing|visited by|attracts|students|casualties|"
    r"survey of|poll of|study of|sample of|crowd of|audience of|capacity of|attendance of|seating|seats|"
    r"age of|aged|surplus of|deficit of|influx of|gain of|loss of|density was|density is|"
    r"(?:country|nation|state|province|island|region|county)['’]s\s(?:total\s)?population\sof|"
    r"decrease of|increase of|growth of|change of|rank(?:ing|ed)?|number|No\.|population density of|density of)"
    r"\s(?:about\s|around\s|some\s|over\s|approximately\s|nearly\s|almost\s|roughly\s|more\sthan\s|under\s)?$",
    re.IGNORECASE,
)
_SCOPES = (
    ("metro", regex_cache.compile(r"\bmetropolitan\b|\bmetro\b|\bmetroplex\b|\bgreater\s[A-Z]|\bStatistical Area\b|\bCMA\b", re.IGNORECASE)),
    ("urban_area", regex_cache.compile(r"\burban\s(?:area|agglomeration|population)\b|\bconurbation\b|\bbuilt-up area\b", re.IGNORECASE)),
    ("municipality", regex_cache.compile(r"\bmunicipality\b|\bmunicipal\b", re.IGNORECASE)),
    ("district", regex_cache.compile(r"\bdistrict\b", re.IGNORECASE)),
)
_FROM_PAST = regex_cache.compile(
    r"\b(?:increase|decrease|decline|rise|drop|growth|change|up|down)\s(?:of\s)?from\s(?:its\s|the\s)?\d{4}\s(?:census\s)?"
    r"(?:population|figure|count)\s(?:of\s)?$",
    re.IGNORECASE,
)
# A figure attached to another named area through an appositive: "X, an urban region ... with a population of".
_OF_OTHER_AREA = regex_cache.compile(
    r"\b(?!the\b)[A-Z][\w-]*(?:\s[A-Z][\w-]*)*\s(?:Corridor|Region|County|Province|State|District|Valley|Area),\s"
    r"(?:an?|the)\s[^,;]{0,100}?\bwith\s(?:an?\s)?(?:estimated\s)?(?:\d{4}\s)?population\s(?:of\s)?$"
)
_OWN_POPULATION = regex_cache.compile(
    r"\b(?:the\s(?:city|town|village|municipality|county|borough|community|CDP)(?:'s|’s)|its)\s(?:[a-z]+\s){0,2}population\b",
    re.IGNORECASE,
)
# A cheap gate: the words that a population figure is stated with.
# "The population was 1880 at the 2010 census", "had a population of 1950": a four-digit figure right after "a
# population of" or "population was" is a count when another year in the sentence dates it (in "the population of 1880
# was 5,000", 1880 is the year)
_FIGURE_GOVERNOR = regex_cache.compile(
    r"(?:\ba\spopulation\sof|\bpopulation\s(?:was|is|stood\sat|totall?ed))\s(?:about\s|approximately\s)?$", re.IGNORECASE
)
_YEAR = regex_cache.compile(r"\b(?:1[6-9]|20)\d\d\b")


def _counted_not_dated(text: str, sentence: Sentence, number: re.Match[str]) -> bool:
    """"The population was 1880 at the 2010 census": a year-like figure governed as a count, with its year elsewhere."""
    if not _FIGURE_GOVERNOR.search(text, max(sentence.start, number.start() - 30), number.start()):
        return False
    return any(year.group() != number.group() for year in _YEAR.finditer(text, sentence.start, sentence.end))
# "the U.S. Census Bureau estimated the population was ...": a statistics office reports the subject's figure
_REPORTED = regex_cache.compile(
    r"\b(?:Census\s(?:Bureau|Office)|[Ss]tatistics\s(?:Office|Bureau|[A-Z]\w+)|Bureau\sof\sStatistics|Statistical\sOffice|"
    r"Office\sfor\sNational\sStatistics)\b[^.;]{0,30}?\b(?:estimated|reported|counted|recorded|put|found|gave)\s(?:that\s)?"
    r"the\s(?:total\s|resident\s)?population\b"
)
_POPULATION_KEYS = key_words("popul", "inhabit", "resident", "people", "souls", "persons", "citizens", "census")
_RELATIVE_SCOPE = regex_cache.compile(
    r"\b(?:metropolitan|metro|urban)\s(?:area|region|agglomeration)\b,?\s(?:which|that)\s(?:has|had)\b[^;.]*$", re.IGNORECASE
)
_NAMED_POPULATION = regex_cache.compile(r"([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*)['’]s\s(?:\d{4}\s)?(?:[a-z]+\s)?population\b")
_CENSUS = regex_cache.compile(r"\bcensus\b(?!\s(?:bureau|office|department)\b|[\s-]designated)", re.IGNORECASE)  # not the agency
_ESTIMATE = regex_cache.compile(r"\bestimat|\best\.|\bprojected\b|\bprojection\b", re.IGNORECASE)
# Where the words after a figure stop being its own: "238,140 with the urban area holding ..." names the next figure's
_CLAUSE_BREAK = regex_cache.compile(r"[;:]|,\s(?=[a-z])(?!according\sto\b|as\sof\b|at\sthe\b)|\.\s|\swith\s|\sand\s(?:the|its)\s")


def _year_near(text: str, start: int, end: int, lo: int, hi: int) -> tuple[str | None, int]:
    """The year of a figure at text[start:end]: just after it, else the nearest before it in the clause."""
    after = text[end:hi]
    cut = _CLAUSE_BREAK.search(after)
    window = after[: cut.start()] if cut else after
    nxt = _NUM.search(window)
    for date in DATE_RE.finditer(window):
        if nxt and date.start() > nxt.start() and not is_year(nxt.group()):
            break
        iso = parse_date(date.group())
        if iso and not iso.startswith("-"):
            return iso[:4], end + date.start()
    before = text[lo:start]
    best = None
    for date in DATE_RE.finditer(before):
        iso = parse_date(date.group())
        if iso and not iso.startswith("-"):
            best = (iso[:4], lo + date.start())
    return best if best else (None, -1)


def _scope(text: str, sentence_start: int, start: int, end: int, sentence_end: int) -> str:
    after = text[end : min(sentence_end, end + 45)]
    cut = _CLAUSE_BREAK.search(after)
    after = after[: cut.start()] if cut else after
    for nxt in _NUM.finditer(after):
        if not is_year(nxt.group()):
            after = after[: nxt.start()]  # the next figure's own scope words are not this one's
            break
    body = strip_intro(text[sentence_start:sentence_end])
    body_start = sentence_end - len(body)
    # The main clause's opening words: all of them for a figure of the introductory phrase ("With ... 595,000,
    # metropolitan Jackson is"), else only those before the figure (not the next figure's "with the urban area").
    lead = body[:60] if start < body_start else body[: max(0, min(60, start - body_start))]
    before = text[max(sentence_start, start - 90) : start]
    relative = _RELATIVE_SCOPE.search(text, max(sentence_start, start - 160), start)
    if relative:
        before = text[relative.start() : start]  # "the X metropolitan area, which has ... a population of"
    for where in (after, before, lead):
        for scope, pattern in _SCOPES:
            if scope == "district" and where is not after:
                continue
            if pattern.search(where):
                return scope
    return "city"


@component("population", reads=("prose",), writes=("population",))
def find_population(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for sentence in ctx.sentences_with(_POPULATION_KEYS):
        # "The Census Bureau reported the city's population at ...": a reporter is not the topic.
        other_topic = ctx.about(sentence, strict=True) is False and not (
            any(p.search(sentence.text) for _, p in _SCOPES[:2]) and _names_subject(ctx, sentence.text)
        )
        if other_topic and not _own_population(ctx, sentence.text):
            continue
        last_figure_end = -1
        last_span_end = -1  # end of the previous figure's evidence: its year and method words are its own
        last_year: str | None = None
        for number in _NUM.finditer(text, sentence.start, sentence.end):
            raw_number = number.group()
            if is_year(raw_number) and not re.match(r"\s(?:people|inhabitants|residents)\b", text[number.end() : number.end() + 20]) \
                    and not _counted_not_dated(text, sentence, number):
                continue
            before = text[max(sentence.start, number.start() - 80) : number.start()]
            after = text[number.end() : number.end() + 30]
            if _NOT_AFTER.match(after) or _NOT_BEFORE.search(before):
                continue
            if other_topic and not _own_population(ctx, text[sentence.start : number.start()]):
                continue
            if _OF_OTHER_AREA.search(text, max(sentence.start, number.start() - 160), number.start()):
                continue  # "the Front Range Urban Corridor, an oblong urban region ... with a population of"
            governed = bool(_GOVERNED.search(before))
            people = bool(_PEOPLE_AFTER.match(after)) and bool(_PEOPLE_OK_BEFORE.search(before) or not before.strip())
            between = text[last_figure_end : number.start()] if last_figure_end >= 0 else ""
            continued = 0 < len(between) <= 60 and bool(_CONTINUES.search(between))
            # "..., a 44.2% increase from the 2000 Census population of 82,384": a past figure.
            continued = continued or (last_figure_end >= 0 and bool(_FROM_PAST.search(between)))
            if not (governed or people or continued):
                continue
            value = parse_number(raw_number)
            if value is None or value < 1 or value != int(value) and "million" not in raw_number:
                continue
            clause_start = max(sentence.start, last_figure_end if last_figure_end >= 0 else sentence.start)
            year, year_pos = _year_near(text, number.start(), number.end(), clause_start, sentence.end)
            if year is None and continued:
                year = last_year
            qualifiers: dict[str, str] = {}
            if year:
                qualifiers["point_in_time"] = year
            window_lo = max(clause_start, last_span_end, number.start() - 60)
            window = text[window_lo : min(sentence.end, number.end() + 40)]
            own = window
            if _CENSUS.search(own):
                qualifiers["method"] = "census"
            elif _ESTIMATE.search(own):
                qualifiers["method"] = "estimate"
            qualifiers["scope"] = _scope(text, sentence.start, number.start(), number.end(), sentence.end)
            span_start = min(number.start(), year_pos) if year_pos >= 0 else number.start()
            span_start = min(span_start, _trigger_start(text, number.start(), sentence.start))
            span_end = max(number.end(), year_pos + 4 if year_pos >= 0 else number.end())
            method_word = re.match(r"\s(?:census|estimate)\b", text[span_end : span_end + 10])
            if method_word and year_pos >= number.end():
                span_end += method_word.end()  # "... at the 2011 census": the evidence reads as a phrase
            yield Candidate(
                "population", as_count(value), span_start, span_end, qualifiers=qualifiers,
                confidence=0.9 if governed else 0.75, wikidata=None,
            )
            last_figure_end = number.end()
            last_span_end = span_end
            last_year = year


def _own_population(ctx: Context, text: str) -> bool:
    """"the city's population", "its population", "Fontana's 2019 population": the subject's own figure."""
    if _OWN_POPULATION.search(text) or _REPORTED.search(text):
        return True
    return any(ctx.is_subject(m.group(1)) for m in _NAMED_POPULATION.finditer(text))


def _names_subject(ctx: Context, text: str) -> bool:
    words = f" {fold(text)} "
    return any(f" {a} " in words for a in ctx.aliases if a)


def _trigger_start(text: str, pos: int, floor: int) -> int:
    """Start of the population word governing a figure, so the evidence reads as a phrase."""
    window = text[max(floor, pos - 80) : pos]
    words = list(re.finditer(r"\b(?:population|populace|inhabitants|residents)\b", window, re.IGNORECASE))
    return max(floor, pos - 80) + words[-1].start() if words else pos
