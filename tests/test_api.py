"""Tests of the front door: records, bad input, batch, CLI and packaging."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from importlib import resources

import pytest

import newsie
from newsie.cli import main as cli_main

RELEASE = (
    "DUSHANBE, 2 June 2016 – The OSCE Office in Tajikistan today donated equipment to the "
    "Border Troops of Tajikistan's State Committee for National Security at Dushanbe International Airport."
)


def test_extract_returns_a_typed_release(nlp) -> None:
    """extract() returns a Release with states, organizations, dates and a main event."""
    rel = newsie.extract(RELEASE, title="OSCE Office donates equipment to Tajik Border Troops", nlp=nlp)
    assert isinstance(rel, newsie.Release)
    assert [s.iso3 for s in rel.states] == ["TJK"]
    assert rel.published == dt.date(2016, 6, 2)
    assert rel.events[0].type == "donation"
    assert rel.newsie_version == newsie.__version__ and rel.schema_version == newsie.SCHEMA_VERSION


def test_json_round_trip(nlp) -> None:
    """A record dumped to JSON and read back is equal to the original."""
    rel = newsie.extract(RELEASE, title="OSCE Office donates equipment", url="https://example.org/r/1", nlp=nlp)
    again = newsie.Release.model_validate_json(rel.model_dump_json())
    assert again == rel
    assert json.loads(rel.model_dump_json())["events"][0]["location"]["country"] == "TJK"


def test_json_schema_has_the_fixed_field_names() -> None:
    """The JSON Schema exposes the field names the evaluation reads."""
    schema = newsie.Release.model_json_schema()
    props = schema["properties"]
    for key in ("id", "title", "published", "text", "issuer", "fields_of_work", "states", "organizations", "officials", "dates", "events", "warnings"):
        assert key in props
    event = schema["$defs"]["Event"]["properties"]
    assert set(event["type"]["enum"]) == set(newsie.customtypes.EVENT_TYPES)


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_non_string_text_is_a_type_error(bad) -> None:
    """A non-string text raises a TypeError naming the argument."""
    with pytest.raises(TypeError, match="text must be a str"):
        newsie.extract(bad)  # type: ignore[arg-type]


def test_non_string_title_is_a_type_error() -> None:
    """A non-string title raises a TypeError naming the argument."""
    with pytest.raises(TypeError, match="title must be a str"):
        newsie.extract("text", title=5)  # type: ignore[arg-type]


@pytest.mark.parametrize("empty", ["", "   ", "\n\t \n", "\u200b\u200b", "\ufeff \u200d\n", "\x00\x00", "\u00ad"])
def test_empty_text_gives_an_empty_release(empty) -> None:
    """Empty or whitespace text, or text of zero-width characters and NULs alone, gives an
    empty Release, without loading anything (no event made of nothing)."""
    rel = newsie.extract(empty, published="2020-01-02")
    assert rel.states == [] and rel.events == [] and rel.organizations == []
    assert rel.published == dt.date(2020, 1, 2)


@pytest.mark.parametrize("value", ["not a date", "yesterday", "2020-13-01", 20200221, 3.5])
def test_malformed_published_is_a_value_error(value) -> None:
    """A malformed `published` raises a ValueError naming the value and the accepted formats."""
    with pytest.raises(ValueError, match="ISO 8601") as err:
        newsie.extract("Kazakhstan", published=value)
    assert repr(value) in str(err.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(dt.date(2020, 2, 21), dt.date(2020, 2, 21)), (dt.datetime(2020, 2, 21, 10, 5), dt.date(2020, 2, 21)), ("2020-02-21", dt.date(2020, 2, 21)), ("2020-02-21T10:00:00Z", dt.date(2020, 2, 21))],
)
def test_published_accepted_forms(nlp, value, expected) -> None:
    """`published` accepts a date, a datetime or an ISO string."""
    assert newsie.extract("Kazakhstan", published=value, nlp=nlp).published == expected


def test_text_longer_than_spacy_max_length(nlp) -> None:
    """Text beyond spaCy's default max_length is processed, with a warning, not an E088 crash."""
    text = ("Officers from Kazakhstan attended a training course in Almaty. " * 17000)[:1_050_000]
    rel = newsie.extract(text, nlp=nlp)
    assert [s.iso3 for s in rel.states] == ["KAZ"]
    assert len(rel.states[0].mentions) > 16000
    assert any("long text" in w for w in rel.warnings)


