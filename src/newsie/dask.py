"""Dask: map a bag or DataFrame of releases to plain-dict records, across a cluster.

Each worker process builds newsie's pipeline once (``newsie.load`` caches it per process)
and returns JSON-ready dicts (``Release.model_dump(mode="json")``), so results travel as
plain data and Docs never cross processes. Needs the optional extra: ``pip install
'newsie[dask]'``.

    >>> import dask.bag as db, newsie.dask
    >>> records = newsie.dask.extract_bag(db.from_sequence(texts, npartitions=8)).compute()
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .exceptions import MissingExtraError
from .frames import DefaultColumn, item_columns, partition_records, row_item

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise MissingExtraError("newsie.dask", "dask", "dask") from exc


def _partition(items: Iterable[Any], number: Iterable[int], load_options: Mapping[str, Any], batch_size: int) -> list[dict[str, Any]]:
    from .batch import extract_many
    from .pipeline import load

    nlp = load(**dict(load_options))  # cached: built once per worker process
    items = list(items)
    records = partition_records(items, extract_many(items, nlp=nlp, batch_size=batch_size), next(iter(number)))
    return [r.model_dump(mode="json") for r in records]


def extract_bag(bag: db.Bag, *, batch_size: int = 256, load_options: Mapping[str, Any] | None = None) -> db.Bag:
    """A bag of record dicts, one per item of `bag` (str or dict items, as `extract_many`).

    A failed item without an id of its own gets ``item-<partition>-<position>`` (as
    `extract_many`'s ``item-<position>``, which would repeat in every partition)."""
    numbers = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)  # one per partition
    return bag.map_partitions(_partition, numbers, dict(load_options or {}), batch_size)


def extract_dataframe(
    ddf: Any,
    *,
    text: str = "text",
    id: str | None = DefaultColumn("id"),
    title: str | None = DefaultColumn("title"),
    published: str | None = DefaultColumn("published"),
    url: str | None = DefaultColumn("url"),
    batch_size: int = 256,
    load_options: Mapping[str, Any] | None = None,
) -> db.Bag:
    """A bag of record dicts from a Dask DataFrame's columns (one record per row, in order).

    A row whose text is missing (null, NaN) gives a record with a ``TypeError`` error, as
    `extract_many` over ``df.to_dict("records")`` and `newsie.spark.extract` do; an empty
    text gives an empty record.

    Args:
        ddf: one release per row.
        text: the column of the text.
        id, title, published, url: the columns of the record id, the title, the publication
            date and the URL. By default the column of that name, when `ddf` has one (as
            ``newsie extract`` reads JSON Lines and CSV); None: absent. Without an id, one is
            derived from the url, title or text as in `newsie.extract`.
        batch_size: documents per `nlp.pipe` batch inside a worker.
        load_options: arguments of `newsie.load` for the workers.

    Raises:
        KeyError: a column named explicitly (or the text column) is not in `ddf`.
    """
    columns = item_columns({"text": text, "id": id, "title": title, "published": published, "url": url}, ddf.columns)

    def to_item(row: Mapping[str, Any]) -> dict[str, Any]:
        item = row_item(row, columns)
        if "published" in item and hasattr(item["published"], "isoformat"):
            item["published"] = item["published"].isoformat()
        return item

    return extract_bag(ddf.to_bag(format="dict").map(to_item), batch_size=batch_size, load_options=load_options)
