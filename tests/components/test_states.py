"""Tests of State tagging (`newsie_states`) on release-style sentences."""
from __future__ import annotations

import functools

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import newsie
from newsie import extensions as ext
from newsie.components.states import StateTagger
from newsie.rows import group_rows

# (ISO3, status, a sentence naming the State, a sentence using an alias or demonym)
STATES = [
    ("ALB", "participating_state", "The workshop took place in Albania.", "Albanian police officers attended."),
    ("AND", "participating_state", "Andorra hosted the delegation.", "The Andorran delegation spoke."),
    ("ARM", "participating_state", "Experts from Armenia took part.", "Armenian judges were trained."),
    ("AUT", "participating_state", "Austria chaired the session.", "The Austrian Ambassador opened it."),
    ("AZE", "participating_state", "Officials from Azerbaijan attended.", "Azerbaijani customs officers joined."),
    ("BEL", "participating_state", "Belgium funded the project.", "A Belgian expert led the course."),
    ("BLR", "participating_state", "Journalists in Belarus were detained.", "Belarusian journalists were detained."),
    ("BIH", "participating_state", "The Mission to Bosnia and Herzegovina trained prosecutors.", "Prosecutors from BiH were trained."),
    ("BGR", "participating_state", "Bulgaria sent two trainers.", "Bulgarian border police took part."),
    ("CAN", "participating_state", "Canada supported the initiative.", "Canadian experts took part."),
    ("HRV", "participating_state", "Croatia hosted the meeting.", "Croatian officials attended."),
    ("CYP", "participating_state", "Cyprus was represented.", "The Cypriot delegation spoke."),
    ("CZE", "participating_state", "Czechia sent an observer.", "The Czech Republic sent an observer."),
    ("DNK", "participating_state", "Denmark funded the course.", "Danish experts took part."),
    ("EST", "participating_state", "Estonia hosted the seminar.", "Estonian officials took part."),
    ("FIN", "participating_state", "Finland holds the Chairpersonship.", "The Finnish Chairpersonship welcomed it."),
    ("FRA", "participating_state", "France contributed experts.", "French police instructors led it."),
    ("GEO", "participating_state", "The seminar was held in Tbilisi, Georgia.", "Georgian civil society took part."),
    ("DEU", "participating_state", "Germany funded the project.", "The German Customs Service trained officers."),
    ("GRC", "participating_state", "Greece hosted the conference.", "Greek coast guards attended."),
    ("VAT", "participating_state", "The Holy See addressed the Council.", "The Vatican addressed the Council."),
    ("HUN", "participating_state", "Hungary sent observers.", "Hungarian observers joined."),
    ("ISL", "participating_state", "Iceland supported the call.", "Icelandic experts joined."),
    ("IRL", "participating_state", "Ireland chaired the meeting.", "Irish officials joined."),
    ("ITA", "participating_state", "Italy funded the workshop.", "Italian Carabinieri trained officers."),
    ("KAZ", "participating_state", "The course was held in Kazakhstan.", "Kazakh police officers took part."),
    ("KGZ", "participating_state", "Kyrgyzstan hosted the event.", "The Kyrgyz Republic hosted the event."),
    ("LVA", "participating_state", "Latvia sent an expert.", "Latvian border guards took part."),
    ("LIE", "participating_state", "Liechtenstein funded it.", "The Liechtenstein Government funded it."),
    ("LTU", "participating_state", "Lithuania hosted the meeting.", "Lithuanian officials attended."),
    ("LUX", "participating_state", "Luxembourg supported the project.", "Luxembourgish experts joined."),
    ("MLT", "participating_state", "Malta held the Chairpersonship.", "The Maltese Chairpersonship spoke."),
    ("MDA", "participating_state", "The Mission to Moldova supported it.", "The Republic of Moldova's prosecutors joined."),
    ("MCO", "participating_state", "Monaco was represented.", "The Monegasque delegation spoke."),
    ("MNG", "participating_state", "Mongolia also participated.", "Mongolian officers also participated."),
    ("MNE", "participating_state", "The Mission to Montenegro helped.", "Montenegrin judges were trained."),
    ("NLD", "participating_state", "The Netherlands funded the course.", "The Dutch Embassy hosted the event."),
    ("MKD", "participating_state", "North Macedonia hosted the forum.", "The former Yugoslav Republic of Macedonia hosted it."),
    ("NOR", "participating_state", "Norway funded the project.", "Norwegian experts joined."),
    ("POL", "participating_state", "Poland hosted the meeting in Warsaw.", "Polish officials hosted it."),
    ("PRT", "participating_state", "Portugal sent experts.", "Portuguese experts joined."),
    ("ROU", "participating_state", "Romania hosted the seminar.", "Romanian police attended."),
    ("RUS", "participating_state", "Experts from the Russian Federation attended.", "Russian experts attended; Russia agreed."),
    ("SMR", "participating_state", "San Marino was represented.", "The Sammarinese delegation spoke."),
    ("SRB", "participating_state", "The OSCE Mission to Serbia trained them.", "Serbian police were trained."),
    ("SVK", "participating_state", "Slovakia held the Chairpersonship.", "The Slovak Chairpersonship spoke."),
    ("SVN", "participating_state", "Slovenia hosted the meeting.", "Slovenian experts joined."),
    ("ESP", "participating_state", "Spain hosted the Ministerial Council.", "Spanish Guardia Civil officers trained them."),
    ("SWE", "participating_state", "Sweden held the Chairpersonship.", "The Swedish Chairpersonship spoke."),
    ("CHE", "participating_state", "Switzerland funded the project.", "Swiss experts led it."),
    ("TJK", "participating_state", "The Office in Tajikistan organized it.", "Tajikistan's border troops and Tajik police took part."),
    ("TUR", "participating_state", "Türkiye hosted the meeting.", "Turkey hosted it; Turkish officials spoke."),
    ("TKM", "participating_state", "Turkmenistan hosted the training.", "Turkmen customs officers attended."),
    ("UKR", "participating_state", "The Project Co-ordinator in Ukraine helped.", "Ukrainian journalists attended."),
    ("GBR", "participating_state", "The United Kingdom funded it.", "The UK funded it; British experts trained."),
    ("USA", "participating_state", "The United States of America funded it.", "The U.S. Embassy and the USA funded it."),
    ("UZB", "participating_state", "Uzbekistan hosted the seminar.", "Uzbek prosecutors attended."),
    ("AFG", "partner", "Experts from Afghanistan took part.", "Afghan border officers took part."),
    ("AUS", "partner", "Australia addressed the conference.", "Australian experts spoke."),
    ("JPN", "partner", "Japan funded the project.", "Japanese experts trained them."),
    ("KOR", "partner", "The Republic of Korea hosted the conference.", "The Republic of Korea's delegation spoke."),
    ("THA", "partner", "Thailand hosted the Asian conference.", "Thai officials spoke."),
    ("DZA", "partner", "Algeria took part.", "Algerian officials took part."),
    ("EGY", "partner", "Egypt took part.", "Egyptian officials took part."),
    ("ISR", "partner", "Israel took part.", "Israeli officials took part."),
    ("JOR", "partner", "The event was held in Amman, Jordan.", "Jordanian officials took part."),
    ("MAR", "partner", "Morocco took part.", "Moroccan officials took part."),
    ("TUN", "partner", "Tunisia took part.", "Tunisian officials took part."),
]


