"""Context rules for State names: a place named after a State does not add the State.

Plain functions over a matched span (scispacy's way: heuristics tested on their own, a
thin component calling them).
"""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span

MAX_PAREN = 5


def named_after_state(span: Span, before: Collection[str], after: Collection[str], place_words: Collection[str]) -> bool:
    """Whether a State's name is part of another place's name.

    "New Mexico", "New England" (a word of `before` before it), "Mexico City", "Kuwait
    City" (a word of `after` after it) and "Georgia (US state)" (a parenthesis holding one
    of `place_words`) name places that are not the State (the words are data:
    ``state_rules.json``). A name that itself holds "New" or
    "City" ("New Zealand", "Vatican City") is matched whole and never reaches this check.
    """
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text in before:
        return True
    if span.end < len(doc) and doc[span.end].text in after:
        return True
    if span.end < len(doc) and doc[span.end].text == "(":
        inner: list[str] = []
        for tok in doc[span.end + 1 : span.end + 1 + MAX_PAREN]:
            if tok.text == ")":
                return any(w in place_words for w in inner)
            inner.append(tok.lower_)
    return False
