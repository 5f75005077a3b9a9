"""Full-length releases: the lede leads; background, quotes and contact blocks only support."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import newsie

FULL = Path(__file__).parent / "fixtures" / "full"
D = dt.date


def extract(name: str, nlp) -> newsie.Release:
    return newsie.extract((FULL / name).read_text(encoding="utf-8"), nlp=nlp)


def test_opening_not_turned_into_training_by_a_facility_or_a_late_ceremony(nlp) -> None:
    """'opens a training centre' is a launch, whatever the closing paragraph says."""
    rel = extract("opening_ceremony.txt", nlp)
    assert rel.events[0].type == "launch"
    assert (rel.events[0].start, rel.events[0].location.city) == (D(2019, 10, 14), "Ohrid")


def test_background_dates_are_not_the_event_date(nlp) -> None:
    """'began yesterday' with 'two-day' dates the event; a past attack and a founding year do not."""
    ev = extract("background_dates.txt", nlp).events[0]
    assert (ev.type, ev.start, ev.end) == ("training", D(2025, 6, 2), D(2025, 6, 3))


def test_participants_are_people_taking_part(nlp) -> None:
    """Counts come from people taking part, not staff, trainers or plans."""
    assert extract("background_dates.txt", nlp).events[0].participants == 25
    assert extract("training_later_visit.txt", nlp).events[0].participants == 22
    assert extract("returnees.txt", nlp).events[0].participants is None


def test_stated_venue_and_date_beat_the_dateline(nlp) -> None:
    """'will take place in Tbilisi, Georgia, on 8 and 9 March' beats 'VIENNA ... today'."""
    ev = extract("venue.txt", nlp).events[0]
    assert (ev.location.city, ev.location.country) == ("Tbilisi", "GEO")
    assert (ev.start, ev.end) == (D(2023, 3, 8), D(2023, 3, 9))


def test_country_only_event(nlp) -> None:
    """A visit to a country with no city gives city None and that country, not the dateline's city."""
    ev = extract("country_only.txt", nlp).events[0]
    assert (ev.type, ev.location.city, ev.location.country) == ("visit", None, "ARM")


def test_officials_in_later_paragraphs_and_contact_blocks(nlp) -> None:
    """People named in later paragraphs, by title before a comma, and in contact blocks are found."""
    names = {o.name for o in extract("venue.txt", nlp).officials}
    assert {"Helga Maria Schmid", "Vakhtang Gomelauri", "Dragan Radović"} <= names
    names = {o.name for o in extract("training_later_visit.txt", nlp).officials}
    assert {"Andrew Tesoriere", "Aida Dzhumabaeva", "Asel Jakypova"} == names


def test_coordinated_offices_and_project_names(nlp) -> None:
    """'the OSCE Offices in Yerevan and Baku' gives two bodies; a named project gives none."""
    names = {o.name for o in extract("country_only.txt", nlp).organizations}
    assert {"OSCE Office in Yerevan", "OSCE Office in Baku"} <= names
    assert not any("Caucasus" in n for n in names)


def test_back_reference_joins_the_field_operation(nlp) -> None:
    """'Head of the Programme Office' refers back to the OSCE Programme Office in Dushanbe."""
    names = [o.name for o in extract("background_dates.txt", nlp).organizations]
    assert "Programme Office" not in names and "OSCE Programme Office in Dushanbe" in names


def test_ethnic_counts_add_no_state(nlp) -> None:
    """'120 Albanians and 15 Serbs returned' (to Kosovo) adds neither Albania nor Serbia."""
    assert [s.iso3 for s in extract("returnees.txt", nlp).states] == ["XKX"]


def test_stated_start_and_end(nlp) -> None:
    """'which started on 25 October' and 'will run until 22 September' bound the event."""
    ev = extract("blind_training.txt", nlp).events[0]
    assert (ev.start, ev.end) == (D(2021, 10, 25), D(2021, 11, 19))
    ev = extract("blind_conference.txt", nlp).events[0]
    assert (ev.start, ev.end) == (D(2023, 9, 11), D(2023, 9, 22))


def test_governments_of_several_states(nlp) -> None:
    """'the Governments of Germany, Norway and the United States' names three national bodies."""
    orgs = {o.name: o.country for o in extract("blind_training.txt", nlp).organizations}
    assert orgs["Government of Germany"] == "DEU" and orgs["Government of the United States"] == "USA"


