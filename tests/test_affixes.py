"""The tokenizer's regex stand-ins give the same results as spaCy's own patterns."""
from __future__ import annotations

import pickle
import re
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie import affixes

# Characters the English affix patterns treat specially, plus letters, digits and others.
ALPHABET = st.sampled_from(list("aZé.,;:!?()[]{}'\"’‘“”-–—/+*^<>=&%$€£#@_~…\n 0123456789kmgxK.sΩж中😀"))
WORDS = st.text(ALPHABET, max_size=12)


@pytest.fixture(scope="module")
def tokenizer() -> Any:
    return spacy.blank("en").tokenizer


@pytest.fixture(scope="module")
def stand_ins(tokenizer: Any) -> dict[str, Any]:
    return {
        "suffix": affixes.suffix_search(tokenizer.suffix_search.__self__),
        "prefix": affixes.prefix_search(tokenizer.prefix_search.__self__),
        "infix": affixes.needs_char(tokenizer.infix_finditer.__self__, "finditer"),
        "url": affixes.needs_char(tokenizer.url_match.__self__, "match"),
    }


_OTHER = {p: affixes.suffix_search(re.compile(p)) for p in (r"a+$|\.$|(?<=1)b$", r"x*$|,$", r"(?i)A$|b$", r"[^a]$|b$")}


def _span(m: Any) -> tuple[int, int] | None:
    return None if m is None else m.span()


def test_split_alternatives_keeps_groups_and_classes_whole() -> None:
    """It splits a pattern at top-level bars only, never inside a group or a class."""
    assert affixes.split_alternatives(r"a|(b|c)|[|\]]x|\||[]|]") == ["a", "(b|c)", r"[|\]]x", r"\|", "[]|]"]


def test_the_english_patterns_get_stand_ins(stand_ins: dict[str, Any]) -> None:
    """Each of the English tokenizer's four patterns is read, so each gets a stand-in that skips plain words."""
    assert all(affixes.is_stand_in(s) for s in stand_ins.values())
    suffix, prefix = stand_ins["suffix"].args[0], stand_ins["prefix"].args[0]
    assert all(s is not None for s in suffix.sets)
    assert suffix.for_char("e") == (None, None) and prefix.for_char("c") == (None, None)
    assert suffix.for_char(",")[1] == 1  # a comma ends no match longer than itself


@settings(max_examples=600, deadline=None)
@given(WORDS)
def test_suffix_and_prefix_searches_match_the_originals(stand_ins: dict[str, Any], text: str) -> None:
    """The suffix and prefix stand-ins find the same match as spaCy's patterns."""
    for key in ("suffix", "prefix"):
        assert _span(stand_ins[key](text)) == _span(stand_ins[key].__self__.search(text))


@settings(max_examples=600, deadline=None)
@given(WORDS)
def test_infix_and_url_stand_ins_match_the_originals(stand_ins: dict[str, Any], text: str) -> None:
    """The infix and URL stand-ins give the same matches as spaCy's patterns."""
    infix, url = stand_ins["infix"], stand_ins["url"]
    assert [m.span() for m in infix(text)] == [m.span() for m in infix.__self__.finditer(text)]
    assert _span(url(text)) == _span(url.__self__.match(text))


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab1-.,$\n")), max_size=8), st.sampled_from(sorted(_OTHER)))
def test_other_suffix_patterns_give_the_same_matches(text: str, pattern: str) -> None:
    """Patterns with pieces it cannot read (empty matches, flags, negated classes) still match as the original."""
    assert _span(_OTHER[pattern](text)) == _span(re.compile(pattern).search(text))


def test_tokens_are_unchanged(tokenizer: Any) -> None:
    """A tokenizer with the stand-ins splits text into the same tokens."""
    fast = spacy.blank("en").tokenizer
    assert affixes.speed_up_tokenizer(fast)
    text = (
        "VIENNA, 6 October 2020 – The OSCE’s Chairperson-in-Office (CiO), Ms. Ann Linde, said: \"We're ready...\" "
        "See https://www.osce.org/odihr/12345 or mail press@odihr.pl; 3km, 10-12 May, U.S.-led, €5m, 2020/21, (a)–(c)."
    )
    assert [t.text for t in fast(text)] == [t.text for t in tokenizer(text)]


def test_a_sped_up_tokenizer_serializes_its_patterns(tokenizer: Any) -> None:
    """It writes the same bytes as the plain tokenizer, and the stand-ins pickle."""
    fast = spacy.blank("en").tokenizer
    affixes.speed_up_tokenizer(fast)
    assert fast.to_bytes(exclude=["vocab"]) == tokenizer.to_bytes(exclude=["vocab"])
    again = pickle.loads(pickle.dumps(fast.suffix_search))
    assert _span(again("end.")) == (3, 4)
