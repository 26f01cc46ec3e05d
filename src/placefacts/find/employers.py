"""employer: the organisations headquartered in the place, and its main employers.

A company counts only where a cue places it in the subject: "the headquarters
of ...", "X is headquartered in the city", "home to several Fortune 500
companies, including ...", "the town's largest employer". A company's own
subsidiaries, a magazine that ranked the city, an administrative headquarters
or a former one are not the subject's employers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import FUNCTION_WORD, refers_to_subject, strip_intro
from placefacts.find.keywords import key_words
from placefacts.find.lexicon import alternation
from placefacts.find.lists import (
    PAREN,
    RELATIVE,
    Item,
    chunks,
    cue_of_topic,
    name_items,
    sentence_about,
    subject_ref,
)
from placefacts.find.textutil import CAP_WORD, NAME, Sentence
from placefacts.normalise.text import fold

# ---------------------------------------------------------------- employer

_EMPLOYER_KEYS = key_words("headquarter", "employer", "head office", "fortune", "companies", "corporations")
# "the headquarters of the copper conglomerate Kazakhmys"; "the administrative headquarters of X district" is a seat
_HQ_OF = regex_cache.compile(
    r"(?<!administrative\s)(?<!district\s)(?<!provincial\s)(?<!divisional\s)(?<!county\s)(?<!regional\s)"
    r"(?<!municipal\s)(?<!zonal\s)(?<!tehsil\s)(?<!state\s)(?<!mandal\s)(?<!block\s)"
    r"\b(?:headquarters|head\soffices?)\s(?:of|for)\s"
)
# "was formerly the headquarters of", "having historically been the headquarters of": not the place's now
_FORMERLY = regex_cache.compile(r"\b(?:former|formerly|once|previously|historically|originally|until)\s(?:been\s)?(?:the\s)?(?:\w+\s)?$")
# "Kazakhmys is headquartered in ...", "X has its headquarters in ..."
_HQ_IN = regex_cache.compile(
    r"\s(?:(?P<verb>is|are|was|were|has\sbeen|have\sbeen)\s)?(?:(?:also|all|both|still|now)\s){0,2}(?:headquartered|based)\s(?:in|at)\s"
    r"|\s(?P<have>has|have|had|maintain|maintains|established)\s(?:(?:its|their)\s)(?:global\s|world\s|corporate\s|national\s)?"
    r"(?:headquarters|head\soffices?|main\soffices?)\s(?:in|at)\s"
)
_LOCATED_HERE = regex_cache.compile(
    r"\s(?:is|are|was|were)\s(?:(?:also|all|both|now)\s){0,2}(?:located|based|situated|found)\s(?:in|at)\s"
    r"(?P<where>the\s(?:city|town|village|area|municipality)|here|[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)"
)
# "Many multinational corporations, including A, B and C are headquartered in ...": where the list before the verb starts
_LIST_OPENER = regex_cache.compile(r"(?:^|\s)(?:including|such\sas|like|namely|notably|as\swell\sas)\s|:\s")
# "Dominion Energy and WestRock, Fortune 500 companies, are headquartered": an apposition before the verb
_APPOSITION_END = regex_cache.compile(r",\s(?:(?:an?|the|both|two|three|all)\s)?(?:[a-z]|Fortune\s)[^,;()]{2,60},$")
# "Companies headquartered in Kobe include ASICS, ..."
_COMPANY_NOUN = (
    r"(?:companies|corporations|firms|businesses|brands|manufacturers|conglomerates|enterprises|organi[sz]ations|"
    r"institutions|entities|agencies|employers|banks|insurers|retailers|chains)"
)
# "Companies headquartered in Kobe include ASICS, ...", "Entities with headquarters in the city include ..."
_HQ_HERE_LIST = regex_cache.compile(
    rf"\b{_COMPANY_NOUN}\s(?:that\sare\s|which\sare\s)?"
    r"(?:headquartered|based|(?:with|having)\s(?:their\s|its\s)?(?:headquarters|head\soffices?))\s(?:in|at)\s"
    r"(?P<where>[^,;.]{2,40}?)\s(?:include|includes|included|are|were)\s(?:the\sfollowing:?\s)?",
    re.IGNORECASE,
)
# "Several major companies are headquartered in Stuttgart, including Porsche, ..."
_HQ_HERE_INCLUDING = regex_cache.compile(
    rf"\b{_COMPANY_NOUN}\s(?:are|were|remain)\s(?:(?:also|still|now)\s)?(?:headquartered|based)\s(?:in|at)\s"
    r"(?P<where>[^,;.]{2,40}?),?\s(?:including|such\sas|among\sthem|notably)\s",
    re.IGNORECASE,
)
# "Also headquartered in Omaha are the following: ..."
_ALSO_HQ = regex_cache.compile(
    r"(?:[Aa]lso\s)?(?:headquartered|based)\s(?:in|at)\s(?P<where>[^,;.]{2,40}?)\s(?:are|is|were)\s(?:also\s)?"
    r"(?:the\sfollowing:?\s)?"
)
_NUMBER_WORDS = (
    r"(?:several|many|numerous|various|some|a\snumber\sof|an\sarray\sof|a\shost\sof|a\sseries\sof|dozens\sof|"
    r"hundreds\sof|[\d,]+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
)
# "X is home to several Fortune 500 companies, including A, B and C", "is headquarters to a number of
# high-technology companies, including ...", "home to five Fortune 1000 headquarters: ..."
_HOME_COMPANIES = regex_cache.compile(
    r"\b(?:home\sto|the\shome\sof|hosts|houses|(?:is|are)\sheadquarters\s(?:to|for)|headquarters\sto)\s"
    r"(?P<hq>(?:the\s)?(?:corporate\s|world\s|global\s)?headquarters\sof\s)?"
    rf"(?:{_NUMBER_WORDS}\s)?(?P<adj>(?:[\w&-]+\s){{0,4}}?)(?P<noun>{_COMPANY_NOUN}|headquarters)(?:\s\([^()]*\))?"
    r"(?:,?\s(?:including|such\sas|like|among\sthem|notably)\s|:\s)",
    re.IGNORECASE,
)
# Companies that are "international" or "foreign" in the place need not be headquartered there.
_ELSEWHERE_COMPANIES = regex_cache.compile(r"\b(?:international|multinational|foreign|global|overseas|other|regional)\b", re.IGNORECASE)
_HOME_TO_HQ = regex_cache.compile(r"\b(?:home\sto|houses|hosts|site\sof)\s(?:the\s)?(?:(?:global|world|corporate|national|regional)\s)?"
                         r"(?:headquarters|head\soffices?)\sof\s")
# "Major employers (and economic generators) include ..."
_MAJOR_EMPLOYERS = regex_cache.compile(
    r"\b(?:(?:major|main|largest|biggest|principal|leading|top|key|primary)\s)(?:local\s)?employers\b[^.;:]{0,50}?"
    r"\s(?:include|includes|included|are|were)\s(?:also\s)?",
    re.IGNORECASE,
)
# "Kazakhmys, the city's main employer"; "X is the town's largest employer"
_EMPLOYER_AFTER = regex_cache.compile(
    r"(?:,\s(?:which\sis\s|now\s)?|\s(?:(?:is|was|are|were|has\sbeen|remains|became|becomes|which\sis)\s|now\s)"
    r"(?:also\s|now\s|still\s|thus\s){0,2})(?:the|its|an?|(?:one|two|three)\sof\s(?:the|its))\s"
    r"(?:(?:city|town|village|area|region|island|county|municipality|community|borough|township)(?:'s|’s)\s)?"
    r"(?:(?:single|main|largest|biggest|major|principal|leading|primary|dominant|top|two|three|second|third|"
    r"second[\s-]largest|third[\s-]largest|local)\s){1,3}(?:private\s|public\s|local\s)?employers?\b"
    r"(?![^,.;]{0,40}\s(?:are|were|include|includes|included)\b)"
    r"(?:\s(?:in|of)\s(?P<where>(?:the\s)?[\w-]+(?:\s[A-Z][\w-]*)*))?",
)
# "The largest employer in Madison is the Tyson plant", "Its largest employer is the courier corporation FedEx"
_EMPLOYER_IS = regex_cache.compile(
    r"\b(?:[Tt]he|[Ii]ts|(?:the\s)?(?:city|town|village|area|county|borough)(?:'s|’s))\s(?:(?:single|main|largest|biggest|"
    r"principal|leading|primary|dominant|top|private|public)\s){1,3}employer\s(?:in\s(?P<where>(?:the\s)?[\w-]+(?:\s[A-Z][\w-]*)*)\s)?"
    r"(?:is|was|remains)\s(?:now\s|still\s)?"
)
_ADMIN = alternation("admin_units")
_NOT_ORG = regex_cache.compile(
    rf"(?i:\b(?:{_ADMIN}|Magazine|Times|Post|Journal|News|Herald|Review|Report|Index|Guide|Census|Bureau|Survey|"
    rf"Street|Road|Avenue|Square|River|Lake|Mountains?|Valley|Forest|Area|Zone|Taluk|Tehsil|Mandal|Block|Division|"
    r"Subdivision|Ward)$|^(?:[A-Z][a-z]+\s)?Magazine\b|^(?:Lord|King|Queen|Duke|Earl|Sir|Bishop|Emperor|Sultan)\b|"
    r"^(?:Shire|County|Region|Province|District|Municipality|Borough|Prefecture|Governorate|Oblast|Canton)\sof\b)|"
    r"^(?:Government|Council|Parliament|Court|Ministry|Police|Army|Navy|Military|Church|Diocese|Archdiocese|"
    r"Companies|Also|Fortune|Inc|Ltd|LLC|Co|Corp|Corporation|Company|Group|SE|AG|plc|Lord|King|Queen|Duke|Earl|"
    r"Sir|Bishop|Emperor|Sultan)$"
)
_SUFFIX_ORG = r"(?:,?\s(?:Inc|Ltd|LLC|Co|Corp|plc|AG|SE|S\.A|N\.V|GmbH)\.?)?"
# A listed organisation: descriptors, then the name ("the engine company Cummins, Inc.", "McCormick & Company").
_ORG_NAME = regex_cache.compile(
    rf"(?:the\s|The\s)?(?:(?!(?:of|in|at|to|from|by|with|part|now|formerly|former|and|or)\b)[a-z][\w-]*\s){{0,4}}?(?:the\s)?"
    rf"(?P<name>{NAME}(?:\s(?:of|for|at)\s(?:the\s)?{NAME}|\s?&\s?{CAP_WORD}(?:\s{CAP_WORD})*)*(?:\sand\s{CAP_WORD}(?:\s{CAP_WORD}){{0,2}}(?=\s?[(,.;:]|$))?)"
    rf"{_SUFFIX_ORG}(?=\s?[(,.;:]|\s?$)"
)


_ORG_HEAD_AFTER_AND = regex_cache.compile(
    r"(?:[A-Z][\w-]*\s){0,2}(?:Commission|Company|Corporation|Authority|Board|Agency|Council|Association|Society|"
    r"Institute|Administration|Services?|Technology|Technologies|Sciences|Cent(?:er|re)|Development)\b"
)
_LIST_BREAK = regex_cache.compile(
    r"\b(?:is|are|was|were|has|have|had|home\sto|hosts|houses|having|being|operations|offices|branches|divisions|"
    r"subsidiaries|facilities|plants|factories)\b"
)
# Single words that are no organisation alone: "Tank Automotive Research, Development and Engineering Center"
# lost its structure to the list splitter, so it and its neighbours are dropped.
_GENERIC_ORG_WORDS = frozenset(
    "Development Research Engineering Education Training Innovation Technology Services Management Operations "
    "Design Science Sciences Arts Trade Industry Commerce Manufacturing Marketing Finance Logistics Health".split()
)
# "the oldest continuously chartered Boy Scouts of America Council": an apposition to the item before it
_APPOSITIVE_DESC = regex_cache.compile(r"\b(?:[a-z]+est|first|only|one\sof|second|third)\b")
_SEMI_ITEM = regex_cache.compile(rf"(?:^|,\s|\s)(?:the\s)?(?P<name>{NAME}{_SUFFIX_ORG})\s?\.?$")


def _join_org_heads(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"the Arkansas Oil and Gas Commission", "Eli Lilly and Company": one organisation, not two items."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and text[out[-1][1] : a] == " and " and _ORG_HEAD_AFTER_AND.match(text, a, b) and \
                text[out[-1][0] : out[-1][1]].split()[-1][:1].isupper():
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _listed_names(text: str, pos: int, end: int) -> list[Item]:
    """Names in a list, each filling its item ("..., various levels of government, and the Port of Halifax")."""
    out: list[Item] = []
    spans = _join_org_heads(text, chunks(text, pos, end))
    generic = {i for i, (a, b) in enumerate(spans) if text[a:b].strip(" .").split(" and ")[0] in _GENERIC_ORG_WORDS}
    for i, (a, b) in enumerate(spans):
        if generic & {i - 1, i, i + 1}:
            continue
        match = _ORG_NAME.match(text, a, b)
        if not match and _LIST_BREAK.search(text, a, b):
            break  # "..., and Wheeler Clinic The Town of Plainville is one of ...": the list is over
        if match and PAREN.sub("", text[match.end() : b], count=1).strip(" .") == "":
            if _APPOSITIVE_DESC.search(text, a, match.start("name")):
                continue
            out.append(Item(match.group("name"), match.start("name"), match.end("name")))
    if len(out) <= 1 and text[pos - 2 : pos] == ": " and ";" in text[pos:end]:
        return _semicolon_names(text, pos, end) or out
    return out


def _semicolon_names(text: str, pos: int, end: int) -> list[Item]:
    """"four companies: mega-conglomerate Berkshire Hathaway; one of the largest builders, Kiewit Corporation; and ..."."""
    out: list[Item] = []
    for part in re.finditer(r"[^;]+", text[pos:end]):
        a, b = pos + part.start(), pos + part.end()
        while a < b and text[a] == " ":
            a += 1
        if text.startswith("and ", a):
            a += 4
        match = _SEMI_ITEM.search(text, a, b)
        if not match or RELATIVE.search(text, a, match.start("name")) or len(text[a:match.start("name")].split()) > 12:
            return []
        out.append(Item(match.group("name"), match.start("name"), match.end("name")))
    return out if len(out) > 1 else []


_ORG_RUN = regex_cache.compile(rf"(?:the\s|The\s)?({NAME}(?:\s(?:of|for|and)\s{NAME})*)")
_ORG_BEFORE = regex_cache.compile(rf"(?:^|\s)(?:the\s|The\s)?({NAME}(?:\s(?:of|for|and)\s{NAME})*)$")


def _hq(ctx: Context, cue_start: int, items: list[Item]) -> Iterator[Candidate]:
    for item in items:
        if _org_ok(ctx, item.value):
            yield Candidate("employer", item.value, cue_start, item.end, qualifiers={"role": "headquarters"}, confidence=0.75)


def _orgs_before(ctx: Context, sentence: Sentence, match: re.Match[str]) -> list[Item]:
    """The organisations listed before "are headquartered in": "Indian firms such as ISRO, Infosys and HAL"."""
    text = ctx.text
    body = strip_intro(text[sentence.start : match.start()])
    start = match.start() - len(body)
    openers = list(_LIST_OPENER.finditer(text, start, match.start()))
    opener = openers[-1] if openers else None
    if opener is not None:
        start = opener.end()
    end = match.start()
    apposition = _APPOSITION_END.search(text, start, end)
    if apposition and apposition.start() > start:
        end = apposition.start()  # "Dominion Energy and WestRock, Fortune 500 companies,"
    if RELATIVE.search(text, start, end):
        return []
    spans = _join_org_heads(text, chunks(text, start, end))
    items = []
    for a, b in spans:
        found = _ORG_NAME.match(text, a, b)
        if not found or text[found.end() : b].strip(" .") not in ("",) and not text[found.end() : b].lstrip().startswith("("):
            return []  # every chunk must be a name: "3M has over 70,000 employees ... and now has its headquarters"
        items.append(Item(found.group("name"), found.start("name"), found.end("name")))
    return items if len(items) > 1 or opener is not None or apposition else []


def _org_ok(ctx: Context, name: str) -> bool:
    if refers_to_subject(name, ctx.aliases) or _NOT_ORG.search(name) or FUNCTION_WORD.fullmatch(name):
        return False
    from placefacts.normalise.countries import country, division_country

    return not country(name) and not division_country(name)


@component("employers", reads=("prose",), writes=("employer",))
def find_employers(ctx: Context) -> Iterator[Candidate]:
    """One fact per organisation: the first role the text gives it ("the headquarters of X, the city's main employer")."""
    seen: set[str] = set()
    for candidate in _employers(ctx):
        key = fold(str(candidate.value))
        if key not in seen:
            seen.add(key)
            yield candidate


def _employers(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for sentence in ctx.sentences_with(_EMPLOYER_KEYS):
        about = sentence_about(ctx, sentence)
        # "Today the city is the headquarters of Kazakhmys"; "home to the headquarters of A and B"
        for cue in (_HQ_OF, _HOME_TO_HQ):
            for match in cue.finditer(text, sentence.start, sentence.end):
                if about is not True or not cue_of_topic(sentence, match.start()):
                    continue
                if _FORMERLY.search(text, max(sentence.start, match.start() - 40), match.start()):
                    continue  # "was formerly the headquarters of ..."
                if match.group().endswith("for ") and not re.search(r"\b(?:is|are)\s(?:also\s)?(?:the\s)?$", text[max(sentence.start, match.start() - 20) : match.start()]):
                    continue  # "headquarters for the resistance": only "is the headquarters for X" lists firms
                yield from _hq(ctx, match.start(), _listed_names(text, match.end(), sentence.end))
        # "The headquarters of A, B and C are also located in the city"
        body = strip_intro(sentence.text)
        lead = _HQ_OF.match(text, sentence.end - len(body) + (4 if body.startswith(("The ", "the ")) else 0), sentence.end)
        if lead and about is not True:
            located = _LOCATED_HERE.search(text, lead.end(), sentence.end)
            if located and subject_ref(ctx, located.group("where")):
                yield from _hq(ctx, lead.start(), _listed_names(text, lead.end(), located.start()))
        # "X is home to several Fortune 500 companies, including A, B and C"
        for match in _HOME_COMPANIES.finditer(text, sentence.start, sentence.end):
            if about is not True or not cue_of_topic(sentence, match.start()):
                continue
            cue = match.group()
            if not match.group("hq") and not re.search(r"(?i)headquarter|fortune", cue) and \
                    _ELSEWHERE_COMPANIES.search(match.group("adj")):
                continue  # "home to international companies such as Siemens": branches, not headquarters
            if _FORMERLY.search(text, max(sentence.start, match.start() - 40), match.start()):
                continue
            yield from _hq(ctx, match.start(), _listed_names(text, match.end(), sentence.end))
        for cue in (_HQ_HERE_LIST, _HQ_HERE_INCLUDING):
            for match in cue.finditer(text, sentence.start, sentence.end):
                if subject_ref(ctx, match.group("where")):
                    yield from _hq(ctx, match.start(), _listed_names(text, match.end(), sentence.end))
        body_start = sentence.end - len(strip_intro(sentence.text))
        also = _ALSO_HQ.match(text, body_start, sentence.end)
        if also and subject_ref(ctx, also.group("where")):
            yield from _hq(ctx, also.start(), _listed_names(text, also.end(), sentence.end))
        # "Kazakhmys is headquartered in Jezkazgan", "ISRO, Infosys, Wipro and HAL are headquartered in the city"
        for match in _HQ_IN.finditer(text, sentence.start, sentence.end):
            where = name_items(text, match.end(), sentence.end)
            here = (where and refers_to_subject(where[0].value, ctx.aliases)) or re.match(
                r"(?:the\s(?:city|town|village)\b|here\b)", text[match.end() : match.end() + 20]
            )
            if not here:
                continue
            end = match.end() + (where[0].end - match.end() if where else 8)
            items = _orgs_before(ctx, sentence, match) if (match.group("verb") or match.group("have")) else []
            if items:
                for item in items:
                    if _org_ok(ctx, item.value):
                        yield Candidate("employer", item.value, item.start, end, qualifiers={"role": "headquarters"},
                                        confidence=0.75)
                continue
            org = _ORG_BEFORE.search(text[sentence.start : match.start()])
            if org and " and " in org.group(1) and not _ORG_HEAD_AFTER_AND.search(org.group(1).rsplit(" and ", 1)[1]):
                continue  # "Seagate Technologies and Wells Fargo Bank": two organisations, not one
            if org and _org_ok(ctx, org.group(1)) and strip_intro(text[sentence.start : match.start()]).endswith(org.group(1)):
                start = sentence.start + org.start(1)
                yield Candidate("employer", org.group(1), start, end, qualifiers={"role": "headquarters"}, confidence=0.75)
        for match in _MAJOR_EMPLOYERS.finditer(text, sentence.start, sentence.end) if about is not False else ():
            for item in _listed_names(text, match.end(), sentence.end):
                if _org_ok(ctx, item.value):
                    yield Candidate("employer", item.value, match.start(), item.end,
                                    qualifiers={"role": "main_employer"}, confidence=0.7)
        for match in _EMPLOYER_IS.finditer(text, sentence.start, sentence.end):
            where = match.group("where")
            if where and not subject_ref(ctx, where):
                continue  # "A major employer in Jefferson County is ... in Golden"
            if match.group().lower().startswith("its") and about is not True:
                continue
            for item in _listed_names(text, match.end(), sentence.end)[:1]:
                if _org_ok(ctx, item.value):
                    yield Candidate("employer", item.value, match.start(), item.end,
                                    qualifiers={"role": "main_employer"}, confidence=0.7)
        for name in _ORG_RUN.finditer(sentence.text):
            after = _EMPLOYER_AFTER.match(text, sentence.start + name.end(), sentence.end)
            if not after:
                continue
            if re.search(r"\b(?:former|formerly|once|until|historically)\b", after.group()):
                continue
            where = after.group("where")
            if where and not subject_ref(ctx, where) and not re.fullmatch(
                    r"(?:the\s)?(?:area|city|town|village|community|borough|township|municipality|local\s\w+)", where):
                continue  # "the largest employer in the state"
            start = sentence.start + name.start(1)
            value = name.group(1)
            parts = [value]
            if " and " in value and not _ORG_HEAD_AFTER_AND.search(value.rsplit(" and ", 1)[1]):
                parts = value.split(" and ")  # "Johns Hopkins Hospital and Johns Hopkins University are the top two employers"
            for part in parts:
                if _org_ok(ctx, part):
                    yield Candidate("employer", part, start, after.end(), qualifiers={"role": "main_employer"},
                                    confidence=0.7)
