"""Reading archives: text and HTML files, folders, globs, JSON Lines, CSV and stdin.

Every readable unit becomes one item (a dict for `extract_many`) or one `Failure` that
names the file (and line) and why it could not be read, so a run goes on and no record
is silently lost: unreadable folders, dangling links, link loops and special files
(FIFOs and devices are never opened) each give a `Failure` too. Each unit comes with
its `Source` (file, line or row, content hash), the key of ``--resume``.

Text is UTF-8, or UTF-16/UTF-32 when a byte-order mark says so, or UTF-16 LE/BE without
one when its first kilobyte reads as such (`unmarked_utf16`: Windows tools save it so); an
input that is not UTF-8 is read in the `encoding` a run is given (cp1252, cp1251, ...: see
`_choose`), an HTML page first by the charset it declares. A text or HTML file is one release
and is decoded whole; JSON Lines and CSV are decoded line by line and row by row, so a
stray byte costs its own record only. stdin is read as bytes, by the same rules.
"""
from __future__ import annotations

import codecs
import csv
import errno
import functools
import glob
import hashlib
import io
import json
import os
import re
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, TextIO, Union

from ..inputs import split_title
from ..pages import looks_like_page
from ..records import Source
from .charsets import WINDOWS_1252, as_browsers_read

TEXT_SUFFIXES = (".txt", ".text", ".md", "")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
CSV_SUFFIXES = (".csv", ".tsv")
RECORD_SUFFIXES = (*JSONL_SUFFIXES, *JSON_SUFFIXES, *CSV_SUFFIXES)  # files of many documents
MAX_CSV_FIELD = 50 * 1024 * 1024
# What a folder or a glob contributes; other files there (.pdf, .py, ...) are skipped, and
# so are .json files (often a page's metadata or a config) unless named, or matched by a
# glob that names the suffix ("exports/*.json").
READ_SUFFIXES = frozenset(s for s in (*TEXT_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES, *CSV_SUFFIXES) if s)
# The keys every newsie record has: a file of them is an earlier run's output, not releases.
RECORD_MARKS = ("newsie_version", "schema_version")
TABLE_MARKS = ("release_id", "source", "error")  # in the header of every CSV table newsie writes


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
    outputs: list[str] = field(default_factory=list)  # newsie's own output files (`is_newsie_output`)


def expand(
    paths: Sequence[str], skipped: Skipped | None = None, exclude: Callable[[str], bool] | None = None
) -> Iterator[str | Failure]:
    """Files named, found under folders (sorted, recursively) or matched by globs; '-' is stdin.

    Whatever cannot be read as a file (a missing path, an unreadable folder, a dangling
    link, a link loop, a FIFO or device) comes out as a `Failure` naming it, in place.
    A glob or a folder gives each file once, however many links lead to it (the first
    path in sorted order); a file named twice is read twice. Files passed over in
    folders (other suffixes, hidden names) are counted in `skipped`; a file for which
    `exclude` is true (the run's own output) is left out.
    """
    if exclude is not None:
        exclude = _once_each(exclude)  # a test with a side effect (the run's notice): once per path
    for entry in _expand(paths, skipped, exclude):
        if exclude is None or isinstance(entry, Failure) or entry == "-" or not exclude(entry):
            yield entry


def _once_each(test: Callable[[str], bool]) -> Callable[[str], bool]:
    """`test`, called once per path (its answer remembered)."""
    answers: dict[str, bool] = {}

    def once(path: str) -> bool:
        if path not in answers:
            answers[path] = test(path)
        return answers[path]

    return once


def _expand(paths: Sequence[str], skipped: Skipped | None, exclude: Callable[[str], bool] | None) -> Iterator[str | Failure]:
    for p in paths:
        if p == "-":
            yield p
        elif is_glob(p):
            matches = match_glob(p)
            if not matches:
                yield p  # reported as missing
            seen: set[str] = set()
            walked: set[str] = set()  # matched folders, read whole
            also = JSON_SUFFIXES if Path(p).suffix.lower() in JSON_SUFFIXES else ()  # "exports/*.json"
            for m in matches:
                if m in seen or (isinstance(m, str) and _inside(m, walked)):
                    continue  # a link loop already reported, or a path in a folder already read
                if isinstance(m, str) and os.path.isdir(m):
                    walked.add(os.path.normpath(m))
                yield from _once(_entry(Path(m), (), found=True, skipped=skipped, exclude=exclude, also=also) if isinstance(m, str) else (m,), seen)
        else:
            yield from _once(_entry(Path(p), (), found=False, skipped=skipped, exclude=exclude), set())


