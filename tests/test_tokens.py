"""Tests for the per-Doc token records shared by components."""
import spacy
from spacy.tokens import Doc, DocBin

import newsie  # noqa: F401 - registers the payload serializers
from newsie.components.base import sentences
from newsie.tokens import Cols, toks

TEXT = "VIENNA, 6 October 2020 – The OSCE’s Mission to Serbia (OMiS) trained 20 officers in Novi Sad. Today  they met."
ATTRS = ("text", "lower_", "is_title", "is_upper", "is_lower", "is_alpha", "is_punct", "is_stop", "like_num", "whitespace_", "idx", "i")


def test_records_match_spacy_tokens():
    """Each record carries the same attribute values as the spaCy token it stands for."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    recs = toks(doc)
    assert len(recs) == len(doc)
    for tok, rec in zip(doc, recs):
        assert all(getattr(tok, a) == getattr(rec, a) for a in ATTRS), tok.text
        assert bool(tok.is_sent_start) == rec.is_sent_start
    assert recs.span_text(3, 7) == doc[3:7].text


def test_records_are_built_once_and_rebuilt_after_sentences_are_set():
    """The records are cached on the Doc and refreshed when sentence boundaries are set."""
    doc = spacy.blank("en")(TEXT)
    first = toks(doc)
    assert toks(doc) is first
    assert not any(r.is_sent_start for r in first[1:])
    list(sentences(doc))
    assert any(r.is_sent_start for r in toks(doc)[1:])


def test_cache_is_not_serialized():
    """A Doc holding records round-trips through to_bytes and DocBin, records rebuilt after."""
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    toks(doc)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [r.text for r in toks(back)] == [t.text for t in doc]
    bin_ = DocBin(store_user_data=True, docs=[doc])
    (again,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert toks(again)[0].text == "VIENNA"


def test_where_finds_the_tokens_a_scan_finds():
    """`Toks.where` gives the positions a scan over every token gives, by text or lowercase form."""
    recs = toks(spacy.blank("en")(TEXT + " The Mission ( OMiS ) met the mission."))
    for words, lower in (({"Mission", "the", "("}, False), ({"the", "mission"}, True), (set(), False), ({"absent"}, False)):
        expected = [r.i for r in recs if (r.lower_ if lower else r.text) in words]
        assert recs.where(words, lower=lower) == expected


def test_stop_words_changed_on_the_vocabulary_are_seen():
    """A word made a stop word after a first Doc is a stop word in the next Doc's records."""
    nlp = spacy.blank("en")
    assert not toks(nlp("Mission trained officers"))[0].is_stop
    nlp.vocab["Mission"].is_stop = True
    try:
        assert toks(nlp("Mission trained officers"))[0].is_stop
    finally:
        nlp.vocab["Mission"].is_stop = False


def test_records_of_two_vocabularies_stay_apart():
    """The same word in two pipelines with different lexical rules gets each pipeline's flags."""
    en, de = spacy.blank("en"), spacy.blank("de")
    for nlp in (en, de, en):
        doc = nlp("zehn ten")
        assert [r.like_num for r in toks(doc)] == [t.like_num for t in doc]


def test_where_accepts_any_collection_of_words():
    """`Toks.where` takes a dict, a set or a tuple of words alike."""
    recs = toks(spacy.blank("en")("The Mission met the Mission ( OMiS )"))
    assert recs.where({"Mission": 1}) == recs.where({"Mission"}) == recs.where(("Mission",)) == [1, 4]
    assert recs.where(("the",), lower=True) == [0, 3]


COLUMNS = {"text": "texts", "lower_": "lowers", "idx": "idxs", "is_title": "is_title", "is_upper": "is_upper",
           "is_lower": "is_lower", "is_alpha": "is_alpha", "is_punct": "is_punct", "is_stop": "is_stop",
           "like_num": "like_num", "is_sent_start": "is_sent_start"}


def _check_columns(doc: Doc) -> None:
    from newsie.tokens import cols

    columns = cols(doc)
    assert len(columns) == len(doc)
    for tok_attr, col in COLUMNS.items():
        want = [bool(t.is_sent_start) if tok_attr == "is_sent_start" else getattr(t, tok_attr) for t in doc]
        assert getattr(columns, col) == want, col
    assert columns.spaces == [bool(t.whitespace_) for t in doc]
    for start in range(len(doc)):
        assert columns.span_text(start, len(doc)) == doc[start:].text


def test_columns_match_spacy_tokens():
    """Each column holds, by position, the attribute value of the spaCy token there."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    _check_columns(nlp(TEXT))
    _check_columns(nlp(""))


def test_records_and_columns_share_one_cache():
    """Records built after the columns carry the columns' values, and both are refreshed when sentences are set."""
    from newsie.tokens import cols

    doc = spacy.blank("en")(TEXT)
    columns = cols(doc)
    recs = toks(doc)
    assert cols(doc) is columns and toks(doc) is recs
    assert [r.is_title for r in recs] == columns.is_title and recs.texts == columns.texts
    list(sentences(doc))
    assert cols(doc) is not columns and any(cols(doc).is_sent_start[1:])
    assert [r.is_sent_start for r in toks(doc)] == cols(doc).is_sent_start


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test extra
    pass
else:
    WORDS = st.sampled_from(["OSCE", "Mission", "the", "trained", "20", "Novi", "Sad", ".", ",", "(", ")", "IT",
                             "e-mail", "2,000", "Ukraine’s", "d'Ivoire", "  ", "\n", "Ça", "ÉTAT", "ﬁeld", "x2"])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(WORDS, max_size=30))
    def test_columns_match_spacy_tokens_on_generated_text(words: list[str]) -> None:
        """On any text, every column agrees with the spaCy tokens, and `where` with a scan."""
        from newsie.tokens import cols

        nlp = spacy.blank("en")
        doc = nlp(" ".join(words))
        _check_columns(doc)
        assert cols(doc).where({"Mission", "the"}) == [t.i for t in doc if t.text in {"Mission", "the"}]
        assert cols(doc).where({"mission"}, lower=True) == [t.i for t in doc if t.lower_ == "mission"]


def test_the_column_pairs_read_together_are_the_attributes_named() -> None:
    """The two array views Cols reads at once hold ORTH and IDX, then IS_STOP and SPACY."""
    from spacy.attrs import IDX, IS_STOP, ORTH, SPACY

    from newsie.tokens import _FLAGS, _VALUES, ATTRS

    assert ATTRS[_VALUES] == [ORTH, IDX] and ATTRS[_FLAGS] == [IS_STOP, SPACY]


def test_sentence_offsets_follow_starts_set_on_the_columns():
    """`Cols.sentence_chars` is read once, and again after `set_starts` replaces the starts."""
    doc = spacy.blank("en").make_doc("One two. Three four. Five")
    columns = Cols(doc)
    columns.set_starts([True, False, False, False, False, False, False])
    assert columns.sentence_chars() == [(0, 25)]
    assert columns.sentence_chars() is columns.sentence_chars()
    columns.set_starts([True, False, False, True, False, False, True])
    assert columns.sentence_chars() == [(0, 8), (9, 20), (21, 25)]
