"""Shared fixtures: pipelines are built once per test session."""
from __future__ import annotations

import json
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

import newsie

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """newsie's default pipeline."""
    return newsie.load()


@pytest.fixture(scope="session")
def states_nlp() -> Language:
    """A blank English pipeline with only the States tagger, added by factory name."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("newsie_states")
    return pipeline


@pytest.fixture(scope="session")
def dev_items() -> list[dict]:
    """The hand-annotated dev set beside the repository; skipped where it is absent."""
    path = SHARED / "eval" / "dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/dev.jsonl is not beside this checkout")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class _Delegate:
    """The stand-in for a compiled component class that allows no Python subclass (the
    `GazetteerPipe` ones): it runs the class's own ``pipe``, Python code inherited from
    `GazetteerPipe`, with itself as the component called on each Doc."""

    def __init__(self, proc: Any, before: Callable[[Any], object]) -> None:
        self.proc = proc
        self.before = before

    def __call__(self, doc: Any) -> Any:
        self.before(doc)
        return self.proc(doc)

    def pipe(self, stream: Any, *, batch_size: int = 128) -> Any:
        own = type(self.proc).pipe
        assert isinstance(own, types.FunctionType), "the component's pipe is compiled: watch it through a subclass"
        return own(self, stream, batch_size=batch_size)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.proc, name)


def watched(proc: Any, before: Callable[[Any], object]) -> Any:
    """A stand-in for the component `proc` calling `before(doc)` (to record, or to raise)
    before each call of the component, whose own ``pipe`` and error handling run unchanged.

    It is a copy of `proc` whose class is a subclass of its own, overriding ``__call__``;
    where the class is compiled and allows no subclass, a `_Delegate`. Tests watch
    components this way rather than by patching their classes: a compiled class
    (hatch_build.py) is called through its own slots, whatever its class attributes say.
    """
    cls = type(proc)

    def __call__(self: Any, doc: Any) -> Any:
        before(doc)
        return cls.__call__(self, doc)

    sub = type(f"Watched{cls.__name__}", (cls,), {"__call__": __call__, "__module__": __name__})
    try:
        stand_in = sub.__new__(sub)
    except TypeError:  # "interpreted classes cannot inherit from compiled"
        return _Delegate(proc, before)
    state = proc.__reduce_ex__(2)[2]  # what pickle and copy would set
    if hasattr(stand_in, "__setstate__"):
        stand_in.__setstate__(state)
    else:  # a plain Python class
        stand_in.__dict__.update(state)
    return stand_in


@pytest.fixture
def watch_component(monkeypatch: pytest.MonkeyPatch) -> Callable[[Language, str, Callable[[Any], object]], None]:
    """Put a `watched` copy in place of a pipeline's component `name` (undone after the test)."""

    def install(nlp: Language, name: str, before: Callable[[Any], object]) -> None:
        stand_in = watched(nlp.get_pipe(name), before)
        monkeypatch.setattr(nlp, "_components", [(n, stand_in if n == name else p) for n, p in nlp._components])

    return install


@pytest.fixture
def fail_events_on(watch_component: Callable[[Language, str, Callable[[Any], object]], None]) -> Callable[[Language, str], None]:
    """Make a pipeline's `newsie_events` raise RuntimeError("component failure") on Docs
    whose text holds a marker (undone after the test)."""

    def patch(nlp: Language, marker: str) -> None:
        def fragile(doc: Any) -> None:
            if marker in doc.text:
                raise RuntimeError("component failure")

        watch_component(nlp, "newsie_events", fragile)

    return patch
