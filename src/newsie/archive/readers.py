"""Reading archives: text and HTML files, folders, globs, JSON Lines, CSV and stdin.

Every readable unit becomes one item (a dict for `extract_many`) or one `Failure` that
names the file (and line) and why it could not be read, so a run goes on and no record
is silently lost: unreadable folders, dangling links, link loops and special files
(FIFOs and devices are never opened) each give a `Failure` too. Each unit comes with
its `Source` (file, line or row, content hash), the key of ``--resume``.
"""
from __future__ import annotations

import csv
import errno
import glob
import hashlib
import io
import json
import os
import re
import stat
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, Union

from ..inputs import split_title
from ..pages import looks_like_page
from ..records import Source

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


@dataclass
class Skipped:
    """What folders and globs hold but a run does not read."""

    suffixes: Counter[str] = field(default_factory=Counter)  # files without a release suffix, by suffix
    hidden: Counter[str] = field(default_factory=Counter)  # "file"/"folder": names that start with "."


def expand(paths: Sequence[str], skipped: Skipped | None = None) -> Iterator[str | Failure]:
    """Files named, found under folders (sorted, recursively) or matched by globs; '-' is stdin.

    Whatever cannot be read as a file (a missing path, an unreadable folder, a dangling
    link, a link loop, a FIFO or device) comes out as a `Failure` naming it, in place.
    A glob gives each file once, however many links lead to it. Files passed over in
    folders (other suffixes, hidden names) are counted in `skipped`.
    """
    for p in paths:
        if p == "-":
            yield p
        elif is_glob(p):
            matches = match_glob(p)
            if not matches:
                yield p  # reported as missing
            seen: set[str] = set()
            walked: set[str] = set()  # matched folders, read whole
            for m in matches:
                if m in seen or (isinstance(m, str) and _inside(m, walked)):
                    continue  # a link loop already reported, or a path in a folder already read
                if isinstance(m, str) and os.path.isdir(m):
                    walked.add(os.path.normpath(m))
                for entry in _entry(Path(m), (), found=True, skipped=skipped) if isinstance(m, str) else (m,):
                    key = entry.source if isinstance(entry, Failure) else os.path.realpath(entry)
                    if key not in seen:
                        seen.add(key)
                        yield entry
        else:
            yield from _entry(Path(p), (), found=False, skipped=skipped)


def _inside(path: str, folders: set[str]) -> bool:
    """Whether `path` lies under one of `folders` (paths as matched, not resolved)."""
    if not folders:
        return False
    head = os.path.dirname(os.path.normpath(path))
    while head and head not in folders:
        parent = os.path.dirname(head)
        if parent == head:
            return False
        head = parent
    return bool(head)


def is_glob(path: str) -> bool:
    """Whether an input is a glob pattern (a file that exists under that very name is not)."""
    return any(c in path for c in "*?[") and not Path(path).exists()


def match_glob(pattern: str) -> list[str | Failure]:
    """The paths `pattern` matches, sorted; `**` crosses folders and links to folders, but no link loop.

    Python's own `glob` follows a link to an enclosing folder round and round (each file
    comes out once per lap, and two such links make the laps multiply); here such a link
    is a `LinkLoop` failure, as in a folder input.
    """
    found = list(_glob(pattern))
    return sorted(found, key=lambda m: (m, 1) if isinstance(m, str) else (m.source, 0))


def _glob(pattern: str) -> Iterator[str | Failure]:
    parts = re.split(r"[/\\]" if os.sep == "\\" else "/", pattern)
    if "**" not in parts:
        yield from glob.glob(pattern)  # no recursion, no loop
        return
    i = parts.index("**")
    head, rest = "/".join(parts[:i]), "/".join(parts[i + 1 :])
    if i == 1 and parts[0] == "":
        head = "/"
    bases = [head] if not glob.has_magic(head) else glob.glob(head)
    for base in bases:
        if base and not os.path.isdir(base):
            continue
        for folder in _folders(base, ()):
            if isinstance(folder, Failure):
                yield folder
            elif not rest:  # "DIR/**": the folders and everything in them
                if folder:
                    yield folder
                yield from glob.glob(os.path.join(glob.escape(folder), "*"))
            else:
                yield from _glob(os.path.join(glob.escape(folder), rest) if folder else rest)


