"""An event's place both ways: today's country of the city, and the State of that time."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..kb.history import StateHistory, default_history


def finish_location(
    location: dict[str, Any],
    dateline: dict[str, Any] | None,
    when: dt.date | None,
    history: StateHistory | None = None,
) -> dict[str, Any]:
    """Add ``country_at_date`` and keep the dateline city under a former State.

    "BELGRADE, 5 May 2004 – The OSCE Mission to Serbia and Montenegro ..." places the event
    in a historical State (SCG) with no city; the dateline city lies in one of its
    successors, so the event is in Belgrade, country SRB (where Belgrade is today), and
    ``country_at_date`` SCG.
    """
    history = history or default_history()
    out = {"city": location.get("city"), "country": location.get("country")}
    dl = dateline or {}
    if out["city"] is None and out["country"] and dl.get("city") and dl.get("country") in history.successors(out["country"]):
        was = out["country"]
        out = {"city": dl["city"], "country": dl["country"]}
        if history.state_at(dl["country"], when) == was or when is None:
            out["country_at_date"] = was
            return out
    out["country_at_date"] = history.state_at(out["country"], when)
    return out
