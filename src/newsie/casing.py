"""When a case-sensitive match on lowercased text stands in for IGNORECASE."""
from __future__ import annotations

# "İ" lowercases to two characters (offsets move); "ı" and "ſ" match "i" and "s" under
# IGNORECASE but lowercase to themselves.
_FOLDS = frozenset("\u0130\u0131\u017f")


def lowered_like_ignorecase(text: str, low: str) -> bool:
    """Whether a lowercase pattern matched case-sensitively on ``low = text.lower()`` finds
    what the pattern finds in `text` under IGNORECASE, at the same offsets."""
    # Three substring searches in C: `_FOLDS.isdisjoint(text)` hashes every character.
    return len(low) == len(text) and "\u0130" not in text and "\u0131" not in text and "\u017f" not in text


def lower(text: str) -> str:
    """``text.lower()`` as Python computes it, for modules the wheel compiles: mypyc's own
    lowercasing (2.4.1) maps each character alone, so a capital sigma ending a word becomes
    "σ" where Python gives the final "ς". This module is not compiled."""
    return text.lower()
