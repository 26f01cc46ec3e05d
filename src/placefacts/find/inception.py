"""inception: when the place was founded, settled, created, incorporated or first mentioned.

The event word must be said of the subject ("The town was incorporated in
1805", "Founded in 1821 as ..., the city"), never of a post office or a
bridge that the article also mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import PLACE_NOUNS
from placefacts.find.keywords import key_words
from placefacts.find.textutil import NAME
from placefacts.normalise.dates import DATE_RE, parse_date
from placefacts.normalise.text import fold

# Event words and the event each names, as branches in lower case that each open with a letter: the word
# boundary is checked just after that letter, so the engine skips to where an event word can start instead of
# trying every branch at every position (as it must for "\bfounded|\bsettled|..." read case-blind).
_EVENTS = (
    ("first mentioned", (r"first\s(?:mentioned|recorded|documented|attested|referred to)\b", r"mentioned for the first time\b")),
    ("first settled", (r"first\s(?:permanent\s)?settlers?\b[^.;]{0,60}?\b(?:arrived|came|settled)\b",)),
    ("founded", (r"founded\b", r"founding\b", r"foundation\b")),
    ("established", (r"established\b", r"establishment\b")),
    ("settled", (r"settled\b",)),
    ("platted", (r"platted\b", r"laid out\b")),
    ("created", (r"created\b", r"creation\b")),
    ("incorporated", (r"incorporated\b", r"incorporation\b")),
    ("chartered", (r"chartered\b", r"charter\b")),
    ("city status", tuple(rf"{unit}\s(?:status|rights)\b" for unit in ("city", "town", "borough", "municipal", "township"))),
    ("amalgamated", (r"amalgamated\b", r"merged\b")),
    ("formed", (r"formed\b(?!\spart\b)",)),  # not "has formed part of Greater London since 1965"
    ("organized", (r"organized\b(?=\s(?:in|on|as)\b)", r"organised\b(?=\s(?:in|on|as)\b)")),  # not "organised by a club"
    ("proclaimed", (r"proclaimed\b",)),
    ("operative", (r"operative\b",)),
)
ANAPHOR_ANYWHERE = regex_cache.compile(rf"\b(?:the|this)\s(?:{PLACE_NOUNS})\b", re.IGNORECASE)
# "..., the birthplace of Alabama, which was founded there": a relative clause about another name.
_RELATIVE_OTHER = regex_cache.compile(rf"{NAME},\s(?:which|who|that)\s(?:was|were|is|had been)\s(?:\w+\s)?$")
# "who settled here", "the first cities to be incorporated": someone else's event.
_NOT_THE_PLACE = regex_cache.compile(r"\b(?:who|whom|whose)\s(?:\w+\s)?$|\bto\s(?:be|have\sbeen)\s$", re.IGNORECASE)
_NAME_THEN_BRACKET = regex_cache.compile(rf"{NAME}\s\($")
_OF_NAME = regex_cache.compile(rf"\sof\s(?:the\s)?({NAME})")
# Cheap gates: a sentence without a digit or any event word cannot state an inception.
_HAS_DIGIT = regex_cache.compile(r"\d")
_EVENT_KEYS = key_words("found", "establish", "settl", "creat", "incorporat", "charter", "status", "rights", "amalgamat",
               "merge", "formed", "proclaim", "operative", "mention", "record", "document", "attest", "platted",
               "laid out", "organized", "organised")
_EVENT_SOURCE = "|".join(
    rf"{branch[0]}(?<!\w{branch[0]})(?P<e{i}_{j}>{branch[1:]})"  # the group names the event, whatever the case
    for i, (_, branches) in enumerate(_EVENTS)
    for j, branch in enumerate(branches)
)
_EVENT_LOWER = regex_cache.compile(_EVENT_SOURCE)  # for the lower-cased text
_EVENT_ANY_CASE = regex_cache.compile(_EVENT_SOURCE, re.IGNORECASE)  # where lower-casing moves offsets ("İ")
_PARTICIPLE_START = regex_cache.compile(
    r"^(?:Originally\s|First\s)?(?i:founded|established|settled|created|incorporated|chartered|platted|organi[sz]ed)\b"
)
# Things other than the place whose founding a sentence may report.
_OTHER_THING = regex_cache.compile(
    r"\b(?:post office|church|school|college|university|company|club|newspaper|museum|bridge|railway|railroad|"
    r"station|mill|factory|hospital|library|team|party|diocese|parish church|monastery|abbey|mission|society|park)\b"
    r"[^.;,]{0,30}$",
    re.IGNORECASE,
)


def _names_subject(ctx: Context, text: str) -> bool:
    """The subject is named, or referred to as "the town", in this text."""
    if ANAPHOR_ANYWHERE.search(text):
        return True
    words = f" {fold(text)} "
    return any(f" {a} " in words for a in ctx.aliases if a)


def _event_name(match: re.Match[str]) -> str:
    return _EVENTS[int(match.lastgroup[1:].split("_")[0])][0]  # type: ignore[index]


def _events(ctx: Context, start: int, end: int) -> Iterator[re.Match[str]]:
    """Event words in text[start:end]; offsets are the same in the lower-cased text."""
    low = ctx.lowered_text()
    return _EVENT_LOWER.finditer(low, start, end) if low is not None else _EVENT_ANY_CASE.finditer(ctx.text, start, end)


@component("inception", reads=("prose",), writes=("inception",))
def find_inception(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for sentence in ctx.sentences:
        if not _HAS_DIGIT.search(sentence.text) or not ctx.says_any(sentence, _EVENT_KEYS):
            continue
        topic = ctx.about(sentence)
        participle = bool(_PARTICIPLE_START.match(sentence.text))
        if topic is False and not participle and not _OBJECT_EVENT.search(sentence.text):
            continue
        for event in _events(ctx, sentence.start, sentence.end):
            before = text[sentence.start : event.start()]
            if _OTHER_THING.search(before[-45:]) or _RELATIVE_OTHER.search(before) or _NOT_THE_PLACE.search(before[-30:]):
                continue
            if before.count("(") > before.count(")"):
                continue  # "(the oldest city is X, founded in 1553)": brackets about another place
            founded_of = _OF_NAME.match(text, event.end(), sentence.end)
            if founded_of and not ctx.is_subject(founded_of.group(1)):
                continue  # "The founding of Perth Academy in 1760": another thing's founding
            # "The Briggs family first settled the Springfield area": the subject follows the event word.
            # "settled in Ina around 1840": people settling in the subject is its settlement
            object_is_subject = _subject_named_after(ctx, event.end(), sentence.end, _event_name(event) == "settled")
            if topic is False and not participle and not _subject_object(ctx, event.end(), sentence.end):
                continue  # "The Pope first mentioned the town in 1229": another actor, but the subject's event
            if (
                topic is None
                and not participle
                and _event_name(event) != "first settled"
                and not _names_subject(ctx, before)
                and not object_is_subject
            ):
                continue
            found = _date_after(text, event.end(), sentence.end) or _date_before(text, event.start(), sentence.start)
            if not found:
                continue
            iso, d_start, d_end = found
            yield Candidate(
                "inception", iso, min(event.start(), d_start), max(event.end(), d_end),
                qualifiers={"event": _event_name(event)}, confidence=0.85,
            )


def _date_after(text: str, pos: int, end: int) -> tuple[str, int, int] | None:
    window_end = min(end, pos + 90)
    stop = _DATE_STOP.search(text, pos, window_end)
    if stop:
        window_end = stop.start()
        # "founded after coal was discovered in the region, in 1862": a date set off by a comma is the event's
        late = _COMMA_DATE.search(text, stop.end(), min(end, pos + 90))
        if late and stop.group() in ("after", "before"):
            iso = parse_date(late.group(1))
            if iso and not DATE_RE.search(text, pos, late.start()):
                return iso, late.start(1), late.end(1)
    for date in DATE_RE.finditer(text, pos, window_end):
        if _NAME_THEN_BRACKET.search(text[max(pos, date.start() - 40) : date.start()]):
            continue  # "following the city of Los Angeles (April 4, 1850)": that place's date
        prefix = text[max(pos, date.start() - 8) : date.start()]
        if re.search(r"\b(?:since|until|from|by)\s$", prefix) and date.start() - pos > 40:
            continue
        iso = parse_date(date.group())
        if iso:
            return iso, date.start(), date.end()
    return None


_DATE_STOP = regex_cache.compile(r";|\b(?:and then|but|until|before|after|when)\b")
_COMMA_DATE = regex_cache.compile(rf",\s(?:in|on)\s({DATE_RE.pattern})(?=[,;.]|\s(?:and|but|when|which)\b|$)")
# "The Pope first mentioned the town in 1229", "Spanish settlers founded the city in 1565": the subject is the object
_THE_PLACE = r"(?:town|city|village|settlement|community)\b(?!['’]s)"  # the place itself, not "the town's school"
_OBJECT_EVENT = regex_cache.compile(
    r"\b(?:first\s(?:mentioned|recorded|documented)|founded|established|settled|incorporated|chartered)\s"
    rf"(?:the\s{_THE_PLACE}|[A-Z])"
)
_PLACE_OBJECT = regex_cache.compile(rf"\s(?:the\s)?{_THE_PLACE}")


def _subject_object(ctx: Context, pos: int, end: int) -> bool:
    """Whether the event word's object, straight after it, is the subject itself (not something of it)."""
    window = ctx.text[pos : min(end, pos + 60)]
    if _PLACE_OBJECT.match(window):
        return True
    name = _OBJECT_NAME.match(window)
    return bool(name) and ctx.is_subject(name.group(1))


