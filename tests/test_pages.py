"""Tests of scraped pages copied from a browser: labels on their own line, no bullets, no colons."""
from __future__ import annotations

import datetime as dt

import newsie
from newsie.pages import looks_like_page, parse_page

MENU = ["Skip to main content", "Home", "Where we are", "Albania", "Armenia", "Austria", "Belarus", "Georgia",
        "Kazakhstan", "Moldova", "Serbia", "Ukraine", "What we do", "Fields of work", "Arms control", "Elections",
        "Policing", "Newsroom"]
ARTICLE = [
    "OSCE Mission trains Moldovan judges on hate crime cases",
    "CHISINAU, 9 October 2024 – A two-day workshop on hate crime cases for 18 judges from Moldova ended today in "
    "Chisinau. The workshop was organized by the OSCE Mission to Moldova.",
    "Issued on",
    "9 October 2024",
    "Issued by",
    "OSCE Mission to Moldova",
    "Fields of work",
    "Rule of law, Tolerance and non-discrimination",
    "Related content",
    "Follow us",
    "© OSCE 2024",
]
PAGE = "\n".join(MENU + ARTICLE)


def test_a_page_copied_from_a_browser_is_recognized() -> None:
    """Menus without bullets and a metadata block of bare label lines make a scraped page."""
    assert looks_like_page(PAGE)
    parts = parse_page(PAGE)
    assert parts.title == ARTICLE[0]
    assert parts.text == ARTICLE[1]
    assert (parts.published, parts.issuer) == ("2024-10-09", ["OSCE Mission to Moldova"])
    assert parts.fields_of_work == ["Rule of law", "Tolerance and non-discrimination"]


def test_its_menu_states_stay_out_of_the_record() -> None:
    """The record of such a page has the article's title, date and State, not the menu's."""
    rel = newsie.extract(PAGE)
    assert rel.title == ARTICLE[0] and str(rel.published) == "2024-10-09"
    assert [s.iso3 for s in rel.states] == ["MDA"]
    assert rel.issuer == ["OSCE Mission to Moldova"]


def test_menu_headings_without_a_dated_block_are_not_metadata() -> None:
    """Bare "Fields of work" or "Issued by" lines count only in a block anchored by a date."""
    undated = "\n".join(MENU + [line for line in ARTICLE if line not in ("Issued on", "9 October 2024")])
    assert parse_page(undated).fields_of_work == []
    raw = "OSCE trains judges\n\nIssued on\nthe occasion of the new law, the Mission held a workshop for judges in Chisinau."
    assert not looks_like_page(raw)


def test_a_metadata_line_is_never_the_title() -> None:
    """A page whose metadata block stands between the title and the body keeps the headline as its title."""
    text = (
        "OSCE trains customs officers in Dushanbe on detecting illicit trafficking\n"
        "Publishing date: 21 February 2023\n"
        "Content type: Press release\n"
        "Where we are: OSCE Programme Office in Dushanbe\n"
        "What we do: Border management, Combating transnational threats\n"
        "Thirty customs officers from Tajikistan completed a week-long training course on detecting illicit trafficking at border crossing points.\n"
    )
    page = parse_page(text)
    assert page.title == "OSCE trains customs officers in Dushanbe on detecting illicit trafficking"
    assert page.fields_of_work == ["Border management", "Combating transnational threats"]
    assert newsie.extract_page(text, url="u")[0].title == page.title


def test_a_bare_page_date_that_names_no_day_still_anchors_the_block() -> None:
    """"Issued on" over "31 April 2024" is still the page's metadata block: not 1 April but the dateline's date, a warning, the menu left out."""
    page = PAGE.replace("9 October 2024\n", "31 April 2024\n")
    assert looks_like_page(page)
    rel = newsie.extract(page)
    assert rel.title == "OSCE Mission trains Moldovan judges on hate crime cases" and rel.issuer == ["OSCE Mission to Moldova"]
    assert rel.published == dt.date(2024, 10, 9) and any("'31 April 2024' names no such day" in w for w in rel.warnings)


