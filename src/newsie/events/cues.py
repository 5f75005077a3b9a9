"""Whole-word cue phrases found with `str.find`: what ``\\b(?:cue|cue|...)\\b`` finds.

A regex that starts with ``\\b`` gives re no first character to skip to, so it tries the
pattern at every position of the text (thousands of instructions per sentence, more
under IGNORECASE). The phrases are literals: one `str.find` per phrase (a C scan)
and a look at the characters on either side find the same match.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from mypy_extensions import mypyc_attr


def is_word(ch: str) -> bool:
    """re's ``\\w`` for one character of a str pattern."""
    return ch.isalnum() or ch == "_"


def boundary(text: str, pos: int) -> bool:
    """re's ``\\b`` at `pos` of `text`."""
    before = pos > 0 and is_word(text[pos - 1])
    after = pos < len(text) and is_word(text[pos])
    return before != after


# compiled (hatch_build.py), it pickles; mypyc runs __init__ of a serializable class only with the first flag
@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)
class WordCues:
    """Literal phrases, each between two word boundaries (``\\b`` as in re)."""

    __slots__ = ("_groups", "cues", "pattern")

    def __init__(self, cues: Iterable[str]) -> None:
        self.cues = tuple(cues)
        # For `search`: the phrases grouped by their first four characters, each group
        # behind one substring test of them (a phrase occurs only where its start does).
        by_start: dict[str, list[str]] = {}
        for cue in self.cues:
            by_start.setdefault(cue[:4], []).append(cue)
        self._groups = tuple((start if len(group) > 1 else "", tuple(group)) for start, group in by_start.items())
        # The same phrases as a regex (for text where `str.find` cannot stand in, and for tests).
        self.pattern = r"\b(?:" + "|".join(map(re.escape, self.cues)) + r")\b"

    def first(self, text: str) -> tuple[int, int] | None:
        """``(start, end)`` of the match re's ``search`` gives for `pattern`: the leftmost,
        and of the phrases matching there the first listed; None without any."""
        best = -1
        best_end = -1
        for cue in self.cues:
            if best == 0:
                break  # none starts earlier
            n = len(cue)
            # Only a match starting before the best so far can replace it.
            stop = len(text) if best < 0 else best - 1 + n
            i = text.find(cue, 0, stop)
            while i >= 0:
                if boundary(text, i) and boundary(text, i + n):
                    best, best_end = i, i + n
                    break
                i = text.find(cue, i + 1, stop)
        return (best, best_end) if best >= 0 else None

    def search(self, text: str) -> bool:
        """Whether any phrase occurs in `text` as a whole word (re's ``search`` finds a match)."""
        for start, group in self._groups:
            if start not in text:  # "" (a group of one) is in every text
                continue
            for cue in group:
                i = text.find(cue)
                while i >= 0:
                    if boundary(text, i) and boundary(text, i + len(cue)):
                        return True
                    i = text.find(cue, i + 1)
        return False
