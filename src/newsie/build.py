"""Turning an annotated Doc into a `Release` record (the output boundary).

The builder reads only the Doc: the metadata the front door put on it, and what each
component wrote (spans and typed payloads). Mentions get offsets into the title or the
body, whichever holds them. The record is assembled as plain data and validated once,
by `Release.model_validate` (pydantic's Rust core), not object by object.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from . import extensions as ext
from .extensions import doc_value, span_value, text_of
from .payloads import (
    DatelineData,
    EventData,
    OfficialData,
    OrgData,
    ReleaseMeta,
    StateData,
    body_text,
    meta_of,
    release_date,
)
from .records import Release

Data = dict[str, Any]


Mention = Callable[[int, int], Data]


def _mentions(doc: Doc, meta: ReleaseMeta) -> Mention:
    """Mentions of one Doc: offsets re-based on the title or the body (a closure: called
    once per mention, cheaper than an object's ``__call__``)."""
    text = text_of(doc)
    title_len, body_start = meta.title_len, meta.body_start

    def mention(start_char: int, end_char: int) -> Data:
        if title_len and start_char < title_len:
            end_char = min(end_char, title_len)  # never past the title: offsets stay exact
            return {"text": text[start_char:end_char], "field": "title", "start_char": start_char, "end_char": end_char}
        start_char = max(start_char, body_start)
        return {
            "text": text[start_char:end_char], "field": "text",
            "start_char": start_char - body_start, "end_char": end_char - body_start,
        }

    return mention


def build_states(doc: Doc, mention: Mention) -> list[Data]:
    """One State per ISO3 code, in order of first mention, as the pipeline's gazetteer names it."""
    if ext.STATES not in doc.spans:
        return []
    known: dict[str, StateData] = {s.iso3: s for s in doc_value(doc, "newsie_states") or []}
    states: dict[str, Data] = {}
    for span in doc.spans[ext.STATES]:
        code = span.kb_id_
        if code not in states:
            data = known.get(code)
            states[code] = {
                "iso3": code,
                "iso2": data.iso2 if data else None,
                "name": data.name if data else span.text,
                "status": data.status if data else "other",
                "historical": data.historical if data else False,
                "mentions": [],
            }
        states[code]["mentions"].append(mention(span.start_char, span.end_char))
    return list(states.values())


def _first_mention(item: OrgData | OfficialData) -> tuple[int, int]:
    return min(item.mentions)


def _offsets(mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Distinct offsets in order (most bodies and people have one mention: nothing to sort)."""
    return mentions if len(mentions) < 2 else sorted(set(mentions))


def build_organizations(doc: Doc, mention: Mention) -> list[Data]:
    """One Organization per distinct body, in order of first mention."""
    orgs: list[OrgData] = doc_value(doc, "newsie_orgs") or []
    if len(orgs) > 1:
        orgs = sorted(orgs, key=_first_mention)
    return [
        {
            "name": o.name or "", "acronym": o.acronym, "kind": o.kind, "country": o.country, "id": o.id,
            "canonical_name": o.canonical_name, "parent": o.parent,
            "mentions": [mention(a, b) for a, b in _offsets(o.mentions)],
        }
        for o in orgs
    ]


def build_officials(doc: Doc, mention: Mention) -> list[Data]:
    """One Official per person, in order of first mention."""
    people: list[OfficialData] = doc_value(doc, "newsie_officials") or []
    if len(people) > 1:
        people = sorted(people, key=_first_mention)
    return [
        {
            "name": p.name, "title": p.title, "affiliation": p.affiliation, "country": p.country, "office": p.office,
            "inferred": p.inferred, "quotes": p.quotes, "mentions": [mention(a, b) for a, b in _offsets(p.mentions)],
        }
        for p in people
    ]


def build_dates(doc: Doc, mention: Mention) -> list[Data]:
    """Every date expression with its normalized interval."""
    if ext.DATES not in doc.spans:
        return []
    out = []
    for span in doc.spans[ext.DATES]:
        value = span_value(doc, "newsie_date", span.start_char, span.end_char)
        if value is None:
            continue
        m = mention(value.start_char, value.end_char)
        m.update(start=value.start, end=value.end, granularity=value.granularity, relative=value.relative)
        out.append(m)
    return out


def build_dateline(doc: Doc) -> Data | None:
    d: DatelineData | None = doc_value(doc, "newsie_dateline")
    if d is None:
        return None
    return {"text": d.text, "city": d.city, "country": d.country, "date": d.date}


def build_events(doc: Doc) -> list[EventData]:
    """The events, main event first: the payloads themselves, which `Release.model_validate`
    reads by attribute (``from_attributes``; `EventData` and `LocationData` have the
    records' field names), with no dict made per event and location."""
    return list(doc_value(doc, "newsie_events") or [])


def release_data(doc: Doc) -> Data:
    """The record of a Doc as plain data (the events as their payloads), for
    ``Release.model_validate(..., from_attributes=True)``, which copies every list: the
    payloads' own lists are handed over as they are."""
    meta = meta_of(doc)
    mention = _mentions(doc, meta)
    return {
        "id": meta.id,
        "url": meta.url,
        "title": meta.title,
        "text": body_text(doc),
        "published": release_date(doc),
        "content_type": meta.content_type,
        "dateline": build_dateline(doc),
        "states": build_states(doc, mention),
        "organizations": build_organizations(doc, mention),
        "officials": build_officials(doc, mention),
        "dates": build_dates(doc, mention),
        "events": build_events(doc),
        "issuer": meta.issuer,
        "fields_of_work": doc_value(doc, "newsie_fields") or [],
        "warnings": meta.warnings,
    }


def to_release(doc: Doc) -> Release:
    """The `Release` record of a Doc that went through newsie's pipeline."""
    return Release.model_validate(release_data(doc), from_attributes=True)
