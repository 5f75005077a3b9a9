"""Tests of the date cues gazetteer (`newsie.kb.date_cues`)."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from newsie.kb.date_cues import DateCues, date_cues, forward_regex


def test_packaged_cues_load_and_match_whole_words() -> None:
    """The packaged file validates; a cue matches as a word, not inside one."""
    cues = date_cues()
    assert "upcoming" in cues.forward_cues
    rx = forward_regex(cues)
    assert rx.search("the upcoming 5 may elections")
    assert not rx.search("the willow tree")


def test_unknown_keys_are_rejected() -> None:
    """A misspelt key is an error, not silently ignored."""
    with pytest.raises(ValidationError):
        DateCues.model_validate({"forward_cue": ["will"]})


@pytest.mark.parametrize(
    ("observances", "message"),
    [
        ({"International Roma Day": "04-31"}, "is no month and day"),
        ({"International Roma Day": "April 8"}, "is no month and day"),
        ({"Roma Holocaust Memorial": "08-02"}, "with the word 'Day'"),
    ],
)
def test_an_observance_needs_a_day_of_the_year_and_a_name_with_day(observances, message) -> None:
    """A named day's date is a real month and day as MM-DD, and its name holds the word "Day" (how the text is searched)."""
    with pytest.raises(ValidationError, match=message):
        DateCues.model_validate({"observances": observances})
    assert DateCues.model_validate({"observances": {"Leap Day": "02-29"}}).observances == {"Leap Day": "02-29"}
