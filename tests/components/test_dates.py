"""Tests of the date grammar, datelines and `newsie_dates`."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsie
from newsie.components.dateline import read_dateline
from newsie.dates import grammar
from newsie.dates.grammar import _START_RE, _starts, find_dates, find_durations, infer_year
from newsie.kb.places import default_cities, place_kb
from newsie.kb.states import default_states

D = dt.date
ANCHOR = D(2024, 12, 20)


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("concluded on 21 February 2020 in Almaty", D(2020, 2, 21), D(2020, 2, 21), "day"),
        ("on February 21, 2020", D(2020, 2, 21), D(2020, 2, 21), "day"),
        ("on Friday, 21st February 2020", D(2020, 2, 21), D(2020, 2, 21), "day"),
        ("dated 2020-02-21", D(2020, 2, 21), D(2020, 2, 21), "day"),
        ("signed on 21.02.2020", D(2020, 2, 21), D(2020, 2, 21), "day"),
        ("held from 7 to 9 December 2024", D(2024, 12, 7), D(2024, 12, 9), "day"),
        ("held 14 – 19 August 2023", D(2023, 8, 14), D(2023, 8, 19), "day"),
        ("held on 15 and 16 October 2020", D(2020, 10, 15), D(2020, 10, 16), "day"),
        ("from 24 July to 11 August", D(2024, 7, 24), D(2024, 8, 11), "day"),
        ("between 3 and 5 May 2021", D(2021, 5, 3), D(2021, 5, 5), "day"),
        ("from 27 November to 1 December 2013", D(2013, 11, 27), D(2013, 12, 1), "day"),
        ("from 28 December 2023 to 3 January 2024", D(2023, 12, 28), D(2024, 1, 3), "day"),
        ("on May 3-5, 2020", D(2020, 5, 3), D(2020, 5, 5), "day"),
        ("in March 2019", D(2019, 3, 1), D(2019, 3, 31), "month"),
        ("in 2019", D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("on 26 and 27 March", D(2024, 3, 26), D(2024, 3, 27), "day"),
        ("today", ANCHOR, ANCHOR, "day"),
        ("yesterday", D(2024, 12, 19), D(2024, 12, 19), "day"),
        ("on Saturday", D(2024, 12, 14), D(2024, 12, 14), "day"),
        ("next Monday", D(2024, 12, 23), D(2024, 12, 23), "day"),
        ("last week", D(2024, 12, 9), D(2024, 12, 15), "week"),
        ("next month", D(2025, 1, 1), D(2025, 1, 31), "month"),
        ("last year", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ],
)
def test_date_forms(text, start, end, granularity) -> None:
    """Each common English form normalizes to its interval (relative ones against the anchor)."""
    found = find_dates(text, ANCHOR)
    assert len(found) == 1, found
    f = found[0]
    assert (f.start, f.end, f.granularity) == (start, end, granularity)
    assert text[f.start_char : f.end_char] == f.text


@pytest.mark.parametrize(
    ("anchor", "saturday"),
    [
        (D(2024, 12, 16), D(2024, 12, 14)),  # a Monday: the weekend just past
        (D(2024, 12, 17), D(2024, 12, 14)),  # a Tuesday
        (D(2024, 12, 18), D(2024, 12, 21)),  # a Wednesday: the coming one
        (D(2024, 12, 20), D(2024, 12, 21)),  # a Friday
        (D(2024, 12, 22), D(2024, 12, 21)),  # a Sunday: this one
    ],
)
def test_this_weekend_is_the_nearest_weekend(anchor, saturday) -> None:
    """'The festival took place this weekend' in a Monday release is the weekend just past."""
    (found,) = find_dates("The festival took place this weekend in three towns.", anchor)
    assert (found.start, found.end) == (saturday, saturday + dt.timedelta(days=1))


def test_day_without_year_picks_the_recent_past_or_near_future() -> None:
    """A day and month without a year resolve against the release date."""
    assert infer_year(12, 28, D(2024, 1, 5)) == D(2023, 12, 28)
    assert infer_year(2, 10, D(2024, 1, 5)) == D(2024, 2, 10)
    assert infer_year(5, 3, D(2024, 12, 20)) == D(2024, 5, 3)
    assert infer_year(5, 3, None) is None


def test_day_without_year_at_the_ends_of_the_calendar() -> None:
    """Near year 9999 a day without a year is still found; the horizon stops at the last day there is."""
    assert infer_year(3, 3, D(9999, 12, 31)) == D(9999, 3, 3)
    assert infer_year(1, 2, D(9999, 12, 31)) == D(9999, 1, 2)
    assert [f.start for f in find_dates("It opened on 3 March.", D(9999, 12, 31))] == [D(9999, 3, 3)]
    assert infer_year(12, 30, D(1, 1, 1)) is None  # year 0 does not exist


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The Mission is assisting the Central Election Commission in preparing for the 12 October presidential election.", D(2025, 10, 12)),
        ("Observers will be deployed ahead of the 2 November local elections.", D(2025, 11, 2)),
        ("The regional conference will take place in Ohrid on 18 September.", D(2025, 9, 18)),
        ("The conference was held in Ohrid on 18 September.", D(2024, 9, 18)),  # no cue: the past
        ("The Office will continue to follow up on the trial. It opened on 18 September.", D(2024, 9, 18)),  # another sentence
        ("Observers noted, ahead of the 28 February run-off, that the campaign was calm.", D(2025, 2, 28)),  # a day just past stays past
    ],
)
def test_a_day_announced_as_coming_is_read_forward(text, day) -> None:
    """'preparing for the 12 October election' in an April release is next October, not last."""
    anchor = D(2025, 4, 10)
    (found,) = [f for f in find_dates(text, anchor) if f.granularity == "day"]
    assert found.start == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Head of Mission will hold a press conference on Wednesday", D(2025, 4, 16)),
        ("The Ambassador will brief journalists in Skopje on Monday.", D(2025, 4, 14)),  # the release's own day
        ("The Ambassador held a press conference on Wednesday.", D(2025, 4, 9)),  # no cue: the past
        ("The Ambassador will report on last Wednesday's meeting.", D(2025, 4, 9)),
    ],
)
def test_a_weekday_announced_as_coming_is_the_next_one(text, day) -> None:
    """'will hold a press conference on Wednesday' in a Monday release is two days later."""
    (found,) = find_dates(text, D(2025, 4, 14))  # a Monday
    assert found.start == day


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the treaty signed on 24 October 1648", D(1648, 10, 24), D(1648, 10, 24)),
        ("the treaty signed on October 24, 1648, in Osnabrück", D(1648, 10, 24), D(1648, 10, 24)),
        ("a congress held from 25 December 1814 to 3 January 1815", D(1814, 12, 25), D(1815, 1, 3)),
        ("a congress held from 7 to 9 December 1814", D(1814, 12, 7), D(1814, 12, 9)),
        ("a time capsule to be opened on 6 October 2300", D(2300, 10, 6), D(2300, 10, 6)),
        ("a charter signed on 12 June 1215", D(1215, 6, 12), D(1215, 6, 12)),
    ],
)
def test_a_day_and_month_keep_a_year_outside_1800_to_2099(text, start, end) -> None:
    """A year written after a day and a month is that date's year, however far from the release's ('24 October 1648', not 24 October of 2024)."""
    (found,) = find_dates(text, ANCHOR)
    assert (found.start, found.end, found.year_inferred) == (start, end, False)


@pytest.mark.parametrize(
    ("text", "day"),
    [("On 3 May, 1200 police officers completed the course.", D(2024, 5, 3)), ("On 4 May, 2500 observers were deployed.", D(2024, 5, 4))],
)
def test_a_count_after_a_day_and_month_and_a_comma_is_no_year(text, day) -> None:
    """'On 3 May, 1200 police officers': a day and a count (a comma is no part of a
    day-month-year date), so the day takes the release's year."""
    (found,) = find_dates(text, ANCHOR)
    assert (found.start, found.end, found.year_inferred) == (day, day, True)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("On 12 June 1500 observers were deployed.", D(2024, 6, 12)),
        ("On June 12 1500 observers were deployed.", D(2024, 6, 12)),
        ("On 12 June 1500 international observers were deployed.", D(2024, 6, 12)),
        ("On 12 June 1500 leaflets were distributed to voters in Tirana.", D(2024, 6, 12)),
    ],
)
def test_a_count_right_after_a_day_and_month_is_no_year_outside_1800_to_2099(text, day) -> None:
    """'On 12 June 1500 observers', '1500 leaflets were distributed': four digits out of
    1800-2099 followed by a word are a count, so the day takes the release's year. A word
    that follows dates ('24 October 1648 in Münster', '... 1648 the treaty') keeps the year."""
    (found,) = find_dates(text, ANCHOR)
    assert (found.start, found.end, found.year_inferred) == (day, day, True)
    for kept in ("signed on 24 October 1648 in Münster", "signed on 24 October 1648 the treaty ended the war", "on 24 October 1648."):
        (found,) = find_dates(kept, ANCHOR)
        assert found.start == D(1648, 10, 24), kept


