"""notable_person: people born in the place, natives of it, or from it, with the text's description.

Two sources:

- list items under a heading that says so ("Born in Jezkazgan", "Notable
  people", "Notable residents", "Natives"): "Vitaliy Savin, a former Soviet
  athlete", "Name (born 1950), British actor", "Name – footballer";
- prose with a birth cue about the subject: "X was born in <subject>", "the
  birthplace of X (founder of ...)", "natives include X and Y", "<subject>
  native X", "X, a native of <subject>", "X grew up in <subject>".

Founders, namesakes, rulers, mayors, buyers of land and authors who wrote
about the place have no birth cue and give nothing; "named after the
birthplace of X" and "born in <another place>" give nothing either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import ANAPHOR, FUNCTION_WORD, PLACE_NOUNS, about_subject, refers_to_subject
from placefacts.find.keywords import key_words
from placefacts.find.textutil import CAP_WORD, NAME, Sentence
from placefacts.normalise.text import fold

_HEADING = regex_cache.compile(
    r"^(?:(?:notable|famous|prominent|distinguished|well-known|noted)\s(?:people|persons|residents|natives|individuals|"
    r"inhabitants|citizens|figures|personalities|sons(?:\sand\sdaughters)?|people\sborn\s.*|people\sfrom\s.*)|natives|"
    r"born\sin\s.+|people\s(?:born\sin|from)\s.+|personalities|notables?|notable\speople\sand\sresidents|"
    r"famous\snatives|sons\sand\sdaughters\sof\s.+|natives\sof\s.+)$",
    re.IGNORECASE,
)
# A person's name: given names and a surname, initials, particles ("Pierre Belain d'Esnambuc", "William O. Darby").
_PARTICLE = r"(?:de|del|della|di|da|van|von|der|den|du|la|le|bin|ibn|al|el|y|dos|das)"
_INITIAL = r"[A-Z]\.(?:\s?[A-Z]\.)*"
_PERSON = (
    rf"(?:{_INITIAL}|{CAP_WORD})(?:\s(?:{_PARTICLE}\s)?(?:{_INITIAL}|{CAP_WORD}|d'[A-Z][\w-]+|\"[A-Z][\w]+\"))+"
    rf"(?:,?\s(?:Jr\.|Sr\.|Jr|Sr|II|III|IV))?"
)
_PERSON_RE = regex_cache.compile(_PERSON)
# Words that make a capitalised phrase an organisation, a place, an event or a thing rather than a person.
_NOT_PERSON = regex_cache.compile(
    r"\b(?:University|College|School|Academy|Institute|Church|Cathedral|Temple|Mosque|Museum|Hospital|Company|Corporation|"
    r"Inc|Ltd|Club|FC|Football|Team|League|Association|Society|Council|Party|Army|Navy|Force|Station|Street|Road|Avenue|"
    r"Park|River|Lake|Mountain|Mount|Island|County|City|Town|Village|State|Province|District|Region|Republic|Kingdom|"
    r"Empire|Dynasty|War|Battle|Festival|Award|Prize|Medal|Cup|Championship|Olympics|Games|Bridge|Airport|Railway|"
    r"Pizza|Donuts|Flag|Industry|Industries|Records|Studios|Press|Times|News|Radio|TV|Television|Bank|Hotel|Theatre|"
    r"Theater|Center|Centre|Square|Hall|House|Palace|Castle|Fort|Monument|Manor|Group|Brands|Foundation|Order|Prime|"
    r"United\sStates|America|Europe|Asia|Africa|Gazette|Tribune|Herald|Mission|Parish|Diocese|Revolution|Rebellion|"
    r"Movement|Railroad|Canal|Gang|Brothers|Sisters|Band|Family|Era|Settlers|Nations?|Heart|Star|Cross|"
    r"Secretary|Director|Minister|Ambassador|Commissioner|Chairman|Officer|Lady|F\.C\.|A\.F\.C\.)\b"
)
_TITLE = regex_cache.compile(
    r"^(?:(?:Sir|Dame|Lord|Lady|Saint|St\.|Dr\.|Doctor|Professor|Prof\.|General|Gen\.|Colonel|Col\.|Captain|Capt\.|Major|"
    r"Admiral|Senator|Governor|President|Chief|Judge|Justice|Reverend|Rev\.|Father|Bishop|Archbishop|King|Queen|Prince|"
    r"Princess|Emperor|Empress|Sultan|Raja|Maharaja|Mayor|Congressman|Congresswoman|Representative|Ambassador|"
    r"Senior|Junior|Former|Late|Actor|Actress|Singer|Writer|Poet|Author|Footballer|Player|Mr\.|Mrs\.|Ms\.)\s)+"
)
_BORN_AFTER = regex_cache.compile(r"\s\((?:born|b\.|n[ée]e)?\s?[^()]{0,40}?\d{3,4}[^()]{0,20}\)|\s\(\d{3,4}\s?[–-]\s?\d{2,4}\)")
_SEPARATOR = regex_cache.compile(r"\s?(?:,|\s[–—-]|:)\s+")


_TITLE_WORD = regex_cache.compile(
    r"\b(?:Sir|Dame|Lord|Lady|Saint|Doctor|Professor|General|Colonel|Captain|Admiral|Senator|Governor|President|Chief|"
    r"Judge|Justice|Reverend|Bishop|Archbishop|King|Queen|Prince|Princess|Emperor|Empress|Sultan|Raja|Maharaja|Mayor|"
    r"Congressman|Congresswoman|Representative|Ambassador|Minister|Chancellor|Premier)\s"
)


_OCCUPATION = regex_cache.compile(r"^(?:[A-Z][a-z]+(?:er|ist|man|woman|or|ian|ant|ent|ess|ee)|Cardinal|Pope|Former|Executive|Famous|Poet)\s")


def _person(value: str) -> str | None:
    """The name without titles, if it looks like a person's name."""
    value = " ".join(value.split()).strip(" ,")
    while _OCCUPATION.match(value) and len(value.split()) > 2:
        value = _OCCUPATION.sub("", value, count=1)  # "Cricketer Percy Lewis"
    titles = list(_TITLE_WORD.finditer(value))
    if titles:
        value = value[titles[-1].end() :]  # "Senior United States Senator Blanche Lincoln" -> "Blanche Lincoln"
    stripped = _TITLE.sub("", value)
    if stripped != value and stripped:
        value = stripped
    words = value.split()
    if len(words) < 2 or len(words) > 6 or _NOT_PERSON.search(value) or FUNCTION_WORD.match(value) or "F.C." in value:
        return None
    if any(w.isupper() and len(w) > 1 and "." not in w for w in words):
        return None  # "RMS Titanic", "Miss Teen USA"
    return value


