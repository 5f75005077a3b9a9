"""Tests of OSCE fields-of-work classification (`newsie.fields`) on release-style sentences."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from newsie.exceptions import GazetteerError
from newsie.fields import FIELDS, FieldsClassifier, classify, read_lexicon
from newsie.resources import gazetteer_file

# The "Fields of work" menu of the OSCE website, verbatim.
OSCE_FIELDS = (
    "Arms control",
    "Border management",
    "Combating trafficking in human beings",
    "Conflict prevention and resolution",
    "Countering terrorism",
    "Cyber/ICT Security",
    "Democratization",
    "Economic activities",
    "Education",
    "Elections",
    "Environmental activities",
    "Gender equality",
    "Good governance",
    "Human rights",
    "Media freedom and development",
    "Migration",
    "National minority issues",
    "Policing",
    "Reform and co-operation in the security sector",
    "Roma and Sinti",
    "Rule of law",
    "Tolerance and non-discrimination",
    "Youth",
)

# (expected field, title, text): one clear release per field, written for these tests.
CLEAR = [
    ("Arms control", "OSCE helps destroy surplus small arms and light weapons",
     "The project supports the safe storage of conventional ammunition."),
    ("Border management", "Customs officers trained to detect forged travel documents at border crossing points",
     "The course was held at the Border Management Staff College."),
    ("Combating trafficking in human beings", "Workshop on identifying victims of human trafficking",
     "Social workers and labour inspectors learned about the national referral mechanism."),
    ("Conflict prevention and resolution", "Co-Chairs welcome progress in the settlement process",
     "The sides agreed to respect the ceasefire and to continue negotiations."),
    ("Countering terrorism", "Chairperson-in-Office condemns terrorist attack in the capital",
     "The OSCE stands together against terrorism and violent extremism."),
    ("Cyber/ICT Security", "Experts discuss confidence-building measures in cyberspace",
     "Officials responsible for cybersecurity exchanged national practices."),
    ("Democratization", "OSCE supports newly elected members of parliament",
     "The seminar covered legislative drafting and the role of political parties."),
    ("Economic activities", "Training on anti-money laundering for financial intelligence units",
     "The course also addressed trade facilitation and connectivity."),
    ("Education", "Teachers trained on new history curriculum",
     "The Ministry of Education prepared materials for secondary schools."),
    ("Elections", "ODIHR deploys election observation mission for parliamentary elections",
     "The mission will follow the campaign, voting and the counting of ballots."),
    ("Environmental activities", "Aarhus Centres discuss climate change adaptation",
     "Participants addressed water management and hazardous waste."),
    ("Gender equality", "Conference promotes women's participation in peace processes",
     "Speakers called for gender mainstreaming and an end to violence against women."),
    ("Good governance", "Municipal officials trained on preventing corruption in public procurement",
     "The anti-corruption agency presented new integrity plans."),
    ("Human rights", "Ombudsperson's office strengthens monitoring of places of detention",
     "The training focused on preventing torture and ill-treatment."),
    ("Media freedom and development", "OSCE Representative condemns assault on journalist",
     "The Representative on Freedom of the Media called for the safety of journalists to be ensured."),
    ("Migration", "Labour migration and remittances discussed at regional meeting",
     "Officials exchanged views on the integration of migrants and refugees."),
    ("National minority issues", "High Commissioner discusses minority language education",
     "The High Commissioner on National Minorities met representatives of minority communities."),
    ("Policing", "OSCE trains police officers in community policing",
     "Forty officers from the Ministry of Internal Affairs learned about crime prevention."),
    ("Reform and co-operation in the security sector", "Seminar on democratic control of armed forces",
     "Participants discussed the Code of Conduct on Politico-Military Aspects of Security."),
    ("Roma and Sinti", "Roma and Sinti inclusion in focus at ODIHR meeting",
     "Participants discussed access to housing for Roma communities."),
    ("Rule of law", "OSCE trial monitoring report presented to judges",
     "The report on the independence of the judiciary was discussed with the judicial council."),
    ("Tolerance and non-discrimination", "Responding to hate crimes: training for prosecutors",
     "The course covered bias-motivated crimes, racism and xenophobia."),
    ("Youth", "Young people discuss their role in security at OSCE youth forum",
     "Youth leaders from ten participating States took part."),
]


@pytest.fixture(scope="module")
def clf() -> FieldsClassifier:
    """The classifier that ships with newsie."""
    return FieldsClassifier.default()


def _norm(s: str) -> str:
    """The scorer's label normalization (lowercase, no accents, non-word characters to spaces)."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w' ]+", " ", s)).strip()


