"""Tests of `newsie eval` on partial gold: each line scores only the keys it has."""
from __future__ import annotations

import json

import pytest

from newsie.cli import main
from newsie.evaluate import evaluate, read_gold
from newsie.exceptions import GoldError, NewsieError

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
    assert s["officials"] is None and s["fields_of_work"] is None  # annotated nowhere: not scored
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


def test_eval_does_not_report_a_perfect_score_for_fields_no_line_annotates(tmp_path, capsys) -> None:
    """States-only gold: organizations, officials and fields of work are not scored (None), not P=R=F1=1."""
    path = _write(tmp_path, [{"states": ["ARM"]}])
    assert main(["eval", path]) == 0
    lines = dict(line.split(None, 1) for line in capsys.readouterr().out.splitlines())
    assert lines["states"].startswith("P=1.000")
    assert lines["organizations"] == lines["officials"] == lines["fields_of_work"] == "None"
    s = evaluate(read_gold(_write(tmp_path, [{"states": [], "officials": []}])), lambda item: {})
    assert s["states"]["f1"] == s["officials"]["f1"] == 1.0 and s["organizations"] is None  # "states": [] is annotated: nothing to find


FULL = {
    "states": ["ARM", "AUT"], "organizations": [{"name": "OSCE", "acronym": "OSCE"}, {"name": "Foreign Ministry", "acronym": None}],
    "officials": [{"name": "Ann Example", "title": "Secretary General", "affiliation": None}],
    "event_type": "meeting", "event_start": "2024-03-04", "event_end": "2024-03-04",
    "location": {"city": "Vienna", "country": "AUT"}, "participants": None,
}


def test_a_line_in_the_full_gold_format_is_read(tmp_path) -> None:
    """A line with every gold key (nulls where the guidelines allow them) and extra item keys reads as written."""
    path = tmp_path / "gold.jsonl"
    item = {"id": "g0", "source_url": "https://example.org/x", "title": "A meeting", "published": "2024-03-04",
            "issuer": ["Secretariat"], "fields_of_work": ["Policing"], "text": TEXT, "gold": FULL}
    nulls = {"id": "g1", "text": TEXT, "gold": {"event_start": None, "event_end": "2024-03-05", "location": None, "officials": []}}
    path.write_text(json.dumps(item) + "\n\n" + json.dumps(nulls) + "\n", encoding="utf-8")
    assert read_gold(path) == [item, nulls]


@pytest.mark.parametrize(
    ("gold", "field"),
    [
        ({"location": "Vienna"}, "gold.location"),
        ({"location": {"city": "Vienna", "country": "Austria"}}, "gold.location.country"),
        ({"organizations": ["OSCE"]}, r"gold.organizations\[0\]"),
        ({"organizations": [{"name": "OSCE", "acronmy": "OSCE"}]}, r"gold.organizations\[0\]: unknown key 'acronmy'"),
        ({"officials": ["Helga Schmid"]}, r"gold.officials\[0\]"),
        ({"officials": [{"title": "Ambassador"}]}, r"gold.officials\[0\].name"),
        ({"states": "AUT"}, "gold.states"),
        ({"states": ["aut"]}, r"gold.states\[0\]"),
        ({"event_start": "garbage"}, "gold.event_start"),
        ({"event_end": "2024-02-30"}, "gold.event_end"),
        ({"event_type": "Meeting"}, "gold.event_type"),
        ({"participants": "12"}, "gold.participants"),
    ],
)
def test_wrongly_typed_gold_values_are_an_error_naming_line_and_field(tmp_path, gold, field) -> None:
    """A gold value of the wrong type or shape is a GoldError naming the file, the line and the field."""
    path = _write(tmp_path, [{"states": ["ARM"]}, gold])
    with pytest.raises(GoldError, match=rf"gold\.jsonl:2: {field}"):
        read_gold(path)


@pytest.mark.parametrize(("key", "value"), [("fields_of_work", "Policing"), ("published", "someday"), ("title", 3), ("text", None)])
def test_wrongly_typed_item_values_are_an_error(tmp_path, key, value) -> None:
    """A wrongly typed item value the scorer reads (fields of work, published date, title, text) is a GoldError naming it."""
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": TEXT, "gold": {}, key: value}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=rf"gold\.jsonl:1: {key}"):
        read_gold(path)


