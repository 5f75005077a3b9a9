"""`newsie extract` over an archive: read, extract in batches, write, report."""
from __future__ import annotations

import csv
import sys
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

from ..batch import BATCH_SIZE, DEFAULT_TIMEOUT, error_release, extract_many
from ..exceptions import MissingExtraError, UsageError
from ..inputs import parse_published
from ..listing import listing_units
from ..pages import looks_like_page, parse_page
from ..records import RecordError, Release, Source
from ..sanitize import clean
from .progress import Progress
from .readers import (
    CSV_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_CSV_FIELD,
    Failure,
    Fields,
    HtmlItem,
    expand,
    json_count,
    open_text,
    read_inputs,
)
from .resume import Done, drop_failed, read_done, replace_keys
from .writers import Writer, open_writer, written_by


@dataclass
class Summary:
    documents: int = 0
    events: int = 0
    errors: int = 0
    skipped: int = 0
    skipped_failed: int = 0  # skipped records that had failed (--retry-failed reruns them)
    duplicates: int = 0
    replaced: int = 0  # records of inputs changed since the output was written, written anew
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """Whether the output holds any failed record (the command exits non-zero)."""
        return bool(self.errors or self.skipped_failed)

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        failed = f"; {self.skipped_failed} of them failed: --retry-failed reruns them" if self.skipped_failed else ""
        skipped = f", {self.skipped} skipped (already done{failed})" if self.skipped else ""
        replaced = f", {self.replaced} replaced (the input changed since)" if self.replaced else ""
        return (
            f"newsie: {_n(self.documents, 'document')}, {_n(self.events, 'event')}, {_n(self.errors, 'error')}"
            f"{skipped}{replaced} in {self.seconds:.1f} s ({rate:.1f} docs/s)"
        )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def failure_release(f: Failure) -> Release:
    return Release(
        id=clean(f.id),  # the input's path is the record's source (set by the run), not its url
        error=RecordError(type=f.type, message=clean(f.message)),
    )


def _html_item(h: HtmlItem) -> Any:
    from ..html import html_parts

    try:
        parts = html_parts(h.html, url=h.source)
    except MissingExtraError as exc:
        return Failure(h.id, h.source, "MissingExtraError", f"{h.source}: {exc}")
    except Exception as exc:
        return Failure(h.id, h.source, type(exc).__name__, f"{h.source}: {exc}")
    item = {"id": h.id, "title": parts["title"], "text": parts["text"]}  # the path is in source, not url
    for key in ("published", "issuer", "fields_of_work", "content_type"):  # what the page declares
        if parts[key]:
            item[key] = parts[key]
    if parts.get("listing_doubt"):
        item[_DOUBT] = parts["listing_doubt"]  # taken off before the item is read (`run`)
    return item


_DOUBT = "newsie_listing_doubt"  # an HTML listing's warning, carried beside its item


def has_own_date(item: Mapping[str, Any]) -> bool:
    """Whether an input gives its own publication date, which ``--published`` must not
    replace: a date field or page metadata, or a dateline dated with its year
    ("BELGRADE, 12 May 2021 –") at the start of the text, found as `newsie_dateline`
    finds it (its cities are not checked, which matters only for a dateline without a
    date). A dateline without a year ("VIENNA, 14 November –") names no day alone:
    ``--published`` applies, as ``published=`` does in `newsie.extract`.
    """
    from ..components.dateline import find_dateline

    if item.get("published"):
        return True
    text = item.get("text")
    if not isinstance(text, str):
        return False
    if looks_like_page(text):
        page = parse_page(text)
        if parse_published(page.published) is not None:
            return True
        text = page.text
    dateline = find_dateline(text, None, {})
    return dateline is not None and dateline.date is not None


