"""The fast surrogate check of `newsie.sanitize.clean_text`."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsie.sanitize import _SURROGATE, REPLACEMENT, clean_text


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()), max_size=40))
def test_clean_text_equals_the_surrogate_regex(text: str) -> None:
    """The fast surrogate check replaces exactly what the regex replaces."""
    assert clean_text(text) == _SURROGATE.subn(REPLACEMENT, text)
    assert re.search("[\ud800-\udfff]", clean_text(text)[0]) is None
