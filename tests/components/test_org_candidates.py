"""Tests that the organization tagger's candidate helpers choose what spaCy's and newsie's reference functions choose."""
from __future__ import annotations

import functools

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span
from spacy.util import filter_spans

from newsie.components.coordination import _PLURALS, _SHORTEST_HEADS
from newsie.components.organizations import _among, _filter, _org
from newsie.payloads import OrgData

WORDS = ("Ministry", "Office", "of", "the", "(", ")", "OSCE", "Mission", "and")


@functools.lru_cache(maxsize=1)
def _sixteen_words() -> spacy.tokens.Doc:
    return spacy.blank("en")(" ".join(["w"] * 16))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4), st.sampled_from("abc")), max_size=10))
def test_filter_keeps_what_filter_spans_keeps(items) -> None:
    """Filtering candidate tuples keeps the candidates, in the order, that spaCy's filter_spans keeps of their spans."""
    doc = _sixteen_words()
    cands = [(s, s + n, "kind", str(k), src) for k, (s, n, src) in enumerate(items)]
    spans = [Span(doc, s, e, label="kind", kb_id=kb, span_id=src) for s, e, _, kb, src in cands]
    assert [(s.start, s.end, s.label_, s.kb_id_, s.id_) for s in filter_spans(spans)] == _filter(cands)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sets(st.sampled_from(WORDS)), st.sets(st.sampled_from(WORDS)))
def test_positions_among_the_rule_words_are_the_positions_of_the_words(texts, rule_words, words) -> None:
    """Positions picked among those of the rule words are those of every token whose text is one of the words, when the rule words hold them."""
    rule_words |= words
    starts = [i for i, t in enumerate(texts) if t in rule_words]
    assert _among(texts, starts, words) == [i for i, t in enumerate(texts) if t in words]


@given(st.text())
def test_a_lowercase_word_is_its_own_lowercase_form(word) -> None:
    """Media nouns are looked for among the words as written: a lowercase word's lowercase form is itself."""
    if word.islower():
        assert word.lower() == word


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("The OSCE ", "Field Offices", " in ", "Baku", " and ", "Programme Office", "Missions", "Centre", "s", "Embassies", "Governments", ", ")), max_size=12))
def test_a_text_holds_a_plural_head_when_it_holds_a_shortest_one(parts) -> None:
    """The quick check on the shortest plural heads says what the check on every head says."""
    text = "".join(parts)
    assert any(head in text for head in _SHORTEST_HEADS) == any(head in text for head in _PLURALS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 4)), max_size=10), st.data())
def test_a_filtered_list_and_what_is_kept_of_it_filter_to_themselves(items, data) -> None:
    """Filtering a filtered list, or any part of it kept in order, changes nothing (why the tagger skips those filters)."""
    kept = _filter([(s, s + n, "kind", "", "src") for s, n in items])
    part = [c for c in kept if data.draw(st.booleans())]
    assert _filter(kept) == kept
    assert _filter(part) == part


@given(
    st.one_of(st.none(), st.text(max_size=5)), st.one_of(st.none(), st.text(max_size=5)), st.one_of(st.none(), st.text(max_size=5)),
    st.one_of(st.none(), st.text(max_size=5)), st.text(max_size=5), st.one_of(st.none(), st.text(max_size=3)), st.one_of(st.none(), st.text(max_size=5)),
)
def test_org_records_are_the_dataclass_records(org_id, canonical, name, acronym, kind, country, parent) -> None:
    """A body made by the tagger's fast constructor equals, field for field and in order, the one OrgData makes."""
    made = _org(org_id, canonical, name, acronym, kind, country, parent)
    expected = OrgData(id=org_id, canonical_name=canonical, name=name, acronym=acronym, kind=kind, country=country, parent=parent)
    assert made == expected
    assert list(vars(made).items()) == list(vars(expected).items())


def test_ids_of_stored_spans_outlive_a_memory_zone_and_other_vocabularies() -> None:
    """A tagger first run inside a memory zone, then after it and on another pipeline's Doc, stores readable labels and ids."""
    text = "The OSCE Mission to Skopje met the Ministry of Interior."
    expected = [("OSCE Mission to Skopje", "ORG", "osce-mission-skopje", "gazetteer"), ("Ministry of Interior", "ORG", "", "pattern")]
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("newsie_organizations")
    with nlp.memory_zone():
        nlp(text)
    for doc in (nlp(text), tagger(spacy.blank("en")(text))):
        assert [(s.text, s.label_, s.kb_id_, s.id_) for s in doc.spans["newsie_organizations"]] == expected
