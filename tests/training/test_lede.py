"""The trained classifiers read the headline and the lede, also in a full-length release.

They are trained on ledes: a release's later paragraphs (quotes, background, other
events) are not passed to them, and the lexicon evidence they blend with is read on the
same lede.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsie
from newsie.components.textcat_io import model_ids
from newsie.events.paragraphs import MIN_LEDE, lede_chars
from newsie.making import make_doc

TITLE = "OSCE Mission trains border police on document security"
LEDE = (
    "SKOPJE, 14 March 2024 - Twenty border police officers completed a three-day course on "
    "detecting forged travel documents, organized by the OSCE Mission to Skopje."
)
LATER = (
    "The Mission also supports the State Election Commission ahead of the parliamentary elections in May, "
    "training polling station staff and observers on the new Electoral Code and on voter registration.",
    "It works with journalists and media outlets on media freedom and the safety of journalists.",
    '"Free and fair elections are the foundation of democracy," the Head of Mission said.',
    "For more information, contact the Mission's press office.",
)


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


def ids(nlp, text: str, title: str = TITLE) -> list[int]:
    return model_ids(nlp(make_doc(nlp, text, title=title)), 200).tolist()


@pytest.mark.parametrize("sep", ["\n\n", "\n", "\r\n\r\n", "\n \n"])
def test_later_paragraphs_are_not_read(nlp, sep: str) -> None:
    assert ids(nlp, sep.join((LEDE, *LATER)), TITLE) == ids(nlp, LEDE, TITLE)


def test_a_text_of_one_paragraph_is_read_to_max_tokens(nlp) -> None:
    doc = nlp(make_doc(nlp, " ".join((LEDE, *LATER)), title=TITLE))
    words = [t for t in doc if not t.is_space]
    title_words = [t for t in words if t.idx < len(TITLE)]
    assert len(model_ids(doc, 200)) == len(title_words) + len(words)
    assert lede_chars(doc) is None


def test_a_line_wrapped_inside_a_sentence_does_not_end_the_lede(nlp) -> None:
    wrapped = LEDE.replace(" course on ", " course on\n").replace(" organized ", "\norganized ")
    assert "\n" in wrapped
    assert ids(nlp, wrapped + "\n\n" + LATER[0]) == ids(nlp, LEDE)


def test_a_dateline_alone_on_its_line_is_not_the_lede(nlp) -> None:
    dateline, _, rest = LEDE.partition(" - ")
    text = dateline + "\n\n" + rest + "\n\n" + LATER[0]
    got = [nlp.vocab.strings[i] for i in ids(nlp, text)]
    assert "forged" in got and "elections" not in got


def test_the_lede_ends_where_the_text_says(nlp) -> None:
    doc = nlp(make_doc(nlp, LEDE + "\n\n" + LATER[0], title=TITLE))
    end = lede_chars(doc)
    assert end is not None and doc.text[:end].rstrip().endswith("Mission to Skopje.")


def test_fields_of_a_full_release_are_those_of_its_lede(nlp) -> None:
    """Elections and media named in later paragraphs do not become the release's fields:
    the model and the lexicon it blends with read the lede (the rules alone read the
    whole body)."""
    alone = newsie.extract(LEDE, title=TITLE, published="2024-03-14", nlp=nlp).fields_of_work
    full = newsie.extract("\n\n".join((LEDE, *LATER)), title=TITLE, published="2024-03-14", nlp=nlp).fields_of_work
    assert alone and full == alone
    # the rules alone read the whole body
    rules = newsie.load(models=False)
    assert {"Elections", "Border management"} <= set(newsie.extract("\n\n".join((LEDE, *LATER)), title=TITLE, published="2024-03-14", nlp=rules).fields_of_work)


SENTENCE = st.lists(st.sampled_from(["OSCE", "police", "trained", "Mission", "2024", ",", "the", "Ça", "x"]), min_size=MIN_LEDE, max_size=30)


@settings(max_examples=40, deadline=None)
@given(SENTENCE, st.lists(SENTENCE, max_size=3), st.sampled_from(["\n\n", "\n"]))
def test_any_later_paragraphs_leave_the_input_as_the_lede_alone(lede: list[str], later: list[list[str]], sep: str) -> None:
    nlp = newsie.load(models=False)
    first = " ".join(lede) + "."
    text = sep.join([first] + [" ".join(p) + "." for p in later])
    assert model_ids(nlp(make_doc(nlp, text, title=TITLE)), 200).tolist() == model_ids(nlp(make_doc(nlp, first, title=TITLE)), 200).tolist()


APPOINTMENT = (
    "OSLO, 24 June 2025 – The OSCE Chairperson-in-Office, the Foreign Minister of Norway, today designated "
    "Ambassador Anna Berg as Head of the new OSCE Mission to Skopje."
)


@pytest.mark.parametrize("later", [
    "The Chairperson-in-Office also met the Prime Minister of North Macedonia in Skopje to discuss the Mission's mandate.",
    "The Chairperson-in-Office expressed deep concern about the violence in the north of the country and condemned the attacks.",
    "The Mission trained 30 police officers last week in a course on community policing.",
])
def test_the_event_model_decides_a_full_release_as_its_lede(nlp, later: str) -> None:
    """The blend reads the classifier on the lede and the rules' evidence of the headline and
    lede (``newsie_event_evidence["lede"]``): a later paragraph leaves the main type's
    probabilities as they are on the lede alone."""
    title = "OSCE Chairperson-in-Office designates Head of new OSCE Mission"
    alone = nlp(make_doc(nlp, APPOINTMENT, title=title))
    full = nlp(make_doc(nlp, APPOINTMENT + "\n\n" + later, title=title))
    assert "lede" in full.user_data["newsie_event_evidence"] and "lede" not in alone.user_data["newsie_event_evidence"]
    assert full.cats == pytest.approx(alone.cats)
    assert full._.newsie_events[0].type == alone._.newsie_events[0].type == "appointment"


def test_a_later_paragraph_does_not_keep_the_ledes_weak_trigger(nlp) -> None:
    """"Elections" and "voters" alone are weak election triggers, kept only with a cue such
    as "democratic": the cue in a later paragraph does not keep them in the lede's evidence."""
    title = "OSCE Mission supports election administration in Moldova"
    lede = ("CHISINAU, 4 March 2024 - The OSCE Mission to Moldova held a meeting with the Central Electoral Commission "
            "on preparations for the elections and voters lists.")
    alone = nlp(make_doc(nlp, lede, title=title))
    full = nlp(make_doc(nlp, lede + "\n\nThe OSCE promotes international standards for democratic elections.", title=title))
    assert full.user_data["newsie_event_evidence"]["lede"]["ranked"] == alone.user_data["newsie_event_evidence"]["ranked"]
    assert full.cats == pytest.approx(alone.cats)


def test_the_fields_model_reads_the_lede_scores_newsie_fields_left(nlp) -> None:
    """For a text of several paragraphs `newsie_fields` leaves its lexicon's scores of the
    lede, which the model blends with (a custom lexicon's, not the packaged one's)."""
    from newsie.components.fields import LEDE_SCORES_KEY
    from newsie.components.fields_model import lexicon_view

    doc = nlp(make_doc(nlp, "\n\n".join((LEDE, *LATER)), title=TITLE))
    given = doc.user_data[LEDE_SCORES_KEY]
    given[0]["Elections"] = 42.0  # as a custom lexicon might score it
    scores, picked = lexicon_view(doc, nlp.get_pipe("newsie_fields_model").lexicon)
    assert scores["Elections"] == 42.0 and picked == list(given[1])
    assert LEDE_SCORES_KEY not in nlp(make_doc(nlp, LEDE, title=TITLE)).user_data