def _once(entries: Iterable[str | Failure], seen: set[str]) -> Iterator[str | Failure]:
    """The entries whose real file (or failure) is not in `seen` yet, adding them: one read
    per file, however many links lead to it."""
    for entry in entries:
        key = entry.source if isinstance(entry, Failure) else os.path.realpath(entry)
        if key not in seen:
            seen.add(key)
            yield entry


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
    path: Path, parents: tuple[tuple[int, int], ...], *, found: bool, skipped: Skipped | None = None,
    exclude: Callable[[str], bool] | None = None, also: tuple[str, ...] = (),
) -> Iterator[str | Failure]:
    """A regular file's path, a folder's files, or a Failure saying why not.

    Files `found` in a folder or by a glob count only with a release suffix (`readable`)
    and when they are not newsie's output (`is_newsie_output`; the run's own output, for
    which `exclude` is true, is left to `expand`); a link loop is reported whatever its
    name (it may have been meant as a folder).
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
        yield from _folder(path, st, parents, skipped, exclude)
    elif found and not readable(path, also):
        if skipped is not None:
            skipped.suffixes[path.suffix.lower()] += 1  # the preflight's notice names them
    elif found and stat.S_ISREG(st.st_mode) and not (exclude is not None and exclude(name)) and is_newsie_output(path):
        if skipped is not None:
            skipped.outputs.append(name)
    elif stat.S_ISREG(st.st_mode):
        yield name
    else:
        kind = next((k for test, k in _SPECIAL if test(st.st_mode)), "special file")
        yield Failure(name, name, "SpecialFile", f"{name}: a {kind}, not a regular file; not read")


_SPECIAL = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"))


def _folder(
    path: Path, st: os.stat_result, parents: tuple[tuple[int, int], ...], skipped: Skipped | None, exclude: Callable[[str], bool] | None
) -> Iterator[str | Failure]:
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
            yield from _entry(Path(child.path), (*parents, here), found=True, skipped=skipped, exclude=exclude)
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


def readable(path: Path, also: tuple[str, ...] = ()) -> bool:
    """Whether a file found in a folder or by a glob is read (by its suffix; `also`: more)."""
    suffix = path.suffix.lower()
    return suffix in READ_SUFFIXES or suffix in also


def is_newsie_output(path: Path) -> bool:
    """Whether a records file holds newsie's output (an earlier run's records or table),
    judged by its first record or header: read again, it would give each release twice."""
    suffix = path.suffix.lower()
    if suffix not in JSONL_SUFFIXES and suffix not in CSV_SUFFIXES:
        return False  # newsie writes no other records file
    try:
        with open_text(path) as fh:
            line = fh.readline(_OUTPUT_PEEK)  # whole: its keys "newsie_version" and "schema_version" come last
    except (OSError, UnicodeError):
        return False
    if suffix in CSV_SUFFIXES:
        header = next(csv.reader([line], delimiter="\t" if suffix == ".tsv" else ","), [])
        return all(mark in header for mark in TABLE_MARKS)
    found = first_keys([line], 1)
    return found is not None and all(mark in found[0] for mark in RECORD_MARKS)


_OUTPUT_PEEK = 1 << 26  # a record's first line is read up to this many characters


def json_count(text: str) -> int:
    """How many documents `_read_json` reads from a .json file's text (an estimate for
    the progress bar: 1 for what is not JSON)."""
    if not text.lstrip().startswith("["):
        return max(1, sum(1 for _ in _documents(text)))
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return 1
    return len(data) if isinstance(data, list) else 1


def json_lines(text: str) -> bool:
    """Whether a JSON text is JSON Lines: two lines or more, most of them an object each
    (else its values are read one after another, as pretty-printed objects are)."""
    filled = [line for line in (line.strip() for line in text.split("\n")) if line]
    return len(filled) > 1 and sum(line.startswith("{") and line.endswith("}") for line in filled) * 2 > len(filled)


def _documents(text: str) -> Iterator[str]:
    """The JSON texts of the values of a .json text that is no array: one per line when the
    lines are objects (JSON Lines saved as .json: a bad line fails alone), else the values
    one after another (pretty-printed objects, as ``jq '.[]'`` writes them; one object,
    indented). After a value that does not parse, the rest is one value."""
    if json_lines(text):
        yield from (line.strip() for line in text.split("\n") if line.strip())
        return
    decoder = json.JSONDecoder()
    at, size = 0, len(text)
    while True:
        while at < size and text[at].isspace():
            at += 1
        if at >= size:
            return
        try:
            _, end = decoder.raw_decode(text, at)
        except (ValueError, RecursionError):
            yield text[at:]  # fails again where it is read
            return
        yield text[at:end]
        at = end


def json_keys(text: str, limit: int = 50) -> tuple[list[str], bool] | None:
    """The keys of the first `limit` objects of a .json file's text (see `_read_json`), and
    whether those are all its objects; None when it holds no object or is not JSON."""
    if not text.lstrip().startswith("["):
        return first_keys(_documents(text), limit)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    objs = data[:limit] if isinstance(data, list) else []
    keys = dict.fromkeys(k for obj in objs if isinstance(obj, dict) for k in obj)
    return (list(keys), len(data) <= limit) if any(isinstance(obj, dict) for obj in objs) else None


def first_keys(lines: Iterable[str], limit: int = 50) -> tuple[list[str], bool] | None:
    """The keys found in the first `limit` JSON objects of `lines` (one per line), in order
    of first appearance, and whether those were all the lines; None when none of them is a
    JSON object."""
    keys: dict[str, None] = {}
    seen = False
    for n, line in enumerate(lines):
        if n >= limit:
            return (list(keys), False) if seen else None
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(obj, dict):
            seen = True
            keys.update(dict.fromkeys(k for k in obj if isinstance(k, str)))
    return (list(keys), True) if seen else None


def table_header(line: str, fields: Fields) -> tuple[str, list[str]] | None:
    """The delimiter and column names of `line` when it is a CSV or TSV header (how stdin
    holding a table is told from one release's text): two names or more of at most 64
    characters, among them the text column; or, so that a header without it is named in a
    usage error, names without a space around them, one of them a field newsie reads
    (`fields`' names, or one of `TABLE_NAMES`). Else None ("Vienna,Austria" is text)."""
    line = line.split("\r", 1)[0]  # (a file whose lines end with a CR alone)
    known = {*TABLE_NAMES, *(n.casefold() for n in (fields.text, fields.id, fields.title, fields.date, fields.url) if n)}
    for delimiter in (",", "\t"):
        try:
            names = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            return None
        if len(names) < 2 or not all(0 < len(n) <= 64 for n in names):
            continue
        if fields.text in names or (all(_COLUMN.fullmatch(n) for n in names) and any(n.casefold() in known for n in names)):
            return delimiter, names
    return None


TABLE_NAMES = frozenset({"text", "body", "content", "article", "lede", "full_text", "title", "headline", "id", "published", "date", "url"})
_COLUMN = re.compile(r"[A-Za-z_](?:[\w .-]{0,62}[\w.-])?")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Bytes that are not UTF-8 come out of "surrogateescape" as U+DC80-U+DCFF; a NUL is no text either.
_NOT_TEXT = re.compile("[\x00\udc80-\udcff]")
_SAMPLE = 8192


HEAD_BYTES = 1024  # what `encoding_of` is given of a file's start


def encoding_of(head: bytes) -> str:
    """The codec of a file that starts with `head` (its first `HEAD_BYTES`) as far as its head
    tells: UTF-8/16/32 by a byte-order mark, UTF-16 LE or BE without one by `unmarked_utf16`,
    else UTF-8 ("utf-8-sig")."""
    own = _own_codec(head)
    return own[0] if own is not None else "utf-8-sig"


def _own_codec(head: bytes) -> tuple[str, bool] | None:
    """The codec a file starting with `head` says it has, whatever ``--encoding`` says, and
    whether a byte-order mark says it (else its bytes, UTF-16 without a mark); None when
    it says none."""
    marked = next((codec for bom, codec, _ in _BOMS if head.startswith(bom)), None)
    if marked is not None:
        return marked, True
    unmarked = unmarked_utf16(head)
    return (unmarked, False) if unmarked is not None else None


_WIDE = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def check_encoding(name: str) -> str | None:
    """Check that `name` is a text encoding newsie reads files in (cp1252, cp1251, Shift JIS,
    UTF-16LE, ...) and return the codec the readers use for it (None for UTF-8).

    Files are read in an ASCII-based encoding (`_ascii_based`), whose line breaks, JSON
    and CSV syntax are ASCII bytes, or in UTF-16 or UTF-32. Latin-1 and ASCII (latin-1,
    iso-8859-1, l1, us-ascii, ...) are read as browsers read them, as windows-1252
    (`charsets.WINDOWS_1252`): what files said to be Latin-1 are.

    Raises:
        LookupError: an unknown name; a codec that is no text encoding (base64), or whose
            ASCII bytes are not ASCII (idna, unicode_escape, UTF-7, EBCDIC), and is not
            UTF-16 or UTF-32.
    """
    codec = as_browsers_read(codecs.lookup(name).name)
    if codec in ("utf-8", "utf-8-sig"):
        return None
    if codec in _WIDE or _ascii_based(codec):
        return codec
    raise LookupError(f"{name!r} is no text encoding newsie reads files in: one that reads ASCII as ASCII, or UTF-16/UTF-32")


def _codec(encoding: str | None) -> str | None:
    """The codec of an ``--encoding`` (None: UTF-8), checked (see `check_encoding`)."""
    return None if encoding is None else check_encoding(encoding)


# ASCII that codecs which do not read ASCII as ASCII read otherwise: escapes
# (unicode_escape), IDNA labels, UTF-7's "+...-", the shifts of stateful codecs (ISO-2022,
# HZ), and every ASCII byte (EBCDIC).
_ASCII = (b"\\u00e9\\n", b"xn--zrich-kva.example", b"+AGE-", b"\x1b$B\x1b(B ~{~}", bytes(range(128)))


@functools.cache
def _ascii_based(codec: str) -> bool:
    """Whether `codec` is a text encoding that reads ASCII bytes as ASCII (cp1252, cp1251,
    Shift JIS; not UTF-16, EBCDIC, idna or base64): then NUL bytes and line breaks are
    found in the bytes, and a stray byte costs its line or row alone; a file in UTF-16 or
    UTF-32 is decoded whole."""
    try:
        return all(sample.decode(codec) == sample.decode("ascii") for sample in _ASCII)
    except (LookupError, UnicodeError, ValueError, TypeError):  # no text encoding (base64), or "undefined"
        return False


def _utf8(raw: bytes, encoding: str) -> bool:
    """Whether an input of bytes `raw` is read as UTF-8 although the run's `encoding` is
    another: it is valid UTF-8 (and under UTF-16/32, which is full of them, holds no NUL)."""
    if b"\x00" in raw and not _ascii_based(encoding):
        return False
    if raw.isascii():
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_stream(fh: IO[bytes], encoding: str) -> bool:
    """`_utf8` of an open file's bytes from where it stands, read a megabyte at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    nul = not _ascii_based(encoding)
    try:
        while chunk := fh.read(1 << 20):
            if nul and b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


@dataclass(frozen=True)
class _Decoded:
    """How an input's bytes were read: in `codec` (the UTF-8 of a byte-order mark is
    "utf-8"), by a byte-order mark (`marked`) or in the run's ``--encoding`` (`given`: the
    input is not UTF-8); `suspect` when some of the text is not text (a NUL, or bytes that
    do not decode, kept as lone surrogates: see `_not_text`)."""

    codec: str
    marked: bool = False
    given: bool = False
    suspect: bool = False

    @property
    def recoded(self) -> bool:
        """Whether the text is in the run's ``--encoding`` and ASCII-based, so that its lines
        and cells encode back to their bytes (their keys are taken from those: `_raw_bytes`)."""
        return self.given and _ascii_based(self.codec)


def _choose(raw: bytes, encoding: str | None) -> _Decoded:
    """How an input of bytes `raw` is read: by its byte-order mark, as UTF-16 told by its
    bytes, as UTF-8 when it is (`_utf8`) or no `encoding` is given, else in `encoding`."""
    own = _own_codec(raw[:HEAD_BYTES])
    if own is not None:
        return _Decoded("utf-8" if own[0] == "utf-8-sig" else own[0], marked=own[1])
    if encoding is None or _utf8(raw, encoding):
        return _Decoded("utf-8")
    return _Decoded(encoding, given=True)


def codec_of(raw: bytes, encoding: str | None = None) -> str:
    """The codec an input of bytes `raw` is read with, a run's `encoding` given (see
    `read_inputs`): a byte-order mark's, UTF-16 told by its bytes, UTF-8 when `raw` is
    UTF-8, else `encoding`."""
    read = _choose(raw, _codec(encoding))
    return "utf-8-sig" if read.codec == "utf-8" else read.codec


# Control characters that text holds: tab, line feed, form feed, carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def unmarked_utf16(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when `head` (a file's first bytes) is UTF-16 text without a
    byte-order mark, else None.

    Such text has NUL bytes on one side of its byte pairs (the high byte of every ASCII
    character: spaces, digits, punctuation, JSON and CSV syntax), hardly any on the other,
    and decodes to characters that are text: no NUL, no control character but tab, line
    and form feed and carriage return. UTF-8 text has no NUL byte at all; binary files
    have NULs on both sides (runs of zeros) or decode to control characters.
    """
    sample = head[: HEAD_BYTES & ~1]
    pairs = len(sample) // 2
    if not pairs or b"\x00" not in sample:
        return None
    low, high = sample[0::2].count(0), sample[1::2].count(0)
    codec, zeros, other = ("utf-16-le", high, low) if high >= low else ("utf-16-be", low, high)
    if zeros < 0.1 * pairs or other * 10 > zeros:
        return None
    try:  # a character cut at the end of the sample is left out, not an error
        text = codecs.getincrementaldecoder(codec)("strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    return codec if text.strip() and not _CONTROL.search(text) else None


PEEK_BYTES = 1 << 20  # what a look at the first records decodes of stdin (the preflight)


def peek_text(raw: bytes, limit: int = PEEK_BYTES, *, encoding: str | None = None) -> str:
    """The first `limit` bytes of `raw` as text, for a look at the first records (the
    preflight): decoded as `codec_of` says, undecodable bytes (and a character cut at the
    limit) as U+FFFD."""
    return raw[:limit].decode(codec_of(raw, encoding), errors="replace")


def open_text(path: Path, newline: str | None = "", *, encoding: str | None = None) -> TextIO:
    """A file opened as text for a look at it (the preflight, the progress bar's count):
    decoded as `codec_of` says (a byte-order mark dropped), undecodable bytes as U+FFFD.
    `newline` as for `open` ("" for the csv module, "\n" to cut lines at LF alone). With
    `encoding`, a file without a byte-order mark is first read through once, to tell
    whether it is UTF-8.

    Raises:
        OSError: the file cannot be opened or read.
    """
    given = _codec(encoding)
    fh = path.open("rb")
    try:
        own = _own_codec(fh.read(HEAD_BYTES))
        fh.seek(0)
        if own is not None:
            codec = own[0]
        elif given is None:
            codec = "utf-8-sig"
        else:
            codec = "utf-8" if _utf8_stream(fh, given) else given
            fh.seek(0)
        return io.TextIOWrapper(fh, encoding=codec, errors="replace", newline=newline)
    except BaseException:
        fh.close()
        raise


def _decode(raw: bytes, source: str, encoding: str | None = None) -> str | Failure:
    """A file read as one release (see `_choose`): it decodes whole or fails whole."""
    if not raw.strip():
        return Failure(source, source, "EmptyFile", f"{source}: the file is empty")
    read = _choose(raw, encoding)
    if not _ascii_based(read.codec):
        return _decode_whole(raw, source, read)
    if b"\x00" in raw[:_SAMPLE]:
        return _binary(raw, source)
    try:  # (the mark decoded and dropped, so that a bad byte is counted from the file's start)
        return raw.decode(read.codec).removeprefix("\ufeff") if read.marked else raw.decode(read.codec)
    except UnicodeDecodeError as exc:
        return _undecodable(source, read, exc)


def _decode_page(raw: bytes, source: str, encoding: str | None) -> str | Failure:
    """An HTML file: by a byte-order mark, as UTF-8, by the charset it declares, else in `encoding`.

    UTF-8 and the declared charset come before `encoding`, the run's one guess for all its
    files: a page's ``<meta charset>`` is its own word, the newer pages of an archive are
    UTF-8, and a page in cp1252 or cp1251 is hardly ever valid UTF-8.
    """
    text = _decode(raw, source)
    if not isinstance(text, Failure):
        return text
    return _decode_declared(raw) or (text if encoding is None else _decode(raw, source, encoding))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def _decode_declared(raw: bytes) -> str | None:
    """An HTML file that is not UTF-8, decoded with the charset its head declares
    (``<meta charset="windows-1251">``, or the ``http-equiv`` form; iso-8859-1 read as
    browsers read it, see `check_encoding`); None when it declares none, one newsie does
    not read, or one its bytes do not fit."""
    m = _META_CHARSET.search(raw[:_SAMPLE])
    if m is None:
        return None
    try:
        codec = check_encoding(m.group(1).decode("ascii"))
        return None if codec is None else raw.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_lines(raw: bytes, source: str, encoding: str | None = None) -> tuple[str, _Decoded] | Failure:
    """The text of a JSON Lines or CSV file, and how it was read (see `_choose`).

    Bytes that do not decode are kept as lone surrogates (``surrogateescape``), so that
    only the line or row holding them fails (`_not_text`). A file that is mostly not text
    (an image or an archive under a .jsonl name) is one `BinaryFile` failure. A file in a
    codec that is not ASCII-based (UTF-16, UTF-32) is decoded whole.
    """
    if not raw.strip():
        return Failure(source, source, "EmptyFile", f"{source}: the file is empty")
    read = _choose(raw, encoding)
    if not _ascii_based(read.codec):
        whole = _decode_whole(raw, source, read)
        return whole if isinstance(whole, Failure) else (whole, read)
    sample = raw[:_SAMPLE]
    if b"\x00" in sample and _mostly_binary(sample, read.codec, cut=len(raw) > _SAMPLE):
        return _binary(raw, source)
    codec = "utf-8-sig" if read.marked else read.codec
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        try:
            return raw.decode(codec, "surrogateescape"), replace(read, suspect=True)
        except UnicodeDecodeError as exc:  # (a codec that no error handler mends)
            return _undecodable(source, read, exc)
    return text, replace(read, suspect="\x00" in text)


def _decode_whole(raw: bytes, source: str, read: _Decoded) -> str | Failure:
    """A file in a codec that is not ASCII-based (`_ascii_based`: UTF-16 or UTF-32, by a
    byte-order mark, by its bytes, or by ``--encoding``), decoded whole."""
    name = _name(read.codec)
    try:
        text = raw.decode(read.codec)
    except UnicodeDecodeError as exc:
        said = f"marked as {name}" if read.marked else f"read as {name} (--encoding)" if read.given else f"read as {name} (no byte-order mark)"
        fix = _hint(read).removeprefix("; ") if read.given else f"save it as UTF-8 (e.g. iconv -f {name} -t UTF-8)"
        return Failure(source, source, "DecodeError", f"{source}: {said} but not valid {name} (byte {exc.start}: {exc.reason}); {fix}")
    if not text.strip():
        return Failure(source, source, "EmptyFile", f"{source}: the file is empty")
    return text


def _mostly_binary(sample: bytes, codec: str, *, cut: bool) -> bool:
    """Whether most lines of `sample` hold a NUL byte or bytes that are not text in `codec`."""
    lines = sample.split(b"\n")
    if cut and len(lines) > 1:
        lines.pop()  # cut off mid-line (maybe mid-character)
    lines = [line for line in lines if line.strip()]
    bad = 0
    for line in lines:
        try:
            bad += b"\x00" in line or not line.decode(codec)
        except UnicodeDecodeError:
            bad += 1
    return 2 * bad > len(lines)


def _not_text(value: str, where: str, source: str, part: str, decoded: _Decoded) -> Failure | None:
    """The failure of a line or cell (`part`) that holds a NUL or bytes that are not text in
    the codec it was `decoded` with."""
    hit = _NOT_TEXT.search(value)
    if hit is None:
        return None
    if hit.group() == "\x00":
        return Failure(where, source, "DecodeError", f"{where}: a NUL byte (binary content) in the {part}, not text")
    try:
        value.encode(decoded.codec, "surrogateescape").decode(decoded.codec)
        reason = "invalid bytes"
    except (UnicodeError, ValueError) as exc:
        start = getattr(exc, "start", None)
        reason = f"byte {start} of the {part}: {getattr(exc, 'reason', exc)}" if start is not None else str(exc)
    return Failure(where, source, "DecodeError", f"{where}: not {_name(decoded.codec)} text ({reason}){_hint(decoded)}")


def _undecodable(source: str, decoded: _Decoded, exc: UnicodeDecodeError) -> Failure:
    """The failure of a file that does not decode in the codec `decoded` says (UTF-8, or the run's encoding)."""
    return Failure(source, source, "DecodeError", f"{source}: not {_name(decoded.codec)} text (byte {exc.start}: {exc.reason}){_hint(decoded)}")


_NAMES = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE",
    "utf-32": "UTF-32", "utf-32-le": "UTF-32LE", "utf-32-be": "UTF-32BE", WINDOWS_1252: "windows-1252",
}


