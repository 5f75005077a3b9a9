"""Tests of `newsie_event_model` in a pipeline a spaCy user assembles."""
from __future__ import annotations

import math

import pytest
import spacy

import newsie

LEDE = (
    "VIENNA, 3 March 2021 – The OSCE Secretary General met the Foreign Minister of Kazakhstan "
    "in Vienna today to discuss border security co-operation with Tajikistan."
)
STAGES = ("newsie_dateline", "newsie_states", "newsie_organizations", "newsie_officials", "newsie_event_triggers", "newsie_event_model", "newsie_events")


def _assembled() -> spacy.language.Language:
    nlp = spacy.blank("en")
    for name in STAGES:
        nlp.add_pipe(name)
    return nlp


def test_the_first_doc_is_typed_without_newsie_load() -> None:
    """The model is read on the first Doc of a pipeline built with add_pipe, which is blended and typed."""
    nlp = _assembled()
    doc = nlp(LEDE)
    assert doc._.newsie_events[0].type == "meeting"
    assert max(doc.cats, key=doc.cats.__getitem__) == "meeting"


def test_initialize_reads_the_model() -> None:
    """nlp.initialize() reads the classifier, as spaCy's own trained pipes are ready after it."""
    nlp = _assembled()
    nlp.initialize()
    assert nlp.get_pipe("newsie_event_model")._scorer is not None


def test_a_pipeline_read_from_bytes_types_its_first_doc() -> None:
    """A pipeline restored with from_bytes (which skips the model folder) types its first Doc like the original."""
    nlp = _assembled()
    expected = nlp(LEDE).cats
    again = spacy.util.load_model_from_config(nlp.config, auto_fill=True).from_bytes(nlp.to_bytes())
    assert again(LEDE).cats == expected


def test_a_failing_doc_goes_to_the_error_handler(monkeypatch) -> None:
    """With nlp.set_error_handler, a Doc the model fails on goes to the handler and the rest of its batch is typed."""
    from newsie.components import event_model

    nlp = _assembled()
    process = event_model.EventModel._process

    def failing(self, docs):
        if any("broken" in doc.text for doc in docs):
            raise ValueError("broken lede")
        process(self, docs)

    monkeypatch.setattr(event_model.EventModel, "_process", failing)
    failed: list[str] = []
    nlp.set_error_handler(lambda name, proc, docs, exc: failed.extend(f"{name}: {doc.text[:6]}" for doc in docs))
    docs = list(nlp.pipe([LEDE, "VIENNA – A broken lede.", LEDE], batch_size=8))
    assert failed == ["newsie_event_model: VIENNA"]
    assert [doc._.newsie_events[0].type for doc in docs] == ["meeting", "meeting"]


def test_analyze_pipes_names_the_evidence_a_model_without_triggers_lacks() -> None:
    """analyze_pipes reports doc._.newsie_event_evidence missing for a model with no newsie_event_triggers before it, and none with it."""
    nlp = spacy.blank("en")
    for name in ("newsie_event_model", "newsie_events"):
        nlp.add_pipe(name)
    assert nlp.analyze_pipes(pretty=False)["problems"]["newsie_event_model"] == ["doc._.newsie_event_evidence"]
    assembled = _assembled()
    assert assembled.analyze_pipes(pretty=False)["problems"]["newsie_event_model"] == []
    assert assembled.analyze_pipes(pretty=False)["attrs"]["doc._.newsie_event_evidence"]["assigns"][0] == "newsie_event_triggers"


def test_a_model_without_triggers_warns_once() -> None:
    """Without newsie_event_triggers the model leaves the Docs as they are and says so once, naming the fix."""
    import pytest

    from newsie.exceptions import MissingInputWarning

    nlp = spacy.blank("en")
    for name in ("newsie_dateline", "newsie_event_model", "newsie_events"):
        nlp.add_pipe(name)
    with pytest.warns(MissingInputWarning, match="newsie_event_triggers") as caught:
        docs = [nlp(LEDE), *nlp.pipe([LEDE, LEDE])]
    assert len(caught) == 1
    assert [doc.cats for doc in docs] == [{}, {}, {}]
    assert docs[0]._.newsie_events[0].type == "meeting"  # the rules' type, as newsie_events scores it itself


def test_a_model_after_triggers_does_not_warn() -> None:
    """With newsie_event_triggers before it the model reads the evidence (doc._.newsie_event_evidence) and warns of nothing."""
    import warnings

    from newsie.exceptions import MissingInputWarning

    nlp = _assembled()
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingInputWarning)
        doc = nlp(LEDE)
    assert doc.cats
    assert doc._.newsie_event_evidence["main"] == "meeting"


def test_a_text_without_letters_is_left_to_the_rules(nlp) -> None:
    """Dots, digits and symbols are no release: neither model gives its most probable type
    or field to them (the rules' 'other', no field), in one call and in a batch beside a release."""
    for text in ("." * 5000, "12 34 / 56 -- !!!", "…… ••• 2021"):
        rel = newsie.extract(text, nlp=nlp)
        assert [e.type for e in rel.events] in ([], ["other"]) and rel.fields_of_work == [], text
        assert not rel.events or not rel.events[0].confidence, text
    junk, release = newsie.extract_many([{"text": "." * 300}, {"text": LEDE}], nlp=nlp)
    assert junk.fields_of_work == [] and [e.type for e in junk.events] in ([], ["other"])
    assert release.events[0].type == "meeting" and release.fields_of_work


def test_a_margin_outside_0_to_1_is_refused_when_the_pipe_is_added() -> None:
    """A margin is a difference of probabilities: NaN, -0.5, 2 or True never mean one, and
    are refused at add_pipe, not applied silently (NaN would never overrule the rules)."""
    for bad in (math.nan, -0.5, 2.0, True):
        with pytest.raises(ValueError, match="margin"):
            spacy.blank("en").add_pipe("newsie_event_model", config={"margin": bad})
    for good in (0, 0.0, 0.35, 1):
        assert spacy.blank("en").add_pipe("newsie_event_model", config={"margin": good}).margin == good
