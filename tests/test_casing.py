"""Tests of `newsie.casing`."""
from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.casing import _FOLDS, lowered_like_ignorecase


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ İıſ5-é’\u212a\u1e9e"), max_size=12))
def test_fold_check_is_the_disjointness_of_the_folding_letters(text) -> None:
    """The check answers what length equality and a disjointness test with the folding letters answer."""
    low = text.lower()
    assert lowered_like_ignorecase(text, low) == (len(low) == len(text) and _FOLDS.isdisjoint(text))
