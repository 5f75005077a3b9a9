"""Tests of the context heuristics for State names (`newsie.components.state_context`)."""
from __future__ import annotations

import pytest
import spacy

from newsie.components.state_context import names_a_language

NLP = spacy.blank("en")


def _at(text: str, word: str) -> tuple[spacy.tokens.Doc, int]:
    doc = NLP(text)
    return doc, next(t.i for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The guide is available in English and Russian on the Mission's website.", "Russian", True),
        ("Leaflets in Georgian, Armenian and Azerbaijani were handed out.", "Armenian", True),
        ("Leaflets in Georgian, Armenian and Azerbaijani were handed out.", "Azerbaijani", True),
        ("The shows go out in Bulgarian and Romanian.", "Romanian", True),
        ("Teachers teaching in Georgian and Azerbaijani took part.", "Azerbaijani", True),
        ("Teachers in Bulgarian and Ukrainian schools took part.", "Ukrainian", False),
        ("Officers from Kazakh and Kyrgyz units met.", "Kyrgyz", False),
    ],
)
def test_a_list_of_languages_ends_in_a_function_word_not_a_noun(text, word, expected) -> None:
    """A demonym closing a list after "in" names a language when punctuation, a preposition or an auxiliary follows, not a noun."""
    doc, i = _at(text, word)
    texts, lowers = [t.text for t in doc], [t.lower_ for t in doc]
    assert names_a_language(texts, lowers, i, i + 1, ("in", "into"), ("language", "languages")) is expected


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("The handbook is available in Russian on the Mission's website.", []),
        ("The handbook was translated into Ukrainian by the Project Co-ordinator.", []),
        ("Police officers in Russian regions were trained by the OSCE.", ["RUS"]),
        ("The OSCE trained judges in Kazakh courts.", ["KAZ"]),
    ],
)
def test_a_lone_language_after_in_before_a_function_word_adds_no_state(text, states) -> None:
    """'available in Russian on the website' names a language; 'in Russian regions' still names the State."""
    import newsie

    assert [s.iso3 for s in newsie.extract(text).states] == states
