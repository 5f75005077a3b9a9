"""The event stages' fast reads give what the plain reads of spaCy's Spans and Tokens give."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsie.components.base import sentences
from newsie.components.event_triggers import sentence_chars
from newsie.events.numbers import ParticipantCounter
from newsie.events.paragraphs import may_report_participants, reports_participants
from newsie.tokens import forget

WORDS = [
    "The", "OSCE", "Mission", "held", "a", "training", "course", "in", "Tbilisi", "on", "3", "May", "2019", ".", "!",
    "?", "\n", "Twenty", "five", "participants", "attended", ",", "“", "”", "said", "Ambassador", "Dr.", "St.",
    "police", "officers", "twenty-two", "from", "Ukraine", "and", "Moldova", "-", "–", "(", ")", "conference",
]
texts = st.lists(st.sampled_from(WORDS), min_size=0, max_size=40).map(" ".join)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(text=texts)
@SETTINGS
def test_sentence_chars_match_doc_sents(nlp, text: str) -> None:
    """Sentence offsets read from the columns equal those of ``doc.sents`` after the sentencizer."""
    doc = nlp.make_doc(text)
    got = sentence_chars(doc)
    assert got == [(s.start_char, s.end_char) for s in sentences(doc)]


@given(text=texts, starts=st.lists(st.sampled_from([None, False, True]), max_size=40))
@SETTINGS
def test_sentence_chars_follow_boundaries_set_by_hand(nlp, text: str, starts: list[bool | None]) -> None:
    """With sentence starts set by hand (or none), the offsets equal those of ``doc.sents``."""
    doc = nlp.make_doc(text)
    for tok, flag in zip(doc, starts):
        tok.sent_start = flag
    forget(doc)
    got = sentence_chars(doc)
    forget(doc)
    assert got == [(s.start_char, s.end_char) for s in sentences(doc)]


def test_sentence_chars_use_a_sents_hook(nlp) -> None:
    """A ``sents`` user hook decides the sentences, as it does for ``doc.sents``."""
    doc: Doc = nlp.make_doc("One two three. Four five.")
    doc.user_hooks["sents"] = lambda d: [d[0:2], d[2:6]]
    assert sentence_chars(doc) == [(0, 7), (8, 24)]


COUNT_WORDS = [
    "took part", "participants", "Participants", "for", "FOR", "forum", "before", "plans to", "staff", "25", "officers",
    "Twenty", "trainers", "attended", "the", "of", ",", ".", "İ", "ſtaff", "trainees", "police", "held", "a course",
    "next year", "victims", "more than", "2020", "-", "(", "ten",
]
count_texts = st.lists(st.sampled_from(COUNT_WORDS), min_size=1, max_size=18).map(" ".join)
NOUNS = ["participants", "officers", "police", "staff", "trainers", "trainees", "victims"]


@given(text=count_texts, lede=st.booleans())
@settings(max_examples=300, deadline=None)
def test_a_sentence_ruled_out_reports_no_count(text: str, lede: bool) -> None:
    """When `may_report_participants` rules a sentence out, no count or word-aligned part of it is reported."""
    if may_report_participants(text, lede=lede):
        return
    found = ParticipantCounter(NOUNS).count(text)
    assert not (found and reports_participants(text, found[1], lede=lede))
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    for i, (a, _) in enumerate(bounds):
        for _, b in bounds[i:]:
            assert not reports_participants(text, text[a:b], lede=lede)
