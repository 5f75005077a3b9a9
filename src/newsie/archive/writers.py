"""Writing records: JSON Lines (one release a line), CSV and Parquet (the tables of `newsie.tables`).

JSON Lines and CSV are appended one whole line per `write` and flushed, so a killed run
leaves no torn record; `repair` trims a partial last line before a resumed run appends.
Parquet is written to a temporary file and moved into place when the run ends.
"""
from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol, TextIO

from ..exceptions import MissingExtraError
from ..records import Release
from ..tables import arrow_schema, column_names, csv_row, record_arrow_type, rows

RECORD_COLUMN = "record"

class Writer(Protocol):
    def write(self, rel: Release) -> None: ...
    def close(self) -> None: ...


def repair(path: Path) -> None:
    """Drop a partial last line (left by a killed run) so appends start on a fresh line."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - 1))
        if fh.read(1) == b"\n":
            return
        block = 1 << 16
        pos = size
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            k = chunk.rfind(b"\n")
            if k >= 0:
                fh.truncate(start + k + 1)
                return
            pos = start
        fh.truncate(0)


class _LineWriter:
    def __init__(self, path: Path | None, append: bool) -> None:
        self.path = path
        if path is None:
            self.fh: TextIO = sys.stdout
        else:
            if append:
                repair(path)
            self.fh = path.open("a" if append else "w", encoding="utf-8", newline="")
        self.fresh = path is None or not append or path.stat().st_size == 0

    def _emit(self, text: str) -> None:
        self.fh.write(text)  # one call per whole record
        self.fh.flush()

    def close(self) -> None:
        if self.path is not None:
            os.fsync(self.fh.fileno())
            self.fh.close()


class JsonlWriter(_LineWriter):
    """One release per line."""

    def write(self, rel: Release) -> None:
        self._emit(rel.model_dump_json() + "\n")


class CsvWriter(_LineWriter):
    """The rows of a level (`newsie.tables`), one CSV line each."""

    def __init__(self, path: Path | None, append: bool, level: str = "events") -> None:
        super().__init__(path, append)
        self.level = level
        if self.fresh:
            self._emit(self._lines([column_names(level)]))

    @staticmethod
    def _lines(cells: Iterable[list[str]]) -> str:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(cells)
        return buf.getvalue()

    def write(self, rel: Release) -> None:
        self._emit(self._lines(csv_row(row, self.level) for row in rows(rel, self.level)))


class ParquetWriter:
    """The rows of a level as typed Parquet (`newsie.tables.arrow_schema`), in row groups.

    At the releases level a ``record`` column holds the whole `Release` as a nested
    struct, so `newsie.read_records` gives the records back.
    """

    def __init__(self, path: Path, level: str = "releases", rows_per_group: int = 1000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise MissingExtraError("Parquet output", "parquet", "pyarrow") from exc
        self.pa = pa
        self.path = path
        self.level = level
        self.tmp = path.with_name(path.name + ".partial")
        schema = arrow_schema(level)
        if level == "releases":
            schema = schema.append(pa.field(RECORD_COLUMN, record_arrow_type()))
        self.schema = schema
        self.writer = pq.ParquetWriter(str(self.tmp), schema)
        self.rows: list[dict[str, Any]] = []
        self.rows_per_group = rows_per_group

    def write(self, rel: Release) -> None:
        for row in rows(rel, self.level):
            if self.level == "releases":
                row[RECORD_COLUMN] = rel.model_dump()
            self.rows.append(row)
        if len(self.rows) >= self.rows_per_group:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()
        os.replace(self.tmp, self.path)


def open_writer(path: Path | None, fmt: str, *, append: bool, level: str | None = None) -> Writer:
    """A writer for `fmt` (jsonl, csv, parquet) to `path` (stdout when None).

    `level` is the table written by CSV (default "events") and Parquet (default "releases").
    """
    if fmt == "jsonl":
        return JsonlWriter(path, append)
    if fmt == "csv":
        return CsvWriter(path, append, level or "events")
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet output needs --output FILE")
        if append:
            raise ValueError("--resume works with JSON Lines and CSV output, not Parquet")
        return ParquetWriter(path, level or "releases")
    raise ValueError(f"unknown output format {fmt!r}: use jsonl, csv or parquet")


def write_all(writer: Writer, records: Iterable[Release]) -> None:
    for rel in records:
        writer.write(rel)
