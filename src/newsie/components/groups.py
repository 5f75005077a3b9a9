"""Storing a span group without the `SpanGroups` proxy's own Python steps."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, SpanGroup


def set_group(doc: Doc, key: str, spans: Iterable[Span]) -> None:
    """``doc.spans[key] = spans`` for Spans of `doc`: the `SpanGroup` made and stored
    directly (`SpanGroups` is a `UserDict` whose item assignment checks and converts in
    Python); through the proxy when it keeps no plain dict."""
    groups = doc.spans
    data = getattr(groups, "data", None)
    if type(data) is dict:
        data[key] = SpanGroup(doc, name=key, spans=spans)
    else:
        groups[key] = spans
