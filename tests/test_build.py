"""Tests of record building (`newsie.build`)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from newsie.build import _offsets, by_first_mention, mentions_of
from newsie.payloads import EventData, LocationData
from newsie.records import Event, Release


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
    """Mention data of offsets into a Doc's text are the reference rule's, in the title or the body."""
    title_len = len(title) if titled else 0
    body_start = title_len + 2 if titled else 0
    text = (title + "\n\n" + body) if titled else body
    pairs = [(a, b) for a, b in pairs if b <= len(text)]
    expected = [_mention_reference(text, title_len, body_start, a, b) for a, b in pairs]
    assert mentions_of(pairs, text, title_len, body_start) == expected
