"""Batch extraction: `extract_many` over any number of items, in one or several processes.

Order and ids are kept, memory stays flat (items are read in bounded windows), and every
input yields exactly one `Release`: an item that fails gives a `Release` whose ``error``
says why (or raises with ``strict=True``). Docs never cross process boundaries: workers
build their own pipeline once and send back records.
"""
from __future__ import annotations

import builtins
import numbers
import pickle
import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, Union

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc

from .build import to_release
from .collector import held
from .dates.published import read_published
from .exceptions import NewsieError
from .inputs import optional_id, optional_text, release_id, require_items, require_nlp, require_text
from .listing import is_listing, listing_doubt, listing_units, may_list
from .making import make_doc
from .missing import is_missing
from .mojibake import repair
from .pages import looks_like_page, parse_page
from .rawtext import split_raw
from .records import RecordError, Release
from .sanitize import clean, clean_text, has_surrogates, surrogate_warning

Item = Union[str, Mapping[str, Any], Release]
ITEM_KEYS = ("text", "title", "published", "url", "id", "issuer", "fields_of_work", "content_type")
_ITEM_KEYS = frozenset(ITEM_KEYS)

DEFAULT_TIMEOUT = 600.0
BATCH_SIZE = 256
"""Documents per batch by default (`extract_many`, the CLI, Dask and Spark). Components that
predict for a whole batch (the trained models) pay a fixed cost per batch: 256 took 4.7%
less CPU per lede than 64 (443 against 465 us, default pipeline), 128 3.4% less. A batch
holds at most `WINDOW_DOCS` Docs (and `WINDOW_CHARS` of text) at once either way."""


def error_release(index: int, exc: BaseException | RecordError, item: Any = None) -> Release:
    """The record of an input that could not be processed (always serializable)."""
    meta = item if isinstance(item, Mapping) else {}
    try:
        rid = optional_id(meta.get("id"))
    except Exception:  # an id of the wrong kind: the record is still made, under its place
        rid = None
    error = exc if isinstance(exc, RecordError) else RecordError(type=type(exc).__name__, message=_message(exc))
    return Release(
        id=clean(rid) or f"item-{index}",
        url=clean(meta.get("url")) if isinstance(meta.get("url"), str) else None,
        title=clean(meta.get("title")) if isinstance(meta.get("title"), str) else None,
        error=RecordError(type=clean(error.type), message=clean(error.message)),
    )


def _message(exc: BaseException) -> str:
    try:
        return str(exc) or type(exc).__name__
    except Exception:  # an exception whose __str__ fails still gets a record
        return type(exc).__name__


def prepare(item: Item, page: bool | None = None) -> dict[str, Any]:
    """Check one input item and return the keyword arguments of `make_doc`.

    A scraped web page (detected, or forced with ``page=True``) is reduced to its release:
    menus and link lists are dropped and its metadata blocks fill title, date, issuer and
    fields of work where the item has none. Other text is read as a raw release file:
    a headline on the first line becomes the title (when none is given) and correction or
    preamble lines above the body are kept out of the text (and named in a warning).

    Raises:
        TypeError, ValueError: the item (or one of its fields) is not valid.
    """
    kw = _fields(item)
    if page is not False and may_list(kw["text"]):  # (one search: most texts name no publishing date)
        if is_listing(kw["text"]):
            return _first_listed(kw)
        if doubt := listing_doubt(kw["text"], found=1):
            kw["warnings"].append(doubt)  # a listing newsie could not split: said, not silent
    if page is False or not (page or looks_like_page(kw["text"])):
        return _raw_release(kw)
    parts = parse_page(kw["text"])
    lost = _prose_left_out(kw["text"], parts.text)
    kw["text"] = parts.text
    kw["title"] = kw.get("title") or parts.title
    ambiguous = None
    if not kw.get("published"):  # the page's date, read (and warned about) like published=
        kw["published"], ambiguous = read_published(parts.published)
    kw["issuer"] = kw.get("issuer") or parts.issuer
    kw["fields_of_work"] = kw.get("fields_of_work") or parts.fields_of_work
    kw["content_type"] = kw.get("content_type") or parts.content_type
    kw["warnings"] = [*kw.get("warnings", []), f"scraped page: {parts.dropped_lines} lines of page chrome left out"]
    if ambiguous:
        kw["warnings"].append(ambiguous)
    if lost:
        kw["warnings"].append(lost)
    return kw