def codes(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return sorted({span.kb_id_ for span in doc.spans["newsie_states"]})


@pytest.mark.parametrize(("iso3", "status", "by_name", "by_alias"), STATES, ids=[s[0] for s in STATES])
def test_every_participating_state_and_partner(nlp, iso3, status, by_name, by_alias) -> None:
    """It finds each participating State and Partner by name and by an alias or demonym."""
    for text in (by_name, by_alias):
        release = newsie.extract(text, nlp=nlp)
        found = {s.iso3: s for s in release.states}
        assert iso3 in found, text
        assert found[iso3].status == status


def test_all_fifty_seven_participating_states_are_listed() -> None:
    """It knows the 57 participating States and the 11 Partners for Co-operation."""
    kb = newsie.kb.states.default_states()
    assert sum(e.status == "participating_state" for e in kb.entries) == 57
    assert sum(e.status == "partner" for e in kb.entries) == 11
    assert len(STATES) == 68


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experts met in Lyon and Kabul.", []),
        ("The training was held in Almaty.", []),
        ("The OSCE supports Kosovo Serb returnees.", ["XKX"]),
        ("Kosovo Roma, Ashkali and Egyptian communities took part.", ["XKX"]),
        ("The delegation travelled to Atlanta, Georgia, for talks.", []),
        ("Michael Jordan opened the event.", []),
        ("The report is available in Russian.", []),
        ("The programmes are broadcast in Bulgarian, Ukrainian and Romanian.", []),
        ("The guide is published in English, French, and German.", []),
        ("Russian as a language of instruction was discussed.", []),
        ("The statement follows (Ukrainian and Russian versions below).", []),
        ("Russian speakers and Romanian translations were provided.", []),
        ("The Georgian and Armenian ministers met.", ["ARM", "GEO"]),
        ("Kazakh, Kyrgyz and Tajik police officers met in Almaty.", ["KAZ", "KGZ", "TJK"]),
        ("Ms. Chad Morris presented the report.", []),
        ("He met officials from New Mexico.", []),
        ("Representatives from Latin American states attended.", []),
        ("Rapporteurs of the Organization of American States and the Inter-American Commission signed.", []),
        ("The American Ambassador attended.", ["USA"]),
        ("He speaks Russian and Georgian.", []),
        ("Too many pupils leave school without a good command of Romanian.", []),
        ("The law is silent on the use of Uzbek, Tajik and other minority languages.", []),
        ("Russian retains its status as an official language.", []),
        ("She met representatives of Russian and Ukrainian NGOs.", ["RUS", "UKR"]),
        ("It was held for representatives of Kazakh, Tajik, Turkmen and Uzbek law enforcement agencies.", ["KAZ", "TJK", "TKM", "UZB"]),
    ],
)
def test_negative_cases(states_nlp, text, expected) -> None:
    """It does not tag a city alone, an ethnic community, a language (after "in", "of", "speaks", or the subject of "is ... an
    official language"), a US State or a person's name; demonyms of people stay, also listed before a noun."""
    assert codes(states_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The OSCE Mission to Serbia and Montenegro closed.", ["SCG"]),
        ("Refugees from the former Yugoslavia returned.", ["YUG"]),
        ("The FRY authorities agreed.", ["YUG"]),
        ("Staff of the Ministry of Internal Affairs of Tajikistan.", ["TJK"]),
        ("Pristina, Kosovo, hosted the session.", ["XKX"]),
        ("Iran and Pakistan sent observers.", ["IRN", "PAK"]),
        ("The event took place in Kyiv, Ukraine, with Kazakh-Tajik border teams.", ["KAZ", "TJK", "UKR"]),
        ("WE CALL ON US AUTHORITIES", []),
        ("Talks with us were held.", []),
    ],
)
def test_historical_territories_and_names_inside_bodies(states_nlp, text, expected) -> None:
    """It tags historical States, Kosovo, other countries and names inside body names."""
    assert codes(states_nlp, text) == expected