def _name(codec: str) -> str:
    """A codec as messages name it: "UTF-8", "UTF-16LE"; others by Python's name (cp1252)."""
    return _NAMES.get(codec, codec)


def _hint(decoded: _Decoded) -> str:
    """How to read a file that is not text in the codec it was `decoded` with: check the
    encoding given, or give one; a byte-order mark decides whatever is given."""
    name = _name(decoded.codec)
    if decoded.marked:
        return (
            f", although its byte-order mark says {name}; a file with that mark is read as {name} whatever --encoding says: "
            "remove the mark if the file is in another encoding, or save it as UTF-8"
        )
    if decoded.given:
        return f"; check its encoding: --encoding {name} does not fit it; give the right one, or save the file as UTF-8"
    return _UTF8_HINT


def _binary(raw: bytes, source: str) -> Failure:
    sample = raw[:_SAMPLE]
    half = max(1, len(sample) // 2)
    hint = ""
    for order, zeros in (("LE", sample[1::2]), ("BE", sample[0::2])):
        if zeros.count(0) > 0.4 * half:  # ASCII letters as UTF-16: every other byte is NUL
            # not read as such (`unmarked_utf16`): control characters in its first kilobyte
            hint = f" (UTF-16 text without a byte-order mark, with control characters? give --encoding UTF-16{order}, or save it as UTF-8, e.g. iconv -f UTF-16{order} -t UTF-8)"
    for magic, what in _PACKED:
        if sample.startswith(magic):
            hint = f" ({what})"
    return Failure(source, source, "BinaryFile", f"{source}: binary content (NUL bytes), not text{hint}")


_PACKED = (
    (b"\x1f\x8b", "gzip-compressed: gunzip it first"),
    (b"PK\x03\x04", "a ZIP archive, e.g. an Excel workbook: unpack it, or save the sheet as CSV UTF-8"),
)


_UTF8_HINT = "; give its encoding with --encoding (e.g. --encoding cp1252) or save it as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)"


def _sha1(data: str | bytes) -> str:
    return hashlib.sha1(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")).hexdigest()


# The key of ``--resume`` (`Source.sha1`) does not depend on ``--encoding``: a run with it
# and a run without find the same keys, so that neither replaces the other's records.


def _raw_bytes(text: str, decoded: _Decoded) -> bytes:
    """The bytes `text` (a line, a document) was decoded from, for its key: re-encoded in
    the run's ``--encoding`` (bytes it leaves undefined come back from their lone
    surrogates), else in UTF-8 (so for UTF-8 text, its bytes; for UTF-16, the UTF-8 of its
    text, as before)."""
    if decoded.recoded:
        try:
            return text.encode(decoded.codec, "surrogateescape")
        except UnicodeEncodeError:  # (a character a multibyte codec reads but writes otherwise)
            pass
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _as_utf8(text: str, decoded: _Decoded) -> str:
    """`text` as a run without ``--encoding`` reads its bytes (as UTF-8, bytes that are not
    kept as lone surrogates): what the keys of CSV rows and JSON arrays are taken from."""
    return _raw_bytes(text, decoded).decode("utf-8", "surrogateescape") if decoded.recoded else text


def _row_key(row: dict[Any, Any], names: dict[str, str] | None, decoded: _Decoded) -> str:
    """The hash of a CSV row as a run without ``--encoding`` reads it (`names`: the header's
    names as it reads them, see `_read_csv`; None when they are the same)."""
    if names is not None:
        row = {names.get(k, k) if isinstance(k, str) else k: _cells_as_utf8(v, decoded) for k, v in row.items()}
    return _sha1(json.dumps(row, ensure_ascii=False))


def _cells_as_utf8(value: Any, decoded: _Decoded) -> Any:
    if isinstance(value, list):  # the cells past the header's
        return [_cells_as_utf8(v, decoded) for v in value]
    return _as_utf8(value, decoded) if isinstance(value, str) else value


def read_units(
    paths: Sequence[str], fields: Fields = Fields(), *, stdin: IO[Any] | None = None, encoding: str | None = None
) -> Iterator[Unit]:
    """Items, HTML pages and failures for every input, in order."""
    for _, unit in read_inputs(paths, fields, stdin=stdin, encoding=encoding):
        yield unit


def read_inputs(
    paths: Sequence[str], fields: Fields = Fields(), *, stdin: IO[Any] | None = None,
    exclude: Callable[[str], bool] | None = None, encoding: str | None = None,
) -> Iterator[tuple[Source, Unit]]:
    """Every input unit with its `Source` (file, line or row, content hash), in order.

    `stdin` (default `sys.stdin`) is read as bytes where it can be (a binary stream, or a
    text stream's ``buffer``), and decoded like a file. Files for which `exclude` is true
    are not read (see `expand`). `encoding` (a codec name, as for `open`; None: UTF-8) is
    that of inputs that are not UTF-8: an input (a file, or stdin) without a byte-order
    mark that is not UTF-16 without one is read as UTF-8 when all of it is valid UTF-8,
    else in `encoding`; an HTML page tries UTF-8 and its declared charset first. The hashes
    do not depend on `encoding`: a file's is of its bytes, a JSON line's or document's of
    its bytes (`_raw_bytes`), a CSV row's or JSON array item's of its JSON as UTF-8 reads
    it (`_as_utf8`).

    Raises:
        LookupError: `encoding` is no text encoding Python knows (on the first item).
    """
    encoding = _codec(encoding)
    stdin = stdin or sys.stdin
    for source in expand(paths, exclude=exclude):
        if isinstance(source, Failure):
            yield Source(file=source.source, sha1=_sha1(b"")), source
            continue
        if source == "-":
            yield from _read_stream(stdin, "<stdin>", fields, encoding)
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
        if suffix in RECORD_SUFFIXES:
            lines = _decode_lines(raw, source, encoding)
            if isinstance(lines, Failure):
                yield whole, lines
            elif suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(*lines, source, fields)
            elif suffix in JSON_SUFFIXES:
                yield from _read_json(*lines, source, fields)
            else:
                yield from _read_csv(*lines, source, fields, "\t" if suffix == ".tsv" else ",")
            continue
        text = _decode_page(raw, source, encoding) if suffix in HTML_SUFFIXES else _decode(raw, source, encoding)
        if isinstance(text, Failure):
            yield whole, text
        elif suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
            yield whole, HtmlItem(source, source, text)
        else:
            yield whole, text_item(text, source)


def text_item(text: str, source: str) -> dict:
    """A plain-text release (a scraped page is left whole; else line one may be the title).

    Its id is the file's path; its ``url`` is left empty (a path is no web address): a run
    records where it read the input in the record's ``source``."""
    if looks_like_page(text):
        return {"id": source, "text": text}
    title, body = split_title(text)
    return {"id": source, "title": title, "text": body}


def read_stream_bytes(stream: IO[Any]) -> bytes:
    """All of `stream` as bytes: a text stream's ``buffer`` if it has one, else its text in UTF-8.

    Decoding is left to the readers, which treat stdin like a file: a text stream's own
    decoding would crash on a stray byte or pass it on as mojibake.
    """
    buffer = getattr(stream, "buffer", None)
    data = (buffer if buffer is not None else stream).read()
    if isinstance(data, bytes):
        return data
    try:  # characters a "surrogateescape" stream could not decode become their bytes again
        return data.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return data.encode("utf-8", "surrogatepass")


def _read_stream(stream: IO[Any], source: str, fields: Fields, encoding: str | None = None) -> Iterator[tuple[Source, Unit]]:
    """stdin: JSON Lines when it starts with '{' (decoded line by line; objects written
    over several lines, as ``jq '.[]'`` writes them, are read one after another), a JSON
    array of objects, a table when its first line is a CSV or TSV header (`table_header`),
    else one release (decoded whole)."""
    raw = read_stream_bytes(stream)
    if not raw.strip():
        yield Source(file=source, sha1=_sha1(b"")), Failure(source, source, "EmptyInput", f"{source}: no input")
        return
    lines = _decode_lines(raw, source, encoding)
    if isinstance(lines, Failure):
        yield Source(file=source, sha1=_sha1(raw)), lines
    elif lines[0].lstrip().startswith("{"):
        one_line = "\n" not in lines[0].strip()
        yield from (_read_jsonl if one_line or json_lines(lines[0]) else _read_json)(*lines, source, fields)
    elif lines[0].lstrip().startswith("[") and _is_array(lines[0]):
        yield from _read_json(*lines, source, fields)
    elif (table := table_header(lines[0].lstrip("\ufeff").split("\n", 1)[0].rstrip("\r"), fields)) is not None:
        yield from _read_csv(lines[0].lstrip("\ufeff"), lines[1], source, fields, table[0])
    else:
        # Clean text is what `_decode` would give; only text holding bytes that are not
        # text is decoded again, whole, for the failure of a file read as one release.
        text = _decode(raw, source, encoding) if lines[1].suspect else lines[0]
        if isinstance(text, Failure):
            yield Source(file=source, sha1=_sha1(raw)), text
        else:
            yield Source(file=source, sha1=_sha1(_raw_bytes(text, lines[1]))), text_item(text, source)


def _is_array(text: str) -> bool:
    """Whether `text` is a JSON array (a release's text may start with "[UPDATE]")."""
    try:
        return isinstance(json.loads(text), list)
    except (ValueError, RecursionError):
        return False


def _read_jsonl(text: str, decoded: _Decoded, source: str, fields: Fields) -> Iterator[tuple[Source, Unit]]:
    """One unit per non-blank line; when `decoded` is suspect (see `_decode_lines`), a line
    holding bytes that are not text fails alone."""
    # Only "\n" ends a record: str.splitlines() would also cut at U+2028 and other
    # separators that JSON allows inside strings.
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        pos = Source(file=source, line=lineno, sha1=_sha1(_raw_bytes(line, decoded)))
        bad = _not_text(line, where, source, "line", decoded) if decoded.suspect else None
        if bad is not None:
            yield pos, bad
            continue
        obj = _parse(line, where, source)
        if isinstance(obj, Failure):
            yield pos, obj
            continue
        if not isinstance(obj, dict):
            yield pos, Failure(where, source, "TypeError", f"{where}: a line must be a JSON object")
            continue
        yield pos, _item(obj, where, fields)


def _parse(text: str, where: str, source: str) -> Any:
    """The JSON value of `text`, or the `Failure` of `where` saying why there is none."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f", line {exc.lineno}" if "\n" in text.strip() else ""
        return Failure(where, source, "JSONDecodeError", f"{where}: malformed JSON ({exc.msg}{at})")
    except RecursionError:
        return Failure(where, source, "JSONDecodeError", f"{where}: JSON nested too deeply")
    except ValueError as exc:  # a number over Python's digit limit for int()
        return Failure(where, source, "JSONDecodeError", f"{where}: unreadable JSON ({exc})")


def _read_json(text: str, decoded: _Decoded, source: str, fields: Fields) -> Iterator[tuple[Source, Unit]]:
    """A .json file: an array of objects (as pandas' ``to_json(orient="records")`` writes
    them), or objects one after another (one object, JSON Lines saved as .json, or
    pretty-printed objects; see `_documents`): one document each, the Nth ``FILE:N`` (its
    id when it has none, and its position for ``--resume``)."""
    docs: Iterable[tuple[str, Any]]
    if text.lstrip().startswith("["):
        data = _parse(text, source, source)
        if not isinstance(data, list):
            failure = data if isinstance(data, Failure) else Failure(source, source, "TypeError", f"{source}: a .json file must hold an array of JSON objects, or objects")
            yield Source(file=source, sha1=_sha1(_as_utf8(text, decoded))), failure
            return
        docs = ((json.dumps(obj, ensure_ascii=False, sort_keys=True), obj) for obj in data)
        keys: Iterator[str] | None = _array_keys(text, data, decoded)
    else:
        docs = ((doc, None) for doc in _documents(text))
        keys = None
    for n, (doc, value) in enumerate(docs, 1):  # (two may start on one line: numbered, not by line)
        where = f"{source}:{n}"
        pos = Source(file=source, line=n, sha1=next(keys) if keys is not None else _sha1(_raw_bytes(doc, decoded)))
        obj = _parse(doc, where, source) if value is None else value
        if isinstance(obj, Failure):
            yield pos, obj
        elif not isinstance(obj, dict):
            yield pos, Failure(where, source, "TypeError", f"{where}: each document must be a JSON object")
        elif obj and all(isinstance(v, dict) for v in obj.values()):
            yield pos, Failure(
                where, source, "TypeError",
                f"{where}: a JSON object of columns (pandas' default to_json), not of documents; "
                'write it with df.to_json(path, orient="records") or as JSON Lines (lines=True)',
            )
        else:
            bad = _not_text(doc, where, source, "document", decoded) if decoded.suspect else None
            yield pos, bad or _item(obj, where, fields)


def _array_keys(text: str, data: list[Any], decoded: _Decoded) -> Iterator[str]:
    """The keys of the values `data` of the JSON array `text`: the hashes of their JSON as a
    run without ``--encoding`` reads them (the text parsed again as UTF-8 when it was read
    in another codec; its own values should that parse give others)."""
    if decoded.recoded:
        again = _parse(_as_utf8(text, decoded), "", "")
        if isinstance(again, list) and len(again) == len(data):
            data = again
    return (_sha1(json.dumps(obj, ensure_ascii=False, sort_keys=True)) for obj in data)


def _read_csv(text: str, decoded: _Decoded, source: str, fields: Fields, delimiter: str) -> Iterator[tuple[Source, Unit]]:
    """One unit per row; when `decoded` is suspect (as for `_read_jsonl`), a row holding bytes that are not text fails alone."""
    csv.field_size_limit(MAX_CSV_FIELD)
    # newline="" keeps line breaks inside quoted cells, as the csv module requires.
    buf = io.StringIO(text, newline="")
    # strict: a quoted cell that does not end in a quote and a delimiter (or the end of a
    # line) is an error, not the start of a cell that runs on over the rows below.
    reader = csv.DictReader(buf, delimiter=delimiter, strict=True)
    whole = Source(file=source, sha1=_sha1(_as_utf8(text, decoded)))
    try:
        names = reader.fieldnames
    except csv.Error as exc:
        yield whole, Failure(source, source, "CSVError", f"{source}: {exc}")
        return
    # The names a run without --encoding reads (its header is not UTF-8: suspect), for the rows' keys.
    utf8_names = None if names is None or not decoded.recoded else {
        _NOT_TEXT.sub("\ufffd", n) if decoded.suspect else n: _NOT_TEXT.sub("\ufffd", _as_utf8(n, decoded)) for n in names
    }
    if decoded.suspect and names is not None:
        # A stray byte in the header spoils no row: the columns newsie reads are named in full.
        reader.fieldnames = names = [_NOT_TEXT.sub("\ufffd", n) for n in names]
    if names is None or fields.text not in names:
        cols = ", ".join(names or [])
        yield whole, Failure(source, source, "MissingColumn", f"{source}: no text column {fields.text!r} (columns: {cols}); use --text-field")
        return
    first_line = reader.line_num + 1
    rowno = 1
    skipped = 0  # lines read past the reader (the rest of a failed row's quoted cell)
    while True:
        at = buf.tell()
        before = reader.reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            read = reader.reader.line_num - before  # lines the strict reader read into the row
            # (TSV has no quoting: its quotes are text, read by `_unquoted_row`)
            lenient = _lenient_row(text, at, names, delimiter, read) if delimiter != "\t" and "expected after" in str(exc) else None
            if lenient is not None:
                # A quoted cell closed, then a character before the delimiter ('"..." ,'):
                # read as before the strict reader, when the row ends where it failed.
                row, used = lenient
                buf.seek(at + used)
                rowno += 1
                pos = Source(file=source, line=first_line, sha1=_row_key(row, utf8_names, decoded))
                where = f"{source}:{first_line}"
                skipped = first_line + read - 1 - reader.reader.line_num
                first_line += read
                bad = _bad_row(row, where, source, fields, decoded) if decoded.suspect else None
                yield pos, bad or _item(row, f"{source}:{rowno}", fields)
                continue
            if "field limit" not in str(exc):
                # A quote that opens a cell and is never closed as one (a '"' in running
                # text): the row is its first line again and reading goes on below it.
                line, end = _line_at(text, at)
                buf.seek(end)
                skipped -= reader.reader.line_num - before - 1  # the lines read past it are rows
                rowno += 1
                where = f"{source}:{first_line}"
                pos = Source(file=source, line=first_line, sha1=_sha1(_raw_bytes(line, decoded)))
                first_line = reader.reader.line_num + skipped + 1
                got = _unquoted_row(line, names, delimiter, where, source, exc, spans=reader.reader.line_num - before > 1)
                bad = _bad_row(got, where, source, fields, decoded) if decoded.suspect and isinstance(got, dict) else None
                yield pos, bad or (_item(got, f"{source}:{rowno}", fields) if isinstance(got, dict) else got)
                continue
            # A cell over MAX_CSV_FIELD: this row fails alone.
            rowno += 1
            where = f"{source}:{first_line}"
            yield Source(file=source, line=first_line, sha1=_sha1(b"")), Failure(where, source, "CSVError", f"{where}: {exc}")
            # The reader stops inside the row: when that is inside a quoted cell (an odd
            # number of quotes read), the cell's other lines are this row's too, not rows.
            quote = reader.reader.dialect.quotechar or '"'
            quotes = text.count(quote, at, buf.tell()) if _opens_quoted(text, at, buf.tell(), quote, delimiter) else 0
            while quotes % 2:
                line = buf.readline()
                if not line:
                    return
                quotes += line.count(quote)
                skipped += 1
            if buf.tell() == at:  # nothing was read: it cannot go on
                return
            first_line = reader.reader.line_num + skipped + 1  # DictReader's own count is not updated on an error
            continue
        rowno += 1
        pos = Source(file=source, line=first_line, sha1=_row_key(row, utf8_names, decoded))
        where = f"{source}:{first_line}"
        first_line = reader.line_num + skipped + 1
        bad = _bad_row(row, where, source, fields, decoded) if decoded.suspect else None
        yield pos, bad or _item(row, f"{source}:{rowno}", fields)


_LINE_END = re.compile(r"\r\n|\r|\n")


def _line_at(text: str, start: int) -> tuple[str, int]:
    """The line of `text` that starts at `start` (without its line break), and where the next one starts."""
    found = _LINE_END.search(text, start)
    return (text[start:], len(text)) if found is None else (text[start:found.start()], found.end())


def _lenient_row(text: str, at: int, names: Sequence[str], delimiter: str, lines: int) -> tuple[dict[Any, Any], int] | None:
    """The row of the `lines` lines starting at `at` when what the strict reader refused
    there is only white space after a closing quote ('"..." ,'): read with that space
    left out, and the characters the lines take; None for any other fault (a quote never
    closed, which a lenient reader would run on over the rows below)."""
    end = at
    for _ in range(lines):
        end = _line_at(text, end)[1]
    chunk = re.sub(rf'"[ \t]+(?=[{re.escape(delimiter)}\r\n]|$)', '"', text[at:end])
    reader = csv.DictReader(io.StringIO(chunk, newline=""), fieldnames=names, delimiter=delimiter, strict=True)
    try:
        row = next(reader)
        if next(reader, None) is not None:
            return None  # more than one row: not the row the strict reader was reading
    except (csv.Error, StopIteration):
        return None
    return row, end - at


def _unquoted_row(
    line: str, names: Sequence[str], delimiter: str, where: str, source: str, exc: csv.Error, *, spans: bool
) -> dict[Any, Any] | Failure:
    """The row of `line`, whose quote does not close its cell as a cell is closed.

    In a TSV file a quote is running text (the format has no quoting): the line is the row,
    quotes kept, when it has a cell for each column. Else a row on one line is read as the
    csv module reads it leniently (``"a" b`` is ``a b``), as before; a quote that ran on
    over the lines below makes the row a `Failure` naming it (those lines are rows)."""
    cells = next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
    if delimiter == "\t" and len(cells) == len(names):
        return dict(zip(names, cells))
    if not spans:
        return next(csv.DictReader([line], fieldnames=names, delimiter=delimiter), dict.fromkeys(names, ""))
    return Failure(
        where, source, "CSVError",
        f"{where}: a quote opens a cell that it never closes ({exc}); this row is not read, the lines below it are read as rows",
    )


def _opens_quoted(text: str, start: int, end: int, quote: str, delimiter: str) -> bool:
    """Whether a quoted cell opens in ``text[start:end]`` (a quote at a line's start or right
    after a delimiter): else its quotes are a cell's own characters (a 5" screen)."""
    return text.startswith(quote, start) or f"{delimiter}{quote}" in text[start:end] or f"\n{quote}" in text[start:end]


def _bad_row(row: dict[Any, Any], where: str, source: str, fields: Fields, decoded: _Decoded) -> Failure | None:
    """The failure of a row with a cell that is not text (its id, if that cell is clean)."""
    for key, value in row.items():
        for cell in value if isinstance(value, list) else (value,):
            part = f"column {key!r}" if isinstance(key, str) else "row"  # key None: cells past the header's
            bad = _not_text(cell, where, source, part, decoded) if isinstance(cell, str) else None
            if bad is not None:
                rid = row.get(fields.id) if fields.id else None
                if isinstance(rid, str) and rid and not _NOT_TEXT.search(rid):
                    bad = Failure(rid, bad.source, bad.type, bad.message)
                return bad
    return None


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
