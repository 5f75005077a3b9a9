"""Context rules for State names: a place named after a State does not add the State.

Plain functions over a matched span (scispacy's way: heuristics tested on their own, a
thin component calling them).
"""
from __future__ import annotations

from spacy.tokens import Span

PLACE_WORDS = frozenset({"state", "city", "county", "town", "province", "region", "district"})
MAX_PAREN = 5


def named_after_state(span: Span) -> bool:
    """Whether a State's name is part of another place's name.

    "New Mexico", "New England" (a "New" before it), "Mexico City", "Kuwait City" (a
    "City" after it) and "Georgia (US state)" (a parenthesis calling it a state, city,
    county, ...) name places that are not the State. A name that itself holds "New" or
    "City" ("New Zealand", "Vatican City") is matched whole and never reaches this check.
    """
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text == "New":
        return True
    if span.end < len(doc) and doc[span.end].text == "City":
        return True
    if span.end < len(doc) and doc[span.end].text == "(":
        inner: list[str] = []
        for tok in doc[span.end + 1 : span.end + 1 + MAX_PAREN]:
            if tok.text == ")":
                return any(w in PLACE_WORDS for w in inner)
            inner.append(tok.lower_)
    return False
