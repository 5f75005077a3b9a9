"""Tests for `newsie_sentencizer`, spaCy's sentencizer read from token arrays."""
import functools

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import Sentencizer

import newsie
from newsie.components.sentencizer import ArraySentencizer

TEXTS = [
    "VIENNA, 6 October 2020 – The OSCE Mission to Serbia trained 20 police officers. They met judges!",
    "Is it over?! \"Yes.\" The Head of Mission (Amb. Smith) spoke... Then, 5 p.m. came.",
    "",
    "...",
    "No end punctuation here",
    "A. B. C.\n\nNew paragraph? yes; no.",
    "Quote: «Done.» Next one. 「日本。」 Fin",
]


@pytest.mark.parametrize("text", TEXTS)
def test_boundaries_match_spacy_sentencizer(text: str) -> None:
    """It starts sentences exactly where spaCy's own sentencizer does."""
    nlp = spacy.blank("en")
    ours, theirs = ArraySentencizer(), Sentencizer()
    assert ours.predict([nlp.make_doc(text)]) == theirs.predict([nlp.make_doc(text)])


def test_custom_punctuation_is_honoured_after_a_round_trip() -> None:
    """Its own punctuation characters apply, also after `to_bytes`/`from_bytes`."""
    nlp = spacy.blank("en")
    text = "one ; two ; three . four"
    saved = ArraySentencizer(punct_chars=[";"]).to_bytes()
    loaded = ArraySentencizer().from_bytes(saved)
    expected = Sentencizer(punct_chars=[";"]).predict([nlp.make_doc(text)])
    assert loaded.predict([nlp.make_doc(text)]) == expected
    assert expected[0].count(True) == 3


def test_newsie_pipeline_uses_it_under_spacys_name() -> None:
    """newsie's pipeline keeps the pipe name "sentencizer" and sets sentence starts."""
    nlp = newsie.load(models=False)
    assert isinstance(nlp.get_pipe("sentencizer"), ArraySentencizer)
    doc = nlp("The Mission met. It trained officers.")
    assert [s.text for s in doc.sents] == ["The Mission met.", "It trained officers."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", "Word", ".", "!", "?", "...", "?!", "«", "»", "\"", ")", "(", ",", "5", "p.m.", "。", "-", ";", "\n\n"]), max_size=30))
def test_boundaries_match_spacy_sentencizer_on_any_word_sequence(words: list[str]) -> None:
    """On any sequence of words and punctuation it starts sentences where spaCy's sentencizer does."""
    nlp = _blank()
    doc = nlp.make_doc(" ".join(words))
    assert ArraySentencizer().predict([doc]) == Sentencizer().predict([doc])


@functools.lru_cache(maxsize=1)
def _blank() -> spacy.language.Language:
    return spacy.blank("en")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", "5", ".", "!", ";", ",", "(", "x"]), max_size=25))
def test_boundaries_match_spacy_when_a_punct_char_is_no_punctuation(words: list[str]) -> None:
    """With punct_chars holding a digit (not punctuation to spaCy) it still starts sentences where spaCy does."""
    nlp = _blank()
    doc = nlp.make_doc(" ".join(words))
    chars = ["5", ".", ";"]
    assert ArraySentencizer(punct_chars=chars).predict([doc]) == Sentencizer(punct_chars=chars).predict([doc])


COLUMNS = ("orths", "idxs", "spaces", "is_stop", "is_sent_start", "texts", "lowers", "is_title", "is_upper", "is_lower", "is_alpha", "is_punct", "like_num")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["word", "Word", "the", ".", "!", "?", "(", ")", ",", "5", "\n\n", "OSCE", "«"]), max_size=25),
    st.booleans(),
    st.lists(st.sampled_from([None, True, False]), max_size=6),
)
def test_the_columns_it_caches_are_those_read_afterwards(words: list[str], overwrite: bool, preset: list[bool | None]) -> None:
    """The token columns it leaves on the Doc equal columns read from the Doc after its boundaries are set."""
    from newsie.tokens import Cols, cols

    nlp = _blank()
    doc = nlp.make_doc(" ".join(words))
    for i, value in enumerate(preset[: len(doc)]):  # boundaries set before, kept unless overwrite
        doc[i].is_sent_start = value
    ArraySentencizer(overwrite=overwrite)(doc)
    cached, fresh = cols(doc), Cols(doc)
    assert all(getattr(cached, c) == getattr(fresh, c) for c in COLUMNS)
    assert cached.is_sent_start == [bool(t.is_sent_start) for t in doc]


