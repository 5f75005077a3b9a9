r"""Where in a Doc a date can begin, read from its words: one memo look-up per token.

A date begins at a digit or at a word of `HEAD_WORDS` ("from", "May", "today", ...),
after a character outside ``[\w-]``. Each word's own characters tell where inside it
that can happen; the regex that classifies starts then runs only there, instead of
being tried after every space of the text.
"""
from __future__ import annotations

import re
from typing import Final

from .grammar import HEAD_PREFIXES, HEAD_WORDS

_WORDISH: Final = re.compile(r"[\w-]")
_RUN: Final = re.compile(r"\w*")
_NONE: Final[tuple[int, ...]] = ()
_FIRST: Final = (0,)
_JOINED: Final = (-1,)
MEMO_LIMIT: Final = 200_000  # words remembered (then forgotten all at once)


def word_starts(word: str) -> tuple[int, ...]:
    r"""The offsets in `word` (a token's text) where a date can begin, whatever surrounds
    the word: its first character if the date may begin there, given what precedes it in
    the text (checked there), and any later one after a character outside ``[\w-]``.

    A superset. Offset k is there if a digit is there, or a run of ``\w`` that is a start
    word (`HEAD_WORDS`); a run that ends the word and only begins a start word ("to" of
    "today") could go on into a next token written without a space between: it is given
    as ``-1 - k``, a start only where the word is followed by no space.
    """
    low = word.lower()
    if len(low) != len(word):
        return tuple(range(len(word)))
    if word.isalnum() and low.isalnum():  # one run of \w: its first character only
        if low[0].isdecimal() or low in HEAD_WORDS:
            return _FIRST
        return _JOINED if low in HEAD_PREFIXES else _NONE
    out = []
    for k in range(len(word)):
        if k and _WORDISH.match(word, k - 1) and _WORDISH.match(low, k - 1):
            continue
        if low[k].isdecimal():
            out.append(k)
            continue
        run = _RUN.match(low, k)[0]  # type: ignore[index]
        if run in HEAD_WORDS:
            out.append(k)
        elif run in HEAD_PREFIXES and k + len(run) == len(low):
            out.append(-1 - k)
    return tuple(out)


# Every word seen, and those with starts (with `word_starts`), bounded.
_KNOWN: Final[set[str]] = set()
_STARTS: Final[dict[str, tuple[int, ...]]] = {}


def _learn(words: list[str]) -> None:
    if len(_KNOWN) > MEMO_LIMIT:
        _KNOWN.clear()
        _STARTS.clear()
    new = set(words).difference(_KNOWN)
    _KNOWN.update(new)
    # A word of letters only holds a start only if, lowercased, it begins a start word.
    for word in [w for w in new if not w.isalpha() or w.lower() in HEAD_PREFIXES]:
        found = word_starts(word)
        if found:
            _STARTS[word] = found


def date_starts(texts: list[str], idxs: list[int], spaces: list[bool]) -> list[int]:
    r"""The positions in order, in a text made of these tokens (`texts` at offsets `idxs`,
    each followed by a space where `spaces` says so), that include every one where a date
    can begin."""
    if not _KNOWN.issuperset(texts):
        _learn(texts)
    starts = _STARTS
    out = []
    for i, word in enumerate(texts):
        if word in starts:
            at = idxs[i]
            for k in starts[word]:
                if k >= 0:
                    out.append(at + k)
                elif not spaces[i]:
                    out.append(at - 1 - k)
    return out
