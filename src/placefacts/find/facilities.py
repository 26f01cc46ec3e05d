"""facility: notable installations of the place — plants, mines, camps, ports, bridges, universities.

A named installation has a head word (find/data/facility_heads.txt: "Kazakhmys
Power Plant", "Port of Rosario", "Oxford Branch railway"); a generic one is a
lower-case head the text says is there ("many refineries have opened", "the
city's steel mills and blast furnaces"). Either must be placed in the subject:
its name carries the subject's name, a class noun lists it ("three private
colleges: ..."), a presence cue governs it ("home to", "the site of", "there
is"), or it "is located in the city". Where a generic and a name of the same
kind co-occur ("a power station, Kazakhmys Power Plant"), the name wins.

The heads and kinds are in find/facility_kinds.py, the list readers in
find/facility_lists.py; this module reads the cues and registers the finder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.facility_kinds import (
    AIR,
    GENERIC,
    GENERIC_ALT,
    GENERIC_HEADS,
    LANDMARK_HEADS,
    MODIFIER,
    NAME_RE,
    NAMED_HEADS,
    PREFIX_HEADS,
    Found,
    contains_subject,
    facility_qualifiers,
    generic_ok,
    head_kind,
    intro_year_of,
    landmark_kind,
    name_at,
    norm_head,
)
from placefacts.find.facility_lists import (
    ENDS_ITEM,
    LANDMARK_CLASS,
    LEAD,
    from_list,
    join_shared_heads,
    landmark_owner_ok,
    listed_landmarks,
    to_singular,
)
from placefacts.find.grammar import about_subject, refers_to_subject, strip_intro, topic
from placefacts.find.keywords import key_words
from placefacts.find.lists import chunks, cue_of_topic, subject_possessive, subject_ref, word_set
from placefacts.find.textutil import NAME, Sentence
from placefacts.normalise.text import fold

_CLASS = (
    r"universities|university|colleges|college|schools|school|high\sschools|law\sschools|buildings|landmarks|"
    r"attractions|museums|churches|cathedrals|theme\sparks|amusement\sparks|stadiums|stadia|bridges|institutions|"
    r"ports|plants|mines|factories|hospitals|monuments|temples|mosques|stations|railway\sstations|castles|palaces|"
    r"forts|campuses|refineries|power\sstations|power\splants|shipyards|bases|camps|sites"
)
_CLASS_CUE = regex_cache.compile(
    rf"\b(?P<class>{_CLASS})(?:\sof\s(?:interest|note))?"
    rf"(?P<where>\s(?:in|of|within)\s(?:the\s)?(?:city|town|area|village|municipality|parish|{NAME}))?"
    rf"(?::\s|\s(?:are|were)\s(?=(?:the\s)?[A-Z][a-z])|,\s(?:including|notably|most\snotably|especially|such\sas|"
    rf"among\sthem|like)\s|\s(?:include|includes|included|including|such\sas|like)\s|,\s(?=(?:the\s)?[A-Z])|"
    rf"\s(?:are|were)\s(?:located|based|situated)\s(?:in|within)\s(?P<where2>(?:the\s)?[\w-]+(?:\s[A-Z][\w-]*)*),?\s"
    rf"(?:including|such\sas|notably|most\snotably)\s)"
)
# "Of the area's many colleges and universities, the University of Chicago, ...": the subject's, in the intro
_OWNER_INTRO = regex_cache.compile(
    rf"(?:Of|Among|In)\s(?:the\s(?:area|city|town|region|village|municipality)(?:'s|’s)|its|(?P<owner>{NAME})(?<=['’]s))\s"
    r"(?:[a-z-]+\s){0,5}$"
)
_PRESENCE = regex_cache.compile(
    r"\b(?:(?:is|was|are|were|has\sbeen|had\sbeen)\s(?:also\s)?(?:the\s)?(?:location|site|seat)\sof|(?:is|was|are|were)\s"
    r"(?:also\s)?home\sto|home\sto|(?:is|was)\s(?:also\s)?(?:the\s)?home\sof|has|have|had|hosts|hosted|houses|housed|"
    r"contains|contained|includes|included|"
    r"boasts|features|gained|acquired|[Tt]here\s(?:is|are|was|were)(?:\salso)?)\s"
)
_LOCATED_IN = regex_cache.compile(
    r"\s(?:(?:is|are|was|were)\s(?:also\s)?)?(?:located|situated|based|found)\s(?:(?:with)?in|at)\s(?P<where>(?:the\s)?[\w-]+(?:\s[A-Z][\w-]*)*)"
)
_AS_ARE = regex_cache.compile(r",\sas\s(?:are|is|were|was)\s")
# "Scranton was founded in 1908 around the New Bullion Mine": the installation the town grew around
_GREW_AROUND = regex_cache.compile(
    r"\b(?:founded|grew|grew\sup|developed|built|established|formed|arose|sprang\sup)\s(?:[\w,]+\s){0,4}?around\s(?=(?:the\s)?[A-Z])"
)
_BUILT = regex_cache.compile(
    rf"\b(?P<det>a|an)\s(?:(?:large|small|big|huge|new|modern|major)\s)?(?P<value>(?:{MODIFIER}(?:and\s{MODIFIER})?){{0,3}}"
    rf"(?P<head>{GENERIC_ALT}))\s(?:was|were)\s(?:\w+ly\s)?(?:constructed|built|opened|established|completed|commissioned|founded)\b"
)
_OPENED_MANY = regex_cache.compile(
    rf"\b(?:many|several|numerous|two|three|four|five|a\snumber\sof|new)\s(?P<value>(?:{MODIFIER}){{0,2}}(?P<head>{GENERIC_ALT}))"
    r"\s(?:have|has|had)?\s?(?:been\s)?(?:opened|built|constructed|established)\b"
)
_POSSESSIVE = regex_cache.compile(r"\b(?:the\s(?:city|town|village|municipality|island)(?:'s|’s)|its)\s$")
# Sentences without a head word or class noun name no installation.
_HEAD_WORDS = frozenset(
    {w.lower() for h in (*NAMED_HEADS, *PREFIX_HEADS, *GENERIC_HEADS) for w in h.split()[-1:]}
    | {w.lower() + "s" for h in (*NAMED_HEADS, *GENERIC_HEADS) for w in h.split()[-1:]}
    | {"stations", "station", "railway", "railroad", "line", "bridge", "tunnel", "furnaces", "mills", "universities",
       "colleges", "schools", "buildings", "landmarks", "attractions", "museums", "churches", "parks", "stadiums",
       "stadia", "bridges", "institutions", "ports", "plants", "mines", "factories", "hospitals", "monuments",
       "temples", "mosques", "castles", "palaces", "forts", "campuses", "refineries", "shipyards", "bases", "camps",
       "sites", "cathedrals", "sights", "structures", "birthplace", "register", "heritage", "connected", "linked", "joined",
       "features"}
)


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
        out.append((value, start, stop, head_kind(value)))
    return out


_OF_LOWER = regex_cache.compile(r"\sof\s[a-z]")
_LANDMARK_WORDS = frozenset({"landmarks", "attractions", "buildings", "monuments"})
_IN_NAME = regex_cache.compile(rf"\bin\s({NAME})\s")
_HEAD_WORD_LIST = key_words(*sorted(_HEAD_WORDS))
_HEAD_ONLY = _HEAD_WORDS | {h.lower() for h in NAMED_HEADS}
_ANY_HEAD = _HEAD_ONLY | {h.lower() for h in LANDMARK_HEADS} | {"centre", "center", "hospital", "campus"}
_CLASS_GATE = frozenset(w for alt in _CLASS.split("|") for w in [alt.split("\\s")[-1]])
_CONNECTED_GATE = frozenset({"connected", "linked", "joined", "connects", "links"})
_LANDMARK_GATE = frozenset({"landmarks", "attractions", "sights", "buildings", "structures", "interest", "spots", "monuments",
                            "features"})


def _may_name_subject(ctx: Context, sentence: Sentence) -> bool:
    """Whether a name in the sentence can carry the subject's name: `contains_subject` needs an alias's words in
    it, so the sentence, folded and without blanks, must hold the alias without blanks."""
    squeezed = fold.__wrapped__(sentence.text).replace(" ", "")  # uncached: sentences would crowd out the names
    return any(alias.replace(" ", "") in squeezed for alias in ctx.aliases if alias.strip())


def _sentence_facilities(ctx: Context, sentence: Sentence) -> Iterator[Found]:
    text = ctx.text
    words = word_set(sentence.text)
    about = about_subject(sentence.text, ctx.aliases)
    there = bool(re.match(r"[Tt]here\s(?:is|are|was|were)\b", strip_intro(sentence.text)))
    # Names that carry the subject's name: "Port of Rosario", "Agra Fort", "Birmingham School of Law".
    for match in NAME_RE.finditer(text, sentence.start, sentence.end) if _may_name_subject(ctx, sentence) else ():
        named = name_at(text, match.start(), sentence.end)
        if text[max(0, match.start() - 1) : match.start()] == "(":
            continue  # "Xin Zhou Yi Zhong Xue (Xin Zhou Number One High School)": the same installation
        if named and _OF_LOWER.match(text, named[2], sentence.end):
            continue  # "the Chicago School of architecture": a style, not an installation
        if named and named[3] and named[3] not in AIR and contains_subject(ctx, named[0]):
            if not ctx.is_subject(named[0]):
                yield Found(named[0], named[3], named[1], named[2], True)
    # "the city's steel mills and blast furnaces", "the town's harbour and main commercial port"
    possessive = "'s " in sentence.text or "’s " in sentence.text or "its " in sentence.text
    for match in GENERIC.finditer(text, sentence.start, sentence.end) if possessive else ():
        owner = _POSSESSIVE.search(text, max(sentence.start, match.start() - 20), match.start())
        if not owner:
            continue
        if owner.group().startswith("its") and not ((about is True or about is None and subject_possessive(ctx, sentence))
                                                    and cue_of_topic(sentence, owner.start())):
            continue  # "Potosí in Bolivia, which was famous for its silver mines": another place's
        for found in from_list(text, match.start(), sentence.end, None):
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
            lead = LEAD.match(text, chunk_start, chunk_end)
            named = name_at(text, lead.end() if lead else chunk_start, chunk_end)
            if named:
                items.append(named)
        # "X University is located in Tilburg, as are Y University and Z University": the list after goes too
        also = _AS_ARE.match(text, match.end(), sentence.end)
        if also:
            for chunk_start, chunk_end in chunks(text, also.end(), sentence.end):
                lead = LEAD.match(text, chunk_start, chunk_end)
                named = name_at(text, lead.end() if lead else chunk_start, chunk_end)
                if named:
                    items.append(named)
        if items:
            for value, begin, stop, kind in _distribute(items):
                if kind and kind not in AIR:
                    yield Found(value, kind, begin, max(stop, match.end()), True)
    yield from _crossings(ctx, sentence, about)
    if about is not False and "around" in sentence.text:
        for match in _GREW_AROUND.finditer(text, sentence.start, sentence.end):
            if not cue_of_topic(sentence, match.start()):
                continue
            named = name_at(text, match.end(), sentence.end)
            if named and named[3] and named[3] not in AIR:
                yield Found(named[0], named[3], named[1], named[2], True)
    yield from _is_the_head(ctx, sentence)
    register = list(_historic_register(ctx, sentence, about))
    yield from register
    landmark_lists = []
    for match in LANDMARK_CLASS.finditer(text, sentence.start, sentence.end) if words & _LANDMARK_GATE else ():
        if landmark_owner_ok(ctx, sentence, match, about):
            landmark_lists.append(match)
            yield from listed_landmarks(ctx, text, match.end(), sentence.end)
    if about is False and not there:
        for match in _CLASS_CUE.finditer(text, sentence.start, sentence.end) if words & _CLASS_GATE else ():
            if landmark_lists or match.group("class") in _LANDMARK_WORDS or not _class_where_ok(ctx, match):
                continue
            owner = _OWNER_INTRO.search(text, sentence.start, match.start())
            if owner and owner.group("owner") and not refers_to_subject(owner.group("owner")[:-2], ctx.aliases):
                owner = None
            if owner or _where(match) or re.match(r"(?:These|Those|Such|Its|The\s(?:city|town)(?:'s|’s))\b", strip_intro(sentence.text)):
                yield from from_list(text, match.end(), sentence.end, _class_kind(match.group("class")))
        return
    for match in _CLASS_CUE.finditer(text, sentence.start, sentence.end) if words & _CLASS_GATE else ():
        if any(m.start() <= match.start() < m.end() + 5 for m in landmark_lists) or not _class_where_ok(ctx, match):
            continue
        yield from from_list(text, match.end(), sentence.end, _class_kind(match.group("class")))
    # "home to three homes on the National Register of Historic Places: ..." is read above
    for match in _PRESENCE.finditer(text, sentence.start, sentence.end) if not register else ():
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
                yield from from_list(text, match.end() + part.start(), match.end() + part.end(), None)
        else:
            yield from from_list(text, match.end(), sentence.end, None)
    # "In 1973 a large mining and metallurgical complex was constructed", "many refineries have opened"
    for cue in (_BUILT, _OPENED_MANY):
        for match in cue.finditer(text, sentence.start, sentence.end):
            if generic_ok(match):
                yield Found(match.group("value"), GENERIC_HEADS[norm_head(match.group("head"))], match.start("value"), match.end(), False)


_REGISTER_AFTER = regex_cache.compile(
    r"\s(?:is|are|was|were)\s(?:all\s|also\s|each\s|now\s|both\s)?(?:(?:listed|placed|added|included|registered)\s(?:on|to|in)\s"
    r"(?:the\s)?(?:National\sRegister\sof\sHistoric\sPlaces|NRHP)|(?:an?\s)?(?:UNESCO\s)?World\sHeritage\sSites?)"
)
_REGISTER_BEFORE = regex_cache.compile(
    r"\b(?:on|to|in)\s(?:the\s)?(?:National\sRegister\sof\sHistoric\sPlaces|NRHP)(?:,?\s(?:including|such\sas)\s|:\s)"
)


def _historic_register(ctx: Context, sentence: Sentence, about: bool | None) -> Iterator[Found]:
    """"A House, B Church and C Mill are listed on the National Register of Historic Places"; "... on the National
    Register of Historic Places: A, B and C". Only items whose head says what they are; districts are areas."""
    text = ctx.text
    if "Register" not in sentence.text and "NRHP" not in sentence.text and "Heritage" not in sentence.text:
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
        for a, b in join_shared_heads(text, chunks(text, start, end)):
            lead = LEAD.match(text, a, b)
            begin = lead.end() if lead else a + 4 if text.startswith("The ", a) else a  # a sentence's own "The"
            named = name_at(text, begin, b)
            if not named or named[1] != begin or not ENDS_ITEM.match(text, named[2], b):
                continue
            value, begin, stop, kind = named
            kind = kind or landmark_kind(value)
            if kind and kind not in AIR and not re.search(r"\bHistoric\sDistrict$|\bDistrict$", value):
                yield Found(value, kind, begin, stop, True)


