"""name: other names of the subject, with their kind (alternative, former, native, official).

The opening of the defining sentence carries most of them:
"Jezkazgan or Zhezkazgan (Kazakh: Jezqazğan), formerly known as Dzhezkazgan, is ...";
later sentences add nicknames ("nicknamed "The Magic City"") and old names
("where it was called Agrevaṇa", "founded ... as 'Villa de Salamanca'").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import ANAPHOR, FUNCTION_WORD, about_subject, refers_to_subject, strip_intro
from placefacts.find.keywords import key_words
from placefacts.find.textutil import NAME
from placefacts.normalise.text import fold

_QUOTED = r"[\"“'‘](?P<q>[^\"”'’]{2,60})[\"”'’]"
_NAME_OR_QUOTED = rf"(?:{_QUOTED}|(?:the\s)?(?P<n>{NAME}))"
_KINDS = (
    (r"(?:formerly|previously|once|originally|historically)\s(?:known\sas|called|named|spelled|spelt)", "former"),
    (r"(?:formerly|previously|historically)", "former"),
    (r"(?:officially|legally)(?:\sknown\sas|\scalled|\snamed)?", "official"),
    (r"(?:also|alternatively|better|commonly|locally|popularly|sometimes|often)\s(?:known\sas|called|referred\sto\s(?:simply\s)?as|"
     r"spelled|spelt|written|transliterated\sas|romani[sz]ed\sas|rendered\sas)", "alternative"),
    (r"(?:nicknamed|known\sas|called)", "alternative"),
)
_NAME_OR_QUOTED_RE = regex_cache.compile(_NAME_OR_QUOTED)
_HEAD_NAME = regex_cache.compile(rf"(?P<n>{NAME}(?:\sand\s{NAME})?)(?=\s?[,(]|\s(?:or|and)\s|$)")
_KIND_RE = [(regex_cache.compile(rf"(?:^|,\s|\s)(?:{p})\s(?:the\s)?", re.IGNORECASE), kind) for p, kind in _KINDS]
_OR_NAME = regex_cache.compile(rf"\sor\s(?P<n>{NAME})")
_PAREN = regex_cache.compile(r"\s?\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
# "(until 1880 Kowai Pass)", "(formerly Port Royal)": a former name in the brackets.
_UNTIL = regex_cache.compile(rf"\s*(?:until\s\d{{4}}|formerly|previously|before\s\d{{4}})\s+({NAME})\s*$")
_NESTED = regex_cache.compile(r"\([^()]*\)|[()]")
_IPA = regex_cache.compile(r"\[[^\]]*\]|/[^/]*/|\b(?:listen|pronunciation|pronounced|IPA)\b[^;,]*", re.IGNORECASE)
# Pronunciation respellings: "BAZ-il-dən", "bor-DOH".
_RESPELLING = regex_cache.compile(r"\b[A-Z]{2,}-|-[A-Z]{2,}\b|[əɪʊʃʒθðŋˈˌː]|^[a-z]+-[a-z]+-")
_NOT_LANGUAGE = regex_cache.compile(r"^(?:UK|US|pronunciation|.*\bpronunciation|IPA|audio|listen|lit\.?|literally|meaning|abbr\.?|born|pop\.?|est\.?)$", re.IGNORECASE)
_STEP = regex_cache.compile(r"[\s,(]")
# "Unofficial nicknames include "River City", "Chatt", and "Gig City"": each quoted item of the list.
_NICKNAME_LIST = regex_cache.compile(r"\bnicknames\s(?:include|are|such\sas)\b|\bnicknames:", re.IGNORECASE)
_QUOTED_ITEM = regex_cache.compile(r"[\"“]([^\"”]{2,60})[\"”](?=\s*(?:,|and\b|or\b|\.|$|;))")
# A cheap gate: the words every later naming pattern has.
_LATER_KEYS = key_words("nick", "known", "called", "named", "formerly", "previously", "originally", "founded", "established",
               "settled", "created", "name", "until", "referred")
# (pattern, kind, whether the text must show the phrase is said of the subject)
_LATER = (
    (regex_cache.compile(rf"\bnick(?:named|names?)\s(?:include\s|are\s|is\s)?(?:as\s)?{_QUOTED}(?:\s(?:and|or)\s{_QUOTED.replace('?P<q>', '?P<q2>')})?"), "alternative", True),
    (regex_cache.compile(rf"\bnicknamed\s(?:the\s)?(?P<n>{NAME})"), "alternative", True),
    # "nicknamed "The Beloved Land of the Sun" (Spanish: "La Tierra del Sol Amada")": the nickname in its own language.
    (regex_cache.compile(rf"\bnicknamed\s{_QUOTED}\s\([A-Z][a-z]+:\s[\"“'‘](?P<q2>[^\"”'’]{{2,60}})[\"”'’]\)"), "alternative", True),
    (regex_cache.compile(rf"\b(?:[Kk]nown|referred to)\sas\s(?:the\s)?{_QUOTED}"), "alternative", True),
    (regex_cache.compile(rf"\bnickname\s(?:of\s)?(?P<n>{NAME})"), "alternative", True),
    (regex_cache.compile(rf"\b(?:has been|is|are)\s(?:also\s|often\s|sometimes\s)?known\sas\s(?P<n>{NAME})"), "alternative", True),
    (regex_cache.compile(rf"\b(?:also|sometimes|often|commonly|locally)\s(?:known|called|referred to)\s(?:as\s)?(?:the\s)?(?P<n>{NAME})"), "alternative", True),
    (regex_cache.compile(rf"\b(?:formerly|previously|originally|[Oo]nce)\s(?:known\sas|called|named)\s{_NAME_OR_QUOTED}"), "former", True),
    (regex_cache.compile(rf"\b(?:where|when)\sit\swas\s(?:called|named|known\sas)\s{_NAME_OR_QUOTED}"), "former", True),
    # "Windsor, or Windlesora as it was called in the 11th century".
    (regex_cache.compile(rf"\bor\s(?P<n>{NAME})\sas\sit\swas\s(?:called|known)\b"), "former", False),
    (regex_cache.compile(rf"\b(?:was|were)\s(?:called|named)\s{_NAME_OR_QUOTED}"), "former", True),
    (regex_cache.compile(rf"\b(?:in the past|formerly|once|originally)\b[^.;]{{0,40}}?\bwas\s(?:\w+\s)?(?:referred to|known)\sas\s{_NAME_OR_QUOTED}"), "former", True),
    (regex_cache.compile(rf"\b(?:named|called|renamed)\s(?:the|this)\s(?:town|city|village|settlement|place)\s{_NAME_OR_QUOTED}"), "former", False),
    (regex_cache.compile(rf"^(?:Founded|Established|Settled)\b[^.]{{0,40}}?\sas\s{_NAME_OR_QUOTED}"), "former", True),
    (regex_cache.compile(rf"\b(?:was|were)\s(?:founded|established|settled|created)\b[^.]{{0,40}}?\sas\s{_QUOTED}"), "former", True),
    (regex_cache.compile(rf"\bwith\sthe\s(?:long\s|old\s|original\s)?name\s(?:of\s)?(?P<n>{NAME})"), "former", True),
    (regex_cache.compile(rf"\buntil\s\d{{4}}\s(?:known\sas|called|named)\s{_NAME_OR_QUOTED}"), "former", True),
)
# For each pattern above, words one of which it needs (lower-case substrings): most patterns are skipped unrun.
_LATER_GATES = tuple(
    key_words(*words)
    for words in (
        ("nick",), ("nicknamed",), ("nicknamed",), ("known", "referred"), ("nickname",), ("known",),
        ("known", "called", "referred"), ("known", "called", "named"), ("called", "named", "known"), ("called", "known"),
        ("called", "named"), ("referred", "known"), ("named", "called"), ("founded", "established", "settled"),
        ("founded", "established", "settled", "created"), ("name",), ("until",),
    )
)


def _value(match: re.Match[str]) -> tuple[str, int, int] | None:
    for group in ("q", "q2", "n"):
        if group in match.re.groupindex and match.group(group):
            return match.group(group), match.start(group), match.end(group)
    return None


_BEFORE_NAME = regex_cache.compile(NAME)


def _nicknames_of_subject(ctx: Context, before: str) -> bool:
    """"Unofficial nicknames include", "Its nicknames are", "Chattanooga's nicknames": not another place's."""
    names = [m.group().removesuffix("'s").removesuffix("’s") for m in _BEFORE_NAME.finditer(before)]
    return all(" " not in n or refers_to_subject(n, ctx.aliases) for n in names) and not any(
        len(n.split()) == 1 and not refers_to_subject(n, ctx.aliases) and n.endswith(("'s", "’s")) for n in names
    )


