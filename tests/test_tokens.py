"""Tests for the per-Doc token records shared by components."""
import spacy
from spacy.tokens import Doc, DocBin

import newsie  # noqa: F401 - registers the payload serializers
from newsie.components.base import sentences
from newsie.tokens import toks

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
