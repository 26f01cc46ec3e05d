"""product: what the place makes, grows, mines and exports.

Every product needs a cue that governs it ("Exports include ...", "Vita
produces ...", "... were made in Birmingham") in a sentence about the subject;
the lexicon (find/data/products.txt) alone only confirms weak cues ("copper
deposits", "gold mining"). Ore "mined from nearby Tombstone" is not the
subject's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from placefacts import regex_cache
from placefacts.find.context import Candidate, Context, component
from placefacts.find.grammar import refers_to_subject, strip_intro, topic
from placefacts.find.keywords import key_words
from placefacts.find.lists import (
    LEXICON_WORDS,
    PRODUCT_ALT,
    PRODUCTS,
    Item,
    after_list,
    cue_of_topic,
    elsewhere,
    list_start,
    phrases,
    sentence_about,
    subject_possessive,
    subject_ref,
)
from placefacts.find.textutil import NAME, Sentence
from placefacts.normalise.text import fold

# ---------------------------------------------------------------- product

_PRODUCT_KEYS = key_words(
    "export", "product", "produce", "crop", "goods", "commodit", "grown", "mined", "mines", "mining", "deposit",
    "orchard", "plantation", "manufactur", "harvest", "cultivat", "made in", " ore", "raised", "reserves", "groves",
    " fields", " farm", "resources", "grow ", "grows ", "quarr", "refiner", "smelt", "discovered", "production", "exporter",
)
_PRODUCT_NOUN = (
    r"(?:(?:main|principal|chief|major|leading|primary|most\simportant|key|agricultural|farm|industrial|local|"
    r"other|manufactured|mineral|natural)\s){0,2}(?:exports|export\sproducts|products|produce|crops|goods|"
    r"commodities|resources|manufactures)"
)
# "Exports include ...", "The main agricultural crops were ...", "Farmed crops include ..."
_PRODUCTS_FOLLOW = regex_cache.compile(
    rf"\b{_PRODUCT_NOUN}\s(?:(?:that|which)\s(?:are|were)\s[a-z]+ed\s(?:here\s|locally\s|in\sthe\sarea\s)?|"
    rf"(?:(?!(?:that|which|are|were|is|was)\b)[a-z]+\s){{0,3}}?)(?:include|includes|included|are|were|consist\sof|consisted\sof|"
    rf":)\s",
    re.IGNORECASE,
)
# "Other metal ores mined and processed locally are ..."
_MINED_FOLLOW = regex_cache.compile(
    r"\b(?:ores?|minerals?|metals?|crops|fruits?|goods)\s(?:[a-z]+\s){0,2}?(?:mined|grown|produced|made|processed|"
    r"extracted|harvested|cultivated|raised|manufactured)(?:\s(?:and|or)\s(?:mined|grown|produced|made|processed|"
    r"extracted|harvested|cultivated|raised|manufactured))?\s(?:locally|here|in\sthe\s(?:area|region|town|city|"
    r"district|municipality)|in\sthe\s\w+\sarea|nearby)?\s?(?:are|were|include|included)\s",
    re.IGNORECASE,
)
# "Vita produces excellent grapes": the subject itself as the agent.
_PRODUCES = regex_cache.compile(
    r"(?:(?:also|mainly|mostly|primarily|chiefly|still|now|largely|principally|once)\s)?(?:produces|produced|exports|"
    r"exported|manufactures|manufactured|cultivates|cultivated)\s(?!by\b|in\b|from\b|to\b|as\b|"
    r"the\b|a\b|an\b|its\b|over\b|around\b|about\b|more\b|some\b|most\b|much\b|nearly\b|almost\b|up\b|several\b|"
    r"many\b|numerous\b)",
)
# "with maple syrup, wool, and potatoes its main products"
_WITH_PRODUCTS = regex_cache.compile(
    r"\bwith\s(?P<list>[^,;:.()]{2,120}?(?:,\s[^,;:.()]{2,40}?){0,8})\s(?:being\s)?(?:(?:its|their|the|as\s(?:its|the))\s)"
    r"(?:(?:main|principal|chief|major|leading|primary|most\simportant)\s)?(?:products|crops|exports)\b",
    re.IGNORECASE,
)
# "Cotton, corn, and oats were the principal crops grown by area farmers."
_PRODUCTS_PRECEDE = regex_cache.compile(
    r"\s(?:are|were|remain|remained|became|have\sbeen)\s(?:(?:traditionally|still|now|also|historically)\s)?"
    r"(?:(?:the|its|their)\s)?(?:(?:main|principal|chief|major|"
    r"leading|primary|most\simportant|important|key)\s){1,2}(?:\w+\s)?(?:products|crops|exports|goods|crop)\b",
    re.IGNORECASE,
)
# "... rails and railroad cars, were made in Birmingham."
_MADE_IN = regex_cache.compile(
    r",?\s(?:are|were|is|was|has\sbeen|have\sbeen|began\sbeing|began\sto\sbe)\s(?:also\s|first\s|still\s)?"
    r"(?:made|produced|manufactured|grown|mined|cultivated|quarried|extracted|harvested)\s"
    r"(?:(?P<here>in\sabundance|locally|here|there|since\s|for\scenturies|in\sthe\s(?:area|region|municipality|district|town|city|village)\b)|"
    r"(?:in|at)\s(?P<where>[^,.;]{2,60}))",
)
# Weak cues, confirmed by the lexicon: "copper deposits", "gold mining", "olive and orange orchards".
_LEX_NOUN = regex_cache.compile(
    rf"\b(?P<lex>(?:{PRODUCT_ALT})(?:(?:,\s|\sand\s|,\sand\s)(?:{PRODUCT_ALT})){{0,4}})\s"
    rf"(?P<noun>deposits|reserves|resources|mines|mine|mining|orchards|groves|plantations|farms|farming|cultivation|"
    rf"crops|quarries|quarry|quarrying|production)\b",
    re.IGNORECASE,
)
# "Safi is the main fishing port ..., and also exports phosphates, textiles and ceramics"
_AND_PRODUCES = regex_cache.compile(
    r"(?<=\s)and\s(?:(?:also|mainly|still|now)\s)?(?:exports|produces|manufactures)\s(?!by\b|in\b|to\b|as\b|the\b|a\b|an\b|its\b|"
    r"over\b|around\b|about\b|more\b|some\b|most\b|much\b|nearly\b|almost\b|up\b)"
)
# "known as a producer of pipe tobacco and tobacco snuff"
_PRODUCER_OF = regex_cache.compile(
    r"\b(?:an?|the|one\sof\sthe)\s(?:(?:world'?s|country'?s|nation'?s|[a-z]+est|major|main|leading|important|big|large|"
    r"significant|principal|chief|top|key|primary)\s){0,3}(?:producers?|exporters?|manufacturers?|growers?)\sof\s"
)
# "one of the world's largest zinc refineries", "a nickel smelter": the metal is a product of the place
_METAL_WORKS = regex_cache.compile(
    r"\b(?P<lex>zinc|nickel|copper|lead|aluminium|aluminum|tin|gold|silver|cobalt|platinum|alumina|uranium|iron|"
    r"magnesium|titanium|manganese)\s(?P<noun>refiner(?:y|ies)|smelters?|smelting\s(?:plant|works|complex))\b",
    re.IGNORECASE,
)
# "The surrounding area produces tobacco, ...", "Local farms grow ...": the place's own land as the agent
_AREA_PRODUCES = regex_cache.compile(
    r"(?:(?:[Tt]he\s)?(?:surrounding|local|rich|fertile|volcanic|agricultural|nearby)\s(?:(?:rich|fertile|volcanic|"
    r"agricultural)\s)?(?:area|region|countryside|hinterland|land|lands|soil|soils|farmland|farms|farmers|valley)|"
    r"[Tt]he\s(?:area|region|county|countryside|hinterland|land|soil|farmland|valley)|[Ll]ocal\sfarms|[Aa]rea\sfarms|"
    r"[Ff]armers(?:\sin\sthe\s(?:area|region|municipality|district))?)\s(?:also\s|mainly\s|mostly\s|primarily\s|"
    r"chiefly\s|still\s)?(?:produces?|grows?|raises?|yields?|cultivates?|supports?)\s(?!by\b|in\b|to\b|up\b)"
)
# "its production of furniture", "a major centre for the production of gunflints"
_PRODUCTION_OF = regex_cache.compile(
    r"\b(?:(?:its|their|the\s(?:city|town|village|municipality|area)(?:'s|’s))\s(?:[a-z]+\s)?production|"
    r"(?:cent(?:er|re)|hub|capital)\s(?:for|of)\s(?:the\s)?production|focuses\son\s(?:the\s)?production|"
    r"known\sfor\s(?:the\s)?production)\sof\s"
)
# "In 1901 petroleum was discovered near the town"
_DISCOVERED = regex_cache.compile(
    rf"\b(?P<lex>{PRODUCT_ALT})\s(?:was|were)\s(?:first\s)?(?:discovered|found|struck)\b"
    rf"(?:\s(?:in|near|at|on)\s(?:the\s)?(?P<where>(?:area|region|town|city|village|vicinity|district)|{NAME}))?",
)


_PAREN_AFTER = regex_cache.compile(r"\s\([^()]*\)")


def _after_topic(sentence: Sentence) -> int:
    """Where the verb after the sentence's topic starts ("Vita | produces grapes"), or -1."""
    body = strip_intro(sentence.text)
    head = topic(sentence.text)
    if not head:
        return -1
    start = sentence.start + len(sentence.text) - len(body)
    # a string test, not a pattern built per sentence (those would crowd the compiled patterns out of re's cache)
    pos = 4 if body.startswith(("The ", "the ")) and body[4:].startswith(head) else 0
    if not body.startswith(head, pos):
        return -1
    pos += len(head)
    paren = _PAREN_AFTER.match(body, pos)
    if paren:
        pos = paren.end()
    return start + pos + 1 if body[pos : pos + 1].isspace() else -1