@pytest.mark.parametrize("content", ["", "\n  \n"])
def test_a_gold_file_without_items_is_an_error(tmp_path, content) -> None:
    """An empty gold file is a GoldError naming the file, not a perfect score on no documents."""
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl: holds no gold item"):
        read_gold(path)


def test_evaluate_checks_its_items() -> None:
    """`evaluate` on no items, or on a wrongly typed item, raises a GoldError naming the item."""
    with pytest.raises(GoldError, match="no gold item"):
        evaluate([], _predict)
    with pytest.raises(GoldError, match=r"items\[1\]: gold.location"):
        evaluate([{"text": TEXT, "gold": {}}, {"text": TEXT, "gold": {"location": "Vienna"}}], _predict)


def test_gold_error_is_a_value_error() -> None:
    """GoldError is a NewsieError and a ValueError that keeps the line and the field."""
    err = GoldError("gold.jsonl", "got 'x'", line=3, field="gold.states")
    assert isinstance(err, NewsieError) and isinstance(err, ValueError)
    assert str(err) == "gold.jsonl:3: gold.states: got 'x'" and (err.line, err.field) == (3, "gold.states")


@pytest.mark.parametrize("gold", [{"location": "Vienna"}, {"organizations": ["OSCE"]}, {"officials": ["Helga Schmid"]}])
def test_eval_command_names_a_wrongly_typed_line(tmp_path, capsys, gold) -> None:
    """`newsie eval` on a wrongly typed gold line exits 2 with one line naming it, no traceback."""
    path = _write(tmp_path, [gold])
    assert main(["eval", path]) == 2
    err = capsys.readouterr().err
    assert "gold.jsonl:1: gold." in err and "Traceback" not in err


def test_eval_command_on_an_empty_gold_file(tmp_path, capsys) -> None:
    """`newsie eval` on an empty gold file exits 2 and prints no scores."""
    path = tmp_path / "gold.jsonl"
    path.write_text("", encoding="utf-8")
    assert main(["eval", str(path)]) == 2
    out = capsys.readouterr()
    assert "no gold item" in out.err and out.out == ""


def test_a_text_with_a_line_separator_stays_one_line(tmp_path) -> None:
    """A text holding U+2028 (JSON writers leave it unescaped) is one item; CRLF line ends read too."""
    path = tmp_path / "gold.jsonl"
    items = [{"text": "One\u2028two.", "gold": {"states": []}}, {"text": TEXT, "gold": {"states": ["ARM"]}}]
    path.write_bytes("".join(json.dumps(i, ensure_ascii=False) + "\r\n" for i in items).encode("utf-8"))
    assert read_gold(path) == items


def test_eval_command_checks_each_line_once(tmp_path, capsys, monkeypatch) -> None:
    """`newsie eval` checks each gold line once, when reading it, not again before scoring."""
    import newsie.evaluate

    checked = []
    check = newsie.evaluate.check_item

    def counted(obj, source, line=None) -> None:
        checked.append(source)
        check(obj, source, line)

    monkeypatch.setattr(newsie.evaluate, "check_item", counted)
    path = _write(tmp_path, [{"states": ["ARM"]}, {"event_type": "meeting"}])
    assert main(["eval", path, "--json"]) == 0
    assert checked == [path, path] and json.loads(capsys.readouterr().out)["docs"] == 2


@pytest.mark.parametrize(("key", "value"), [("event_start", "2024-W10-1"), ("event_end", "20240304"), ("event_start", "2024-03-04T10:00")])
def test_a_gold_date_not_written_yyyy_mm_dd_is_an_error(tmp_path, key, value) -> None:
    """A gold event date in another ISO form (a week date, the basic form, a datetime) is a GoldError naming the field."""
    path = _write(tmp_path, [{"event_type": "meeting", key: value}])
    with pytest.raises(GoldError, match=rf"gold\.jsonl:1: gold\.{key}: '{value}' is not an ISO date \(YYYY-MM-DD\)"):
        read_gold(path)


def test_a_week_date_is_no_published_date(tmp_path) -> None:
    """A `published` week date ("2024-W10-1") is a GoldError naming the key, as newsie.extract refuses it."""
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": TEXT, "published": "2024-W10-1", "gold": {}}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:1: published: '2024-W10-1' is not a date newsie reads"):
        read_gold(path)
