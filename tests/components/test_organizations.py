"""Tests of organization tagging (`newsie_organizations`) on release-style sentences."""
from __future__ import annotations

import pytest
import spacy

import newsie
from newsie.components.organizations import OrganizationTagger


def orgs(nlp, text: str, **kw) -> dict[str, newsie.Organization]:
    return {o.name: o for o in newsie.extract(text, nlp=nlp, **kw).organizations}


def test_osce_structures_institutions_and_international_bodies(nlp) -> None:
    """It finds OSCE structures, institutions and international bodies from the gazetteer."""
    found = orgs(
        nlp,
        "The Conflict Prevention Centre, ODIHR, the Forum for Security Co-operation, UNODC "
        "and the Council of Europe met in Vienna.",
    )
    kinds = {o.canonical_name or o.name: o.kind for o in found.values()}
    assert kinds["Conflict Prevention Centre"] == "osce_structure"
    assert any(o.acronym == "ODIHR" and o.kind == "osce_institution" for o in found.values())
    assert any(o.acronym == "UNODC" and o.kind == "international_organization" for o in found.values())
    assert "Council of Europe" in found
    assert "Forum for Security Co-operation" in found


@pytest.mark.parametrize(
    ("text", "canonical", "country"),
    [
        ("The OSCE Office in Tajikistan trained customs officers.", "OSCE Programme Office in Dushanbe", "TJK"),
        ("The OSCE Centre in Astana hosted the round table.", "OSCE Programme Office in Astana", "KAZ"),
        ("The OSCE Spillover Monitor Mission to Skopje supported the academy.", "OSCE Mission to Skopje", "MKD"),
        ("The OSCE Mission to Serbia and Montenegro opened an office.", None, "SCG"),
    ],
)
def test_field_operations_under_all_their_names(nlp, text, canonical, country) -> None:
    """A field operation's former names resolve to one entry linked to its host country."""
    field_ops = [o for o in newsie.extract(text, nlp=nlp).organizations if o.kind == "field_operation"]
    assert len(field_ops) == 1
    if canonical:
        assert field_ops[0].canonical_name == canonical
    assert field_ops[0].country == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Officers of the Ministry of Internal Affairs of Tajikistan attended.", "Ministry of Internal Affairs of Tajikistan", "TJK"),
        ("Tajikistan's State Committee for National Security hosted it.", "State Committee for National Security", "TJK"),
        ("The Interior Ministry welcomed the plan.", "Interior Ministry", None),
        ("The reception took place at the Embassy of the Netherlands.", "Embassy of the Netherlands", "NLD"),
        ("Albanian State Police officers completed the course.", "Albanian State Police", "ALB"),
        ("Judges from the Supreme Court and the Judicial and Prosecutorial Training Centre took part.", "Judicial and Prosecutorial Training Centre", None),
        ("Experts of the Ministry of Sports and Youth spoke.", "Ministry of Sports and Youth", None),
        ("The General Prosecutor's Office of the Republic of Moldova joined.", "General Prosecutor's Office of the Republic of Moldova", "MDA"),
    ],
)
def test_national_bodies_by_pattern(nlp, text, name, country) -> None:
    """Bodies in no list are found by their head noun, with the country the text gives."""
    found = orgs(nlp, text)
    assert name in found, list(found)
    assert found[name].country == country
    assert found[name].kind in ("national_authority", "academic", "other")


@pytest.mark.parametrize(
    ("text", "names", "kind"),
    [
        ("A campaign was launched in Osh by the city administration and the NGO Ak Jurok.", ["Ak Jurok"], "ngo"),
        ("The law was drafted together with the NGO Institute Alternativa.", ["Institute Alternativa"], "ngo"),
        ("The Centre works with the public association “Women for Change” in Osh.", ["Women for Change"], "ngo"),
        ("Members of the non-governmental organization Youth Bank of Kosovo attended.", ["Youth Bank of Kosovo"], "ngo"),
        ("The bombs targeted the British Consulate-General in Istanbul.", ["British Consulate-General in Istanbul"], "national_authority"),
    ],
)
def test_a_name_after_its_kind_and_a_consulate_are_bodies(nlp, text, names, kind) -> None:
    """A capitalized name right after "the NGO" or "the public association" (in quotes or not, a head noun or not) is a body
    of that kind; a consulate is a body like an embassy, "Consulate-General" one word."""
    found = orgs(nlp, text)
    assert [n for n in names if n in found] == names, list(found)
    assert {found[n].kind for n in names} == {kind}


