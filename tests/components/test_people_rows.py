"""The organizations stage leaves rows equal to its span group; the officials stage reads them."""
from __future__ import annotations

from newsie import extensions as ext
from newsie.rows import ROWS_KEY, group_rows

TEXT = (
    "The OSCE Mission to Bosnia and Herzegovina and the Ministry of Security of Bosnia and Herzegovina "
    "held a workshop in Sarajevo with the Embassy of the Netherlands and the Office for Democratic "
    "Institutions and Human Rights (ODIHR). Ambassador Kathleen Kavalec, Head of the Mission, said ODIHR helped."
)


def _read(doc, key):
    return [(s.start, s.end, s.start_char, s.end_char, s.kb_id_, s.id_) for s in doc.spans[key]]


def test_organization_rows_equal_the_stored_spans(nlp) -> None:
    """The rows left beside the organizations group are the group's spans, read without making them."""
    doc = nlp(TEXT)
    rows = group_rows(doc, ext.ORGANIZATIONS)
    assert rows and rows == _read(doc, ext.ORGANIZATIONS)
    assert group_rows(doc, ext.STATES) == _read(doc, ext.STATES)


def test_officials_find_the_same_people_without_rows(nlp) -> None:
    """Officials read from the span groups themselves (no rows left) come out the same."""
    doc = nlp(TEXT)
    people = [(o.name, o.title, o.affiliation, o.mentions) for o in doc._.newsie_officials]
    assert people and people[0][0] == "Kathleen Kavalec"
    doc.user_data.pop(ROWS_KEY)
    nlp.get_pipe("newsie_officials")(doc)
    assert [(o.name, o.title, o.affiliation, o.mentions) for o in doc._.newsie_officials] == people


def test_officials_set_sentence_boundaries_a_doc_lacks(nlp) -> None:
    """On a Doc with no sentence boundaries the officials stage sets them and finds what it finds on a split Doc."""
    tagger = nlp.get_pipe("newsie_officials")
    text = "Ambassador Kathleen Kavalec opened the event. Minister Nermin Nikšić said it mattered."
    bare = nlp.make_doc(text)
    assert not bare.has_annotation("SENT_START")
    tagger(bare)
    assert bare.has_annotation("SENT_START")
    split = nlp.make_doc(text)
    nlp.get_pipe("sentencizer")(split)
    tagger(split)
    assert [(o.name, o.title) for o in bare._.newsie_officials] == [(o.name, o.title) for o in split._.newsie_officials]
    assert [o.name for o in bare._.newsie_officials] == ["Kathleen Kavalec", "Nermin Nikšić"]
