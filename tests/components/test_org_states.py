"""The organizations stage's index of State spans (`_States`, `_country_of`)."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.components.organizations import _country_of, _States
from newsie.tokens import cols

NLP = spacy.blank("en")
WORDS = ["Ministry", "of", "Moldova", "'s", "Serbian", "Police", "’s", "the", "Interior", "Georgia"]


def _reference(texts: list[str], start: int, end: int, spans: list[tuple[int, int, str]]) -> str | None:
    """The pass over every span that the index replaces (the first listed span that fits)."""
    for s, e, iso3 in spans:
        if s >= start and e <= end:
            return iso3
    for _, e, iso3 in spans:
        if e == start or (e + 1 == start and texts[e] in ("'s", "’s")):
            return iso3
    return None


spans_st = st.lists(
    st.tuples(st.integers(0, 14), st.integers(1, 3), st.sampled_from(["MDA", "SRB", "GEO", "UKR"])),
    max_size=10,
).map(lambda rows: [(s, s + n, iso) for s, n, iso in rows])


@given(st.lists(st.sampled_from(WORDS), min_size=18, max_size=18), spans_st, st.integers(0, 16), st.integers(1, 4))
@settings(max_examples=300, deadline=None)
def test_index_gives_the_first_listed_state_that_fits(words, spans, start, length) -> None:
    """On any spans, overlapping and unsorted ones included, it names the State the pass over every span names."""
    doc = NLP.make_doc(" ".join(words))
    texts = cols(doc).texts
    end = min(start + length, len(texts))
    assert _country_of(cols(doc), start, end, _States(spans)) == _reference(texts, start, end, spans)


def test_possessive_before_and_state_inside() -> None:
    """A State inside the body wins over one just before it; a possessive State before it counts."""
    doc = NLP.make_doc("Moldova 's Ministry of Interior of Georgia")
    c = cols(doc)
    index = _States([(0, 1, "MDA"), (6, 7, "GEO")])
    assert _country_of(c, 2, 7, index) == "GEO"
    assert _country_of(c, 2, 5, index) == "MDA"
    assert _country_of(c, 3, 5, index) is None
