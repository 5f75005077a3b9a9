"""Writing records: JSON Lines (one release a line), CSV and Parquet (the tables of `newsie.tables`).

JSON Lines and CSV are appended one whole line per `write` and flushed, so a killed run
leaves no torn record; `repair` trims a partial last line before a resumed run appends.
Parquet is written in parts: every `rows_per_part` rows become one complete Parquet file in
``OUT.parts/`` (written aside, then renamed), and the parts are joined into ``OUT`` when
the run ends. A killed run leaves its finished parts, which a resumed run keeps and joins
(only the rows still in memory are lost, and resume runs their inputs again).
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, TextIO

from ..exceptions import MissingExtraError
from ..records import Release
from ..tables import column_names, csv_row, parquet_rows, parquet_schema, rows


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
        self.fresh = path is None or not append or os.fstat(self.fh.fileno()).st_size == 0

    def _emit(self, text: str) -> None:
        self.fh.write(text)  # one call per whole record
        self.fh.flush()

    def close(self) -> None:
        if self.path is not None:
            self.fh.flush()
            if stat.S_ISREG(os.fstat(self.fh.fileno()).st_mode):  # not a pipe or terminal (-o /dev/stdout)
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


def parts_folder(path: Path) -> Path:
    """Where a Parquet output keeps its finished parts while a run is going."""
    return path.with_name(path.name + ".parts")


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (links included); False when either is missing."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def written_by(output: Path) -> Callable[[str], bool]:
    """A test of whether a path is `output` or a file its writer makes beside it (the
    Parquet parts folder, ``.partial``, ``.retry``): never an input of the same run."""
    folder = output.resolve().parent
    names = {output.name, output.name + ".partial", output.name + ".retry"}
    parts = parts_folder(output).resolve()

    def test(p: str) -> bool:
        path = Path(p)
        try:
            here = path.resolve()
        except (OSError, RuntimeError):
            return False
        return (here.parent == folder and here.name in names) or here.parent == parts or same_file(path, output)

    return test


def parquet_pieces(path: Path) -> list[Path]:
    """The Parquet files that make up `path` so far: the file itself (a finished earlier
    run), then the parts a running or killed run has finished, in order."""
    folder = parts_folder(path)
    parts = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    return ([path] if path.exists() else []) + parts


class ParquetWriter:
    """The rows of a level as typed Parquet (`newsie.tables.arrow_schema`), written in parts.

    At the releases level a ``record`` column holds the whole `Release` as a nested
    struct, so `newsie.read_records` gives the records back. With `append`, the rows
    already in `path` and in parts left by a killed run come first in the joined file.

    Raises:
        ValueError: `append` to a file that holds another table (another ``--level``).
    """

    def __init__(self, path: Path, level: str = "releases", rows_per_part: int = 1000, append: bool = False) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise MissingExtraError("Parquet output", "parquet", "pyarrow") from exc
        self.pa, self.pq = pa, pq
        self.path = path
        self.level = level
        self.tmp = path.with_name(path.name + ".partial")
        self.schema = schema = parquet_schema(level)
        self.parts = parts_folder(path)
        self.keep = parquet_pieces(path) if append else []
        for piece in self.keep:
            found = pq.read_schema(piece)
            if found.names != schema.names:
                raise ValueError(f"{piece} holds another table than --level {level}; resume with the level it was written at")
        if not append and self.parts.exists():
            shutil.rmtree(self.parts)  # parts of an earlier killed run that is not resumed
        self.parts.mkdir(exist_ok=True)
        self.next_part = len(list(self.parts.glob("part-*.parquet")))
        self.rows: list[dict[str, Any]] = []
        self.rows_per_part = rows_per_part

    def write(self, rel: Release) -> None:
        self.rows.extend(parquet_rows(rel, self.level))
        if len(self.rows) >= self.rows_per_part:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        final = self.parts / f"part-{self.next_part:06d}.parquet"
        aside = final.with_suffix(".tmp")
        self.pq.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema), str(aside))
        os.replace(aside, final)
        self.next_part += 1
        self.rows = []

    def close(self) -> None:
        """Write what is left and join every piece into `path`."""
        self._flush()
        join_parquet(self.keep + sorted(p for p in self.parts.glob("part-*.parquet") if p not in self.keep), self.tmp, self.schema)
        os.replace(self.tmp, self.path)
        shutil.rmtree(self.parts, ignore_errors=True)


def join_parquet(pieces: list[Path], target: Path, schema: Any, keep: Any = None) -> int:
    """Copy the rows of `pieces`, in order, into one Parquet file `target`, batch by batch.

    `keep`, when given, maps an Arrow record batch to a boolean mask of the rows to copy.
    Returns how many rows were left out.
    """
    import pyarrow.parquet as pq

    dropped = 0
    with pq.ParquetWriter(str(target), schema) as out:
        for piece in pieces:
            for batch in pq.ParquetFile(str(piece)).iter_batches(batch_size=1000):
                if keep is not None:
                    mask = keep(batch)
                    dropped += batch.num_rows - sum(bool(m) for m in mask.to_pylist())
                    batch = batch.filter(mask)
                out.write_batch(batch.cast(schema) if batch.schema != schema else batch)
    return dropped


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
        return ParquetWriter(path, level or "releases", append=append)
    raise ValueError(f"unknown output format {fmt!r}: use jsonl, csv or parquet")


def write_all(writer: Writer, records: Iterable[Release]) -> None:
    for rel in records:
        writer.write(rel)
