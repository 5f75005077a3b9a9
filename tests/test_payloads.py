"""Tests of the typed Doc payloads and their serialization."""
from __future__ import annotations

import datetime as dt

import spacy
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, DocBin, Span

from newsie.build import to_release
from newsie.making import make_doc
from newsie.payloads import EventData, LocationData, handed_over, put_span_rows, span_row, span_rows
from newsie.tokens import cols

RELEASE = (
    "VIENNA, 6 October 2020 – The OSCE Secretariat held a three-day workshop for 25 police officers "
    "from Serbia and Montenegro, the OSCE Mission to Serbia said today."
)


def _processed(nlp) -> Doc:
    doc = make_doc(nlp, RELEASE, title="Police workshop in Vienna", published=dt.date(2020, 10, 6))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_payloads_round_trip_through_msgpack() -> None:
    """A payload with dates and nested payloads comes back equal."""
    ev = EventData(id="ev-1", type="training", start=dt.date(2020, 1, 2), location=LocationData("Vienna", "AUT"))
    assert srsly.msgpack_loads(srsly.msgpack_dumps({"e": [ev]})) == {"e": [ev]}


def test_doc_to_bytes_keeps_the_record(nlp) -> None:
    """doc.to_bytes() works on a newsie Doc, and the record built from the copy is the same."""
    doc = _processed(nlp)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert to_release(copy) == to_release(doc)


def test_docbin_with_user_data_keeps_the_record(nlp) -> None:
    """DocBin(store_user_data=True) stores newsie Docs and gives the same records back."""
    doc = _processed(nlp)
    db = DocBin(store_user_data=True)
    db.add(doc)
    (copy,) = DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab)
    assert to_release(copy) == to_release(doc)


def test_nlp_pipe_with_two_processes(nlp) -> None:
    """nlp.pipe(..., n_process=2) returns annotated Docs from worker processes."""
    texts = [RELEASE, RELEASE.replace("three-day", "two-day"), "Kazakh police met in Almaty."]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d._.newsie_events[0].type for d in docs[:2]] == ["training", "training"]
    assert [s.kb_id_ for s in docs[2].spans["newsie_states"]] == ["KAZ"]


def _rows_read(doc: Doc, key: str) -> list[tuple[int, int, int, int, str]]:
    return [(s.start, s.end, s.start_char, s.end_char, s.kb_id_) for s in doc.spans[key]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(1, 4), st.sampled_from(["", "AUT", "SRB"])), max_size=6))
def test_span_rows_left_by_a_producer_are_the_group_rows(spans: list[tuple[int, int, str]]) -> None:
    """Rows a producer leaves with `span_row` equal the rows read from the span group it set."""
    nlp = spacy.blank("en")
    doc = nlp("The OSCE Mission to Serbia, Austria's envoy and ODIHR met in Vienna.")
    ranges = [(s, min(s + n, len(doc)), kb) for s, n, kb in spans if s < len(doc)]
    doc.spans["group"] = [Span(doc, s, e, label="X", kb_id=kb) for s, e, kb in ranges]
    c = cols(doc)
    put_span_rows(doc, "group", [span_row(c, s, e, kb) for s, e, kb in ranges])
    assert span_rows(doc, "group") == _rows_read(doc, "group")
    assert handed_over(doc.user_data["newsie_span_rows"])["group"][1] == _rows_read(doc, "group")


def test_span_rows_of_a_replaced_group_are_read_again() -> None:
    """A group set again after the producer left its rows is read from the group, not from the old rows."""
    nlp = spacy.blank("en")
    doc = nlp("Austria and Serbia signed in Vienna.")
    doc.spans["group"] = [Span(doc, 0, 1, label="X", kb_id="AUT")]
    put_span_rows(doc, "group", [span_row(cols(doc), 0, 1, "AUT")])
    doc.spans["group"] = [Span(doc, 2, 3, label="X", kb_id="SRB")]
    assert span_rows(doc, "group") == [(2, 3, 12, 18, "SRB")]
    doc.spans["group"].append(Span(doc, 5, 6, label="X"))
    assert span_rows(doc, "group") == [(2, 3, 12, 18, "SRB"), (5, 6, 29, 35, "")]
    assert span_rows(doc, "missing") == []


def test_span_rows_do_not_travel_with_the_doc() -> None:
    """Rows a producer left are dropped by doc.to_bytes(): the copy reads its group."""
    nlp = spacy.blank("en")
    doc = nlp("Austria and Serbia signed in Vienna.")
    doc.spans["group"] = [Span(doc, 0, 1, label="X", kb_id="AUT")]
    put_span_rows(doc, "group", [(0, 1, 0, 7, "WRONG")])  # rows that disagree: which one is read shows
    assert span_rows(doc, "group") == [(0, 1, 0, 7, "WRONG")]
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert span_rows(copy, "group") == [(0, 1, 0, 7, "AUT")]
