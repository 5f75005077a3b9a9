"""Tests of `newsie.dask` on a local cluster of two worker processes."""
from __future__ import annotations

import pytest

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")

import newsie  # noqa: E402
import newsie.dask as ndask  # noqa: E402

TEXTS = [
    "Kazakh police officers completed a training course in Almaty.",
    "The OSCE Mission to Serbia handed over equipment to the police.",
    "",
    "Officials from Tajikistan and Afghanistan met in Dushanbe.",
] * 5


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_bag_of_texts_on_two_worker_processes(client) -> None:
    """A bag of texts maps to plain-dict records, one per text, in order, on 2 processes."""
    records = ndask.extract_bag(db.from_sequence(TEXTS, npartitions=4)).compute()
    assert len(records) == len(TEXTS)
    assert all(isinstance(r, dict) for r in records)
    assert [[s["iso3"] for s in r["states"]] for r in records[:4]] == [["KAZ"], ["SRB"], [], ["TJK", "AFG"]]
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2


def test_dataframe_columns(client) -> None:
    """DataFrame rows map to records with their ids, titles and dates."""
    pdf = pd.DataFrame({"key": [f"r{i}" for i in range(6)], "body": TEXTS[:6], "day": [f"2021-05-0{i + 1}" for i in range(6)]})
    ddf = dd.from_pandas(pdf, npartitions=3)
    records = ndask.extract_dataframe(ddf, text="body", id="key", published="day").compute()
    assert [r["id"] for r in records] == list(pdf["key"])
    assert records[0]["published"] == "2021-05-01"
    with pytest.raises(KeyError, match="nope"):
        ndask.extract_dataframe(ddf, text="nope")


def test_dataframe_missing_cells_of_any_kind(client) -> None:
    """Empty cells of a nullable string or date column (pd.NA, NaT) are absent fields, not errors."""
    pdf = pd.DataFrame({
        "body": TEXTS[:2],
        "head": pd.array(["Police training in Almaty", pd.NA], dtype="string"),
        "day": pd.to_datetime(["2021-05-01", None]),
    })
    records = ndask.extract_dataframe(dd.from_pandas(pdf, npartitions=1), text="body", title="head", published="day").compute()
    assert [r["error"] for r in records] == [None, None]
    assert [r["title"] for r in records] == ["Police training in Almaty", None]
    assert [r["published"] for r in records] == ["2021-05-01", None]


def test_dataframe_standard_columns_are_read_by_default(client, nlp) -> None:
    """A frame with the columns id, title, text, published and url gives records with each, as extract_many does."""
    pdf = pd.DataFrame({
        "id": ["rs-1", "kz-1"],
        "title": ["OSCE donates equipment", "Police trained in Almaty"],
        "text": ["The OSCE Mission to Serbia handed over IT equipment to the Ministry of Interior today in Belgrade.", TEXTS[0]],
        "published": ["2021-06-01", "2021-05-14"],
        "url": ["https://www.osce.org/a", "https://www.osce.org/b"],
    })
    records = ndask.extract_dataframe(dd.from_pandas(pdf, npartitions=2)).compute()
    assert [r["id"] for r in records] == ["rs-1", "kz-1"]
    assert [r["title"] for r in records] == list(pdf["title"])
    assert [r["published"] for r in records] == ["2021-06-01", "2021-05-14"]
    assert [r["url"] for r in records] == list(pdf["url"])
    assert records[0]["events"][0]["start"] == "2021-06-01"  # "today", dated by the publication date
    expected = [r.model_dump(mode="json") for r in newsie.extract_many(pdf.to_dict("records"), nlp=nlp)]
    assert [r["events"] for r in records] == [r["events"] for r in expected]


def test_dataframe_default_columns_absent_explicit_ones_required(client) -> None:
    """A standard column the frame lacks is an absent field; a named column it lacks is a KeyError; None leaves one out."""
    pdf = pd.DataFrame({"text": TEXTS[:2], "title": ["Police trained in Almaty", "Equipment for Serbia"]})
    ddf = dd.from_pandas(pdf, npartitions=1)
    records = ndask.extract_dataframe(ddf).compute()
    assert [r["title"] for r in records] == list(pdf["title"]) and [r["published"] for r in records] == [None, None]
    assert all(r["id"].startswith("nw-") for r in records)
    assert [r["title"] for r in ndask.extract_dataframe(ddf, title=None).compute()] == [None, None]
    for named in ({"published": "published"}, {"id": "key"}, {"url": "link"}):
        with pytest.raises(KeyError, match=next(iter(named.values()))):
            ndask.extract_dataframe(ddf, **named)


def test_dataframe_missing_text_is_an_error_record_as_in_extract_many(client, nlp) -> None:
    """A null or NaN text gives the row's record a TypeError, as extract_many over the pandas rows does; "" is an empty record."""
    pdf = pd.DataFrame({"id": ["m1", "m2", "m3", "m4"], "text": [TEXTS[0], None, float("nan"), ""]}, dtype="object")
    records = ndask.extract_dataframe(dd.from_pandas(pdf, npartitions=2)).compute()
    expected = [r.model_dump(mode="json") for r in newsie.extract_many(pdf.to_dict("records"), nlp=nlp)]
    assert [r["id"] for r in records] == ["m1", "m2", "m3", "m4"]
    kinds = [[r["error"]["type"] if r["error"] else None for r in rs] for rs in (records, expected)]
    assert kinds[0] == kinds[1] == [None, "TypeError", "TypeError", None]
    assert all(r["error"]["message"].startswith("text must be a str") for r in records[1:3])
    assert records[3]["text"] == "" and records[3]["states"] == []


def test_bool_ids_are_typed_error_records_with_ids_unique_in_the_run(client) -> None:
    """A bool id is each row's TypeError record (one per row, no partition lost), and failed rows without a usable
    id get ids unique across partitions (extract_many's item-<position> would repeat in each)."""
    pdf = pd.DataFrame({"id": [True, False, True, False], "text": TEXTS[:4]})
    records = ndask.extract_dataframe(dd.from_pandas(pdf, npartitions=2)).compute()
    assert len(records) == 4 and len({r["id"] for r in records}) == 4
    assert all(r["error"]["type"] == "TypeError" and "flags is no id" in r["error"]["message"] for r in records)
    bag = db.from_sequence([TEXTS[0], None, TEXTS[1], None], npartitions=2)
    ids = [r["id"] for r in ndask.extract_bag(bag).compute()]
    assert ids[1] != ids[3] and ids[1].startswith("item-") and ids[3].startswith("item-")
