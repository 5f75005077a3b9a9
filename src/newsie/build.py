"""Turning an annotated Doc into a `Release` record (the output boundary).

The builder reads only the Doc: the metadata the front door put on it, and what each
component wrote (typed payloads, and spans as plain rows: `newsie.rows.group_rows`).
Mentions get offsets into the title or the body, whichever holds them.

The records are made directly from the payloads (`record`): each model's field values
are put in a dict in the model's field order and set on a new instance, as pydantic's
validator sets them (the same ``__dict__``, fields set, extra and private), with no
intermediate data copied into a second dict. The payloads are newsie's own typed
dataclasses, so there is nothing to convert: validating them again cost more than half
of record building. Lists are copied (a record never shares a list with the Doc), the
confidence is made a float. `validated` checks a record against the models (tests do, on
generated payloads and on the corpus). The loops are written out (no comprehension, no
call per mention): each Python call or comprehension costs about a thousand
instructions, and a lede has a dozen mentions.
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from operator import attrgetter, gt
from typing import Any, Final, TypeVar

from pydantic import BaseModel
from spacy.tokens import Doc

from . import extensions as ext
from .about import SCHEMA_VERSION, __version__
from .extensions import (
    DATELINE_KEY,
    EVENTS_KEY,
    FIELDS_KEY,
    META_KEY,
    OFFICIALS_KEY,
    ORGS_KEY,
    RELEASE_DATE_KEY,
    STATES_KEY,
    text_of,
)
from .payloads import DatelineData, EventData, OfficialData, OrgData, ReleaseMeta, StateData
from .records import Dateline, DateMention, Event, Location, Mention, Official, Organization, Release, State
from .rows import group_rows

Offsets = tuple[int, int]
M = TypeVar("M", bound=BaseModel)

_NO_META: Final = ReleaseMeta()
_MENTIONS: Final = attrgetter("mentions")
_data: Final[Callable[[Doc], dict[Any, Any]]] = attrgetter("user_data")  # typed: spaCy's stub says dict[str, Any]

# What pydantic's validator sets on a new instance, as C calls: the field values
# (``__dict__``), the names of the fields given, and no extra or private values.
_new: Final = object.__new__
_set_dict: Final = BaseModel.__dict__["__dict__"].__set__
_set_fields_set: Final = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra: Final = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private: Final = BaseModel.__dict__["__pydantic_private__"].__set__

_MENTION_FIELDS: Final = frozenset(Mention.model_fields)
_STATE_FIELDS: Final = frozenset(State.model_fields)
_ORG_FIELDS: Final = frozenset(Organization.model_fields)
_OFFICIAL_FIELDS: Final = frozenset(Official.model_fields)
_DATE_FIELDS: Final = frozenset(DateMention.model_fields)
_DATELINE_FIELDS: Final = frozenset(Dateline.model_fields)
_EVENT_FIELDS: Final = frozenset(Event.model_fields)
_LOCATION_FIELDS: Final = frozenset(Location.model_fields)
# A release's fields but the ones the builder leaves at their defaults, as a record
# validated from `release_data` had them (``exclude_unset`` dumps stay as they were).
_RELEASE_FIELDS: Final = frozenset(Release.model_fields) - {"error", "source", "newsie_version", "schema_version"}


def record(cls: type[M], values: dict[str, Any], fields_set: Collection[str]) -> M:
    """A `cls` instance holding `values` (every field, in the model's field order, of the
    field's type: unchecked), as ``cls.model_validate(values)`` makes it when the
    fields given are `fields_set`."""
    item = _new(cls)
    _set_dict(item, values)
    _set_fields_set(item, set(fields_set))
    _set_extra(item, None)
    _set_private(item, None)
    return item


def validated(rec: M) -> M:
    """`rec` validated anew from its own data (raises pydantic's `ValidationError` if a
    value is not of its field's type); equal to `rec` for every record `to_release` makes."""
    again = type(rec).model_validate(rec.model_dump(exclude_unset=True))
    return again


def mentions_of(pairs: list[Offsets], text: str, title_len: int, body_start: int) -> list[Mention]:
    """Mentions of character offsets into the Doc's text, re-based on the title (never
    past its end: offsets stay exact) or the body."""
    out: list[Mention] = []
    append = out.append
    fields = _MENTION_FIELDS
    for a, b in pairs:
        item = _new(Mention)
        if a < title_len:
            if b > title_len:
                b = title_len
            _set_dict(item, {"text": text[a:b], "field": "title", "start_char": a, "end_char": b})
        else:
            if a < body_start:
                a = body_start
            _set_dict(item, {"text": text[a:b], "field": "text", "start_char": a - body_start, "end_char": b - body_start})
        _set_fields_set(item, set(fields))
        _set_extra(item, None)
        _set_private(item, None)
        append(item)
    return out


def _offsets(mentions: list[Offsets]) -> list[Offsets]:
    """Distinct offsets in order (most bodies and people have one mention: nothing to sort)."""
    return mentions if len(mentions) < 2 else sorted(set(mentions))


def by_first_mention(items: list[Any]) -> list[Any]:
    """`items` (payloads with ``mentions``) in order of first mention, a stable sort: as
    ``sorted(items, key=lambda i: min(i.mentions))``, with no Python call per item."""
    if len(items) < 2:
        return items
    firsts = list(map(min, map(_MENTIONS, items)))
    if not any(map(gt, firsts, firsts[1:])):
        return items  # already in order (the usual case)
    return [item for _, _, item in sorted(zip(firsts, range(len(items)), items))]


def build_states(doc: Doc, text: str, title_len: int, body_start: int) -> list[State]:
    """One State per ISO3 code, in order of first mention, as the pipeline's gazetteer names it."""
    rows = group_rows(doc, ext.STATES)
    if not rows:
        return []
    known: dict[str, StateData] = {s.iso3: s for s in _data(doc).get(STATES_KEY) or ()}
    offsets: dict[str, list[Offsets]] = {}
    names: dict[str, str] = {}
    for _, _, a, b, code, _ in rows:
        pairs = offsets.get(code)
        if pairs is None:
            offsets[code] = [(a, b)]
            names[code] = text[a:b]
        else:
            pairs.append((a, b))
    out: list[State] = []
    for code, pairs in offsets.items():
        data = known.get(code)
        mentions = mentions_of(pairs, text, title_len, body_start)
        item = _new(State)  # `record`, written out
        if data is None:
            _set_dict(item, {"iso3": code, "iso2": None, "name": names[code], "status": "other", "historical": False, "mentions": mentions})
        else:
            _set_dict(item, {"iso3": code, "iso2": data.iso2, "name": data.name, "status": data.status, "historical": data.historical, "mentions": mentions})
        _set_fields_set(item, set(_STATE_FIELDS))
        _set_extra(item, None)
        _set_private(item, None)
        out.append(item)
    return out


def build_organizations(doc: Doc, text: str, title_len: int, body_start: int) -> list[Organization]:
    """One Organization per distinct body, in order of first mention."""
    orgs: list[OrgData] = by_first_mention(_data(doc).get(ORGS_KEY) or [])
    out: list[Organization] = []
    for o in orgs:
        m = o.mentions
        item = _new(Organization)  # `record`, written out
        _set_dict(item, {
            "name": o.name or "", "acronym": o.acronym, "kind": o.kind, "country": o.country, "id": o.id,
            "canonical_name": o.canonical_name, "parent": o.parent,
            "mentions": mentions_of(m if len(m) < 2 else sorted(set(m)), text, title_len, body_start),
        })
        _set_fields_set(item, set(_ORG_FIELDS))
        _set_extra(item, None)
        _set_private(item, None)
        out.append(item)
    return out


def build_officials(doc: Doc, text: str, title_len: int, body_start: int) -> list[Official]:
    """One Official per person, in order of first mention."""
    people: list[OfficialData] = by_first_mention(_data(doc).get(OFFICIALS_KEY) or [])
    out: list[Official] = []
    for p in people:
        m = p.mentions
        item = _new(Official)  # `record`, written out
        _set_dict(item, {
            "name": p.name, "title": p.title, "affiliation": p.affiliation, "country": p.country, "office": p.office,
            "inferred": p.inferred, "quotes": list(p.quotes),
            "mentions": mentions_of(m if len(m) < 2 else sorted(set(m)), text, title_len, body_start),
        })
        _set_fields_set(item, set(_OFFICIAL_FIELDS))
        _set_extra(item, None)
        _set_private(item, None)
        out.append(item)
    return out


def build_dates(doc: Doc, text: str, title_len: int, body_start: int) -> list[DateMention]:
    """Every date expression with its normalized interval."""
    rows = group_rows(doc, ext.DATES)
    if not rows:
        return []
    get = _data(doc).get
    out: list[DateMention] = []
    for _, _, start_char, end_char, _, _ in rows:
        value = get(("._.", "newsie_date", start_char, end_char))  # span._.newsie_date (`ext.span_value`)
        if value is None:
            continue
        a, b = value.start_char, value.end_char
        if a < title_len:
            if b > title_len:
                b = title_len
            values = {"text": text[a:b], "field": "title", "start_char": a, "end_char": b}
        else:
            if a < body_start:
                a = body_start
            values = {"text": text[a:b], "field": "text", "start_char": a - body_start, "end_char": b - body_start}
        values["start"], values["end"], values["granularity"], values["relative"] = value.start, value.end, value.granularity, value.relative
        item = _new(DateMention)  # `record`, written out
        _set_dict(item, values)
        _set_fields_set(item, set(_DATE_FIELDS))
        _set_extra(item, None)
        _set_private(item, None)
        out.append(item)
    return out


def build_dateline(doc: Doc) -> Dateline | None:
    d: DatelineData | None = _data(doc).get(DATELINE_KEY)
    if d is None:
        return None
    return record(Dateline, {"text": d.text, "city": d.city, "country": d.country, "date": d.date}, _DATELINE_FIELDS)


def build_events(doc: Doc) -> list[Event]:
    """The events, main event first, with lists of their own (a record shares none with the Doc)."""
    out: list[Event] = []
    e: EventData
    for e in _data(doc).get(EVENTS_KEY) or ():
        loc = e.location
        out.append(record(Event, {
            "id": e.id, "type": e.type, "trigger": e.trigger, "evidence": e.evidence, "confidence": float(e.confidence),
            "start": e.start, "end": e.end,
            "location": record(Location, {"city": loc.city, "country": loc.country, "country_at_date": loc.country_at_date}, _LOCATION_FIELDS),
            "participants": e.participants, "organizations": list(e.organizations), "states": list(e.states),
            "officials": list(e.officials), "plover": e.plover, "cameo": e.cameo,
        }, _EVENT_FIELDS))
    return out


def _warnings(meta: ReleaseMeta, dateline: DatelineData | None) -> list[str]:
    """The front door's warnings, then the dateline's (a date that names no day)."""
    if dateline is not None and dateline.warning:
        return [*meta.warnings, dateline.warning]
    return list(meta.warnings)


def to_release(doc: Doc) -> Release:
    """The `Release` record of a Doc that went through newsie's pipeline."""
    user_data = _data(doc)
    meta = user_data.get(META_KEY)
    if not isinstance(meta, ReleaseMeta):
        meta = _NO_META  # a Doc made outside newsie (`payloads.meta_of`)
    text = text_of(doc)
    title_len, body_start = meta.title_len, meta.body_start
    published = user_data.get(RELEASE_DATE_KEY)  # `payloads.release_date`
    return record(Release, {
        "id": meta.id,
        "url": meta.url,
        "title": meta.title,
        "published": published if published is not None else meta.published,
        "content_type": meta.content_type,
        "text": text[body_start:],
        "issuer": list(meta.issuer),
        "fields_of_work": list(user_data.get(FIELDS_KEY) or ()),
        "dateline": build_dateline(doc),
        "states": build_states(doc, text, title_len, body_start),
        "organizations": build_organizations(doc, text, title_len, body_start),
        "officials": build_officials(doc, text, title_len, body_start),
        "dates": build_dates(doc, text, title_len, body_start),
        "events": build_events(doc),
        "warnings": _warnings(meta, user_data.get(DATELINE_KEY)),
        "error": None,
        "source": None,
        "newsie_version": __version__,
        "schema_version": SCHEMA_VERSION,
    }, _RELEASE_FIELDS)