def _refers_back(ctx: Context, sentence: str, before: str) -> bool:
    """The naming phrase is said of the subject, not of another thing the sentence mentions.

    "Perth has been known as The Fair City" names Perth; "Chicago is the principal city of the
    Chicago metropolitan area, often referred to as Chicagoland" names the area.
    """
    body = strip_intro(before)
    if body.count("(") > body.count(")"):
        return False  # inside brackets about something else
    if about_subject(sentence, ctx.aliases, strict=True):
        return not _DESCRIBES_OTHER.search(body)
    mentions = [m.group() for m in _BEFORE_NAME.finditer(body) if not FUNCTION_WORD.match(m.group())]
    if not mentions:
        return not body.strip() or bool(ANAPHOR.match(body))
    return refers_to_subject(mentions[-1], ctx.aliases) and not _DESCRIBES_OTHER.search(body)


# "... the Chicago metropolitan area, often referred to as": the phrase describes that area.
_DESCRIBES_OTHER = regex_cache.compile(
    r"\b(?:area|region|district|county|building|museum|church|park|station|bridge|island|river|lake|team|club|"
    r"company|school|university)\b[^,;]*,?\s*(?:\w+\s)?$"
)


def _name_candidate(ctx: Context, value: str, start: int, end: int, kind: str, confidence: float) -> Candidate | None:
    value = value.strip(" ,;")
    if not value or len(value) > 80 or any(ch.isdigit() for ch in value):
        return None
    if fold(value) in ctx.aliases or not fold(value):
        return None
    if _GLUE.match(value) or value in _NOT_NAMES or value.endswith(("'s", "’s")):
        return None  # "[ˈkuːr] or [ˈxuːr]", "UK /ˈbʊərɡɒs/", "named China's most livable city": no name
    if _REGION_AFTER.match(ctx.text, start + len(value), start + len(value) + 20):
        return None  # "commonly known as the Tri-Cities region": the region's name
    return Candidate("name", value, start, start + len(value), qualifiers={"kind": kind}, confidence=confidence)


