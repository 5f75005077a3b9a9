"""Raw release files: title line, preamble lines, datelines and `published` strings."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import newsie
from newsie.dates.datelines import match_dateline
from newsie.dates.published import read_published
from newsie.rawtext import split_raw

D = dt.date
RAW = Path(__file__).parent / "fixtures" / "raw"


def read(name: str) -> str:
    return (RAW / name).read_text(encoding="utf-8")


def test_title_line_and_blank_line_split_off() -> None:
    """The first line of a raw file is its title and the body starts after the blank line."""
    parts = split_raw("OSCE trains police in Osh\n\nOSH, 6 May 2020 – Twenty officers took part.\n")
    assert (parts.title, parts.body, parts.preamble) == ("OSCE trains police in Osh", "OSH, 6 May 2020 – Twenty officers took part.", [])


def test_single_sentence_is_all_body() -> None:
    """A one-line text has no title."""
    assert split_raw("Kazakh police officers trained in Almaty.").title is None


def test_sentence_first_line_is_not_a_title() -> None:
    """A first line ending like a sentence is body, not a headline."""
    text = "The OSCE Mission opened a centre today.\nIt will serve 300 people."
    assert split_raw(text).title is None


def test_dateline_on_its_own_line_is_not_a_title() -> None:
    """A dateline printed on its own line stays in the body."""
    parts = split_raw("VIENNA, 6 May 2020\nThe OSCE Secretary General said today.")
    assert parts.title is None and parts.body.startswith("VIENNA")


@pytest.mark.parametrize(
    "line",
    ["Correction: replaces the release of 5 May", "UPDATED on 7 May 2020 to correct a name", "Press release", "*** Embargoed until 10:00 CET ***", "Editor's note: the photos are available online."],
)
def test_preamble_lines_are_recognized(line) -> None:
    """Correction, update, embargo and marker lines are preamble, before or after the title."""
    for text in (f"{line}\nOSCE opens office\n\nBAKU, 2 March 2021 – The office opened.", f"OSCE opens office\n\n{line}\nBAKU, 2 March 2021 – The office opened."):
        parts = split_raw(text)
        assert parts.title == "OSCE opens office"
        assert parts.preamble == [line]
        assert parts.body.startswith("BAKU")


def test_headline_starting_with_update_is_a_title() -> None:
    """'Update on ...' is a headline, not an update notice."""
    assert split_raw("Update on the work of the Special Monitoring Mission\n\nThe mission said.").title == "Update on the work of the Special Monitoring Mission"


@pytest.mark.parametrize(
    ("head", "cities", "country", "date", "agency"),
    [
        ("ALMATY (Kazinform) — Twenty", ("ALMATY",), None, None, "Kazinform"),
        ("TIRANA, Albania, May 3 (AP) -- The", ("TIRANA",), "Albania", "May 3", "AP"),
        ("VIENNA, 14 November – The", ("VIENNA",), None, "14 November", None),
        ("WASHINGTON, Oct. 6, 2020 -- The", ("WASHINGTON",), None, "Oct. 6, 2020", None),
        ("BRUSSELS and VIENNA, 5 May 2010 – The", ("BRUSSELS", "VIENNA"), None, "5 May 2010", None),
        ("Vienna, Monday, 14 November 2022 — The", ("Vienna",), None, "Monday, 14 November 2022", None),
        ("VIENNA – The OSCE", ("VIENNA",), None, None, None),
    ],
)
def test_dateline_forms(head, cities, country, date, agency) -> None:
    """Agency tags, a country, US date order, no year, several cities and weekdays are read."""
    m = match_dateline(head)
    assert m is not None
    assert (m.cities, m.country, m.date, m.agency) == (cities, country, date, agency)


@pytest.mark.parametrize("head", ["OSCE-supported tournament in Osh", "In Vienna, 30 participants met", "Kazakhstan, the OSCE and partners – today"])
def test_not_datelines(head) -> None:
    """Hyphenated words and ordinary openings are not datelines."""
    assert match_dateline(head) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("21 February 2020", D(2020, 2, 21)), ("Feb. 21, 2020", D(2020, 2, 21)), ("21.02.2020", D(2020, 2, 21)), ("02/21/2020", D(2020, 2, 21)), ("21/02/2020", D(2020, 2, 21)), ("Friday, 21 February 2020", D(2020, 2, 21)), ("21.02.20", D(2020, 2, 21)), ("02-21-20", D(2020, 2, 21))],
)
def test_published_date_strings(value, expected) -> None:
    """Any unambiguous English date string is a publication date."""
    assert read_published(value) == (expected, None)


@pytest.mark.parametrize("value", ["2024-W10-1", "20240304", "2024-064", "\uff12\uff10\uff12\uff14-03-04", "2024-03-04T10:00", " 2024-03-04"])
def test_iso_day_reads_only_yyyy_mm_dd(value) -> None:
    """`iso_day` reads a day written exactly YYYY-MM-DD in ASCII digits; week dates, basic and ordinal forms and datetimes are not."""
    from newsie.dates.published import iso_day

    assert iso_day("2024-03-04") == D(2024, 3, 4)
    assert iso_day(value) is None
    with pytest.raises(ValueError, match="'2024-02-30' names no such day"):
        iso_day("2024-02-30")


def test_a_week_date_is_refused_as_published_and_as_published_option() -> None:
    """A week date ("2024-W10-1", which Python 3.11's date.fromisoformat reads) is no publication date, nor a --published day."""
    from newsie.archive.preflight import check_published
    from newsie.exceptions import UsageError

    with pytest.raises(newsie.PublishedDateError):
        read_published("2024-W10-1")
    with pytest.raises(UsageError, match="is not written YYYY-MM-DD"):
        check_published("2024-W10-1")
    with pytest.raises(UsageError, match="there is no such day"):
        check_published("2023-02-29")
    assert check_published(" 2024-02-29 ") == "2024-02-29"


@pytest.mark.parametrize("value", ["03/05/2020", "May 2020", "14 November", "20-02-21", "13-05-20"])
def test_ambiguous_published_warns(value) -> None:
    """A string naming no single day gives no date and a warning."""
    date, warning = read_published(value)
    assert date is None and warning is not None and value in warning


def test_ambiguous_published_keeps_the_record(nlp) -> None:
    """An ambiguous `published` leaves a warning on the record and the dateline dates it."""
    rel = newsie.extract("SKOPJE, 4 March 2020 – The Mission opened a centre.", published="03/04/2020", nlp=nlp)
    assert rel.published == D(2020, 3, 4)
    assert any("ambiguous" in w for w in rel.warnings)
    out = list(newsie.extract_many([{"text": "The Mission opened a centre.", "published": "03/04/2020", "id": "a"}], nlp=nlp))
    assert out[0].error is None and out[0].id == "a" and out[0].warnings


def test_raw_file_with_agency_tag(nlp) -> None:
    """A raw file with an agency-tag dateline gets its title, city and country without metadata."""
    rel = newsie.extract(read("almaty_agency.txt"), nlp=nlp)
    assert rel.title == "Customs officers from Central Asia complete OSCE course on risk profiling"
    assert rel.text.startswith("ALMATY (Kazinform)")
    assert rel.dateline is not None and (rel.dateline.city, rel.dateline.country, rel.dateline.date) == ("Almaty", "KAZ", None)
    ev = rel.events[0]
    assert (ev.type, ev.start, ev.end, ev.location.city, ev.location.country) == ("training", D(2019, 4, 10), D(2019, 4, 12), "Almaty", "KAZ")


def test_raw_file_year_from_published(nlp) -> None:
    """A dateline without a year takes it from `published`, given as any date string."""
    rel = newsie.extract(read("tirana_ap.txt"), published="May 3, 2021", nlp=nlp)
    assert rel.dateline is not None and rel.dateline.date == D(2021, 5, 3) and rel.dateline.country == "ALB"
    rel = newsie.extract(read("vienna_noyear.txt"), published="2019-11-14", nlp=nlp)
    assert rel.dateline is not None and rel.dateline.date == D(2019, 11, 14) and rel.dateline.city == "Vienna"


def test_raw_file_without_year_or_published(nlp) -> None:
    """Without a year and without `published`, the dateline keeps its city and no date."""
    rel = newsie.extract(read("vienna_noyear.txt"), nlp=nlp)
    assert rel.published is None and rel.dateline is not None and rel.dateline.city == "Vienna"


def test_raw_file_dateline_dates_the_release(nlp) -> None:
    """The dateline date (US order) is the release date when none is given."""
    rel = newsie.extract(read("us_order.txt"), nlp=nlp)
    assert rel.published == D(2020, 10, 6)
    assert rel.events[0].location.city == "Washington"


def test_raw_file_correction_line(nlp) -> None:
    """A correction line above the title is kept out of the text and named in a warning."""
    rel = newsie.extract(read("correction.txt"), nlp=nlp)
    assert rel.title == "Judges from Montenegro trained on hate crime cases"
    assert rel.text.startswith("PODGORICA") and "Correction" not in rel.text
    assert any("Correction: this release" in w for w in rel.warnings)
    assert rel.published == D(2021, 6, 10) and rel.events[0].participants == 18


def test_raw_file_multi_city_dateline(nlp) -> None:
    """A multi-city dateline dates the release but names no event city."""
    rel = newsie.extract(read("multicity.txt"), nlp=nlp)
    assert rel.published == D(2022, 2, 2)
    assert rel.events[0].location.city is None


def test_title_repeated_in_text_is_not_body(nlp) -> None:
    """When the caller passes the title and the whole file, the title line leaves the body."""
    raw = read("us_order.txt")
    rel = newsie.extract(raw, title="OSCE Parliamentary Assembly President visits Washington", nlp=nlp)
    assert rel.text.startswith("WASHINGTON")


@pytest.mark.parametrize("line", ['He said: "We will help everyone."', "The Mission opened a centre. It will help 300 people"])
def test_quoted_or_two_sentence_first_line_is_body(line) -> None:
    """A first line that ends a quotation or holds two sentences is body, not a headline."""
    assert split_raw(f"{line}\nMore text follows here.").title is None


def test_abbreviation_in_a_headline() -> None:
    """'Dr. Smith visits Vienna' is still a headline."""
    assert split_raw("Dr. Smith visits Vienna\n\nVIENNA, 2 May 2020 – Dr. Smith arrived.").title == "Dr. Smith visits Vienna"


def test_leading_byte_order_mark_is_dropped(nlp) -> None:
    """A UTF-8 BOM before the dateline or the title line does not hide them."""
    body = "BELGRADE, 12 May 2021 – The OSCE Mission to Serbia trained 20 judges in Belgrade."
    rel = newsie.extract("\ufeff" + body, nlp=nlp)
    assert rel.text == body and rel.dateline is not None and rel.dateline.city == "Belgrade"
    assert rel.published == D(2021, 5, 12)
    raw = newsie.extract("\ufeffOSCE trains Serbian judges\n\n" + body, nlp=nlp)
    assert raw.title == "OSCE trains Serbian judges" and raw.published == D(2021, 5, 12)
    item, = newsie.extract_many([{"text": "\ufeff" + body, "title": "\ufeffSerbian judges trained"}], nlp=nlp)
    assert item.title == "Serbian judges trained" and item.dateline is not None and item.dateline.city == "Belgrade"


@pytest.mark.parametrize("line", ["UPDATED", "UPDATED 3 May", "UPDATED 3 May 2019", "UPDATED on 4 May 2019, 14:00 CET", "CORRECTED May 4, 2019", "Updated", "UPDATED 14:00 CET", "CORRECTED 9.30 a.m."])
def test_bare_update_notice_is_preamble(line) -> None:
    """An update notice of the word alone, or in capitals with the day of the change, is preamble above or below the title."""
    for text in (f"{line}\nOSCE Chairperson visits Georgia\n\nTBILISI, 3 May 2019 – The Chairperson arrived today.", f"OSCE Chairperson visits Georgia\n{line}\nTBILISI, 3 May 2019 – The Chairperson arrived today."):
        parts = split_raw(text)
        assert (parts.title, parts.preamble) == ("OSCE Chairperson visits Georgia", [line])
        assert parts.body.startswith("TBILISI")


@pytest.mark.parametrize("title", ["Updated guidelines on media freedom published", "UPDATED ELECTION CODE ADOPTED IN ARMENIA", "Updated 3 May"])
def test_headline_starting_with_updated_is_a_title(title) -> None:
    """A headline that goes on after 'Updated' (or a date after 'Updated' not in capitals) stays the title."""
    parts = split_raw(f"{title}\n\nVIENNA, 3 May 2019 – The OSCE published the text today.")
    assert parts.title == title and parts.preamble == []


def test_update_notice_is_named_in_warnings(nlp) -> None:
    """extract() keeps an 'UPDATED 3 May' line out of title and text and names it in the warnings."""
    rel = newsie.extract("UPDATED 3 May\nOSCE Chairperson visits Georgia\n\nTBILISI, 3 May 2019 – The OSCE Chairperson arrived in Tbilisi today.", nlp=nlp)
    assert rel.title == "OSCE Chairperson visits Georgia" and rel.text.startswith("TBILISI")
    assert rel.warnings == ["preamble line kept out of the text: 'UPDATED 3 May'"]


@pytest.mark.parametrize("brk", ["\r", "\u2028", "\u2029", "\x85", "\x0c", "\x0b"])
def test_other_line_breaks_split_title_and_dateline(nlp, brk) -> None:
    """A CR alone (old Mac files, some exports), the Unicode line and paragraph separators,
    NEL, a form feed or vertical tab break lines like a line feed: the title line and the
    dateline are found, and offsets hold (one character for one)."""
    text = brk.join(["OSCE trains Serbian police on cybercrime", "", "BELGRADE, 3 May 2021 – The OSCE Mission to Serbia opened a training course for police officers today."])
    rel = newsie.extract(text, nlp=nlp)
    assert rel.title == "OSCE trains Serbian police on cybercrime" and rel.published == D(2021, 5, 3)
    mentions = [m for org in rel.organizations for m in org.mentions]
    assert rel.text.startswith("BELGRADE") and {m.text for m in mentions} == {"OSCE", "OSCE Mission to Serbia"}
    assert all((rel.title if m.field == "title" else rel.text)[m.start_char : m.end_char] == m.text for m in mentions)
