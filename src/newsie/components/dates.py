"""`newsie_dates`: temporal expressions, normalized against the release date."""
from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .. import extensions as ext
from ..dates.grammar import scan
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
        found, lengths = scan(_scanned_text(doc), release_date(doc))
        # Candidates as token ranges (what ``doc.char_span(..., alignment_mode="expand")``
        # gives), their values written in the same order as before; a Span is made only
        # for the ranges `filter_spans` would keep.
        dates: list[Range] = []
        durations: list[Range] = []
        if found or lengths:
            c = cols(doc)
            user_data: dict[Any, Any] = doc.user_data
            for f in found:
                r = _expand(c, f.start_char, f.end_char)
                if r is not None:
                    user_data[_value_key(c, r, "newsie_date")] = DateValue(
                        f.start, f.end, f.granularity, f.relative, f.year_inferred, f.start_char, f.end_char
                    )
                    dates.append((*r, len(dates)))
            for d in lengths:
                r = _expand(c, d.start_char, d.end_char)
                if r is not None:
                    user_data[_value_key(c, r, "newsie_days")] = d.days
                    durations.append((*r, len(durations)))
        doc.spans[self.spans_key] = _group(doc, self.spans_key, dates, ext.DATE)
        doc.spans[ext.DURATIONS] = _group(doc, ext.DURATIONS, durations, ext.DURATION)
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


def _value_key(c: Cols, r: tuple[int, int], name: str) -> tuple[str, str, int, int]:
    """The ``doc.user_data`` key of ``span._.<name>`` for the span of tokens r (keyed by
    its character offsets)."""
    start, end = r
    start_char = c.idxs[start] if start < len(c.idxs) else len(c.doc_text)
    end_char = c.idxs[end - 1] + len(c.texts[end - 1]) if end > start else start_char
    return ("._.", name, start_char, end_char)


def _group(doc: Doc, name: str, ranges: list[Range], label: str) -> SpanGroup:
    """The span group of `spacy.util.filter_spans` of the ranges' spans, each Span made once kept."""
    kept = ranges if len(ranges) < 2 else filter_ranges(ranges)  # one range or none: nothing to filter
    return SpanGroup(doc, name=name, spans=[Span(doc, s, e, label=label) for s, e, _ in kept])


def _scanned_text(doc: Doc) -> str:
    """The Doc's text with the characters between title and body replaced by NUL, which
    no date pattern crosses and which every pattern treats like the end of a text: one
    scan finds what scanning title and body apart finds, at the Doc's offsets."""
    text, meta = text_of(doc), meta_of(doc)
    title_len, body_start = meta.title_len, meta.body_start
    if not 0 < title_len <= body_start <= len(text):
        return text
    return text[:title_len] + "\x00" * (body_start - title_len) + text[body_start:]
