"""User gazetteers: finite weights, byte-order marks, deep nesting, edits picked up."""
from __future__ import annotations

import json

import pytest

import newsie
from newsie.exceptions import GazetteerError
from newsie.kb.user import read_user_gazetteer


@pytest.mark.parametrize("weight", ["NaN", "Infinity", "-Infinity", "1e308", "-1"])
def test_trigger_weights_must_be_finite_and_bounded(tmp_path, weight) -> None:
    """NaN, infinite, huge or negative trigger weights are a GazetteerError naming the entry."""
    path = tmp_path / "g.json"
    path.write_text('{"event_triggers": {"training": {"bootcamp": ' + weight + "}}}", encoding="utf-8")
    with pytest.raises(GazetteerError, match="event_triggers"):
        read_user_gazetteer(path)


def test_byte_order_mark_is_accepted(tmp_path) -> None:
    """A file saved with a UTF-8 byte-order mark reads like one without."""
    path = tmp_path / "g.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"event_triggers": {"training": {"bootcamp": 2.5}}}).encode())
    assert read_user_gazetteer(path).event_triggers["training"]["bootcamp"] == 2.5


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_deep_nesting_is_a_gazetteer_error(tmp_path, suffix) -> None:
    """A file nested a hundred thousand levels deep is reported, not a RecursionError."""
    path = tmp_path / f"g{suffix}"
    path.write_text('{"states": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"nested too deeply|invalid"):
        read_user_gazetteer(path)


def test_load_sees_an_edited_file(tmp_path) -> None:
    """Editing a gazetteer file and loading again gives a pipeline built from the new content."""
    path = tmp_path / "g.json"
    text = "The centre held a bootcamp for journalists in Vienna."
    path.write_text(json.dumps({"event_triggers": {"training": {"bootcamp": 3.0}}}), encoding="utf-8")
    first = newsie.load(gazetteers=[str(path)])
    assert newsie.load(gazetteers=[str(path)]) is first
    path.write_text(json.dumps({"event_triggers": {"meeting": {"bootcamp": 3.0}}}), encoding="utf-8")
    second = newsie.load(gazetteers=[str(path)])
    assert second is not first
    assert newsie.extract(text, nlp=first).events[0].type == "training"
    assert newsie.extract(text, nlp=second).events[0].type == "meeting"


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_number_over_the_digit_limit_is_a_gazetteer_error(tmp_path, suffix) -> None:
    """A JSON number of 5,000 digits (over Python's int limit) is reported, not a ValueError from int()."""
    path = tmp_path / f"g{suffix}"
    entry = '{"name": "Narnia", "iso3": "NRN", "n": ' + "1" * 5000 + "}"
    path.write_text(entry if suffix == ".jsonl" else '{"states": [' + entry + "]}", encoding="utf-8")
    with pytest.raises(GazetteerError, match="invalid JSON"):
        read_user_gazetteer(path)
