"""One flattening of records per level: `releases`, `events` and `mentions`.

Each level is a declared list of typed columns. The same rows become a pandas DataFrame
(`to_frame`), an Arrow table (`arrow_schema`, for Parquet and Spark) or CSV cells
(`csv_row`), so `newsie.to_dataframe`, `newsie extract -o out.parquet|out.csv` and
`newsie.read_records` agree column for column and type for type.

Column kinds and their types:

============  ======================  ==================  =========================
kind          pandas                  Arrow / Parquet     CSV cell
============  ======================  ==================  =========================
``str``       ``string``              ``string``          text (whitespace runs
                                                          become one space)
``cat``       fixed ``category``      ``string``          text
``date``      ``datetime64[ns]``      ``date32``          ISO date
``int``       ``Int64`` (nullable)    ``int64``           digits
``float``     ``float64``             ``float64``         decimal
``list``      ``object`` (lists)      ``list<string>``    items joined with ``|``
============  ======================  ==================  =========================

Every release has at least one row at every level: a release without events (or
mentions), and a failed one, keeps one row whose event (mention) columns are empty, so
no record is silently lost from a table.
"""
from __future__ import annotations

import datetime as dt
import types
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .customtypes import CAMEO_ROOTS, EVENT_TYPES, MENTION_LABELS, PLOVER_CODES, TEXT_FIELDS
from .exceptions import MissingExtraError, NewsieWarning, RecordsFileError
from .missing import is_missing
from .records import Release

Level = Literal["releases", "events", "mentions"]
Kind = Literal["str", "cat", "date", "int", "float", "list"]
LEVELS: tuple[str, ...] = ("releases", "events", "mentions")
LIST_SEP = "|"
RECORD_COLUMN = "record"  # Parquet at the releases level: the whole Release of each row


@dataclass(frozen=True)
class Column:
    """One typed column of a level's table."""

    name: str
    kind: Kind
    doc: str
    categories: tuple[str, ...] | None = None


@lru_cache(maxsize=1)
def country_codes() -> tuple[str, ...]:
    """Every ISO3 code a record may carry: ISO 3166-1, historical States, and the gazetteer's own."""
    from .kb.states import country_codes as kb_codes

    return tuple(sorted(kb_codes()))


def _columns(level: str) -> tuple[Column, ...]:
    release = (
        Column("release_id", "str", "the release's id"),
        Column("title", "str", "headline"),
        Column("published", "date", "publication date"),
        Column("url", "str", "the release's web address, when the input gives one (a file's path is in source)"),
        Column("source", "str", "input position of a `newsie extract` record: 'file:line@sha1'"),
    )
    error = Column("error", "str", "'Type: message' when the record failed, else empty")
    if level == "releases":
        return (
            *release,
            Column("content_type", "str", "the site's label of the item ('Press release', 'News', ...)"),
            Column("issuer", "list", "issuing bodies"),
            Column("fields_of_work", "list", "OSCE fields of work"),
            Column("states", "list", "ISO3 codes of the States"),
            Column("organizations", "list", "organization names (fullest form)"),
            Column("officials", "list", "official names"),
            Column("main_event", "cat", "type of the main event", EVENT_TYPES),
            Column("n_events", "int", "number of events"),
            Column("dateline_city", "str", "city of the dateline"),
            error,
            Column("warnings", "list", "warnings on the record"),
        )
    if level == "events":
        return (
            *release,
            Column("event_id", "str", "the event's id"),
            Column("type", "cat", "event type", EVENT_TYPES),
            Column("start", "date", "first day"),
            Column("end", "date", "last day"),
            Column("city", "str", "where it took place"),
            Column("country", "cat", "ISO3 of the country of the city", country_codes()),
            Column("country_at_date", "cat", "ISO3 of the State of that time (SCG for Belgrade in 2004)", country_codes()),
            Column("participants", "int", "number of participants"),
            Column("trigger", "str", "the words that typed the event"),
            Column("confidence", "float", "confidence of the type"),
            Column("plover", "cat", "PLOVER event code", PLOVER_CODES),
            Column("cameo", "cat", "CAMEO root code", CAMEO_ROOTS),
            Column("states", "list", "ISO3 codes of the States in the event"),
            Column("organizations", "list", "organizations in the event"),
            Column("officials", "list", "officials in the event"),
            Column("fields_of_work", "list", "the release's OSCE fields of work"),
            error,
        )
    if level == "mentions":
        return (
            *release,
            Column("label", "cat", "what was mentioned", MENTION_LABELS),
            Column("entity", "str", "State, organization or official name; ISO start date of a date"),
            Column("code", "str", "ISO3 of a State, gazetteer id of an organization, office of an official, granularity of a date"),
            Column("text", "str", "the words as written"),
            Column("field", "cat", "title or text", TEXT_FIELDS),
            Column("start_char", "int", "offset of the first character in that field"),
            Column("end_char", "int", "offset after the last character"),
            error,
        )
    raise ValueError(f"level must be 'releases', 'events' or 'mentions', not {level!r}")


