"""The dates tagger's token ranges and span groups equal what ``doc.char_span`` and ``filter_spans`` give."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span
from spacy.util import filter_spans

from newsie.components.dates import _expand, _group, _value_key
from newsie.tokens import cols

NLP = spacy.blank("en")
text_st = st.text(alphabet=st.sampled_from(list("ab1 .,-\n\t(")), min_size=1, max_size=30)


@given(text=text_st, data=st.data())
@settings(max_examples=300, deadline=None)
def test_expand_matches_char_span(text: str, data: st.DataObject) -> None:
    """Bisection on token offsets gives the tokens ``char_span(..., alignment_mode="expand")`` covers, keyed by its offsets."""
    doc = NLP.make_doc(text)
    a = data.draw(st.integers(min_value=-1, max_value=len(text) + 1))
    b = data.draw(st.integers(min_value=a + 1, max_value=len(text) + 2))
    try:
        span = doc.char_span(a, b, alignment_mode="expand")
    except IndexError:  # a span of trailing whitespace only: start after end
        assert (r := _expand(cols(doc), a, b)) is not None and r[0] > r[1]
        return
    expected = None if span is None else (span.start, span.end)
    assert _expand(cols(doc), a, b) == expected
    if span is not None:
        assert _value_key(cols(doc), (span.start, span.end), "newsie_probe") == ("._.", "newsie_probe", span.start_char, span.end_char)


@given(text=text_st, data=st.data())
@settings(max_examples=200, deadline=None)
def test_spans_match_filter_spans(text: str, data: st.DataObject) -> None:
    """Spans made only for the kept ranges equal ``filter_spans`` over a Span per range."""
    doc = NLP.make_doc(text)
    n = len(doc)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted), max_size=8))
    ranges = [(s, e, k) for k, (s, e) in enumerate(pairs)]
    got = [(s.start, s.end, s.label_) for s in _group(doc, "newsie_dates", ranges, "DATE")]
    assert got == [(s.start, s.end, s.label_) for s in filter_spans([Span(doc, s, e, label="DATE") for s, e, _ in ranges])]
