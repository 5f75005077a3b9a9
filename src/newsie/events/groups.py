"""Span groups read as plain rows, once per Doc for both event stages.

Iterating a `SpanGroup` makes a new `Span` for every item (thousands of instructions
each); `newsie_event_triggers` and `newsie_events` both read the organizations. The rows
are kept in ``doc.user_data`` as a `Handover` (serialized as None) while the group they
were read from is still the Doc's, and `newsie_events` drops them when it is done.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..payloads import Handover, handed_over

ROWS_KEY = "newsie_event_rows"
Row = tuple[int, int, int, int]  # start, end, start_char, end_char


def span_rows(doc: Doc, key: str) -> list[Row]:
    """``(start, end, start_char, end_char)`` of each span of ``doc.spans[key]``, in order
    (empty without the group)."""
    group: Any = doc.spans.get(key)
    if group is None:
        return []
    cache: dict[str, tuple[object, int, list[Row]]] | None = handed_over(doc.user_data.get(ROWS_KEY))
    if cache is None:
        cache = {}
        doc.user_data[ROWS_KEY] = Handover(cache)
    n = len(group)
    hit = cache.get(key)
    if hit is not None and hit[0] is group and hit[1] == n:
        return hit[2]
    rows = [(s.start, s.end, s.start_char, s.end_char) for s in group]
    cache[key] = (group, n, rows)
    return rows


def forget_rows(doc: Doc) -> None:
    """Drop the rows read from the Doc's span groups."""
    doc.user_data.pop(ROWS_KEY, None)
