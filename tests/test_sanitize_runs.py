"""Tests for the cheap checks of `newsie.sanitize` against the work they stand in for."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.sanitize import MAX_RUN, clean_text, has_long_run, has_surrogates


def _scan(text: str) -> bool:
    return any(len(word) > MAX_RUN for word in text.split())


# Runs near the limit, every kind of whitespace (a block may hold no plain space), non-ASCII text.
_PIECES = st.one_of(
    st.sampled_from([" ", "\n", "\t", "\u00a0", "\u2003", "\r\n", "  "]),
    st.builds(lambda c, k: c * k, st.sampled_from(["a", "=", "é", "–", "x"]), st.integers(1, MAX_RUN + 3)),
    st.sampled_from(["OSCE", "Vienna,", "2020", "–", "ﬁeld"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_long_run_check_matches_a_scan_of_the_words(pieces: list[str]) -> None:
    """On any text, the check says what a scan of every whitespace-separated word says."""
    text = "".join(pieces)
    assert has_long_run(text) == _scan(text)


def test_a_run_at_each_offset_is_found() -> None:
    """A run one over the limit is found wherever it starts, and one at the limit never is."""
    for start in range(0, 130):
        for length, found in ((MAX_RUN + 1, True), (MAX_RUN, False)):
            text = "a " * (start // 2) + " " * (start % 2) + "x" * length + " b" * 70
            assert has_long_run(text) is found, (start, length)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "é", "–", "\ud83d", "\ude00", "\U0001f600", "ж"]), max_size=12))
def test_surrogate_check_says_whether_cleaning_replaces_anything(text: str) -> None:
    """The check is true exactly when `clean_text` replaces at least one character."""
    assert has_surrogates(text) == (clean_text(text)[1] > 0)
