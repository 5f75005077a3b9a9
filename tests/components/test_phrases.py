"""Tests for the pre-tokenized gazetteer phrases behind the components' PhraseMatchers."""
import spacy
from spacy.matcher import PhraseMatcher

from newsie.components.phrases import PhraseKeys, build_table, fingerprint, shipped_table
from newsie.pipeline import DEFAULT_PIPES


def _tokenized(nlp, texts, attr):
    """Keys made the slow way: every phrase through the tokenizer."""
    keys = PhraseKeys(nlp)
    keys._table = {}
    return keys(texts, attr)


def test_shipped_table_is_what_the_tool_builds():
    """gazetteers/phrase_tokens.json is what tools/build_phrase_tokens.py builds now (rebuild it after editing a gazetteer)."""
    key, phrases = shipped_table()
    fresh = build_table(DEFAULT_PIPES)
    assert key == fresh["tokenizer"]
    assert phrases == fresh["phrases"]


def test_table_keys_equal_tokenizer_keys():
    """Keys read from the table equal those of the tokenized phrases, by ORTH and by LOWER."""
    nlp = spacy.blank("en")
    texts = list(shipped_table()[1])
    assert PhraseKeys(nlp).table
    for attr in ("ORTH", "LOWER"):
        assert PhraseKeys(nlp)(texts, attr) == _tokenized(nlp, texts, attr)


def test_phrase_outside_the_table_is_tokenized():
    """A phrase the table lacks (a user gazetteer entry) is split by the tokenizer."""
    nlp = spacy.blank("en")
    (key,) = PhraseKeys(nlp)(["Zqx-Wvy Institute (ZWI)"])
    assert key == tuple(t.orth for t in nlp("Zqx-Wvy Institute (ZWI)"))
    assert len(key) == 7


def test_other_tokenizer_ignores_the_table():
    """A tokenizer with its own special case gets a new fingerprint, and the table is not used."""
    nlp = spacy.blank("en")
    phrase = next(p for p, toks in shipped_table()[1].items() if len(toks) == 2 and " " in p)
    nlp.tokenizer.add_special_case(phrase, [{"ORTH": phrase}])
    assert fingerprint(nlp.tokenizer) != shipped_table()[0]
    assert PhraseKeys(nlp).table == {}
    assert PhraseKeys(nlp)([phrase]) == [(nlp.vocab.strings[phrase],)]


def test_matcher_finds_phrase_from_table_keys():
    """A PhraseMatcher given table keys finds the phrase in a document."""
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("X", PhraseKeys(nlp)(["Bosnia and Herzegovina"], "LOWER"))
    doc = nlp("Elections in BOSNIA AND HERZEGOVINA were observed.")
    assert [(s, e) for _, s, e in matcher(doc)] == [(2, 5)]


def test_load_hashes_the_tokenizer_once(monkeypatch):
    """Building every component in `newsie.load()` hashes the tokenizer once, not once per component."""
    import newsie
    from newsie.components import phrases

    calls = []
    real = phrases.fingerprint
    monkeypatch.setattr(phrases, "fingerprint", lambda tok: calls.append(tok) or real(tok))
    newsie.load(spacy.blank("en"), models=False)
    assert len(calls) == 1


def test_a_tokenizer_changed_outside_a_load_is_hashed_again():
    """Outside `unchanged`, each new PhraseKeys sees the tokenizer as it is now (a new special case turns the table off)."""
    nlp = spacy.blank("en")
    assert PhraseKeys(nlp).table
    nlp.tokenizer.add_special_case("OSCEx", [{"ORTH": "OSCE"}, {"ORTH": "x"}])
    assert PhraseKeys(nlp).table == {}
