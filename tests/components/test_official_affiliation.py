"""The officials stage's affiliation look-up (`_affiliation`)."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.components.inside import Ranges
from newsie.components.officials import _affiliation, _chars, _Others, _owners
from newsie.payloads import OrgData
from newsie.tokens import Cols, cols

NLP = spacy.blank("en")
DOC = NLP.make_doc("Head of the OSCE Mission to Moldova and Director of the ODIHR met the Minister of the Interior of Serbia")
ORG_NAMES = ["OSCE Mission to Moldova", "ODIHR", "Ministry of Interior", None]


def _reference(C: Cols, ranges: list[tuple[int, int]], org_spans: list[tuple[int, int]], orgs: list[OrgData]) -> str | None:
    """The pass over every span and mention that the index replaces."""
    for a, b in ranges:
        for s, e in org_spans:
            if s >= a and e <= b:
                chars = _chars(C, s, e)
                for org in orgs:
                    if chars in org.mentions:
                        return org.name
                return C.span_text(s, e)
    return None


span = st.tuples(st.integers(0, 19), st.integers(1, 4)).map(lambda p: (p[0], min(p[0] + p[1], 20)))


@given(
    st.lists(span, max_size=8),
    st.lists(st.tuples(st.sampled_from(ORG_NAMES), st.lists(span, max_size=3)), max_size=4),
    st.lists(span, min_size=1, max_size=3),
)
@settings(max_examples=300, deadline=None)
def test_affiliation_is_the_first_organization_inside_a_title(org_spans, org_mentions, ranges) -> None:
    """On any spans, mentions and title ranges, it names what the pass over every span and mention names."""
    C = cols(DOC)
    orgs = [OrgData(None, None, name, None, "other", None, None, [_chars(C, s, e) for s, e in mentions]) for name, mentions in org_mentions]
    assert _affiliation(C, ranges, Ranges(org_spans), _owners(orgs)) == _reference(C, ranges, org_spans, orgs)


@given(st.sets(st.integers(0, 30), max_size=12), st.integers(0, 30), st.integers(1, 5), st.integers(-1, 32))
@settings(max_examples=300, deadline=None)
def test_others_are_every_persons_tokens_but_one(others_toks, start, length, k) -> None:
    """Membership and truth of `_Others` are those of the set without the one person's tokens."""
    end = start + length
    toks = others_toks | set(range(start, end))  # the set holds every person's tokens
    expected = toks.difference(range(start, end))
    others = _Others(toks, start, end)
    assert (k in others) == (k in expected)
    assert bool(others) == bool(expected)