@pytest.mark.parametrize("text", ["in 1500 villages", "in March 1500 households were", "in 2300 schools"])
def test_a_number_after_in_or_a_month_alone_is_no_year_outside_1800_to_2099(text) -> None:
    """Without a day, a four-digit number outside 1800-2099 is a count, not a year."""
    assert find_dates(text, ANCHOR) == []


@pytest.mark.parametrize("text", ["31 February 2020", "32 March 2020", "0 May 2020", "31st of April 2021", "February 30, 2020", "29 February 2021"])
def test_a_day_no_month_has_is_no_date(text) -> None:
    """"on 31 February 2020" is one date mention without a value, not the month "February 2020"."""
    (found,) = find_dates(f"The report published on {text} was discussed.", ANCHOR)
    assert (found.text, found.start, found.end, found.granularity) == (text, None, None, "day")


def test_relative_dates_need_an_anchor() -> None:
    """Without a release date, relative expressions are not guessed."""
    assert find_dates("today", None) == []


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("On International Women’s Day, the Mission hosted a panel.", "2023-03-08", dt.date(2023, 3, 8)),
        ("The Mission marked international women's day with a debate.", "2023-03-10", dt.date(2023, 3, 8)),
        ("On the eve of International Roma Day, the Mission held a reception.", "2021-04-10", dt.date(2021, 4, 7)),
        ("The Representative will speak ahead of World Press Freedom Day.", "2021-01-20", dt.date(2021, 5, 3)),
        ("Human Rights Day was marked with a concert.", "2022-01-05", dt.date(2021, 12, 10)),
        ("On the World Day Against Child   Labour the Mission held a round table.", "2025-06-12", dt.date(2025, 6, 12)),
    ],
)
def test_a_day_observed_each_year_is_its_day_near_the_release(text, published, day) -> None:
    """A named day observed each year (date_cues.json) is that day of the year nearest the release (ahead after a forward
    cue); "on the eve of" it is the day before; any case, either apostrophe, any white space."""
    found = find_dates(text, dt.date.fromisoformat(published))
    assert [(f.start, f.end, f.granularity, f.year_inferred) for f in found] == [(day, day, "day", True)]