@pytest.mark.parametrize("text", ["NGO representatives met in Osh.", "The NGO sector met in Osh on 3 May.", "Local NGOs and public associations met in Osh."])
def test_a_kind_word_without_a_name_after_it_names_no_body(nlp, text) -> None:
    """"NGO representatives", "the NGO sector": no name follows the kind word, no body is found."""
    assert orgs(nlp, text) == {}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a short reference to a body the text names in full, before or after it, is that body
        (
            "The Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings held a course. "
            "Since 2016, the Office of the Special Representative has trained 900 practitioners.",
            ["Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings"],
        ),
        (
            "The conference was organized by the Office of the High Commissioner with the Ministry of Foreign Affairs of Latvia.\n\n"
            "Contact: Office of the OSCE High Commissioner on National Minorities, The Hague",
            ["Office of the OSCE High Commissioner on National Minorities", "Ministry of Foreign Affairs of Latvia"],
        ),
        # an office named after its holder is a body, title words and all
        ("Staff of the Office of the Prosecutor General attended the course.", ["Office of the Prosecutor General"]),
        ("A lawyer of the Office of the Public Defender of Georgia spoke.", ["Office of the Public Defender of Georgia"]),
    ],
)
def test_an_office_named_after_its_holder(nlp, text, names) -> None:
    """"the Office of the High Commissioner": the holder's title is part of the office's name (not "Office of the High"); it
    refers to a body named in full elsewhere in the text whose name holds its words, and is one body with it."""
    found = orgs(nlp, text)
    assert list(found) == names


def test_a_plural_possessive_is_part_of_a_name_and_public_service_media_no_body(nlp) -> None:
    """"the Journalists' Association of Serbia" keeps its first word (not "Association of Serbia"); "Public Service Media" are
    broadcasters in general, no body named "Public Service"."""
    found = orgs(nlp, "He met the Journalists' Association of Serbia (UNS). The Recommendations on Minority Languages in Public Service Media were presented.")
    assert list(found) == ["Journalists' Association of Serbia"]


def test_parliaments_named_in_their_own_language(nlp) -> None:
    """Parliaments without a head noun ("State Great Khural", "Storting") are known bodies of their State."""
    found = orgs(nlp, "The Secretary General met members of the State Great Khural, then of the Storting.")
    assert {n: found[n].country for n in found} == {"State Great Khural": "MNG", "Storting": "NOR"}


def test_generic_phrases_are_not_organizations(nlp) -> None:
    """Generic phrases and a State's name are not organizations."""
    found = orgs(nlp, "Law enforcement agencies and civil society of the Russian Federation met. The Government agreed.")
    assert found == {}


def test_acronym_defined_in_text_resolves_later_uses(nlp) -> None:
    """'Full Name (ACR)' defines the acronym; later bare uses join the same body."""
    text = (
        "The Permanent Conference of Organized Crime Prosecutors (PCOCP) met on Monday. "
        "Members of the PCOCP agreed on a plan."
    )
    found = orgs(nlp, text)
    body = found["Permanent Conference of Organized Crime Prosecutors"]
    assert body.acronym == "PCOCP"
    assert [m.text for m in body.mentions] == ["Permanent Conference of Organized Crime Prosecutors", "PCOCP"]


def test_a_states_short_name_in_parentheses_is_no_acronym(nlp) -> None:
    """'Mission to Bosnia and Herzegovina (BiH)' abbreviates the State: later uses of 'BiH' do not join the Mission."""
    text = (
        "The OSCE Mission to Bosnia and Herzegovina (BiH) held a seminar for prosecutors. "
        "Prosecutors from across BiH took part."
    )
    body = orgs(nlp, text)["OSCE Mission to Bosnia and Herzegovina"]
    assert body.acronym is None
    assert [m.text for m in body.mentions] == ["OSCE Mission to Bosnia and Herzegovina"]


def test_back_reference_joins_the_named_field_operation(nlp) -> None:
    """'The Mission' refers back to the field operation the release names: one entry."""
    text = "The OSCE Mission to Montenegro organized a seminar. The Mission will continue its support."
    found = newsie.extract(text, nlp=nlp).organizations
    assert [o.name for o in found] == ["OSCE Mission to Montenegro"]
    assert len(found[0].mentions) == 2


def test_osce_on_its_own_and_inside_a_name(nlp) -> None:
    """'OSCE' is its own entry when it stands alone, not when only inside a longer name."""
    assert "OSCE" not in orgs(nlp, "The OSCE Mission to Skopje trained police.")
    assert "OSCE" in orgs(nlp, "The OSCE-supported course ended. The OSCE Mission to Skopje trained police.")


