"""Writing records: JSON Lines (one release a line), CSV (one row per event), Parquet.

JSON Lines and CSV are appended one whole line per `write` and flushed, so a killed run
leaves no torn record; `repair` trims a partial last line before a resumed run appends.
Parquet is written to a temporary file and moved into place when the run ends.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol, TextIO

from ..exceptions import MissingExtraError
from ..records import Release

EVENT_COLUMNS = [
    "release_id", "url", "title", "published", "event_id", "type", "start", "end", "city", "country",
    "participants", "trigger", "confidence", "plover", "cameo", "states", "organizations", "officials",
    "fields_of_work", "error",
]


class Writer(Protocol):
    def write(self, rel: Release) -> None: ...
    def close(self) -> None: ...


def event_rows(rel: Release) -> list[dict[str, Any]]:
    """One flat row per event; a release without events (or failed) still gets one row."""
    base = {
        "release_id": rel.id, "url": rel.url, "title": rel.title,
        "published": rel.published.isoformat() if rel.published else None,
        "states": ";".join(s.iso3 for s in rel.states),
        "organizations": ";".join(o.name for o in rel.organizations),
        "officials": ";".join(p.name for p in rel.officials),
        "fields_of_work": ";".join(rel.fields_of_work),
        "error": f"{rel.error.type}: {rel.error.message}" if rel.error else None,
    }
    if not rel.events:
        return [{**{c: None for c in EVENT_COLUMNS}, **base}]
    rows = []
    for ev in rel.events:
        rows.append({
            **base, "event_id": ev.id, "type": ev.type, "start": ev.start.isoformat() if ev.start else None,
            "end": ev.end.isoformat() if ev.end else None, "city": ev.location.city, "country": ev.location.country,
            "participants": ev.participants, "trigger": ev.trigger, "confidence": ev.confidence,
            "plover": ev.plover, "cameo": ev.cameo,
        })
    return rows


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


def done_ids(path: Path, fmt: str) -> set[str]:
    """Ids of the releases already in an output file (for --resume)."""
    if not path.exists():
        return set()
    repair(path)
    ids: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        if fmt == "jsonl":
            for line in fh:
                try:
                    ids.add(json.loads(line)["id"])
                except (ValueError, KeyError, TypeError):
                    continue
        elif fmt == "csv":
            ids.update(row["release_id"] for row in csv.DictReader(fh) if row.get("release_id"))
    return ids


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
    """One event per row (newlines inside values become spaces: a row is a line)."""

    def __init__(self, path: Path | None, append: bool) -> None:
        super().__init__(path, append)
        if self.fresh:
            self._emit(",".join(EVENT_COLUMNS) + "\n")

    def write(self, rel: Release) -> None:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=EVENT_COLUMNS, lineterminator="\n")
        for row in event_rows(rel):
            w.writerow({k: (" ".join(str(v).split()) if isinstance(v, str) else v) for k, v in row.items()})
        self._emit(buf.getvalue())


class ParquetWriter:
    """Releases as Parquet rows (nested fields as JSON strings), written in row groups."""

    def __init__(self, path: Path, rows_per_group: int = 1000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise MissingExtraError("Parquet output", "parquet", "pyarrow") from exc
        self.pa, self.pq = pa, pq
        self.path = path
        self.tmp = path.with_name(path.name + ".partial")
        self.schema = pa.schema([(c, pa.string()) for c in ("id", "url", "title", "published", "fields_of_work", "states", "organizations", "officials", "events", "error", "record")])
        self.writer = pq.ParquetWriter(str(self.tmp), self.schema)
        self.rows: list[dict[str, Any]] = []
        self.rows_per_group = rows_per_group

    def write(self, rel: Release) -> None:
        d = rel.model_dump(mode="json")
        self.rows.append({
            "id": rel.id, "url": rel.url, "title": rel.title, "published": d["published"],
            **{k: json.dumps(d[k], ensure_ascii=False) for k in ("fields_of_work", "states", "organizations", "officials", "events")},
            "error": json.dumps(d["error"]) if rel.error else None,
            "record": json.dumps(d, ensure_ascii=False),
        })
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


def open_writer(path: Path | None, fmt: str, *, append: bool) -> Writer:
    """A writer for `fmt` (jsonl, csv, parquet) to `path` (stdout when None)."""
    if fmt == "jsonl":
        return JsonlWriter(path, append)
    if fmt == "csv":
        return CsvWriter(path, append)
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet output needs --output FILE")
        if append:
            raise ValueError("--resume works with JSON Lines and CSV output, not Parquet")
        return ParquetWriter(path)
    raise ValueError(f"unknown output format {fmt!r}: use jsonl, csv or parquet")


def write_all(writer: Writer, records: Iterable[Release]) -> None:
    for rel in records:
        writer.write(rel)
