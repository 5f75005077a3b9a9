"""The officials tagger's column reads give what the same reads on spaCy's Tokens and Spans give."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsie.components.base import sentence_chars, sentences
from newsie.components.officials import _chars, _closing
from newsie.tokens import cols

WORDS = [
    "Ambassador", "Peter", "Burkhard", "P.", "O'Neill", "Co", "-", "Chair", "of", "the", "OSCE", "said", ",", ".",
    "(", ")", "“", "”", "Minister", "Dačić", "van", "de", "Weerd", "ODIHR", "McDonald", "Dr.", "and", "St.", "Kārlis",
    "\n", "2020", "Mission", "in", "Vienna", "D'Alema", "X", "Ab.", "Šadurskis", "!", "today",
]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(text=texts, warm=st.integers(min_value=0, max_value=40))
@SETTINGS
def test_name_flags_match_the_token_test(nlp, text: str, warm: int) -> None:
    """Name flags read from columns with a partly warm memo equal the name test of each spaCy Token."""
    tagger = nlp.get_pipe("newsie_officials")
    tagger.ensure_ready()
    doc = nlp.make_doc(text)
    tagger._name_words.clear()
    for t in doc[:warm]:
        tagger._name_token(t)
    flags = tagger._name_flags(cols(doc))
    tagger._name_words.clear()
    assert flags == [tagger._name_word(t.text, t.is_alpha, t.is_upper) for t in doc]


@given(text=texts)
@SETTINGS
def test_sentence_chars_match_doc_sents(nlp, text: str) -> None:
    """Sentence offsets read from columns equal those of ``doc.sents``."""
    doc = nlp.make_doc(text)
    sentences(doc)
    assert sentence_chars(doc) == [(s.start_char, s.end_char) for s in doc.sents]


@given(text=texts, data=st.data())
@SETTINGS
def test_closing_and_chars_match_token_scans(nlp, text: str, data: st.DataObject) -> None:
    """The ")" look-up and a range's character offsets equal what scans of Tokens and Spans give."""
    doc = nlp.make_doc(text)
    c = cols(doc)
    k = data.draw(st.integers(min_value=0, max_value=len(doc)))
    assert _closing(c.texts, k) == next((t.i for t in doc[k : k + 12] if t.text == ")"), None)
    end = data.draw(st.integers(min_value=k, max_value=len(doc)))
    span = doc[k:end]
    assert _chars(c, k, end) == (span.start_char, span.end_char)
