"""The dates tagger's token ranges and span groups equal what ``doc.char_span`` and ``filter_spans`` give."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span
from spacy.util import filter_spans

from newsie.components.dates import _expand, _span_chars, _store
from newsie.rows import group_rows
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
        assert _span_chars(cols(doc), (span.start, span.end)) == (span.start_char, span.end_char)


@given(text=text_st, data=st.data())
@settings(max_examples=200, deadline=None)
def test_spans_match_filter_spans(text: str, data: st.DataObject) -> None:
    """Spans made only for the kept ranges, and the rows left beside them, equal ``filter_spans`` over a Span per range."""
    doc = NLP.make_doc(text)
    n = len(doc)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted), max_size=8))
    ranges = [(s, e, k) for k, (s, e) in enumerate(pairs)]
    offsets = [_span_chars(cols(doc), (s, e)) for s, e, _ in ranges]
    _store(doc, "newsie_dates", ranges, offsets, "DATE")
    expected = filter_spans([Span(doc, s, e, label="DATE") for s, e, _ in ranges])
    assert [(s.start, s.end, s.label_) for s in doc.spans["newsie_dates"]] == [(s.start, s.end, s.label_) for s in expected]
    assert group_rows(doc, "newsie_dates") == [(s.start, s.end, s.start_char, s.end_char, "", "") for s in expected]