def _prose_left_out(page: str, kept: str) -> str | None:
    """A warning when page reduction dropped more prose-like lines than the text it kept."""
    kept_lines = {ln.strip() for ln in kept.splitlines()}
    dropped = [
        s for ln in page.splitlines()
        if (s := ln.strip()) not in kept_lines and len(s) >= 60 and s.count(" ") >= 8 and not s.startswith(("-", "•", "*"))
    ]
    size = sum(len(s) for s in dropped)
    if size <= len(kept):
        return None
    return f"scraped page: {len(dropped)} prose-like lines ({size} characters) left out, more than the {len(kept)} characters kept"


def _first_listed(kw: dict[str, Any]) -> dict[str, Any]:
    """A listing page given where one release is expected: its first item, with a warning."""
    units = listing_units({"text": kw["text"]})
    first = units[0]
    kw["text"] = first["text"]
    kw["title"] = kw.get("title") or first["title"]
    listed, ambiguous = read_published(first.get("published"))
    kw["published"] = listed or kw.get("published")
    kw["issuer"] = kw.get("issuer") or first["issuer"]
    kw["fields_of_work"] = kw.get("fields_of_work") or first["fields_of_work"]
    kw["content_type"] = kw.get("content_type") or first.get("content_type")
    kw["warnings"] = [
        *kw.get("warnings", []),
        f"listing page with {len(units)} releases: this record is the first; newsie.extract_page() gives one record per release",
        *([ambiguous] if ambiguous and not kw["published"] else []),
    ]
    return kw


def _raw_release(kw: dict[str, Any]) -> dict[str, Any]:
    """Title line and preamble lines of a raw release file."""
    text, title = kw["text"], kw.get("title")
    if "\n" not in text.strip():
        return kw
    parts = split_raw(text, find_title=title is None)
    if title is not None and parts.body.split("\n", 1)[0].strip() == title:
        parts.body = parts.body.split("\n", 1)[1].strip() if "\n" in parts.body else ""
    kw["title"] = title or parts.title
    kw["text"] = parts.body
    if parts.preamble:
        kw["warnings"] = [*kw.get("warnings", []), *(f"preamble line kept out of the text: {p!r}" for p in parts.preamble)]
    return kw


# Line breaks other than LF and CRLF (a CR alone, as old Mac files and some exports end
# their lines; the Unicode line and paragraph separators; NEL, as `str.splitlines` reads
# it; a form feed or vertical tab from a PDF's text) are read as a line feed: one character
# for one, so offsets hold. The title line, the dateline and the paragraphs are found by
# their line feeds.
_LINE_BREAKS = re.compile("\r(?!\n)|[\u2028\u2029\x85\x0b\x0c]")


def _fields(item: Item) -> dict[str, Any]:
    if type(item) is not dict:  # a dict (nearly every item) needs no isinstance test
        if isinstance(item, str):
            item = {"text": item}
        elif not isinstance(item, Mapping):
            raise TypeError(f"item must be a str or a mapping with 'text', not {type(item).__name__}")
    get = item.get
    text = require_text(get("text"), "text")
    repaired = []
    if (fixed := repair(text)) is not text:  # (its gate first: the text itself, nearly always); before NEL is a line end
        text = fixed
        repaired.append("text")
    if "\r" in text or "\x0c" in text or "\x0b" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = _LINE_BREAKS.sub("\n", text)  # tested char by char first: 0.1 us a lede, against 2 us for the regex
    # An absent field (None) is read without a call: most items give a few fields only.
    published, warning = (None, None) if (value := get("published")) is None else read_published(value)
    out: dict[str, Any] = {
        "text": text,
        "title": None if (value := get("title")) is None else _title(optional_text(value, "title"), repaired),
        "published": published,
        "url": None if (value := get("url")) is None else optional_text(value, "url"),
        "doc_id": None if (value := get("id")) is None else optional_id(value),
        "issuer": [] if (value := get("issuer")) is None else _str_list(value, "issuer"),
        "fields_of_work": [] if (value := get("fields_of_work")) is None else _str_list(value, "fields_of_work"),
        "content_type": None if (value := get("content_type")) is None else optional_text(value, "content_type"),
    }
    out["warnings"] = [] if _ITEM_KEYS.issuperset(item) else [f"ignored item keys: {sorted(map(str, item.keys() - _ITEM_KEYS))}"]
    if warning:
        out["warnings"].append(warning)
    if repaired:
        out["warnings"].append(f"{' and '.join(repaired)} decoded with the wrong codec (cp1252 read as Latin-1, or UTF-8 as cp1252: 'â€“' for '–'): repaired")
    # The text, then the other strings joined in one test (short: the join copies little):
    # a lone surrogate stays one in the join (no two make a pair in a str), and strict
    # UTF-8 refuses it there as in its own string.
    others = [out["title"] or "", out["url"] or "", out["doc_id"] or "", out["content_type"] or "", *out["issuer"], *out["fields_of_work"]]
    if not (has_surrogates(text) or has_surrogates("".join(others))):  # nearly every item: nothing to clean
        return out
    for key in ("text", "title", "url", "doc_id", "issuer", "fields_of_work", "content_type"):
        cleaned = clean(out[key])
        if cleaned != out[key]:
            out["warnings"].append(surrogate_warning(key.removeprefix("doc_"), sum(clean_text(s)[1] for s in _strs(out[key]))))
            out[key] = cleaned
    return out


