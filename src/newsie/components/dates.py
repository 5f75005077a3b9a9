"""`newsie_dates`: temporal expressions, normalized against the release date."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions as ext
from ..dates.grammar import find_dates, find_durations
from ..extensions import text_of

DURATIONS = "newsie_durations"


class DateTagger:
    """Find dates in the Doc, normalize them, and store them in ``doc.spans``.

    Each span in ``doc.spans["newsie_dates"]`` carries in ``span._.newsie_data`` the
    normalized ``start``/``end`` dates, the ``granularity`` and whether it was
    ``relative`` or had its year inferred; ``doc.spans["newsie_durations"]`` holds event
    lengths ("a five-day course") with their number of ``days``. Relative dates and days
    without a year are anchored to ``published`` or, failing that, the dateline date.
    """

    def __init__(self, nlp: Language, name: str = "newsie_dates", *, spans_key: str = ext.DATES) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        anchor = release_date(doc)
        spans: list[Span] = []
        for f in find_dates(text_of(doc), anchor):
            span = doc.char_span(f.start_char, f.end_char, label="DATE", alignment_mode="expand")
            if span is None:
                continue
            span._.newsie_data = {
                "start": f.start, "end": f.end, "granularity": f.granularity,
                "relative": f.relative, "year_inferred": f.year_inferred,
                "start_char": f.start_char, "end_char": f.end_char,
            }
            spans.append(span)
        doc.spans[self.spans_key] = filter_spans(spans)
        durations = []
        for d in find_durations(text_of(doc)):
            span = doc.char_span(d.start_char, d.end_char, label="DURATION", alignment_mode="expand")
            if span is not None:
                span._.newsie_data = {"days": d.days}
                durations.append(span)
        doc.spans[DURATIONS] = filter_spans(durations)
        return doc


def release_date(doc: Doc) -> dt.date | None:
    """`published` if given, else the dateline's date."""
    meta = doc._.newsie_meta or {}
    if meta.get("published"):
        return meta["published"]
    dateline = doc._.newsie_dateline or {}
    return dateline.get("date")
