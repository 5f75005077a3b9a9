"""Shared fixtures: pipelines are built once per test session."""
from __future__ import annotations

import json
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


@pytest.fixture
def fail_events_on(monkeypatch: pytest.MonkeyPatch) -> Callable[[Language, str], None]:
    """Make a pipeline's `newsie_events` raise RuntimeError("component failure") on Docs
    whose text holds a marker (undone after the test)."""

    def patch(nlp: Language, marker: str) -> None:
        events = nlp.get_pipe("newsie_events")
        call = type(events).__call__

        def fragile(self: Any, doc: Any) -> Any:
            if marker in doc.text:
                raise RuntimeError("component failure")
            return call(self, doc)

        monkeypatch.setattr(type(events), "__call__", fragile)

    return patch
