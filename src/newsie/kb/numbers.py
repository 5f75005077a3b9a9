"""Number words ("twenty-two", "two hundred and fifty"): one vocabulary for every rule that reads them."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from ..resources import gazetteer_file

NUMBER_WORDS_FILE = "number_words.json"


@lru_cache(maxsize=1)
def number_words() -> dict[str, dict[str, int]]:
    """``units``, ``tens`` and ``scales`` from ``gazetteers/number_words.json``."""
    data: dict[str, dict[str, int]] = json.loads(gazetteer_file(NUMBER_WORDS_FILE).read_text(encoding="utf-8"))
    return data


def number_alternation(*, scales: bool = True) -> str:
    """A regex alternation of the number words, longest first."""
    w = number_words()
    words = [*w["units"], *w["tens"], *(w["scales"] if scales else ())]
    return "|".join(sorted(words, key=len, reverse=True))


def words_to_int(text: str) -> int | None:
    """Parse "twenty-two", "two hundred and fifty", "1,200" into an int."""
    w = number_words()
    units, tens, scale_words = w["units"], w["tens"], w["scales"]
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", t):
        if word in ("and", "a"):
            if word == "a":
                current = current or 1
            continue
        if word in units:
            current += units[word]
        elif word in tens:
            current += tens[word]
        elif word in scale_words:
            current = (current or 1) * scale_words[word]
            if word == "thousand":
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None
