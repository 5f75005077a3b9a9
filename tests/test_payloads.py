"""Tests of the typed Doc payloads and their serialization."""
from __future__ import annotations

import datetime as dt

import srsly
from spacy.tokens import Doc, DocBin

from newsie.build import to_release
from newsie.making import make_doc
from newsie.payloads import EventData, LocationData, meta_of

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


def test_docbin_gives_payload_lists_back_as_lists(nlp) -> None:
    """DocBin reads user data with ``use_list=False``: the payloads' list fields are lists
    again after the round trip (code that appends to them or adds lists keeps working)."""
    doc = make_doc(nlp, RELEASE, title="OSCE trains police", issuer=["OSCE Mission to Serbia"])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    db = DocBin(store_user_data=True)
    db.add(doc)
    (copy,) = DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab)
    meta = meta_of(copy)
    assert meta.issuer == ["OSCE Mission to Serbia"] and isinstance(meta.issuer, list)
    assert isinstance(meta.warnings, list) and isinstance(meta.fields_of_work, list)
    assert copy._.newsie_events
    for event in copy._.newsie_events:
        assert event.organizations and all(isinstance(getattr(event, f), list) for f in ("organizations", "states", "officials"))


def test_docbin_gives_the_doc_attributes_back_as_lists(nlp) -> None:
    """After a DocBin round trip the Doc attributes that hold lists (events, States, organizations, officials, fields) are lists again, equal to the original's."""
    doc = _processed(nlp)
    (copy,) = DocBin().from_bytes(DocBin(store_user_data=True, docs=[doc]).to_bytes()).get_docs(nlp.vocab)
    for name in ("newsie_events", "newsie_states", "newsie_orgs", "newsie_officials", "newsie_fields"):
        value = getattr(copy._, name)
        assert isinstance(value, list) and value == getattr(doc._, name), name


def test_nlp_pipe_with_two_processes(nlp) -> None:
    """nlp.pipe(..., n_process=2) returns annotated Docs from worker processes."""
    texts = [RELEASE, RELEASE.replace("three-day", "two-day"), "Kazakh police met in Almaty."]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d._.newsie_events[0].type for d in docs[:2]] == ["training", "training"]
    assert [s.kb_id_ for s in docs[2].spans["newsie_states"]] == ["KAZ"]


SPAWNED_PIPE = """
import multiprocessing as mp
import pickle

import newsie

TEXTS = [
    "ASTANA, 3 March 2024 - A three-day training course for Kazakh police officers ended in Astana today.",
    "VIENNA, 4 March 2024 - The OSCE Chairperson-in-Office met the Foreign Minister of Armenia in Vienna today.",
    "Kazakh police met in Almaty.",
]

def events(docs):
    return [[(e.type, str(e.start)) for e in d._.newsie_events] for d in docs]

if __name__ == "__main__":
    mp.set_start_method("spawn")
    nlp = newsie.load()
    one = events(nlp.pipe(TEXTS))
    assert events(pickle.loads(pickle.dumps(nlp)).pipe(TEXTS)) == one
    assert events(nlp.pipe(TEXTS, n_process=2, batch_size=1)) == one
    print(one)
"""


def test_the_pipeline_pickles_and_runs_in_spawned_processes(tmp_path) -> None:
    """The default pipeline pickles (components, data and models), and `nlp.pipe(n_process=2)`
    under the `spawn` start method (macOS' and Windows' default; workers get the pipeline
    pickled) gives the Docs of one process, rather than hanging on a worker that cannot
    unpickle it. Run in a fresh interpreter: the start method is process-wide."""
    import subprocess
    import sys

    script = tmp_path / "spawned_pipe.py"
    script.write_text(SPAWNED_PIPE, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    # what the three releases gave (the same in all three runs, as asserted in the script)
    assert out.stdout.strip().splitlines()[-1].startswith("[[('training', '2024-03-01')], [(")


def test_a_processed_doc_pickles(nlp) -> None:
    """pickle and copy.deepcopy take a processed Doc (hand-overs between stages are dropped, as msgpack drops them) and keep its record."""
    import copy
    import pickle

    doc = _processed(nlp)
    assert to_release(pickle.loads(pickle.dumps(doc))) == to_release(doc)
    assert to_release(copy.deepcopy(doc)) == to_release(doc)