@settings(max_examples=300, deadline=None)
@given(
    # "𑗃" and "𖬷" are among spaCy's punct_chars beyond U+FFFF; "😀" and "𝐀" are not.
    st.lists(st.sampled_from(["word", "Word", ".", "!", "?", "(", ")", ",", "5", "\n\n", "...", "«", "»", "𑗃", "𖬷", "😀", "𝐀", "a𑗃", "😀."]), max_size=25),
    st.booleans(),
    st.lists(st.sampled_from([None, True, False]), max_size=6),
)
def test_it_sets_the_boundaries_spacy_sets_on_any_doc(words: list[str], overwrite: bool, preset: list[bool | None]) -> None:
    """Its boundaries on a Doc (fresh, or with some set before) are those spaCy's sentencizer sets on a copy."""
    from spacy.attrs import SENT_START

    nlp = _blank()
    ours = nlp.make_doc(" ".join(words))
    for i, value in enumerate(preset[: len(ours)]):
        ours[i].is_sent_start = value
    theirs = ours.copy()
    ArraySentencizer(overwrite=overwrite)(ours)
    Sentencizer(overwrite=overwrite)(theirs)
    assert ours.to_array(SENT_START).tolist() == theirs.to_array(SENT_START).tolist()
    assert ours.to_bytes(exclude=["user_data"]) == theirs.to_bytes(exclude=["user_data"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["word", "5", ".", "!", ";", ",", "(", "x", "...", "?!", "a.b", "5.", "\n", "«"]), max_size=25),
    st.sampled_from([["5", ".", ";"], ["...", "."], ["?!", "!", "a"], [], ["."]]),
)
def test_a_doc_gets_spacys_boundaries_with_any_punct_chars(words: list[str], chars: list[str]) -> None:
    """Called on a Doc, with punct_chars that are several characters long, no punctuation or none at all, it sets spaCy's boundaries."""
    from spacy.attrs import SENT_START

    nlp = _blank()
    ours = nlp.make_doc(" ".join(words))
    theirs = ours.copy()
    ArraySentencizer(punct_chars=chars)(ours)
    Sentencizer(punct_chars=chars)(theirs)
    assert ours.to_array(SENT_START).tolist() == theirs.to_array(SENT_START).tolist()


def _sents(nlp, text: str, title: str | None = "A headline") -> list[str]:
    from newsie.making import make_doc

    return [s.text for s in nlp(make_doc(nlp, text, title=title)).sents]


def test_a_blank_line_in_the_body_ends_a_sentence() -> None:
    """A heading, or a paragraph without a final full stop, is not run into the next paragraph;
    a line wrapped inside a sentence, and the break after the headline, still are."""
    nlp = newsie.load(models=False)
    assert nlp.get_pipe("sentencizer").paragraphs
    assert _sents(nlp, "Background\n\nThe Mission opened in 1992.") == ["A headline\n\nBackground", "\n\nThe Mission opened in 1992."]
    assert _sents(nlp, "The course ended today\n \nIt trained 20 judges") == ["A headline\n\nThe course ended today", "\n \nIt trained 20 judges"]
    assert _sents(nlp, "The course\nended today.") == ["A headline\n\nThe course\nended today."]
    assert _sents(nlp, "\n\nThe course ended today.", title=None) == ["\n\nThe course ended today."]


def test_paragraphs_off_gives_spacys_boundaries_and_the_setting_is_saved(tmp_path) -> None:
    """``paragraphs`` is a setting of the factory: off, the boundaries are spaCy's own; a
    saved pipeline keeps it."""
    nlp = spacy.blank("en")
    nlp.add_pipe("newsie_sentencizer", config={"paragraphs": False})
    text = "Background\n\nThe Mission opened in 1992."
    assert [s.text for s in nlp(text).sents] == [s.text for s in _blank_with_spacy_sentencizer()(text).sents]
    nlp.to_disk(tmp_path / "p")
    assert spacy.load(tmp_path / "p").get_pipe("newsie_sentencizer").paragraphs is False
    on = spacy.blank("en")
    on.add_pipe("newsie_sentencizer")
    assert len(list(on(text).sents)) == 2


def _blank_with_spacy_sentencizer():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp

