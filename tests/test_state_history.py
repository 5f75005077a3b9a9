"""The State history gazetteer: which State held a place at a date."""
from __future__ import annotations

import datetime as dt

from newsie.kb.history import StateEra, StateHistory, default_history


def test_packaged_history() -> None:
    """Belgrade's country was YUG in 2000, SCG in 2004 and SRB in 2010; Vienna's always AUT."""
    h = default_history()
    assert [h.state_at("SRB", dt.date(y, 6, 1)) for y in (2000, 2004, 2010)] == ["YUG", "SCG", "SRB"]
    assert h.state_at("AUT", dt.date(1990, 1, 1)) == "AUT"
    assert h.state_at("SRB", None) == "SRB" and "MNE" in h.successors("SCG")


def test_user_history() -> None:
    """A history built from the caller's own eras answers by them."""
    h = StateHistory([StateEra(iso3="AAA", was="BBB", end=dt.date(2000, 1, 1))])
    assert (h.state_at("AAA", dt.date(1999, 1, 1)), h.state_at("AAA", dt.date(2001, 1, 1))) == ("BBB", "AAA")


def test_successors_are_the_states_whose_eras_name_the_earlier_state() -> None:
    """The successors index gives, for every earlier State, the States with an era naming it."""

    h = default_history()
    for was in {e.was for eras in h.eras.values() for e in eras} | {"XXX", "SRB"}:
        assert h.successors(was) == {iso3 for iso3, eras in h.eras.items() if any(e.was == was for e in eras)}
