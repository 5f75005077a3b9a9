"""What an earlier run already wrote: the input positions ``--resume`` skips.

A record is known by its `Source` key (file, line or row, listing item, content hash),
not by its id: ids repeat in real archives, positions do not, and the hash notices an
input that changed since. Outputs without a ``source`` (written by older versions) fall
back to ids.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .writers import join_parquet, parquet_pieces, parts_folder, repair


@dataclass
class Done:
    """Records found in an output file."""

    keys: set[str] = field(default_factory=set)  # every source key
    failed: set[str] = field(default_factory=set)  # keys (or legacy ids) of failed records
    legacy_ids: set[str] = field(default_factory=set)  # ids of records without a source
    ids: dict[str, str] = field(default_factory=dict)  # id -> where it was first seen
    places: dict[str, list[str]] = field(default_factory=dict)  # position -> its keys, the last written last

    def stale(self) -> set[str]:
        """Keys of records written over since: a position with several contents keeps the last."""
        return {k for keys in self.places.values() for k in keys[:-1]}

    def forget(self, keys: set[str]) -> None:
        """Treat the records of `keys` as never written (they are being removed)."""
        self.keys -= keys
        self.failed -= keys
        for where in {k.rpartition("@")[0] for k in keys}:
            left = [k for k in self.places.get(where, []) if k not in keys]
            if left:
                self.places[where] = left
            else:
                self.places.pop(where, None)

    def has(self, key: str, rid: str | None) -> bool:
        return key in self.keys or (rid is not None and rid in self.legacy_ids)

    def failed_at(self, key: str, rid: str | None) -> bool:
        return key in self.failed or (rid is not None and key not in self.keys and rid in self.failed)


def _jsonl_records(path: Path) -> Iterator[tuple[str | None, str | None, bool]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
                src = rec.get("source")
                key = _key(src) if isinstance(src, dict) else None
                yield key, rec.get("id"), rec.get("error") is not None
            except (ValueError, TypeError, AttributeError, KeyError):
                continue


def _key(src: dict[str, Any]) -> str:
    from ..records import Source

    return Source.model_validate(src).key


def _csv_records(path: Path) -> Iterator[tuple[str | None, str | None, bool]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row.get("source") or None, row.get("release_id") or None, bool(row.get("error"))


def _parquet_records(path: Path) -> Iterator[tuple[str | None, str | None, bool]]:
    import pyarrow.parquet as pq

    for piece in parquet_pieces(path):
        for batch in pq.ParquetFile(str(piece)).iter_batches(columns=["source", "release_id", "error"]):
            cols = batch.to_pydict()
            yield from zip(cols["source"], cols["release_id"], (e is not None for e in cols["error"]), strict=True)


def read_done(path: Path, fmt: str) -> Done:
    """The records already in `path` (a partial last line is trimmed first; for Parquet,
    the parts a killed run finished count too)."""
    done = Done()
    if fmt == "parquet":
        records = _parquet_records(path)
    elif not path.exists():
        return done
    else:
        repair(path)
        records = _jsonl_records(path) if fmt == "jsonl" else _csv_records(path)
    for key, rid, failed in records:
        if key is not None:
            done.keys.add(key)
            seen = done.places.setdefault(key.rpartition("@")[0], [])
            if key in seen:
                seen.remove(key)
            seen.append(key)
        elif rid is not None:
            done.legacy_ids.add(rid)
        if failed:
            done.failed.add(key or rid or "")
        if rid is not None:
            done.ids.setdefault(rid, key or rid)
    return done


Drop = Callable[[str | None, bool], bool]  # (source key, failed) -> whether the record goes


def _drop_parquet(path: Path, drop: Drop, mask: Callable[[Any], Any]) -> int:
    """Join a Parquet output and its parts without the rows `drop` names (`mask`: the
    same test on an Arrow batch, the rows kept)."""
    import pyarrow.parquet as pq

    pieces = parquet_pieces(path)
    if not pieces:
        return 0
    tmp = path.with_name(path.name + ".retry")
    dropped: set[str] = set()
    for piece in pieces:
        for batch in pq.ParquetFile(str(piece)).iter_batches(columns=["source", "release_id", "error"]):
            cols = batch.to_pydict()
            dropped.update(str(s or r) for s, r, e in zip(cols["source"], cols["release_id"], cols["error"], strict=True) if drop(s, e is not None))
    if not dropped:
        return 0
    join_parquet(pieces, tmp, pq.read_schema(pieces[0]), keep=mask)
    os.replace(tmp, path)
    shutil.rmtree(parts_folder(path), ignore_errors=True)
    return len(dropped)


def _drop_lines(path: Path, fmt: str, drop: Drop) -> int:
    """Rewrite a JSON Lines or CSV output (atomically) without the records `drop` names."""
    if not path.exists() or fmt not in ("jsonl", "csv"):
        return 0
    repair(path)
    tmp = path.with_name(path.name + ".retry")
    dropped: set[str] = set()
    with path.open(encoding="utf-8", newline="") as src, tmp.open("w", encoding="utf-8", newline="") as dst:
        if fmt == "jsonl":
            for line in src:
                try:
                    rec = json.loads(line)
                    failed = rec.get("error") is not None
                except (ValueError, AttributeError):
                    dst.write(line)
                    continue
                try:
                    key = _key(rec["source"]) if isinstance(rec.get("source"), dict) else None
                except (ValueError, TypeError, KeyError):
                    key = None
                gone = drop(key, failed)
                if gone:
                    dropped.add(str(rec.get("source") or rec.get("id")))
                else:
                    dst.write(line)
        else:
            reader = csv.reader(src)
            header = next(reader, None)
            if header is not None:
                writer = csv.writer(dst, lineterminator="\n")
                writer.writerow(header)
                error = header.index("error") if "error" in header else None
                col = header.index("source") if "source" in header else None
                source = col if col is not None else header.index("release_id") if "release_id" in header else 0
                for row in reader:
                    failed = error is not None and len(row) > error and bool(row[error])
                    if drop((row[col] or None) if col is not None and len(row) > col else None, failed):
                        dropped.add(row[source] if len(row) > source else "")
                    else:
                        writer.writerow(row)
        dst.flush()
        os.fsync(dst.fileno())
    return _swap_in(tmp, path, dropped)


def _swap_in(tmp: Path, path: Path, dropped: set[str]) -> int:
    """Put the rewritten text output `tmp` in place of `path` (atomically) when it left
    records out, else drop it; return how many records went."""
    if not dropped:
        tmp.unlink()
        return 0
    os.replace(tmp, path)
    return len(dropped)


def drop_failed(path: Path, fmt: str) -> int:
    """Remove failed records from an output file (atomically); return how many went."""
    if fmt == "parquet":
        import pyarrow.compute as pc

        return _drop_parquet(path, lambda key, failed: failed, lambda batch: pc.is_null(batch.column("error")))
    return _drop_lines(path, fmt, lambda key, failed: failed)


def replace_keys(path: Path, fmt: str, keys: set[str]) -> int:
    """Remove the records of these source keys from an output file, and move the newest
    record of each position they held into the place of that position's first record;
    return how many records went.

    A resumed run uses it for the records of inputs whose content changed since: their new
    records, appended as they were written, take the old ones' places, so the output keeps
    the order of its inputs. It is one rewrite of the output (written aside, then renamed
    over it), which the run did before only to remove the old records; the moved records
    wait in a temporary file (JSON Lines, CSV) or in memory (Parquet) meanwhile.
    """
    if not keys:
        return 0
    if fmt == "parquet":
        return _replace_parquet(path, keys)
    return _replace_lines(path, fmt, keys)


def _where(key: str | None) -> str | None:
    """The position part of a source key ('file:line#item')."""
    return key.rpartition("@")[0] if key is not None else None


def _line_records(src: TextIO, fmt: str) -> Iterator[tuple[str | None, str]]:
    """Each record line (JSON Lines) or row (CSV, the header first) of an open output, as
    its source key (None when it has none) and its text."""
    if fmt == "jsonl":
        for line in src:
            try:
                rec = json.loads(line)
                key = _key(rec["source"]) if isinstance(rec.get("source"), dict) else None
            except (ValueError, TypeError, KeyError, AttributeError):
                key = None
            yield key, line
        return
    reader = csv.reader(src)
    header = next(reader, None)
    if header is None:
        return
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")

    def text(row: list[str]) -> str:
        buf.seek(0)
        buf.truncate()
        writer.writerow(row)
        return buf.getvalue()

    yield None, text(header)
    col = header.index("source") if "source" in header else None
    for row in reader:
        yield ((row[col] or None) if col is not None and len(row) > col else None), text(row)


def _replace_lines(path: Path, fmt: str, keys: set[str]) -> int:
    if not path.exists() or fmt not in ("jsonl", "csv"):
        return 0
    repair(path)
    places = {_where(k) for k in keys}
    tmp = path.with_name(path.name + ".retry")
    newest: dict[str, list[tuple[int, int]]] = {}  # position -> (offset, size) of its records in `aside`
    dropped: set[str] = set()
    with tempfile.TemporaryFile() as aside:
        with path.open(encoding="utf-8", newline="") as src:
            for key, text in _line_records(src, fmt):
                where = _where(key)
                if where in places and key not in keys:
                    data = text.encode("utf-8")
                    newest.setdefault(str(where), []).append((aside.tell(), len(data)))
                    aside.write(data)
        placed: set[str] = set()
        with path.open(encoding="utf-8", newline="") as src, tmp.open("w", encoding="utf-8", newline="") as dst:
            for key, text in _line_records(src, fmt):
                where = _where(key)
                if where not in places:
                    dst.write(text)
                    continue
                if key in keys:
                    dropped.add(str(key))
                if where in placed:
                    continue
                placed.add(str(where))
                for offset, size in newest.get(str(where), ()):
                    aside.seek(offset)
                    dst.write(aside.read(size).decode("utf-8"))
            dst.flush()
            os.fsync(dst.fileno())
    return _swap_in(tmp, path, dropped)


def _replace_parquet(path: Path, keys: set[str]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pieces = parquet_pieces(path)
    if not pieces:
        return 0
    schema = pq.read_schema(pieces[0])
    places = {_where(k) for k in keys}

    def batches() -> Iterator[tuple[Any, list[str | None]]]:
        for piece in pieces:
            for batch in pq.ParquetFile(str(piece)).iter_batches(batch_size=1000):
                batch = batch.cast(schema) if batch.schema != schema else batch
                yield batch, batch.column("source").to_pylist()

    newest: dict[str, list[Any]] = {}  # position -> its rows to move
    dropped: set[str] = set()
    for batch, sources in batches():
        rows: dict[str, list[int]] = {}
        for i, key in enumerate(sources):
            where = _where(key)
            if where in places:
                if key in keys:
                    dropped.add(str(key))
                else:
                    rows.setdefault(str(where), []).append(i)
        for where, found in rows.items():  # copies: a slice would keep its whole batch in memory
            newest.setdefault(where, []).append(batch.take(pa.array(found, type=pa.int64())))
    if not dropped:
        return 0
    tmp = path.with_name(path.name + ".retry")
    placed: set[str] = set()
    with pq.ParquetWriter(str(tmp), schema) as out:
        waiting: list[Any] = []

        def put(part: Any) -> None:
            waiting.append(part)
            if sum(b.num_rows for b in waiting) >= 1000:  # row groups of whole batches, not of single moved rows
                out.write_table(pa.Table.from_batches(waiting, schema))
                waiting.clear()

        for batch, sources in batches():
            start = 0
            for i, key in enumerate(sources):
                where = _where(key)
                if where not in places:
                    continue
                if i > start:
                    put(batch.slice(start, i - start))
                start = i + 1
                if where not in placed:
                    placed.add(str(where))
                    for row in newest.get(str(where), ()):
                        put(row)
            if start < batch.num_rows:
                put(batch.slice(start))
        if waiting:
            out.write_table(pa.Table.from_batches(waiting, schema))
    os.replace(tmp, path)
    shutil.rmtree(parts_folder(path), ignore_errors=True)
    return len(dropped)
