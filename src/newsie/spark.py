"""Spark: a DataFrame of releases in, a typed DataFrame of records out, on any cluster.

    >>> import newsie.spark
    >>> spark = newsie.spark.session("local[4]")   # workers run this Python; or a cluster's session
    >>> newsie.spark.extract(df).write.parquet("records/")   # columns id, title, text, published, url
    >>> events = newsie.spark.extract(df, text="body", id="key", published="day", level="events")

`extract` runs `mapInPandas`: each Python worker builds newsie's pipeline once
(`newsie.load` caches it per process) and turns its rows into the table of a level, with
the columns and types of `newsie.to_dataframe(..., level=...)`, as a Spark schema derived
from `newsie.tables.parquet_schema(level)`: dates as ``date``, counts as ``bigint``, lists as
``array<string>``. At the releases level a ``record`` column holds each whole `Release`, as
in the Parquet of ``newsie extract``, so `newsie.read_records` and ``newsie report`` read the
written folder back. A row that fails comes back with ``error`` set; none is dropped. Needs
the optional extra ``pip install 'newsie[spark]'`` and Java 17.
"""
from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .exceptions import MissingExtraError, NewsieWarning
from .frames import DefaultColumn, item_columns, partition_records, row_item
from .tables import Level, parquet_rows, parquet_schema

try:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StructType
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise MissingExtraError("newsie.spark", "spark", "pyspark") from exc

ITEM_FIELDS = ("text", "id", "title", "published", "url")


def spark_schema(level: Level) -> StructType:
    """The Spark schema of a level's table, from the schema of newsie's Parquet
    (`newsie.tables.parquet_schema`): at the releases level with the ``record`` column."""
    return from_arrow_schema(parquet_schema(level))


def session(master: str = "local[*]", *, app_name: str = "newsie", config: Mapping[str, str] | None = None) -> SparkSession:
    """A SparkSession whose Python workers run an interpreter that has newsie.

    On a local master the workers run this interpreter (``PYSPARK_PYTHON`` and
    ``spark.pyspark.python`` are set to `sys.executable` unless ``config`` names another);
    on a cluster, name the executors' Python in ``config={"spark.pyspark.python": ...}``.
    An already running session is returned as it is (Spark cannot change its Python).

    Args:
        master: e.g. "local[2]", "spark://host:7077", "yarn".
        app_name: the application name shown by Spark.
        config: more Spark settings.
    """
    settings = dict(config or {})
    if master.startswith("local"):
        settings.setdefault("spark.pyspark.python", sys.executable)
    if "spark.pyspark.python" in settings:
        # PySpark reads the workers' Python from the environment when the context starts.
        os.environ["PYSPARK_PYTHON"] = settings["spark.pyspark.python"]
    builder = SparkSession.builder.appName(app_name).master(master)
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    _check_worker_python(spark)
    return spark


def _check_worker_python(spark: SparkSession) -> None:
    sc = spark.sparkContext
    if not (sc.master or "").startswith("local"):
        return
    worker = shutil.which(sc.pythonExec) or sc.pythonExec
    if os.path.realpath(worker) != os.path.realpath(sys.executable):
        warnings.warn(
            f"this local Spark session runs Python workers with {sc.pythonExec!r}, not {sys.executable!r} "
            "(where newsie is installed): it was started before newsie could set PYSPARK_PYTHON. "
            "Start it with newsie.spark.session(), or set PYSPARK_PYTHON before creating it.",
            NewsieWarning,
            stacklevel=3,
        )


def _mapper(columns: Mapping[str, str], level: str, batch_size: int, load_options: Mapping[str, Any]) -> Callable[[Iterator[Any]], Iterator[Any]]:
    names = parquet_schema(level).names

    def run(frames: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd
        from pyspark import TaskContext

        from .batch import extract_many
        from .pipeline import load

        nlp = load(**dict(load_options))  # newsie.load caches: once per worker process
        context = TaskContext.get()
        partition, start = (context.partitionId() if context is not None else 0), 0
        for pdf in frames:  # the Arrow batches of one partition
            items = [row_item(row, columns) for row in pdf.to_dict("records")]
            records = partition_records(items, extract_many(items, nlp=nlp, batch_size=batch_size), partition, start)
            start += len(items)
            rows = [row for rel in records for row in parquet_rows(rel, level)]
            # Plain Python values (date, int, list, dict, None); Arrow casts them to the schema.
            yield pd.DataFrame([[r.get(n) for n in names] for r in rows], columns=names, dtype="object")

    return run


def extract(
    df: DataFrame,
    *,
    text: str = "text",
    id: str | None = DefaultColumn("id"),
    title: str | None = DefaultColumn("title"),
    published: str | None = DefaultColumn("published"),
    url: str | None = DefaultColumn("url"),
    level: Level = "releases",
    batch_size: int = 256,
    load_options: Mapping[str, Any] | None = None,
) -> DataFrame:
    """Extract the releases of a Spark DataFrame into the table of a level.

    Args:
        df: one release per row.
        text: the column of the text.
        id, title, published, url: the columns of the record id, the title, the publication
            date and the URL. By default the column of that name, when `df` has one (as
            ``newsie extract`` reads JSON Lines and CSV); None: absent. Without an id, one is
            derived from the url, title or text as in `newsie.extract`.
        level: "releases" (one row per input row), "events" (one per event; a release
            without events keeps one row) or "mentions".
        batch_size: documents per `nlp.pipe` batch inside a worker.
        load_options: arguments of `newsie.load` for the workers (e.g. ``gazetteers=``,
            paths that exist on the executors).

    Returns:
        A lazy DataFrame with the columns of ``newsie.to_dataframe(..., level=level)`` (at
        the releases level also ``record``, the whole `Release`, which `newsie.read_records`
        reads back from the written Parquet) and the schema `spark_schema(level)`; a row
        that failed has ``error`` set (a missing text, an id that is not a str or an
        integer: ``TypeError``), and without a usable id of its own the release id
        ``item-<partition>-<position>``.

    Raises:
        KeyError: a column named explicitly (or the text column) is not in `df`.
        ValueError: unknown level.
    """
    schema = spark_schema(level)
    columns = item_columns(dict(zip(ITEM_FIELDS, (text, id, title, published, url))), df.columns)
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    options = dict(load_options or {})
    _check_worker_python(df.sparkSession)
    selected = df.select(*dict.fromkeys(columns.values()))
    return selected.mapInPandas(_mapper(columns, level, batch_size, options), schema)


__all__ = ["extract", "session", "spark_schema"]