def test_extract_many_keeps_order_and_one_output_per_input(nlp) -> None:
    """extract_many yields one Release per item, in order, for strings and dicts."""
    items = ["Serbia", {"text": "Albania", "id": "b", "title": "T"}, "", {"text": "Kosovo", "published": "2020-01-01"}]
    out = list(newsie.extract_many(items, nlp=nlp))
    assert len(out) == 4
    assert [[s.iso3 for s in r.states] for r in out] == [["SRB"], ["ALB"], [], ["XKX"]]
    assert out[1].id == "b"


def test_ids_are_stable(nlp) -> None:
    """The same release gets the same id; different ones differ."""
    a = newsie.extract("Serbia", title="A", url="u", nlp=nlp).id
    assert a == newsie.extract("Serbia", title="A", url="u", nlp=nlp).id
    assert a != newsie.extract("Serbia", title="B", url="u", nlp=nlp).id


def test_integer_ids_from_a_dataframe_are_kept_as_strings(nlp) -> None:
    """An int id column (numpy integers in ``df.to_dict("records")``, or whole floats where
    pandas made the column float for its missing values) keeps each row's id, so the
    records join back to the frame; 2.5, a bool or an int of 5,000 digits is an error
    record that says why (under its place), and the batch still gives one record per row."""
    np = pytest.importorskip("numpy")
    items = [
        {"id": 1, "text": "Serbia"}, {"id": np.int64(20), "text": "Albania"}, {"id": 3, "text": None}, {"id": 4.0, "text": "Kosovo"},
        {"id": 2.5, "text": "Kosovo"}, {"id": True, "text": "Kosovo"}, {"id": 10**5000, "text": "Kosovo"},
    ]
    out = list(newsie.extract_many(items, nlp=nlp))
    assert [r.id for r in out] == ["1", "20", "3", "4", "item-4", "item-5", "item-6"]
    assert [r.error is None for r in out] == [True, True, False, True, False, False, False]
    assert "2.5" in out[4].error.message and "not bool" in out[5].error.message and "4,300 digits" in out[6].error.message
    assert newsie.extract("Serbia", id=np.int32(7), nlp=nlp).id == "7" and newsie.extract("Serbia", id=np.float32(8.0), nlp=nlp).id == "8"
    with pytest.raises(TypeError, match="Int64"):  # a float past 2**53 has lost its id's last digits
        newsie.extract("Serbia", id=1234567890123456789.0, nlp=nlp)
    with pytest.raises(TypeError, match="id must be a str or an integer, not float"):
        newsie.extract("Serbia", id=7.5, nlp=nlp)


def test_load_is_cached_and_checks_names() -> None:
    """load() returns the same pipeline for the same arguments and rejects unknown components."""
    assert newsie.load() is newsie.load()
    with pytest.raises(newsie.NewsieError, match="unknown newsie component"):
        newsie.load(disable=["newsie_nothing"])
    with pytest.raises(newsie.NewsieError, match="not installed"):
        newsie.load(base="xx_no_such_pipeline")


def test_factories_are_registered_as_entry_points() -> None:
    """Any spaCy pipeline can add newsie components by name, with no newsie import."""
    code = "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('newsie_states'); doc = nlp('Kazakh police'); print([(s.label_, s.kb_id_) for s in doc.spans['newsie_states']])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[('STATE', 'KAZ')]"


def test_gazetteers_ship_inside_the_package() -> None:
    """The gazetteers are package data, read through importlib.resources."""
    root = resources.files("newsie") / "gazetteers"
    for name in ("states.jsonl", "organizations.jsonl", "officials.jsonl", "offices.jsonl", "cities.jsonl", "event_types.json"):
        assert (root / name).is_file(), name