def _subject_named_after(ctx: Context, pos: int, end: int, settled: bool = False) -> bool:
    """"While it was incorporated in 1742, Richmond ...", "incorporated as the city of Guadalupe": the subject is named
    just after the event word, neither as a place where something else happened ("established in Arcadia") nor as
    the owner of what was ("founded the town's first school")."""
    after = ctx.text[pos : min(end, pos + 30)]
    if _LOCATIVE_OR_OWNER.match(after) and not (settled and after.startswith(" in ")):
        return _subject_object(ctx, pos, end)
    return _names_subject(ctx, after)


_LOCATIVE_OR_OWNER = regex_cache.compile(r"\s(?:in|at|near)\s(?:the\s)?[A-Z]|\s(?:the\s)?[\w-]+(?:\s[A-Z][\w-]*)*['’]s\s")
_OBJECT_NAME = regex_cache.compile(rf"\s({NAME})(?!['’]s)")
_OWN_DATE = regex_cache.compile(r"(?:['’]s|\bits)\s((?:1[0-9]|20)\d\d)\s$")  # "Thornton's 1956 incorporation"
_LEAD_DATE = regex_cache.compile(rf"^(?:In|By|On)\s({DATE_RE.pattern})")
_WHEN_DATE = regex_cache.compile(rf"({DATE_RE.pattern}),?\s(?:when|as)\s(?:it|the \w+)\s(?:was|were)\s$")


def _date_before(text: str, pos: int, start: int) -> tuple[str, int, int] | None:
    """"In 1805 the town was incorporated", "since 1949, when it was created"."""
    window = text[start:pos]
    lead = _LEAD_DATE.match(window)
    if lead:
        iso = parse_date(lead.group(1))
        if iso:
            return iso, start + lead.start(1), start + lead.end(1)
    own = _OWN_DATE.search(window, max(0, len(window) - 12))
    if own:
        iso = parse_date(own.group(1))
        if iso:
            return iso, start + own.start(1), start + own.end(1)
    tail = _WHEN_DATE.search(window)
    if tail:
        iso = parse_date(tail.group(1))
        if iso:
            return iso, start + tail.start(1), start + tail.end(1)
    return None
