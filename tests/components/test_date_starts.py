"""Date starts read from a Doc's words are those the whole-text scan finds."""
from __future__ import annotations

import re
from itertools import pairwise

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from tests.components.test_dates import _DATE_WORDS

from newsie.dates import grammar
from newsie.dates.starts import date_starts, word_starts
from newsie.tokens import cols

NLP = spacy.blank("en")
_SEPS = [" ", " ", " ", "  ", ", ", "\n", "-", "(", "“", "/", "", ".", "_", "'", "\u00a0", "–"]
_TEXTS = st.lists(st.tuples(st.sampled_from([*_DATE_WORDS, "Σ2020", "ΣMay", "www.osce.org/today", "a.m.", "x_1", "on_", "٣May"]),
                            st.sampled_from(_SEPS)), max_size=14).map(lambda parts: "".join(w + s for w, s in parts))


def _doc_cut_at(text: str, cuts: list[int]) -> Doc:
    """A Doc of `text` whose tokens are the pieces between the cuts (a space ending a piece, its whitespace)."""
    bounds = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text))})
    words: list[str] = []
    spaces: list[bool] = []
    for a, b in pairwise(bounds):
        piece = text[a:b]
        if len(piece) > 1 and piece.endswith(" "):
            words.append(piece[:-1])
            spaces.append(True)
        elif piece == " " and words and not spaces[-1]:
            spaces[-1] = True
        else:
            words.append(piece)
            spaces.append(False)
    doc = Doc(NLP.vocab, words=words, spaces=spaces)
    assert doc.text == text
    return doc


def _classified_starts(text: str, at: list[int] | None) -> dict[int, list[int]]:
    return grammar._candidates(text, text.lower(), at)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_starts_from_the_tokenizers_words_give_the_candidates_of_a_whole_text_scan(text) -> None:
    """Classifying only the starts read from spaCy's tokens gives the patterns and positions a scan of the whole text gives."""
    doc = NLP.make_doc(text)
    c = cols(doc)
    assert _classified_starts(text, date_starts(c.texts, c.idxs, c.spaces)) == _classified_starts(text, None)


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.lists(st.integers(min_value=1, max_value=200), max_size=30))
def test_starts_from_any_cut_into_tokens_give_the_candidates_of_a_whole_text_scan(text, cuts) -> None:
    """However the text is cut into tokens (even inside words, or with spaces inside a token), the starts read from them cover every start."""
    doc = _doc_cut_at(text, cuts)
    c = cols(doc)
    assert _classified_starts(text, date_starts(c.texts, c.idxs, c.spaces)) == _classified_starts(text, None)


def test_word_starts_are_digits_and_start_words_after_separators() -> None:
    """A word's possible starts are its first character, and later characters after a separator, that begin a digit or a start word."""
    assert word_starts("2020") == (0,)
    assert word_starts("Monday") == (0,)
    assert word_starts("mon") == (-1,)  # "mon|day" cut into two tokens
    assert word_starts("to") == (-1,)
    assert word_starts("Mondays") == ()
    assert word_starts("participants") == ()
    assert word_starts("(7") == (1,)
    assert word_starts("osce.org/today") == (9,)
    assert word_starts("mid-2019") == ()


_UNFACTORED_AT = re.compile(r"(?<![\w-])" + grammar._classifier(factor=False)[0])


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_factored_digit_rows_classify_every_position_as_the_rows_apart_do(text) -> None:
    """Trying the rows after a digit behind one shared head names, at every position, the row that trying them one by one names."""
    low = text.lower()
    for p in range(len(low) + 1):
        new, old = grammar._CLASSIFY_AT.match(low, p), _UNFACTORED_AT.match(low, p)
        assert (new and new.lastindex) == (old and old.lastindex)
