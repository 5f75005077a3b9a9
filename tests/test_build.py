"""Tests of record building (`newsie.build`)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pydantic import ValidationError

from newsie.build import _offsets
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
