"""ethnic_group, religion, language: who lives in the place, what they believe, what they speak.

Three kinds of statement carry these facts:

- shares: a percentage beside a group ("30% Russians", "3,901 (72.5%) White",
  "Roman Catholics (36.73%)", "Hispanic or Latino of any race were 4.3% of the
  population", "speaks Italian (65.9%)"); the group comes from a lexicon
  (find/data/ethnic_groups, census_races, religions, languages) and the
  sentence's words decide between a language and a people;
- lists governed by a population word ("smaller minorities of A, B and C",
  "immigrants (mainly Irish and Italian)", "of English ancestry", "the Kuranko,
  Mandingo and Fula ethnic groups", "ethnic Uzbeks");
- fixed phrases for religions ("predominantly Muslim", "a Christian minority")
  and languages ("the official languages are X and Y", "legally bilingual
  (French–Dutch)", "X is spoken by ...").

Residual census categories ("other races", "two or more races") are no group;
a share of 0% is no one living there. Sentences about another place, about
conquests, wars and visitors, and comparisons ("compared with the state as a
whole (87% White)") give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import ANAPHOR, FUNCTION_WORD, PLACE_NOUNS, refers_to_subject, topic
from placefacts.find.keywords import key_words
from placefacts.find.lexicon import entries
from placefacts.find.textutil import NAME, NAME_RE, Sentence
from placefacts.normalise.patterns import word_alternation
from placefacts.normalise.text import fold

_ETHNIC = entries("ethnic_groups")
_CENSUS = entries("census_races")
_RELIGION = entries("religions")
_LANGUAGE = entries("languages")
_VALUES: dict[str, str] = {fold(k): v for table in (_ETHNIC, _LANGUAGE, _RELIGION, _CENSUS) for k, v in table.items()}
_ETHNIC_KEYS = {fold(k) for k in (*_ETHNIC, *_CENSUS)}
_RELIGION_KEYS = {fold(k) for k in _RELIGION}
_LANGUAGE_KEYS = {fold(k) for k in _LANGUAGE}


def _alternation(*tables: dict[str, str], ignore_case: bool = False) -> str:
    # Case-sensitive unless asked: then "White" and "white" are separate branches and all forms factor (10x faster).
    return word_alternation({f for t in tables for f in t}, ignore_case=ignore_case)


_EDGE_L = r"(?<![\w'’-])"
_EDGE_R = r"(?![\w'’]|-(?!\s))"  # "Spanish-speaking" is no group
_ANY_GROUP = rf"{_EDGE_L}(?:{_alternation(_CENSUS, _ETHNIC, _RELIGION, _LANGUAGE)}){_EDGE_R}"
_PEOPLE_GROUP = rf"{_EDGE_L}(?:{_alternation(_CENSUS, _ETHNIC)}){_EDGE_R}"
_RELIGION_RE = rf"{_EDGE_L}(?:{_alternation(_RELIGION)}){_EDGE_R}"
_RELIGION_ANY_CASE = rf"{_EDGE_L}(?:{_alternation(_RELIGION, ignore_case=True)}){_EDGE_R}"
_LANGUAGE_RE = rf"{_EDGE_L}(?:{_alternation(_LANGUAGE)}){_EDGE_R}"

_ANY_GROUP_RE = regex_cache.compile(_ANY_GROUP)
_GROUP_OR_NAME = regex_cache.compile(rf"{_PEOPLE_GROUP}|(?<![\w'’-]){NAME}")
_PEOPLE_GROUP_RE = regex_cache.compile(_PEOPLE_GROUP)
_NAME_COUNT = regex_cache.compile(rf"({NAME})(?:\s\d[\d,]*)?")
# The first word of every lexicon form: a sentence without one names no group (a cheap test before the big patterns).
def _first_words(*tables: dict[str, str]) -> frozenset[str]:
    """One word of each form, its longest (the least common): "New Zealander" -> "zealander"."""
    return frozenset(
        max(re.findall(r"[^\W\d_]+", form.lower()), key=len) for table in tables for form in table if re.search(r"[^\W\d_]", form)
    )


_FIRST_WORDS = _first_words(_ETHNIC, _CENSUS, _RELIGION, _LANGUAGE)
_RELIGION_WORDS = _first_words(_RELIGION)
_LANGUAGE_WORDS = _first_words(_LANGUAGE)
_PCT = r"(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\scent\b)"
_APPROX = r"(?:(?:about|around|approximately|nearly|almost|some|over|roughly|just\sover|just\sunder|more\sthan|less\sthan|under|an\sestimated)\s)?"
_POPULATION_NOUN = r"(?:population|residents|inhabitants|people|persons|citizens|households|respondents)"

# "86.2% White", "3,901 (72.5%) White", "55% of X population are Kazakhs", "20.2% were of English ancestry",
# "76.1% of people spoke only English", "(34.1%) speaking German", "54.44% of the population were Hispanic or Latino".
_SHARE_BEFORE = regex_cache.compile(
    rf"(?:(?<![\d.,])\d{{1,3}}(?:,\d{{3}})*\s\(\s?(?:or\s)?)?(?<![\d.,]){_PCT}\)?"
    rf"(?:\sof\s(?:the\s|its\s|all\s)?(?:[\w'’-]+\s){{0,3}}?{_POPULATION_NOUN}(?:\s(?:living\s)?(?:of|in)\s(?:the\s)?[\w'’-]+)?)?"
    rf"(?:\s(?:were|are|was|is|identified\sas|identify\sas|identifying\sas|reported|declared\sthemselves|being|as|"
    rf"speak|speaks|spoke|speaking|spoken|can\sspeak|adhered\sto|adhere\sto|practi[cs]ed|follow(?:ed)?)(?:\s(?:only|mainly|mostly))?)?"
    rf"(?:\s(?:of|from|either))?(?:\s?[-–]\s?|\s)({_ANY_GROUP})"
)
# "Roman Catholics (36.73%)", "Catholic 80%", "White 43%", "African-Americans making up 48%",
# "Hispanic or Latino of any race were 1,281 persons (23.8%)", "German being second most common (11.4%)".
_SHARE_AFTER = regex_cache.compile(
    rf"({_ANY_GROUP})(?:\sof\sany\srace)?(?:\s(?:people|persons|residents|speakers|origin|descent|ancestry|population))?"
    rf"(?:\s?\((?:\d[\d,]*\s(?:persons\s|people\s)?)?(?:or\s)?{_PCT}\s?\)"
    rf"|\s?=\s?\d[\d,]*\s\({_PCT}\)"
    rf"|\s(?:at\s)?{_PCT}"
    rf"|\s(?:make\sup|made\sup|makes\sup|making\sup|constitute[sd]?|constituting|account(?:ed|s)?\sfor|accounting\sfor|"
    rf"comprised?|comprises|comprising|form(?:ed|s)?|represent(?:ed|s)?|were|are|was|is|number(?:ed)?|totall?ed|included)"
    rf"\s{_APPROX}(?:\d[\d,]*\s(?:persons\s|people\s|residents\s)?\(\s?)?{_PCT}\)?"
    rf"|\sbeing\s[^(),.;]{{0,40}}\(\s?{_PCT}\s?\)"
    rf"|,\swith\s{_PCT}\sof\sthe\spopulation\s(?:reporting|saying|declaring))"
)
_LANGUAGE_CUE = regex_cache.compile(r"\b(?:speak\w*|spoke|spoken|language|languages|tongue|dialect|bilingual|lingu\w*)\b", re.IGNORECASE)
_RELIGION_CUE = regex_cache.compile(r"\b(?:religio\w*|faith|denomination\w*|adherents?|believers|worship\w*|church\w*)\b", re.IGNORECASE)
_COMPARISON = regex_cache.compile(
    r"\b(?:compared|comparison|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!rather\s)than|unlike|whereas|national\saverage|nationwide|statewide|state\saverage|"
    r"as\sa\swhole|nationally)\b",
    re.IGNORECASE,
)
_CENSUS_SENTENCE = regex_cache.compile(r"\b(?:racial|ethnic)\s(?:makeup|make-up|composition)\b|\bof\sany\srace\b", re.IGNORECASE)
# The year of a census paragraph: "As of the census of 2000", "the 2010 United States Census", "(as of 2000)".
_YEAR_CUE = regex_cache.compile(
    r"\b(?:[Cc]ensus|[Ss]urvey)\s(?:of\s)?((?:18|19|20)\d\d)\b"
    r"|\b((?:18|19|20)\d\d)\s(?:[A-Z][\w.]*\s){0,3}(?:[Cc]ensus|[Ss]urvey|[Ee]stimates?)\b"
    r"|\b[Aa]s\sof\s(?:the\s)?((?:18|19|20)\d\d)\b"
    r"|^(?:In|By)\s((?:18|19|20)\d\d)\b"
)

# Words governing a list of peoples.
_LIST_HEAD = regex_cache.compile(
    r"\b(?:minorit(?:y|ies)|groups?|communit(?:y|ies)|populations?|handful|band|numbers|families|waves?)\sof\s"
    r"(?:(?:the|small|smaller|large|larger|nomadic|native|indigenous|local|ethnic|many|several|some|mostly|mainly)\s){0,2}$"
    r"|\b(?:comprising|including|include|includes|consisting\sof|such\sas|mainly|mostly|chiefly|primarily|largely|predominantly|"
    r"particularly|especially|along\swith|as\swell\sas)\s(?:the\s)?$"
    r"|\b(?:immigrants|settlers|migrants|colonists|refugees)\s\((?:mainly|mostly|largely|primarily|chiefly|many)?\s?$"
    r"|\bethnic(?:ally)?\s$"
    r"|\b(?:inhabited|populated|settled|occupied|peopled)\s(?:mainly\s|mostly\s|largely\s|predominantly\s|originally\s)?by\s(?:the\s)?"
    r"(?:ethnic\s)?$",
    re.IGNORECASE,
)
_NOUN_AFTER = regex_cache.compile(
    r"\s(?:[Pp]eoples?|tribes?|Indians|natives|nation|immigrants|settlers|migrants|colonists|families|community|"
    r"communities|population|minority|majority|residents|inhabitants|descendants|refugees|clans?)\b"
)
_DESCENT = regex_cache.compile(r"\s(?:ancestry|descent|origin|extraction|stock|background)\b")
_LIST_JOIN = regex_cache.compile(r"(?:,\s(?:and\s|or\s)?|\s(?:and|or|&)\s)(?:the\s)?")
_RESIDENCE = regex_cache.compile(
    r"\b(?:immigra\w*|settl\w*|inhabit\w*|populat\w*|residents?|lived?|living|dwell\w*|home\sto|minorit\w*|majority|"
    r"ethnic\w*|ancestr\w*|descent|communit\w*|tribes?|occupied|makeup|composition|people\sof|natives?|migrants?)\b",
    re.IGNORECASE,
)
# Clauses about conquest, war, trade and visits: the group did not live there.
_HOSTILE = regex_cache.compile(
    r"\b(?:conquer\w*|conquest|wars?|battles?|army|armies|troops|soldiers|forces|attack\w*|raid\w*|invad\w*|invasion|"
    r"fought|fight\w*|defeat\w*|allied|alliance|against|visit\w*|explor\w*|expedition|missionar\w*|trade[ds]?|trading|"
    r"traders|arrival|arrived|ruled?|empire|dynasty|convert\w*|purchased|bought|sold|treaty|massacre\w*|slaughter\w*|"
    r"captive\w*|removal|removed|expelled|driven|displaced|killed|named\s(?:after|for|by)|called|persecut\w*|cleansing|"
    r"influence\w*|culture|cuisine|food|restaurants?|language|captured|exodus|fled|flee\w*|emigrat\w*|riots?|encounter\w*|"
    r"clash\w*|excluded|sundown|contact|tourists?|visitors|purchase\w*|deeded|knew|epidemic|segregat\w*|incursions?|sack|"
    r"raids?|treaty|negotiat\w*|chieftain|legend)\b",
    re.IGNORECASE,
)
_ACTS_AFTER = regex_cache.compile(
    r"\s(?:\w+ly\s|first\s|soon\s|then\s|later\s)?(?:came|come|arrived|explored|conquered|called|named|met|landed|approached|found|"
    r"discovered|encountered|established|captured|attacked|ruled|invaded|fought|traded|hoped|pursu\w*|knew|gave|sold|deeded|"
    r"visited|controlled|destroyed|took|brought|introduced|built|founded|killed|defeated|expelled|drove|acquired|claimed|"
    r"believed?|says?|said|call|refer\w*|signed|met)\b"
)
_COLLECTIVE = {"inuit", "metis", "roma", "first nations", "sioux", "iroquois", "aboriginal and torres strait islanders"}
# Groups that are too vague, or usually something else, without a share: "white settlers", "the Indians", "Whites Creek".
_VAGUE = {"white", "black", "whites", "blacks", "indian", "indians", "indigenous", "canadian", "canadians", "australian",
          "australians", "british", "caucasian", "caucasians", "asian", "american", "americans"}
_DEMOGRAPHIC_TOPIC = regex_cache.compile(
    r"^(?:Minorit|Residents|Inhabitants|People|Population|Religio|Ethnic|Languages?|Males|Females|Census|Most|Over|About|Others?|"
    r"Approximately|Nearly|Around|Roughly|Almost|Only|Just|Majority|Today|Local|Many|Some)",
)
_SUBSET_PAREN = regex_cache.compile(rf"(?:{_ANY_GROUP})\s\($")


def _plural(surface: str) -> bool:
    folded = fold(surface)
    return folded in _COLLECTIVE or (folded.endswith("s") and not folded.endswith(("ss", "us", "is")) and folded != "swiss")


def _value(surface: str) -> str | None:
    """The value reported for a matched group: the lexicon's mapping, else the words as written."""
    surface = " ".join(surface.split())
    mapped = _VALUES.get(fold(surface))
    if mapped is None:
        return None
    return mapped if fold(mapped) != fold(surface) else surface


