"""Tests for priming spaCy's tokenizer cache (`newsie.chunk_cache`)."""
from __future__ import annotations

import re

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.chunk_cache import ChunkPrimer, primer
from newsie.making import tokenize
from newsie.sanitize import _SURROGATE, REPLACEMENT, clean_text

# Words in the style of releases, with the special cases that stop spaCy's caching.
WORDS = [
    "VIENNA,", "6", "October", "2020", "–", "The", "OSCE’s", "OSCE's", "Mission", "(OMiS)", "Mr.", "Dr.", "don't",
    "U.S.", "a.m.", "Jan.", "co-operation", "e-mail:", "info@osce.org", "https://www.osce.org/odihr", "“Today”",
    "said.", "Id,", "'s", "'", ":)", "(Ms.", "10am", "1,200", "Kyiv/Kiev", "ODIHR-led", "…", "Inc.),", "Serbia;",
]


_FRESH = spacy.blank("en")  # no primer: spaCy's own tokens
_PRIMED = spacy.blank("en")  # primed by `tokenize`, over all examples as over an archive


def _tokens(doc: spacy.tokens.Doc) -> list[tuple[str, str, int, int]]:
    return [(t.text, t.whitespace_, t.idx, t.norm) for t in doc]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS) | st.text(min_size=1, max_size=8), min_size=1, max_size=30), min_size=1, max_size=4))
def test_primed_tokens_equal_spacy_tokens(texts: list[list[str]]) -> None:
    """Docs made after priming have the tokens, spaces, offsets and norms a fresh tokenizer gives."""
    for words in texts:
        text = " ".join(words)
        reference = _tokens(_FRESH.make_doc(text))
        assert _tokens(tokenize(_PRIMED, text)[0]) == reference
        assert _tokens(_PRIMED.make_doc(text)) == reference  # from the filled cache


def test_new_chunks_are_cached_after_a_special_case() -> None:
    """Chunks after a special case ("Mr.") are primed, so a second Doc finds them all cached."""
    nlp = spacy.blank("en")
    prime = primer(nlp.tokenizer)
    assert isinstance(prime, ChunkPrimer)
    text = "Mr. Smith met (ODIHR) officials, co-operation partners and e-mail: staff."
    assert prime(text.split(), 120) is False
    assert set(text.split()) <= prime.seen
    assert prime(text.split(), 120) is False  # nothing new: no Doc made


def test_a_long_chunk_is_reported_and_not_primed() -> None:
    """A chunk longer than the limit is reported (the caller splits it) and never remembered."""
    nlp = spacy.blank("en")
    prime = primer(nlp.tokenizer)
    assert prime is not None
    assert prime(["short", "x" * 200], 120) is True
    assert "x" * 200 not in prime.seen


def test_primer_is_bounded_by_the_cache_size() -> None:
    """The chunks remembered never exceed three quarters of the tokenizer's cache size."""
    nlp = spacy.blank("en")
    nlp.tokenizer.max_cache_size = 40
    prime = primer(nlp.tokenizer)
    assert prime is not None
    for k in range(10):
        prime([f"word{k}x{j}" for j in range(12)], 120)
        assert len(prime.seen) <= 30
    doc = tokenize(nlp, "word1x1 and word9x3, again.")[0]
    assert [t.text for t in doc] == ["word1x1", "and", "word9x3", ",", "again", "."]


def test_custom_tokenizer_gets_no_primer() -> None:
    """A tokenizer without spaCy's cache is used as it is."""
    assert primer(lambda text: text) is None


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()), max_size=40))
def test_clean_text_equals_the_surrogate_regex(text: str) -> None:
    """The fast surrogate check replaces exactly what the regex replaces."""
    assert clean_text(text) == _SURROGATE.subn(REPLACEMENT, text)
    assert re.search("[\ud800-\udfff]", clean_text(text)[0]) is None