def test_body_with_and_without_its_state_is_one(nlp) -> None:
    """'Ministry of Security' in the title and '... of Bosnia and Herzegovina' in the text are one body."""
    names = [o.name for o in extract("blind_donation.txt", nlp).organizations]
    assert names.count("Ministry of Security of Bosnia and Herzegovina") == 1 and "Ministry of Security" not in names


def test_title_ending_in_a_body_before_a_name(nlp) -> None:
    """'the Director of the BMSC, Parviz Kholov' gives the person with that title."""
    people = {o.name: o.title for o in extract("blind_training.txt", nlp).officials}
    assert people == {"Parviz Kholov": "Director of the BMSC"}


def test_a_range_said_beside_the_day_is_the_events_span(nlp) -> None:
    """'concluded today ... held on 10-12 September' (or in the next sentence) dates the
    meeting 10-12 September, not 'ended on the 12th, start unknown'."""
    lede = "PRAGUE, 12 September 2014 – Participants concluded today the Concluding Meeting of the OSCE Economic and Environmental Forum"
    for text in (f"{lede}, held in Prague on 10-12 September.", f"{lede} in Prague. The meeting was held from 10 to 12 September."):
        ev = newsie.extract(text, nlp=nlp).events[0]
        assert (ev.type, ev.start, ev.end) == ("meeting", D(2014, 9, 10), D(2014, 9, 12)), text
    ev = newsie.extract(f"{lede} in Prague. Its preparatory meetings were held on 2-3 February and 20-21 May.", nlp=nlp).events[0]
    assert (ev.start, ev.end) == (None, D(2014, 9, 12))  # ranges that do not hold the day are other meetings'


def test_a_count_in_a_background_sentence_is_not_the_events(nlp) -> None:
    """A later paragraph's count in a sentence dated over half a year back ('a workshop held
    in October 2018 brought together 40 officials', 'has trained 800 graduates since 2002')
    is another event's; a count in a sentence of the event itself still stands."""
    lede = "ULAANBAATAR, 4 June 2021 – The OSCE Co-ordinator of Economic and Environmental Activities concluded a three-day visit to Mongolia today."
    past = ("A workshop on money laundering held in Ulaanbaatar in October 2018 brought together 40 officials from law enforcement agencies.",
            "The OSCE Academy in Bishkek has trained more than 800 graduates since 2002, and they attended its courses.")
    for later in past:
        assert newsie.extract(f"{lede}\n\n{later}", nlp=nlp).events[0].participants is None, later
    now = "A workshop held in Ulaanbaatar on 3 June during the visit brought together 40 officials from law enforcement agencies."
    assert newsie.extract(f"{lede}\n\n{now}", nlp=nlp).events[0].participants == 40


def test_a_length_counts_back_from_a_day_said_to_be_the_last(nlp) -> None:
    """'A three-day course ... will conclude tomorrow' ends tomorrow and began two days
    before; a day after a start cue is the first ('opened on 1 June ... concluded')."""
    def span(text: str) -> tuple:
        ev = newsie.extract(f"BISHKEK, 4 June 2021 – {text}", nlp=nlp).events[0]
        return ev.start, ev.end

    assert span("A three-day course for 20 judges, which will conclude tomorrow, is being held in Bishkek.") == (D(2021, 6, 3), D(2021, 6, 5))
    assert span("A three-day course for 20 judges concluded today in Bishkek.") == (D(2021, 6, 2), D(2021, 6, 4))
    assert span("A three-day course for 20 judges that opened on 1 June concluded in Bishkek.") == (D(2021, 6, 1), D(2021, 6, 3))
    assert span("A three-day course for 20 judges opened today in Bishkek.") == (D(2021, 6, 4), D(2021, 6, 6))