def test_person_office_is_not_an_organization(nlp) -> None:
    """'OSCE Representative on Freedom of the Media' before a name is an office, not a body."""
    found = orgs(nlp, "The OSCE Representative on Freedom of the Media, Teresa Ribeiro, condemned the attack.")
    assert list(found) == ["OSCE"]


def test_headline_role_is_not_an_organization(nlp) -> None:
    """'OSCE Media Freedom Representative' as a headline's subject is the person's role: only its 'OSCE' is a body."""
    found = orgs(nlp, "VIENNA, 3 May 2021 - The representative spoke today.", title="OSCE Media Freedom Representative condemns attack on reporter")
    assert list(found) == ["OSCE"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The OSCE Panel of Eminent Persons handed its report to the Chairman.", "OSCE Panel of Eminent Persons"),
        ("The Council decided to set up a Transitional Task Force for Kosovo.", "Transitional Task Force for Kosovo"),
        ("The talks were co-facilitated by the EU Monitoring Mission and the OSCE.", "EU Monitoring Mission"),
        ("He chaired the local Friends of Albania Group for a year.", "Friends of Albania Group"),
    ],
)
def test_named_bodies_under_short_names(nlp, text, name) -> None:
    """OSCE panels and task forces, and a mission named without its country, are found whole."""
    assert name in orgs(nlp, text)


def test_media_outlets(nlp) -> None:
    """Outlets named beside a media noun are organizations of kind media."""
    found = orgs(nlp, "He threatened the N1, Capital and Buka media outlets and a Dan newspaper journalist.")
    assert {"N1", "Capital", "Buka", "Dan"} <= set(found)
    assert all(found[n].kind == "media" for n in ("N1", "Capital", "Buka", "Dan"))


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        ("Deputies assaulted journalists of 9 Days and 365 Days newspapers on Monday.", {"9 Days", "365 Days"}, set()),
        ("Shots were fired at the home of Vista 7 TV channel journalist Ana Petrova.", {"Vista 7"}, {"Vista 7 TV", "TV"}),
        ("He condemned the attack on the columnist of Glas weekly Marko Markovic on Sunday.", {"Glas"}, {"Marko Markovic"}),
    ],
)
def test_media_outlets_with_numbers_and_single_names(nlp, text, names, absent) -> None:
    """Numbers belong to an outlet's name; one name before a media noun is an outlet before 'weekly' or a journalist; a person after it is none."""
    found = orgs(nlp, text)
    assert names <= set(found)
    assert all(found[n].kind == "media" for n in names)
    assert not absent & set(found)


@pytest.mark.parametrize("tag", ["(OSCE)--", "(OSCE)-", "(OSCE) --", "(OSCE)–"])
def test_source_tag_after_a_dateline(nlp, tag) -> None:
    """The '(OSCE)' tag after an old dateline names the OSCE, however the dash is joined to it."""
    found = orgs(nlp, f"SKOPJE, 3 October 2001 {tag} The deadline for registering is near.")
    assert list(found) == ["OSCE"]
    assert found["OSCE"].acronym == "OSCE"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Lawmakers from the Liberal Party and the Party of Farmers met the delegation.", {"Liberal Party", "Party of Farmers"}),
        ("The Green Party of Moldova (GPM) completed its registration.", {"Green Party of Moldova"}),
        ("The agreement was signed by the Socialist and Agrarian Parties on Monday.", {"Socialist Party", "Agrarian Party"}),
    ],
)
def test_political_parties(nlp, text, names) -> None:
    """A named political party is an organization; 'the X and Y Parties' are two."""
    assert names <= set(orgs(nlp, text))


def test_acronym_spells_a_longer_name_than_the_pattern(nlp) -> None:
    """'Operational Group of Border Forces (OGBF)': the acronym's letters take the whole name, not just 'Border Forces'."""
    found = orgs(nlp, "The incident was reported by the Operational Group of Border Forces (OGBF) in the region.")
    assert "Border Forces" not in found
    assert found["Operational Group of Border Forces"].acronym == "OGBF"


def test_hyphenated_outlet_name_after_a_media_noun(nlp) -> None:
    """'the public broadcaster Telecanal-Moldova': the hyphen joins one name."""
    found = orgs(nlp, "Reform of the public broadcaster Telecanal-Moldova was discussed today.")
    assert "Telecanal-Moldova" in found
    assert "Telecanal" not in found