def test_a_day_observed_each_year_needs_a_release_date_and_yields_to_a_stated_one() -> None:
    """Without a release date the year of a named day is not guessed; a named day inside a stated date is not read again."""
    assert find_dates("On International Roma Day, the Mission held a concert.", None) == []
    assert [f.text for f in find_dates("On International Roma Day, 8 April 2021, the Mission held a concert.", ANCHOR)] == [
        "International Roma Day", "8 April 2021",
    ]
    assert find_dates("The International Day Centre opened a new office.", ANCHOR) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["International Roma Day", "international women’s day", "“Europe Day”", "the day", "Human Rights Day", "World Day Against Child Labour",
             "International Day of Democracy", "day", "Day", "transnational day", "roma", "international", "\n", ",", " ", "-", "the", "world", "of"]
        ),
        max_size=12,
    ),
    st.sampled_from([" ", "  ", "\n", " \n "]),
)
def test_named_days_are_found_where_a_search_of_the_whole_text_finds_them(words, sep) -> None:
    """The anchored look around each " day" finds the same named days as a search over the whole text would (words
    apart by white space, as in text)."""
    import re

    low = sep.join(words).lower()
    whole = re.compile(r"(?<![\w-])" + grammar._OBSERVANCES.pattern)
    assert [m.span() for m in grammar._observance_matches(low)] == [m.span() for m in whole.finditer(low)]


def test_a_year_opening_a_sentence_is_a_date() -> None:
    """"Since 2019," and "In 2019," at a sentence's start are years, as "since 2019" and "in 2019" are inside one."""
    for text in ("Since 2019, the Mission has supported it.", "In 2019, the Mission trained them.", "It has done so since 2019."):
        assert [(f.text, f.granularity, f.start) for f in find_dates(text, ANCHOR)] == [("2019", "year", dt.date(2019, 1, 1))]


def test_no_false_dates() -> None:
    """Words and numbers that are not dates are left alone."""
    assert find_dates("May we ask 20 experts about Article 5 of 1990s texts?", ANCHOR) == []


def test_durations() -> None:
    """Event lengths are read in days."""
    assert [d.days for d in find_durations("a five-day course, a two-week visit, a 3-day drill, a two-and-a-half day workshop")] == [5, 14, 3, 3]


