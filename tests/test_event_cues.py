"""Tests of `newsie.events.cues`: whole-word cue phrases found as re finds them."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.events.cues import WordCues

# Letters of the cues, separators, and characters whose case or word class is unusual.
_ALPHABET = "abdeilnorst _-.,'’\n\t\u00a0éİıſK²Ⅰ0"
_CUE = st.text(alphabet="abdeilnorst _-.", min_size=0, max_size=6)


@settings(max_examples=400, deadline=None)
@given(cues=st.lists(_CUE, min_size=1, max_size=5), text=st.text(alphabet=_ALPHABET, max_size=40))
def test_first_is_what_re_search_finds(cues: list[str], text: str) -> None:
    """`first` gives the span re's search finds for the same phrases between word boundaries."""
    m = re.search(WordCues(cues).pattern, text)
    assert WordCues(cues).first(text) == (m.span() if m else None)


@settings(max_examples=400, deadline=None)
@given(cues=st.lists(_CUE, min_size=1, max_size=5), text=st.text(alphabet=_ALPHABET, max_size=40))
def test_search_agrees_with_re(cues: list[str], text: str) -> None:
    """`search` finds a cue exactly when re's search does."""
    assert WordCues(cues).search(text) == (re.search(WordCues(cues).pattern, text) is not None)


def test_a_cue_inside_a_longer_word_is_not_found() -> None:
    """'attend' is not found in 'attendance', but is in 'will attend.'."""
    cues = WordCues(["attend"])
    assert not cues.search("the attendance was high")
    assert cues.first("they will attend.") == (10, 16)


def test_the_leftmost_match_wins_then_the_first_listed() -> None:
    """At one start, the phrase listed first is the match, as in a regex alternation."""
    assert WordCues(["will run", "will run until"]).first("it will run until may") == (3, 11)
    assert WordCues(["later", "will run"]).first("it will run later") == (3, 11)


_STARTS = st.sampled_from(["atte", "part", "a", "", "to o", "-ab.", "tt"])
_PIECES = ["atte", "attend", "part", "partic", " ", "-", "a", "s", "ed", "x", "é", "\n", "to o", "ab.", "_"]


@settings(max_examples=400, deadline=None)
@given(
    cues=st.lists(st.tuples(_STARTS, st.text(alphabet="adenst -", max_size=4)).map("".join), min_size=1, max_size=6),
    text=st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
)
def test_search_of_phrases_sharing_a_start_agrees_with_re(cues: list[str], text: str) -> None:
    """Phrases grouped by their first characters are found exactly when re's search finds one."""
    assert WordCues(cues).search(text) == (re.search(WordCues(cues).pattern, text) is not None)