def test_field_operation_by_short_name_alone(nlp) -> None:
    """'the OSCE Centre' with no field operation named or inferable is listed as written; the Mission once named takes it."""
    found = orgs(nlp, "A two-day conference organized by the OSCE Centre has just concluded in Dushanbe.")
    assert list(found) == ["OSCE Centre"]
    assert found["OSCE Centre"].kind == "field_operation"
    found = orgs(nlp, "The OSCE Mission to Montenegro opened a centre. The OSCE Mission thanked the donors.")
    assert list(found) == ["OSCE Mission to Montenegro"]


@pytest.mark.parametrize(
    ("title", "text", "name"),
    [
        ("OSCE Croatia Mission Head says returns are no threat", "ZAGREB, 3 May 2003 - The Head of the OSCE Mission to Croatia spoke today.", "OSCE Mission to Croatia"),
        ("Head of OSCE Serbia and Montenegro Mission to visit Vojvodina", "BELGRADE, 27 April 2004 - The Head of the OSCE Mission to Serbia and Montenegro will visit.", "OSCE Mission to Serbia and Montenegro"),
        ("OSCE Skopje Mission concerned by incidents", "Recent observations have caused concern.", "OSCE Mission to Skopje"),
    ],
)
def test_field_operation_with_its_place_before_the_head(nlp, title, text, name) -> None:
    """'OSCE Croatia Mission' is the 'OSCE Mission to Croatia': one entry, and no 'OSCE' of its own."""
    found = newsie.extract(text, title=title, nlp=nlp).organizations
    assert [o.canonical_name or o.name for o in found] == [name]


def test_variants_of_one_body_are_merged(nlp) -> None:
    """A body written two ways in one release is one entry, under its fuller name."""
    text = "The OSCE donated equipment to the Border Troops of Tajikistan's State Committee for National Security. The Tajik Border Troops thanked the OSCE."
    names = [o.name for o in newsie.extract(text, nlp=nlp).organizations]
    assert "Tajik Border Troops" not in names
    assert any(n.startswith("Border Troops of Tajikistan") for n in names)


def test_component_round_trip(tmp_path) -> None:
    """It writes the organization tagger with its gazetteer to disk and reads it back."""
    nlp = spacy.blank("en")
    nlp.add_pipe("newsie_states")
    tagger = nlp.add_pipe("newsie_organizations")
    assert isinstance(tagger, OrganizationTagger)
    tagger.initialize(organizations=[{"id": "x", "name": "Steppe Media Watch", "acronym": "SMW", "kind": "ngo"}])
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    doc = loaded("Steppe Media Watch and SMW staff met the OSCE.")
    assert [s.kb_id_ for s in doc.spans["newsie_organizations"]] == ["x", "x"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The OSCE Presence in Albania and the OSCE Missions to Skopje and Kosovo co-operated.", ["OSCE Presence in Albania", "OSCE Mission to Skopje", "OSCE Mission in Kosovo"]),
        ("The Embassies of Bosnia and Herzegovina and Croatia supported it.", ["Embassy of Bosnia and Herzegovina", "Embassy of Croatia"]),
        ("The Mission presented the website Cyber Security for Young People and Families.", ["Cyber Security for Young People and Families"]),
        ("The Mission presented the Caucasus Media Network project.", []),
    ],
)
def test_coordinated_and_whole_names(nlp, text, names) -> None:
    """Coordinated bodies are split, a State with 'and' in its name stays whole, a website's name stays whole, a project is no body."""
    got = [o.name for o in newsie.extract(text, nlp=nlp).organizations if o.name != "OSCE"]
    assert got == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The campaign was presented with the Ministry of Justice, Human and Minority Rights and the Safe Women's Shelter.",
            ["Ministry of Justice, Human and Minority Rights"],
        ),
        ("The Ministry of Labour, Employment, Veterans and Social Affairs hosted the round table.", ["Ministry of Labour, Employment, Veterans and Social Affairs"]),
        (
            "Findings go to the Interagency Commission on Combating Illegal Export, Import and Trafficking in Persons, which meets in May.",
            ["Interagency Commission on Combating Illegal Export, Import and Trafficking in Persons"],
        ),
        ("The Chair of the Seimas Education, Culture and Science Committee welcomed the report.", ["Seimas Education, Culture and Science Committee"]),
    ],
)
def test_names_that_list_portfolios_stay_whole(nlp, text, names) -> None:
    """A body whose name lists its portfolios with commas is one organization."""
    got = [o.name for o in newsie.extract(text, nlp=nlp).organizations if o.name != "OSCE"]
    assert got == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The trainings took place with the Ministry of Interior, Belgrade and Novi Sad.", ["Ministry of Interior"]),
        ("The project is run with the Ministry of Justice, UNDP and UNICEF.", ["Ministry of Justice", "UNDP", "UNICEF"]),
        ("Officials of the Ministry of Health, Ivan Petrović and Ana Marković, attended.", ["Ministry of Health"]),
        ("In Vilnius, Education and Science Committee members met.", ["Education and Science Committee"]),
    ],
)
def test_lists_of_places_bodies_and_people_do_not_join_a_name(nlp, text, names) -> None:
    """Places, acronyms and people listed after a body, or a place before it, stay out of its name."""
    got = [o.name for o in newsie.extract(text, nlp=nlp).organizations if o.name != "OSCE"]
    assert got == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Municipal Working Group on Communities met in Gjilan.", ["Municipal Working Group on Communities"]),
        ("The Youth Advisory Group presented its plan.", ["Youth Advisory Group"]),
        ("Members of the House of Peoples adopted the law.", ["House of Peoples"]),
        ("The reform was adopted by the Council of Ministers in May.", ["Council of Ministers"]),
        ("He met the Chair of the Senate of the Oliy Majlis.", ["Senate of the Oliy Majlis"]),
        ("Several working groups met. The group and the house discussed it. Group work followed.", []),
    ],
)
def test_qualified_heads_and_bodies_of_members(nlp, text, names) -> None:
    """'Working Group', 'House of ...', 'Council of Ministers' and 'Senate of ...' name bodies; a bare group or house does not."""
    got = [o.name for o in newsie.extract(text, nlp=nlp).organizations if o.name != "OSCE"]
    assert got == names


