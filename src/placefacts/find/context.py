"""What finders read (`Context`), what they write (`Candidate`), and how they register.

Each finder is a component that declares the parts of the document it reads
(`prose`, `fields`, `tables`) and the properties it writes, in the manner of
spaCy's pipeline components. Finders run in registration order; a finder may
read the candidates of the finders before it from `Context.found`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from placefacts import regex_cache
from placefacts.clean import Prepared
from placefacts.clean.offsets import CleanText
from placefacts.find import keywords
from placefacts.find.textutil import Sentence, split_sentences
from placefacts.model import Document, Value
from placefacts.normalise.text import fold
from placefacts.regex_first import opening_chars

if TYPE_CHECKING:
    from placefacts.find.names_in_text import Mention


@dataclass(slots=True)
class Candidate:
    """A fact found in clean text, before it is resolved and grounded in the raw text."""

    property: str
    value: Value
    start: int  # clean span of the evidence, in `text`
    end: int
    unit: str | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.8
    inferred: bool = False
    wikidata: str | None = None
    extractor: str = ""
    text: CleanText | None = None  # None: the prose text of the document


@dataclass(slots=True)
class Context:
    doc: Document
    prepared: Prepared
    sentences: list[Sentence]
    subject: str | None = None
    aliases: set[str] = field(default_factory=set)  # folded names of the subject
    defining: Sentence | None = None  # "X is a town in ...": the sentence that defines the subject
    found: list[Candidate] = field(default_factory=list)
    # Answers finders ask again and again of the same sentence (see `about`, `mentions`).
    _memo: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False)
    _index: dict[int, int] = field(default_factory=dict, repr=False)
    _keyword_hits: list[Any] | None = field(default=None, repr=False)  # by word list id (`keywords.INDEX`)

    @classmethod
    def build(cls, doc: Document, prepared: Prepared) -> Context:
        text = prepared.text.text
        sentences: list[Sentence] = []
        for index, block in enumerate(prepared.blocks):
            if block.kind in ("paragraph", "item"):
                sentences.extend(
                    s for s in split_sentences(text, block.start, block.end, index, block.section)
                    if not _is_hatnote(s.text)
                )
        return cls(doc=doc, prepared=prepared, sentences=sentences)

    @property
    def text(self) -> str:
        return self.prepared.text.text

    def is_subject(self, name: str) -> bool:
        folded = fold(name)
        return folded in self.aliases

    def add_alias(self, name: str) -> None:
        folded = fold(name)
        if folded:
            self.aliases.add(folded)

    def about(self, sentence: Sentence, strict: bool = False) -> bool | None:
        """`grammar.about_subject(sentence.text, aliases, strict)`, worked out once per sentence.

        Most finders ask it of every sentence (about ten times per sentence in
        all); the answer only changes when an alias is added, and aliases only
        ever grow, so their count keys the memo.
        """
        key = ("about", sentence.start, sentence.end, strict, len(self.aliases))
        memo = self._memo
        if key not in memo:
            from placefacts.find.grammar import about_subject

            previous = self._previous(sentence)
            answer = about_subject(sentence.text, self.aliases, strict=strict,
                                   previous=previous.text if previous is not None else None)
            memo[key] = answer
        return memo[key]

    def _previous(self, sentence: Sentence) -> Sentence | None:
        """The sentence before this one in the same block, if any."""
        index = self._index.get(sentence.start) if self._index else None
        if index is None:
            self._index = {s.start: i for i, s in enumerate(self.sentences)}
            index = self._index.get(sentence.start)
        if not index:
            return None
        before = self.sentences[index - 1]
        return before if before.block == sentence.block else None

    def lower(self, sentence: Sentence) -> str:
        """The sentence lower-cased, once: finders test it for their key words before any pattern runs."""
        key = ("lower", sentence.start, sentence.end)
        memo = self._memo
        if key not in memo:
            memo[key] = sentence.text.lower()
        return memo[key]

    def says_any(self, sentence: Sentence, words: tuple[str, ...]) -> bool:
        """Whether the sentence contains any of `words` (lower-case substrings): a cheap gate.

        Answered from one search of the whole lower-cased text per word list (`_hits`),
        not from a test of every word in every sentence.
        """
        hits = self._hits(words)
        if hits is _EVERY:
            low = self.lower(sentence)
            return any(w in low for w in words)
        return sentence.start in hits

    def says_any_in_text(self, words: tuple[str, ...]) -> bool:
        """Whether the whole text contains any of `words` (lower-case substrings): a gate for a whole finder."""
        low = self._low()
        return any(w in low for w in words)

    def lowered_text(self) -> str | None:
        """The text lower-cased, where that keeps every offset (None where it does not: "İ" becomes two)."""
        low = self._low()
        return low if len(low) == len(self.text) else None

    def _low(self) -> str:
        low = self._memo.get(("low",))
        if low is None:
            low = self._memo[("low",)] = self.text.lower()
        return low

    def sentences_with(self, words: tuple[str, ...]) -> list[Sentence]:
        """The sentences that contain any of `words` (lower-case substrings), in order."""
        hits = self._hits(words)
        if hits is _EVERY:
            return [s for s in self.sentences if self.says_any(s, words)]
        return [s for s in self.sentences if s.start in hits]

    def _hits(self, words: tuple[str, ...]) -> set[int] | object:
        """Starts of the sentences that contain one of `words`, or `_EVERY` where offsets cannot be trusted.

        One scan of the text answers every declared list at once; a list first met later scans again.
        """
        list_id = keywords.INDEX.list_id(words)
        scanned = self._keyword_hits
        if scanned is None or list_id >= len(scanned):
            scanned = self._keyword_hits = self._scan_keywords()
        return scanned[list_id]

    def _scan_keywords(self) -> list[Any]:
        low = self.lowered_text()
        if low is None:  # lower-casing changed the length ("İ"): offsets cannot be trusted, test each sentence
            return [_EVERY] * keywords.INDEX.size()
        hits: list[Any] = list(keywords.INDEX.scan(low, self.sentences))
        for list_id in keywords.INDEX.blank_lists():
            hits[list_id] = _EVERY  # an empty word is in every sentence: test each
        return hits

    def mentions(self, start: int, end: int) -> tuple[Mention, ...]:
        """`names_in_text.names(text, start, end)`, found once per span (several finders scan each sentence)."""
        key = ("mentions", start, end)
        memo = self._memo
        if key not in memo:
            from placefacts.find.names_in_text import names

            memo[key] = tuple(names(self.text, start, end))
        return memo[key]

    def lead_sentences(self) -> list[Sentence]:
        end = self.prepared.lead_end()
        return [s for s in self.sentences if s.start < end]

    def found_values(self, prop: str) -> list[Candidate]:
        return [c for c in self.found if c.property == prop]


# Notes for readers that mirrors keep in the text: they name other places, never state facts.
_HATNOTE = regex_cache.compile(
    r"(?:Not to be confused with|For other uses|For the [^,.]{1,60}, see|This article is about|"
    r"\"[^\"]{1,60}\" redirects here|See also:|Main article:|Alternative meanings\b|For other (?:places|uses|meanings|people|persons|things)\b)",
    re.IGNORECASE,
)

_HATNOTE_OPENINGS = opening_chars(_HATNOTE)


def _is_hatnote(text: str) -> bool:
    """`_HATNOTE.match(text)`, the engine asked only of a sentence that opens as a note can."""
    return (_HATNOTE_OPENINGS is None or text[:1] in _HATNOTE_OPENINGS) and _HATNOTE.match(text) is not None


_EVERY = object()  # says_any's marker: test each sentence itself

Finder = Callable[[Context], Iterable[Candidate]]


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    func: Finder


REGISTRY: list[Component] = []


def component(name: str, reads: tuple[str, ...], writes: tuple[str, ...]) -> Callable[[Finder], Finder]:
    """Register a finder; it runs after those registered before it."""

    def register(func: Finder) -> Finder:
        def tagged(ctx: Context) -> Iterable[Candidate]:
            for candidate in func(ctx):
                if not candidate.extractor:
                    candidate.extractor = name
                yield candidate

        REGISTRY.append(Component(name, reads, writes, tagged))
        return func

    return register
