"""Tests of the one flattening per level: DataFrames, Parquet and CSV agree, and records read back."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import newsie
from newsie.cli import main
from newsie.tables import LEVELS, arrow_schema, column_names, pandas_dtypes

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ITEMS = [
    {
        "id": "r1",
        "title": "OSCE trains Kazakh police",
        "published": "2021-05-03",
        "text": "ASTANA, 3 May 2021 – A two-day training course for 30 police officers from Kazakhstan and "
        "Kyrgyzstan opened today in Astana, organized by the OSCE Programme Office in Astana.",
    },
    {
        "id": "r2",
        "title": "Secretary General visits Serbia",
        "published": "2022-10-12",
        "text": "BELGRADE, 12 October 2022 – The OSCE Secretary General Helga Maria Schmid visited Belgrade "
        "today and met the Minister of Foreign Affairs of Serbia.",
    },
    {"id": "r3", "text": "Nothing to report."},
    {"id": "r4", "text": 42},  # a failed record keeps its row at every level
]


@pytest.fixture(scope="module")
def records(nlp) -> list[newsie.Release]:
    return list(newsie.extract_many(ITEMS, nlp=nlp))


@pytest.fixture(scope="module")
def jsonl(records, tmp_path_factory) -> Path:
    """The records as JSON Lines, alone in their folder."""
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def items(tmp_path_factory) -> Path:
    """The input items as JSON Lines for `newsie extract`."""
    path = tmp_path_factory.mktemp("items") / "items.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in ITEMS), encoding="utf-8")
    return path


def _cli(argv: list[str], status: int = 1) -> None:
    """Run `newsie` (ITEMS hold one failing record: exit status 1)."""
    assert main(argv) == status


@pytest.mark.parametrize("level", LEVELS)
def test_parquet_and_csv_equal_the_dataframe(records, items, tmp_path, level) -> None:
    """Parquet and CSV written by the CLI read back equal to `to_dataframe` of the same records, per level."""
    expected = newsie.to_dataframe(records, level=level)
    for suffix in (".parquet", ".csv"):
        out = tmp_path / f"out{suffix}"
        _cli(["extract", str(items), "-o", str(out), "--level", level, "-q"])
        got = newsie.read_records(out, as_="frame", level=level)
        assert got["source"].notna().all()  # the CLI records where each input was read
        pd.testing.assert_frame_equal(got.drop(columns="source"), expected.drop(columns="source"))


def test_parquet_is_typed_with_a_stable_schema(items, tmp_path) -> None:
    """Parquet columns have the level's Arrow types (dates, integers, lists), whatever the content."""
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"id": "x", "text": "Nothing here."}) + "\n", encoding="utf-8")
    schemas = []
    for src, status in ((one, 0), (items, 1)):
        out = tmp_path / f"{src.stem}.parquet"
        _cli(["extract", str(src), "-o", str(out), "--level", "events", "-q"], status)
        schemas.append(pq.read_schema(out).remove_metadata())
    assert len(schemas) == 2 and all(s.equals(arrow_schema("events")) for s in schemas)
    types = {f.name: f.type for f in arrow_schema("events")}
    assert types["start"] == pa.date32() and types["participants"] == pa.int64()
    assert types["states"] == pa.list_(pa.string()) and types["confidence"] == pa.float64()


def test_read_records_round_trips_jsonl_and_parquet(records, jsonl, items, tmp_path) -> None:
    """read_records gives back the very records from JSON Lines and from releases-level Parquet."""
    assert newsie.read_records(jsonl) == records
    out = tmp_path / "out.parquet"
    _cli(["extract", str(items), "-o", str(out), "-q"])
    back = newsie.read_records(out)
    assert all(r.source is not None for r in back)  # the CLI records where each input was read
    assert [r.model_copy(update={"source": None}) for r in back] == records
    frame = newsie.read_records(out, as_="frame", level="mentions").drop(columns="source")
    assert frame.equals(newsie.to_dataframe(records, level="mentions").drop(columns="source"))