def _count(paths: Sequence[str], exclude: Callable[[str], bool] | None = None, encoding: str | None = None) -> int | None:
    """Number of documents to expect (for the ETA), files read in `encoding` as the run
    reads them; None when it cannot be told cheaply."""
    total = 0
    for p in expand(paths, exclude=exclude):
        if isinstance(p, Failure):
            total += 1
            continue
        if p == "-":
            return None
        path = Path(p)
        try:
            if path.suffix.lower() in JSONL_SUFFIXES:
                with path.open("rb") as fh:  # (a line break is an LF byte in UTF-8 and in any --encoding that is ASCII-based)
                    total += sum(1 for line in fh if line.strip())
            elif path.suffix.lower() in JSON_SUFFIXES:
                with open_text(path, encoding=encoding) as fh:
                    total += json_count(fh.read())
            elif path.suffix.lower() in CSV_SUFFIXES:
                csv.field_size_limit(MAX_CSV_FIELD)
                with open_text(path, encoding=encoding) as fh:
                    # Rows, not lines: a quoted cell may hold line breaks.
                    total += max(0, sum(1 for _ in csv.reader(fh, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")) - 1)
            else:
                total += 1
        except (OSError, csv.Error):
            total += 1
    return total


def run_extract(
    paths: Sequence[str],
    *,
    fields: Fields = Fields(),  # noqa: B008 - an immutable dataclass
    output: Path | None = None,
    fmt: str = "jsonl",
    resume: bool = False,
    retry_failed: bool = False,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    quiet: bool = False,
    published: str | None = None,
    level: str | None = None,
    load_options: Mapping[str, Any] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    stdin: IO[Any] | None = None,
    stderr: TextIO | None = None,
    encoding: str | None = None,
) -> Summary:
    """Extract every input to `output` and return the run's summary.

    With `resume`, inputs whose records are already in `output` (known by file, line or
    row and content hash) are skipped, and an input whose content changed since is run
    again, its new record replacing the old one in its place (appended as it is written,
    then moved when the run ends: `resume.replace_keys`); with `retry_failed` too, failed
    records are first removed from `output` and their inputs run again (their new records
    come at the end). The output itself (in a
    folder or glob of inputs, or named; the command line refuses the latter before any
    work: `preflight.check_output_not_input`) is never read as an input. `encoding` is
    that of inputs that are not UTF-8 (None: UTF-8; see `readers.read_inputs`).
    """
    stdin = stdin or sys.stdin
    stderr = stderr or sys.stderr
    if resume and output is None:
        raise ValueError("--resume needs --output FILE")
    if retry_failed and not resume:
        raise UsageError("--retry-failed goes with --resume")
    if retry_failed and output is not None:
        drop_failed(output, fmt)
    done = read_done(output, fmt) if resume and output is not None else Done()
    # Records of a position written over by a run stopped before it removed them.
    stale = done.stale()
    done.forget(stale)
    own = written_by(output) if output is not None else None
    show = not quiet and stderr.isatty()
    progress = Progress(_count(paths, own, encoding) if show else None, stream=stderr, enabled=show)
    summary = Summary()
    sources: deque[Source] = deque()  # of the items read and not yet written, in order
    doubts: dict[int, str] = {}  # an HTML listing's warning, by the id of its items' sources (in `sources`)

    def skip(src: Source, rid: str | None) -> bool:
        if not done.has(src.key, rid):
            return False
        summary.skipped += 1
        summary.skipped_failed += done.failed_at(src.key, rid)
        progress.skip()
        return True

    def is_output(path: str) -> bool:
        if own is None or not own(path):
            return False
        if not quiet:
            progress.message(f"newsie: {path}: the output of this run, not read as an input")
        return True

    def items() -> Iterator[Any]:
        for src, unit in read_inputs(paths, fields, stdin=stdin, exclude=is_output, encoding=encoding):
            if isinstance(unit, HtmlItem):
                unit = _html_item(unit)
            if isinstance(unit, Failure):
                if not skip(src, unit.id):
                    sources.append(src)
                    yield failure_release(unit)
                continue
            doubt = unit.pop(_DOUBT, None) if isinstance(unit, dict) else None
            # A listing page gives one item per listed release, ids "<source>#<n>".
            subs = listing_units(unit)
            for n, sub in enumerate(subs, 1):
                if published and not has_own_date(sub):
                    sub["published"] = published
                sub_src = src if sub is unit else src.model_copy(update={"item": n})
                if not skip(sub_src, sub.get("id") if isinstance(sub.get("id"), str) else None):
                    sources.append(sub_src)
                    if doubt:
                        doubts[id(sub_src)] = doubt
                    yield sub

    writer = open_writer(output, fmt, append=resume, level=level)
    first_seen = {rid: (key, key.rpartition("@")[0] or key) for rid, key in done.ids.items()}  # id -> (key, where)
    try:
        for rel in extract_many(items(), batch_size=batch_size, n_process=n_process, load_options=load_options, timeout=timeout):
            rel.source = src = sources.popleft()
            if doubts and (doubt := doubts.pop(id(src), None)):
                rel.warnings.append(doubt)
            key, where = first_seen.setdefault(rel.id, (src.key, src.where))
            if key != src.key and where != src.where:  # the same position: its input changed since
                summary.duplicates += 1
                rel.warnings.append(f"duplicate id: {where} has the same id")
            rel = _write(writer, rel)
            old = done.places.pop(src.where, None)  # records of this input before it changed
            if old:
                stale.update(old)
                summary.replaced += 1
            summary.documents += 1
            summary.events += len(rel.events)
            if rel.error is not None:
                summary.errors += 1
                if not quiet:
                    # Most messages already begin with the file or line (the record's id).
                    said = rel.error.message.startswith(f"{rel.id}:")
                    progress.message(f"newsie: {rel.error.message}" if said else f"newsie: {rel.id}: {rel.error.message}")
            progress.update()
    finally:
        writer.close()
        progress.close()
        if stale and output is not None:
            replace_keys(output, fmt, stale)  # the new record of each changed input takes the old one's place
    if summary.duplicates and not quiet:
        stderr.write(
            f"newsie: {_n(summary.duplicates, 'record')} share{'s' if summary.duplicates == 1 else ''} an id with an earlier record (see their warnings); "
            "--resume tells them apart by input position\n"
        )
    summary.seconds = progress.elapsed
    return summary


def _write(writer: Writer, rel: Release) -> Release:
    """Write `rel`; a record that cannot be written is replaced by its error record."""
    try:
        writer.write(rel)
        return rel
    except OSError:
        raise  # a full disk or a closed pipe ends the run: nothing more can be written
    except Exception as exc:
        bad = error_release(0, RecordError(type="WriteError", message=f"the record could not be written: {type(exc).__name__}: {exc}"), {"id": rel.id, "url": rel.url, "title": rel.title})
        bad.source = rel.source
        writer.write(bad)
        return bad