@cache
def columns(level: str) -> tuple[Column, ...]:
    """The declared columns of a level, in table order.

    Raises:
        ValueError: unknown level.
    """
    return _columns(level)


def column_names(level: str) -> list[str]:
    """The column names of a level, in order."""
    return [c.name for c in columns(level)]


# ---------------------------------------------------------------------------- rows


def as_release(record: Release | Mapping[str, Any]) -> Release:
    """A `Release` from a record or its dict form (a line read back from JSON Lines)."""
    if isinstance(record, Release):
        return record
    if isinstance(record, Mapping):
        return Release.model_validate(record)
    raise TypeError(f"expected a Release or a dict of one, not {type(record).__name__}")


def _release_part(rel: Release) -> dict[str, Any]:
    return {
        "release_id": rel.id, "title": rel.title, "published": rel.published, "url": rel.url,
        "source": rel.source.key if rel.source else None,
        "error": f"{rel.error.type}: {rel.error.message}" if rel.error else None,
    }


def _release_rows(rel: Release) -> Iterator[dict[str, Any]]:
    yield {
        **_release_part(rel), "content_type": rel.content_type, "issuer": list(rel.issuer), "fields_of_work": list(rel.fields_of_work),
        "states": [s.iso3 for s in rel.states], "organizations": [o.name for o in rel.organizations],
        "officials": [p.name for p in rel.officials], "main_event": rel.events[0].type if rel.events else None,
        "n_events": len(rel.events), "dateline_city": rel.dateline.city if rel.dateline else None,
        "warnings": list(rel.warnings),
    }


def _event_rows(rel: Release) -> Iterator[dict[str, Any]]:
    base = {**_release_part(rel), "fields_of_work": list(rel.fields_of_work)}
    if not rel.events:
        yield {**dict.fromkeys(column_names("events")), **base, "states": [], "organizations": [], "officials": []}
    for ev in rel.events:
        yield {
            **base, "event_id": ev.id, "type": ev.type, "start": ev.start, "end": ev.end,
            "city": ev.location.city, "country": ev.location.country,
            "country_at_date": ev.location.country_at_date, "participants": ev.participants,
            "trigger": ev.trigger, "confidence": ev.confidence, "plover": ev.plover, "cameo": ev.cameo,
            "states": list(ev.states), "organizations": list(ev.organizations), "officials": list(ev.officials),
        }


def _mention_rows(rel: Release) -> Iterator[dict[str, Any]]:
    base = _release_part(rel)
    found = False
    groups: list[tuple[str, Iterable[tuple[str | None, str | None, Any]]]] = [
        ("state", ((s.name, s.iso3, m) for s in rel.states for m in s.mentions)),
        ("organization", ((o.name, o.id, m) for o in rel.organizations for m in o.mentions)),
        ("official", ((p.name, p.office, m) for p in rel.officials for m in p.mentions)),
        ("date", ((d.start.isoformat() if d.start else None, d.granularity, d) for d in rel.dates)),
    ]
    for label, items in groups:
        for entity, code, m in items:
            found = True
            yield {
                **base, "label": label, "entity": entity, "code": code, "text": m.text, "field": m.field,
                "start_char": m.start_char, "end_char": m.end_char,
            }
    if not found:
        yield {**dict.fromkeys(column_names("mentions")), **base}


_ROWS = {"releases": _release_rows, "events": _event_rows, "mentions": _mention_rows}


