"""Which sentences hold a finder's key words: every word list in one pass over the text.

Finders gate their patterns on key words ("km", "census", "founded"). Testing
each word of each list in each sentence costs more than most patterns do; one
Aho-Corasick automaton over every list the finders use finds every occurrence
of every key word in a single pass over the lower-cased text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import ahocorasick

from placefacts.find.textutil import Sentence

WordList = tuple[str, ...]


class KeywordIndex:
    """The word lists seen so far (a finder's list is registered the first time it asks) and their automaton."""

    def __init__(self) -> None:
        self._ids: dict[WordList, int] = {}
        # Declared lists by identity: a tuple does not keep its hash, and hashing a list of a hundred words
        # for every question a finder asks cost more than the answer. The entry holds the tuple, so its id
        # cannot be reused while it is here.
        self._declared: dict[int, tuple[WordList, int]] = {}
        self._blank: list[int] = []  # ids of the lists holding an empty word
        self._automaton: ahocorasick.Automaton | None = None

    def list_id(self, words: WordList) -> int:
        declared = self._declared.get(id(words))
        if declared is not None and declared[0] is words:
            return declared[1]
        found = self._ids.get(words)
        if found is None:
            found = self._ids[words] = len(self._ids)
            if "" in words:
                self._blank.append(found)
            self._automaton = None  # rebuilt with the new list on the next scan
        return found

    def declare(self, words: WordList) -> int:
        """Register a list for good, so that asking about this very tuple later is a lookup by identity."""
        list_id = self.list_id(words)
        self._declared[id(words)] = (words, list_id)
        return list_id

    def size(self) -> int:
        return len(self._ids)

    def blank_lists(self) -> list[int]:
        """Ids of the lists holding an empty word (which every sentence contains)."""
        return self._blank

    def scan(self, low: str, sentences: Sequence[Sentence]) -> list[set[int]]:
        """For every registered list (by id), the starts of the sentences that contain one of its words entirely.

        Lists registered later are not covered: they need a new scan.
        """
        automaton = self._automaton or self._build()
        hits: list[set[int]] = [set() for _ in self._ids]
        starts = [s.start for s in sentences]
        for last, (length, list_ids) in automaton.iter(low):
            at = last - length + 1
            index = bisect_right(starts, at) - 1
            if index >= 0 and last < sentences[index].end:
                start = starts[index]
                for list_id in list_ids:
                    hits[list_id].add(start)
        return hits

    def _build(self) -> ahocorasick.Automaton:
        lists_of: dict[str, list[int]] = {}
        for words, list_id in self._ids.items():
            for word in words:
                if word:
                    lists_of.setdefault(word, []).append(list_id)
        automaton = ahocorasick.Automaton()
        for word, list_ids in lists_of.items():
            automaton.add_word(word, (len(word), tuple(list_ids)))
        if not lists_of:
            automaton.add_word("\0", (1, ()))  # an automaton needs a word; no text holds this one
        automaton.make_automaton()
        self._automaton = automaton
        return automaton


INDEX = KeywordIndex()

# Characters that a case-blind pattern takes for an ASCII letter while str.lower() keeps them apart ("ſ" for s,
# "ı" and "İ" for i): in text that holds one, a lower-cased word test cannot speak for such a pattern.
FOLDS_APART = ("İ", "ı", "ſ")


def folds_apart(text: str) -> bool:
    return any(char in text for char in FOLDS_APART)


def key_words(*words: str) -> WordList:
    """Declare a finder's key words (at import), so that the automaton holds every list before the first article:
    a list first met later makes the next document rebuild it."""
    INDEX.declare(words)
    return words