@pytest.mark.parametrize(
    ("head", "city", "country", "date"),
    [
        ("VIENNA, 6 October 2020 – The OSCE", "Vienna", "AUT", D(2020, 10, 6)),
        ("6 October 2020, SARAJEVO – The", "Sarajevo", "BIH", D(2020, 10, 6)),
        ("BELGRADE, 16 October 2009 - On", "Belgrade", "SRB", D(2009, 10, 16)),
        ("PRISHTINË/PRIŠTINA, 9 Apr 2012- Acting", "Prishtinë/Priština", "XKX", D(2012, 4, 9)),
        ("COPENHAGEN/WARSAW/VIENNA, 5 May 2010 – The", None, None, D(2010, 5, 5)),
        ("ASTANA, Kazakhstan, 30 June 2015 – The", "Astana", "KAZ", D(2015, 6, 30)),
    ],
)
def test_datelines(head, city, country, date) -> None:
    """Datelines give the release date and city; multi-city datelines give no city."""
    d = read_dateline(head, place_kb(default_cities()), default_states().by_name)
    assert d is not None
    assert (d.city, d.country, d.date) == (city, country, date)


def test_no_dateline() -> None:
    """Ordinary openings are not datelines."""
    assert read_dateline("The OSCE Mission to Skopje, in co-operation with", place_kb(default_cities()), {}) is None


def test_pipeline_dates_are_anchored_to_the_dateline(nlp) -> None:
    """Without `published`, the dateline dates the release and anchors 'today'."""
    rel = newsie.extract("TIRANA, 4 July 2005 - The Presence today opened a course that ends on 8 July.", nlp=nlp)
    assert rel.published == D(2005, 7, 4)
    assert rel.dateline is not None and rel.dateline.city == "Tirana"
    assert [(d.text, d.start, d.relative) for d in rel.dates] == [
        ("4 July 2005", D(2005, 7, 4), False),
        ("today", D(2005, 7, 4), True),
        ("8 July", D(2005, 7, 8), False),
    ]
    for d in rel.dates:
        assert rel.text[d.start_char : d.end_char] == d.text


def test_a_dated_opening_dateline_anchors_the_text_when_published_differs(nlp) -> None:
    """The text counts from the day its opening dateline names (a later upload date does
    not move 'today', a weekday or the year of a day without one); a dateline further down
    the body, after a preamble, leaves `published` the anchor."""
    text = "BELGRADE, 30 December 2010 – The Mission today opened a course that ends on 4 January. Its trainers arrived on Monday."
    rel = newsie.extract(text, title="OSCE opens course", published="2011-01-03", nlp=nlp)
    assert rel.published == D(2011, 1, 3)
    assert [(d.text, d.start) for d in rel.dates] == [
        ("30 December 2010", D(2010, 12, 30)),
        ("today", D(2010, 12, 30)),
        ("4 January", D(2011, 1, 4)),
        ("on Monday", D(2010, 12, 27)),
    ]
    assert (rel.events[0].start, rel.events[0].end) == (D(2010, 12, 30), D(2011, 1, 4))
    text = "The course for judges is in its second week.\nBELGRADE, 30 December 2010 – The Mission today opened a course."
    rel = newsie.extract(text, title="OSCE opens course", published="2011-01-03", nlp=nlp)
    assert rel.dateline is not None and rel.dateline.date == D(2010, 12, 30)
    assert [(d.text, d.start) for d in rel.dates if d.relative] == [("today", D(2011, 1, 3))]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["From", "between", "ſat", "Sunday", "ON", "on-", "-on", "tonight", "Tonıght", "5th", "٣",
                                 "x1", "May", "may", "the", "2020", "OCT.", "Jul", "İstanbul", "dec", "lasting", "Thıs"]), max_size=12),
       st.sampled_from([" ", "-", ", ", "(", "\n", "“"]))
def test_fast_start_scan_finds_the_starts_of_the_reference_pattern(words, sep) -> None:
    """The fast scan for where a date can begin finds exactly the positions the plain start pattern accepts."""
    text = sep.join(words)
    expected = [i for i in range(len(text)) if _START_RE.match(text, i)]
    assert _starts(text) == expected


def _dates_by_plain_scans(text: str, anchor: dt.date | None) -> list:
    """The specification `find_dates` follows: each pattern by ``finditer`` over the whole
    text, in order, a date kept where no earlier one took its characters."""
    taken: set[int] = set()
    out = []
    for kind, rx in grammar._COMPILED:
        for m in rx.finditer(text):
            if taken.intersection(range(*m.span())):
                continue
            try:
                found = grammar._normalize(kind, m, anchor)
            except (OverflowError, ValueError):
                found = None
            if found is not None:
                taken.update(range(*m.span()))
                out.append(found)
    return sorted(out, key=lambda f: f.start_char)


