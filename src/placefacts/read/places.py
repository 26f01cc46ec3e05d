"""Is a wiki page about a place? Decided by its infobox, else by its defining first sentence.

Cheap on purpose: it runs on every page of a dump before any cleaning, so it
reads the raw wikitext with a few patterns. The words are data
(`data/places.json`), in the languages of the wikis read.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from placefacts import regex_cache
from placefacts.clean.templates import INFOBOX_PREFIX
from placefacts.normalise.patterns import word_alternation

_INFOBOX = regex_cache.compile(r"\{\{\s*(" + INFOBOX_PREFIX + r"[^{}|<\n]*)(?:\|\s*([^|}\n]*))?", re.IGNORECASE)
_ANY_TEMPLATE = regex_cache.compile(r"\{\{\s*([^{}|<\n]+?)\s*(?:\||\}\})")
_BOLD_LEAD = regex_cache.compile(r"'''(?P<name>[^'\n]{1,120})'''(?P<rest>[^\n]{0,400})")
_LINK = regex_cache.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")
_TEMPLATE = regex_cache.compile(r"\{\{[^{}]*\}\}")
_TAGS = regex_cache.compile(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>|<[^>]+>", re.DOTALL)


@cache
def _data() -> dict:
    return json.loads(resources.files(__package__).joinpath("data", "places.json").read_text("utf-8"))


def _words(name: str) -> set[str]:
    return set(re.split(r"[\s_/()-]+", name.lower()))


@cache
def _defining() -> re.Pattern[str]:
    from placefacts.find.lexicon import entries

    data = _data()
    nouns = sorted({*entries("place_categories"), *data["category_words"]}, key=len, reverse=True)
    copulas = "|".join(re.escape(c) for c in sorted(data["copulas"], key=len, reverse=True))
    articles = "|".join(re.escape(a) for a in data["articles"])
    noun = word_alternation(nouns)
    return regex_cache.compile(
        rf"^[^.;]{{0,200}}?(?:^|\s|\))(?:{copulas})\s+(?:(?:{articles})\s+)?(?:[^\s.;]+\s+){{0,6}}?(?:{noun})(?![\w-])",
        re.IGNORECASE,
    )


def infobox_says(text: str) -> bool | None:
    """True: a settlement-like infobox; False: infoboxes of other things only; None: no infobox."""
    data = _data()
    place_words, other_words = set(data["infobox_words"]), data["not_place_infoboxes"]
    found = False
    for match in _INFOBOX.finditer(text[:200000]):
        found = True
        name = match.group(1).strip().lower()
        if any(word in name for word in other_words if " " in word) or _words(name) & set(other_words):
            continue
        if name.startswith("geobox"):
            kind = (match.group(2) or "").strip().lower()
            if kind in data["geobox_kinds"]:
                return True
            continue
        if _words(name) & place_words:
            return True
    return False if found else None


def sentence_says(text: str) -> bool:
    """The defining sentence: "'''Marrowby''' is a market town in ...", "'''Bolvi''' — mīsts ..."."""
    match = _BOLD_LEAD.search(text[:20000])
    if match is None:
        return False
    rest = _TAGS.sub("", match.group("rest"))
    for _ in range(3):  # nested templates, innermost first
        rest = _TEMPLATE.sub("", rest)
    rest = _LINK.sub(r"\1", rest).replace("''", "")
    return bool(_defining().search(rest))


def is_disambiguation(title: str, text: str) -> bool:
    words = _data()["disambiguation"]
    if re.search(r"\((?:" + "|".join(map(re.escape, words)) + r")\)\s*$", title, re.IGNORECASE):
        return True
    names = (m.group(1).strip().lower() for m in _ANY_TEMPLATE.finditer(text))
    return any(name in words or name.endswith(" disambiguation") for name in names)


def is_place(title: str, text: str) -> bool:
    if is_disambiguation(title, text):
        return False
    verdict = infobox_says(text)
    if verdict is not None:
        return verdict
    return sentence_says(text)
