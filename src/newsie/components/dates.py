"""`newsie_dates`: temporal expressions, normalized against the release date."""
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from mypy_extensions import mypyc_attr
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..dates.grammar import scan
from ..dates.starts import date_starts
from ..extensions import text_of
from ..payloads import DateValue, meta_of, text_date
from ..rows import leave_rows
from ..tokens import Cols, cols
from .base import filter_ranges, set_ents
from .batching import in_batches
from .groups import set_group

Range = tuple[int, int, int]  # start, end (tokens), position among the candidates


# compiled (hatch_build.py), it pickles; mypyc runs __init__ of a serializable class only with the first flag
@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)
class DateTagger:
    """Find dates in the Doc, normalize them, and store them in ``doc.spans``.

    Each span in ``doc.spans["newsie_dates"]`` is labelled ``DATE`` and carries in
    ``span._.newsie_date`` a `DateValue`: the normalized ``start``/``end`` dates, the
    ``granularity`` and whether it was ``relative`` or had its year inferred;
    ``doc.spans["newsie_durations"]`` holds event lengths ("a five-day course"), labelled
    ``DURATION``, with their number of days in ``span._.newsie_days``. Relative dates and
    days without a year are anchored to the release date (see `newsie_dateline`).
    """

    def __init__(self, nlp: Language, name: str = "newsie_dates", *, spans_key: str = ext.DATES, annotate_ents: bool = False) -> None:
        self.name = name
        self.spans_key = spans_key
        self.annotate_ents = annotate_ents

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Apply the component to a stream of Docs, a batch at a time (see `in_batches`)."""
        return in_batches(self, stream, batch_size)

    def __call__(self, doc: Doc) -> Doc:
        text, body_start = _scanned_text(doc)
        c = cols(doc)
        starts = date_starts(c.texts, c.idxs, c.spaces)
        if body_start:  # just after the NUL characters: a start whatever the word's characters
            i = bisect_left(starts, body_start)
            if i == len(starts) or starts[i] != body_start:
                starts.insert(i, body_start)
        found, lengths = scan(text, text_date(doc), starts)
        # Candidates as token ranges (what ``doc.char_span(..., alignment_mode="expand")``
        # gives) with their spans' character offsets, values written in the same order as
        # before; a Span is made only for the ranges `filter_spans` would keep.
        dates: list[Range] = []
        durations: list[Range] = []
        offsets: list[tuple[int, int]] = []  # of dates, then of durations
        if found or lengths:
            user_data: dict[Any, Any] = doc.user_data
            for f in found:
                r = _expand(c, f.start_char, f.end_char)
                if r is not None:
                    chars = start_char, end_char = _span_chars(c, r)
                    user_data[("._.", "newsie_date", start_char, end_char)] = DateValue(
                        f.start, f.end, f.granularity, f.relative, f.year_inferred, f.start_char, f.end_char
                    )
                    dates.append((*r, len(offsets)))
                    offsets.append(chars)
            for d in lengths:
                r = _expand(c, d.start_char, d.end_char)
                if r is not None:
                    chars = start_char, end_char = _span_chars(c, r)
                    user_data[("._.", "newsie_days", start_char, end_char)] = d.days
                    durations.append((*r, len(offsets)))
                    offsets.append(chars)
        _store(doc, self.spans_key, dates, offsets, ext.DATE)
        _store(doc, ext.DURATIONS, durations, offsets, ext.DURATION)
        if self.annotate_ents:
            set_ents(doc, doc.spans[self.spans_key])
        return doc


def _expand(c: Cols, start_char: int, end_char: int) -> tuple[int, int] | None:
    """The token range ``doc.char_span(start_char, end_char, alignment_mode="expand")``
    covers (None where it gives None), found by bisection on the tokens' offsets."""
    size = len(c.doc_text)
    if not (0 <= start_char < size and 0 <= end_char - 1 < size):
        return None
    idxs, texts = c.idxs, c.texts
    start = bisect_right(idxs, start_char) - 1
    end = bisect_right(idxs, end_char - 1)
    if start_char == idxs[start] + len(texts[start]):
        start += 1  # on the whitespace after a token: not part of that token
    return start, end


def _span_chars(c: Cols, r: tuple[int, int]) -> tuple[int, int]:
    """``(span.start_char, span.end_char)`` of the span of tokens r (how ``span._`` values are keyed)."""
    start, end = r
    start_char = c.idxs[start] if start < len(c.idxs) else len(c.doc_text)
    end_char = c.idxs[end - 1] + len(c.texts[end - 1]) if end > start else start_char
    return start_char, end_char


def _store(doc: Doc, key: str, ranges: list[Range], offsets: list[tuple[int, int]], label: str) -> None:
    """``doc.spans[key]``: `spacy.util.filter_spans` of the ranges' spans, each Span made
    once kept, and the same spans left as rows (`newsie.rows`) for later stages."""
    kept = ranges if len(ranges) < 2 else filter_ranges(ranges)  # one range or none: nothing to filter
    set_group(doc, key, [Span(doc, s, e, label=label) for s, e, _ in kept])
    if kept:
        leave_rows(doc, key, [(s, e, *offsets[i], "", "") for s, e, i in kept])


def _scanned_text(doc: Doc) -> tuple[str, int]:
    """The Doc's text with the characters between title and body replaced by NUL, which
    no date pattern crosses and which every pattern treats like the end of a text: one
    scan finds what scanning title and body apart finds, at the Doc's offsets. With it,
    where the body starts after NUL characters (else 0)."""
    text, meta = text_of(doc), meta_of(doc)
    title_len, body_start = meta.title_len, meta.body_start
    if not 0 < title_len <= body_start <= len(text):
        return text, 0
    return text[:title_len] + "\x00" * (body_start - title_len) + text[body_start:], body_start if body_start > title_len else 0
