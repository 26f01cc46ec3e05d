"""The list readers of facilities: installations listed after a cue, and landmark and attraction lists.

A generic followed by a name is that name ("a labor camp, Kengir"); a listed
landmark's kind comes from its head word, its apposition ("a large tropical
aquarium") or the list ("landmark"); natural features, districts, events and
teams are no installation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Context
from placefacts.find.facility_kinds import (
    AIR,
    GENERIC,
    GENERIC_HEADS,
    LANDMARK_HEADS,
    Found,
    generic_ok,
    head_kind,
    landmark_kind,
    name_at,
    norm_head,
)
from placefacts.find.grammar import refers_to_subject, strip_intro
from placefacts.find.lexicon import entries
from placefacts.find.lists import chunks, cue_of_topic, split_outside_brackets, subject_ref
from placefacts.find.textutil import CAP_WORD as _CAP_WORD
from placefacts.find.textutil import NAME, Sentence
from placefacts.normalise.countries import country, division_country

LEAD = regex_cache.compile(
    r"(?:(?:the|a|an|one|two|three|several|many|numerous|some|adjoining|adjacent|nearby|historic|former|famous|"
    r"renowned|ancient|old|new|modern|large|small|main|also|and|its|their|present|splendid|current)\s)+"
)
_PART_OF = regex_cache.compile(r"(?:[a-z]+\s){1,3}of\s(?:the\s)?(?=[A-Z])")


def _named_only(pending: Found | None) -> Iterator[Found]:
    """A name with a lower-case head ("the Sainte Rose-de-Lima church") that no bare name follows stands alone."""
    if pending is not None and pending.value[:1].isupper():
        yield Found(pending.value, pending.kind, pending.start, pending.end, True)


def _flush(pending: Found | None) -> Iterator[Found]:
    """A pending generic ("a power station") or name with a lower-case head, when no name follows it."""
    if pending is not None:
        yield from _named_only(pending) if pending.value[:1].isupper() else (pending,)


def join_shared_heads(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"the National Science and Media Museum" is one name: a short headless name joined by "and" to a short named one."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and text[out[-1][1] : a] == " and ":
            left = text[out[-1][0] : out[-1][1]]
            lead = LEAD.match(left)
            left = left[lead.end() :] if lead else left
            right = text[a:b].rstrip(" .")
            if _SHORT_NAME.fullmatch(left) and head_kind(left) is None and _SHORT_NAME.fullmatch(right) and \
                    (head_kind(right) or landmark_kind(right)):
                out[-1] = (out[-1][0], b)
                continue
        out.append((a, b))
    return out


_SHORT_NAME = regex_cache.compile(rf"{_CAP_WORD}(?:\s{_CAP_WORD})?|{_CAP_WORD}(?:\s{_CAP_WORD})?\s{_CAP_WORD}")


def from_list(text: str, pos: int, end: int, class_kind: str | None) -> Iterator[Found]:
    """Installations listed from `pos`; a generic followed by a name is that name ("a labor camp, Kengir")."""
    pending: Found | None = None
    for a, b in join_shared_heads(text, chunks(text, pos, end)):
        lead = LEAD.match(text, a, b)
        begin = lead.end() if lead else a
        part = _PART_OF.match(text, begin, b)
        if part:
            inner = name_at(text, part.end(), b)
            if inner and inner[3] and inner[3] not in AIR:
                begin = part.end()  # "the east portal of the Hoosac Tunnel"
        birth = _BIRTHPLACE_ITEM.match(text, begin, b)
        if birth:
            # "The village contains the birthplace of Scottish poet Robert Burns": a house of the place
            yield from _flush(pending)
            pending = None
            yield Found(f"birthplace of {birth.group('person')}", "historic house", birth.start(), birth.end(), True)
            continue
        one_of = _ONE_OF.match(text, a, b) or _ONE_OF.match(text, begin, b)
        if one_of:
            begin = one_of.end()  # "one of the world's largest zinc refineries"
        named = name_at(text, begin, b)
        if not named or named[1] != begin and text[begin:named[1]].strip() not in ("", "the"):
            described = _DESCRIBED.match(text, begin, b)
            inner = name_at(text, described.end(), b) if described else None
            if inner and inner[3] and inner[3] not in AIR and inner[1] == described.end() and not GENERIC.match(text, begin, b):
                named = inner  # "research and development leaders Carnegie Mellon University"
        if named and named[1] == begin or (named and text[begin:named[1]].strip() in ("", "the")) or \
                (named and named[3] and _DESCRIBED.fullmatch(text, begin, named[1])):
            value, start, stop, kind = named
            particle = re.search(r"\b(?:de|van|von|da|di|du|del|della|le|la|al|el)\s$", text[begin : named[1]])
            if particle:
                value, start = text[particle.start() : stop], particle.start()  # "the de Young Museum"
            if len(value) < 4 or value in ("St.", "Mt.") or (kind is None and (country(value) or division_country(value))):
                continue
            if kind in AIR or not ENDS_ITEM.match(text, stop, b):
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
            found = Found(value, kind or class_kind or "", start, stop, True)
            if kind is not None and found.value.split()[-1].islower() and text[stop:b].strip() == "":
                # "Gulag labor camp": a name with a lower-case head may itself be the generic before a name
                pending = Found(value, kind, start, stop, False)
                continue
            yield found
            continue
        generic = GENERIC.search(text, begin, b)
        yield from _flush(pending)
        pending = None
        if generic and generic.start() == begin and generic_ok(generic):
            value = to_singular(generic.group("value")) if one_of else generic.group("value")
            pending = Found(value, GENERIC_HEADS[norm_head(generic.group("head"))], generic.start(), generic.end(), False)
    yield from _flush(pending)


_ONE_OF = regex_cache.compile(
    r"(?:one|two|three|some)\sof\s(?:the\s)?(?:(?:world|country|nation|region|state|continent|area|city|town|"
    r"[A-Z][\w-]*)(?:'s|’s)\s)?(?:(?:[a-z]+est|most\s[a-z]+|largest|biggest|main|major|few|best-known)\s){1,2}"
)
# Lower-case words before a listed name, none of them a preposition: "research and development leaders X University"
_DESCRIBED = regex_cache.compile(
    r"(?:(?!(?:of|in|at|from|near|to|into|for|by|with|on|as|former|formerly|now|or|and|than|but|if|so|not|which|that|"
    r"who|is|are|was|were|it|its|their|has|have|had)\b)[a-z][\w-]*\s){1,5}(?:the\s)?"
)


def to_singular(value: str) -> str:
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
ENDS_ITEM = regex_cache.compile(
    r"\s*[.!?\"”]?\s*$|\s?\(|\s?[,;:—–-]|\s(?:in|on|at|of|which|that|where|located|built|founded|opened|near|with|for|by|"
    r"designed|completed|was|is|are|were|has|had|whose|who|since|from|to|as|named|known|also)\b"
)
# Class nouns too broad to make a bare name an installation ("attractions such as ... Marriage Island").
_BROAD = frozenset({"attraction", "landmark", "site", "institution", "monument"})
_FAMILY = {"power station": "power plant", "plant": "power plant", "harbour": "port"}


def _family(kind: str) -> str:
    return _FAMILY.get(kind, kind)


# ---------------------------------------------------------------- landmark lists
# "Landmarks in the city include A, B, the C, and D"; "Popular attractions include "A", a long beach; B, a
# riverfront parkland; ...": each named item is an installation of the place; its kind comes from its head word,
# from its apposition ("a large tropical aquarium"), or is the list's own ("landmark").

LANDMARK_CLASS = regex_cache.compile(
    r"\b(?P<class>(?i:landmarks|attractions|sights|buildings|structures|places\sof\sinterest|points\sof\sinterest|"
    r"tourist\sspots|monuments|features))\b"
    r"(?P<where>\s(?:in|of|around)\s(?:the\s)?(?:city|town|village|area|municipality|island|"
    rf"{NAME}))?"
    r"(?:,?\s(?:such\sas|including|like|among\sthem|notably|especially)\s|\s(?:include|includes|included)\s|"
    r"\s(?:are|were)\s(?=(?:the\s)?[\"“A-Z])|:\s)"
)


# Natural features, districts, events, performing companies and teams are no installation.
_NOT_LANDMARK = regex_cache.compile(
    r"\b(?:Island|Islands|Isle|Hill|Hills|Mountain|Mountains|Mount|Mt\.?|River|Lake|Bay|Creek|Valley|Falls|Cape|Point|"
    r"Peninsula|Beach|Coast|Sea|Ocean|Gorge|Canyon|Cave|Caves|Glacier|Volcano|Desert|Forest|Springs|Delta|Reef|"
    r"District|Quarter|Chinatown|Neighbourhood|Neighborhood|Downtown|Old\sTown|Walled\sCity|Festival|Race|"
    r"Championship|Championships|Bowl|Cup|Games|Open|Tournament|Show|Fair|Carnival|Parade|Week|Marathon|Classic|"
    r"Ballet|Symphony|Orchestra|Opera|Philharmonic|Company|Team|Club|FC|League|Stage|Series|"
    r"Awards?|Prize|Highway|Road|Street|Avenue|Route|Trail|Lane|Scar|Cove|Tarn|Crag|Rock|Rocks|Pass|Glen|Dale|Moor|"
    r"Fell|Pike|Wetlands?|Marsh|Swamp|Dunes|Heights)$|^(?:Mount|Mt\.?|Lake|Cape|Isle|Carnival|Festival|Feast|Fiesta)\s"
)
# Nouns of an apposition that say what a listed name is: "Reef HQ, a large tropical aquarium ...".
_APPOSITION_KINDS = entries("apposition_kinds")
_NATURAL_NOUN = regex_cache.compile(
    r"\b(?:island|islands|hill|hills|mountain|mountains|river|lake|bay|creek|valley|waterfall|falls|cape|peninsula|"
    r"volcano|cave|glacier|forest|reef|suburb|neighbou?rhood|district|festival|event|team|race|championship)\b"
)
_APPOSITION = regex_cache.compile(r",?\s(?:(?:an?|the|one\sof\sthe)\s)(?P<desc>[^,;()]{2,90})")
_BIRTHPLACE_ITEM = regex_cache.compile(
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
    return join_shared_heads(text, split_outside_brackets(text, pos, end, _ITEM_SEP, of_name=_OF_AND, stop_at=";"))


_ITEM_SEP = regex_cache.compile(r",\s(?:and\s|as\swell\sas\s|or\s)?|\s(?:and|as\swell\sas)\s|—")


_OF_AND = regex_cache.compile(r"\sof\s(?:the\s)?(?:[A-Z][\w'’-]*\s){0,2}[A-Z][\w'’-]*$")
_LANDMARK_LEAD = regex_cache.compile(
    r"(?:(?:and|the|The|a|an|its|their|several|many|numerous|famous|renowned|historic|historical|iconic|former|old|"
    r"ancient|new|modern|popular|world-famous|world\sheritage-listed|World\sHeritage-listed|listed|restored|"
    r"resurrected|nearby|adjacent|also|the\sso-called|so-called)\s)+"
)


def _apposition_kind(desc: str) -> str | None:
    """"a large tropical aquarium holding ..." -> "aquarium"; "a large neighbouring island" -> "" (not one)."""
    words = re.findall(r"[a-z]+", desc.split(" of ")[0].split(" which ")[0].split(" that ")[0].lower())
    for word in words[:6]:
        if _NATURAL_NOUN.fullmatch(word):
            return ""
        if word in _APPOSITION_KINDS:
            return _APPOSITION_KINDS[word]
    return None


def listed_landmarks(ctx: Context, text: str, pos: int, end: int) -> Iterator[Found]:
    """Installations named in a landmark or attraction list from `pos`."""
    parts = _landmark_parts(text, pos, end)
    found: list[Found] = []
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
            found.append(Found(value, "historic house", birth.start(), birth.end(), True))
            continue
        if found and re.match(r"(?:an?|one\sof\sthe)\s[a-z]", text[a:b].lstrip()):
            kind = _apposition_kind(text[a:b].lstrip())
            if kind == "":
                found.pop()  # "Magnetic Island, a large neighbouring island"
            elif kind and found[-1].kind == "landmark":
                found[-1].kind = kind
            continue
        named = name_at(text, begin, b)
        if not named or text[begin : named[1]] not in ("", "The ", "the "):
            continue
        value, start, stop, kind = named
        if country(value) or division_country(value) or (index and _IN_NAME_END.search(text[parts[index - 1][0] : parts[index - 1][1]])
                                                          and text[parts[index - 1][1] : a] == ", " and landmark_kind(value) is None):
            continue  # "... Clock Tower in London, England": the qualifier of a place, not an item
        plural = re.match(r"\s(?P<head>mosques|palaces|churches|temples|castles|towers|museums|gardens|bridges|halls)\b", text[stop:b])
        if plural:
            head = plural.group("head")
            singular = head[:-3] if head.endswith("ches") else head[:-1]
            value, stop = f"{value} {singular}", stop + plural.end()
            kind = GENERIC_HEADS.get(singular) or LANDMARK_HEADS.get(singular.capitalize())
            if found and found[-1].kind == "landmark" and text[found[-1].end : a].strip() == "and" and " " not in found[-1].value:
                found[-1].value += f" {singular}"  # "the Amalienborg and Christiansborg palaces"
                found[-1].kind = kind or "landmark"
        joined = _PAREN_THEN_NAME.match(text[stop:b])
        if joined and landmark_kind(value + " " + joined.group(1)):
            value = value + " " + joined.group(1)  # "the Willis (Sears) Tower"
            stop += joined.end()
            kind = head_kind(value)
        weak = landmark_kind(value) if kind is None else None
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
        if _NOT_LANDMARK.search(value) and not head_kind(value):
            continue
        if value.endswith(("'s", "’s")) or len(value) < 3 or ctx.is_subject(value):
            continue
        if kind is None and (len(value.split()) == 2 and _looks_personal(value)):
            continue
        found.append(Found(value, kind or "landmark", start, stop, True))
    yield from found


_PAREN_RE = regex_cache.compile(r"\s?\([^()]*\)")

_FIRST_NAMES = frozenset(
    "John James William George Charles Thomas Robert Henry Edward Richard Joseph Mary Elizabeth Anne Margaret "
    "Sarah Jane David Michael Peter Paul Mark Andrew Samuel Benjamin Frederick Albert Alexander".split()
)


def _looks_personal(value: str) -> bool:
    return value.split()[0] in _FIRST_NAMES


_OWNER_AT = regex_cache.compile(rf"(?:(?:the\s|The\s)?(?P<owner>{NAME})(?<=['’]s)\s|Its\s|its\s|The\s(?:city|town|village|area)(?:'s|’s)\s)?")
_IN_NAME_END = regex_cache.compile(rf"\sin\s{NAME}\s*$")
_PAREN_THEN_NAME = regex_cache.compile(rf"\s\([^()]*\)\s((?:{_CAP_WORD}\s)*{_CAP_WORD})(?![\w'’-])")


def landmark_owner_ok(ctx: Context, sentence: Sentence, match: re.Match[str], about: bool | None) -> bool:
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