def _folders(top: str, parents: tuple[tuple[int, int], ...]) -> Iterator[str | Failure]:
    """`top` and the folders under it, as `**` matches them (hidden ones left out), with no link loop."""
    try:
        st = os.stat(top or ".")
        children = sorted(os.scandir(top or "."), key=lambda e: e.name)
    except OSError as exc:
        if top:
            yield Failure(top, top, "ReadError", f"{top}: cannot read the folder ({exc.strerror or exc})")
        return
    yield top
    here = (*(parents or _ancestors(top or ".")), (st.st_dev, st.st_ino))
    for child in children:
        try:
            if child.name.startswith(".") or not child.is_dir():
                continue
            cst = child.stat()
        except OSError:
            continue  # not a folder that can be entered; the pattern may still name it
        path = os.path.join(top, child.name)
        if (cst.st_dev, cst.st_ino) in here:
            yield Failure(path, path, "LinkLoop", f"{path}: a link loop (this folder contains itself); not read again")
        else:
            yield from _folders(path, here)


def _entry(
    path: Path, parents: tuple[tuple[int, int], ...], *, found: bool, skipped: Skipped | None = None
) -> Iterator[str | Failure]:
    """A regular file's path, a folder's files, or a Failure saying why not.

    Files `found` in a folder or by a glob count only with a release suffix (`readable`);
    a link loop is reported whatever its name (it may have been meant as a folder).
    """
    name = str(path)
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            yield Failure(name, name, "LinkLoop", f"{name}: a symbolic link loop")
        elif path.is_symlink() and (readable(path) or not found):
            yield Failure(name, name, "DanglingLink", f"{name}: a link to a missing file ({os.readlink(path)})")
        elif not found:
            yield name  # missing: read_inputs reports it
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _folder(path, st, parents, skipped)
    elif found and not readable(path):
        if skipped is not None:
            skipped.suffixes[path.suffix.lower()] += 1  # the preflight's notice names them
    elif stat.S_ISREG(st.st_mode):
        yield name
    else:
        kind = next((k for test, k in _SPECIAL if test(st.st_mode)), "special file")
        yield Failure(name, name, "SpecialFile", f"{name}: a {kind}, not a regular file; not read")


_SPECIAL = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"))


def _folder(path: Path, st: os.stat_result, parents: tuple[tuple[int, int], ...], skipped: Skipped | None) -> Iterator[str | Failure]:
    name = str(path)
    here = (st.st_dev, st.st_ino)
    parents = parents or _ancestors(name)
    if here in parents:
        yield Failure(name, name, "LinkLoop", f"{name}: a link loop (this folder contains itself); not read again")
        return
    try:
        children = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        yield Failure(name, name, "ReadError", f"{name}: cannot read the folder ({exc.strerror or exc})")
        return
    for child in children:
        if not child.name.startswith("."):
            yield from _entry(Path(child.path), (*parents, here), found=True, skipped=skipped)
        elif skipped is not None:
            skipped.hidden["folder" if _is_dir(child) else "file"] += 1


def _ancestors(folder: str) -> tuple[tuple[int, int], ...]:
    """The folders that hold `folder` (resolved): a link to one of them inside it is a loop too."""
    found = []
    for parent in Path(os.path.realpath(folder)).parents:
        try:
            st = parent.stat()
        except OSError:
            continue
        found.append((st.st_dev, st.st_ino))
    return tuple(found)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


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