# ---------------------------------------------------------------------------- labels


def test_fields_are_the_osce_menu() -> None:
    """It reads exactly the 23 OSCE fields of work, verbatim, from the data file."""
    assert FIELDS == OSCE_FIELDS


def test_every_field_has_a_clear_case() -> None:
    """The table of clear cases below covers every field."""
    assert {label for label, _, _ in CLEAR} == set(OSCE_FIELDS)


# ---------------------------------------------------------------------------- clear cases


@pytest.mark.parametrize(("label", "title", "text"), CLEAR, ids=[c[0] for c in CLEAR])
def test_clear_case_gets_its_field(clf: FieldsClassifier, label: str, title: str, text: str) -> None:
    """A release plainly about one field gets that field first."""
    assert clf.classify(title, text)[0] == label


def test_police_training(clf: FieldsClassifier) -> None:
    """A police training release is about Policing."""
    got = clf.classify(
        "OSCE Mission trains police on handling domestic burglary investigations",
        "Thirty police officers from regional police stations completed a five-day course on crime scene work.",
    )
    assert got[0] == "Policing"


def test_election_observation(clf: FieldsClassifier) -> None:
    """An election observation release is about Elections."""
    got = clf.classify(
        "Presidential election well run but voters lacked genuine choice, international observers say",
        "Election day was calm and polling stations were well organized, the observation mission said today.",
    )
    assert got == ["Elections"]


def test_journalist_safety_statement(clf: FieldsClassifier) -> None:
    """A statement on the safety of a journalist is about Media freedom and development."""
    got = clf.classify(
        "OSCE media freedom representative alarmed by threats against reporter",
        "VIENNA, 3 March 2021 – The Representative expressed concern about death threats sent to an "
        "investigative journalist and urged the police to find those responsible.",
    )
    assert got[0] == "Media freedom and development"


def test_trafficking_workshop(clf: FieldsClassifier) -> None:
    """A human-trafficking workshop is about Combating trafficking in human beings."""
    got = clf.classify(
        "Workshop helps labour inspectors spot signs of human trafficking",
        "Inspectors and NGOs discussed how to refer presumed victims of trafficking for assistance.",
    )
    assert got[0] == "Combating trafficking in human beings"


def test_two_fields(clf: FieldsClassifier) -> None:
    """A release about two fields gets both."""
    got = clf.classify(
        "Police officers trained to interview victims of human trafficking",
        "The course for police officers covered the identification of trafficked persons.",
    )
    assert set(got) == {"Policing", "Combating trafficking in human beings"}


# ---------------------------------------------------------------------------- disambiguation


def test_border_police_is_border_management(clf: FieldsClassifier) -> None:
    """'Border police' is Border management, not Policing."""
    assert clf.classify("OSCE trains border police on risk analysis", "Twenty border guards took part.") == [
        "Border management"
    ]


def test_drug_trafficking_is_not_human_trafficking(clf: FieldsClassifier) -> None:
    """Drug trafficking does not suggest Combating trafficking in human beings."""
    got = clf.classify(
        "Regional meeting on countering drug trafficking",
        "Anti-drug agencies shared information on the illicit trafficking of drugs.",
    )
    assert "Combating trafficking in human beings" not in got
    assert got[0] == "Policing"


