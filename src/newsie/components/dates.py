"""`newsie_dates`: temporal expressions, normalized against the release date."""
from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..dates.grammar import FoundDate, scan
from ..extensions import text_of
from ..payloads import DateValue, meta_of, release_date
from ..tokens import Cols, cols
from .base import filter_ranges, set_ents

Range = tuple[int, int, int]  # start, end (tokens), position among the candidates


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

    def __call__(self, doc: Doc) -> Doc:
        anchor = release_date(doc)
        found = [(off, *scan(part, anchor)) for off, part in _parts(doc)]
        # Candidates as token ranges (what ``doc.char_span(..., alignment_mode="expand")``
        # gives), their values written in the same order as before; a Span is made only
        # for the ranges `filter_spans` would keep.
        c = cols(doc) if any(dates or lengths for _, dates, lengths in found) else None
        dates: list[Range] = []
        durations: list[Range] = []
        if c is not None:
            for off, ds, _ in found:
                dates.extend(self._dates(doc, c, ds, off, len(dates)))
            for off, _, lengths in found:
                for d in lengths:
                    r = _expand(c, off + d.start_char, off + d.end_char)
                    if r is not None:
                        _set_value(doc, c, r, "newsie_days", d.days)
                        durations.append((*r, len(durations)))
        doc.spans[self.spans_key] = _spans(doc, dates, ext.DATE)
        doc.spans[ext.DURATIONS] = _spans(doc, durations, ext.DURATION)
        if self.annotate_ents:
            set_ents(doc, doc.spans[self.spans_key])
        return doc

    def _dates(self, doc: Doc, c: Cols, dates: list[FoundDate], off: int, n: int) -> list[Range]:
        out: list[Range] = []
        for f in dates:
            start_char, end_char = off + f.start_char, off + f.end_char
            r = _expand(c, start_char, end_char)
            if r is None:
                continue
            _set_value(doc, c, r, "newsie_date", DateValue(
                start=f.start, end=f.end, granularity=f.granularity, relative=f.relative,
                year_inferred=f.year_inferred, start_char=start_char, end_char=end_char,
            ))
            out.append((*r, n + len(out)))
        return out


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


def _set_value(doc: Doc, c: Cols, r: tuple[int, int], name: str, value: Any) -> None:
    """``span._.<name> = value`` for the span of tokens r (keyed by its character offsets)."""
    start, end = r
    size = len(c.doc_text)
    start_char = c.idxs[start] if start < len(c.idxs) else size
    end_char = c.idxs[end - 1] + len(c.texts[end - 1]) if end > start else start_char
    user_data: dict[Any, Any] = doc.user_data
    user_data[("._.", name, start_char, end_char)] = value


def _spans(doc: Doc, ranges: list[Range], label: str) -> list[Span]:
    """`spacy.util.filter_spans` of the ranges' spans, each Span made once kept."""
    return [Span(doc, s, e, label=label) for s, e, _ in filter_ranges(ranges)]


def _parts(doc: Doc) -> list[tuple[int, str]]:
    """Title and body apart (with their offsets), so no date runs from one into the other."""
    text, meta = text_of(doc), meta_of(doc)
    if not meta.title_len:
        return [(0, text)]
    return [(0, text[: meta.title_len]), (meta.body_start, text[meta.body_start :])]
