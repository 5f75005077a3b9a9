"""Rule components take `Language.pipe`'s Docs a batch at a time, with spaCy's error handling."""
from __future__ import annotations

import pytest
from spacy.util import raise_error

import newsie

TEXTS = [f"Release {k}: Kazakh police officers completed a training course in Almaty on {k + 1} March 2024." for k in range(5)]


def test_nlp_pipe_runs_each_component_over_a_batch_before_the_next(monkeypatch, watch_component) -> None:
    """Under `nlp.pipe`, the States and the dates stages see every Doc of a batch before
    the events stage sees the first; the Docs equal those of `nlp(text)`."""
    nlp = newsie.load(models=False)
    calls: list[str] = []
    for name in ("newsie_states", "newsie_dates", "newsie_events"):
        watch_component(nlp, name, lambda doc, name=name: calls.append(name))
    docs = list(nlp.pipe(TEXTS, batch_size=3))
    assert calls == ["newsie_states"] * 3 + ["newsie_dates"] * 3 + ["newsie_events"] * 3 + ["newsie_states"] * 2 + ["newsie_dates"] * 2 + ["newsie_events"] * 2
    monkeypatch.undo()
    for doc, text in zip(docs, TEXTS):
        one = nlp(text)
        assert [(s.start, s.end, s.label_) for g in doc.spans.values() for s in g] == [(s.start, s.end, s.label_) for g in one.spans.values() for s in g]
        assert doc._.newsie_events == one._.newsie_events


def test_a_failing_doc_goes_to_the_error_handler_and_the_others_through(fail_events_on, watch_component) -> None:
    """A Doc a component fails on goes to the pipeline's error handler (raising by default;
    a handler that does not raise drops it, as spaCy's `Pipe.pipe` does); a plain
    component's error propagates."""
    nlp = newsie.load(models=False)
    fail_events_on(nlp, "Release 2")
    with pytest.raises(RuntimeError, match="component failure"):
        list(nlp.pipe(TEXTS, batch_size=2))
    seen: list[tuple[str, str]] = []
    nlp.set_error_handler(lambda name, proc, docs, exc: seen.extend((name, d.text[:9]) for d in docs))
    try:
        kept = list(nlp.pipe(TEXTS, batch_size=2))
        assert [d.text[:9] for d in kept] == ["Release 0", "Release 1", "Release 3", "Release 4"]
        assert seen == [("newsie_events", "Release 2")]
        # the dates component is a plain one (no error handler): its error propagates
        watch_component(nlp, "newsie_dates", lambda doc: (_ for _ in ()).throw(ValueError("plain")))
        with pytest.raises(ValueError, match="plain"):
            list(nlp.pipe(TEXTS, batch_size=2))
    finally:  # `newsie.load()` is cached: later tests get its pipeline back raising, as it was
        nlp.set_error_handler(raise_error)
