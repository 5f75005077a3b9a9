"""Turning an annotated Doc into a `Release` record (the output boundary)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import extensions as ext
from .extensions import text_of
from .kb.states import default_states
from .records import Dateline, DateMention, Event, Location, Mention, Official, Organization, Release, State


def mention(doc: Doc, start_char: int, end_char: int) -> Mention:
    """A Mention with offsets into the title or the text, whichever holds it.

    Its text is sliced from that field, so ``field[start_char:end_char] == text`` always;
    a span that runs from the title into the body is cut at the end of the title.
    """
    meta = doc._.newsie_meta or {}
    title_len, body_start = meta.get("title_len", 0), meta.get("body_start", 0)
    if title_len and start_char < title_len:
        end = min(end_char, title_len)
        return Mention(text=(meta.get("title") or "")[start_char:end], field="title", start_char=start_char, end_char=end)
    body = meta.get("text")
    if body is None:
        body = text_of(doc)[body_start:]
    start, end = max(0, start_char - body_start), max(0, end_char - body_start)
    return Mention(text=body[start:end], field="text", start_char=start, end_char=end)


def span_mention(span: Span) -> Mention:
    return mention(span.doc, span.start_char, span.end_char)


def build_states(doc: Doc) -> list[State]:
    """One `State` per ISO3 code, in order of first mention."""
    if ext.STATES not in doc.spans:
        return []
    kb = default_states()
    states: dict[str, State] = {}
    for span in doc.spans[ext.STATES]:
        code = span.label_
        if code not in states:
            entry = kb.by_iso3.get(code)
            states[code] = State(
                iso3=code,
                iso2=entry.iso2 if entry else None,
                name=entry.name if entry else span.text,
                status=entry.status if entry else "other",
                historical=entry.historical if entry else False,
            )
        states[code].mentions.append(span_mention(span))
    return list(states.values())


def build_organizations(doc: Doc) -> list[Organization]:
    """One `Organization` per distinct body, in order of first mention."""
    orgs = sorted(doc._.newsie_orgs or [], key=lambda o: min(o["mentions"]))
    return [
        Organization(
            name=o["name"], acronym=o["acronym"], kind=o["kind"], country=o["country"], id=o["id"],
            canonical_name=o["canonical_name"], parent=o["parent"],
            mentions=[mention(doc, a, b) for a, b in sorted(set(o["mentions"]))],
        )
        for o in orgs
    ]


def build_officials(doc: Doc) -> list[Official]:
    """One `Official` per person, in order of first mention."""
    people = sorted(doc._.newsie_officials or [], key=lambda p: min(p["mentions"]))
    return [
        Official(
            name=p["name"], title=p["title"], affiliation=p["affiliation"], country=p["country"], office=p["office"],
            inferred=p["inferred"], quotes=p["quotes"], mentions=[mention(doc, a, b) for a, b in sorted(set(p["mentions"]))],
        )
        for p in people
    ]


def build_dates(doc: Doc) -> list[DateMention]:
    """Every date expression with its normalized interval."""
    if ext.DATES not in doc.spans:
        return []
    out = []
    for span in doc.spans[ext.DATES]:
        data = span._.newsie_data or {}
        m = mention(doc, data.get("start_char", span.start_char), data.get("end_char", span.end_char))
        out.append(
            DateMention(
                text=m.text, field=m.field, start_char=m.start_char, end_char=m.end_char, start=data.get("start"),
                end=data.get("end"), granularity=data.get("granularity", "day"), relative=data.get("relative", False),
            )
        )
    return out


def build_dateline(doc: Doc) -> Dateline | None:
    d = doc._.newsie_dateline
    if not d:
        return None
    return Dateline(text=d["text"], city=d["city"], country=d["country"], date=d["date"])


def build_events(doc: Doc) -> list[Event]:
    """The events, main event first."""
    out = []
    for e in doc._.newsie_events or []:
        out.append(Event(**{**e, "location": Location(**e["location"])}))
    return out


def to_release(doc: Doc) -> Release:
    """The `Release` record of a Doc that went through newsie's pipeline."""
    meta = doc._.newsie_meta or {}
    return Release(
        id=meta.get("id", ""),
        url=meta.get("url"),
        title=meta.get("title"),
        text=meta.get("text", text_of(doc)),
        published=meta.get("published") or (doc._.newsie_dateline or {}).get("date"),
        dateline=build_dateline(doc),
        states=build_states(doc),
        organizations=build_organizations(doc),
        officials=build_officials(doc),
        dates=build_dates(doc),
        events=build_events(doc),
        issuer=list(meta.get("issuer") or []),
        fields_of_work=list(doc._.newsie_fields or []),
        warnings=list(meta.get("warnings", [])),
    )
