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


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Mission supported the Roma NGO Romalitico in organizing it.", ["Romalitico"]),
        ("Representatives of the Kyrgyz NGO Ak Jurok attended.", ["Ak Jurok"]),
        ("The non-governmental organization Code for Kosovo and the NGO Forum for Civic Initiatives met.", ["Code for Kosovo", "Forum for Civic Initiatives"]),
        ("The National NGO Platform met.", []),
    ],
)
def test_an_ngo_named_after_a_demonym_or_a_generic_first_word(text, names) -> None:
    """A demonym before "NGO" ("the Roma NGO Romalitico") leaves the name a body; a name of several words may open with
    "Forum" or "Code"; one generic word ("Platform") is none."""
    assert [o.name for o in _release(text).organizations] == names


def test_an_ngo_in_a_headline_written_as_a_sentence() -> None:
    """A headline in sentence case names the NGO as the body text would ("OSCE supports NGO Sumnal in Osh")."""
    assert "Sumnal" in [o.name for o in _release("The event was held today.", "OSCE supports NGO Sumnal in Osh").organizations]


@pytest.mark.parametrize(
    "text",
    [
        "The handbook was published in Russian and distributed to schools.",
        "It was published in Russian, and copies were distributed.",
        "The training was held in Russian, with interpretation provided.",
        "The lectures were delivered in Kyrgyz and in Russian.",
    ],
)
def test_a_single_language_before_and_or_a_comma(text) -> None:
    """"in Russian and distributed", "in Russian, and copies ...": a language, no State."""
    assert _release(text).states == []


def test_held_on_a_named_day_dates_the_event_and_a_hyphenated_name_after_led_by() -> None:
    """"The round table, held on International Roma Day" is dated that day; "led by Zlatko Kovač-Horvat" names a person."""
    event = _release("The round table, held on International Roma Day, gathered 30 activists in Belgrade.", published="2023-04-10").events[0]
    assert event.start == event.end == __import__("datetime").date(2023, 4, 8)
    assert [p.name for p in _release("The delegation was led by Zlatko Kovač-Horvat.").officials] == ["Zlatko Kovač-Horvat"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Representatives of 8 media monitoring organizations attended a seminar in Osh today.", None),
        ("A group of 20 students representing schools attended a training course today.", 20),
    ],
)
def test_a_group_noun_after_a_participle(text, count) -> None:
    """"8 media monitoring organizations" counts groups; "20 students representing schools" counts people."""
    assert _release(text).events[0].participants == count


def test_a_canton_is_a_region() -> None:
    """"in Tuzla Canton" names a region, no city."""
    assert _release("The Mission held a meeting in Tuzla Canton today.").events[0].location.city is None


def test_a_contact_block_before_a_long_background_keeps_its_lines() -> None:
    """A contact block followed by a long background section keeps its lines: the contact's title ends with its line."""
    contact = (
        "For further information contact:\n"
        "Elena Stojkovska, Spokesperson of the Chairpersonship\n"
        "Ministry of Foreign Affairs of North Macedonia\n"
        "Tel.: +389 2 311 5266\n\n"
    )
    background = "Background\n" + "\n".join(textwrap.wrap("The Chairpersonship has worked on conflict prevention, " * 20, 72))
    text = "SKOPJE, 1 December 2023 – The Ministerial Council met today in Skopje.\n\n" + contact + background
    rec = _release(text, published="2023-12-01")
    assert [(p.name, p.title) for p in rec.officials] == [("Elena Stojkovska", "Spokesperson of the Chairpersonship")]
