"""An event's place both ways: today's country of the city, and the State of that time."""
from __future__ import annotations

import datetime as dt

from ..kb.history import StateHistory
from ..payloads import DatelineData, LocationData


def finish_location(
    location: LocationData,
    dateline: DatelineData | None,
    when: dt.date | None,
    history: StateHistory,
) -> LocationData:
    """Add ``country_at_date`` and keep the dateline city under a former State.

    "BELGRADE, 5 May 2004 – The OSCE Mission to Serbia and Montenegro ..." places the event
    in a historical State (SCG) with no city; the dateline city lies in one of its
    successors, so the event is in Belgrade, country SRB (where Belgrade is today), and
    ``country_at_date`` SCG.
    """
    out = LocationData(city=location.city, country=location.country)
    if out.city is None and out.country and dateline and dateline.city and dateline.country in history.successors(out.country):
        was = out.country
        out = LocationData(city=dateline.city, country=dateline.country)
        if history.state_at(dateline.country, when) == was or when is None:
            out.country_at_date = was
            return out
    out.country_at_date = history.state_at(out.country, when)
    return out
