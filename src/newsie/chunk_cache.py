"""Keeping spaCy's tokenizer cache filled with the words of a press archive.

spaCy's `Tokenizer` caches the tokens of each whitespace-delimited chunk it splits with
its prefix, suffix and infix regexes, but once a special case ("'s", "Mr.", "a.m.") has
been used in a Doc, no later chunk of that Doc is cached (spaCy issue #1250 guards the
tokens a special case makes; the flag is kept for the rest of the Doc). In releases a
special case comes early, so most chunks went through the regexes in every Doc, again
and again: about two thirds of the tokenizer's cost on a lede.

`ChunkPrimer` tokenizes the chunks a Doc has that it has not seen before, joined in Docs
of their own with the special-case chunks left out, so that spaCy caches each of them
exactly as it caches a chunk met before any special case. Tokens are spaCy's own either
way (the cache holds what the regexes gave); only the number of regex runs changes.
"""
from __future__ import annotations

import threading
from typing import Any

from spacy.attrs import IDX, LENGTH

# Characters found in spaCy's special cases ("'s", "Mr.", ":)") but in few other words:
# chunks holding them are primed last, so that one of them rarely spoils a priming Doc.
_SUSPECT = ("'", "’", ".", ":", ";", "(", ")", "=", "<", ">", "_", "^", "*", "@")


def _suspect(chunk: str, rules: Any) -> bool:
    return chunk in rules or any(c in chunk for c in _SUSPECT)


class ChunkPrimer:
    """Fills one spaCy `Tokenizer`'s cache with the chunks of the texts it is given.

    Bounded: spaCy caches nothing more once its cache holds ``max_cache_size`` chunks,
    so spaCy's cache is emptied when the primer starts and whenever the chunks it has
    seen reach three quarters of that (the rest leaves room for chunks other callers of
    the tokenizer add); then both start again.
    """

    __slots__ = ("_lock", "seen", "tokenizer")

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.seen: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, chunks: list[str], longest: int) -> bool:
        """Cache the tokens of every chunk (``text.split()``) not cached before, up to
        `longest` characters long; whether a longer chunk was found (none was primed then)."""
        if all(map(self.seen.__contains__, chunks)):
            return False  # the common case: nothing new, found at the cost of a look-up per chunk
        new = set(chunks).difference(self.seen)
        if any(len(c) > longest for c in new):
            return True  # seen chunks are never longer: nothing to prime for such a text
        with self._lock:
            tokenizer = self.tokenizer
            limit = tokenizer.max_cache_size * 3 // 4
            if not self.seen or len(self.seen) + len(new) > limit:
                tokenizer._flush_cache()
                self.seen.clear()
            rules = tokenizer.rules
            pending = sorted(new, key=lambda c: (_suspect(c, rules), c))[: max(limit, 1)]
            self.seen.update(pending)
            while pending:
                pending = self._prime(pending, rules)
        return False

    def _prime(self, chunks: list[str], rules: Any) -> list[str]:
        """Tokenize `chunks` in one Doc; the chunks after the first one that used a special
        case were not cached by spaCy: they are returned, to be primed again."""
        text = " ".join(chunks)
        doc = self.tokenizer(text)
        if not len(doc):
            return []
        spans = doc.to_array([IDX, LENGTH]).tolist()
        k = 0
        start = 0
        for j, chunk in enumerate(chunks):
            end = start + len(chunk)
            first = k
            while k < len(spans) and spans[k][0] < end:
                k += 1
            if _uses_special(text, spans[first:k], rules):
                return chunks[j + 1 :]
            start = end + 1
        return []


def _uses_special(text: str, spans: list[list[int]], rules: Any) -> bool:
    """Whether a run of these tokens (character offset, length) spells a special case.

    A special case's tokens spell its key (spaCy checks this), so a chunk in which one
    was applied has a run of tokens whose text is a key of the tokenizer's rules.
    """
    n = len(spans)
    for a in range(n):
        lo = spans[a][0]
        for b in range(a, n):
            if text[lo : spans[b][0] + spans[b][1]] in rules:
                return True
    return False


_PRIMERS: dict[int, ChunkPrimer] = {}
_LOCK = threading.Lock()


def primer(tokenizer: Any) -> ChunkPrimer | None:
    """The primer of `tokenizer`, or None when it is not a spaCy `Tokenizer` with a cache.

    Primers are kept by the tokenizer's id, holding it (so an id is not reused while
    cached); a few tokenizers are kept.
    """
    found = _PRIMERS.get(id(tokenizer))
    if found is not None and found.tokenizer is tokenizer:
        return found
    size = getattr(tokenizer, "max_cache_size", None)
    if not (callable(getattr(tokenizer, "_flush_cache", None)) and isinstance(size, int) and size >= 4):
        return None
    with _LOCK:
        if len(_PRIMERS) >= 8:
            _PRIMERS.clear()
        made = _PRIMERS[id(tokenizer)] = ChunkPrimer(tokenizer)
    return made
