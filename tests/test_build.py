"""Tests of record building (`newsie.build`)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from spacy.tokens import Doc

import newsie
from newsie.build import _offsets, by_first_mention, mentions_of, record, to_release, validated
from newsie.customtypes import EVENT_TYPES, ORG_KINDS
from newsie.extensions import doc_key
from newsie.payloads import DatelineData, EventData, LocationData, OfficialData, OrgData, ReleaseMeta
from newsie.records import Event, Mention, Release


def _asdict(e: EventData) -> dict:
    return {**{f.name: getattr(e, f.name) for f in dataclasses.fields(e)}, "location": dataclasses.asdict(e.location)}


def _event() -> EventData:
    return EventData(id="e1", type="training", trigger="trained", confidence=0.5, start=dt.date(2020, 10, 6),
                     location=LocationData(city="Vienna", country="AUT"), organizations=["OSCE"], states=["AUT"])


def test_event_read_by_attribute_is_the_event_of_its_fields() -> None:
    """An event payload read by attribute gives the record its fields as a dict give, fields set included."""
    e = _event()
    by_attr = Release.model_validate({"id": "r", "events": [e]}, from_attributes=True).events[0]
    by_dict = Event.model_validate(_asdict(e))
    assert by_attr == by_dict and by_attr.model_dump_json() == by_dict.model_dump_json()
    assert by_attr.model_fields_set == by_dict.model_fields_set
    assert by_attr.location.model_fields_set == by_dict.location.model_fields_set


def test_event_record_does_not_share_the_payload_lists() -> None:
    """Changing a record's lists or location leaves the event payload as it was."""
    e = _event()
    rec = Release.model_validate({"id": "r", "events": [e]}, from_attributes=True).events[0]
    rec.organizations.append("ODIHR")
    rec.location.city = "Graz"
    assert e.organizations == ["OSCE"] and e.location.city == "Vienna"


def test_event_with_an_extra_attribute_gives_only_its_fields() -> None:
    """An event carrying an attribute that is no field still gives only its fields."""
    e = _event()
    e.note = "scratch"  # type: ignore[attr-defined]
    rec = Release.model_validate({"id": "r", "events": [e]}, from_attributes=True).events[0]
    assert rec == Event.model_validate(_asdict(_event()))


def test_event_payload_is_still_validated() -> None:
    """An event payload with a type outside the records' types is rejected, as its dict would be."""
    e = _event()
    e.type = "picnic"
    with pytest.raises(ValidationError):
        Release.model_validate({"id": "r", "events": [e]}, from_attributes=True)


@pytest.mark.parametrize("mentions", [[], [(3, 5)], [(9, 12), (3, 5), (9, 12)], [(3, 5), (3, 7)]])
def test_offsets_are_the_distinct_offsets_in_order(mentions: list[tuple[int, int]]) -> None:
    """Mention offsets come out distinct and sorted, as ``sorted(set(...))`` gives them."""
    assert list(_offsets(mentions)) == sorted(set(mentions))


class _Item:
    def __init__(self, mentions: list[tuple[int, int]]) -> None:
        self.mentions = mentions


_pairs = st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(tuple)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_pairs, min_size=1, max_size=4), max_size=6))
def test_by_first_mention_is_the_stable_sort_by_first_mention(mentions: list[list[tuple[int, int]]]) -> None:
    """Payloads come out as a stable sort on their first mention gives them, ties in input order."""
    items = [_Item(m) for m in mentions]
    assert by_first_mention(items) == sorted(items, key=lambda i: min(i.mentions))


def _mention_reference(text: str, title_len: int, body_start: int, a: int, b: int) -> dict:
    """The mention rule as first written: title offsets clipped to the title, body offsets re-based."""
    if title_len and a < title_len:
        b = min(b, title_len)
        return {"text": text[a:b], "field": "title", "start_char": a, "end_char": b}
    a = max(a, body_start)
    return {"text": text[a:b], "field": "text", "start_char": a - body_start, "end_char": b - body_start}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12), st.text(min_size=1, max_size=40), st.lists(_pairs, max_size=5), st.booleans())