def _like_subject(ctx: Context, name: str) -> bool:
    if refers_to_subject(name, ctx.aliases):
        return True
    folded = fold(name)
    return any(SequenceMatcher(None, folded, a).ratio() >= 0.8 for a in ctx.aliases if a)


def _foreign_topic(ctx: Context, sentence: Sentence) -> bool:
    """The sentence is about another named thing (a region, a person, a company)."""
    head = topic(sentence.text)
    if not head or ANAPHOR.match(head) or FUNCTION_WORD.match(head) or _DEMOGRAPHIC_TOPIC.match(head):
        return False
    if _like_subject(ctx, head):
        return False
    if _ANY_GROUP_RE.match(head) or _ANY_GROUP_RE.match(head.split()[0]):
        return False
    return True


_OTHER_POPULATION = regex_cache.compile(
    rf"\b(?:population|inhabitants|residents|people|makeup|composition)\sof\s(?:the\s)?"
    rf"(?:(?:state|province|country|county|region|nation|island|republic|territory)\sof\s)?({NAME})"
    rf"|({NAME})(?:'s|’s)\s(?:population|inhabitants|residents|people)\b"
)


def _about_other_population(ctx: Context, text: str) -> bool:
    """"the population of the US Virgin Islands ...": the figures are another place's."""
    for match in _OTHER_POPULATION.finditer(text):
        name = match.group(1) or match.group(2)
        if re.fullmatch(rf"(?:{PLACE_NOUNS})", name or "", re.IGNORECASE):
            continue  # "the racial makeup of the CDP"
        if name and not FUNCTION_WORD.match(name) and not _like_subject(ctx, name) and not _ANY_GROUP_RE.match(name):
            return True
    return False


