"""Contact labels tried only at the lines that can hold one are the labels a scan of every line finds."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.components.contacts import _LABEL, _labels

PIECES = [
    "For more information", "for further information, please", "Contact", "contacts", "Media contact", "PRESS CONTACTS",
    "Contact persons", "please contact", "Information", ":", " ", "\t", "\n", "\n\n", "Ana Novak, Press Officer",
    "The Mission said", "İ", "ı", "contact details", "information on the event", "x", "–",
]
texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@given(texts)
@settings(max_examples=400, deadline=None)
def test_labels_are_those_of_a_full_scan(text: str) -> None:
    """Every label found by trying every line start is found, at the same offsets, and no other."""
    assert [m.span() for m in _labels(text)] == [m.span() for m in _LABEL.finditer(text)]
