"""Shared fixtures: pipelines are built once per test session."""
from __future__ import annotations

import json
from pathlib import Path

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