def test_mentions_are_offsets_into_the_title_or_the_body(title: str, body: str, pairs: list[tuple[int, int]], titled: bool) -> None:
    """Mentions of offsets into a Doc's text are the reference rule's, in the title or the body."""
    title_len = len(title) if titled else 0
    body_start = title_len + 2 if titled else 0
    text = (title + "\n\n" + body) if titled else body
    pairs = [(a, b) for a, b in pairs if b <= len(text)]
    expected = [_mention_reference(text, title_len, body_start, a, b) for a, b in pairs]
    assert [m.model_dump() for m in mentions_of(pairs, text, title_len, body_start)] == expected


def _fields_sets(model: BaseModel) -> list[tuple[str, frozenset[str]]]:
    """Every (model name, fields set) of a record and its sub-records, in order."""
    out = [(type(model).__name__, frozenset(model.model_fields_set))]
    for value in model.__dict__.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                out.extend(_fields_sets(item))
    return out


def _same_record(made: BaseModel, expected: BaseModel) -> None:
    assert made == expected
    assert made.model_dump_json() == expected.model_dump_json()
    assert made.model_dump_json(exclude_unset=True) == expected.model_dump_json(exclude_unset=True)
    assert _fields_sets(made) == _fields_sets(expected)
    assert list(made.__dict__) == list(expected.__dict__)
    assert made.__pydantic_extra__ is None and made.__pydantic_private__ is None


_text = st.one_of(st.none(), st.text(max_size=8))
_date = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
_offsets_list = st.lists(_pairs, min_size=1, max_size=3)
_org = st.builds(
    OrgData, id=_text, canonical_name=_text, name=_text, acronym=_text, kind=st.sampled_from(ORG_KINDS),
    country=_text, parent=_text, mentions=_offsets_list,
)
_official = st.builds(
    OfficialData, name=st.text(max_size=8), title=_text, affiliation=_text, country=_text, office=_text,
    inferred=st.booleans(), quotes=st.lists(st.text(max_size=5), max_size=2), mentions=_offsets_list,
)
_events = st.builds(
    EventData, id=st.text(max_size=5), type=st.sampled_from(EVENT_TYPES), trigger=_text, evidence=_text,
    confidence=st.one_of(st.floats(0, 1), st.integers(0, 1)), start=_date, end=_date,
    location=st.builds(LocationData, city=_text, country=_text, country_at_date=_text),
    participants=st.one_of(st.none(), st.integers(0, 5000)), organizations=st.lists(st.text(max_size=5), max_size=2),
    states=st.lists(st.text(max_size=3), max_size=2), officials=st.lists(st.text(max_size=5), max_size=2),
    plover=_text, cameo=_text,
)
_dateline = st.builds(
    DatelineData, text=st.text(max_size=8), city=_text, country=_text, cities=st.just([]), date=_date,
    start_char=st.just(0), end_char=st.just(0), warning=st.one_of(st.none(), st.text(max_size=5)),
)


def _reference(doc: Doc, meta: ReleaseMeta) -> Release:
    """The record as pydantic validates it from plain data (the builder's rule as first written)."""
    text = doc.text
    title_len, body_start = meta.title_len, meta.body_start

    def mentions(pairs: list[tuple[int, int]]) -> list[dict]:
        return [_mention_reference(text, title_len, body_start, a, b) for a, b in sorted(set(pairs))]

    data: dict[Any, Any] = doc.user_data
    dl = data.get(doc_key("newsie_dateline"))
    return Release.model_validate({
        "id": meta.id, "url": meta.url, "title": meta.title, "text": text[body_start:], "published": meta.published,
        "content_type": meta.content_type, "issuer": meta.issuer,
        "warnings": [*meta.warnings, dl.warning] if dl is not None and dl.warning else meta.warnings,
        "fields_of_work": data.get(doc_key("newsie_fields")) or [],
        "dateline": None if dl is None else {"text": dl.text, "city": dl.city, "country": dl.country, "date": dl.date},
        "organizations": [
            {"name": o.name or "", "acronym": o.acronym, "kind": o.kind, "country": o.country, "id": o.id,
             "canonical_name": o.canonical_name, "parent": o.parent, "mentions": mentions(o.mentions)}
            for o in sorted(data.get(doc_key("newsie_orgs")) or [], key=lambda o: min(o.mentions))
        ],
        "officials": [
            {"name": p.name, "title": p.title, "affiliation": p.affiliation, "country": p.country, "office": p.office,
             "inferred": p.inferred, "quotes": p.quotes, "mentions": mentions(p.mentions)}
            for p in sorted(data.get(doc_key("newsie_officials")) or [], key=lambda p: min(p.mentions))
        ],
        "events": data.get(doc_key("newsie_events")) or [],
        "states": [],  # no span groups on these Docs (the pipeline test covers them)
        "dates": [],
    }, from_attributes=True)