_CONNECTED = regex_cache.compile(r"\b(?:connected|linked|joined|connects|links)\b")
_CROSSING = regex_cache.compile(rf"(?:\bby|\bvia|\bthrough|\band|,)\s(?:the\s)?(?P<name>{NAME})")
_CROSSING_KINDS = frozenset({"bridge", "tunnel", "causeway"})
# "The LUKOIL Neftochim Burgas is the largest oil refinery in southeastern Europe"
_IS_THE_HEAD = regex_cache.compile(
    r"\s(?:is|was|remains)\s(?:also\s)?(?:one\sof\s)?the\s"
    rf"(?:(?:[a-z]+est|largest|biggest|main|only|oldest|major|principal|most\s[a-z]+)\s){{1,2}}"
    rf"(?P<head>(?:{MODIFIER}){{0,2}}(?:{GENERIC_ALT}|steelworks))\b"
)
_NAME_BEFORE = regex_cache.compile(rf"(?:^|\s)(?:the\s|The\s)?(?P<name>{NAME})$")


def _crossings(ctx: Context, sentence: Sentence, about: bool | None) -> Iterator[Found]:
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
        named = name_at(text, match.start("name") - (4 if text[match.start("name") - 4 : match.start("name")] == "the " else 0), sentence.end)
        if named and named[3] in _CROSSING_KINDS:
            last_end = named[2]
            yield Found(named[0], named[3], named[1], named[2], True)