def test_read_records_frames_and_folders(records, jsonl) -> None:
    """A JSON Lines file or a folder of them reads as the frame `to_dataframe` gives."""
    frame = newsie.read_records(jsonl, as_="frame", level="events")
    pd.testing.assert_frame_equal(frame, newsie.to_dataframe(records, level="events"))
    assert len(newsie.read_records(jsonl.parent)) == len(records)


def test_a_folder_of_records_skips_unfinished_job_folders(records, jsonl, tmp_path) -> None:
    """Spark's and Hadoop's ``_temporary/`` (an unfinished job's files) and hidden folders
    are not read as records of a folder."""
    folder = tmp_path / "out"
    (folder / "_temporary" / "0").mkdir(parents=True)
    (folder / ".ipynb_checkpoints").mkdir()
    for place in (folder / "part-0.jsonl", folder / "_temporary" / "0" / "part-0.jsonl", folder / ".ipynb_checkpoints" / "part-0.jsonl"):
        place.write_bytes(jsonl.read_bytes())
    assert len(newsie.read_records(folder)) == len(records)


def test_to_dataframe_accepts_dicts(records) -> None:
    """Dicts read back from JSON Lines give the same frame as the records."""
    dicts = [json.loads(r.model_dump_json()) for r in records]
    for level in LEVELS:
        pd.testing.assert_frame_equal(newsie.to_dataframe(dicts, level=level), newsie.to_dataframe(records, level=level))


def test_every_record_keeps_a_row(records) -> None:
    """A release without events or mentions, and a failed one, keep one row at every level."""
    for level in LEVELS:
        df = newsie.to_dataframe(records, level=level)
        assert set(df["release_id"]) == {"r1", "r2", "r3", "r4"}
        assert df.loc[df["release_id"] == "r4", "error"].str.startswith("TypeError").all()
    events = newsie.to_dataframe(records, level="events")
    assert events.loc[events["release_id"] == "r4", "states"].iloc[0] == []


def test_concatenated_chunks_keep_their_dtypes(records) -> None:
    """Frames of separate chunks concatenate without losing categories, dates or nullable integers."""
    for level in LEVELS:
        chunks = [newsie.to_dataframe(records[:1], level=level), newsie.to_dataframe(records[1:], level=level)]
        whole = pd.concat(chunks, ignore_index=True)
        assert dict(whole.dtypes) == pandas_dtypes(level) == dict(newsie.to_dataframe([], level=level).dtypes)
        assert list(whole.columns) == column_names(level)
    events = newsie.to_dataframe(records, level="events")
    assert isinstance(events["country"].dtype, pd.CategoricalDtype) and "XKX" in events["country"].cat.categories
    assert events["participants"].dtype == "Int64" and events.loc[0, "participants"] == 30


def test_a_typed_frame_conforms_again_unchanged() -> None:
    """Conforming a frame that is already typed keeps its missing cells missing (pd.NA, NaT), not "<NA>" or a TypeError."""
    from newsie.tables import conform, to_frame

    typed = to_frame([{"release_id": "r1", "event_id": "e1"}], "events")
    assert typed.loc[0, "city"] is pd.NA and typed.loc[0, "participants"] is pd.NA and typed.loc[0, "start"] is pd.NaT
    pd.testing.assert_frame_equal(conform(typed, "events"), typed)


def test_unknown_code_is_kept_with_a_warning() -> None:
    """A code outside the built-in list (a user's own State) is kept and a warning says so."""
    rel = newsie.Release(id="u", events=[newsie.Event(id="e", location=newsie.Location(city="Nowhere", country="QQQ"))])
    with pytest.warns(newsie.exceptions.NewsieWarning, match="QQQ"):
        df = newsie.to_dataframe(rel, level="events")
    assert df.loc[0, "country"] == "QQQ"


