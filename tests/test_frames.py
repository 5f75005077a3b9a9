"""Tests of `newsie.frames`: the row-to-item step and the records of one partition, shared by Dask and Spark."""
from __future__ import annotations

import pytest

import newsie
from newsie.frames import partition_records, row_item

COLUMNS = {"text": "body", "id": "key"}


def test_a_bool_id_stays_a_bool_so_extract_many_refuses_it() -> None:
    """A bool id (Python's or numpy's) is not written as "True": the row's record is a TypeError naming it."""
    np = pytest.importorskip("numpy")
    for flag in (True, np.bool_(False)):
        item = row_item({"body": "Police met in Vienna.", "key": flag}, COLUMNS)
        assert item["id"] is flag
        with pytest.raises(TypeError, match="flags is no id"):
            newsie.extract(item["text"], id=item["id"])


def test_a_missing_text_is_none_and_an_empty_one_is_kept() -> None:
    """A NaN or None text cell is None in the item (the row's TypeError record); "" stays ""."""
    assert row_item({"body": float("nan"), "key": "a"}, COLUMNS) == {"text": None, "id": "a"}
    assert row_item({"body": "", "key": None}, COLUMNS) == {"text": ""}


def test_failed_items_without_an_id_get_ids_unique_in_the_run(nlp) -> None:
    """A failed item without a usable id is item-<partition>-<position>; one with its own id keeps it."""
    items = [{"text": None}, {"text": "Police met in Vienna."}, {"id": "item-2", "text": None}, {"id": True, "text": "x"}]
    got = list(partition_records(items, newsie.extract_many(items, nlp=nlp), partition=3, start=10))
    assert [r.id for r in got][::2] == ["item-3-10", "item-2"] and got[3].id == "item-3-13"
    assert got[1].id.startswith("nw-") and got[1].error is None
