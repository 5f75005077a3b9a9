"""The normalized words (`newsie.fields.words_of`) of a stretch of a Doc, from its tokens.

`words_of` splits a text into new strings on every call. A Doc's tokens are already
split: each token's own words come from a memo keyed by the token's ORTH id (bounded),
and a stretch of tokens gives the concatenation of its tokens' words, with no new
string and no pass over the characters.

That concatenation is ``words_of`` of the stretch's text because normalization is
character by character (NFKD, combining marks dropped, lowercasing, non-word characters
as spaces) and ``split`` starts a word at white space: it differs only where two tokens
touch (no white space between them) and the first ends, the second starts with a word
character (spaCy splits "don't" and "10km" inside a run of word characters), and where
lowercasing or dropping depends on the neighbours (a capital sigma; a token of combining
marks only). Each token's code says which of these it can take part in; one integer
operation over the stretch's codes finds such a place, and the stretch's text is then
split as before.
"""
from __future__ import annotations

import unicodedata
from itertools import chain

from .fields import words_of
from .tokens import Cols

_MEMO_MAX = 200_000
_STARTS, _ENDS, _UNSAFE = 1, 2, 8  # a token's code: its normalized form starts / ends with a word character; unsafe
_words: dict[int, list[str]] = {}  # ORTH -> the token's words (bounded)
_codes: dict[int, int] = {}  # ORTH -> the token's code (bounded, the same keys)


def token_code(text: str) -> int:
    """The code of a token: `_UNSAFE` when its words may depend on its neighbours (a
    capital sigma after NFKD, or nothing left once combining marks are dropped), else
    `_STARTS` and `_ENDS` as its normalized text starts and ends with a word character."""
    decomposed = unicodedata.normalize("NFKD", text)
    if "\u03a3" in decomposed:
        return _UNSAFE
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not kept:
        return _UNSAFE
    words = words_of(text)
    if not words:
        return 0
    # The first and last characters decide: a word character keeps its words at that end.
    code = 0
    if words_of(kept[0]):
        code |= _STARTS
    if words_of(kept[-1]):
        code |= _ENDS
    return code


def _learn(orths: list[int], texts: list[str]) -> None:
    if len(_words) + len(orths) > _MEMO_MAX:
        _words.clear()  # bounded: memory stays flat over any stream
        _codes.clear()
    for orth, text in zip(orths, texts):
        if orth not in _words:
            _words[orth] = words_of(text)
            _codes[orth] = token_code(text)


def stretch_words(columns: Cols, start: int, end: int) -> list[str] | None:
    """The normalized words of the tokens ``start:end`` (`newsie.tokens.cols`), as
    ``words_of`` gives them for the text from the first token's start to the last one's
    end; None when two of the tokens could run together or one is unsafe (then split
    the text itself)."""
    if start >= end:
        return []
    orths = columns.orths[start:end]
    try:
        code = bytes(map(_codes.__getitem__, orths))
    except KeyError:
        _learn(orths, columns.texts[start:end])
        code = bytes(map(_codes.__getitem__, orths))
    if _UNSAFE in code:
        return None
    # Big-endian, one byte per token: bit 1 of a token is "ends with a word character and
    # no white space follows"; shifted by nine, the next token's bit 0 ("starts with a
    # word character") lands on it.
    c = int.from_bytes(code, "big")
    touching = c & ~(int.from_bytes(bytes(columns.spaces[start:end]), "big") << 1)
    if touching & (c << 9):
        return None
    return list(chain.from_iterable(map(_words.__getitem__, orths)))
