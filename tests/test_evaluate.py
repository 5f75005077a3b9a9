"""Tests of `newsie eval` on partial gold: each line scores only the keys it has."""
from __future__ import annotations

import json

import pytest

from newsie.cli import main
from newsie.evaluate import evaluate, read_gold

TEXT = "VIENNA, 4 March 2024 – The OSCE Secretary General met the Foreign Minister of Armenia in Vienna today."


def _write(tmp_path, golds: list[dict]) -> str:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"id": f"g{i}", "text": TEXT, "gold": g}) + "\n" for i, g in enumerate(golds)), encoding="utf-8")
    return str(path)


def _predict(item: dict) -> dict:
    return {"states": [{"iso3": "ARM"}, {"iso3": "AUT"}], "organizations": [{"name": "OSCE", "acronym": "OSCE"}],
            "officials": [], "events": [{"type": "meeting", "start": "2024-03-04", "participants": 2}]}


def test_partial_gold_scores_what_it_has(tmp_path) -> None:
    """A line with only States scores States; a line with only organizations scores organizations."""
    items = read_gold(_write(tmp_path, [{"states": ["ARM"]}, {"organizations": [{"name": "OSCE", "acronym": "OSCE"}]}]))
    s = evaluate(items, _predict)
    assert s["states"]["tp"] == 1 and s["states"]["fp"] == 1 and s["states"]["fn"] == 0
    assert s["organizations"]["tp"] == 1 and s["organizations"]["fp"] == 0
    assert s["officials"]["tp"] == s["officials"]["fp"] == 0
    assert s["event_type_acc"] is None and s["event_start_acc"] is None
    assert s["participants_spurious"] == 0 and s["event_date_spurious"] == 0


def test_event_type_is_scored_only_where_given(tmp_path) -> None:
    """event_type accuracy is over the lines that carry an event type."""
    items = read_gold(_write(tmp_path, [{"event_type": "meeting"}, {"states": ["ARM", "AUT"]}]))
    s = evaluate(items, _predict)
    assert s["event_type_acc"] == 1.0 and s["states"]["f1"] == 1.0


def test_gold_lines_are_checked(tmp_path) -> None:
    """A gold line without text, or with a misspelt key, is an error naming the line."""
    with pytest.raises(ValueError, match=r"gold.jsonl:1: unknown gold keys \['state'\]"):
        read_gold(_write(tmp_path, [{"state": ["ARM"]}]))
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"gold": {"states": []}}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:1"):
        read_gold(bad)


def test_eval_command_on_states_only_gold(tmp_path, capsys) -> None:
    """`newsie eval` runs the pipeline on States-only gold and reports State scores."""
    path = _write(tmp_path, [{"states": ["ARM"]}])
    assert main(["eval", path, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["docs"] == 1 and summary["states"]["f1"] == 1.0 and summary["event_type_acc"] is None