def _title(title: str | None, repaired: list[str]) -> str | None:
    """The title with wrong decoding undone (`newsie.mojibake`), noted in `repaired`."""
    if title is not None and (fixed := repair(title)) is not title:
        repaired.append("title")
        return fixed
    return title


def _strs(value: str | list[str] | None) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _str_list(value: Any, name: str) -> list[str]:
    if is_missing(value):
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise TypeError(f"{name} must be a list of str")


# Characters that show nothing: a text of these and whitespace alone is empty.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00"
_DROP_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE))


def is_blank(text: str) -> bool:
    """Whether `text` holds nothing to read: whitespace, zero-width characters (zero-width
    space and joiners, word joiner, byte-order mark, soft hyphen) and NULs only."""
    stripped = text.strip()
    if not stripped:
        return True
    if stripped[0] not in _INVISIBLE and stripped[-1] not in _INVISIBLE:  # nearly every text
        return False
    return not stripped.translate(_DROP_INVISIBLE).strip()


def empty_release(kw: dict[str, Any]) -> Release:
    """The documented result for empty text: a Release with no entities and no events."""
    return Release(
        id=kw.get("doc_id") or release_id(kw["text"], kw.get("title"), kw.get("url")),
        url=kw.get("url"),
        title=kw.get("title"),
        published=kw.get("published"),
        text=kw["text"],
        issuer=kw.get("issuer") or [],
        fields_of_work=kw.get("fields_of_work") or [],
        content_type=kw.get("content_type"),
        warnings=kw.get("warnings") or [],
    )


def run_batch(
    nlp: Language, batch: list[tuple[int, Item]], *, strict: bool = False, caught: dict[int, Exception] | None = None
) -> list[Release]:
    """Process one batch in this process; one Release per item, in order (see `_run_staged`).
    Without `strict`, the exception of each item recorded as an error is put in `caught`
    (when given) under the item's position in `batch`."""
    return _run_staged(nlp, batch, strict, caught)


def _made(nlp: Language, item: Item) -> Release | Doc:
    """The item's Doc, or its record when it needs no pipeline: one made upstream (e.g. an
    unreadable file) or an empty item."""
    if isinstance(item, Release):
        return item
    kw = prepare(item)
    if is_blank(kw["text"]) and not kw.get("title"):
        return empty_release(kw)
    return make_doc(nlp, **kw)


def predicts_in_batches(proc: Any) -> bool:
    """Whether a component predicts for a batch at once: trained spaCy pipes (e.g. of
    ``base="en_core_web_sm"``) and those that say so (newsie's trained models)."""
    return isinstance(proc, TrainablePipe) or bool(getattr(proc, "predicts_in_batches", False))


WINDOW_CHARS = 1_000_000
"""Text a window of a batch may hold as Docs at once (one longer item is a window alone)."""
WINDOW_DOCS = 256
"""Docs a window may hold at once (larger batches gain next to nothing past ~128)."""


