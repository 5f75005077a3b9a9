"""newsie's tokenizer splits text as spaCy's does and saves the same data."""
from __future__ import annotations

from typing import Any

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsie import tokenizer
from newsie.affixes import is_stand_in
from newsie.making import tokenize
from newsie.sanitize import has_long_run
from newsie.tokenizer import primer

TEXT = (
    "WARSAW, 12 May 2021 – The OSCE Office for Democratic Institutions and Human Rights (ODIHR) "
    "deployed 24 long-term observers to Sofia and Plovdiv; see www.osce.org/odihr/elections or "
    "write to office@odihr.pl. \"We're grateful,\" said Ms. Jane Roe, ODIHR’s Head of Mission, on 3-4 June (p.m.)."
)


def test_it_makes_the_same_tokens_and_attributes_as_spacy() -> None:
    """A pipeline built with newsie.Tokenizer.v1 gives spaCy's tokens and lexical attributes."""
    ours, plain = spacy.blank("en", config=tokenizer.CONFIG), spacy.blank("en")
    assert is_stand_in(ours.tokenizer.suffix_search) and is_stand_in(ours.tokenizer.infix_finditer)
    a, b = ours(TEXT), plain(TEXT)
    assert [(t.text, t.whitespace_, t.shape_, t.like_num, t.like_url, t.is_punct, t.norm_) for t in a] == [
        (t.text, t.whitespace_, t.shape_, t.like_num, t.like_url, t.is_punct, t.norm_) for t in b
    ]


def test_it_saves_what_spacy_saves_and_loads_back(tmp_path: object) -> None:
    """Its bytes are spaCy's tokenizer's, and a saved pipeline loads with it again."""
    ours, plain = spacy.blank("en", config=tokenizer.CONFIG), spacy.blank("en")
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    path = tmp_path / "nlp"  # type: ignore[operator]
    ours.to_disk(path)
    again = spacy.load(path)
    assert [t.text for t in again(TEXT)] == [t.text for t in plain(TEXT)]


# Words that meet spaCy's special cases ("Mr.", "don't", "(U.S.)") beside plain ones, punctuation and spacing.
_WORDS = st.sampled_from([
    "Mr.", "Mr.,", "(Mr.", "don't", "can't,", "U.S.", "(U.S.)", "a.m.", "p.m.)", "OSCE's", "ODIHR’s", ":)", "e.g.",
    "Vienna", "said:", "region.", "3-4", "www.osce.org", "office@odihr.pl", "“We", "grateful,”", "24", "km", "5km",
    "Jan.", "Ms.", "co-operation", "(ODIHR)", "--", "…", "'", "\"", "St.", "No.", "vs.", "etc.", "i.e.", "Dr.",
])
_SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", " \n", "\t", "\u00a0"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, max_size=30))
    gaps = draw(st.lists(_SPACES, min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps)).strip(draw(st.sampled_from(["", " ", "\n"])))


def _tokens(doc: Doc) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in doc]


@settings(max_examples=200, deadline=None)
@given(st.lists(_texts(), min_size=1, max_size=4))
def test_priming_leaves_every_token_as_spacy_makes_it(texts: list[str]) -> None:
    """Texts tokenized after their words were primed give the tokens and bytes of a fresh spaCy tokenizer."""
    ours, plain = _PIPES
    cache = primer(ours.tokenizer)
    assert cache is not None
    for text in texts:
        made, runs = tokenize(ours, text)
        fresh = plain.tokenizer(text)
        assert runs == 0 and _tokens(made) == _tokens(fresh)
        assert made.to_bytes(exclude=["user_data"]) == fresh.to_bytes(exclude=["user_data"])
        assert cache.new_words(text) == set()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab. \n=\t"), max_size=300), st.integers(min_value=1, max_value=200))
def test_a_long_run_is_found_among_new_words_as_in_the_text(text: str, width: int) -> None:
    """A run longer than MAX_RUN is split whether or not the text's other words were primed before."""
    ours, _ = _PIPES
    text = text + " " + "=" * width
    made, runs = tokenize(ours, text)
    assert (runs > 0) == has_long_run(text)
    assert made.text == text


def test_a_primed_word_is_split_from_the_cache() -> None:
    """A word after a special case is split by the affix rules once, not again in the next text."""
    nlp = spacy.blank("en", config=tokenizer.CONFIG)
    calls: list[str] = []
    search = nlp.tokenizer.suffix_search

    def counting(s: str) -> Any:
        calls.append(s)
        return search(s)

    nlp.tokenizer.suffix_search = counting
    text = "Mr. Roe visited Ashgabad and Turkmenbashy."
    tokenize(nlp, text)
    calls.clear()
    tokenize(nlp, "Ms. Doe visited Ashgabad and Turkmenbashy.")
    assert "Ashgabad" not in calls and "Turkmenbashy" not in calls
    plain = spacy.blank("en")
    plain.tokenizer(text)
    assert [t.text for t in plain.tokenizer(text)] == [t.text for t in nlp.tokenizer(text)]


def test_a_changed_tokenizer_primes_its_words_again() -> None:
    """Replacing a tokenizer setting empties spaCy's cache, and the primer starts again."""
    nlp = spacy.blank("en", config=tokenizer.CONFIG)
    cache = primer(nlp.tokenizer)
    assert cache is not None
    tokenize(nlp, "Vienna and Warsaw")
    assert cache.new_words("Vienna and Warsaw") == set()
    nlp.tokenizer.rules = dict(nlp.tokenizer.rules)
    assert cache.new_words("Vienna and Warsaw") == {"Vienna", "and", "Warsaw"}
    assert primer(spacy.blank("en").tokenizer) is not None and primer(object()) is None


_PIPES = (spacy.blank("en", config=tokenizer.CONFIG), spacy.blank("en"))
