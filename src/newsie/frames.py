"""Which columns of a DataFrame (Dask or Spark) hold the fields of a release.

As ``newsie extract`` reads the keys of JSON Lines and the columns of CSV, the optional
fields come from the columns named ``id``, ``title``, ``published`` and ``url`` when a frame
has them. A name given by default is a `DefaultColumn`: a frame without that column just
has no such field, while a column named explicitly must be there.
"""
from __future__ import annotations

import numbers
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from .inputs import is_bool, optional_id
from .missing import is_missing
from .records import Release


class DefaultColumn(str):
    """A column name given by default: read when the frame has it, else the field is absent."""


def item_columns(named: Mapping[str, str | None], have: Iterable[str]) -> dict[str, str]:
    """The column to read each item field from, for the fields the frame holds.

    Args:
        named: item field -> column name (None: the field is absent).
        have: the frame's columns.

    Raises:
        KeyError: a column named explicitly (not a `DefaultColumn`) is not in the frame.
    """
    have = list(have)
    missing = [c for c in named.values() if c is not None and c not in have and not isinstance(c, DefaultColumn)]
    if missing:
        raise KeyError(f"columns not in the DataFrame: {missing}; it has {have}")
    return {field: str(col) for field, col in named.items() if col is not None and col in have}


def row_item(row: Mapping[str, Any], columns: Mapping[str, str]) -> dict[str, Any]:
    """One row as an `extract_many` item: the fields of `columns` (from `item_columns`)
    that the row does not miss. A missing text (a null or NaN cell) is None, so the row's
    record has a ``TypeError``, as `extract_many` gives over ``df.to_dict("records")``; an
    empty text is an empty record. The id stays a number when it is one (`extract_many`
    writes an integer, or a whole float as pandas makes of an int column with missing
    values, in decimal, and refuses 1.5 in the row's error record); another id is its str
    (a UUID, a Timestamp)."""
    item = {key: row[col] for key, col in columns.items() if not is_missing(row[col])}
    item.setdefault("text", None)  # a missing cell, whatever the frame made of it (NaN, pd.NA)
    if "id" in item and not isinstance(item["id"], (str, numbers.Real)) and not is_bool(item["id"]):
        item["id"] = str(item["id"])  # (a bool, numpy's too, stays one: `extract_many` refuses it)
    return item


def partition_records(items: Sequence[Any], records: Iterable[Release], partition: int, start: int = 0) -> Iterator[Release]:
    """The records `extract_many` made of one partition's items, with the id of a failed
    item that has none made unique in the run: `extract_many` names it ``item-<position>``,
    and each partition numbers its items from 0, so it is ``item-<partition>-<position>``.

    Args:
        items: the partition's items (or a batch of them), in order.
        records: their records, one per item.
        partition: the partition's number.
        start: the position of the first item in its partition (of a later batch).
    """
    for pos, (item, rel) in enumerate(zip(items, records, strict=True)):
        if rel.error is not None and rel.id == f"item-{pos}" and not _has_id(item):
            rel = rel.model_copy(update={"id": f"item-{partition}-{start + pos}"})
        yield rel


def _has_id(item: Any) -> bool:
    """Whether an item gives an id of its own that `extract_many` can use."""
    try:
        return isinstance(item, Mapping) and optional_id(item.get("id")) is not None
    except TypeError:
        return False


__all__ = ["DefaultColumn", "item_columns", "partition_records", "row_item"]
