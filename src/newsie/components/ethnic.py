"""Counted members of an ethnic community: "120 Albanians and 15 Serbs returned".

The guidelines count a State for a demonym ("Serbian police") but not for words that name
an ethnic community living elsewhere. A plural demonym after a number or a quantifier, in a
release about another place, counts people of a community (Kosovo Albanians and Serbs),
not the State; these helpers tell the States tagger so.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from ..extensions import span_string
from ..tokens import toks

QUANTIFIERS = frozenset({"several", "many", "some", "few", "more", "hundreds", "thousands", "dozens", "all", "both", "most", "other"})


def counted_people(span: Span, demonyms: frozenset[str]) -> bool:
    """"120 Albanians", "hundreds of Serbs": a plural demonym counting people."""
    text = span_string(span)
    if not (text.endswith("s") and text[:-1] in demonyms):
        return False
    doc = toks(span.doc)  # token records: no spaCy Token made per look
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "of" and k > 0 and doc[k - 1].lower_ in QUANTIFIERS:
        return True
    while k >= 0 and doc[k].lower_ in ("and", ",", "ethnic"):  # "120 Albanians and 15 Serbs"
        k -= 1
    return k >= 0 and (doc[k].like_num or doc[k].lower_ in QUANTIFIERS) and doc[k].i == span.start - 1


def community_elsewhere(counted: Iterable[Span], others: Iterable[Span]) -> set[int]:
    """Start tokens of counted demonyms to drop: the release names another State or
    territory (where the community lives) and never names the demonym's own State."""
    counted = list(counted)
    others = list(others)
    named = {s.kb_id_ for s in others if s.id_ == "name"}
    out = set()
    for span in counted:
        if span.kb_id_ not in named and any(s.kb_id_ != span.kb_id_ for s in others if s.id_ == "name"):
            out.add(span.start)
    return out