def test_one_body_written_with_a_known_acronym_or_a_demonym(nlp) -> None:
    """A name holding a known body's acronym or full name, or a demonym before it, is one body."""
    text = (
        "The OSCE PA Working Group on Moldova met in Chisinau. Members of the OSCE Parliamentary Assembly "
        "Working Group on Moldova then spoke in the Irish House of Lords. The House of Lords held a debate."
    )
    got = sorted(o.name for o in newsie.extract(text, nlp=nlp).organizations)
    assert got == ["Irish House of Lords", "OSCE Parliamentary Assembly Working Group on Moldova"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Officers of Kyrgyzstan's State Border and Customs Services took part.", ["State Border Service", "State Customs Service"]),
        ("Staff of the Justice, Interior and Finance Ministries attended.", ["Justice Ministry", "Interior Ministry", "Finance Ministry"]),
    ],
)
def test_plural_head_after_a_list_of_modifiers(nlp, text, names) -> None:
    """A plural head after a list of modifiers names one body per modifier."""
    got = [o.name for o in newsie.extract(text, nlp=nlp).organizations]
    assert got == names


def test_an_office_held_by_a_person_and_offices_in_general_are_no_body(nlp) -> None:
    """'the Ombudsman of X, NAME' is a person's office and 'Ombudsman offices' a generic phrase; 'the Ombudsman of X' alone is a body."""
    assert orgs(nlp, "He met the Ombudsman of the Republic of Estonia, Mart Kask, in Tallinn.") == {}
    assert list(orgs(nlp, "Staff of the Prosecutor and Ombudsman offices were trained.")) == []
    assert list(orgs(nlp, "The Ombudsman of the Republic of Estonia published a report.")) == ["Ombudsman of the Republic of Estonia"]


def test_a_field_operation_named_by_its_city_first(nlp) -> None:
    """'OSCE Yerevan Office' is the OSCE Office in Yerevan, as 'OSCE <head> in <city>' written city first."""
    found = orgs(nlp, "The OSCE Yerevan Office held a seminar on 3 May 2010.", published="2010-05-03")
    assert [o.id for o in found.values()] == ["osce-office-yerevan"], list(found)


def test_a_name_cut_inside_a_hyphenated_word_is_no_body(nlp) -> None:
    """A name whose last word is the first half of a hyphenated word ('Security and Co-operation', cut) is no body."""
    found = orgs(nlp, "The Permanent Council of the Organization for Security and Co-operation")
    assert "Organization for Security and Co" not in found, list(found)
    found = orgs(nlp, "Statement by the Heads of Delegation of the Regional Forum Co-Chair Countries")
    assert not any(name.endswith(" Co") for name in found), list(found)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The Bosnia and Herzegovina Customs Administration received new scanners.", "Bosnia and Herzegovina Customs Administration", "BIH"),
        ("The Serbia and Montenegro Ministry of Defence hosted the workshop.", "Serbia and Montenegro Ministry of Defence", "SCG"),
    ],
)
def test_a_state_name_holding_and_before_a_head(nlp, text, name, country) -> None:
    """A State named '<X> and <Y>' before a body's head is part of the name, whole."""
    found = orgs(nlp, text)
    assert name in found, list(found)
    assert found[name].country == country


