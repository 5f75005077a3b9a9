"""Tests of `newsie_fields_model` in a pipeline a spaCy user assembles."""
from __future__ import annotations

import spacy

TEXTS = (
    "Forty police officers completed a course on hate crime, gender-based violence and the rights of minorities, "
    "organized by the OSCE Mission with the Ministry of Interior.",
    "The OSCE Presence trained police officers and election commission members on the security of polling stations "
    "before the parliamentary elections.",
    "Women journalists and police officers discussed online harassment, media freedom and gender equality at a round table.",
    "The OSCE Office supported a workshop for border guards and customs officers on countering the trafficking of drugs "
    "and small arms.",
)


def _pipeline(*names: str) -> spacy.language.Language:
    nlp = spacy.blank("en")
    for name in names:
        nlp.add_pipe(name)
    return nlp


def test_the_model_alone_picks_what_it_picks_after_the_lexicon() -> None:
    """newsie_fields_model alone reads the packaged lexicon itself, picks included: the same fields as after newsie_fields."""
    alone = [doc._.newsie_fields for doc in _pipeline("newsie_fields_model").pipe(TEXTS)]
    after = [doc._.newsie_fields for doc in _pipeline("newsie_fields", "newsie_fields_model").pipe(TEXTS)]
    assert alone == after
    assert all(alone)


def test_the_model_alone_needs_no_earlier_stage() -> None:
    """analyze_pipes finds nothing missing for newsie_fields_model alone, and an empty text gets no field."""
    nlp = _pipeline("newsie_fields_model")
    assert nlp.analyze_pipes(pretty=False)["problems"] == {"newsie_fields_model": []}
    assert nlp("   ")._.newsie_fields == []