def test_status_territory_and_other(nlp) -> None:
    """Kosovo is a territory (XKX); a non-OSCE country is 'other'; codes are linked."""
    rel = newsie.extract("Officials from Kosovo and Brazil met.", nlp=nlp)
    by = {s.iso3: s for s in rel.states}
    assert by["XKX"].status == "territory"
    assert by["BRA"].status == "other" and by["BRA"].iso2 == "BR"


def test_mentions_have_offsets_into_title_and_text(nlp) -> None:
    """Each mention's offsets point at its text in the title or in the body."""
    title, text = "Kazakh police trained", "Officers from Kazakhstan's police and Tajikistan attended."
    rel = newsie.extract(text, title=title, nlp=nlp)
    kaz = next(s for s in rel.states if s.iso3 == "KAZ")
    assert [m.field for m in kaz.mentions] == ["title", "text"]
    for m in kaz.mentions:
        source = title if m.field == "title" else text
        assert source[m.start_char : m.end_char] == m.text
    assert kaz.mentions[1].text == "Kazakhstan"


def test_component_round_trip(tmp_path) -> None:
    """It writes the tagger with its gazetteer to disk and reads it back."""
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("newsie_states")
    assert isinstance(tagger, StateTagger)
    tagger.initialize(states=[{"iso3": "ATL", "name": "Atlantis", "status": "other", "demonyms": ["Atlantean"]}], blockers=[])
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert codes(loaded, "Atlantean divers met Atlantis officials.") == ["ATL"]
    assert codes(loaded, "Kazakhstan") == []


