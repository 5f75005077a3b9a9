"""Counting participants: "More than 20 representatives", "Twelve national participants"."""
from __future__ import annotations

import re
from collections.abc import Iterable

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "a", "and"], key=len, reverse=True))
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{_WORD})(?:[\s-]+(?:{_WORD}))*))"
_QUALIFIER = r"(?:(?:more than|over|some|about|around|nearly|almost|up to|at least|approximately|a total of|roughly|close to|in total,?)\s+)?"


def words_to_int(text: str) -> int | None:
    """Parse "twenty-two", "two hundred and fifty", "1,200" into an int."""
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    total, current, seen = 0, 0, False
    for w in re.split(r"[\s-]+", t):
        if w in ("and", "a"):
            if w == "a":
                current = current or 1
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            current = (current or 1) * _SCALES[w]
            if w == "thousand":
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


class ParticipantCounter:
    """Find the number of people who took part, from a number followed by a people noun."""

    def __init__(self, nouns: Iterable[str]) -> None:
        noun_alt = "|".join(sorted((re.escape(n) for n in set(nouns)), key=len, reverse=True))
        self._rx = re.compile(
            rf"(?<![\w.,-]){_QUALIFIER}(?P<n>{_NUMBER})\s+(?:[A-Za-z][\w’'-]*,?\s+){{0,6}}?(?P<noun>{noun_alt})\b",
            re.IGNORECASE,
        )

    def count(self, sentence: str) -> tuple[int, str] | None:
        """The first participant count in a sentence, with the matched text."""
        for m in self._rx.finditer(sentence):
            raw = m.group("n")
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
            return n, m.group(0)
        return None
