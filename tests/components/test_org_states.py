"""The organizations stage's State of a body (`_country_of`); its index is checked against
the scans it replaces in test_people_fast_paths."""
from __future__ import annotations

import spacy

from newsie.components.organizations import _country_of, _States
from newsie.tokens import cols

NLP = spacy.blank("en")


def test_possessive_before_and_state_inside() -> None:
    """A State inside the body wins over one just before it; a possessive State before it counts."""
    doc = NLP.make_doc("Moldova 's Ministry of Interior of Georgia")
    c = cols(doc)
    index = _States([(0, 1, "MDA"), (6, 7, "GEO")])
    assert _country_of(c, 2, 7, index) == "GEO"
    assert _country_of(c, 2, 5, index) == "MDA"
    assert _country_of(c, 3, 5, index) is None
