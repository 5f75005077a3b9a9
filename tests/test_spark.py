"""Tests of `newsie.spark` on a local[2] Spark session (skipped without pyspark or Java)."""
from __future__ import annotations

import datetime as dt
import shutil
import sys
import warnings
from types import SimpleNamespace

import pytest

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 (Debian package openjdk-17-jre-headless)", allow_module_level=True)

from pyspark.sql import types as T  # noqa: E402

import newsie  # noqa: E402
import newsie.spark as nspark  # noqa: E402
from newsie.exceptions import NewsieWarning  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")]

ROWS = [
    ("k1", "Kazakh police officers completed a three-day training course in Almaty on 12 May 2021.", "OSCE trains police", dt.date(2021, 5, 14)),
    ("k2", "The OSCE Mission to Serbia handed over IT equipment to the Ministry of Interior in Belgrade.", None, dt.date(2021, 6, 1)),
    ("k3", "", None, None),
    ("k4", "Officials from Tajikistan and Afghanistan met in Dushanbe to discuss border co-operation.", "Border talks", dt.date(2021, 7, 2)),
    ("k5", None, "A row without text", None),
    ("k6", "The OSCE Representative on Freedom of the Media issued a statement on the detention of journalists.", None, dt.date(2022, 1, 10)),
    ("k7", "A new OSCE handbook on community policing was launched today in Skopje.", None, dt.date(2022, 2, 3)),
    ("k8", "The OSCE Chairperson-in-Office appointed a new Head of the Mission to Moldova.", None, dt.date(2022, 3, 4)),
    ("k9", "Twenty-five young people from Armenia took part in a workshop on media literacy in Yerevan.", None, dt.date(2022, 4, 5)),
    ("k10", "Ukraine and the OSCE signed a memorandum of understanding on demining in Kyiv.", None, dt.date(2022, 5, 6)),
    ("k11", "OSCE observers will monitor the parliamentary elections in Georgia.", None, dt.date(2022, 6, 7)),
    ("k12", "Police from Montenegro and Albania met in Podgorica on 8 July 2022.", None, dt.date(2022, 7, 8)),
]
SCHEMA = "key string, body string, headline string, day date"


@pytest.fixture(scope="session")
def spark():
    session = nspark.session(
        "local[2]", app_name="newsie-tests",
        config={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2", "spark.driver.host": "127.0.0.1",
                "spark.driver.bindAddress": "127.0.0.1"},
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def df(spark):
    return spark.createDataFrame(ROWS, SCHEMA).repartition(2)


@pytest.fixture(scope="module")
def reference(nlp):
    items = [{k: v for k, v in (("id", key), ("text", text), ("title", title), ("published", day)) if v is not None} for key, text, title, day in ROWS]
    for item in items:
        item.setdefault("text", None)
    return {r.id: r for r in newsie.extract_many(items, nlp=nlp)}


def extract(df, level):
    return nspark.extract(df, text="body", id="key", title="headline", published="day", level=level)


def test_session_workers_run_this_python(spark) -> None:
    """The local session's Python workers run the interpreter newsie is installed in."""
    assert spark.sparkContext.pythonExec == sys.executable
    assert spark.sparkContext.master == "local[2]"


def test_releases_one_row_per_input_typed(df, reference) -> None:
    """Releases: one row per input row, typed columns, the same main event types as extract_many."""
    out = extract(df, "releases")
    assert out.columns == [*newsie.to_dataframe([], level="releases").columns.tolist(), "record"]
    types = dict((f.name, f.dataType) for f in out.schema.fields)
    assert types["published"] == T.DateType() and types["n_events"] == T.LongType()
    assert isinstance(types["states"], T.ArrayType) and types["states"].elementType == T.StringType()
    rows = {r["release_id"]: r for r in out.collect()}
    assert sorted(rows) == sorted(reference)
    for rid, rel in reference.items():
        assert rows[rid]["main_event"] == (rel.events[0].type if rel.events else None), rid
        assert rows[rid]["n_events"] == len(rel.events)
        assert rows[rid]["states"] == [s.iso3 for s in rel.states]
        assert rows[rid]["published"] == rel.published
    assert rows["k5"]["error"] and rows["k5"]["error"].startswith("TypeError")
    assert rows["k3"]["error"] is None and rows["k3"]["n_events"] == 0


def test_events_same_types_as_extract_many(df, reference) -> None:
    """Events: the same event types, dates and participant counts per release as extract_many."""
    out = extract(df, "events")
    types = dict((f.name, f.dataType) for f in out.schema.fields)
    assert types["start"] == T.DateType() and types["participants"] == T.LongType() and types["confidence"] == T.DoubleType()
    got: dict[str, list] = {}
    for r in out.orderBy("release_id", "event_id").collect():
        got.setdefault(r["release_id"], []).append((r["type"], r["start"], r["participants"]) if r["event_id"] else None)
    want = {rid: sorted([(e.type, e.start, e.participants) for e in rel.events], key=str) or [None] for rid, rel in reference.items()}
    assert {k: sorted(v, key=str) for k, v in got.items()} == want


def test_mentions_and_bad_arguments(df) -> None:
    """Mentions have integer offsets; a missing column or an unknown level is refused before any job."""
    out = extract(df, "mentions")
    assert dict((f.name, f.dataType) for f in out.schema.fields)["start_char"] == T.LongType()
    assert out.filter("label = 'state'").count() > 0
    with pytest.raises(KeyError, match="nope"):
        nspark.extract(df, text="nope")
    with pytest.raises(ValueError, match="level"):
        nspark.extract(df, text="body", id="key", level="paragraphs")  # type: ignore[arg-type]


def test_schema_of_every_level_matches_to_dataframe() -> None:
    """Each level's Spark schema has the columns of to_dataframe (and at the releases level the record column of
    newsie's Parquet), with dates as date and lists as arrays."""
    for level in ("releases", "events", "mentions"):
        schema = nspark.spark_schema(level)
        record = ["record"] if level == "releases" else []
        assert schema.fieldNames() == [*newsie.to_dataframe([], level=level).columns.tolist(), *record]
        kinds = {f.name: f.dataType for f in schema.fields}
        assert kinds["published"] == T.DateType() and kinds["release_id"] == T.StringType()
    assert isinstance(nspark.spark_schema("releases")["fields_of_work"].dataType, T.ArrayType)


STANDARD = "id string, title string, text string, published date, url string"
DONATION = "The OSCE Mission to Serbia handed over IT equipment to the Ministry of Interior today in Belgrade."


def test_standard_columns_are_read_by_default(spark) -> None:
    """A frame with the columns id, title, text, published and url gives releases with each, "today" dated by the
    publication date; a standard column the frame lacks is an absent field, a column named explicitly that it lacks
    a KeyError, and None leaves a column out."""
    df = spark.createDataFrame([("rs-1", "OSCE donates equipment", DONATION, dt.date(2021, 6, 1), "https://www.osce.org/a")], STANDARD)
    got = [(r.release_id, r.title, r.published, r.url, r.type, r.start) for r in nspark.extract(df, level="events").collect()]
    assert got == [("rs-1", "OSCE donates equipment", dt.date(2021, 6, 1), "https://www.osce.org/a", "donation", dt.date(2021, 6, 1))]
    bare = df.select("text")
    row = nspark.extract(bare).collect()[0]
    assert row.release_id.startswith("nw-") and (row.title, row.published, row.url) == (None, None, None)
    assert nspark.extract(df, title=None).collect()[0].title is None
    for named in ({"id": "id"}, {"title": "headline"}, {"published": "day"}, {"url": "link"}):
        with pytest.raises(KeyError, match=next(iter(named.values()))):
            nspark.extract(bare, **named)


def test_releases_written_to_parquet_come_back_as_records(df, reference, tmp_path) -> None:
    """Releases that Spark writes to a folder of Parquet parts (with _SUCCESS and .crc files) read back as the records
    of extract_many, with newsie.read_records and newsie report; an events table says how to read it instead."""
    out = tmp_path / "records"
    extract(df, "releases").write.parquet(str(out))
    assert (out / "_SUCCESS").exists() and list(out.glob(".*.crc"))
    assert {r.id: r for r in newsie.read_records(out)} == reference
    frame = newsie.read_records(out, as_="frame")
    assert frame.columns.tolist() == newsie.to_dataframe([], level="releases").columns.tolist()
    assert sorted(frame["release_id"]) == sorted(reference)
    events = tmp_path / "events"
    extract(df, "events").write.parquet(str(events))
    with pytest.raises(newsie.RecordsFileError, match=r"a flat 'events' table .* as_='frame', level='events'"):
        newsie.read_records(events)
    assert set(newsie.read_records(events, as_="frame", level="events")["release_id"]) == set(reference)
    pytest.importorskip("matplotlib")
    pytest.importorskip("jinja2")
    from newsie.cli import main

    page = tmp_path / "report.html"
    assert main(["report", str(out), "-o", str(page)]) == 0
    assert f'id="n-releases">{len(ROWS)}<' in page.read_text(encoding="utf-8")


def test_warns_when_local_workers_run_another_python() -> None:
    """A local session whose workers run another Python gives a NewsieWarning; a cluster's does not."""
    def fake(master: str, python: str):
        return SimpleNamespace(sparkContext=SimpleNamespace(master=master, pythonExec=python))

    with pytest.warns(NewsieWarning, match="PYSPARK_PYTHON"):
        nspark._check_worker_python(fake("local[2]", "/usr/bin/python3-elsewhere"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nspark._check_worker_python(fake("yarn", "/opt/other/python"))
        nspark._check_worker_python(fake("local[2]", sys.executable))


def test_bool_ids_are_typed_error_records_with_ids_unique_in_the_run(spark) -> None:
    """A bool id is each row's TypeError record, and failed rows without a usable id get ids unique across
    partitions (extract_many's item-<position> would repeat in each)."""
    rows = [(i % 2 == 0, DONATION) for i in range(6)] + [(None, None)]
    df = spark.createDataFrame(rows, "id boolean, text string").repartition(3)
    got = nspark.extract(df).select("release_id", "error").collect()
    assert len(got) == 7 and len({r.release_id for r in got}) == 7
    assert all(r.error.startswith("TypeError: ") for r in got)
    assert sum("flags is no id" in r.error for r in got) == 6
