"""Which State a place belonged to at a date: Belgrade was in Serbia and Montenegro in 2004.

Read from ``gazetteers/state_history.jsonl``: one entry per (today's State, earlier
State, interval), e.g. ``{"iso3": "SRB", "was": "SCG", "start": "2003-02-04", "end":
"2006-06-04"}``. A missing ``start`` means "since before the records begin".
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from .io import read_packaged

HISTORY_FILE = "state_history.jsonl"


class StateEra(BaseModel):
    """An interval during which today's State `iso3` was part of the State `was`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    was: str = Field(pattern=r"^[A-Z]{3}$")
    start: dt.date | None = None
    end: dt.date


class StateHistory:
    """Eras indexed by today's State."""

    def __init__(self, eras: list[StateEra]) -> None:
        self.eras: dict[str, list[StateEra]] = {}
        self._successors: dict[str, set[str]] = {}  # by earlier State (read on every dated event)
        for e in eras:
            self.eras.setdefault(e.iso3, []).append(e)
            self._successors.setdefault(e.was, set()).add(e.iso3)

    def state_at(self, iso3: str | None, when: dt.date | None) -> str | None:
        """The State that held today's `iso3` territory on `when` (`iso3` itself when unchanged)."""
        if iso3 is None or when is None:
            return iso3
        for e in self.eras.get(iso3, ()):
            if (e.start is None or e.start <= when) and when <= e.end:
                return e.was
        return iso3

    def successors(self, was: str) -> set[str]:
        """Today's States that were once part of `was`."""
        return set(self._successors.get(was, ()))


@lru_cache(maxsize=1)
def default_history() -> StateHistory:
    """The State history that ships with newsie (read once per process)."""
    return StateHistory(read_packaged(HISTORY_FILE, StateEra))
