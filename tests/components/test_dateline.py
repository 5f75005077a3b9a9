"""Tests for the dateline reader's memoized date parsing."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.components.dateline import dateline_date
from newsie.dates.grammar import find_dates

DATE_WORDS = ["6", "14", "31", "October", "Oct.", "May", "2020", "1999", "Monday,", "and", "-", "today", "3–5"]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=4).map(" ".join),
    st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_memo_gives_what_find_dates_gives(text: str, anchor: dt.date | None) -> None:
    """The memoized dateline date, asked twice, is the first date `find_dates` finds."""
    dates = find_dates(text, anchor)
    expected = (True, dates[0].start) if dates else (False, None)
    assert dateline_date(text, anchor) == expected
    assert dateline_date(text, anchor) == expected
