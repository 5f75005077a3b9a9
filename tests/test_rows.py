"""Tests for the plain rows producers leave beside their span groups."""
import spacy
from spacy.tokens import Doc, Span

import newsie  # noqa: F401 - registers the payload serializers
from newsie.rows import group_rows, leave_rows

TEXT = "The OSCE Mission to Serbia and the Embassy of Norway met in Belgrade."


def _doc() -> Doc:
    return spacy.blank("en")(TEXT)


def _set(doc: Doc, key: str, ranges: list[tuple[int, int, str, str]]) -> list[tuple[int, int, int, int, str, str]]:
    spans = [Span(doc, s, e, label="ORG", kb_id=kb, span_id=src) for s, e, kb, src in ranges]
    doc.spans[key] = spans
    return [(sp.start, sp.end, sp.start_char, sp.end_char, sp.kb_id_, sp.id_) for sp in spans]


def test_left_rows_are_read_back_without_spans():
    """Rows left beside a group are what `group_rows` returns, the same list object."""
    doc = _doc()
    expected = _set(doc, "orgs", [(1, 5, "osce_omis", "gazetteer"), (7, 10, "", "pattern")])
    leave_rows(doc, "orgs", expected)
    assert group_rows(doc, "orgs") is expected


def test_a_replaced_or_grown_group_is_read_again():
    """A group set again, or grown since the rows were left, is read from its Spans."""
    doc = _doc()
    leave_rows(doc, "orgs", _set(doc, "orgs", [(1, 5, "osce_omis", "gazetteer")]))
    fresh = _set(doc, "orgs", [(7, 10, "", "pattern")])
    assert group_rows(doc, "orgs") == fresh
    doc.spans["orgs"].append(Span(doc, 11, 12, label="ORG"))
    assert group_rows(doc, "orgs") == [*fresh, (11, 12, doc[11].idx, doc[11].idx + len(doc[11]), "", "")]


def test_rows_of_a_group_nobody_left_rows_for_are_read_from_its_spans():
    """Without rows left, the group's own spans give the rows; without the group, none."""
    doc = _doc()
    expected = _set(doc, "states", [(4, 5, "SRB", "name"), (9, 10, "NOR", "name")])
    assert group_rows(doc, "states") == expected
    assert group_rows(doc, "missing") == []


def test_a_serialized_doc_reads_its_groups():
    """After a round trip through bytes, the rows come from the restored group."""
    doc = _doc()
    expected = _set(doc, "orgs", [(1, 5, "osce_omis", "gazetteer")])
    leave_rows(doc, "orgs", [(0, 1, 0, 3, "wrong", "rows")])  # stale on purpose: never serialized
    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert group_rows(copy, "orgs") == expected
