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
