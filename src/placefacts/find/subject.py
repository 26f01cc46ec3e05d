"""Find the subject of the article and its defining sentence ("X is a town in Y").

Runs before every finder: they all need to know which place the facts are about.
"""

from __future__ import annotations

from placefacts import regex_cache
from placefacts.find.context import Context
from placefacts.find.grammar import ADVERB_ENDING, COPULA, FUNCTION_WORD, strip_intro
from placefacts.find.textutil import NAME
from placefacts.normalise.text import fold

# The name, then a bracket, a comma or the verb: "The historic Town of Jamestown is" (a place noun before the name),
# "Edinburgh /ˈɛdɪnbɜːrɡ/ is", "Bari [ˈbaːri] listen (...) is" (a pronunciation after it)
_LEAD_NAME = regex_cache.compile(
    rf"^[\"'‘“]?(?:(?:The|the)\s(?:[\w-]+\s){{0,2}}?(?i:city|town|village|municipality|borough|hamlet|community)\sof\s|"
    rf"(?:The |the )?)({NAME})"
    r"(?=\s*(?:/[^/\n]{1,60}/\s*|\[[^\]\n]{1,60}\]\s*)?(?:listen\s*)?"
    r"(?:\(|,|;|\bis\b|\bwas\b|\bor\b|\bare\b|\bwere\b|\bhas\b|\blies\b|$))"
)
# Adverbs that open a sentence ("Historically, ...", "Increasingly St. James is ..."), not names ending in -ly (Beverly)
_ADVERB_END = rf"[A-Z][a-z]+{ADVERB_ENDING}"
_ADVERB = regex_cache.compile(rf"{_ADVERB_END}|Likewise|Meanwhile|Nowadays|Today|However|Also|Once")
_ADVERB_FIRST = regex_cache.compile(rf"^{_ADVERB_END}\s(?=[A-Z])")
_PRONOUNS = frozenset("It Its There Here This These Those They Their He His She Her We".split())
_OPENING_NAME = regex_cache.compile(rf"^[\"'‘“]?(?:The |the )?({NAME})")
_DISAMBIGUATION = regex_cache.compile(r"\s*\([^)]*\)\s*$")
_GENERIC = regex_cache.compile(
    r"^(?:City|Town|Municipality|Borough|County|Village|District|Metropolitan City|Province|Shire) of (.+)$"
    r"|^(.+?) (?:City|Town|Municipality|Borough|Shire|Township|Village)$"
)


def title_name(title: str) -> str:
    """The place name of a page title: "Florida, Massachusetts" -> "Florida"."""
    title = _DISAMBIGUATION.sub("", title.replace("_", " ")).strip()
    return title.split(",")[0].strip() or title


def detect(ctx: Context) -> None:
    title = ctx.doc.title or ctx.prepared.title
    names: list[str] = []
    if title:
        names.append(title_name(title))
    for sentence in ctx.lead_sentences()[:3]:
        # "With a population of 81,204, Calder is ...": the name may open the clause after an introductory phrase
        match = _LEAD_NAME.match(sentence.text) or _LEAD_NAME.match(strip_intro(sentence.text))
        if match and (match.group(1) in _PRONOUNS or _ADVERB.fullmatch(match.group(1))):
            continue  # "There are also two Springfield Townships ...", "It is ...": no name
        if match and COPULA.search(sentence.text):
            lead = _ADVERB_FIRST.sub("", match.group(1))  # "Increasingly St. James is": the adverb is no part of it
            if not names or fold(names[0]) in fold(lead) or fold(lead) in fold(names[0]) or not title:
                ctx.defining = sentence
                names.insert(0, lead)
                break
    if ctx.defining is None:
        for sentence in ctx.lead_sentences()[:3]:
            if COPULA.search(sentence.text):
                ctx.defining = sentence
                break
    if not names and ctx.sentences:
        # No defining sentence: the name the text opens with ("Brannock attained city status ...").
        match = _OPENING_NAME.match(strip_intro(ctx.sentences[0].text))
        if match and not FUNCTION_WORD.match(match.group(1)) and not _ADVERB.fullmatch(match.group(1)):
            names.append(match.group(1))
    if not names:
        return
    ctx.subject = names[0]
    for name in names:
        ctx.add_alias(name)
        generic = _GENERIC.match(name)
        if generic:
            ctx.add_alias(generic.group(1) or generic.group(2))
