"""Reading archives: text and HTML files, folders, globs, JSON Lines, CSV and stdin.

Every readable unit becomes one item (a dict for `extract_many`) or one `Failure` that
names the file (and line) and why it could not be read, so a run goes on and no record
is silently lost.
"""
from __future__ import annotations

import csv
import glob
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, Union

from ..inputs import split_title
from ..pages import looks_like_page

TEXT_SUFFIXES = (".txt", ".text", ".md", "")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
MAX_CSV_FIELD = 50 * 1024 * 1024
# What a folder or a glob contributes; other files there (.pdf, .py, ...) are skipped.
READ_SUFFIXES = frozenset(s for s in (*TEXT_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES, *CSV_SUFFIXES) if s)


@dataclass(frozen=True)
class Fields:
    """Which columns (CSV) or keys (JSON Lines) hold each part of a release."""

    text: str = "text"
    id: str | None = "id"
    title: str | None = "title"
    date: str | None = "published"
    url: str | None = "url"


@dataclass(frozen=True)
class Failure:
    """An input unit that could not be read: where, and why."""

    id: str
    source: str
    type: str
    message: str


@dataclass(frozen=True)
class HtmlItem:
    """An HTML page to hand to trafilatura."""

    id: str
    source: str
    html: str


Unit = Union[dict, Failure, HtmlItem]


def expand(paths: Sequence[str]) -> Iterator[str]:
    """Files named, found under folders (sorted, recursively) or matched by globs; '-' is stdin."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            yield from (str(f) for f in sorted(path.rglob("*")) if f.is_file() and not f.name.startswith(".") and readable(f))
        elif any(c in p for c in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield p  # reported as missing
            yield from (m for m in matches if Path(m).is_file() and readable(Path(m)))
        else:
            yield p


def readable(path: Path) -> bool:
    """Whether a file found in a folder or by a glob is read (by its suffix)."""
    return path.suffix.lower() in READ_SUFFIXES


def _decode(raw: bytes, source: str) -> str | Failure:
    if not raw.strip():
        return Failure(source, source, "EmptyFile", f"{source}: the file is empty")
    if b"\x00" in raw[:8192]:
        return Failure(source, source, "BinaryFile", f"{source}: binary content (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Failure(source, source, "DecodeError", f"{source}: not UTF-8 text (byte {exc.start}: {exc.reason})")


def read_units(paths: Sequence[str], fields: Fields = Fields(), *, stdin: TextIO | None = None) -> Iterator[Unit]:
    """Items, HTML pages and failures for every input, in order."""
    stdin = stdin or sys.stdin
    for source in expand(paths):
        if source == "-":
            yield from _read_stream(stdin, "<stdin>", fields)
            continue
        path = Path(source)
        suffix = path.suffix.lower()
        try:
            raw = path.read_bytes()
        except OSError as exc:
            yield Failure(source, source, "ReadError", f"{source}: cannot read ({exc.strerror or exc})")
            continue
        if suffix in JSONL_SUFFIXES:
            text = _decode(raw, source)
            yield from ([text] if isinstance(text, Failure) else _read_jsonl(text.splitlines(), source, fields))
        elif suffix in CSV_SUFFIXES:
            text = _decode(raw, source)
            yield from ([text] if isinstance(text, Failure) else _read_csv(text, source, fields, "\t" if suffix == ".tsv" else ","))
        else:
            text = _decode(raw, source)
            if isinstance(text, Failure):
                yield text
            elif suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
                yield HtmlItem(source, source, text)
            else:
                yield text_item(text, source)


def text_item(text: str, source: str) -> dict:
    """A plain-text release (a scraped page is left whole; else line one may be the title)."""
    if looks_like_page(text):
        return {"id": source, "url": source, "text": text}
    title, body = split_title(text)
    return {"id": source, "url": source, "title": title, "text": body}


def _read_stream(stream: TextIO, source: str, fields: Fields) -> Iterator[Unit]:
    try:
        data = stream.read()
    except UnicodeDecodeError as exc:
        yield Failure(source, source, "DecodeError", f"{source}: not UTF-8 text ({exc.reason})")
        return
    if data.lstrip().startswith("{"):
        yield from _read_jsonl(data.splitlines(), source, fields)
    elif data.strip():
        yield text_item(data, source)
    else:
        yield Failure(source, source, "EmptyInput", f"{source}: no input")


def _read_jsonl(lines: Sequence[str], source: str, fields: Fields) -> Iterator[Unit]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, source, "JSONDecodeError", f"{where}: malformed JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, source, "TypeError", f"{where}: a line must be a JSON object")
            continue
        yield _item(obj, where, fields)


def _read_csv(text: str, source: str, fields: Fields, delimiter: str) -> Iterator[Unit]:
    csv.field_size_limit(MAX_CSV_FIELD)
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    if reader.fieldnames is None or fields.text not in reader.fieldnames:
        cols = ", ".join(reader.fieldnames or [])
        yield Failure(source, source, "MissingColumn", f"{source}: no text column {fields.text!r} (columns: {cols}); use --text-field")
        return
    try:
        for lineno, row in enumerate(reader, 2):
            yield _item(row, f"{source}:{lineno}", fields)
    except csv.Error as exc:
        yield Failure(f"{source}:{reader.line_num}", source, "CSVError", f"{source}:{reader.line_num}: {exc}")


def _item(obj: dict[str, Any], where: str, fields: Fields) -> dict:
    item: dict[str, Any] = {"text": obj.get(fields.text)}
    for key, name in (("id", fields.id), ("title", fields.title), ("published", fields.date), ("url", fields.url)):
        value = obj.get(name) if name else None
        if value not in (None, ""):
            item[key] = value if key == "published" else str(value)
    item.setdefault("id", where)
    for key in ("issuer", "fields_of_work"):
        if isinstance(obj.get(key), list):
            item[key] = obj[key]
    return item