def rows(record: Release | Mapping[str, Any], level: str) -> list[dict[str, Any]]:
    """The rows of one record at `level` (Python values: `date`, `int`, lists)."""
    columns(level)  # validates the level
    return list(_ROWS[level](as_release(record)))


def table_rows(records: Release | Mapping[str, Any] | Iterable[Release | Mapping[str, Any]], level: str) -> list[dict[str, Any]]:
    """The rows of many records (or of one) at `level`."""
    columns(level)
    if isinstance(records, (Release, Mapping)):
        records = [records]
    return [row for rec in records for row in _ROWS[level](as_release(rec))]


# ---------------------------------------------------------------------------- pandas


def _pd() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtraError("newsie DataFrames", "pandas", "pandas") from exc
    return pd


def pandas_dtypes(level: str) -> dict[str, Any]:
    """The pandas dtype of every column of a level (fixed `CategoricalDtype`s for codes)."""
    pd = _pd()
    kinds = {"str": "string", "date": "datetime64[ns]", "int": "Int64", "float": "float64", "list": "object"}
    return {
        c.name: pd.CategoricalDtype(list(c.categories or ()), ordered=False) if c.kind == "cat" else kinds[c.kind]
        for c in columns(level)
    }


def _conform_column(pd: Any, col: Column, values: Any) -> Any:
    if col.kind == "str":
        return pd.Series(values, dtype="object").map(lambda v: None if is_missing(v) else str(v)).astype("string")
    if col.kind == "cat":
        cats = list(col.categories or ())
        series = pd.Series(values, dtype="object").map(lambda v: None if is_missing(v) else str(v))
        unknown = sorted(set(series.dropna()) - set(cats))
        if unknown:
            warnings.warn(
                f"column {col.name!r}: values outside newsie's code list {unknown}; they are added as categories, "
                "so frames without them concatenate to object dtype",
                NewsieWarning,
                stacklevel=4,
            )
            cats += unknown
        return pd.Series(pd.Categorical(series, categories=cats))
    if col.kind == "date":
        series = pd.Series(values, dtype="object").map(lambda v: None if is_missing(v) else v)
        outside = [v for v in series.dropna() if not _NS_FIRST <= str(v)[:10] <= _NS_LAST]
        if outside:
            warnings.warn(
                f"column {col.name!r}: {len(outside)} date(s) outside what datetime64[ns] holds "
                f"({_NS_FIRST} to {_NS_LAST}), e.g. {str(outside[0])[:10]}, are NaT in the frame (the records keep them)",
                NewsieWarning,
                stacklevel=4,
            )
            series = series.map(lambda v: v if v is None or _NS_FIRST <= str(v)[:10] <= _NS_LAST else None)
        return pd.to_datetime(series).astype("datetime64[ns]")
    if col.kind == "int":
        series = pd.Series(values, dtype="object").map(lambda v: None if is_missing(v) else int(v))
        return series.astype("Int64")
    if col.kind == "float":
        return pd.Series(values, dtype="object").map(lambda v: None if is_missing(v) else float(v)).astype("float64")
    return pd.Series([[] if is_missing(v) else [str(x) for x in v] for v in values], dtype="object")


# The days datetime64[ns] holds whole (pandas.Timestamp.min/max), as ISO strings: a date or
# an ISO string compares by its first ten characters.
_NS_FIRST, _NS_LAST = "1677-09-22", "2262-04-11"


def conform(frame: Any, level: str) -> Any:
    """A DataFrame with exactly the columns and dtypes of `level` (missing columns are empty)."""
    pd = _pd()
    data = {}
    n = len(frame)
    for col in columns(level):
        values = frame[col.name].tolist() if col.name in frame.columns else [None] * n
        data[col.name] = _conform_column(pd, col, values).reset_index(drop=True)
    out = pd.DataFrame(data, columns=column_names(level))
    out.index = pd.RangeIndex(n)
    return out


def to_frame(rows: Sequence[Mapping[str, Any]], level: str) -> Any:
    """A typed DataFrame of rows made by `rows`/`table_rows`."""
    pd = _pd()
    names = column_names(level)
    return conform(pd.DataFrame([[r.get(n) for n in names] for r in rows], columns=names, dtype="object"), level)


# ---------------------------------------------------------------------------- Arrow


