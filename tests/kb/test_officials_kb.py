"""Tests of the officials knowledge base (`newsie.kb.officials`)."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.kb.officials import OfficeEntry, OfficialEntry, OfficialKB, Term

_OFFICES = ("sg", "cio", "hcnm")
_DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2003, 12, 31))


def _terms() -> st.SearchStrategy[Term]:
    return st.tuples(st.sampled_from(_OFFICES), _DAYS, st.one_of(st.none(), st.integers(0, 500))).map(
        lambda t: Term(office=t[0], start=t[1], end=None if t[2] is None else t[1] + dt.timedelta(days=t[2]))
    )


@settings(max_examples=200, deadline=None)
@given(people=st.lists(st.lists(_terms(), max_size=3), max_size=6), office=st.sampled_from(_OFFICES), day=_DAYS)
def test_the_holder_is_the_first_person_with_a_term_that_covers_the_day(people: list[list[Term]], office: str, day: dt.date) -> None:
    """`holder` gives the first official (in gazetteer order) holding the office on the day, or None."""
    officials = [OfficialEntry(name=f"Person {k}", terms=terms) for k, terms in enumerate(people)]
    kb = OfficialKB([OfficeEntry(id=o, title=o) for o in _OFFICES], officials)
    expected = next((p for p in officials if any(t.office == office and t.covers(day) for t in p.terms)), None)
    assert kb.holder(office, day) is expected