def test_election_observation_missions(nlp) -> None:
    """An ODIHR election observation mission and an international one are bodies, whole, with the IEOM acronym."""
    found = orgs(nlp, "RIGA, 2 June 2006 - The OSCE/ODIHR Election Observation Mission for the local elections in Latvia presented its report.")
    assert list(found) == ["OSCE/ODIHR Election Observation Mission"], list(found)
    assert found["OSCE/ODIHR Election Observation Mission"].parent == "osce-odihr"
    found = orgs(nlp, "The vote was orderly, the International Election Observation Mission (IEOM) said today. The IEOM met voters.")
    assert [(o.name, o.acronym) for o in found.values()] == [("International Election Observation Mission", "IEOM")]


def test_an_office_of_an_international_organization_is_no_national_body(nlp) -> None:
    """'European Union Office in Kosovo': an office named after a known international organization has its kind; a State's is national."""
    found = orgs(nlp, "The OSCE Mission and the European Union Office in Kosovo held a joint round table in Pristina.")
    assert found["European Union Office in Kosovo"].kind == "international_organization"
    found = orgs(nlp, "The OSCE Mission and the Kosovo Office of the Ombudsperson held a round table.")
    assert all(o.kind != "international_organization" for name, o in found.items() if "Kosovo" in name), {n: o.kind for n, o in found.items()}


def test_a_word_for_a_kind_of_body_before_a_name(nlp) -> None:
    """'the media NGO Name Institute': the name is an NGO's, without 'NGO'; 'media NGOs in Moldova' names no outlet."""
    found = orgs(nlp, "The Representative met the head of the media NGO Free Speech Institute last week.")
    assert found["Free Speech Institute"].kind == "ngo", {n: o.kind for n, o in found.items()}
    found = orgs(nlp, "The Representative criticized pressure on media NGOs in Moldova.")
    assert not any("NGOs" in n for n in found), list(found)


def test_a_house_named_by_its_members(nlp) -> None:
    """'House of Representatives': a conditional head whose 'of' complement names its members is a body, with its State."""
    found = orgs(nlp, "The Head of Mission regretted the vote in the Bosnia and Herzegovina House of Representatives on Tuesday.")
    assert found["Bosnia and Herzegovina House of Representatives"].kind == "national_authority", list(found)
    assert "House of Commons" not in orgs(nlp, "He spoke about a house of cards on Tuesday.")


def test_a_title_case_headline_names_no_body_by_its_capitals(nlp) -> None:
    """In a headline in title case, a pattern name the body does not repeat is dropped; one the body repeats stays."""
    text = "The OSCE Mission trained twenty officers in Sarajevo."
    found = orgs(nlp, text, title="Course on Digital Forensics Helps Police in Sarajevo Fight Crime")
    assert not any("Helps" in n or "Forensics" in n for n in found), list(found)
    found = orgs(nlp, "The Cantonal Police Directorate hosted the course.", title="Course for Cantonal Police Directorate Ends in Sarajevo")
    assert "Cantonal Police Directorate" in found, list(found)


def test_names_before_a_media_noun(nlp) -> None:
    """'De Morgen newspaper' is one outlet; a person before 'OSCE media freedom representative' is none."""
    found = orgs(nlp, "The Representative condemned the attack on the offices of the De Morgen newspaper in Brussels.")
    assert found.get("De Morgen") is not None and found["De Morgen"].kind == "media", list(found)
    found = orgs(nlp, "Welcoming the release of journalist Ana Rusu, Jan Vik, OSCE media freedom representative, called for more.")
    assert not any(o.kind == "media" for o in found.values()), {n: o.kind for n, o in found.items()}


def test_an_outlet_name_ends_before_where_it_is(nlp) -> None:
    """'the daily Dnevnik in Podgorica': the outlet is 'Dnevnik'; 'in' and a place are no part of its name."""
    found = orgs(nlp, "The Representative condemned an attack on the daily Dnevnik in Podgorica yesterday.")
    assert "Dnevnik" in found and found["Dnevnik"].kind == "media", list(found)