def _product_value(item: Item) -> str:
    value = re.sub(r"\s(?:deposits?|reserves|mines?|mining)$", "", item.value)  # "limestone deposits"
    if value[0].isupper() and value[1:].islower() and (" " not in value or fold(value.split()[0]) in LEXICON_WORDS):
        value = value[0].lower() + value[1:]  # "Coal" at a sentence start; "Bordeaux wine" keeps its name
    return value


@component("products", reads=("prose",), writes=("product",))
def find_products(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for sentence in ctx.sentences_with(_PRODUCT_KEYS):
        about = sentence_about(ctx, sentence)
        found: list[tuple[Item, int, int]] = []  # item, evidence start, evidence end
        body_start = sentence.end - len(strip_intro(sentence.text))
        area = _AREA_PRODUCES.match(text, body_start, sentence.end)
        if area:
            end = after_list(text, area.end(), sentence.end)
            if not elsewhere(ctx, text, end, sentence.end):
                for item in phrases(text, area.end(), end, max_words=3):
                    found.append((item, area.start(), end))
        low = ctx.lower(sentence)
        for match in _DISCOVERED.finditer(text, sentence.start, sentence.end) if ("discovered" in low or " found" in low or "struck" in low) else ():
            where = match.group("where")
            if (where and (where in ("area", "region", "town", "city", "village", "vicinity", "district")
                           or refers_to_subject(where, ctx.aliases))) or (not where and about is not False):
                found.append((Item(match.group("lex"), match.start("lex"), match.end("lex")), match.start(), match.end()))
        if about is False and not _MADE_IN.search(sentence.text):
            yield from _product_candidates(found)
            continue
        for cue in (_PRODUCTS_FOLLOW, _MINED_FOLLOW):
            for match in cue.finditer(text, sentence.start, sentence.end) if about is not False else ():
                end = after_list(text, match.end(), sentence.end)
                for item in phrases(text, match.end(), end):
                    found.append((item, match.start(), end))
        if about is True:
            verb_at = _after_topic(sentence)
            for match in [_PRODUCES.match(text, verb_at, sentence.end)] if verb_at >= 0 else []:
                if match is None:
                    continue
                end = after_list(text, match.end(), sentence.end)
                if elsewhere(ctx, text, end, sentence.end):
                    continue
                for item in phrases(text, match.end(), end, max_words=3):
                    found.append((item, match.start(), end))
        for match in _WITH_PRODUCTS.finditer(text, sentence.start, sentence.end) if about is not False else ():
            for item in phrases(text, match.start("list"), match.end("list"), tail=True):
                found.append((item, match.start(), match.end()))
        for match in _PRODUCTS_PRECEDE.finditer(text, sentence.start, sentence.end):
            start = list_start(text, sentence, match.start())
            for item in phrases(text, start, match.start(), tail=True):
                found.append((item, start, match.end()))
        for match in _MADE_IN.finditer(text, sentence.start, sentence.end):
            where = match.group("where")
            if where:
                where = re.split(r"\s(?:in|during|since|from|by|until|for|after|before)\s", where)[0]
            if where is not None and not refers_to_subject(where.strip(), ctx.aliases) and not subject_ref(ctx, where):
                continue
            if where is None and about is False:
                continue
            if re.search(r"\b(?:which|that)$", text[sentence.start : match.start()]):
                continue  # "a digestif made from ... sugar which is produced in Sorrento": the digestif is
            start = list_start(text, sentence, match.start())
            inner = re.search(r"\b(?:including|such as|notably|especially)\s", text[start : match.start()])
            if inner:
                start += inner.end()
            for item in phrases(text, start, match.start(), tail=True):
                found.append((item, start, match.end()))
        own = about is True or (about is None and subject_possessive(ctx, sentence))
        if own:
            for cue in (_AND_PRODUCES, _PRODUCER_OF) if ("produc" in low or "export" in low or "manufactur" in low or "grower" in low) else ():
                for match in cue.finditer(text, sentence.start, sentence.end):
                    if not cue_of_topic(sentence, match.start()):
                        continue
                    end = after_list(text, match.end(), sentence.end)
                    if elsewhere(ctx, text, end, sentence.end):
                        continue
                    for item in phrases(text, match.end(), end, max_words=3):
                        found.append((item, match.start(), end))
            for match in _PRODUCTION_OF.finditer(text, sentence.start, sentence.end) if "production" in low else ():
                end = after_list(text, match.end(), sentence.end)
                for item in phrases(text, match.end(), end, max_words=3):
                    found.append((item, match.start(), end))
        if about is not False:
            for match in _METAL_WORKS.finditer(text, sentence.start, sentence.end) if ("refiner" in low or "smelt" in low) else ():
                if not elsewhere(ctx, text, match.end(), sentence.end):
                    found.append((Item(match.group("lex").lower(), match.start("lex"), match.end("lex")), match.start(), match.end()))
            for match in _LEX_NOUN.finditer(text, sentence.start, sentence.end):
                if not match.group()[1:].islower() and " " in match.group():
                    continue  # "the Lead Mines": a name, not lead mining
                if elsewhere(ctx, text, match.end(), sentence.end):
                    continue
                for item in phrases(text, match.start("lex"), match.end("lex")):
                    if fold(item.value) in PRODUCTS:
                        found.append((item, match.start(), match.end()))
        yield from _product_candidates(found)


def _product_candidates(found: list[tuple[Item, int, int]]) -> Iterator[Candidate]:
    for item, start, end in found:
        yield Candidate("product", _product_value(item), min(start, item.start), max(end, item.end), confidence=0.7)