_DATE_WORDS = [
    "21", "7", "03", "2020", "1999", "123", "20201", "21st", "2nd", "3rd", "9th", "٣", "2020-02-21", "21.02.2020", "5/6/2019", "3-5",
    "January", "february", "MARCH", "May", "may", "Mayor", "Jun.", "Sept.", "Sep", "sept", "Dec", "December", "Oct.", "Monitoring", "money",
    "Monday", "monday", "Sunday,", "SATURDAY", "ſaturday", "from", "From", "between", "to", "and", "until", "through", "till", "of", "the",
    "on", "On", "on the", "this", "This", "last", "next", "past", "coming", "week", "weekend", "month", "year", "morning", "earlier", "today",
    "Tonight", "tonıght", "in", "since", "during", "early", "mid-", "İstanbul", "–", "—", "-", ",", "(", "five-day", "two weeks", "3-month", "x1",
    # whole expressions of each form, which the generator also cuts and joins
    "coming week", "past year", "last Monday", "next sunday", "on the Sunday", "this weekend", "earlier this year", "this evening",
    "from 7 to 9 December 2024", "27 November – 1 December", "May 3-5, 2020", "between 3 and 5 May", "3, 4 and 5 May", "Monday, 21 February 2020",
    "Friday February 21", "February 21, 2020", "21st of February", "in 2019", "since 2001", "mid-2019", "from March to May 2020",
    "between Monday 3 and", "from Sunday, 7", "7 till 9 May", "3 until 5 June", "1 through 4 July",
    "21 February 2020 to 3 March 2020", "in 2020-02-21", "FIVE-DAY", "Two and a half weeks", "six-and-a-half-day", "12 months",
    "3-day-long", "ſeven-day", "Seventeen Days", "March 2019", "of 2019", "May 2020 –", "Sept. 3 - 4", "November 27 – December 1, 2013", "14 – 19 August 2023", "Jan. 5", "15 and 16 October",
]


_DATE_TEXTS = st.lists(st.tuples(st.sampled_from(_DATE_WORDS), st.sampled_from([" ", " ", " ", "  ", ", ", "\n", "-", "(", "“", "/", ""])), max_size=14)


@settings(max_examples=600, deadline=None)
@given(_DATE_TEXTS, st.sampled_from([ANCHOR, None]))
def test_dates_found_from_classified_starts_are_those_of_plain_scans(parts, anchor) -> None:
    """Trying each pattern only where what follows a start allows it finds what scanning the whole text with every pattern finds."""
    text = "".join(w + sep for w, sep in parts)
    assert find_dates(text, anchor) == _dates_by_plain_scans(text, anchor)
    assert grammar._unit_starts(text, text.lower()) == [m.start() for m in grammar._UNIT_RE.finditer(text)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=6), st.integers(min_value=20, max_value=120), st.sampled_from([ANCHOR, None]))
def test_long_texts_of_repeated_dates_find_what_plain_scans_find(words, times, anchor) -> None:
    """Long runs where most candidates of a pattern lie inside dates found earlier (the
    skip over taken candidates) find what scanning with every pattern finds."""
    text = (" ".join(words) + ". ") * times
    assert find_dates(text, anchor) == _dates_by_plain_scans(text, anchor)


@settings(max_examples=300, deadline=None)
@given(_DATE_TEXTS)
def test_durations_found_around_units_on_lowered_text_are_those_of_a_plain_scan(parts) -> None:
    """Searching lowered text near each unit finds the durations a case-insensitive scan of the whole text finds."""
    text = "".join(w + sep for w, sep in parts)
    assert [(d.start_char, d.end_char, d.text) for d in find_durations(text)] == [(*m.span(), m.group(0)) for m in grammar._DURATION_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_DATE_TEXTS, _DATE_TEXTS, st.integers(min_value=1, max_value=3), st.sampled_from([ANCHOR, None]))
def test_one_scan_with_nul_between_title_and_body_finds_what_two_scans_find(title, body, gap, anchor) -> None:
    """Scanning title and body joined by NUL characters finds the dates and durations of each scanned apart, at shifted offsets."""
    head, rest = "".join(w + sep for w, sep in title), "".join(w + sep for w, sep in body)
    off = len(head) + gap
    dates, lengths = grammar.scan(head + "\x00" * gap + rest, anchor)
    head_dates, head_lengths = grammar.scan(head, anchor)
    body_dates, body_lengths = grammar.scan(rest, anchor)
    assert dates == head_dates + [d._replace(start_char=d.start_char + off, end_char=d.end_char + off) for d in body_dates]
    assert lengths == head_lengths + [d._replace(start_char=d.start_char + off, end_char=d.end_char + off) for d in body_lengths]
