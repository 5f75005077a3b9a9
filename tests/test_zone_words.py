"""Tests of the normalized words of Doc stretches (`newsie.zone_words`)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsie.components.fields import zone_words
from newsie.fields import words_of
from newsie.making import make_doc
from newsie.payloads import meta_of
from newsie.tokens import cols
from newsie.zone_words import stretch_words

# Pieces where token words and text words can part: contractions and units that spaCy
# splits inside a word, capital sigmas, lone combining marks, ligatures, dotted capitals.
_PIECES = [
    "OSCE", "police", "ΑΣ", "'Β", ".Β", "Β", "don't", "can't", "10km", "5th", "1990s", "co-operation", "U.S.", "ΟΔΟΣ", "Σ", "σ",
    "e\u0301", "\u0301", "\u0301\u0301", "ﬁre", "İstanbul", "straße", "—", "’s", "'", "-", ".", ",", "(", ")",
    " ", "  ", "\n", "\n\n", "\u00a0", "\t", "a", "B", "7", "_", "x\u0301y", "ǅ",
]
_texts = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join) | st.text(max_size=20)


@settings(max_examples=300, deadline=None)
@given(_texts, st.data())
def test_stretch_words_are_the_words_of_the_text_they_cover(nlp: Language, text: str, data: st.DataObject) -> None:
    """A stretch of tokens gives the words of the text from its first token to its last, or None."""
    doc = nlp.make_doc(text)
    c = cols(doc)
    n = len(c)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    found = stretch_words(c, start, end)
    if found is None:
        return
    covered = text[c.idxs[start] : c.idxs[end - 1] + len(c.texts[end - 1])] if end > start else ""
    assert found == words_of(covered)


@settings(max_examples=200, deadline=None)
@given(_texts, _texts)
def test_zone_words_are_the_words_of_the_title_and_the_body(nlp: Language, title: str, body: str) -> None:
    """The title's and the body's words from the Doc's tokens are `words_of` each."""
    doc = make_doc(nlp, body, title=title or None)
    meta = meta_of(doc)
    title_words, body_words = zone_words(doc, doc.text, meta.title, meta.body_start)
    assert title_words == (words_of(title) if title else [])
    assert body_words == words_of(doc.text[meta.body_start :])


def test_plain_prose_is_read_from_the_tokens(nlp: Language) -> None:
    """Ordinary prose (punctuation, hyphens, accents) gives its words from the tokens."""
    text = "The OSCE co-operates with Moldova’s police (Chişinău, 6 May) — and trains 40 officers."
    c = cols(nlp.make_doc(text))
    assert stretch_words(c, 0, len(c)) == words_of(text)


def test_tokens_of_two_words_are_read_from_the_tokens(nlp: Language) -> None:
    """Tokens holding two words ("U.S.", "2,000") give both, in order."""
    text = "The U.S. delegation and 2,000 observers met."
    c = cols(nlp.make_doc(text))
    assert stretch_words(c, 0, len(c)) == words_of(text) == ["the", "u", "s", "delegation", "and", "2", "000", "observers", "met"]


def test_a_word_split_inside_is_left_to_the_text(nlp: Language) -> None:
    """Tokens that run together (a contraction) give None: the text is split itself."""
    c = cols(nlp.make_doc("They don't know."))
    assert stretch_words(c, 0, len(c)) is None
