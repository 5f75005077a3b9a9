"""Turning an annotated Doc into a `Release` record (the output boundary).

The builder reads only the Doc: the metadata the front door put on it, and what each
component wrote (typed payloads, and spans as plain rows: `newsie.rows.group_rows`).
Mentions get offsets into the title or the body, whichever holds them. The record is
assembled as plain data and validated once, by `Release.model_validate` (pydantic's Rust
core), not object by object. The loops are written out (no comprehension, no call per
mention): each Python call or comprehension costs about a thousand instructions, and a
lede has a dozen mentions.
"""
from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter, gt
from typing import Any

from spacy.tokens import Doc

from . import extensions as ext
from .extensions import doc_key, text_of
from .payloads import DatelineData, EventData, OfficialData, OrgData, ReleaseMeta, StateData
from .records import Release
from .rows import group_rows

Data = dict[str, Any]
Offsets = tuple[int, int]

_META = doc_key("newsie_meta")
_DATELINE = doc_key("newsie_dateline")
_RELEASE_DATE = doc_key("newsie_release_date")
_STATES = doc_key("newsie_states")
_ORGS = doc_key("newsie_orgs")
_OFFICIALS = doc_key("newsie_officials")
_EVENTS = doc_key("newsie_events")
_FIELDS = doc_key("newsie_fields")
_NO_META = ReleaseMeta()
_MENTIONS = attrgetter("mentions")
_data: Callable[[Doc], dict[Any, Any]] = attrgetter("user_data")  # typed: spaCy's stub says dict[str, Any]


def mentions_of(pairs: list[Offsets], text: str, title_len: int, body_start: int) -> list[Data]:
    """Mention data of character offsets into the Doc's text, re-based on the title (never
    past its end: offsets stay exact) or the body."""
    out: list[Data] = []
    append = out.append
    for a, b in pairs:
        if a < title_len:
            if b > title_len:
                b = title_len
            append({"text": text[a:b], "field": "title", "start_char": a, "end_char": b})
        else:
            if a < body_start:
                a = body_start
            append({"text": text[a:b], "field": "text", "start_char": a - body_start, "end_char": b - body_start})
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


def build_states(doc: Doc, text: str, title_len: int, body_start: int) -> list[Data]:
    """One State per ISO3 code, in order of first mention, as the pipeline's gazetteer names it."""
    rows = group_rows(doc, ext.STATES)
    if not rows:
        return []
    known: dict[str, StateData] = {s.iso3: s for s in _data(doc).get(_STATES) or ()}
    offsets: dict[str, list[Offsets]] = {}
    names: dict[str, str] = {}
    for _, _, a, b, code, _ in rows:
        pairs = offsets.get(code)
        if pairs is None:
            offsets[code] = [(a, b)]
            names[code] = text[a:b]
        else:
            pairs.append((a, b))
    out: list[Data] = []
    for code, pairs in offsets.items():
        data = known.get(code)
        mentions = mentions_of(pairs, text, title_len, body_start)
        if data is None:
            out.append({"iso3": code, "iso2": None, "name": names[code], "status": "other", "historical": False, "mentions": mentions})
        else:
            out.append({"iso3": code, "iso2": data.iso2, "name": data.name, "status": data.status, "historical": data.historical, "mentions": mentions})
    return out


def build_organizations(doc: Doc, text: str, title_len: int, body_start: int) -> list[Data]:
    """One Organization per distinct body, in order of first mention."""
    orgs: list[OrgData] = by_first_mention(_data(doc).get(_ORGS) or [])
    out: list[Data] = []
    for o in orgs:
        m = o.mentions
        out.append({
            "name": o.name or "", "acronym": o.acronym, "kind": o.kind, "country": o.country, "id": o.id,
            "canonical_name": o.canonical_name, "parent": o.parent,
            "mentions": mentions_of(m if len(m) < 2 else sorted(set(m)), text, title_len, body_start),
        })
    return out


def build_officials(doc: Doc, text: str, title_len: int, body_start: int) -> list[Data]:
    """One Official per person, in order of first mention."""
    people: list[OfficialData] = by_first_mention(_data(doc).get(_OFFICIALS) or [])
    out: list[Data] = []
    for p in people:
        m = p.mentions
        out.append({
            "name": p.name, "title": p.title, "affiliation": p.affiliation, "country": p.country, "office": p.office,
            "inferred": p.inferred, "quotes": p.quotes,
            "mentions": mentions_of(m if len(m) < 2 else sorted(set(m)), text, title_len, body_start),
        })
    return out


def build_dates(doc: Doc, text: str, title_len: int, body_start: int) -> list[Data]:
    """Every date expression with its normalized interval."""
    rows = group_rows(doc, ext.DATES)
    if not rows:
        return []
    get = _data(doc).get
    out: list[Data] = []
    for _, _, start_char, end_char, _, _ in rows:
        value = get(("._.", "newsie_date", start_char, end_char))  # span._.newsie_date (`ext.span_value`)
        if value is None:
            continue
        a, b = value.start_char, value.end_char
        if a < title_len:
            if b > title_len:
                b = title_len
            data = {"text": text[a:b], "field": "title", "start_char": a, "end_char": b}
        else:
            if a < body_start:
                a = body_start
            data = {"text": text[a:b], "field": "text", "start_char": a - body_start, "end_char": b - body_start}
        data["start"], data["end"], data["granularity"], data["relative"] = value.start, value.end, value.granularity, value.relative
        out.append(data)
    return out


def build_dateline(doc: Doc) -> Data | None:
    d: DatelineData | None = _data(doc).get(_DATELINE)
    if d is None:
        return None
    return {"text": d.text, "city": d.city, "country": d.country, "date": d.date}


def build_events(doc: Doc) -> list[EventData]:
    """The events, main event first: the payloads themselves, which `Release.model_validate`
    reads by attribute (``from_attributes``; `EventData` and `LocationData` have the
    records' field names), with no dict made per event and location."""
    return list(_data(doc).get(_EVENTS) or ())


def release_data(doc: Doc) -> Data:
    """The record of a Doc as plain data (the events as their payloads), for
    ``Release.model_validate(..., from_attributes=True)``, which copies every list: the
    payloads' own lists are handed over as they are."""
    user_data = _data(doc)
    meta = user_data.get(_META)
    if not isinstance(meta, ReleaseMeta):
        meta = _NO_META  # a Doc made outside newsie (`payloads.meta_of`)
    text = text_of(doc)
    title_len, body_start = meta.title_len, meta.body_start
    published = user_data.get(_RELEASE_DATE)  # `payloads.release_date`
    return {
        "id": meta.id,
        "url": meta.url,
        "title": meta.title,
        "text": text[body_start:],
        "published": published if published is not None else meta.published,
        "content_type": meta.content_type,
        "dateline": build_dateline(doc),
        "states": build_states(doc, text, title_len, body_start),
        "organizations": build_organizations(doc, text, title_len, body_start),
        "officials": build_officials(doc, text, title_len, body_start),
        "dates": build_dates(doc, text, title_len, body_start),
        "events": build_events(doc),
        "issuer": meta.issuer,
        "fields_of_work": user_data.get(_FIELDS) or [],
        "warnings": meta.warnings,
    }


def to_release(doc: Doc) -> Release:
    """The `Release` record of a Doc that went through newsie's pipeline."""
    # `Release.model_validate(data, from_attributes=True)` without its Python wrapper.
    record: Release = Release.__pydantic_validator__.validate_python(release_data(doc), from_attributes=True)
    return record