def _sha1(data: str | bytes) -> str:
    return hashlib.sha1(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")).hexdigest()


def read_units(paths: Sequence[str], fields: Fields = Fields(), *, stdin: TextIO | None = None) -> Iterator[Unit]:
    """Items, HTML pages and failures for every input, in order."""
    for _, unit in read_inputs(paths, fields, stdin=stdin):
        yield unit


def read_inputs(paths: Sequence[str], fields: Fields = Fields(), *, stdin: TextIO | None = None) -> Iterator[tuple[Source, Unit]]:
    """Every input unit with its `Source` (file, line or row, content hash), in order."""
    stdin = stdin or sys.stdin
    for source in expand(paths):
        if isinstance(source, Failure):
            yield Source(file=source.source, sha1=_sha1(b"")), source
            continue
        if source == "-":
            yield from _read_stream(stdin, "<stdin>", fields)
            continue
        path = Path(source)
        suffix = path.suffix.lower()
        try:
            if not stat.S_ISREG(path.stat().st_mode):  # a file swapped for a FIFO since it was listed
                raise OSError(errno.EINVAL, "not a regular file")
            raw = path.read_bytes()
        except OSError as exc:
            yield Source(file=source, sha1=_sha1(b"")), Failure(source, source, "ReadError", f"{source}: cannot read ({exc.strerror or exc})")
            continue
        whole = Source(file=source, sha1=_sha1(raw))
        text = _decode(raw, source)
        if isinstance(text, Failure):
            yield whole, text
        elif suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(text, source, fields)
        elif suffix in CSV_SUFFIXES:
            yield from _read_csv(text, source, fields, "\t" if suffix == ".tsv" else ",")
        elif suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
            yield whole, HtmlItem(source, source, text)
        else:
            yield whole, text_item(text, source)


def text_item(text: str, source: str) -> dict:
    """A plain-text release (a scraped page is left whole; else line one may be the title)."""
    if looks_like_page(text):
        return {"id": source, "url": source, "text": text}
    title, body = split_title(text)
    return {"id": source, "url": source, "title": title, "text": body}


def _read_stream(stream: TextIO, source: str, fields: Fields) -> Iterator[tuple[Source, Unit]]:
    try:
        data = stream.read()
    except UnicodeDecodeError as exc:
        yield Source(file=source, sha1=_sha1(b"")), Failure(source, source, "DecodeError", f"{source}: not UTF-8 text ({exc.reason})")
        return
    if data.lstrip().startswith("{"):
        yield from _read_jsonl(data, source, fields)
    elif data.strip():
        yield Source(file=source, sha1=_sha1(data)), text_item(data, source)
    else:
        yield Source(file=source, sha1=_sha1(b"")), Failure(source, source, "EmptyInput", f"{source}: no input")


def _read_jsonl(text: str, source: str, fields: Fields) -> Iterator[tuple[Source, Unit]]:
    # Only "\n" ends a record: str.splitlines() would also cut at U+2028 and other
    # separators that JSON allows inside strings.
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        pos = Source(file=source, line=lineno, sha1=_sha1(line))
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield pos, Failure(where, source, "JSONDecodeError", f"{where}: malformed JSON ({exc.msg})")
            continue
        except RecursionError:
            yield pos, Failure(where, source, "JSONDecodeError", f"{where}: JSON nested too deeply")
            continue
        if not isinstance(obj, dict):
            yield pos, Failure(where, source, "TypeError", f"{where}: a line must be a JSON object")
            continue
        yield pos, _item(obj, where, fields)


def _read_csv(text: str, source: str, fields: Fields, delimiter: str) -> Iterator[tuple[Source, Unit]]:
    csv.field_size_limit(MAX_CSV_FIELD)
    # newline="" keeps line breaks inside quoted cells, as the csv module requires.
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    whole = Source(file=source, sha1=_sha1(text))
    try:
        names = reader.fieldnames
    except csv.Error as exc:
        yield whole, Failure(source, source, "CSVError", f"{source}: {exc}")
        return
    if names is None or fields.text not in names:
        cols = ", ".join(names or [])
        yield whole, Failure(source, source, "MissingColumn", f"{source}: no text column {fields.text!r} (columns: {cols}); use --text-field")
        return
    first_line = reader.line_num + 1
    try:
        for rowno, row in enumerate(reader, 2):
            pos = Source(file=source, line=first_line, sha1=_sha1(json.dumps(row, ensure_ascii=False)))
            first_line = reader.line_num + 1
            yield pos, _item(row, f"{source}:{rowno}", fields)
    except csv.Error as exc:
        where = f"{source}:{reader.line_num}"
        yield Source(file=source, line=reader.line_num, sha1=_sha1(b"")), Failure(where, source, "CSVError", f"{where}: {exc}")


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
    if isinstance(obj.get("content_type"), str) and obj["content_type"]:
        item["content_type"] = obj["content_type"]
    return item
