"""The normalized words (`newsie.fields.words_of`) of a stretch of a Doc, from its tokens.

`words_of` splits a text into new strings on every call. A Doc's tokens are already
split: each token's own words come from a memo keyed by the token's text (bounded; the
token columns hold the vocabulary's own strings, whose hashes are cached: a look-up by
ORTH id, a large integer, hashes and compares it anew),
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
# A token's code: its normalized form starts / ends with a word character; it has two
# words or more; it is unsafe (the code is then that alone). Bits chosen so that a code
# shifted by one bit meets another code only at _ENDS (see `stretch_words`).
_STARTS, _ENDS, _MULTI, _UNSAFE = 1, 2, 16, 64
_NOT_MULTI = bytes(v for v in range(256) if not v & _MULTI)
_words: dict[str, list[str]] = {}  # a token's text -> its words (bounded)
_one: dict[str, str] = {}  # a token's text -> its word, "" for none (or for two or more words)
_codes: dict[str, int] = {}  # a token's text -> its code (bounded, the same keys)


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
    code = _MULTI if len(words) > 1 else 0
    if words_of(kept[0]):
        code |= _STARTS
    if words_of(kept[-1]):
        code |= _ENDS
    return code


def _learn(texts: list[str]) -> None:
    if len(_words) + len(texts) > _MEMO_MAX:
        _words.clear()  # bounded: memory stays flat over any stream
        _one.clear()
        _codes.clear()
    for text in texts:
        if text not in _words:
            words = _words[text] = words_of(text)
            _one[text] = words[0] if len(words) == 1 else ""
            _codes[text] = token_code(text)


def stretch_words(columns: Cols, start: int, end: int) -> list[str] | None:
    """The normalized words of the tokens ``start:end`` (`newsie.tokens.cols`), as
    ``words_of`` gives them for the text from the first token's start to the last one's
    end; None when two of the tokens could run together or one is unsafe (then split
    the text itself)."""
    if start >= end:
        return []
    texts = columns.texts[start:end]
    try:
        # a list first: ``bytes`` of a list is a C loop, of an iterator a slower one
        code = bytes(list(map(_codes.__getitem__, texts)))
    except KeyError:
        _learn(texts)
        code = bytes(list(map(_codes.__getitem__, texts)))
    if _UNSAFE in code:
        return None
    # Big-endian, one byte per token: bit 1 of a token is "ends with a word character and
    # no white space follows"; shifted by nine, the next token's bit 0 ("starts with a
    # word character") lands on it.
    c = int.from_bytes(code, "big")
    touching = c & ~(int.from_bytes(bytes(columns.spaces[start:end]), "big") << 1)
    if touching & (c << 9):
        return None
    if code.translate(None, _NOT_MULTI):  # a token of two words or more ("U.S.", "2,000")
        return list(chain.from_iterable(map(_words.__getitem__, texts)))
    return list(filter(None, map(_one.__getitem__, texts)))  # no iterator per token
