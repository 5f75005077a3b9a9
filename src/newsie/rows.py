"""Span groups as plain rows: what a producer leaves beside ``doc.spans[key]``.

Iterating a `SpanGroup` makes a new `Span` for every item (thousands of instructions
each, three `Token`s made inside). A component that stores a span group can leave the
same spans as rows (`leave_rows`), and later stages read them with `group_rows`, which
makes no `Span` while the group is the one the rows were left for (same object, same
length); otherwise it reads the group once and keeps what it read. The rows are kept in
``doc.user_data`` as a `Handover`: a serialized Doc carries None and its readers fall
back to the group itself.
"""
from __future__ import annotations

from typing import Any, Final

from spacy.tokens import Doc

from .payloads import Handover, handed_over

ROWS_KEY: Final = "newsie_span_rows"
SpanRow = tuple[int, int, int, int, str, str]  # start, end, start_char, end_char, kb_id_, id_


def _store(doc: Doc) -> dict[str, tuple[Any, list[SpanRow]]]:
    store: dict[str, tuple[Any, list[SpanRow]]] | None = handed_over(doc.user_data.get(ROWS_KEY))
    if store is None:
        store = {}
        doc.user_data[ROWS_KEY] = Handover(store)
    return store


def _groups(doc: Doc) -> Any:
    """``doc.spans`` as a plain dict (`SpanGroups` is a `UserDict`: its own look-ups run in Python)."""
    spans: Any = doc.spans
    return getattr(spans, "data", spans)


def leave_rows(doc: Doc, key: str, rows: list[SpanRow]) -> None:
    """Leave `rows` beside ``doc.spans[key]``, which was just set to the same spans in order."""
    _store(doc)[key] = (_groups(doc).get(key), rows)


def group_rows(doc: Doc, key: str) -> list[SpanRow]:
    """``(start, end, start_char, end_char, kb_id_, id_)`` of each span of ``doc.spans[key]``,
    in order (empty without the group)."""
    group = _groups(doc).get(key)
    if group is None:
        return []
    store = _store(doc)
    hit = store.get(key)
    if hit is not None and hit[0] is group and len(hit[1]) == len(group):
        return hit[1]
    rows = [(s.start, s.end, s.start_char, s.end_char, s.kb_id_, s.id_) for s in group]
    store[key] = (group, rows)
    return rows
