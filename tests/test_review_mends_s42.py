"""Behaviour a review of the session's rules found broken, each case as a user writes it (see CHANGELOG)."""
from __future__ import annotations

import textwrap

import pytest

import newsie
from newsie.making import unwrapped


def _release(text: str, title: str | None = None, published: str = "2023-05-04") -> newsie.Release:
    return newsie.extract(text, title=title, published=published)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("OSCE Trains NGO Activists In Osh", "OSH, 3 May 2023 – The OSCE Programme Office in Bishkek trained 20 NGO activists on monitoring."),
        ("OSCE TRAINS NGO ACTIVISTS IN OSH", "OSH, 3 May 2023 – The OSCE Programme Office in Bishkek trained 20 NGO activists on monitoring."),
        ("Forum opens", "BISHKEK, 3 May 2023 – The annual NGO Forum opened. The National NGO Platform met. The draft NGO Law was discussed."),
        ("Campaign", "OSH, 3 May 2023 – The NGO Day celebration was held. A local NGO Monday launched a campaign."),
    ],
)
def test_ngo_before_capitals_that_name_no_body(title, text) -> None:
    """"NGO" before a headline's capitals, a word such as Forum, Law or Day, or a weekday names no body after it."""
    names = [o.name for o in _release(text, title).organizations]
    assert names in ([], ["OSCE", "OSCE Programme Office in Bishkek"])


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("KYIV, 3 May 2023 – The conference brought together 100 representatives of Ukrainian and international organizations.", ["UKR"]),
        ("The report is available in Latvian, Russian and English, and Ukrainian journalist Olha Bondarenko spoke.", ["UKR"]),
        ("It was published in Russian and Kyrgyz, and Kazakh experts presented it.", ["KAZ"]),
    ],
)
def test_a_demonym_list_ends_at_its_last_and(text, states) -> None:
    """"of Ukrainian and international organizations" is a State's adjective; a list of languages ends at its one "and"."""
    assert [s.iso3 for s in _release(text).states] == states


@pytest.mark.parametrize(
    "text",
    [
        "BELGRADE, 3 May 2023 – The OSCE Mission to Serbia today presented IT equipment, including computers, to the Ombudsman.",
        "YEREVAN, 3 May 2023 – The OSCE transferred communications equipment worth 45,000 euros to the Border Police today.",
    ],
)
def test_equipment_presented_or_transferred_is_a_donation(text) -> None:
    """Equipment presented, transferred, funded or awarded is given: a donation, as before the weak-trigger rule."""
    assert newsie.extract(text, published="2023-05-03", nlp=newsie.load(models=False)).events[0].type == "donation"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("DUSHANBE, 3 May 2023 – 40 future police officers completed a course on human rights.", 40),
        ("PODGORICA, 3 May 2023 – A group of 20 students representing schools from the north attended a training course.", 20),
    ],
)
def test_future_officers_and_students_representing_schools_are_counted(text, count) -> None:
    """"future police officers" take part; "students representing schools" are people, not the schools."""
    assert _release(text, published="2023-05-03").events[0].participants == count


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("PODGORICA – Ahead of Europe Day, the OSCE Mission to Montenegro organized a debate with students.", "2023-05-08"),
        ("In the run-up to the International Day for the Elimination of Violence against Women, the Mission organized a round table.", "2023-11-20"),
        ("The Mission held a round table as a follow-up to events held on International Roma Day.", "2023-04-20"),
    ],
)
def test_a_day_observed_each_year_as_another_time_dates_no_event(text, published) -> None:
    """"Ahead of Europe Day", "in the run-up to" a day, "held on International Roma Day": that day is not the event's."""
    event = _release(text, title="Debate", published=published).events[0]
    assert (event.start, event.end) == (None, None)


def test_led_by_a_title_and_a_group_described_with_a_person_noun() -> None:
    """"led by Anti-Corruption Expert NAME" keeps the title with the name; "NAME, a group of student volunteers" is no person."""
    rec = _release("OSH, 3 May 2023 – The training, led by Anti-Corruption Expert Ana Petrova, took place in Osh.")
    assert [(p.name, p.title) for p in rec.officials] == [("Ana Petrova", "Anti-Corruption Expert")]
    assert _release("OSH, 3 May 2023 – The OSCE supported Jash Kuch, a group of student volunteers, in Osh.").officials == []


def test_a_town_before_municipality_is_the_town() -> None:
    """"in Prizren municipality" is Prizren (municipality, district and canton are no regions named after a city)."""
    event = _release("PRIZREN, 3 May 2023 – The Mission held a public meeting with 40 residents in Prizren municipality today.").events[0]
    assert event.location.city == "Prizren"


def test_a_contacts_line_above_a_wrapped_text_does_not_stop_its_unwrapping() -> None:
    """A scraped page's "Contacts" menu line before a text wrapped at 72 columns leaves the text's wraps read as spaces."""
    body = (
        "The OSCE Mission to Skopje and the Ministry of Interior today opened a three-day training course for "
        "25 police officers on community policing in Skopje, the Mission said in a statement issued today."
    )
    text = "Contacts\n\n" + "\n".join(textwrap.wrap(" ".join([body] * 5), 72))  # a release longer than a contact block
    assert unwrapped(text).count("\n") == 2