def _pa() -> Any:
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise MissingExtraError("Parquet and Arrow tables", "parquet", "pyarrow") from exc
    return pa


def arrow_schema(level: str) -> Any:
    """The `pyarrow.Schema` of a level: the same for every run (codes are plain strings).

    Raises:
        ValueError: unknown level.
        MissingExtraError: pyarrow is not installed.
    """
    pa = _pa()
    types_ = {
        "str": pa.string(), "cat": pa.string(), "date": pa.date32(), "int": pa.int64(),
        "float": pa.float64(), "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(c.name, types_[c.kind], nullable=c.kind != "list") for c in columns(level)])


def _arrow_type(pa: Any, annotation: Any) -> Any:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _arrow_type(pa, inner[0])
    if origin is list:
        return pa.list_(_arrow_type(pa, get_args(annotation)[0]))
    if origin is Literal or annotation is str:
        return pa.string()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct([pa.field(name, _arrow_type(pa, f.annotation)) for name, f in annotation.model_fields.items()])
    simple = {bool: pa.bool_(), int: pa.int64(), float: pa.float64(), dt.date: pa.date32()}
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Arrow type for {annotation!r}")  # pragma: no cover - a new field type in records.py


def record_arrow_type() -> Any:
    """The Arrow struct type of a whole `Release` (typed, nested; no JSON strings)."""
    return _arrow_type(_pa(), Release)


def parquet_schema(level: str) -> Any:
    """The schema of newsie's Parquet at a level (`newsie extract -o`, `newsie.spark.extract`):
    `arrow_schema`, plus at the releases level a ``record`` column holding each whole
    `Release` as a nested struct, from which `newsie.read_records` gives the records back."""
    schema = arrow_schema(level)
    return schema.append(_pa().field(RECORD_COLUMN, record_arrow_type())) if level == "releases" else schema


def parquet_rows(record: Release | Mapping[str, Any], level: str) -> list[dict[str, Any]]:
    """The rows of one record as newsie writes them to Parquet (`parquet_schema`)."""
    rel = as_release(record)
    out = rows(rel, level)
    if level == "releases":
        whole = rel.model_dump()
        for row in out:
            row[RECORD_COLUMN] = whole
    return out


def arrow_table(rows: Sequence[Mapping[str, Any]], level: str) -> Any:
    """An Arrow table of rows, with the level's schema."""
    return _pa().Table.from_pylist(list(rows), schema=arrow_schema(level))


# ---------------------------------------------------------------------------- CSV


def _cell(col: Column, value: Any) -> str:
    if value is None:
        return ""
    if col.kind == "list":
        return LIST_SEP.join(" ".join(str(v).split()) for v in value)
    if col.kind == "date":
        return str(value.isoformat())
    if col.kind == "float":
        return repr(float(value))
    return " ".join(str(value).split())  # one row is one line


def csv_row(row: Mapping[str, Any], level: str) -> list[str]:
    """The CSV cells of one row, in column order."""
    return [_cell(c, row.get(c.name)) for c in columns(level)]


def frame_from_csv(path: Any, level: str, *, sep: str = ",") -> Any:
    """A typed DataFrame from a CSV file written at `level` (lists split on ``|``)."""
    pd = _pd()
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, sep=sep)
    missing = [n for n in column_names(level) if n not in raw.columns]
    if missing:
        raise RecordsFileError(f"{path}: not a newsie {level!r} table (missing columns {missing}); pass the level it was written at")
    data = {}
    for col in columns(level):
        cells = raw[col.name].tolist()
        if col.kind == "list":
            data[col.name] = [cell.split(LIST_SEP) if cell else [] for cell in cells]
        else:
            data[col.name] = [cell if cell != "" else None for cell in cells]
    return conform(pd.DataFrame(data, columns=column_names(level), dtype="object"), level)


__all__ = [
    "LEVELS",
    "LIST_SEP",
    "RECORD_COLUMN",
    "Column",
    "Level",
    "arrow_schema",
    "arrow_table",
    "as_release",
    "column_names",
    "columns",
    "conform",
    "country_codes",
    "csv_row",
    "frame_from_csv",
    "pandas_dtypes",
    "parquet_rows",
    "parquet_schema",
    "record_arrow_type",
    "rows",
    "table_rows",
    "to_frame",
]