def _year(ctx: Context, sentence: Sentence, census_like: bool) -> str | None:
    """The year a share is for: said in the sentence, else (census paragraphs) in the sentences before it."""
    found = _YEAR_CUE.search(sentence.text)
    if found:
        return next(g for g in found.groups() if g)
    if not census_like:
        return None
    index = ctx.sentences.index(sentence)
    for back in range(index - 1, max(-1, index - 7), -1):
        previous = ctx.sentences[back]
        if previous.block != sentence.block:
            break
        years = [m for m in _YEAR_CUE.finditer(previous.text)]
        if years:
            return next(g for g in years[-1].groups() if g)
    return None


def _kind(surface: str, sentence_text: str) -> str | None:
    key = fold(surface)
    if key in _LANGUAGE_KEYS and _LANGUAGE_CUE.search(sentence_text):
        return "language"
    if key in _RELIGION_KEYS and (key not in _ETHNIC_KEYS or _RELIGION_CUE.search(sentence_text)):
        return "religion"
    if key in _ETHNIC_KEYS:
        return "ethnic_group"
    return None


def _shares(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    text = ctx.text
    lo, hi = sentence.start, sentence.end
    # (pct start, group start, group end, pct, span start, span end, style)
    found: list[tuple[int, int, int, float, int, int, str]] = []
    for match in _SHARE_BEFORE.finditer(text, lo, hi):
        found.append((match.start(1), match.start(2), match.end(2), float(match.group(1)), match.start(), match.end(), "before"))
    for match in _SHARE_AFTER.finditer(text, lo, hi):
        pct_index = next(i for i in range(2, match.re.groups + 1) if match.group(i))
        found.append((match.start(pct_index), match.start(1), match.end(1), float(match.group(pct_index)),
                      match.start(), match.end(), "after"))
    if not found:
        return
    # "Catholic 80% Members Church of God International 10%": a list keeps one orientation, its first item's.
    style = min(found, key=lambda f: f[4])[6]
    by_pct: dict[int, tuple] = {}
    for item in found:
        kept = by_pct.get(item[0])
        if kept is None or (item[6] == style and kept[6] != style):
            by_pct[item[0]] = item
    census_keys = {fold(k) for k in _CENSUS}
    census_like = bool(_CENSUS_SENTENCE.search(sentence.text) or re.search(r"\bancestr", sentence.text)) or sum(
        fold(text[g_start:g_end]) in census_keys for _p, g_start, g_end, *_rest in by_pct.values()
    ) >= 2
    year = _year(ctx, sentence, census_like)
    for pct_start, g_start, g_end, pct, s_start, s_end, _style in sorted(by_pct.values()):
        if pct <= 0 or pct > 100:
            continue
        before = text[lo:pct_start]
        if _style == "before" and _SUBSET_PAREN.search(text[max(lo, pct_start - 40) : pct_start]):
            continue  # "White (64.6% Non-Hispanic White)": a part of the group before
        cue = _COMPARISON.search(before)
        if cue and not re.search(r"[);]", before[cue.end() :]):
            continue  # "compared with the metro as a whole (87% White)"
        surface = text[g_start:g_end]
        kind = _kind(surface, sentence.text)
        value = _value(surface)
        if kind is None or value is None:
            continue
        qualifiers: dict[str, object] = {"proportion": round(pct / 100.0, 6)}
        if year:
            qualifiers["point_in_time"] = year
        yield Candidate(kind, value, min(s_start, g_start), max(s_end, g_end), qualifiers=qualifiers, confidence=0.85)


def _group_list(text: str, pos: int, end: int, allow_unknown: bool) -> Iterator[tuple[int, int, str]]:
    """Groups listed from `pos`: "Ukrainians, Germans, Chechens and Koreans" -> (start, end, value)."""
    pattern = _GROUP_OR_NAME if allow_unknown else _PEOPLE_GROUP_RE
    while pos < end:
        match = pattern.match(text, pos, end)
        if not match:
            return
        surface = match.group()
        value = _value(surface)
        if value is None:
            if not allow_unknown or FUNCTION_WORD.match(surface):
                return
            value = surface
        stop = match.end()
        noun = _NOUN_AFTER.match(text, stop, end)
        yield match.start(), stop, value
        join = _LIST_JOIN.match(text, noun.end() if noun else stop, end)
        if not join:
            return
        pos = join.end()


_OTHER_PLACE_POPULATED = regex_cache.compile(r"\b(?:populated|inhabited|settled|occupied|peopled)\sby\b|\bhome\sto\b")


def _populated_other(ctx: Context, before: str) -> bool:
    """"the department of Chalatenango was populated by Spanish settlers": another place's people."""
    cue = list(_OTHER_PLACE_POPULATED.finditer(before))[-1]
    clause = re.split(r"[,;:()]\s", before[: cue.start()])[-1]
    for name in NAME_RE.finditer(clause):
        value = name.group()
        if FUNCTION_WORD.match(value) and len(value.split()) == 1:
            continue
        if not _like_subject(ctx, value) and not _ANY_GROUP_RE.match(value):
            return True
    return False


_LISTED_GATE = regex_cache.compile(
    r"\b(?:ancestry|descent|origin|extraction|stock|background|ethnic|minorit|groups?\sof|handful|band)", re.IGNORECASE
)


def _listed(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    """Peoples named without a share, where a population word governs them."""
    text = ctx.text
    lo, hi = sentence.start, sentence.end
    residence = bool(_RESIDENCE.search(sentence.text))
    if not residence and not _LISTED_GATE.search(sentence.text):
        return  # every emission below needs living there, a descent word or a list head
    seen: set[int] = set()

    def emit(start: int, end: int, value: str, confidence: float) -> Iterator[Candidate]:
        window = text[max(lo, start - 60) : start]
        if ctx.is_subject(value) or _ACTS_AFTER.match(text, end, hi):
            return
        if re.match(r"[A-Z]", text[end + 1 : end + 2]) and text[end : end + 1] == " " and not _NOUN_AFTER.match(text, end, hi):
            return  # "Whites Creek", "Indian Springs", "Chinese Canadians": part of a longer name
        qualifier = re.search(r"([A-Z][\w'’-]*)\s$", text[max(lo, start - 30) : start])
        if qualifier and not FUNCTION_WORD.match(qualifier.group(1)):
            return  # "Kamalzai Pashtuns", "Belgian Moroccan": the first word qualifies the group
        if _OTHER_PLACE_POPULATED.search(text[lo:start]) and _populated_other(ctx, text[lo:start]):
            return
        if _HOSTILE.search(window) or re.match(r"\s(?:visited|conquered|attacked|fought|traded|invaded|ruled)\b", text[end : end + 20]):
            return
        if start in seen:
            return
        seen.add(start)
        yield Candidate("ethnic_group", value, start, end, confidence=confidence)

    census = bool(_CENSUS_SENTENCE.search(sentence.text))
    skip_to = -1
    for match in _GROUP_OR_NAME.finditer(text[lo:hi]):
        start, end = lo + match.start(), lo + match.end()
        if match.group().startswith("The ") and len(match.group()) > 4:
            start += 4
        if start < skip_to:
            continue  # "Otomi Indians": the people word is not a second group
        noun_end = _NOUN_AFTER.match(text, end, hi)
        skip_to = noun_end.end() if noun_end else end
        surface = text[start:end]
        known = _value(surface) if fold(surface) in _ETHNIC_KEYS else None
        before = text[max(lo, start - 80) : start]
        after_noun = _NOUN_AFTER.match(text, end, hi)
        descent = _DESCENT.match(text, end, hi)
        if known is None:
            # An unknown name is a people only with a people word after it in a sentence about living there:
            # "the Lebou people", "the Siuslaw tribe", "ethnic Mon people", "the Kuranko ... ethnic groups".
            if not (after_noun and re.match(r"\s(?:[Pp]eoples?|tribes?|Indians|natives|nation)\b", text[end:hi])):
                continue
            head = _LIST_HEAD.search(before)  # searched only where it is needed: most names stop above
            if not (residence and (head or re.search(r"\b(?:the|ethnic)\s$", before))) or FUNCTION_WORD.match(surface):
                continue
            if surface.split()[-1] in ("Native", "American", "Indian") or re.search(r"[A-Z]{2}|-speaking$|\sof\s", surface):
                continue
            yield from emit(start, end, surface, 0.65)
            continue
        if census:
            continue  # the census sentence's own groups come with their shares
        if fold(surface) in _VAGUE:
            continue
        head = _LIST_HEAD.search(before)
        of_descent = bool(descent) and re.search(r"\bof\s(?:(?:either|mostly|mainly|largely|predominantly|mixed)\s)?$", before)
        if of_descent and re.search(
            r"\b(?:whose|his|her|he|she|man|woman|son|daughter|father|mother|wife|husband|officer|who|founder|settler|"
            r"owner|builder|pioneer|chief|leader|namesake)\b", before, re.IGNORECASE):
            of_descent = False  # "whose father was of Swedish descent": a person's
        if after_noun and re.match(r"\s(?:community|communities)\s(?:known|called|named)\b", text[end:hi]):
            continue  # "a Spanish community known as Poinciana": a place
        if after_noun and re.search(r"\bof\sthe\s$", before) and re.match(r"\spopulation", text[end:hi]):
            continue  # "one-third of the Peruvian population": a country's people
        plural = _plural(surface) and residence
        noun_ok = bool(after_noun) and residence and not re.match(r"\s(?:language|name)", text[end:hi])
        listed = bool(head) and (residence or re.search(r"ethnic|minorit|groups?\sof|handful|band", head.group(), re.IGNORECASE))
        if of_descent and re.search(r"\b(?:name|word|term|phrase)\b", sentence.text):
            of_descent = False  # "a name of Spanish origin"
        if not (of_descent or plural or noun_ok or listed):
            continue
        yield from emit(start, end, known, 0.7)
        if listed or of_descent:
            for item_start, item_end, item_value in _group_list(text, _after_item(text, end, hi), hi, allow_unknown=False):
                yield from emit(item_start, item_end, item_value, 0.7)


def _after_item(text: str, end: int, hi: int) -> int:
    noun = _NOUN_AFTER.match(text, end, hi)
    stop = noun.end() if noun else end
    join = _LIST_JOIN.match(text, stop, hi)
    return join.end() if join else hi


# "The inhabitants are largely from the Kuranko, Mandingo, Yalunka, Limba and Fula ethnic groups."
_ETHNIC_GROUPS_AFTER = regex_cache.compile(rf"((?:{NAME})(?:(?:,\s(?:and\s)?|\s(?:and|or)\s)(?:{NAME}))+)\s(?:and\sother\s)?ethnic\sgroups?\b")
# "The three largest ethnic groups reported in Menge were: the Berta 118, Oromo 27, and Amhara 27."
_ETHNIC_GROUPS_BEFORE = regex_cache.compile(r"\bethnic\sgroups?\b[^.:;]{0,60}?\b(?:were|are|include|including|is)\b:?\s(?:the\s)?")


def _named_groups(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    if "ethnic" not in ctx.lower(sentence):
        return  # both forms name "ethnic groups"
    text = ctx.text
    lo, hi = sentence.start, sentence.end
    for match in _ETHNIC_GROUPS_AFTER.finditer(text, lo, hi):
        for name in NAME_RE.finditer(match.group(1)):
            if FUNCTION_WORD.match(name.group()) and len(name.group().split()) == 1:
                continue
            start = match.start(1) + name.start()
            yield Candidate("ethnic_group", name.group(), start, start + len(name.group()), confidence=0.7)
    for match in _ETHNIC_GROUPS_BEFORE.finditer(text, lo, hi):
        pos = match.end()
        while pos < hi:
            item = _NAME_COUNT.match(text, pos, hi)
            if not item or FUNCTION_WORD.match(item.group(1)):
                break
            yield Candidate("ethnic_group", item.group(1), item.start(1), item.end(1), confidence=0.7)
            join = _LIST_JOIN.match(text, item.end(), hi)
            if not join:
                break
            pos = join.end()


_ADVERB = r"(?:(?:predominantly|mainly|mostly|largely|overwhelmingly|primarily|chiefly|almost\sentirely|traditionally)\s)"
_RELIGION_PHRASES = (
    # "predominantly Muslim", "an overwhelming Bengali Muslim majority"
    regex_cache.compile(rf"\b(?:predominantly|mainly|mostly|largely|overwhelmingly|primarily|chiefly)\s(?:(?:{_PEOPLE_GROUP})\s)?({_RELIGION_RE})"),
    # "the majority of the residents are Seventh Day Adventists", "most inhabitants are Roman Catholic"
    regex_cache.compile(
        rf"\b(?:population|residents|inhabitants|people|citizens|majority|most|locals)\b[^.;:]{{0,50}}?\b(?:are|is|were|was)\s"
        rf"{_ADVERB}?(?:(?:adherents|followers|members)\sof\s(?:the\s)?)?({_RELIGION_ANY_CASE})",
        re.IGNORECASE,
    ),
    # "a tiny Christian minority", "a large Muslim population"
    regex_cache.compile(rf"({_RELIGION_RE})\s(?:majority|minority|population|community|communities|residents|inhabitants)\b"),
    # "evangelical Protestantism being the majority religion", "the main religion is Islam"
    regex_cache.compile(rf"({_RELIGION_RE})\s(?:is|was|being|remains)\s(?:the\s)?(?:majority|main|predominant|dominant|principal|largest|prevailing)\sreligion\b"),
    regex_cache.compile(rf"\b(?:majority|main|predominant|dominant|principal|largest|prevailing)\sreligion\s(?:is|was|being)\s{_ADVERB}?({_RELIGION_RE})"),
)
_RELIGION_NOT_AFTER = regex_cache.compile(
    r"\s(?:church|churches|cathedral|diocese|archdiocese|temple|mosque|mission|university|college|school|king|conquest|"
    r"rule|world|heritage|pilgrimage|saint|festival|army|priest|bishop|monastery|abbey|shrine)",
    re.IGNORECASE,
)


def _religions(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    text = ctx.text
    for pattern in _RELIGION_PHRASES:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if _RELIGION_NOT_AFTER.match(text, match.end(1), sentence.end) and pattern is not _RELIGION_PHRASES[2]:
                continue
            value = _value(match.group(1))
            if value:
                yield Candidate("religion", value, match.start(), match.end(), confidence=0.75)


_LANG_LIST = rf"({_LANGUAGE_RE})(?:(?:,\s(?:and\s)?|\s(?:and|or|&)\s)({_LANGUAGE_RE}))?(?:(?:,\s(?:and\s)?|\s(?:and|or|&)\s)({_LANGUAGE_RE}))?"
_LANG_ADJ = r"(?:(?:colloquial|standard|local|modern|classical|spoken|the)\s)?"
_LANGUAGE_PHRASES = (
    # "the official languages are Chinese and Korean", "Its official language is Italian"
    regex_cache.compile(rf"\bofficial\slanguages?(?:\s(?:of|in)\s[^,.;]{{1,40}}?)?\s(?:is|are|was|were|being|include)\s(?:both\s)?{_LANG_ADJ}{_LANG_LIST}"),
    # "Finnish and Swedish are both official languages", "English is the official language"
    regex_cache.compile(rf"{_LANG_LIST}\s(?:is|are|being)\s(?:both\s|also\s)?(?:the\s|an\s)?(?:co-?)?official\slanguages?\b"),
    # "The primary spoken language is Cantonese", "the predominant languages of the city are Serer and Wolof"
    regex_cache.compile(
        rf"\b(?:main|primary|predominant|principal|dominant|common|local|everyday|majority|most\s(?:widely\s|commonly\s)?spoken)"
        rf"\s(?:spoken\s)?(?:languages?|tongue)(?:\s(?:of|in)\s(?:the\s)?[\w'’-]+)?\s(?:is|are|was|were)\s{_LANG_ADJ}{_LANG_LIST}"
    ),
    # "Ngoni is the primary language", "Cantonese is the main spoken language"
    regex_cache.compile(
        rf"{_LANG_LIST}\s(?:is|are|was|were|remains)\s(?:the\s)?(?:main|primary|predominant|principal|dominant|common|local|"
        rf"majority|most\s(?:widely\s|commonly\s)?spoken)\s(?:spoken\s)?(?:languages?|tongue)\b"
    ),
    # "The language spoken is French", "the languages spoken here are X and Y"
    regex_cache.compile(rf"\blanguages?\sspoken\s(?:here\s|there\s|locally\s|in\s(?:the\s)?[\w'’-]+\s)?(?:is|are)\s{_LANG_ADJ}{_LANG_LIST}"),
    # "Spanish is spoken by the entire population", "English, Kalanga and Kgalagadi are also spoken"
    regex_cache.compile(rf"{_LANG_LIST}(?:\slanguage)?\s(?:is|are)\s(?:also\s|mainly\s|mostly\s|widely\s|commonly\s|predominantly\s|primarily\s)?spoken\b"),
    # "The people of this area only speak Pukhto", "a high percentage speaks English"
    regex_cache.compile(
        rf"\b(?:population|residents|inhabitants|people|citizens|majority|locals|percentage|most)\b[^.;:]{{0,40}}?\b"
        rf"(?:only\s|mainly\s|mostly\s|also\s)?(?:speak|speaks|spoke)\s(?:only\s|mainly\s|mostly\s)?{_LANG_LIST}"
    ),
    # "legally bilingual (French–Dutch)"
    regex_cache.compile(rf"\bbilingual\s?\(({_LANGUAGE_RE})\s?[–/-]\s?({_LANGUAGE_RE})\)"),
)


# Every language phrase needs one of these words: sentences without them skip the scans of the language names.
_LANGUAGE_CUES = key_words("language", "tongue", "spoke", "speak", "bilingual")


def _languages(ctx: Context, sentence: Sentence) -> Iterator[Candidate]:
    if not ctx.says_any(sentence, _LANGUAGE_CUES):
        return
    text = ctx.text
    for pattern in _LANGUAGE_PHRASES:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if re.search(r"\b(?:understood|taught|second\slanguage)\b", text[match.end() : match.end() + 30]):
                continue
            for index in range(1, (match.lastindex or 0) + 1):
                surface = match.group(index)
                if not surface or fold(surface) not in _LANGUAGE_KEYS:
                    continue
                value = _value(surface)
                if value:
                    yield Candidate("language", value, match.start(), match.end(), confidence=0.8)


_PEOPLE_WORDS = regex_cache.compile(r"\b(?:ethnic|[Pp]eoples?|tribes?|natives|Indians|nation)\b")
# Words one of which every reader below needs (shares, listed peoples, named ethnic groups), as lower-case
# substrings of what their gates match; religions and languages are gated by their own words.
_READER_CUES = key_words(
    "%", "percent", "per",  # shares
    "immigra", "settl", "inhabit", "populat", "resident", "live", "living", "dwell", "home", "minorit", "majority",
    "ethnic", "ancestr", "descent", "communit", "tribe", "occupied", "makeup", "composition", "people", "native",
    "migrant",  # _RESIDENCE
    "origin", "extraction", "stock", "background", "group", "handful", "band",  # _LISTED_GATE
)
# What the first test below needs, as lower-case substrings: one search of the text finds the sentences to test.
_GATE_WORDS = key_words(*sorted(_FIRST_WORDS), "ethnic", "people", "tribe", "natives", "indians", "nation")
_LETTER_RUN = regex_cache.compile(r"[^\W\d_]+")


@component("demographics", reads=("prose",), writes=("ethnic_group", "religion", "language"))
def find_demographics(ctx: Context) -> Iterator[Candidate]:
    for sentence in ctx.sentences_with(_GATE_WORDS):
        words = set(_LETTER_RUN.findall(ctx.lower(sentence)))
        if words.isdisjoint(_FIRST_WORDS) and not _PEOPLE_WORDS.search(sentence.text):
            continue
        if not (
            ctx.says_any(sentence, _READER_CUES)
            or not words.isdisjoint(_RELIGION_WORDS)
            or (not words.isdisjoint(_LANGUAGE_WORDS) and ctx.says_any(sentence, _LANGUAGE_CUES))
        ):
            continue  # none of the readers below would find anything: spare the topic tests
        if _foreign_topic(ctx, sentence) or _about_other_population(ctx, sentence.text):
            continue
        if re.search(r"%|percent|per\scent", sentence.text):
            yield from _shares(ctx, sentence)
        yield from _listed(ctx, sentence)
        yield from _named_groups(ctx, sentence)
        if not words.isdisjoint(_RELIGION_WORDS):
            yield from _religions(ctx, sentence)
        if not words.isdisjoint(_LANGUAGE_WORDS):
            yield from _languages(ctx, sentence)