@pytest.mark.parametrize(
    ("text", "name", "acronym", "org_id"),
    [
        ("The Mission backs the new editor of Radio Television Serbia (RTS). RTS welcomed it.", "Radio Television Serbia", "RTS", "rts"),
        ("The President of the High Judicial and Prosecutorial Council (HJPC) of BiH signed the plan.", "High Judicial and Prosecutorial Council", "HJPC", "ba-hjpc"),
    ],
)
def test_a_known_acronym_defined_by_another_long_form_is_one_body(nlp, text, name, acronym, org_id) -> None:
    """A long form the text defines an acronym for joins the known body of that acronym: one entry, named as the text does."""
    found = newsie.extract(text, nlp=nlp).organizations
    same = [o for o in found if o.acronym == acronym]
    assert [(o.name, o.id) for o in same] == [(name, org_id)]


def test_a_stop_word_that_names_a_body_stays_in_it(nlp) -> None:
    """'Mine' is on spaCy's stop-word list but modifies a body's name: the name keeps it and what comes before it."""
    found = orgs(nlp, "Moldova’s National Mine Action Centre and the Mine Action Coordination Centre organized the event.")
    assert {"National Mine Action Centre", "Mine Action Coordination Centre"} <= set(found), list(found)


@pytest.mark.parametrize(
    ("text", "name", "org_id"),
    [
        (
            "Observers were deployed by the OSCE Office for Democratic Institutions and Human Rights (OSCE/ODIHR) Election Observation Mission for the local elections.",
            "OSCE Office for Democratic Institutions and Human Rights (OSCE/ODIHR) Election Observation Mission",
            "osce-odihr-eom",
        ),
        (
            "The Organization for Security and Co-operation in Europe (OSCE) Centre in Almaty organized a seminar.",
            "Organization for Security and Co-operation in Europe (OSCE) Centre in Almaty",
            "osce-po-astana",
        ),
    ],
)
def test_a_body_named_after_its_issuers_bracketed_acronym(nlp, text, name, org_id) -> None:
    """'LONG (ACR) more words', where 'ACR more words' names a known body: one name over all of it, not the issuer and a cut tail."""
    found = newsie.extract(text, nlp=nlp).organizations
    assert [(o.name, o.id) for o in found] == [(name, org_id)]


def test_a_title_word_split_at_its_hyphens_heads_no_body(nlp) -> None:
    """'Chairperson-in-Office for ...' is a title: its last part 'Office' starts no body; 'Sub-Commission' still does."""
    found = orgs(
        nlp,
        "The Special Representative of the Chairperson-in-Office for the Western Balkans, Mara Velkova, met the Election Complaints and Appeals Sub-Commission.",
    )
    assert not any(name.startswith("Office") for name in found), list(found)
    assert "Election Complaints and Appeals Sub-Commission" in found


def test_a_reference_back_to_an_osce_body_without_osce_is_that_body(nlp) -> None:
    """'OSCE Parliamentary Assembly ... the Parliamentary Assembly': one body; a 'Parliamentary Assembly' named first stays its own."""
    found = orgs(nlp, "OSCE Parliamentary Assembly President Jon Halden said the Parliamentary Assembly was ready.")
    assert list(found) == ["OSCE Parliamentary Assembly"]
    assert len(found["OSCE Parliamentary Assembly"].mentions) == 2
    found = orgs(nlp, "The Mission urged the Parliamentary Assembly to adopt the law. The OSCE Parliamentary Assembly met later.")
    assert set(found) == {"Parliamentary Assembly", "OSCE Parliamentary Assembly"}


def test_a_ministry_written_both_ways_is_one_body(nlp) -> None:
    """'Ministry of Foreign Affairs of the Republic of Armenia' and 'Armenian Foreign Ministry' are one body; another State's ministry stays apart."""
    found = orgs(nlp, "The Ministry of Foreign Affairs of the Republic of Armenia organized a concert. The Armenian Foreign Ministry thanked the Office.")
    assert list(found) == ["Ministry of Foreign Affairs of the Republic of Armenia"]
    found = orgs(nlp, "The Serbian Justice Ministry and the Ministry of Justice of Montenegro met.")
    assert set(found) == {"Serbian Justice Ministry", "Ministry of Justice of Montenegro"}