def _windows(batch: list[tuple[int, Item]], limit: int, most: int) -> Iterator[list[int]]:
    """Positions of the batch cut into runs of at most `most` items whose text adds up to
    at most `limit` characters (an item over it alone): the Docs held at once stay bounded."""
    run: list[int] = []
    size = 0
    for pos, (_, item) in enumerate(batch):
        n = _size(item)
        if run and (size + n > limit or len(run) >= most):
            yield run
            run, size = [], 0
        run.append(pos)
        size += n
    if run:
        yield run


def _size(item: Item) -> int:
    """Characters of an item's text (0 for a record or an item without readable text)."""
    text = item if isinstance(item, str) else item.get("text") if isinstance(item, Mapping) else None
    return len(text) if isinstance(text, str) else 0


def _run_staged(nlp: Language, batch: list[tuple[int, Item]], strict: bool, caught: dict[int, Exception] | None = None) -> list[Release]:
    """The batch is run stage by stage: every item's Doc is made, then each component runs
    over all the Docs before the next one (components that predict in batches once over
    them), then the records are built. Running one component over many Docs keeps its code
    and data in the CPU's caches: 1.3-1.5x less CPU per lede than taking each Doc through
    the whole pipeline in turn. The Docs held at once are bounded by `WINDOW_CHARS` of
    text and `WINDOW_DOCS` Docs. A failing item becomes its error record; the others go on.

    While a batch is run, the cyclic garbage collector is paused (`collector.held`):
    otherwise its collections traverse the held Docs' objects again and again (measured:
    ~0.2 M instructions per lede in batches of 64, a third of what the trained models cost),
    and a long document's growing columns and spans (+28% CPU on one of 10 MB). The Docs
    are freed by reference counting when the batch ends, and the collector is back on (if
    it was) before the next batch."""
    procs = [(proc, predicts_in_batches(proc)) for _, proc in nlp.pipeline]
    out: list[Release | None] = [None] * len(batch)
    with held():
        for window in _windows(batch, WINDOW_CHARS, WINDOW_DOCS):
            _run_window(nlp, batch, window, strict, procs, out, caught)
    return [r for r in out if r is not None]


def _run_window(
    nlp: Language,
    batch: list[tuple[int, Item]],
    window: list[int],
    strict: bool,
    procs: list[tuple[Any, bool]],
    out: list[Release | None],
    caught: dict[int, Exception] | None,
) -> None:
    """Run the items of `window` (positions in `batch`) stage by stage into `out`. With
    `strict`, the error of the first failing item in input order is raised once the
    window has run (an item may fail in an earlier stage than one before it)."""
    errors: dict[int, Exception] = {}

    def fail(pos: int, exc: Exception) -> None:
        if strict:
            errors[pos] = exc
        else:
            out[pos] = error_release(batch[pos][0], exc, batch[pos][1])
            if caught is not None:
                caught[pos] = exc

    live: list[tuple[int, Doc]] = []
    for pos in window:
        try:
            made = _made(nlp, batch[pos][1])
        except Exception as exc:
            fail(pos, exc)
            continue
        if isinstance(made, Release):
            out[pos] = made
        else:
            live.append((pos, made))
    for proc, batched in procs:
        if batched and live:
            try:
                live = list(zip([pos for pos, _ in live], proc.pipe([doc for _, doc in live], batch_size=len(live))))
                continue
            except Exception:
                pass  # Doc by Doc below, to find the failing item
        kept = []
        for pos, doc in live:
            try:
                kept.append((pos, proc(doc)))
            except Exception as exc:
                fail(pos, exc)
        live = kept
    for pos, doc in live:
        try:
            out[pos] = to_release(doc)
        except Exception as exc:
            fail(pos, exc)
    if errors:
        raise errors[min(errors)]


def _work(nlp: Language, batch: list[tuple[int, Item]], caught: dict[int, Exception] | None = None) -> list[bytes]:
    """The batch's records as JSON, in a worker process (an error record for one that
    cannot be written); the exceptions of error records go in `caught` (see `run_batch`)."""
    out = []
    for pos, ((index, item), rec) in enumerate(zip(batch, run_batch(nlp, batch, caught=caught), strict=True)):
        try:
            out.append(rec.__pydantic_serializer__.to_json(rec))
        except Exception as exc:  # never lose the item over its record
            err = error_release(index, exc, item)
            out.append(err.__pydantic_serializer__.to_json(err))
            if caught is not None:
                caught[pos] = exc
    return out


