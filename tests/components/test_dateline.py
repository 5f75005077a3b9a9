"""Tests for the dateline reader's memoized date parsing and its cheap test before the grammar."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.components.dateline import could_open_with_dateline, dateline_date
from newsie.dates.datelines import match_dateline
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
    expected = dates[0] if dates else None
    assert dateline_date(text, anchor) == expected
    assert dateline_date(text, anchor) == expected


_HEAD_PIECES = st.sampled_from([
    "VIENNA", "Vienna", "Banja Luka", "St. Petersburg", "PRISHTINË/PRIŠTINA", "NUR-SULTAN", "×AB", "Ženeva", "O'Hara",
    ", ", ",", " – ", " - ", "--", " — ", "–", " (AP) ", "(OSCE) –", "/", " and ", " & ", " ", "\n", "\t",
    "6 October 2020", "October 6", "Monday, 14 November", "Monday 14 Nov.", "14 May", "5", "2021", "10 MAY 2002", "MAY 10",
    "Albania", "The", "OSCE", "trained", "20", "(", ")", ":", "_", "COVID-19", "’s", ".",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_HEAD_PIECES, min_size=1, max_size=12))
def test_the_cheap_test_never_rules_out_a_dateline(pieces: list[str]) -> None:
    """Any text the dateline grammar reads passes the cheap test that is run before it."""
    head = "".join(pieces)
    assert match_dateline(head) is None or could_open_with_dateline(head)


@pytest.mark.parametrize("head", [
    "VIENNA, 6 October 2020 – The OSCE", "6 October 2020, VIENNA – The", "TIRANA, Albania, May 3 (AP) -- The",
    "ALMATY (Kazinform) — The", "VIENNA – The", "VIENNA - The", "COPENHAGEN/WARSAW/VIENNA, 5 May 2010 – The",
    "BRUSSELS and VIENNA, 5 May 2010 – The", "Vienna, Monday, 14 November — The", "VIENNA--The",
    "VIENNA -  (AP) The", "VIENNA - 5 officers", "VIENNA (AP) – The", "WARSAW, 10 MAY 2002- The", "10 MAY 2002, WARSAW – The",
])
def test_the_cheap_test_passes_every_dateline_form(head: str) -> None:
    """Each dateline form of the grammar is read, and passes the cheap test."""
    assert match_dateline(head) is not None and could_open_with_dateline(head)


@pytest.mark.parametrize("head", [
    "On 16 June 2021, the OSCE Presence donated", "The office of the High Commissioner (HCNM) met",
    "The OSCE Mission to Skopje organized a conference on 13 June", "The impact of the COVID-19 pandemic",
])
def test_ledes_without_a_dateline_are_ruled_out_cheaply(head: str) -> None:
    """A lede opening with words up to a digit or a bracket fails the cheap test."""
    assert not could_open_with_dateline(head)


def test_find_dateline_looks_at_the_next_lines_and_reads_dates_without_places() -> None:
    """find_dateline reads a dateline on the body's second line; without places it gives the date and checks no city."""
    from newsie.components.dateline import find_dateline

    body = "Workshop on media freedom\nBELGRADE, 12 May 2021 – A two-day OSCE workshop concluded today."
    found = find_dateline(body, None, {}, offset=10)
    assert found is not None and found.date == dt.date(2021, 5, 12) and found.start_char == 10 + body.index("BELGRADE")
    no_year = find_dateline("VIENNA, 14 November – The OSCE held a workshop.", None, {})
    assert no_year is not None and no_year.date is None
    assert find_dateline("Line one\nLine two\nLine three\nVIENNA, 6 October 2020 – Too far down.", None, {}) is None


@pytest.mark.parametrize("date", ["31 February 2020", "32 March 2020", "0 May 2020", "31 April 2021", "APRIL 31, 2021"])
def test_a_dateline_date_that_names_no_day_gives_no_date(date: str) -> None:
    """"VIENNA, 31 February 2020 –" is a dateline with no date and a warning, not one dated the 1st of its month."""
    from newsie.components.dateline import find_dateline

    found = find_dateline(f"VIENNA, {date} – The OSCE Secretariat hosted a meeting today.", None, {})
    assert found is not None and found.city == "Vienna" and found.date is None
    assert found.warning is not None and f"{date!r} names no such day" in found.warning


def test_a_release_under_a_dateline_that_names_no_day_is_not_dated_by_it(nlp) -> None:
    """Its record has no date from the dateline and says why; "today" counts from `published` when given, else is undated."""
    import newsie

    text = "VIENNA, 31 February 2020 – The OSCE Secretariat hosted a meeting of experts on cybersecurity today."
    rel = newsie.extract(text, nlp=nlp)
    assert rel.published is None and rel.dateline is not None and rel.dateline.city == "Vienna" and rel.dateline.date is None
    assert [(d.text, d.start) for d in rel.dates] == [("31 February 2020", None)]
    assert rel.events[0].start is None
    assert rel.warnings == ["dateline date '31 February 2020' names no such day: ignored, the release date is published= if given"]
    rel = newsie.extract(text, published="2020-03-02", nlp=nlp)
    assert rel.published == dt.date(2020, 3, 2) and rel.events[0].start == dt.date(2020, 3, 2) and len(rel.warnings) == 1
    no_year = newsie.extract("VIENNA, 14 November – The OSCE Secretariat hosted a meeting today.", nlp=nlp)
    assert no_year.warnings == []  # no year and no published: no day, but none that cannot be


@pytest.mark.parametrize(("head", "day"), [
    ("WARSAW, 10 MAY 2002- The Office welcomed the decision.", dt.date(2002, 5, 10)),
    ("WARSAW, MAY 10, 2002 - The Office welcomed the decision.", dt.date(2002, 5, 10)),
    ("VIENNA, 3 SEPT. 2004 – The OSCE opened a course.", dt.date(2004, 9, 3)),
])
def test_a_month_in_capitals_is_read(head: str, day: dt.date) -> None:
    """A dateline writing its month in capitals ("10 MAY 2002") gives its date."""
    from newsie.components.dateline import find_dateline

    found = find_dateline(head, None, {})
    assert found is not None and found.date == day
