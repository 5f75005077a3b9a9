"""newsie's tokenizer splits text as spaCy's does and saves the same data."""
from __future__ import annotations

import spacy

from newsie import tokenizer
from newsie.affixes import is_stand_in

TEXT = (
    "WARSAW, 12 May 2021 – The OSCE Office for Democratic Institutions and Human Rights (ODIHR) "
    "deployed 24 long-term observers to Sofia and Plovdiv; see www.osce.org/odihr/elections or "
    "write to office@odihr.pl. \"We're grateful,\" said Ms. Jane Roe, ODIHR’s Head of Mission, on 3-4 June (p.m.)."
)


def test_it_makes_the_same_tokens_and_attributes_as_spacy() -> None:
    """A pipeline built with newsie.Tokenizer.v1 gives spaCy's tokens and lexical attributes."""
    ours, plain = spacy.blank("en", config=tokenizer.CONFIG), spacy.blank("en")
    assert is_stand_in(ours.tokenizer.suffix_search) and is_stand_in(ours.tokenizer.infix_finditer)
    a, b = ours(TEXT), plain(TEXT)
    assert [(t.text, t.whitespace_, t.shape_, t.like_num, t.like_url, t.is_punct, t.norm_) for t in a] == [
        (t.text, t.whitespace_, t.shape_, t.like_num, t.like_url, t.is_punct, t.norm_) for t in b
    ]


def test_it_saves_what_spacy_saves_and_loads_back(tmp_path: object) -> None:
    """Its bytes are spaCy's tokenizer's, and a saved pipeline loads with it again."""
    ours, plain = spacy.blank("en", config=tokenizer.CONFIG), spacy.blank("en")
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    path = tmp_path / "nlp"  # type: ignore[operator]
    ours.to_disk(path)
    again = spacy.load(path)
    assert [t.text for t in again(TEXT)] == [t.text for t in plain(TEXT)]