def test_names_do_not_count_as_topics(clf: FieldsClassifier) -> None:
    """An institution's name ("...and Human Rights") or a head count ("5 women") is no topic."""
    assert clf.classify(
        "ODIHR Director visits capital",
        "The Director of the OSCE Office for Democratic Institutions and Human Rights met the Foreign Minister. "
        "The delegation (5 women, 3 men) also met the OSCE Parliamentary Assembly.",
    ) == []


def test_issuer_hint(clf: FieldsClassifier) -> None:
    """An issuer that works on one field adds that field's evidence."""
    title, text = "Representative concludes visit", "The Representative met the Foreign Minister today."
    assert clf.classify(title, text) == []
    assert clf.classify(title, text, ["OSCE Representative on Freedom of the Media"]) == [
        "Media freedom and development"
    ]


# ---------------------------------------------------------------------------- contract


@pytest.mark.parametrize(("title", "text"), [(None, ""), ("", ""), ("  ", "\n"), (None, "   ")])
def test_empty_text_gives_nothing(clf: FieldsClassifier, title: str | None, text: str) -> None:
    """An empty release gets no field, even with an issuer."""
    assert clf.classify(title, text) == []
    assert clf.classify(title, text, ["OSCE Representative on Freedom of the Media"]) == []


def test_text_without_cues_gives_nothing(clf: FieldsClassifier) -> None:
    """A release with no topical words gets no field."""
    assert clf.classify("OSCE Secretary General meets Foreign Minister", "They met in Vienna today.") == []


def test_labels_are_always_canonical(clf: FieldsClassifier) -> None:
    """Every label returned is one of the 23, at most `max_labels` of them, without repeats."""
    texts = [t for _, title, text in CLEAR for t in (title, text)]
    everything = " ".join(texts)
    for i, title in enumerate(texts):
        got = clf.classify(title, texts[-i - 1]) + clf.classify(None, everything)
        assert set(got) <= set(OSCE_FIELDS)
    got = clf.classify(everything, everything)
    assert len(got) == len(set(got)) <= clf.settings.max_labels


def test_labels_match_the_scorer_normalization(clf: FieldsClassifier) -> None:
    """Labels survive the scorer's normalization unchanged in meaning ('Cyber/ICT Security')."""
    assert {_norm(f) for f in clf.fields} == {_norm(f) for f in OSCE_FIELDS}


def test_scores_and_order(clf: FieldsClassifier) -> None:
    """`scores` gives every field a float, and `classify` lists fields by decreasing score."""
    title = "Police and prosecutors trained on hate crimes against Roma"
    text = "Police officers learned to recognize bias motivation; Roma community leaders took part."
    scores = clf.scores(title, text)
    assert list(scores) == list(OSCE_FIELDS)
    assert all(isinstance(v, float) for v in scores.values())
    got = clf.classify(title, text)
    assert got and [scores[g] for g in got] == sorted((scores[g] for g in got), reverse=True)


def test_deterministic(clf: FieldsClassifier) -> None:
    """The same input always gives the same answer."""
    title, text = CLEAR[3][1], CLEAR[3][2] + " " + CLEAR[17][2]
    first = (clf.classify(title, text), clf.scores(title, text))
    for _ in range(3):
        assert (clf.classify(title, text), clf.scores(title, text)) == first


def test_default_is_cached() -> None:
    """The packaged classifier is built once."""
    assert FieldsClassifier.default() is FieldsClassifier.default()
    assert classify("Elections observed", "Voters cast ballots.") == ["Elections"]


def test_accents_and_case_do_not_matter(clf: FieldsClassifier) -> None:
    """Matching ignores case and accents."""
    assert clf.classify(None, "JOURNALISTS ASKED FOR PRESS FREEDOM") == ["Media freedom and development"]
    assert clf.classify(None, "Réfugiés? No: refugees and migrants") == ["Migration"]


