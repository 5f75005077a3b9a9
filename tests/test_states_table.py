"""Tests of the precomputed States table (gazetteers/states_table.json)."""
from __future__ import annotations

import json
import subprocess
import sys

from newsie.kb import states
from newsie.kb.io import read_packaged
from newsie.kb.states import STATES_FILE, STATES_TABLE_FILE, StateOverlay, build_entries, build_table, default_states
from newsie.resources import gazetteer_file


def test_shipped_table_is_what_the_tool_builds():
    """gazetteers/states_table.json is what tools/build_states_table.py builds now (rebuild it after editing states.jsonl or upgrading pycountry)."""
    shipped = json.loads(gazetteer_file(STATES_TABLE_FILE).read_text(encoding="utf-8"))
    assert shipped == build_table()


def test_table_entries_equal_the_merge():
    """The States read from the table are those merged from pycountry and states.jsonl."""
    assert default_states().entries == build_entries(read_packaged(STATES_FILE, StateOverlay))


def test_stale_table_is_ignored(monkeypatch):
    """A table built from other sources (an edited states.jsonl, another pycountry) is not used: the States are merged anew."""
    stale = {"sources": {STATES_FILE: "edited"}, "entries": [{"iso3": "XXX", "name": "Nowhere", "status": "other"}]}
    monkeypatch.setattr(states, "_shipped_table", lambda: stale)
    default_states.cache_clear()
    try:
        kb = default_states()
        assert "XXX" not in kb.by_iso3 and "KAZ" in kb.by_iso3
    finally:
        default_states.cache_clear()


def test_extracting_leaves_pycountry_unimported():
    """A cold `newsie.extract` reads the States from the table, without importing pycountry."""
    code = "import sys, newsie; newsie.extract('Kazakh police officers trained in Almaty.'); print('pycountry' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]