_GLUE = regex_cache.compile(r"(?:or|and|as|also|of|in)(?:\s|$)|referred\sto\s")  # a joining word opens no name
_NOT_NAMES = frozenset({"UK", "US", "U.S.", "USA", "UN", "EU"})  # pronunciation labels and bodies, never a place's name
_REGION_AFTER = regex_cache.compile(r"[\"'”’]?\s(?:region|area|metropolitan|metro)\b")


def _parenthetical(ctx: Context, text: str, start: int, end: int) -> Iterator[Candidate]:
    """Names inside "(Kazakh: Jezqazğan; Russian: Жезказган)": native forms, acronyms."""
    inner = text[start:end]
    cleaned = _IPA.sub(lambda m: " " * len(m.group()), inner)
    cleaned = _NESTED.sub(lambda m: " " * len(m.group()), cleaned)  # "(listen)" inside the brackets
    for part in re.finditer(r"[^;,]+", cleaned):
        segment = part.group()
        label, colon, rest = segment.partition(":")
        offset = start + part.start()
        until = _UNTIL.match(segment)
        if until and not colon:
            value = until.group(1).strip()
            value_start = offset + until.start(1)
            candidate = _name_candidate(ctx, value, value_start, value_start + len(value), "former", 0.75)
            if candidate:
                yield candidate
            continue
        if colon:
            if _NOT_LANGUAGE.match(label.strip()):
                continue
            offset += len(label) + 1
            segment = rest
        kind = "native"
        for piece in re.finditer(r"[^\s\"“”'‘’](?:[^\"“”]*?[^\s\"“”'‘’])?(?=\s+or\s+(?:alternatively\s+)?|\s*$|\s+[\"“])", segment):
            value = piece.group()
            # "or alternatively X", "also X", "modern transliteration X": the name starts at its capital.
            value = re.sub(r"^(?:(?:or|also|alternatively|modern|transliteration|transliterated|romanized|romanised|"
                           r"formerly|officially|locally|sometimes|often|historically|previously)\s+|[/|]\s*)+", "", value)
            if not re.search(r"[^\W\d_]", value) or _RESPELLING.search(value):
                continue
            if not colon:
                # An unlabelled form: an acronym is an alternative name; other script or diacritics a native one.
                if re.fullmatch(r"[A-Z]{2,6}", value):
                    kind = "alternative"
                elif value.isascii():
                    continue
            value_start = offset + piece.start() + (len(piece.group()) - len(value))
            candidate = _name_candidate(ctx, value, value_start, value_start + len(value), kind, 0.75)
            if candidate:
                yield candidate


