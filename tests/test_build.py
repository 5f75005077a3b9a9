"""Tests of record building (`newsie.build`)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from newsie.build import _event
from newsie.payloads import EventData, LocationData


def _asdict(e: EventData) -> dict:
    return {**{f.name: getattr(e, f.name) for f in dataclasses.fields(e)}, "location": dataclasses.asdict(e.location)}


def test_event_data_is_copied_field_by_field() -> None:
    """An event's plain data holds exactly its fields, in order, and new dicts (not the payload's own)."""
    e = EventData(id="e1", type="training", trigger="trained", confidence=0.5, start=dt.date(2020, 10, 6),
                  location=LocationData(city="Vienna", country="AUT"), organizations=["OSCE"], states=["AUT"])
    data = _event(e)
    assert data == _asdict(e) and list(data) == list(_asdict(e))
    data["type"] = "meeting"
    data["location"]["city"] = "Graz"
    assert e.type == "training" and e.location.city == "Vienna"


def test_event_with_an_extra_attribute_gives_only_its_fields() -> None:
    """An event carrying an attribute that is no field still gives only its fields."""
    e = EventData(id="e2", type="visit")
    e.note = "scratch"  # type: ignore[attr-defined]
    assert _event(e) == _asdict(e)