def test_add_entries_extends_aliases(states_nlp) -> None:
    """Extra aliases for a known code are merged, not replacing the entry."""
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("newsie_states")
    base = newsie.kb.states.default_states().by_iso3["KAZ"]
    tagger.add_entries([base.model_copy(update={"aliases": ["Qazaqstan"], "demonyms": []})])
    assert codes(nlp, "Qazaqstan and Kazakhstan") == ["KAZ"]
    assert codes(nlp, "Kazakh police") == ["KAZ"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Since January, 120 Albanians and 15 Serbs returned to the municipality of Klina in Kosovo.", ["XKX"]),
        ("Twenty Kazakhs took part in a course in Almaty.", ["KAZ"]),
        ("Serbian police officers met 15 Serbs in Kosovo.", ["SRB", "XKX"]),
        ("The graffiti in Bosnia and Herzegovina held insults against Bosniaks and Serbs.", ["BIH"]),
        ("Serbs, Roma and Ashkali in Kosovo took part in the dialogue.", ["XKX"]),
        ("Ukrainians and Crimean Tatars in Moldova met the High Commissioner.", ["MDA"]),
        ("Serbia and Bosnia and Herzegovina signed it; Bosniaks and Serbs welcomed it.", ["BIH", "SRB"]),
        ("Serbs and Croats in Bosnia and Herzegovina took part.", ["BIH", "HRV", "SRB"]),
        ("A meeting with Albanians, Turks and Roma living in North Macedonia was held.", ["MKD"]),
    ],
)
def test_counted_community_members(nlp, text, codes) -> None:
    """Counted members of a community living in another named place, or members listed with
    a community that is no State's ("Bosniaks and Serbs"), add no State; a lone demonym, and
    demonyms listed only with each other, still do."""
    assert sorted(s.iso3 for s in newsie.extract(text, nlp=nlp).states) == codes


_WORDS = ["Georgia", "Atlanta", ",", "Serbia", "Kosovo", "Serb", "returnees", "in", "Russian", "the", "Mission", "to",
          "New", "Mexico", "US", "WE", "CALL", "ON", "Ukrainian", "officials", "Jordan", "Ministry", "Mr.", "Turkey", "."]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=20))
def test_rows_left_beside_the_group_are_the_spans(states_nlp, words: list[str]) -> None:
    """The rows it leaves for later stages hold what reading its span group gives."""
    doc = states_nlp(" ".join(words))
    spans = doc.spans[ext.STATES]
    assert group_rows(doc, ext.STATES) == [(s.start, s.end, s.start_char, s.end_char, s.kb_id_, s.id_) for s in spans]
    assert all(s.label_ == ext.STATE for s in spans)


_BLOCKER_WORDS = ["New", "Mexico", "Georgia", "Tech", "University", "of", "Latin", "America", "American", "Indian",
                  "Ocean", "India", "NEW", "MEXICO", "South", "Africa", "African", "Wales", "the", ",", "in"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_BLOCKER_WORDS), max_size=16))
def test_skipping_the_block_matcher_changes_nothing(words: list[str]) -> None:
    """States found when the block matcher is skipped for candidates sharing no blocker word are those found running it always."""
    nlp = _block_pipelines()
    text = " ".join(words)
    docs = [pipeline(text) for pipeline in nlp]
    found = [[(s.start, s.end, s.kb_id_, s.id_) for s in doc.spans[ext.STATES]] for doc in docs]
    assert found[0] == found[1]


@functools.lru_cache(maxsize=1)
def _block_pipelines() -> tuple[spacy.language.Language, spacy.language.Language]:
    """A States pipeline as shipped, and one that always runs its block matcher."""
    ours, always = spacy.blank("en"), spacy.blank("en")
    ours.add_pipe("newsie_states")
    tagger = always.add_pipe("newsie_states")
    tagger.ensure_ready()
    tagger._shares_blocker_word = lambda doc, candidates: True  # type: ignore[method-assign]
    return ours, always


def test_a_long_list_of_demonyms_is_read_in_linear_time(nlp) -> None:
    """Ten times the list takes about ten times as long, not a hundred (the walk along a
    list is bounded)."""
    import time

    def took(k: int) -> float:
        text = "VIENNA, 3 May 2021 – Tensions between " + "Serbs, Croats, " * k + "and Hungarians grew."
        start = time.process_time()
        newsie.extract(text, nlp=nlp)
        return time.process_time() - start

    took(50)
    small, large = min(took(200) for _ in range(2)), min(took(2000) for _ in range(2))
    assert large < 30 * small + 0.5, (small, large)
