"""The plain-tuple range helpers choose and find what their Span and token counterparts do."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span
from spacy.util import filter_spans

from newsie.components.ranges import longest_first, positions
from newsie.tokens import cols

WORDS = ["Mission", "the", "OSCE", "(", ")", "Office", "said", "Kypreos", "Ministry", ",", "of", "Mission"]
triples = st.lists(
    st.tuples(st.integers(min_value=0, max_value=15), st.integers(min_value=0, max_value=5), st.integers(min_value=0, max_value=3)),
    max_size=12,
).map(lambda items: [(s, s + n, tag) for s, n, tag in items])


@given(triples)
@settings(max_examples=300, deadline=None)
def test_longest_first_chooses_what_filter_spans_chooses(rows) -> None:
    """On any rows, empty and tied ones included, it keeps what spaCy's `filter_spans` keeps, in the same order."""
    doc = spacy.blank("en").make_doc(" ".join(["w"] * 21))
    spans = [Span(doc, s, e, kb_id=str(tag)) for s, e, tag in rows]
    assert longest_first(rows) == [(s.start, s.end, int(s.kb_id_)) for s in filter_spans(spans)]


@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sets(st.sampled_from([*WORDS, "absent"]), max_size=4))
@settings(max_examples=200, deadline=None)
def test_positions_are_the_column_scan(words, wanted) -> None:
    """The positions of a few words are those the column scan `Cols.where` gives."""
    doc = spacy.blank("en").make_doc(" ".join(words))
    c = cols(doc)
    assert positions(c.texts, wanted) == c.where(wanted)


NLP = spacy.blank("en")
MANY = [*WORDS, "Ambassador", "Head", "Centre", "in", "Astana", "and", "Bishkek", "Lindner", "Vienna", "visit"]


@given(st.lists(st.sampled_from(MANY), max_size=60), st.sets(st.sampled_from([*MANY, "absent"]), min_size=9, max_size=20))
@settings(max_examples=200, deadline=None)
def test_positions_of_many_words_are_the_column_scan(words, wanted) -> None:
    """The positions of many words (one pass through a set) are those the column scan gives."""
    doc = NLP.make_doc(" ".join(words))
    c = cols(doc)
    assert positions(c.texts, wanted) == c.where(wanted)


def test_positions_repeat_a_word_given_twice() -> None:
    """A word listed twice, among many, gives each of its positions twice."""
    texts = ["said", "Kypreos", "and", "Lindner", "said"]
    wanted = ["said", "said", "a", "b", "c", "d", "e", "f", "g", "h"]
    assert positions(texts, wanted) == [0, 0, 4, 4]


@given(st.lists(st.sampled_from(MANY), max_size=60), st.lists(st.sampled_from([*MANY, "absent"]), min_size=1, max_size=20))
@settings(max_examples=200, deadline=None)
def test_positions_of_words_given_any_number_of_times(words, wanted) -> None:
    """With words listed more than once, each occurrence of a word counts as often as it is listed."""
    texts = cols(NLP.make_doc(" ".join(words))).texts
    assert positions(texts, wanted) == sorted(i for w in wanted for i, t in enumerate(texts) if t == w)
