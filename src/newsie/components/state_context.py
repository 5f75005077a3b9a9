"""Context rules for State names: a place named after a State does not add the State.

Plain functions over a matched span (scispacy's way: heuristics tested on their own, a
thin component calling them).
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

MAX_PAREN = 5
MAX_LIST = 6  # languages in one "in A, B and C" list
# Closed-class words and verbs of taking part that may follow a list of languages ("in
# English and Russian on the website", "... and Russian were distributed", "teaching in
# English and Russian took part"); a noun there ("Ukrainian schools") may mean the States.
AFTER_LANGUAGE = frozenset({  # words after a language ("in Russian on the website"), never after a State's people
    "on", "at", "by", "for", "from", "to", "with", "within", "without", "via", "through", "during", "since", "until",
    "only", "too", "also", "was", "were", "is", "are", "will", "would", "can", "could", "has", "have", "had", "may",
    "might", "must", "should", "which", "that", "who", "while",
    "took", "participated", "attended", "joined", "followed", "received", "completed", "learned", "studied",
})


def named_after_state(
    texts: Sequence[str], lowers: Sequence[str], start: int, end: int, before: Collection[str], after: Collection[str], place_words: Collection[str]
) -> bool:
    """Whether a State's name (tokens ``start:end``) is part of another place's name.

    "New Mexico", "New England" (a word of `before` before it), "Mexico City", "Kuwait
    City" (a word of `after` after it) and "Georgia (US state)" (a parenthesis holding one
    of `place_words`) name places that are not the State (the words are data:
    ``state_rules.json``; `texts` and `lowers`: the text and lowercase form of each token
    of the Doc). A name that itself holds "New" or
    "City" ("New Zealand", "Vatican City") is matched whole and never reaches this check.
    """
    n = len(texts)
    if start > 0 and texts[start - 1] in before:
        return True
    if end < n and texts[end] in after:
        return True
    if end < n and texts[end] == "(":
        inner: list[str] = []
        for j in range(end + 1, min(n, end + 1 + MAX_PAREN)):
            if texts[j] == ")":
                return any(w in place_words for w in inner)
            inner.append(lowers[j])
    return False


def names_a_language(
    texts: Sequence[str], lowers: Sequence[str], start: int, end: int, heads: Collection[str], language_words: Collection[str]
) -> bool:
    """Whether the demonym at tokens ``start:end`` names a language rather than the State
    (`texts` and `lowers`: the text and lowercase form of each token of the Doc).

    "broadcast in Bulgarian, Ukrainian and Romanian", "in English and Russian on the
    website": one of a list of single capitalized words after one of `heads` ("in"), the
    list followed by punctuation, a preposition or an auxiliary, not by a noun; "Russian as a language of instruction": "as" with one of `language_words`
    within the next three words. (A lone "in Russian" is checked by the component.)
    """
    n = len(texts)
    nxt = end if end < n else None
    if nxt is not None and lowers[nxt] == "as":
        return any(lowers[j] in language_words for j in range(end + 1, min(n, end + 4)))
    if nxt is not None and not (texts[nxt] in (",", ".", ";", ":", ")") or lowers[nxt] in ("and", "or") or texts[nxt] in AFTER_LANGUAGE):
        return False
    k, items = start - 1, 0
    while items < MAX_LIST:
        seps = 0
        while k >= 0 and seps < 2 and (texts[k] == "," or lowers[k] in ("and", "or")):
            k, seps = k - 1, seps + 1  # ", " "and", ", and"
        if not seps or k < 0 or not (texts[k][:1].isupper() and texts[k].isalpha()):
            return False
        items += 1
        if k >= 1 and lowers[k - 1] in heads:
            return True
        k -= 1
    return False
