"""The lexical attribute stand-ins give spaCy's values for every string."""
from __future__ import annotations

import pickle
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie import lexattrs

TEXTS = st.one_of(
    st.text(st.sampled_from(list("aZé9,./:@-+±~'’\"«»()[]<>$€_ \n.wthsndrXxqkm")), max_size=14),
    st.text(max_size=8),
    st.sampled_from(["", "http://x", "https://osce.org", "www.osce.org", "osce.org", "a.b", "press@odihr.pl", "twenty", "Third",
                     "21st", "1/2", "+3,5", "aaaaaaa", "AAAAAB....", "x" * 120, "''", "``", "Fifth", "3.14", "~7"]),
)


@pytest.fixture(scope="module")
def getters() -> list[tuple[Any, Any]]:
    plain = spacy.blank("en").vocab.lex_attr_getters
    return [(g, lexattrs.stand_in(g)) for g in plain.values()]


def _value(fn: Any, text: str) -> Any:
    try:
        return ("ok", fn(text))
    except Exception as exc:  # the same failure counts as the same value
        return ("raised", type(exc))


def test_most_english_getters_have_stand_ins(getters: list[tuple[Any, Any]]) -> None:
    """Every English getter but a few (punctuation and currency classes, stop words, language) is replaced."""
    assert sum(fast is not g for g, fast in getters) >= 18


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_stand_ins_give_spacys_values(getters: list[tuple[Any, Any]], text: str) -> None:
    """Each stand-in returns what spaCy's getter returns (or fails as it does)."""
    for getter, fast in getters:
        assert _value(fast, text) == _value(getter, text), getter


def test_a_vocabulary_with_stand_ins_pickles() -> None:
    """A vocabulary whose getters were replaced still pickles with them."""
    vocab = spacy.blank("en").vocab
    assert lexattrs.speed_up_vocab(vocab)
    again = pickle.loads(pickle.dumps(vocab))
    assert again["Twenty"].like_num and again["ODIHR"].shape_ == "XXXX"