Result = tuple[Release, Union[bytes, None]]
"""An item's record from a worker and, with ``strict``, its exception pickled (None when
the record has no error or the exception could not be pickled)."""


def _work_strict(nlp: Language, batch: list[tuple[int, Item]]) -> list[tuple[bytes, bytes | None]]:
    """`_work` for ``strict``: each record as JSON with its item's exception pickled, so
    the parent raises the exception itself (of its type, with its attributes)."""
    caught: dict[int, Exception] = {}
    out = _work(nlp, batch, caught)
    return [(raw, _pickled(caught.get(pos))) for pos, raw in enumerate(out)]


def _pickled(exc: Exception | None) -> bytes | None:
    if exc is None:
        return None
    try:
        return pickle.dumps(exc)
    except Exception:  # an attribute that does not pickle: the parent rebuilds it from the record
        return None


def _read(raw: bytes) -> Result:
    return Release.model_validate_json(raw), None


def _read_strict(raw: tuple[bytes, bytes | None]) -> Result:
    return Release.model_validate_json(raw[0]), raw[1]


def _error_result(index: int, error: RecordError, item: Any) -> Result:
    return error_release(index, error, item), None


def _batches(items: Iterable[Item], size: int) -> Iterator[list[tuple[int, Item]]]:
    """`items` numbered, in lists of `size`. When reading `items` raises, the items read
    before it still come out (their records are made) and then the exception is raised."""
    it = enumerate(items)
    while True:
        chunk: list[tuple[int, Item]] = []
        try:
            chunk.extend(islice(it, size))  # keeps what was read when the iterator fails
        except Exception:
            if chunk:
                yield chunk
            raise
        if not chunk:
            return
        yield chunk