def test_a_range_that_only_holds_the_day_is_anothers(nlp) -> None:
    """A press conference today on an observation 'conducted from 1 to 30 June', a round table
    in a week that 'runs from 12 to 18 June', an exhibition opened today 'open from 15 June
    to 15 July': the event is the day said (a range must begin or end on it, and the event
    must be one that lasts)."""
    for text in (
        "The OSCE Mission to Serbia today held a press conference in Belgrade to present the findings of its election observation, which was conducted from 1 to 30 June.",
        "The OSCE Mission today held a round table in Belgrade, part of the Media Freedom Week, which runs from 12 to 18 June.",
        "The OSCE Mission today opened a photo exhibition in Belgrade, open to the public from 15 June to 15 July.",
    ):
        ev = newsie.extract(f"BELGRADE, 15 June 2023 – {text}", nlp=nlp).events[0]
        assert (ev.start, ev.end) == (D(2023, 6, 15), D(2023, 6, 15)), text
    ev = newsie.extract("BELGRADE, 15 June 2023 – The OSCE Mission launched today a training course for judges in Belgrade, held from 15 to 17 June.", nlp=nlp).events[0]
    assert (ev.start, ev.end) == (D(2023, 6, 15), D(2023, 6, 17))
    for text in (  # a range that holds the day, said right after the event's trigger, is its span
        "KYIV, 11 September 2021 – The OSCE Project Co-ordinator today continued the two-week training for judges held from 6 to 17 September in Kyiv.",
        "KYIV, 11 September 2021 – Judges today continued a training course in Kyiv, held from 6 to 17 September.",
    ):
        ev = newsie.extract(text, nlp=nlp).events[0]
        assert (ev.start, ev.end) == (D(2021, 9, 6), D(2021, 9, 17)), text


def test_a_count_of_the_event_beside_an_old_date_stands(nlp) -> None:
    """'The course, organized annually since 2015, brought together 25 border guards': the
    count is the course's; only a count dated back ('held in October 2018 brought together
    40') or grown since then ('has trained 800 graduates since 2002') is another's."""
    lede = "DUSHANBE, 15 June 2023 – The OSCE Programme Office in Dushanbe today concluded a training course on border security in Dushanbe.\n"
    for later in (
        "The course, organized annually since 2015, brought together 25 border guards from Tajikistan and Afghanistan.",
        "The course brought together 25 police officers who graduated from the Police Academy in 2020.",
    ):
        assert newsie.extract(lede + later, nlp=nlp).events[0].participants == 25, later
    for later in (
        "Some 40 officials took part in a similar workshop held in October 2018.",
        "More than 800 border officers have completed the course since 2010.",
        "The previous course, which brought together 30 officers, was held in November 2019.",
    ):
        assert newsie.extract(lede + later, nlp=nlp).events[0].participants is None, later


def test_people_killed_hurt_or_held_take_no_part(nlp) -> None:
    """A count of victims or detainees is no count of participants, in the lede or later
    ('killing at least eleven people', 'the detention of 12 journalists', 'lost their lives');
    people who attended still are."""
    lede = "MINSK, 11 April 2011 – The OSCE Chairperson-in-Office strongly condemned the explosion in the Minsk metro today"
    for text in (
        f"{lede}, killing at least eleven people and injuring more than a hundred.",
        f"{lede}. More than 20 people lost their lives.",
        "VIENNA, 11 April 2011 – The OSCE Representative on Freedom of the Media condemned today the detention of 12 journalists in Minsk.",
    ):
        assert newsie.extract(text, nlp=nlp).events[0].participants is None, text
    attended = "VIENNA, 11 April 2011 – Some 40 journalists attended a training course on safety organized today by the OSCE in Vienna."
    assert newsie.extract(attended, nlp=nlp).events[0].participants == 40


def test_counts_beside_dates_and_victim_words_that_are_not_theirs_stand(nlp) -> None:
    """A later paragraph's count stays the event's when a past date after it is a project's,
    a law's or the people's ("a project launched in March 2022"), when "since" belongs to
    another clause, and when the victims are other people ("journalists and relatives of
    reporters who have been murdered"); a range after a topic is the topic's."""
    lede = "BISHKEK, 14 March 2024 – A three-day training course for border officers concluded today in Bishkek.\n\n"
    for later in (
        "Some 30 police officers attended the course, which is part of a project launched in March 2022.",
        "The course brought together 30 officers from the border units established in 2019 under the national strategy.",
        "30 officers attended the course, which has been organized by the OSCE since 2015.",
        "The course was attended by 30 officers and was based on the manual adopted in 2021.",
    ):
        assert newsie.extract(lede + later, nlp=nlp).events[0].participants == 30, later
    text = "SKOPJE, 14 March 2024 – The conference brought together 40 journalists and relatives of reporters who have been murdered in the region."
    assert newsie.extract(text, nlp=nlp).events[0].participants == 40
    ev = newsie.extract("SKOPJE, 14 March 2024 – The OSCE Mission to Skopje today organized a roundtable on the monitoring conducted from 1 to 31 March.", nlp=nlp).events[0]
    assert (ev.start, ev.end) == (D(2024, 3, 14), D(2024, 3, 14))
