"""Who a sentence is about: the light syntax that keeps facts on their subject.

No parser is needed for the sentences of place articles: the topic of a
sentence is the noun phrase it starts with, once an introductory phrase
("Today,", "In 1973", "Founded in 1821 as the capital,") is set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from placefacts import regex_cache
from placefacts.find.textutil import NAME
from placefacts.normalise.text import fold

# Nouns that refer back to the place the article is about.
PLACE_NOUNS = (
    "city|town|village|hamlet|municipality|commune|comune|borough|township|settlement|community|suburb|"
    "county|district|region|province|parish|locality|place|area|capital|metropolis|prefecture|shire|"
    "island|archipelago|municipal council|regional municipality|metropolitan city|metropolitan area|metro area|"
    "urban area|metropolitan region|CDP|seat|township"
)
# An adjective of a people or a league: "German", "Portuguese", "Scottish", "Hanseatic", "French"
PEOPLE_ADJECTIVE = r"[A-Z][a-z]+(?:an|ese|ish|atic|ch)"  # not "-ic" alone: "Republic", "Catholic"
# The endings of a sentence adverb: "Geographically", "Increasingly", "Particularly" (not "Beverly", "Kelly")
ADVERB_ENDING = r"(?:ally|ingly|edly|ively|ently|ously|antly|arly)"
# "the Hanseatic city", "the Bavarian capital": such an adjective, then a lower-case place noun
_ADJECTIVE_PLACE = rf"(?-i:{PEOPLE_ADJECTIVE}\s(?:city|town|village|capital|port|municipality))"
ANAPHOR = regex_cache.compile(
    rf"^(?:it(?!'s\s|’s\s)|its|(?:the|this) (?:present[- ]day |modern |new |current |whole |entire |greater )?(?:{PLACE_NOUNS})(?:'s|’s)?|"
    rf"the\s{_ADJECTIVE_PLACE}(?:'s|’s)?)\b",
    re.IGNORECASE,
)
# A comma with a digit after it ("109,443") separates thousands, not an introductory phrase from the clause.
_INTRO = regex_cache.compile(
    r"^(?:(?:today|currently|now|historically|originally|later|however|also|thus|since then|in addition|additionally|"
    r"in (?:\d{4}s?|the \w+ century|recent years|the past)|during [^,]{1,60}|after [^,]{1,60}|before [^,]{1,60}|"
    r"(?:founded|established|settled|located|situated|created|incorporated|organi[sz]ed|named|built|known|nestled|perched|"
    r"lying|tucked|surrounded)\b(?:[^,]|,(?=\d)){0,80}|"
    r"(?:according to|as of|at the time of|at|by|with|from|under|since|until|between|on|in|of)\b(?:[^,]|,(?=\d)){0,80}),\s*|"
    r"(?:today|currently|now|nowadays|historically|originally|traditionally|for\s(?:a|many|several)\s(?:century|centuries|decades|years))\s(?=the\s|it\s|its\s)|"
    r"upon\s[^,]{1,60},\s|"
    rf"[a-z]+{ADVERB_ENDING}\s(?-i:(?=[A-Z]))|"  # "Geographically Illah is ...", without a comma
    r"in \d{4}\s|(?:from|between)\s\d{4}\s(?:to|and|until)\s\d{4}\s|(?:at|in|by|according to|as of)\s(?:the\s)?(?:time of the\s)?\d{4}\s(?:census|estimate)s?\s)",
    re.IGNORECASE,
)
_NAME_START = regex_cache.compile(rf"^(?:the |The )?({NAME})")
FUNCTION_WORD = regex_cache.compile(
    r"^(?:At|In|On|By|As|For|From|With|After|Before|During|Since|Until|Between|Most|Many|Some|Several|Other|Both|"
    r"All|Each|These|Those|There|Here|Although|While|When|Because|However|According|Today|Its|His|Her|Their|One|Two|"
    r"A|An|This|That|Then|Once|Further|Following|Despite|Under|Over|Among|The|He|She|They|We|I|You|Who|What|It|"
    r"Where|Which|Such|Besides|Also|Only|Like|Unlike|Through|Throughout|Around|Near|Within|Without|Along|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|Notable|Famous|"
    r"Major|Many|Much|Most|Other|Another|Every|No|None|Summers|Winters|Temperatures|Rainfall|Residents|People|"
    r"Exports|Imports|Agriculture|Industry|Industries|Tourism|Economy|Employment|Manufacturing|Mining|Farming|"
    r"Fishing|Trade|Commerce|Services|Products|Crops|Education|Transport|Transportation)\b"
)
COPULA = regex_cache.compile(r"\b(?:is|was|are|were|has been|had been|remains|became|serves as|served as)\b")


@lru_cache(maxsize=8192)  # every finder asks it of the same sentences
def strip_intro(sentence: str) -> str:
    """The sentence without its introductory phrase."""
    for _ in range(2):
        match = _INTRO.match(sentence)
        if not match:
            break
        sentence = sentence[match.end() :]
    return sentence


def topic(sentence: str) -> str:
    """The phrase a sentence starts with: a name, an anaphor, or ''."""
    body = strip_intro(sentence)
    anaphor = ANAPHOR.match(body)
    if anaphor:
        return anaphor.group()
    name = _NAME_START.match(body)
    return name.group(1) if name else ""


def about_subject(sentence: str, aliases: set[str], strict: bool = False, previous: str | None = None) -> bool | None:
    """True: about the subject; False: about another named thing; None: cannot tell.

    `strict`: a possessive ("Its name comes from ...") is about something of the
    subject, not the subject itself, so it does not count.
    """
    opening = _opening(sentence)
    if opening.anaphor:
        if previous and opening.pronoun and _names_other(previous, aliases):
            return False  # "The Tiergarten is a park. It covers 210 hectares.": "it" is what was last named
        if strict and opening.its:
            return opening.its_verdict
        return True
    name = opening.name
    if name is None:
        return None
    if opening.participle_like and not refers_to_subject(name, aliases):
        return None  # "Estimated population of 962.", "Located in the valley, ...": a participle, not a name
    return refers_to_subject(name, aliases)


@dataclass(frozen=True, slots=True)
class _Opening:
    """What a sentence opens with, whoever the subject is (worked out once per sentence)."""

    anaphor: bool = False
    pronoun: bool = False  # "it"/"its": may point at what the previous sentence named
    its: bool = False  # the anaphor is "its"
    its_verdict: bool | None = None  # what a strict reading makes of "Its ...": scope, another thing, or unsure
    name: str | None = None  # the name it opens with, where that can be a topic
    participle_like: bool = False  # one word ending in -ed/-ing


@lru_cache(maxsize=8192)
def _opening(sentence: str) -> _Opening:
    body = strip_intro(sentence)
    anaphor = ANAPHOR.match(body)
    if anaphor:
        its = anaphor.group().lower() == "its"
        verdict = None
        if its:
            rest = body[anaphor.end() :]
            if _ITS_SCOPE.match(rest):
                verdict = True  # "Its urban area ...", "Its population ..."
            elif _ITS_OTHER.match(rest):
                verdict = False  # "Its neighbour Dray has ..."
        return _Opening(anaphor=True, pronoun=bool(_PRONOUN.match(body)), its=its, its_verdict=verdict)
    name = _NAME_START.match(body)
    if not name or FUNCTION_WORD.match(name.group(1)):
        return _Opening()
    value = name.group(1)
    if _POSSESSIVE_END.search(value):
        return _Opening()  # "Berlin's second-largest park, ...": about something of the subject, not the subject
    return _Opening(name=value, participle_like=" " not in value and bool(_PARTICIPLE_END.search(value)))


_POSSESSIVE_END = regex_cache.compile(r"['’]s$")
_PARTICIPLE_END = regex_cache.compile(r"(?:ed|ing)$")
_ITS_SCOPE = regex_cache.compile(r"\s(?:total\s)?(?:population|urban|metropolitan|metro|municipal|greater|wider)\b", re.IGNORECASE)
_ITS_OTHER = regex_cache.compile(rf"\s(?:[a-z-]+\s){{1,3}}(?:of\s)?(?:the\s)?{NAME}")

_PRONOUN = regex_cache.compile(r"(?:it|its)\b(?!['’]s\b)", re.IGNORECASE)
_NAMED_THEN_VERB = regex_cache.compile(
    rf"^(?:The\s|the\s)?({NAME})\s(?:is|was|are|were|has|had|lies|covers|stands|opened|serves|houses|contains)\b"
)


def _names_other(previous: str, aliases: set[str]) -> bool:
    """The previous sentence opens by naming another thing as its subject ("The Tiergarten is ...")."""
    named = _named_then_verb(previous)
    return named is not None and not refers_to_subject(named, aliases)


@lru_cache(maxsize=8192)
def _named_then_verb(sentence: str) -> str | None:
    found = _NAMED_THEN_VERB.match(strip_intro(sentence))
    return found.group(1) if found and not FUNCTION_WORD.match(found.group(1)) else None


_SCOPE_WORDS = frozenset(
    "greater metropolitan metro area statistical urban city town municipality of the region agglomeration "
    "conurbation downtown central old new inner s district capital".split()
)


def refers_to_subject(name: str, aliases: set[str]) -> bool:
    """A name of the subject itself or of its wider area ("Greater Rosario", "X metropolitan area")."""
    folded = fold(name)
    if folded in aliases:
        return True
    words = folded.split()
    for alias in aliases:
        if not alias:
            continue
        # A word-bounded occurrence by string search: per-alias patterns would churn the regex cache.
        padded = f" {folded} "
        at = padded.find(f" {alias} ")
        if at < 0:
            continue
        rest = (padded[:at] + " " + padded[at + len(alias) + 2 :]).split()
        if all(w in _SCOPE_WORDS for w in rest) or "metropolitan" in words or "metro" in words:
            return True
    return False