def extract_many(
    items: Iterable[Item],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    n_process: int = 1,
    strict: bool = False,
    load_options: Mapping[str, Any] | None = None,
    mp_context: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[Release]:
    """Extract a stream of releases lazily: one `Release` per input item, in input order.

    The arguments are checked at the call; the items are read as the records are asked for.

    Args:
        items: strings (the text) or mappings with ``text`` and optionally ``title``,
            ``published``, ``url``, ``id``, ``issuer``, ``fields_of_work``; a `Release`
            passes through unchanged (a record made upstream, e.g. for an unreadable file).
            A missing value (None, NaN, NaT: the empty cells of ``df.to_dict("records")``)
            in an optional field counts as absent; an integer ``id`` (a DataFrame's int
            column) is written as its decimal str.
        nlp: a pipeline from `newsie.load()` (single process only).
        batch_size: documents per `nlp.pipe` batch (and per task sent to a worker).
        n_process: worker processes; each builds its pipeline once with
            ``newsie.load(**load_options)``.
        strict: raise on the first item that fails (in input order) instead of recording
            its error; a `Release` passed in with an error passes through either way. The
            exception is the item's own; with n_process > 1 the worker sends it pickled
            (same type, message and attributes, without the traceback). One that does not
            pickle is rebuilt from the worker's record, of the same type and message when
            that is a builtin or newsie exception, else (another type, a worker that died
            or timed out) a `NewsieError` naming the item, type and message.
        load_options: arguments of `newsie.load` for the workers (and for this
            process when `nlp` is None).
        mp_context: multiprocessing start method ("fork", "spawn", "forkserver");
            the platform's default when None.
        timeout: with n_process > 1, seconds a worker may spend on one batch; the
            items of a batch over it are run again one by one, and an item over it
            alone is stopped and recorded as an error (None: no limit). When a worker
            dies (e.g. killed by the OOM killer), the items of its batch are run again
            one by one; an item on which workers die twice is recorded as an error.
            The run goes on either way.

    Yields:
        `Release` records; a failed item's record has ``error`` set. When iterating
        `items` raises, the records of the items read before come out first, then the
        exception is raised.

    Raises:
        TypeError: `items` is a str, a mapping or a DataFrame (say what to pass
            instead), or not iterable; `nlp` is not a `Language`; `batch_size` or
            `n_process` is not an int.
        ValueError: `batch_size` or `n_process` is below 1, `timeout` is not above 0,
            `mp_context` is not a start method of this platform.
        NewsieError: `nlp` given with n_process > 1.
    """
    require_items(items)
    require_nlp(nlp)
    _check_options(batch_size, n_process, mp_context, timeout)
    if n_process > 1 and nlp is not None:
        raise NewsieError("with n_process > 1 each worker loads its own pipeline: pass load_options, not nlp")
    options = dict(load_options or {})
    timeout = None if timeout is None else float(timeout)  # (a Fraction or numpy number too)
    if n_process == 1:
        return _in_process(items, nlp, options, batch_size, strict)
    return _in_workers(items, options, batch_size, n_process, strict, mp_context, timeout)


def _check_options(batch_size: Any, n_process: Any, mp_context: Any, timeout: Any) -> None:
    """`extract_many`'s settings, checked at the call (not when the first batch is read)."""
    for name, value in (("batch_size", batch_size), ("n_process", n_process)):
        if not isinstance(value, numbers.Integral) or isinstance(value, bool):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
        if value < 1:
            raise ValueError(f"{name} must be at least 1, not {value}")
    if timeout is not None and not _positive_seconds(timeout):
        raise ValueError(f"timeout must be a number of seconds above 0, or None for no limit, not {timeout!r}")
    if mp_context is not None:
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        if mp_context not in methods:
            raise ValueError(f"mp_context must be one of {methods} (or None for the platform's default), not {mp_context!r}")


def _positive_seconds(value: Any) -> bool:
    """Whether `value` is a real number above 0 that a float holds (a time limit)."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        return False
    try:
        return 0 < float(value) < float("inf")
    except OverflowError:
        return False


def _in_process(items: Iterable[Item], nlp: Language | None, options: dict[str, Any], batch_size: int, strict: bool) -> Iterator[Release]:
    from .pipeline import load

    pipeline = nlp or load(**options)
    for batch in _batches(items, batch_size):
        yield from run_batch(pipeline, batch, strict=strict)


def _in_workers(
    items: Iterable[Item], options: dict[str, Any], batch_size: int, n_process: int, strict: bool, mp_context: str | None, timeout: float | None
) -> Iterator[Release]:
    from .workers import WorkerPool  # multiprocessing only when workers are asked for (cold start)

    passed: set[int] = set()  # input indexes of records passed in (their errors are not raised)

    def batches() -> Iterator[list[tuple[int, Item]]]:
        for batch in _batches(items, batch_size):
            if strict:
                passed.update(i for i, item in batch if isinstance(item, Release))
            yield batch

    work, read = (_work_strict, _read_strict) if strict else (_work, _read)
    pool = WorkerPool(n_process, options, work, read=read, timeout=timeout, mp_context=mp_context)
    try:
        index = 0
        for results in pool.run(batches(), window=n_process * 3, on_error=_error_result):
            for rec, raised in results:
                if strict and rec.error is not None and index not in passed:
                    raise _unpickled(raised) or item_exception(rec.id, rec.error)
                index += 1
                yield rec
    finally:
        pool.close()


def _unpickled(raw: bytes | None) -> Exception | None:
    """The exception a strict worker pickled, or None when there is none or it cannot be
    made again here (a third-party type whose pickle calls its constructor wrongly)."""
    if raw is None:
        return None
    try:
        exc = pickle.loads(raw)  # from our own worker process
    except Exception:
        return None
    return exc if isinstance(exc, Exception) else None


def item_exception(rid: str, error: RecordError) -> Exception:
    """The exception an error record from a worker stands for (``strict`` with workers,
    when the worker could not send the exception itself):
    of the item's own type and message when that is a builtin or newsie exception whose
    text is its message, else a `NewsieError` naming the item, the type and the message."""
    from . import exceptions

    cls = getattr(builtins, error.type, None) or getattr(exceptions, error.type, None)
    if isinstance(cls, type) and issubclass(cls, Exception):
        exc = cls.__new__(cls)  # not cls(message): the __init__ of several takes other arguments
        exc.args = (error.message,)
        try:
            if str(exc) == error.message:
                return exc
        except Exception:  # an exception whose __str__ needs its own fields
            pass
    return NewsieError(f"{rid}: {error.type}: {error.message}")
