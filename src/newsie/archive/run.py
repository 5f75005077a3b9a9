"""`newsie extract` over an archive: read, extract in batches, write, report."""
from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..batch import extract_many
from ..exceptions import MissingExtraError
from ..listing import listing_units
from ..records import RecordError, Release
from .progress import Progress
from .readers import CSV_SUFFIXES, JSONL_SUFFIXES, Failure, Fields, HtmlItem, expand, read_units
from .writers import done_ids, open_writer


@dataclass
class Summary:
    documents: int = 0
    events: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        skipped = f", {self.skipped} skipped (already done)" if self.skipped else ""
        return (
            f"newsie: {_n(self.documents, 'document')}, {_n(self.events, 'event')}, {_n(self.errors, 'error')}"
            f"{skipped} in {self.seconds:.1f} s ({rate:.1f} docs/s)"
        )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def failure_release(f: Failure) -> Release:
    return Release(id=f.id, url=f.source if f.source != "<stdin>" else None, error=RecordError(type=f.type, message=f.message))


def _html_item(h: HtmlItem) -> Any:
    from ..html import html_parts

    try:
        parts = html_parts(h.html, url=h.source)
    except MissingExtraError as exc:
        return Failure(h.id, h.source, "MissingExtraError", f"{h.source}: {exc}")
    except Exception as exc:
        return Failure(h.id, h.source, type(exc).__name__, f"{h.source}: {exc}")
    item = {"id": h.id, "url": h.source, "title": parts["title"], "text": parts["text"]}
    if parts["published"]:
        item["published"] = parts["published"]
    return item


def _count(paths: Sequence[str]) -> int | None:
    """Number of documents to expect (for the ETA); None when it cannot be told cheaply."""
    total = 0
    for p in expand(paths):
        if p == "-":
            return None
        path = Path(p)
        try:
            if path.suffix.lower() in JSONL_SUFFIXES:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif path.suffix.lower() in CSV_SUFFIXES:
                with path.open("rb") as fh:
                    total += max(0, sum(1 for _ in fh) - 1)
            else:
                total += 1
        except OSError:
            total += 1
    return total


def run_extract(
    paths: Sequence[str],
    *,
    fields: Fields = Fields(),  # noqa: B008 - an immutable dataclass
    output: Path | None = None,
    fmt: str = "jsonl",
    resume: bool = False,
    n_process: int = 1,
    batch_size: int = 64,
    quiet: bool = False,
    published: str | None = None,
    level: str | None = None,
    stdin: TextIO | None = None,
    stderr: TextIO | None = None,
) -> Summary:
    """Extract every input to `output` and return the run's summary."""
    stdin = stdin or sys.stdin
    stderr = stderr or sys.stderr
    if resume and output is None:
        raise ValueError("--resume needs --output FILE")
    done = done_ids(output, fmt) if resume and output is not None else set()
    show = not quiet and stderr.isatty()
    progress = Progress(_count(paths) if show else None, stream=stderr, enabled=show)
    summary = Summary()

    def items() -> Iterator[Any]:
        for unit in read_units(paths, fields, stdin=stdin):
            uid = unit["id"] if isinstance(unit, dict) else unit.id
            if uid in done:
                summary.skipped += 1
                progress.update()
                continue
            if isinstance(unit, HtmlItem):
                unit = _html_item(unit)
            if isinstance(unit, Failure):
                yield failure_release(unit)
                continue
            if published and not unit.get("published"):
                unit["published"] = published
            # A listing page gives one item per listed release, ids "<source>#<n>".
            for sub in listing_units(unit):
                if sub is not unit and sub.get("id") in done:
                    summary.skipped += 1
                    continue
                yield sub

    writer = open_writer(output, fmt, append=resume, level=level)
    try:
        for rel in extract_many(items(), batch_size=batch_size, n_process=n_process):
            writer.write(rel)
            summary.documents += 1
            summary.events += len(rel.events)
            if rel.error is not None:
                summary.errors += 1
                if not quiet:
                    stderr.write(("\n" if show else "") + f"newsie: {rel.id}: {rel.error.message}\n")
            progress.update()
    finally:
        writer.close()
        progress.close()
    summary.seconds = progress.elapsed
    return summary


def format_of(output: Path | None, fmt: str | None) -> str:
    """The output format: as asked, else from the output file's extension, else JSON Lines."""
    if fmt:
        return fmt
    if output is not None:
        ext = output.suffix.lower()
        return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(ext, "jsonl")
    return "jsonl"

