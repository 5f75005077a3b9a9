"""Counting participants: "More than 20 representatives", "Twelve national participants"."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..casing import lowered_like_ignorecase
from ..kb.numbers import number_alternation, words_to_int


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of lowercase `words` shaped as a trie (one branch per next
    letter): with IGNORECASE, re tries every branch of a flat alternation in turn."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return render(tree)


_WORD = _trie([*number_alternation().split("|"), "a", "and"])
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{_WORD})(?:[\s-]+(?:{_WORD}))*))"
_WORD_RUN = re.compile(r"\w+")
_QUALIFIER = r"(?:(?:more than|over|some|about|around|nearly|almost|up to|at least|approximately|a total of|roughly|close to|in total,?)\s+)?"


class ParticipantCounter:
    """Find the number of people who took part, from a number followed by a people noun."""

    def __init__(self, nouns: Iterable[str]) -> None:
        nouns = set(nouns)
        # A count ends in one of the nouns, a whole word: a sentence without any has none.
        self._nouns = frozenset(n.lower() for n in nouns) if nouns and all(n.isascii() and n.isalnum() for n in nouns) else None
        # Whole words (\b after each): a trie matches the same nouns as the flat alternation.
        noun_alt = _trie({n.lower() for n in nouns}) if self._nouns is not None else "|".join(sorted((re.escape(n) for n in set(nouns)), key=len, reverse=True))
        pattern = rf"(?<![\w.,-]){_QUALIFIER}(?P<n>{_NUMBER})\s+(?:[A-Za-z][\w’'-]*,?\s+){{0,6}}?(?P<noun>{noun_alt})\b"
        self._rx = re.compile(pattern, re.IGNORECASE)
        # The same pattern, case-sensitive, for lowercased text: re skips a failing
        # alternative on its first letter only without IGNORECASE, about twice as fast.
        self._rx_lower = re.compile(pattern) if noun_alt == noun_alt.lower() else None

    def count(self, sentence: str) -> tuple[int, str] | None:
        """The first participant count in a sentence, with the matched text."""
        low = sentence.lower()
        plain = lowered_like_ignorecase(sentence, low)
        if self._nouns is not None and plain and self._nouns.isdisjoint(_WORD_RUN.findall(low)):
            return None
        matches = self._rx_lower.finditer(low) if plain and self._rx_lower is not None else self._rx.finditer(sentence)
        for m in matches:
            raw = sentence[m.start("n") : m.end("n")]
            if re.fullmatch(r"(?:19|20)\d\d", raw):
                continue
            after = sentence[m.end("n") : m.end("n") + 1]
            if after == "-":
                continue
            n = words_to_int(raw)
            if n is None or n < 2 or n > 100000:
                continue
            between = sentence[m.end("n") : m.start("noun")].lower()
            if re.search(r"\b(?:day|days|week|weeks|month|months|year|years|hours|per cent|percent|%)\b", between):
                continue
            return n, sentence[m.start() : m.end()]
        return None