@settings(max_examples=100, deadline=None)
@given(
    st.text(max_size=10), st.booleans(), _date, st.lists(st.text(max_size=4), max_size=2),
    st.lists(_org, max_size=3), st.lists(_official, max_size=2), st.lists(_events, max_size=2),
    st.one_of(st.none(), _dateline), st.one_of(st.none(), st.lists(st.sampled_from(["Policing", "Elections"]), max_size=2)),
)
def test_record_is_the_record_pydantic_validates_from_the_payloads(
    title: str, titled: bool, published: dt.date | None, warnings: list[str], orgs: list[OrgData],
    people: list[OfficialData], events: list[EventData], dateline: DatelineData | None, fields: list[str] | None,
) -> None:
    """A record made from generated payloads equals the one pydantic validates from their data, fields sets and field order included."""
    nlp = spacy.blank("en")
    body = "x" * 61
    text = f"{title}\n\n{body}" if titled else body
    meta = ReleaseMeta(id="r1", title=title if titled else None, body_start=len(title) + 2 if titled else 0,
                       published=published, url="u", issuer=["Vienna"], warnings=warnings)
    doc = nlp.make_doc(text)
    data: dict[Any, Any] = doc.user_data
    data[doc_key("newsie_meta")] = meta
    data[doc_key("newsie_orgs")] = orgs
    data[doc_key("newsie_officials")] = people
    data[doc_key("newsie_events")] = events
    if dateline is not None:
        data[doc_key("newsie_dateline")] = dateline
    if fields is not None:
        data[doc_key("newsie_fields")] = fields
    made = to_release(doc)
    _same_record(made, _reference(doc, meta))
    _same_record(validated(made), made)


def test_record_shares_no_list_with_the_payloads() -> None:
    """Changing a record's lists leaves the Doc's payloads as they were."""
    doc = spacy.blank("en").make_doc("OSCE training in Vienna.")
    meta = ReleaseMeta(id="r", issuer=["Vienna"], warnings=["w"])
    person = OfficialData(name="A. B.", quotes=["q"], mentions=[(0, 4)])
    data: dict[Any, Any] = doc.user_data
    data[doc_key("newsie_meta")] = meta
    data[doc_key("newsie_officials")] = [person]
    data[doc_key("newsie_events")] = [_event()]
    data[doc_key("newsie_fields")] = ["Policing"]
    rec = to_release(doc)
    rec.issuer.append("x")
    rec.warnings.append("x")
    rec.fields_of_work.append("x")
    rec.officials[0].quotes.append("x")
    rec.events[0].states.append("x")
    rec.events[0].location.city = "Graz"
    assert meta.issuer == ["Vienna"] and meta.warnings == ["w"] and person.quotes == ["q"]
    assert data[doc_key("newsie_fields")] == ["Policing"]
    assert data[doc_key("newsie_events")][0] == _event()


def test_pipeline_records_validate_to_themselves(nlp) -> None:
    """Records of the pipeline, States and dates included, are what pydantic validates from their own data."""
    texts = [
        ("VIENNA, 6 October 2020 – The OSCE Secretary General met the Foreign Minister of Serbia and "
         "the ODIHR Director in Vienna on 5 October to discuss police training for 40 officers.", "OSCE and Serbia on policing"),
        ("The OSCE Mission to Bosnia and Herzegovina trained judges from Sarajevo and Mostar last week.", None),
    ]
    for text, title in texts:
        rec = newsie.extract(text, title=title, published="2020-10-06", nlp=nlp)
        assert rec.states and rec.dates
        _same_record(validated(rec), rec)


def test_validated_rejects_a_value_of_the_wrong_type() -> None:
    """`validated` raises for a record made with a value outside its field's type."""
    bad = record(Mention, {"text": "x", "field": "margin", "start_char": 0, "end_char": 1}, ("text", "field", "start_char", "end_char"))
    with pytest.raises(ValidationError):
        validated(bad)
