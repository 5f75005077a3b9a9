"""newsie's Doc and Span extension attributes, registered once, idempotently."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

# Span groups each component writes to (doc.spans[KEY]).
STATES = "newsie_states"
ORGANIZATIONS = "newsie_organizations"
OFFICIALS = "newsie_officials"
DATES = "newsie_dates"
EVENTS = "newsie_events"

_DOC_ATTRS: dict[str, Any] = {
    "newsie_meta": None,  # dict: title_len, published, ... set by the front door
    "newsie_dateline": None,  # dict: text, city, country, date, start_char, end_char
    "newsie_orgs": None,  # list[dict]: one resolved organization each
    "newsie_officials": None,  # list[dict]: one resolved official each
    "newsie_events": None,  # list[dict]: events, main first
    "newsie_fields": None,  # list[str]: OSCE fields of work
}
_SPAN_ATTRS: dict[str, Any] = {
    "newsie_data": None,  # dict of plain data (normalized dates, org ids, ...)
}


def register() -> None:
    """Register every newsie extension; calling it again does nothing."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token on each access."""
    cached = doc.user_data.get("newsie_text")
    if cached is None:
        cached = doc.user_data["newsie_text"] = doc.text
    return str(cached)
