"""The events stage's quick checks and reordered patterns find what the plain patterns find."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.components.events import _IN_PLACE
from newsie.events.paragraphs import _ANNOUNCED_RX, _END_CUE, _START_CUE, announced_at, bound_cue

# `_IN_PLACE` as first written: the word boundary before "in"/"at"/"to" checked first.
_PLAIN_IN_PLACE = re.compile(
    r"\b(?:in|at|to)\s+(?:the\s+(?:city|town|village)\s+of\s+)?(?P<place>[A-ZÀ-Ý][\w’'\-]+(?:[ /][A-ZÀ-Ý][\w’'\-]+){0,2})"
)
_PLACE_WORDS = ["in", "at", "to", "In", "into", "tin", "cat", "Skopje", "the", "city", "of", "Osh", "Prishtinë/Priština", "Ánkara",
                "NEW", "York", "’s", "2021", "town", "Baden-Baden", "x", "é"]
_CUE_WORDS = ["to be held", "TO BE HELD", "will take place", "is scheduled to", "are due for", "will", "Will", "WILL", "take", "place", "be", "held", "to", "is", "are", "scheduled", "planned", "due", "for",
              "started", "STARTED", "ſtarted", "Kicked", "\u212aicked", "off", "on", "began", "Begins", "run", "until", "UNTIL",
              "ends", "concludes", "close", "restarted", "ıt", "İn", "the", "course", "3", "May"]
_SEPARATORS = [" ", " ", "", "\n", "-", "/", "  ", ".", ", ", " on "]


def _text(words: list[str], seps: list[str]) -> str:
    return "".join(w + seps[i % len(seps)] for i, w in enumerate(words))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_WORDS), max_size=20), st.lists(st.sampled_from(_SEPARATORS), min_size=1, max_size=6))
def test_place_pattern_matches_what_the_word_boundary_pattern_matches(words, seps):
    """'in CITY' with the boundary checked after the two letters matches where the boundary-first pattern does."""
    text = _text(words, seps)
    plain = [(m.span(), m.span("place")) for m in _PLAIN_IN_PLACE.finditer(text)]
    assert [(m.span(), m.span("place")) for m in _IN_PLACE.finditer(text)] == plain


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=16), st.lists(st.sampled_from(_SEPARATORS), min_size=1, max_size=6))
def test_cue_checks_find_what_the_cue_patterns_find(words, seps):
    """Announcement and start/end cues read after the quick word check are the ones the patterns alone find."""
    text = _text(words, seps)
    m = _ANNOUNCED_RX.search(text)
    assert announced_at(text) == (m.end() if m else None)
    tail = text[-30:]
    assert bound_cue(text) == ("start" if _START_CUE.search(tail) else "end" if _END_CUE.search(tail) else None)