def _item_facts(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for block in ctx.prepared.blocks:
        if block.kind != "item" or not _HEADING.match(block.section.strip()):
            continue
        if re.match(r"(?i)born\sin\s|people\s(?:born\sin|from)\s|natives\sof\s", block.section.strip()):
            place = re.sub(r"(?i)^(?:born\sin|people\sborn\sin|people\sfrom|natives\sof)\s", "", block.section.strip())
            if not refers_to_subject(place, ctx.aliases):
                continue  # "Born in the county" lists of another place
        start = block.start
        while start < block.end and text[start] in "•*-–·▪◦ \t":
            start += 1
        name = _PERSON_RE.match(text, start, block.end)
        if not name:
            continue
        person = _person(name.group())
        if person is None:
            continue
        pos = name.end()
        born = _BORN_AFTER.match(text, pos, block.end)
        if born:
            pos = born.end()
        qualifiers: dict[str, str] = {}
        sep = _SEPARATOR.match(text, pos, block.end)
        if sep:
            description = text[sep.end() : block.end].strip().rstrip(".;")
            description = re.split(r"\s\((?:born|b\.|\d{4})", description)[0].strip()
            if description and len(description) <= 120:
                qualifiers["description"] = " ".join(description.split())
        person_start = name.start() + name.group().find(person.split()[0])
        yield Candidate("notable_person", person, person_start, block.end, qualifiers=qualifiers, confidence=0.85)


_SUBJECT_REF = rf"(?:here|there|in\s(?:the\s)?(?:{PLACE_NOUNS})|in\s(?:this|that)\s(?:{PLACE_NOUNS})|in\s({NAME}))"
_BORN = regex_cache.compile(rf"\b(?:was|were|is|are|being|been)\s(?:also\s)?born\s(?:and\s(?:raised|bred)\s)?{_SUBJECT_REF}")
# "Noted electronic musician Geir Jenssen also hails from Tromsø", "Singer Ann Lee is originally from Tromsø"
_HAILS_FROM = regex_cache.compile(
    rf"\b(?:hails|hail|hailed|comes|come|is|was|are|were)\s(?:also\s|originally\s|both\s){{0,2}}from\s"
    rf"(?:here|there|(?:the|this)\s(?:town|city|village|area|municipality|island|place)|({NAME}))\b(?!\s(?:to|until|into|and\sthe)\b)"
)
_GREW_UP = regex_cache.compile(rf"\b(?:grew\sup|was\sraised|were\sraised|spent\s(?:his|her|their)\schildhood)\s(?:and\s[\w\s]{{1,30}}?)?{_SUBJECT_REF}")
_BIRTHPLACE = regex_cache.compile(r"\b(?:birthplace|birth\splace|hometown|home\stown|native\s(?:town|city|village|place))(?:\sand\s(?:home|hometown|birthplace))?\sof\s")
_NATIVE_OF = regex_cache.compile(rf",\s(?:a|an|the)\s(?:[\w-]+\s)?native\sof\s({NAME})")
_NATIVES_INCLUDE = regex_cache.compile(
    r"\b(?:natives|(?i:notable|famous|prominent|well-known|noted)\s(?:people|residents|natives|persons|individuals|figures)"
    rf"(?:\s(?:from|of)\s(?:the\s(?:city|town|village|area)|(?P<from>{NAME})))?|people\sborn\s(?:here|there|in\s[\w\s]+?)|"
    r"individuals\sborn\s(?:here|there|in\s(?:the\s)?[\w\s]+?))\s(?:include|included|including|are|were)\b:?\s(?=[A-Z]|the\s|[a-z]+\s[A-Z])"
)
_LIST_AFTER = regex_cache.compile(r"\b(?:including|include|includes|such\sas|among\sthem)\s")
_SKIP_CONTEXT = regex_cache.compile(r"\b(?:named|honou?r|memory|after|renamed)\b[^.;]{0,60}$")


def _names_from(ctx: Context, text: str, pos: int, end: int) -> Iterator[tuple[str, int, int, str]]:
    """Persons listed from `pos`: (name, start, end, description) for "the actor X, Y (desc) and Z"."""
    while pos < end:
        window = text[pos:end]
        lead = re.match(
            r"(?i:both\s|the\s|an?\s|as\swell\sas\s(?:of\s)?)*(?:[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*(?:'s|’s|')\s)?"
            r"((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s(?=(?!(?:van|von|de|da|del|della|di|du|la|le|bin|ibn|al|el|y|and|or)\s)"
            r"[a-z][\w/-]*\s(?:[a-z][\w/-]*\s){0,3}[A-Z]))?(?:[a-z][\w/-]*\s){0,5})",
            window,
        )
        described = lead.group(1).strip() if lead else ""
        if re.search(r"\b(?:of|in|at|from|by|with|to|for|who|which|that|was|were|is|are|has|had|home|hometown|birthplace|"
                     r"and|or|awarded|removed|founded|named)\b", described):
            return  # "and was founded by X", "who was awarded a Purple Heart": not another native
        name_pos = pos + (lead.end() if lead else 0)
        match = _PERSON_RE.match(text, name_pos, end)
        if not match:
            return
        person = _person(match.group())
        after = match.end()
        modifier = re.match(r"\s((?:[a-z][\w/-]*\s){1,2})(?=[A-Z])", text[after:end])
        if modifier and not re.match(r"(?:and|or|as|who|was|were|is|of|in|from|at|for|with|by|to)\s", modifier.group(1)):
            # "Baltimore Ravens tight end Dallas Clark", "James B. Duke professor of English": a modifier, not the person
            later = _PERSON_RE.match(text, after + modifier.end(), end)
            if later and _person(later.group()):
                pos = after + modifier.end()
                continue
            return
        description = described
        paren = re.match(r"\s\(([^()]{3,80})\)", text[after:end])
        if paren:
            inner = paren.group(1)
            if not re.match(r"(?:born|b\.|died|d\.|né|née|c\.|ca\.|\d)", inner) and "born" not in inner:
                description = inner if not description else description
            after += paren.end()
        apposition = re.match(r",\s((?:the|a|an)\s[^,;()]{3,80}?|(?:winner|founder|author|member|president|leader)\s[^,;()]{3,80}?)(?=,|;|\.|$)", text[after:end])
        if apposition and re.search(r"\b(?:was|were|is|are)\b", apposition.group(1)):
            apposition = None  # "Le Corbusier, the writer Blaise Cendrars and ... were born there": a list, not an apposition
        if apposition:
            description = description or apposition.group(1)
            after += apposition.end()
        if person:
            start = match.start() + match.group().find(person.split()[0])
            yield person, start, match.end(), description
        join = re.compile(r"(?:\s\([^()]*\))?(?:,\s(?:and\s|as\swell\sas\s(?:of\s)?)?|\sand\s|\sas\swell\sas\s(?:of\s)?)").match(text, after, end)
        if not join or join.end() >= end:
            return
        pos = join.end()


_COMMA_NAME = regex_cache.compile(rf",\s({NAME})")
_OWNER_BEFORE = regex_cache.compile(rf"({NAME}),\s(?:[\w\s,]{{0,40}})?(?:the\s)?$")
_LEADING_PERSON = regex_cache.compile(rf"\s*({_PERSON})")
_ALIAS_NATIVE = regex_cache.compile(rf"({NAME})\snatives?\s(?=[A-Z])")
_NAME_END = regex_cache.compile(rf"({NAME})\s$")


def _prose_facts(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    text = ctx.text
    lo, hi = sentence.start, sentence.end
    about = about_subject(sentence.text, ctx.aliases)
    for cue in (_BORN, _GREW_UP, _HAILS_FROM):
        for match in cue.finditer(text, lo, hi):
            place = match.group(1)
            if place and not refers_to_subject(place, ctx.aliases):
                continue  # "born in Skelmanthorpe"
            qualifier = _COMMA_NAME.match(text[match.end() : match.end() + 60])
            if place and qualifier and not _own_unit(ctx, qualifier.group(1)):
                continue  # "born in Croydon, England" in an article on Croydon, Queensland
            if re.search(r"\bfirst\s(?:white\s|european\s)?(?:child|baby|person)\b", text[lo : match.start()], re.IGNORECASE):
                continue
            clause = text[lo : match.start()]
            yield from _born_subjects(ctx, clause, lo, match.end())
    for match in _BIRTHPLACE.finditer(text, lo, hi):
        before = text[lo : match.start()]
        if _SKIP_CONTEXT.search(before) or about is False:
            continue
        owner = _OWNER_BEFORE.search(before)
        if owner and not refers_to_subject(owner.group(1), ctx.aliases) and not ANAPHOR.match(owner.group(1)):
            continue  # "Falmouth, Cornwall in the United Kingdom, the birthplace of ..."
        for person, start, end, description in _names_from(ctx, text, match.end(), hi):
            yield _candidate(person, start, end, description, lo, 0.8)
    for match in _NATIVE_OF.finditer(text, lo, hi):
        if refers_to_subject(match.group(1), ctx.aliases):
            person = _LEADING_PERSON.match(text[lo : match.start()])
            if person and _person(person.group(1)):
                start = lo + person.start(1)
                yield _candidate(_person(person.group(1)) or "", start, lo + person.end(1), "", lo, 0.8)
    for alias_match in _ALIAS_NATIVE.finditer(text[lo:hi]):
        if refers_to_subject(alias_match.group(1), ctx.aliases):
            for person, start, end, description in _names_from(ctx, text, lo + alias_match.end(), hi):
                yield _candidate(person, start, end, description, lo, 0.75)
                break
    for match in _NATIVES_INCLUDE.finditer(text, lo, hi):
        if match.group("from") and not refers_to_subject(match.group("from"), ctx.aliases):
            continue  # "Famous people from Oslo include ..." in another article
        owner = _NAME_END.search(text[max(lo, match.start() - 40) : match.start()])
        if owner and not FUNCTION_WORD.match(owner.group(1)) and not refers_to_subject(owner.group(1), ctx.aliases):
            if not re.fullmatch(r"(?:Notable|Famous|Other|Some|Many|Its|Prominent)", owner.group(1)):
                continue  # "Other Tennessee natives include ...": another place's natives
        for person, start, end, description in _names_from(ctx, text, match.end(), hi):
            yield _candidate(person, start, end, description, lo, 0.75)


def _own_unit(ctx: Context, name: str) -> bool:
    units = {fold(c.value) for c in ctx.found if c.property in ("country", "located_in") and isinstance(c.value, str)}
    return fold(name) in units or bool(ctx.defining and name in ctx.defining.text)


def _born_subjects(ctx: Context, clause: str, lo: int, cue_end: int) -> Iterator[Candidate]:
    """Who "was born here": the sentence's leading person(s), or the last person named before the verb."""
    text = ctx.text
    include = _LIST_AFTER.search(text, cue_end, cue_end + 200)
    if include and re.match(r"[^.;]{0,130}$", text[cue_end : include.start()]):
        for person, start, end, description in _names_from(ctx, text, include.end(), len(text)):
            if text[cue_end:start].count(".") and not re.search(r"[A-Z]\.$", text[cue_end:start].strip()):
                break
            yield _candidate(person, start, end, description, lo, 0.75)
        return
    leading = list(_names_from(ctx, text, lo, lo + len(clause)))
    first = _PERSON_RE.match(text, lo, lo + len(clause))
    if leading and first and not re.match(r",|\s\(|\s(?:was|were|is|and)\b|$", text[first.end() : lo + len(clause)]):
        leading = []  # "Bolton Wanderers football club play ...": not the one born
    if leading:
        for person, start, end, description in leading:
            yield _candidate(person, start, end, description, lo, 0.8)
        return
    found = [m for m in _PERSON_RE.finditer(clause) if _person(m.group())]
    between = clause[found[-1].end() :] if found else ""
    if found and re.fullmatch(r"(?:\s?\([^()]*\))?(?:,[^,]{0,160},|,)?\s?(?:also\s|later\s)?", between):
        last = found[-1]
        person = _person(last.group()) or ""
        start = lo + last.start() + last.group().find(person.split()[0])
        described = re.search(r"(?:the|an?)\s((?:[a-z][\w/-]*\s){1,6})$", clause[: last.start()])
        description = described.group(1).strip() if described else ""
        if re.search(r"\b(?:is|was|are|were|has|had|of|who)$", description):
            description = ""
        yield _candidate(person, start, lo + last.end(), description, lo, 0.75)


def _candidate(person: str, start: int, end: int, description: str, floor: int, confidence: float) -> Candidate:
    description = " ".join(description.split())
    description = re.sub(r"^(?:and|or)\s", "", description)
    description = re.sub(r"^(?i:noted|famous|renowned|celebrated|acclaimed|prominent|legendary|well-known|award-winning|"
                         r"notable|distinguished)\s(?=\S)", "", description)
    if description.lower() in ("former", "late", "current", "famous", "noted", "renowned", "both"):
        description = ""
    qualifiers = {"description": description} if description else {}
    return Candidate("notable_person", person, max(floor, start), end, qualifiers=qualifiers, confidence=confidence)


_CUES = regex_cache.compile(r"\bborn\b|birthplace|birth\splace|hometown|home\stown|grew\sup|raised|native|childhood|(?:hails?|hailed|comes?|is|was|are|were)\s(?:(?:also|originally|both)\s){0,2}from\b|(?i:people)")

# Every cue needs one of these words: a search of the whole text for them spares most sentences the pattern.
_CUE_WORDS = key_words("born", "birth", "home", "grew", "raised", "native", "childhood", "from", "people")


@component("people", reads=("prose",), writes=("notable_person",))
def find_people(ctx: Context) -> Iterator[Candidate]:
    yield from _item_facts(ctx)
    for sentence in ctx.sentences_with(_CUE_WORDS):
        if _HEADING.match(sentence.section.strip()) and ctx.prepared.blocks[sentence.block].kind == "item":
            continue  # already read as a list item
        if _CUES.search(sentence.text):
            yield from _prose_facts(ctx, sentence)
