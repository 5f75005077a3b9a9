"""Tests of the report's aggregations over hand-made records (no pipeline)."""
from __future__ import annotations

import datetime as dt

from newsie.records import Event, Location, Official, Organization, RecordError, Release, Source
from newsie.reporting.summary import (
    UNKNOWN,
    distinct,
    event_month,
    events_by_country,
    events_per_month,
    month_range,
    participants_per_type,
    quality,
    summarize,
    top_officials,
    top_organizations,
    totals,
)


def ev(i: str, type_: str = "training", *, start: dt.date | None = None, country: str | None = None,
       participants: int | None = None, confidence: float = 0.9) -> Event:
    return Event(id=i, type=type_, start=start, location=Location(country=country), participants=participants, confidence=confidence)  # type: ignore[arg-type]


def org(name: str, canonical: str | None = None) -> Organization:
    return Organization(name=name, canonical_name=canonical)


RECORDS = [
    Release(
        id="r1", title="Training in Almaty", published=dt.date(2021, 3, 2), fields_of_work=["Policing", "Gender equality"],
        organizations=[org("OSCE", "Organization for Security and Co-operation in Europe"), org("Ministry of Interior")],
        officials=[Official(name="Anna Berg", title="Head of Office"), Official(name="Ivan Petrov")],
        events=[ev("r1-e0", start=dt.date(2021, 3, 1), country="KAZ", participants=30), ev("r1-e1", "meeting", country="KAZ", confidence=0.2)],
        warnings=["scraped page: 12 lines of page chrome left out"],
    ),
    Release(
        id="r2", title="Meeting in Vienna", published=dt.date(2021, 5, 20), fields_of_work=["Policing"],
        organizations=[org("Organization for Security and Co-operation in Europe", "Organization for Security and Co-operation in Europe")],
        officials=[Official(name="Anna Berg", title="Head of Office")],
        events=[ev("r2-e0", "meeting", start=dt.date(2021, 5, 19), country="AUT", participants=120)],
    ),
    Release(id="r3", title="Statement", events=[ev("r3-e0", "statement")]),
    Release(id="r4", title="No events here", published=dt.date(2021, 6, 1)),
    Release(id="r5", error=RecordError(type="TypeError", message="text must be a str")),
]


def test_totals_count_releases_events_failures_and_warnings() -> None:
    """Totals count releases, events, failed records, warnings and the publication date range."""
    t = totals(RECORDS)
    assert (t.releases, t.events, t.failures, t.warnings, t.releases_with_warnings) == (5, 4, 1, 1, 1)
    assert (t.first_published, t.last_published) == ("2021-03-02", "2021-06-01")


def test_month_falls_back_to_publication_date() -> None:
    """An event without a start date is counted in its release's publication month; none without either."""
    assert event_month(RECORDS[0].events[1], RECORDS[0]) == "2021-03"
    assert event_month(RECORDS[2].events[0], RECORDS[2]) is None
    per_month = events_per_month(RECORDS)
    assert per_month == {"2021-03": {"training": 1, "meeting": 1}, "2021-05": {"meeting": 1}}


def test_month_range_fills_quiet_months_across_years() -> None:
    """Every month between the first and last is listed, across a year boundary."""
    assert month_range("2020-11", "2021-02") == ["2020-11", "2020-12", "2021-01", "2021-02"]


def test_countries_today_and_at_the_date() -> None:
    """Events count by today's country and by the country at the date, unknown when missing."""
    rel = Release(id="b", events=[
        Event(id="b-e0", location=Location(city="Belgrade", country="SRB", country_at_date="SCG")),
        Event(id="b-e1", location=Location(city="Belgrade", country="SRB", country_at_date="SRB")),
    ])
    today, at_date = events_by_country([*RECORDS, rel])
    assert today == {"KAZ": 2, "AUT": 1, "SRB": 2, UNKNOWN: 1}
    assert at_date == {"SCG": 1, "SRB": 1, UNKNOWN: 4}


def test_records_of_an_older_schema_have_no_country_at_date() -> None:
    """Records written before schema 1.1 give no at-date count rather than all unknown."""
    old = [r.model_copy(update={"schema_version": "1.0"}) for r in RECORDS]
    today, at_date = events_by_country(old)
    assert today == {"KAZ": 2, "AUT": 1, UNKNOWN: 1} and at_date is None


def test_top_organizations_count_releases_by_canonical_name() -> None:
    """Organizations count once per release, under their gazetteer name when known."""
    assert top_organizations(RECORDS, 5) == [("Organization for Security and Co-operation in Europe", 2), ("Ministry of Interior", 1)]
    assert top_organizations(RECORDS, 1) == [("Organization for Security and Co-operation in Europe", 2)]


