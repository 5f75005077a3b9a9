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


class Watched:
    """A pipeline component seen through a stand-in put in its place in the pipeline:
    `before(doc)` runs before each call of the component (to record, or to raise), then
    the component itself; every other attribute is the component's.

    Tests watch components this way rather than by patching their classes: in an
    installed wheel the rule modules are compiled (hatch_build.py), and a compiled class
    is called through its own slots, whatever its class attributes say.
    """

    def __init__(self, proc: Any, before: Callable[[Any], object]) -> None:
        self.proc = proc
        self.before = before

    def __call__(self, doc: Any) -> Any:
        self.before(doc)
        return self.proc(doc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.proc, name)


class WatchedPipe(Watched):
    """`Watched` for a component with a ``pipe`` method: the component's own ``pipe`` code
    runs, with the stand-in as the component it calls on each Doc."""

    def pipe(self, stream: Any, *, batch_size: int = 128) -> Any:
        own = type(self.proc).pipe
        if isinstance(own, types.FunctionType):  # Python code (`GazetteerPipe.pipe`): run it as it is
            return own(self, stream, batch_size=batch_size)
        # a compiled method takes only its own class: its body, `in_batches(self, ...)`
        from newsie.components.batching import in_batches

        return in_batches(self, stream, batch_size)


@pytest.fixture
def watch_component(monkeypatch: pytest.MonkeyPatch) -> Callable[[Language, str, Callable[[Any], object]], None]:
    """Put a `Watched` stand-in in place of a pipeline's component `name` (undone after the test)."""

    def install(nlp: Language, name: str, before: Callable[[Any], object]) -> None:
        proc = nlp.get_pipe(name)
        stand_in = (WatchedPipe if hasattr(proc, "pipe") else Watched)(proc, before)
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