def test_a_page_date_is_read_like_published() -> None:
    """A page's ISO date-time gives its day, and an ambiguous "05/08/2023" gives no date and a warning, not a day-first guess."""
    page = (
        "Menu\nNews\n\nOSCE trains customs officers in Dushanbe on detecting illicit trafficking\n"
        "Publishing date: {}\nWhere we are: OSCE Programme Office in Dushanbe\nWhat we do: Border management\n"
        "Thirty customs officers from Tajikistan completed a week-long training course on detecting illicit trafficking at border crossing points.\n"
    )
    assert parse_page(page.format("2023-02-21T09:30:00Z")).published == "2023-02-21"
    rel = newsie.extract(page.format("2023-02-21T09:30:00Z"))
    assert str(rel.published) == "2023-02-21"
    rel = newsie.extract(page.format("05/08/2023"))
    assert rel.published is None and any("ambiguous" in w for w in rel.warnings)
    rel = newsie.extract(page.format("30 February 2023"))  # no such day: not 1 February
    assert rel.published is None and any("'30 February 2023' names no such day" in w for w in rel.warnings)


def test_a_label_with_its_value_on_the_next_line() -> None:
    """"Publishing date:" over the date (as a page's separate blocks give it) dates the page and
    neither line is text; a label over a sentence takes nothing from it."""
    text = (
        "OSCE trains customs officers in Dushanbe on detecting illicit trafficking\n"
        "Publishing date:\n21 February 2023\n"
        "Content type:\nPress release\n"
        "Thirty customs officers from Tajikistan completed a week-long training course on detecting illicit trafficking at border crossing points.\n"
    )
    page = parse_page(text)
    assert (page.published, page.content_type) == ("2023-02-21", "Press release")
    assert page.text.startswith("Thirty customs officers")
    lede = text.splitlines()[-1]
    assert parse_page(text.replace("21 February 2023\n", "")).published is None
    assert lede in parse_page(text.replace("21 February 2023\n", "").replace("Press release\n", "")).text


def test_a_menu_label_over_a_line_takes_no_value() -> None:
    """"Where we are:" over "Vienna", "What we do:" over "Arms control" in a menu give no
    issuer or field (only a date, or a short content type, is read from the next line), and
    "What we do: we train police officers ..." is a sentence of the text, not a label."""
    text = (
        "Home\nAbout\nWhere we are:\nVienna\nWhat we do:\nArms control\nBorder management\nPress release\n"
        "OSCE Mission trains judges in Belgrade\n"
        "BELGRADE, 15 June 2023 - The OSCE Mission to Serbia today concluded a three-day training course for 25 judges on hate crimes in Belgrade.\n"
        "What we do: we train judges and prosecutors across the country, with the Judicial Academy.\n"
    )
    page = parse_page(text)
    assert (page.issuer, page.fields_of_work) == ([], [])
    assert "What we do: we train judges" in page.text


def test_a_release_page_with_its_values_below_the_labels() -> None:
    """The site's own layout, every label alone over its value, in a block anchored by the
    publishing date: issuer and field are read, the headline stays the title."""
    text = (
        "OSCE Mission to Skopje trains police officers on hate crime investigation\nPublishing date:\n3 May 2021\n"
        "Where we are:\nOSCE Mission to Skopje\nWhat we do:\nPolicing\n\n"
        "SKOPJE, 3 May 2021 – Twenty-five police officers completed a three-day training course on hate crimes in Ohrid.\n"
    )
    rel = newsie.extract(text)
    assert rel.title == "OSCE Mission to Skopje trains police officers on hate crime investigation"
    assert (rel.issuer, rel.fields_of_work, str(rel.published)) == (["OSCE Mission to Skopje"], ["Policing"], "2021-05-03")


def test_a_menu_near_the_date_block_gives_no_issuer_or_field() -> None:
    """A footer menu after the dated block ("Share", then "What we do" over every field), or a
    menu above the date with colons, gives no issuer or field of work."""
    body = "BELGRADE, 14 March 2024 – The OSCE Mission to Serbia today concluded a three-day training course for 25 judges on hate crimes in Belgrade.\n"
    after = f"OSCE Mission trains judges in Belgrade\n{body}Publishing date\n14 March 2024\nShare\nFacebook\nTwitter\nWhat we do\nArms control\nBorder management\nWhere we are\nField operations\nInstitutions\n"
    above = f"What we do:\nArms control\nWhere we are:\nField operations\nPress release\nOSCE Mission trains judges in Belgrade\nPublishing date: 14 March 2024\n{body}"
    for text in (after, above):
        page = parse_page(text)
        assert (page.issuer, page.fields_of_work) == ([], []), text