def test_top_officials_with_their_title() -> None:
    """Officials count once per release and carry their most frequent title (empty when none)."""
    assert top_officials(RECORDS, 5) == [("Anna Berg", "Head of Office", 2), ("Ivan Petrov", "", 1)]


def test_participants_per_type() -> None:
    """Per type: events, those with a count, median, largest and total, in the type list's order."""
    stats = {s.type: s for s in participants_per_type(RECORDS)}
    assert list(stats) == ["training", "meeting", "statement"]
    assert (stats["meeting"].events, stats["meeting"].with_count, stats["meeting"].median, stats["meeting"].total) == (2, 1, 120, 120)
    assert stats["statement"].median is None and stats["statement"].largest is None


def test_quality_lists_the_ids_to_look_at() -> None:
    """Failed records, records without events or any date, and low-confidence events are listed by id."""
    q = quality(RECORDS, threshold=0.5)
    assert [i.id for i in q.errors] == ["r5"] and "text must be a str" in q.errors[0].detail
    assert [i.id for i in q.without_events] == ["r4"]
    assert [i.id for i in q.without_dates] == ["r3"]
    assert [i.id for i in q.low_confidence] == ["r1"] and "r1-e1" in q.low_confidence[0].detail


def test_summary_of_nothing() -> None:
    """No records give zero counts and empty sections."""
    s = summarize([])
    assert s.totals.releases == 0 and s.months == [] and not s.countries_today and s.participants == []


def test_a_repeated_record_counts_once() -> None:
    """The same records read twice (a file and its copy) count once each, and the repeats are counted."""
    s = summarize([*RECORDS, *RECORDS])
    assert s.totals == summarize(RECORDS).totals and s.repeats == len(RECORDS)
    assert s.quality.same_id == []


def test_a_record_read_from_another_input_position_is_the_same() -> None:
    """Records that differ only in where their input was read (overlapping exports) are one record."""
    here = RECORDS[1].model_copy(update={"source": Source(file="jan/r2.html", sha1="ab")})
    there = RECORDS[1].model_copy(update={"source": Source(file="/data/jan/r2.html", sha1="ab")})
    kept, repeats, same_id = distinct([here, there])
    assert kept == [here] and repeats == 1 and same_id == []


def test_different_records_with_one_id_count_once_and_are_listed() -> None:
    """Of records with one id and different content the last one without an error counts, and the id is listed."""
    old = RECORDS[0].model_copy(update={"source": Source(file="old.html", sha1="1")})
    new = RECORDS[0].model_copy(update={"events": [], "source": Source(file="new.html", sha1="2")})
    failed = Release(id="r1", error=RecordError(type="TimeoutError", message="too slow"))
    kept, repeats, same_id = distinct([old, RECORDS[1], new, failed])
    assert [r.id for r in kept] == ["r1", "r2"] and kept[0] is new and repeats == 0
    assert [(i.id, i.detail) for i in same_id] == [("r1", "3 different records: old.html, new.html")]
    assert summarize([old, new]).quality.same_id[0].id == "r1"
    assert distinct([old, failed])[0] == [old]
    assert distinct([failed, failed.model_copy(update={"title": "again"})])[0][0].title == "again"


def test_years_before_1000_are_counted_by_year() -> None:
    """Over more than six years, months count by year, years before 1000 included (their
    months are written "0999-01": a KeyError before)."""
    from collections import Counter

    from newsie.reporting.plots import _by_year

    months = month_range("0999-01", "2001-12")
    years, per_year = _by_year(months, {"0999-03": Counter(training=2), "2001-05": Counter(meeting=1)})
    assert years[0] == "0999" and years[-1] == "2001" and len(years) == 1003
    assert per_year["0999"] == {"training": 2} and per_year["2001"] == {"meeting": 1}


def test_spellings_of_one_official_count_as_one() -> None:
    """Accents, case and spacing do not split a person ("Dunja Mijatović" and "Dunja
    Mijatovic"): one row, under the spelling written most often."""
    rels = [
        Release(id=f"r{i}", officials=[Official(name=name, title="Representative on Freedom of the Media")])
        for i, name in enumerate(["Dunja Mijatović", "Dunja Mijatovic", "Dunja  Mijatović", "DUNJA MIJATOVIĆ"])
    ]
    assert top_officials(rels, 5) == [("Dunja Mijatović", "Representative on Freedom of the Media", 4)]