def test_cli_extract_file_and_directory(tmp_path, capsys) -> None:
    """`newsie extract` prints one JSON line per file, the first line taken as the title."""
    (tmp_path / "a.txt").write_text("OSCE trains Kazakh police\nASTANA, 3 May 2021 – Training opened today.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials from Serbia met.", encoding="utf-8")
    assert cli_main(["extract", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["title"] == "OSCE trains Kazakh police"
    assert first["published"] == "2021-05-03"
    assert [s["iso3"] for s in json.loads(lines[1])["states"]] == ["SRB"]


def test_cli_stdin_and_schema(monkeypatch, capsys) -> None:
    """`newsie extract -` reads stdin; `newsie schema` prints the JSON Schema."""
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Kyrgyz border guards met Tajik colleagues."))
    assert cli_main(["extract", "-"]) == 0
    rel = json.loads(capsys.readouterr().out)
    assert [s["iso3"] for s in rel["states"]] == ["KGZ", "TJK"]
    assert cli_main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Release"


def test_extract_without_nlp_asks_load_once(monkeypatch, nlp) -> None:
    """`extract` without ``nlp`` uses the default pipeline, asking `newsie.load()` for it once."""
    from newsie import api

    calls = []

    def counted_load():
        calls.append(1)
        return nlp

    monkeypatch.setattr(api, "load", counted_load)
    monkeypatch.setattr(api, "_DEFAULT", [])
    first = newsie.extract("The OSCE trained police officers in Vienna.", published="2020-05-03")
    second = newsie.extract("The OSCE trained police officers in Vienna.", published="2020-05-03")
    assert calls == [1] and first == second and first.organizations


@pytest.mark.parametrize("field", ["title", "published", "url", "id", "content_type"])
def test_nan_is_a_missing_optional_field(nlp, field) -> None:
    """A NaN for an optional field (an empty DataFrame cell) counts as not given."""
    rel = newsie.extract(RELEASE, nlp=nlp, **{field: float("nan")})
    assert rel == newsie.extract(RELEASE, nlp=nlp)


def test_pandas_missing_and_dates_for_published(nlp) -> None:
    """NaT and pd.NA for `published` are no date (the dateline dates the release); a
    Timestamp and a numpy datetime64 are the day they name."""
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    for value in (pd.NaT, pd.NA, np.datetime64("NaT")):
        rel = newsie.extract(RELEASE, published=value, nlp=nlp)
        assert rel.published == dt.date(2016, 6, 2) and rel.error is None
    for value in (pd.Timestamp("2016-06-03 09:30"), np.datetime64("2016-06-03"), np.datetime64("2016-06-03T09:30:00.000000000")):
        assert newsie.extract(RELEASE, published=value, nlp=nlp).published == dt.date(2016, 6, 3)


def test_nan_text_is_a_type_error_that_says_it_is_missing() -> None:
    """A NaN text (a required field) is a TypeError that names the missing value."""
    with pytest.raises(TypeError, match=r"text must be a str, not float \(a missing value: nan\)"):
        newsie.extract(float("nan"))  # type: ignore[arg-type]


def test_load_takes_one_component_name_as_a_list_of_one() -> None:
    """A single name for enable or disable is that component, not a list of its letters."""
    assert newsie.load(disable="newsie_fields", models=False) is newsie.load(disable=["newsie_fields"], models=False)
    assert "newsie_fields" not in newsie.load(disable="newsie_fields", models=False).pipe_names
    assert "newsie_organizations" not in newsie.load(enable="newsie_states", models=False).pipe_names
    with pytest.raises(newsie.NewsieError, match=r"unknown newsie component\(s\) \['newsie_nothing'\]"):
        newsie.load(disable="newsie_nothing")


def test_load_takes_one_gazetteer_path_as_a_list_of_one(tmp_path) -> None:
    """A single gazetteer path, str or Path, is that file, not a list of its characters."""
    path = tmp_path / "steppe.json"
    path.write_text(json.dumps({"organizations": [{"id": "steppe-watch", "name": "Steppe Media Watch", "kind": "ngo", "country": "KAZ"}]}), encoding="utf-8")
    for gazetteers in (str(path), path):
        nlp = newsie.load(gazetteers=gazetteers, models=False)  # type: ignore[arg-type]
        rel = newsie.extract("Steppe Media Watch trained journalists in Almaty.", nlp=nlp)
        assert "steppe-watch" in [o.id for o in rel.organizations]


def test_item_keys_of_any_type_are_a_warning(nlp) -> None:
    """A mapping with a non-str key (an int column name) gets the ignored-keys warning, not an error."""
    rec = next(newsie.extract_many([{"text": "Serbia", 1: "a", "extra": "b"}], nlp=nlp))
    assert rec.error is None and rec.warnings == ["ignored item keys: ['1', 'extra']"]
    with pytest.raises(TypeError, match="page must be True, False or None"):
        newsie.extract("Serbia", page="yes", nlp=nlp)
