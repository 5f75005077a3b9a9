"""newsie's Doc and Span extension attributes and span labels, registered once, idempotently.

Span groups follow spaCy's conventions: ``label_`` is the entity type (`STATE`, `ORG`,
`PERSON`, `DATE`, `EVENT`) and ``kb_id_`` its identifier (ISO3 code, gazetteer id, event
type). Doc attributes hold the typed payloads of `newsie.payloads`.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

# Span groups each component writes to (doc.spans[KEY]).
STATES = "newsie_states"
ORGANIZATIONS = "newsie_organizations"
OFFICIALS = "newsie_officials"
DATES = "newsie_dates"
DURATIONS = "newsie_durations"
EVENTS = "newsie_events"

# ``doc.user_data`` key of `newsie_event_triggers`' evidence (see `TriggerScorer.summary`),
# read as ``doc._.newsie_event_evidence``: the name a component that reads it requires.
EVENT_EVIDENCE = "newsie_event_evidence"

# Entity types: span labels, record kinds and display labels alike.
STATE, ORG, PERSON, DATE, DURATION, EVENT = "STATE", "ORG", "PERSON", "DATE", "DURATION", "EVENT"
LABELS: tuple[str, ...] = (STATE, ORG, PERSON, DATE, EVENT)

_DOC_ATTRS: dict[str, Any] = {
    "newsie_meta": None,  # ReleaseMeta: set by the front door
    "newsie_dateline": None,  # DatelineData | None: newsie_dateline
    "newsie_release_date": None,  # date | None: newsie_dateline (published, else the dateline date)
    "newsie_states": None,  # list[StateData]: newsie_states
    "newsie_orgs": None,  # list[OrgData]: newsie_organizations
    "newsie_officials": None,  # list[OfficialData]: newsie_officials
    "newsie_events": None,  # list[EventData], main event first: newsie_events
    "newsie_fields": None,  # list[str]: newsie_fields
}
# the Doc attributes that hold lists (a DocBin reads them back as tuples: see `newsie.payloads.decode`)
LIST_ATTRS: tuple[str, ...] = ("newsie_states", "newsie_orgs", "newsie_officials", "newsie_events", "newsie_fields")
_SPAN_ATTRS: dict[str, Any] = {
    "newsie_date": None,  # DateValue of a DATE span
    "newsie_days": None,  # int: length of a DURATION span in days
}


def _event_evidence(doc: Doc) -> Any:
    return doc.user_data.get(EVENT_EVIDENCE)


def register() -> None:
    """Register every newsie extension; calling it again does nothing."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension(EVENT_EVIDENCE):  # read-only: a view of doc.user_data, not serialized twice
        Doc.set_extension(EVENT_EVIDENCE, getter=_event_evidence)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()


def doc_value(doc: Doc, name: str) -> Any:
    """``doc._.<name>`` read straight from ``doc.user_data``: for hot loops, as the
    ``doc._`` proxy is a new object on every access (the defaults are all None)."""
    user_data: dict[Any, Any] = doc.user_data
    return user_data.get(("._.", name, None, None))


def doc_key(name: str) -> tuple[str, str, None, None]:
    """The ``doc.user_data`` key of ``doc._.<name>``: `doc_value` is ``doc.user_data.get(doc_key(name))``."""
    return ("._.", name, None, None)


# The ``doc.user_data`` keys of the Doc attributes later stages read on every document
# (``user_data.get(KEY)`` is `doc_value` without a call or a new tuple).
META_KEY = doc_key("newsie_meta")
DATELINE_KEY = doc_key("newsie_dateline")
RELEASE_DATE_KEY = doc_key("newsie_release_date")
STATES_KEY = doc_key("newsie_states")
ORGS_KEY = doc_key("newsie_orgs")
OFFICIALS_KEY = doc_key("newsie_officials")
EVENTS_KEY = doc_key("newsie_events")
FIELDS_KEY = doc_key("newsie_fields")


def span_value(doc: Doc, name: str, start_char: int, end_char: int) -> Any:
    """``span._.<name>`` of the span at these character offsets, from ``doc.user_data``."""
    user_data: dict[Any, Any] = doc.user_data
    return user_data.get(("._.", name, start_char, end_char))


def span_string(span: Span) -> str:
    """``span.text`` sliced from the Doc's text: `Span.text` makes a `Token` per word."""
    return text_of(span.doc)[span.start_char : span.end_char]


def set_doc_value(doc: Doc, name: str, value: Any) -> None:
    """``doc._.<name> = value`` (a registered extension without setter), without the proxy."""
    user_data: dict[Any, Any] = doc.user_data
    user_data[("._.", name, None, None)] = value


def set_span_value(span: Span, name: str, value: Any) -> None:
    """``span._.<name> = value`` (a registered extension without setter), without the proxy."""
    user_data: dict[Any, Any] = span.doc.user_data
    user_data[("._.", name, span.start_char, span.end_char)] = value


_TEXT_KEY = "newsie_text"


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token on each access."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return str(cached)


def remember_text(doc: Doc, text: str) -> None:
    """Record `text` as the Doc's text, for a Doc made from it (``doc.text == text``)."""
    doc.user_data[_TEXT_KEY] = text