def _is_the_head(ctx: Context, sentence: Sentence) -> Iterator[Found]:
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
        if not contains_subject(ctx, name) or ctx.is_subject(name) or head_kind(name):
            continue
        yield Found(name, " ".join(match.group("head").split()), before.start("name"), before.end("name"), True)


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
    found: list[tuple[Found, Sentence | None, str | None]] = []
    for sentence in ctx.sentences_with(_HEAD_WORD_LIST):  # a substring search first, the word test after it
        if not (word_set(sentence.text) & _HEAD_WORDS):
            continue
        year = intro_year_of(sentence)
        for item in _sentence_facilities(ctx, sentence):
            found.append((item, sentence, year))
    # Major employers that are installations ("the Halifax Shipyard") are facilities of the place too.
    for employer in ctx.found_values("employer"):
        kind = head_kind(str(employer.value))
        if kind and kind not in AIR:
            found.append((Found(str(employer.value), kind, employer.start, employer.end, True), None, None))
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
            key = fold(to_singular(item.value))
            if any(key.endswith(k) or k.endswith(key) or " " not in k or " " not in key for k in seen_generic.get(item.kind, [])):
                continue  # "refineries" then "the oil refinery"; "a zinc refinery, a nickel refinery" stay two
            seen_generic.setdefault(item.kind, []).append(key)
        key = fold(item.value)
        if key in seen or ctx.is_subject(item.value) or refers_to_subject(item.value, ctx.aliases):
            continue
        if item.named and (key in _HEAD_ONLY or " " not in key and key.capitalize() in LANDMARK_HEADS):
            continue  # "the Nazareth Convent and Academy", "High School located in ...": a head alone names nothing
        seen.add(key)
        qualifiers = facility_qualifiers(text, sentence, item, year) if sentence else {"kind": item.kind}
        start = min(item.start, sentence.start if sentence and year and item.start - sentence.start < 120 else item.start)
        yield Candidate("facility", item.value, start, item.end, qualifiers=qualifiers, confidence=0.7)
