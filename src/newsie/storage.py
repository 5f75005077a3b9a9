"""Reading back what newsie wrote: JSON Lines, Parquet and CSV, as records or as frames."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, cast

from pydantic import ValidationError

from .exceptions import MissingExtraError, RecordsFileError
from .records import Release
from .tables import LEVELS, RECORD_COLUMN, Level, column_names, conform, frame_from_csv, table_rows, to_frame

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
CSV_SUFFIXES = (".csv", ".tsv")


def _hidden(rel: Path) -> bool:
    """A path under a folder whose name starts with "_" or "." (Spark's and Hadoop's
    ``_temporary/`` of an unfinished job, ``.ipynb_checkpoints``), or a file so named
    (``_SUCCESS``): not records, as Spark and pyarrow read such folders."""
    return any(part.startswith(("_", ".")) for part in rel.parts)


def _files(path: Path) -> list[Path]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_dir():
        found = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in (*JSONL_SUFFIXES, *PARQUET_SUFFIXES) and not _hidden(p.relative_to(path))
        )
        if not found:
            raise RecordsFileError(f"{path}: no .jsonl or .parquet files in this folder")
        return found
    return [path]


def iter_jsonl(path: Path) -> Iterator[Release]:
    """The records of a JSON Lines file written by newsie, one per line.

    Raises:
        RecordsFileError: a line that is not a record, naming file and line.
    """
    with path.open("rb") as fh:  # lines as bytes, decoded one by one: an error names its line
        for lineno, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:  # newsie writes UTF-8: this is not its output
                raise RecordsFileError(f"{path}:{lineno}: not UTF-8 text ({exc.reason}); not a newsie records file") from None
            if not line.strip():
                continue
            try:
                yield Release.model_validate_json(line)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "line"
                raise RecordsFileError(f"{path}:{lineno}: not a newsie record ({where}: {first['msg']})") from None


def _parquet(path: Path) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("reading Parquet", "parquet", "pyarrow") from exc
    return pq.read_table(path)


def _parquet_records(path: Path) -> list[Release]:
    table = _parquet(path)
    if RECORD_COLUMN not in table.column_names:
        raise _no_records(path, table.column_names)
    return [Release.model_validate(d) for d in table.column(RECORD_COLUMN).to_pylist()]


def _level_of(names: list[str]) -> str | None:
    """The level whose columns a table has (the levels' column sets do not nest), or None."""
    return next((lv for lv in LEVELS if set(column_names(lv)) <= set(names)), None)


def _written_level(path: Path) -> str | None:
    """The level a flat table (CSV, Parquet without records) was written at; "releases" for
    files of whole records (JSON Lines, Parquet with the ``record`` column); None for a
    table of no level (its reading says what it lacks)."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh, delimiter="\t" if suffix == ".tsv" else ","), [])
        return _level_of(header)
    if suffix in PARQUET_SUFFIXES:
        names = _parquet_names(path)
        return "releases" if RECORD_COLUMN in names else _level_of(names)
    return "releases"


def _parquet_names(path: Path) -> list[str]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("reading Parquet", "parquet", "pyarrow") from exc
    return list(pq.read_schema(path).names)


def _no_records(path: Path, names: list[str]) -> RecordsFileError:
    """The error for Parquet without a ``record`` column: which table it is, and what to do."""
    level = _level_of(names)
    where = (
        "records come back from JSON Lines and from Parquet written at the releases level "
        "(newsie extract -o out.parquet, newsie.spark.extract(df).write.parquet(...))"
    )
    if level is None:
        return RecordsFileError(f"{path}: not a table newsie wrote (no {RECORD_COLUMN!r} column, nor the columns of a level); {where}")
    if level == "releases":
        return RecordsFileError(
            f"{path}: a releases table without the {RECORD_COLUMN!r} column of whole records (written by an older "
            "newsie.spark.extract, or with that column dropped): read it with as_='frame', level='releases', or "
            f"extract again to write the records; {where}"
        )
    return RecordsFileError(f"{path}: a flat {level!r} table holds no whole records: read it with as_='frame', level={level!r}; {where}")


def read_records(path: str | Path, *, as_: Literal["records", "frame"] = "records", level: Level | None = None) -> Any:
    """Read records written by newsie (JSON Lines, Parquet, CSV, or a folder of them).

    Args:
        path: a ``.jsonl``/``.ndjson`` file of records, a ``.parquet`` file written by
            ``newsie extract``, a ``.csv`` table (frames only), or a folder (its JSON Lines
            and Parquet files, sorted by path).
        as_: "records" for a list of `Release`, "frame" for a pandas DataFrame.
        level: the table level of the frame ("releases", "events", "mentions"). None (the
            default): the table as written, i.e. the level a CSV or flat Parquet table was
            written at (``newsie extract -o out.csv`` writes events) and "releases" for whole
            records (JSON Lines, releases Parquet). `newsie.to_dataframe` defaults to
            "events": name the level in both calls to compare their frames.

    Returns:
        A list of `Release`, or a DataFrame equal to `newsie.to_dataframe(records, level)`.

    Raises:
        FileNotFoundError: no such path.
        RecordsFileError: not a newsie file, records asked of a flat table, or (level None)
            a folder of tables written at different levels.
        ValueError: unknown `as_` or level.
    """
    if as_ not in ("records", "frame"):
        raise ValueError(f"as_ must be 'records' or 'frame', not {as_!r}")
    files = _files(Path(path))
    if as_ == "records":
        out: list[Release] = []
        for f in files:
            out.extend(_records_of(f))
        return out
    chosen = level if level is not None else _as_written(path, files)
    frames = [_frame_of(f, chosen) for f in files]
    if len(frames) == 1:
        return frames[0]
    import pandas as pd

    return conform(pd.concat(frames, ignore_index=True), chosen)


def _as_written(path: str | Path, files: list[Path]) -> Level:
    """The one level the files were written at (see `_written_level`); "releases" for records."""
    found = sorted({lv for f in files if (lv := _written_level(f)) is not None})
    if len(found) > 1:
        raise RecordsFileError(f"{path}: tables written at the levels {found}: pass level= for the frame wanted")
    return cast(Level, found[0] if found else "releases")


def _records_of(path: Path) -> list[Release]:
    suffix = path.suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        return _parquet_records(path)
    if suffix in CSV_SUFFIXES:
        raise RecordsFileError(
            f"{path}: a CSV table holds no whole records: give the JSON Lines or Parquet file newsie extract "
            "writes (newsie report reads those), or read this table with as_='frame'"
        )
    return list(iter_jsonl(path))


def _frame_of(path: Path, level: Level) -> Any:
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return frame_from_csv(path, level, sep="\t" if suffix == ".tsv" else ",")
    if suffix in PARQUET_SUFFIXES:
        table = _parquet(path)
        if RECORD_COLUMN in table.column_names and level != "releases":
            return to_frame(table_rows(_parquet_records(path), level), level)
        names = [f.name for f in table.schema]
        missing = [c for c in column_names(level) if c not in names]
        if missing:
            raise RecordsFileError(f"{path}: not a newsie {level!r} table (missing columns {missing}); pass the level it was written at")
        return conform(table.select([n for n in names if n != RECORD_COLUMN]).to_pandas(), level)
    return to_frame(table_rows(iter_jsonl(path), level), level)


__all__ = ["iter_jsonl", "read_records"]