@pytest.mark.parametrize("space", ["  ", "\u00a0", "\n", " \n"])
def test_white_space_before_a_bracketed_acronym_is_no_part_of_the_name(nlp, space) -> None:
    """'Name  (ACR)', 'Name\\n(ACR)': the same bodies, names and acronyms as 'Name (ACR)'; no name or mention ends in white space."""
    text = (
        "DUSHANBE, 12 May 2023 – The OSCE Programme Office in Dushanbe and the International Organization for Migration (IOM) "
        "trained 25 border guards at the Regional Centre for Border Studies (RCBS). The IOM and the RCBS will hold a second "
        "course in June. Observers from the OSCE Office for Democratic Institutions and Human Rights (OSCE/ODIHR) Election "
        "Observation Mission attended."
    )

    def summary(found: list[newsie.Organization]) -> list[tuple]:
        # (a name over the bracket keeps the white space written inside it)
        return [(o.id, o.acronym, " ".join(o.name.split()), len(o.mentions)) for o in found]

    single = newsie.extract(text, nlp=nlp).organizations
    # (a line break before each bracket would read as a text wrapped at a fixed width, whose breaks are spaces: one is left)
    found = newsie.extract(text.replace(" (", space + "(", 1 if "\n" in space else -1), nlp=nlp).organizations
    assert summary(found) == summary(single)
    assert ("un-iom", "IOM", "International Organization for Migration", 3) in summary(found)
    assert (None, "RCBS", "Regional Centre for Border Studies", 2) in summary(found)
    for o in found:
        assert o.name == o.name.strip()
        assert all(m.text == m.text.strip() for m in o.mentions), [m.text for m in o.mentions]


def test_a_name_is_not_read_across_the_break_after_a_raw_texts_title(nlp) -> None:
    """A raw text's first line is its title, joined to the body by a paragraph break: a name
    cut at the end of that line is not read on into the body ("for\\n\\nMigration" is in no input)."""
    raw = (
        "OSCE and International Organization for\nMigration (IOM) train border guards\n\n"
        "DUSHANBE, 12 May 2023 – The OSCE Programme Office in Dushanbe and the IOM trained 25 border guards."
    )
    rel = newsie.extract(raw, nlp=nlp)
    assert rel.title == "OSCE and International Organization for"
    assert all(o.name in raw for o in rel.organizations), [o.name for o in rel.organizations]
    assert "un-iom" in {o.id for o in rel.organizations}


def test_a_body_named_with_its_acronym_is_one_with_the_gazetteers_body_of_that_acronym(nlp) -> None:
    """"the European Union Monitoring Mission (EUMM)" is the gazetteer's EUMM ("... in
    Georgia"), named as the text names it: one body, not the long form and "EUMM" apart.
    An acronym the gazetteer gives another body ("AP", a news agency) is the text's body's."""
    found = orgs(nlp, "TBILISI, 4 June 2009 – He met the European Union Monitoring Mission (EUMM) in Gori. The EUMM welcomed the visit.")
    assert list(found) == ["European Union Monitoring Mission"]
    assert (found["European Union Monitoring Mission"].acronym, found["European Union Monitoring Mission"].id) == ("EUMM", "eu-eumm")
    assert len(found["European Union Monitoring Mission"].mentions) == 3
    found = orgs(nlp, "PRISTINA, 4 June 2009 – He met the Anti-Corruption Police Office (AP) today. The AP welcomed the visit.")
    assert list(found) == ["Anti-Corruption Police Office"] and found["Anti-Corruption Police Office"].id is None


def test_the_letters_of_a_postcode_are_no_body(nlp) -> None:
    """"2514 AP The Hague" in a contact block names no news agency; "AP" elsewhere does."""
    text = "THE HAGUE, 4 June 2009 – The High Commissioner visited Georgia.\n\nOSCE High Commissioner on National Minorities\nPrinsessegracht 22, 2514 AP The Hague, Netherlands"
    assert "AP" not in orgs(nlp, text)
    for address in ("Prinsessegracht 22 – 2514 AP The Hague", "Address: 2514 AP The Hague"):
        assert "AP" not in orgs(nlp, text.replace("Prinsessegracht 22, 2514 AP The Hague", address)), address
    assert "AP" in orgs(nlp, "VIENNA, 4 June 2009 – In 2009 AP said so.")


def test_a_year_before_an_acronym_is_no_postcode(nlp) -> None:
    """"the 2023 EU Internet Forum", "Since 2014 EU Member States": the EU stays a body."""
    for text in ("Speakers at the 2023 EU Internet Forum discussed online radicalization.", "Since 2014 EU Member States have met twice a year."):
        assert "EU" in orgs(nlp, f"VIENNA, 15 June 2023 – {text}"), text
