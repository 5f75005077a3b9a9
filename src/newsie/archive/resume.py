"""What an earlier run already wrote: the input positions ``--resume`` skips.

A record is known by its `Source` key (file, line or row, listing item, content hash),
not by its id: ids repeat in real archives, positions do not, and the hash notices an
input that changed since. Outputs without a ``source`` (written by older versions) fall
back to ids.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .writers import join_parquet, parquet_pieces, parts_folder, repair


@dataclass
class Done:
    """Records found in an output file."""

    keys: set[str] = field(default_factory=set)  # every source key
    failed: set[str] = field(default_factory=set)  # keys (or legacy ids) of failed records
    legacy_ids: set[str] = field(default_factory=set)  # ids of records without a source
    ids: dict[str, str] = field(default_factory=dict)  # id -> where it was first seen

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
        elif rid is not None:
            done.legacy_ids.add(rid)
        if failed:
            done.failed.add(key or rid or "")
        if rid is not None:
            done.ids.setdefault(rid, key or rid)
    return done


def _drop_failed_parquet(path: Path) -> int:
    """Join a Parquet output and its parts without the rows of failed records."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    pieces = parquet_pieces(path)
    if not pieces:
        return 0
    tmp = path.with_name(path.name + ".retry")
    failed: set[str] = set()
    for piece in pieces:
        for batch in pq.ParquetFile(str(piece)).iter_batches(columns=["source", "release_id", "error"]):
            cols = batch.to_pydict()
            failed.update(str(s or r) for s, r, e in zip(cols["source"], cols["release_id"], cols["error"], strict=True) if e is not None)
    if not failed:
        return 0
    join_parquet(pieces, tmp, pq.read_schema(pieces[0]), keep=lambda batch: pc.is_null(batch.column("error")))
    os.replace(tmp, path)
    shutil.rmtree(parts_folder(path), ignore_errors=True)
    return len(failed)


def drop_failed(path: Path, fmt: str) -> int:
    """Remove failed records from an output file (atomically); return how many went."""
    if fmt == "parquet":
        return _drop_failed_parquet(path)
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
                    failed = False
                if failed:
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
                source = header.index("source") if "source" in header else header.index("release_id") if "release_id" in header else 0
                for row in reader:
                    if error is not None and len(row) > error and row[error]:
                        dropped.add(row[source] if len(row) > source else "")
                    else:
                        writer.writerow(row)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, path)
    return len(dropped)