def test_a_date_outside_what_pandas_holds_is_nat_with_a_warning() -> None:
    """A publication date before 1677 (a database's placeholder, an old archive) is NaT in
    the datetime64[ns] column with a warning, not an OutOfBoundsDatetime for the whole frame."""
    old = newsie.extract("A meeting was held today in Vienna.", published="1650-01-01")
    new = newsie.extract("A meeting was held today in Vienna.", published="2021-05-03")
    with pytest.warns(newsie.exceptions.NewsieWarning, match="1 date.*outside what datetime64"):
        frame = newsie.to_dataframe([old, new], level="releases")
    assert str(frame["published"].dtype) == "datetime64[ns]"
    assert frame["published"].isna().tolist() == [True, False] and old.published.isoformat() == "1650-01-01"


def test_csv_joins_lists_with_a_pipe(items, tmp_path) -> None:
    """CSV list cells join items with '|' and an empty list is an empty cell."""
    out = tmp_path / "rel.csv"
    _cli(["extract", str(items), "-o", str(out), "--level", "releases", "-q"])
    raw = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert raw.loc[0, "states"] == "KAZ|KGZ" and raw.loc[2, "states"] == ""


def test_read_records_errors(tmp_path, records) -> None:
    """A flat table asked for records (naming its level), a line that is no record, and a missing path give clear errors."""
    flat = tmp_path / "ev.parquet"
    pq.write_table(pa.Table.from_pylist([], schema=arrow_schema("events")), flat)
    with pytest.raises(newsie.RecordsFileError, match="a flat 'events' table holds no whole records: read it with as_='frame', level='events'"):
        newsie.read_records(flat)
    releases = tmp_path / "rel.parquet"
    pq.write_table(pa.Table.from_pylist([], schema=arrow_schema("releases")), releases)
    with pytest.raises(newsie.RecordsFileError, match="a releases table without the 'record' column"):
        newsie.read_records(releases)
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"x": [1]}), other)
    with pytest.raises(newsie.RecordsFileError, match="not a table newsie wrote"):
        newsie.read_records(other)
    with pytest.raises(newsie.RecordsFileError, match="level"):
        newsie.read_records(flat, as_="frame", level="mentions")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(records[0].model_dump_json() + "\n" + json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(newsie.RecordsFileError, match=r"bad.jsonl:2"):
        newsie.read_records(bad)
    with pytest.raises(FileNotFoundError):
        newsie.read_records(tmp_path / "none.jsonl")


@pytest.mark.parametrize("level", ["releases", "events", "mentions"])
def test_the_readme_lists_every_column_of_each_level(level: str) -> None:
    """README's table of levels names each level's columns, in order, as `newsie.tables` makes them."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith(f"| `{level}` |"))
    documented = re.findall(r"`([a-z_0-9]+)`", row.split("|")[3])
    assert documented == list(column_names(level))


def test_read_records_reads_a_table_at_the_level_it_was_written_at(records, jsonl, items, tmp_path) -> None:
    """Without level=, a frame is the table as written: the CLI's default CSV (events) and a mentions Parquet at their
    own level, whole records (JSON Lines) at the releases level; a folder of tables of two levels asks for one."""
    csv_out, parquet_out = tmp_path / "run" / "out.csv", tmp_path / "run" / "out.parquet"
    csv_out.parent.mkdir()
    _cli(["extract", str(items), "-o", str(csv_out), "-q"])
    _cli(["extract", str(items), "-o", str(parquet_out), "--level", "mentions", "-q"])
    for path, level in ((csv_out, "events"), (parquet_out, "mentions"), (jsonl, "releases")):
        got = newsie.read_records(path, as_="frame").drop(columns="source")
        pd.testing.assert_frame_equal(got, newsie.to_dataframe(records, level=level).drop(columns="source"))
    _cli(["extract", str(items), "-o", str(tmp_path / "run" / "events.parquet"), "--level", "events", "-q"])
    with pytest.raises(newsie.RecordsFileError, match=r"levels \['events', 'mentions'\]: pass level="):
        newsie.read_records(csv_out.parent, as_="frame")