@component("names", reads=("prose",), writes=("name",))
def find_names(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    defining = ctx.defining
    if defining is not None:
        # The copula of the definition, not the "was" of "as it was called".
        copula = re.search(r"\s(?:is|was|are|were)\s(?:a|an|the|one|also|now|located|situated)\b", defining.text) or re.search(
            r"\s(?:is|was|are|were)\s", defining.text
        )
        head_end = defining.start + (copula.start() if copula else 0)
        pos = defining.start
        # "X or Y (...)": each "or" name, then its parenthetical.
        while pos < head_end:
            paren = _PAREN.match(text, pos, head_end)
            if paren:
                yield from _parenthetical(ctx, text, paren.start(1), paren.end(1))
                pos = paren.end()
                continue
            alt = _OR_NAME.match(text, pos, head_end)
            if alt:
                # "or Xixón (Asturian: [ʃiˈʃoŋ])": a pronunciation alone makes it that language's name.
                paren = re.match(r"\s?\(([^)]*)\)", text[alt.end() : head_end])
                native = bool(paren) and ":" in paren.group(1) and not re.search(
                    r":\s*[^\W\d_]", _IPA.sub("", paren.group(1))
                )
                former = re.match(r"\s+as\s+it\s+was\s+(?:called|known)\b", text[alt.end() : head_end])
                kind = "former" if former else "native" if native else "alternative"
                candidate = _name_candidate(ctx, alt.group("n"), alt.start("n"), alt.end("n"), kind, 0.8)
                if candidate:
                    yield candidate
                pos = alt.end()
                continue
            for pattern, kind in _KIND_RE:
                found = pattern.match(text, pos, head_end)
                if found:
                    # "officially the City and County of Denver," : the name runs to the comma.
                    name = _HEAD_NAME.match(text, found.end(), head_end) or _NAME_OR_QUOTED_RE.match(
                        text, found.end(), head_end
                    )
                    if name and (value := _value(name)):
                        candidate = _name_candidate(ctx, *value, kind, 0.85)
                        if candidate:
                            yield candidate
                            ctx.add_alias(candidate.value)  # type: ignore[arg-type]
                        pos = name.end()
                    else:
                        pos = found.end()
                    break
            else:
                step = _STEP.search(text, pos + 1, head_end)  # every head pattern starts at a blank, comma or "("
                pos = step.start() if step else head_end
    for sentence in ctx.sentences_with(_LATER_KEYS):
        listed = _NICKNAME_LIST.search(sentence.text)
        if listed and _nicknames_of_subject(ctx, sentence.text[: listed.start()]):
            for item in _QUOTED_ITEM.finditer(sentence.text, listed.end()):
                begin = sentence.start + item.start(1)
                candidate = _name_candidate(ctx, item.group(1), begin, begin + len(item.group(1)), "alternative", 0.7)
                if candidate:
                    yield candidate
        if sentence is not defining and ctx.about(sentence) is False:
            if not re.match(r"^(?:Founded|Established|Settled)\b", sentence.text):
                continue
        for (pattern, kind, needs_subject), gate in zip(_LATER, _LATER_GATES, strict=True):
            if not ctx.says_any(sentence, gate):
                continue
            # On the sentence itself, so that "^" anchors at its start.
            for match in pattern.finditer(sentence.text):
                if needs_subject and not _refers_back(ctx, sentence.text, sentence.text[: match.start()]):
                    continue
                for group in ("q", "q2", "n"):
                    if group in pattern.groupindex and match.group(group):
                        begin = sentence.start + match.start(group)
                        candidate = _name_candidate(ctx, match.group(group), begin, begin + len(match.group(group)), kind, 0.7)
                        if candidate:
                            yield candidate