# ---------------------------------------------------------------------------- user lexicons


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_own_lexicon(tmp_path: Path) -> None:
    """A user's own lexicon file works, with prefix (*) and number (#) tokens and ignored phrases."""
    path = _write(tmp_path / "mine.json", {
        "settings": {"threshold": 1.0, "max_labels": 2},
        "ignore": ["River Police"],
        "fields": [
            {"label": "Water", "phrases": {"river*": 1.0, "# litres": 2.0}},
            {"label": "Crime", "phrases": {"police": 1.0}},
        ],
    })
    clf = FieldsClassifier.from_file(path)
    assert clf.fields == ("Water", "Crime")
    assert clf.classify(None, "The rivers carry 300 litres.") == ["Water"]
    assert clf.classify(None, "The River Police patrolled.") == []
    assert clf.classify(None, "The police patrolled.") == ["Crime"]


def test_packaged_file_validates() -> None:
    """The shipped data file validates and every field has phrases."""
    lexicon = read_lexicon(gazetteer_file("fields_of_work.json"))
    assert all(entry.phrases for entry in lexicon.fields)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "invalid JSON"),
        (json.dumps({"fields": [{"label": "Policing", "phrases": {"police": 1}}], "colour": "blue"}), "colour"),
        (json.dumps({"fields": [{"label": "Policing", "phrases": {"police": 1}, "weight": 2}]}), "weight"),
        (json.dumps({"fields": [{"label": "Policing", "phrases": {}}]}), "phrases"),
        (json.dumps({"fields": [{"label": "Policing", "phrases": {"police": "lots"}}]}), "phrases"),
        (json.dumps({"fields": [{"label": "Policing", "phrases": {"--": 1}}]}), "no word"),
        (json.dumps({"fields": [{"label": "A", "phrases": {"x": 1}}, {"label": "A", "phrases": {"y": 1}}]}), "twice"),
        (json.dumps({"settings": {"max_labels": 0}, "fields": [{"label": "A", "phrases": {"x": 1}}]}), "max_labels"),
        (json.dumps({"fields": []}), "fields"),
        (json.dumps([1, 2]), "FieldsLexicon"),
    ],
)
def test_malformed_file_raises(tmp_path: Path, content: str, problem: str) -> None:
    """A malformed lexicon raises GazetteerError naming the file and the problem."""
    path = tmp_path / "fields_of_work.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        FieldsClassifier.from_file(path)
    assert info.value.source == str(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)


def test_missing_file_raises(tmp_path: Path) -> None:
    """A missing lexicon raises GazetteerError naming the file."""
    path = tmp_path / "nowhere.json"
    with pytest.raises(GazetteerError, match=r"nowhere\.json"):
        FieldsClassifier.from_file(str(path))


# ---------------------------------------------------------------------------- dev set


def test_dev_micro_f1(clf: FieldsClassifier, dev_items: list[dict]) -> None:
    """Micro-F1 on the labelled dev items stays above a regression floor."""
    tp = fp = fn = 0
    for item in dev_items:
        gold = {_norm(f) for f in item.get("fields_of_work") or []}
        if not gold:
            continue  # unlabelled on the website: not scored
        pred = {_norm(f) for f in clf.classify(item.get("title"), item["text"])}
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.5


def test_packaged_lexicon_builds_the_shared_classifier():
    """newsie_fields on the packaged lexicon uses the one default classifier; an edited lexicon gets its own."""
    import spacy

    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("newsie_fields")
    pipe.ensure_ready()
    assert pipe.classifier is FieldsClassifier.default()
    lexicon = json.loads(gazetteer_file("fields_of_work.json").read_text(encoding="utf-8"))
    lexicon["settings"]["max_labels"] = 1
    pipe.initialize(lexicon=lexicon)
    assert pipe.classifier is not FieldsClassifier.default()
    assert pipe.classifier.settings.max_labels == 1
