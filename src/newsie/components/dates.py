"""`newsie_dates`: temporal expressions, normalized against the release date."""
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions as ext
from ..dates.grammar import FoundDate, scan
from ..extensions import set_span_value, text_of
from ..payloads import DateValue, meta_of, release_date
from .base import set_ents


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
        spans: list[Span] = []
        for off, dates, _ in found:
            spans.extend(self._dates(doc, dates, off))
        doc.spans[self.spans_key] = filter_spans(spans)
        durations = []
        for off, _, lengths in found:
            for d in lengths:
                span = doc.char_span(off + d.start_char, off + d.end_char, label=ext.DURATION, alignment_mode="expand")
                if span is not None:
                    set_span_value(span, "newsie_days", d.days)
                    durations.append(span)
        doc.spans[ext.DURATIONS] = filter_spans(durations)
        if self.annotate_ents:
            set_ents(doc, doc.spans[self.spans_key])
        return doc

    def _dates(self, doc: Doc, dates: list[FoundDate], off: int) -> list[Span]:
        spans: list[Span] = []
        for f in dates:
            start_char, end_char = off + f.start_char, off + f.end_char
            span = doc.char_span(start_char, end_char, label=ext.DATE, alignment_mode="expand")
            if span is None:
                continue
            set_span_value(span, "newsie_date", DateValue(
                start=f.start, end=f.end, granularity=f.granularity, relative=f.relative,
                year_inferred=f.year_inferred, start_char=start_char, end_char=end_char,
            ))
            spans.append(span)
        return spans


def _parts(doc: Doc) -> list[tuple[int, str]]:
    """Title and body apart (with their offsets), so no date runs from one into the other."""
    text, meta = text_of(doc), meta_of(doc)
    if not meta.title_len:
        return [(0, text)]
    return [(0, text[: meta.title_len]), (meta.body_start, text[meta.body_start :])]
