"""The fields-of-work lexicon's phrase matching: normalized words and longest-match phrases.

`words_of` splits a text into the normalized words the lexicon's phrases are written in
(lowercase, accents stripped, split at every non-word character); `_PhraseMatcher` finds
the lexicon's phrases in them, longest first; `add_hits` sums what the phrases found add
to each field. `newsie.fields` builds these from the lexicon file; this module holds no
data model, so the wheel compiles it (`hatch_build.py`).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from itertools import chain, compress
from operator import itemgetter
from typing import Any, Final, Union

from mypy_extensions import mypyc_attr

from .casing import lower

# UTF-8 bytes: ASCII characters outside \w become spaces (bytes of other characters are
# never ASCII, so they pass unchanged); and the ASCII bytes, to delete.
_ASCII_WORD: Final = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_SPACED: Final = bytes(b if b in _ASCII_WORD or b >= 0x80 else 0x20 for b in range(256))
_ASCII: Final = bytes(range(0x80))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _unicode(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


def _split_words(text: str) -> list[str]:
    r"""`words_of` computed on the whole text (C passes only).

    The ASCII punctuation becomes spaces in one ``bytes.translate`` over the UTF-8 bytes,
    and each distinct non-ASCII character that is no word character (nor white space,
    left to ``split``) in one ``str.replace``: a fraction of a regex substitution, which
    tests every character's class.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'"))
        if not text.isascii():
            for mark in set(_unicode(_utf8(text).translate(None, _ASCII))):
                if unicodedata.combining(mark):
                    text = text.replace(mark, "")
    text = text.lower() if text.isascii() else lower(text)  # (final sigma: see `newsie.casing.lower`)
    data = _utf8(text)
    spaced = _unicode(data.translate(_SPACED))
    if not text.isascii():
        for c in set(_unicode(data.translate(None, _ASCII))):
            # A character outside \w is neither alphanumeric nor "_" (re's own test).
            if not (c.isalnum() or c.isspace()):
                spaced = spaced.replace(c, " ")
    return spaced.split()


_ASCII_WORD_CHARS: Final = frozenset(_ASCII_WORD.decode("ascii"))
_FORMS_MAX = 20_000
_forms: dict[str, Union[str, None]] = {}  # a non-ASCII character -> its ASCII form (None: it has none); bounded


def char_form(c: str) -> str:
    """What `_split_words` makes of the character `c` before it splits: NFKD, combining
    marks dropped, lowercased, and each non-word character (``[^\\w]``) a space."""
    t = unicodedata.normalize("NFKD", c.replace("\u2019", "'").replace("\u2018", "'"))
    t = lower("".join(m for m in t if not unicodedata.combining(m)))
    return "".join(
        ch if (ch in _ASCII_WORD_CHARS if ch.isascii() else ch.isalnum() or ch.isspace()) else " " for ch in t
    )


def _ascii_forms(text: str) -> str | None:
    """`text` with each non-ASCII character replaced by its `char_form`, when every one of
    those is ASCII (None otherwise); then `_split_words` of it is `_split_words(text)`.

    Each step of `_split_words` is character by character on such a text: NFKD reorders
    only combining marks, which are all dropped, and lowercasing depends on context only
    for a capital sigma, whose form is not ASCII. A few C passes over the text, and a memo
    look-up and a ``str.replace`` per distinct non-ASCII character (a lede has one or two:
    a dash, a quote, an accented letter).
    """
    forms = _forms
    for c in set(_unicode(_utf8(text).translate(None, _ASCII))):
        if c in forms:
            form = forms[c]
        else:
            if len(forms) >= _FORMS_MAX:
                forms.clear()  # bounded: memory stays flat over any stream
            form = char_form(c)
            forms[c] = form = form if form.isascii() else None
        if form is None:
            return None
        text = text.replace(c, form)
    return text


_CHUNK_MEMO_MAX = 100_000
_chunk_words: dict[str, list[str]] = {}  # a whitespace-free chunk -> its words (bounded)
def words_of(text: str) -> list[str]:
    r"""The normalized words of `text`: what `normalize` joins with single spaces.

    Lowercased, accents stripped, split at every run of non-word characters (``[^\w]``,
    as in `re`). Every step is character by character (NFKD, dropping combining marks,
    the non-word characters) but lowercasing a capital sigma, whose context white space
    ends, as it ends a word; so a text outside ASCII is split at its white space and each
    chunk's words come from a memo (bounded): passes over a text of wide characters cost
    several times more than over ASCII, and most chunks of unseen text were seen before.
    """
    if text.isascii():
        return _split_words(text)
    ascii_text = _ascii_forms(text)
    if ascii_text is not None:
        return _split_words(ascii_text)
    chunks = text.split()
    memo = _chunk_words
    try:
        return list(chain.from_iterable(map(memo.__getitem__, chunks)))
    except KeyError:  # chunks not seen before: their words now
        new = set(chunks).difference(memo)
        if len(memo) + len(new) > _CHUNK_MEMO_MAX:
            memo.clear()  # bounded: memory stays flat over any stream
            new = set(chunks)
        _learn_chunks(new, memo)
        return list(chain.from_iterable(map(memo.__getitem__, chunks)))


# `_SPACED` keeping the line feed: ASCII chunks joined by line feeds are split in one pass.
_SPACED_LINES: Final = _SPACED[:10] + b"\n" + _SPACED[11:]


def _learn_chunks(new: set[str], memo: dict[str, list[str]]) -> None:
    """The words of each chunk of `new` into `memo`: the ASCII chunks (most) in one pass
    over their lowercased UTF-8 joined by line feeds (each line one chunk's words),
    the others one by one."""
    plain = [c for c in new if c.isascii()]
    if plain:
        lines = _unicode(_utf8("\n".join(plain).lower()).translate(_SPACED_LINES)).split("\n")
        memo.update(zip(plain, map(str.split, lines)))
    if len(plain) < len(new):
        for c in new.difference(plain):
            memo[c] = _split_words(c)


def normalize(text: str) -> str:
    """Lowercase, strip accents and turn every run of non-word characters into one space."""
    return " ".join(words_of(text))


def _tokens(phrase: str) -> tuple[str, ...]:
    """Tokens of a lexicon phrase; a trailing ``*`` (prefix) and a lone ``#`` (number) survive."""
    out = []
    for raw in phrase.split():
        if raw == "#":
            out.append("#")
            continue
        star = raw.endswith("*")
        words = normalize(raw.rstrip("*")).split()
        if star and words:
            words[-1] += "*"
        out.extend(words)
    return tuple(out)


# ---------------------------------------------------------------------------- matcher


_KEY: Final = 3  # wildcard patterns are indexed by the first letters of their first word
_MEMO_MAX = 100_000


def _token_ok(tok: str, word: str) -> bool:
    if tok == "#":
        return word.isdigit()
    if tok.endswith("*"):
        return word.startswith(tok[:-1])
    return tok == word


# compiled (hatch_build.py), it pickles; mypyc runs __init__ of a serializable class only with the first flag
@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)
class _Pattern:
    """A compiled phrase: its tokens and the (field index, weight) pairs it adds (one object
    per distinct phrase, so identity is equality: cheap to hash)."""

    __slots__ = ("fields", "hits", "tokens")

    def __init__(self, tokens: tuple[str, ...], hits: tuple[tuple[int, float], ...]) -> None:
        self.tokens = tokens
        self.hits = hits
        self.fields: tuple[int, ...] = tuple(idx for idx, _ in hits)  # the field indices of `hits`

    def __repr__(self) -> str:
        return f"_Pattern({self.tokens!r}, {self.hits!r})"

    def matches(self, words: list[str], start: int) -> bool:
        end = start + len(self.tokens)
        if end > len(words):
            return False
        # The first token was checked by the index look-up.
        return all(_token_ok(tok, word) for tok, word in zip(self.tokens[1:], words[start + 1 : end]))


# compiled (hatch_build.py), it pickles; mypyc runs __init__ of a serializable class only with the first flag
@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)
class _Candidate:
    """A pattern as the matcher tries it: its length and, when no later token is a
    wildcard, the later tokens to compare as one list."""

    __slots__ = ("checks", "n", "pattern", "plain")

    def __init__(self, pattern: _Pattern) -> None:
        self.pattern = pattern
        self.n = len(pattern.tokens)
        rest = list(pattern.tokens[1:])
        self.plain = rest if not any(t == "#" or t.endswith("*") for t in rest) else None
        # The later tokens as (kind, text): 0 the word itself, 1 a prefix, 2 any number.
        self.checks = tuple((2, "") if t == "#" else (1, t[:-1]) if t.endswith("*") else (0, t) for t in rest)

    def matches(self, words: list[str], start: int) -> bool:
        """`_Pattern.matches` with the token tests inlined (the first token is known to match)."""
        if start + self.n > len(words):
            return False
        for (kind, text), word in zip(self.checks, words[start + 1 : start + self.n]):
            if kind == 0:
                if word != text:
                    return False
            elif kind == 1:
                if not word.startswith(text):
                    return False
            elif not word.isdigit():
                return False
        return True


# A word's candidates as the matcher tries them: (True, patterns) when every one is a
# single word (all of them match, one word long), else (False, candidates longest first).
_Group = tuple[bool, tuple[Any, ...]]
# A word's entry: its groups by the word that follows (None when no plain phrase of two
# or more words starts with it), and the group for any other next word.
_Entry = tuple[Union[dict[str, _Group], None], bool, tuple[Any, ...]]


def _longest_first(cand: _Candidate) -> int:
    return -cand.n


def _group(cands: tuple[_Candidate, ...]) -> _Group:
    if all(c.n == 1 for c in cands):
        return True, tuple(c.pattern for c in cands)
    return False, cands


# compiled (hatch_build.py), it pickles; mypyc runs __init__ of a serializable class only with the first flag
@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)
class _PhraseMatcher:
    """Longest-match, left-to-right phrase matching over normalized tokens."""

    def __init__(self, patterns: Iterable[_Pattern]) -> None:
        self.exact: dict[str, list[_Pattern]] = {}
        self.prefix: dict[str, list[_Pattern]] = {}
        self.number: list[_Pattern] = []
        self._memo: dict[str, _Entry | None] = {}
        self._cands: dict[_Pattern, _Candidate] = {}  # one per pattern, made once
        for pat in patterns:
            self._cands[pat] = _Candidate(pat)
            first = pat.tokens[0]
            if first == "#":
                self.number.append(pat)
            elif first.endswith("*"):
                self.prefix.setdefault(first[:-1][:_KEY], []).append(pat)
            else:
                self.exact.setdefault(first, []).append(pat)
        self._exact_words = frozenset(self.exact)
        self._key_lens = tuple(sorted({len(k) for k in self.prefix}))
        # The entries of the lexicon's own first words, made once (the memo starts from them).
        self._fixed: dict[str, _Entry | None] = {w: self._entry(w) for w in self.exact}
        self._memo.update(self._fixed)

    def _candidates(self, word: str) -> tuple[_Candidate, ...]:
        """Patterns whose first token accepts `word`, longest first (``()`` for most words)."""
        # A stable sort: patterns of one length keep their order, so do their hits.
        return tuple(sorted(map(self._cands.__getitem__, self._first_accepting(word)), key=_longest_first))

    def _entry(self, word: str) -> _Entry | None:
        """The candidates of `word` by the word that follows it (None when there are none).

        A plain phrase of two or more words can only match when the next word is its
        second: for each such second word, the candidates that can match before it (in
        their order); for any other next word, the rest (single words and phrases whose
        second token is a wildcard), in their order.
        """
        cands = self._candidates(word)
        if not cands:
            return None
        rest = tuple(c for c in cands if c.plain is None or c.n == 1)
        seconds = {c.plain[0] for c in cands if c.plain is not None and c.n > 1}
        by_next = {
            second: _group(tuple(c for c in cands if c.plain is None or c.n == 1 or c.plain[0] == second))
            for second in seconds
        }
        simple, items = _group(rest)
        return by_next or None, simple, items

    def _first_accepting(self, word: str) -> list[_Pattern]:
        found = list(self.exact.get(word, ()))
        for n in range(1, _KEY + 1):
            for pat in self.prefix.get(word[:n], ()):
                if len(pat.tokens[0]) - 1 >= n and word.startswith(pat.tokens[0][:-1]):
                    found.append(pat)
        if word.isdigit():
            found.extend(self.number)
        return found

    def _learn(self, new: set[str], words: list[str]) -> None:
        """Enter the words of `words` the memo has not seen (`new`: none is a first word of
        the lexicon, whose entries the memo always holds). Most start no pattern: only
        those a prefix's first letters or a number could accept get their entry built."""
        memo = self._memo
        if len(memo) + len(new) > _MEMO_MAX:
            memo.clear()  # bounded: memory stays flat over any stream
            memo.update(self._fixed)
            new = set(words).difference(memo)  # every word of the text is looked up again
        maybe: set[str] = set()
        if self._key_lens or self.number:
            prefix, lens, number = self.prefix, self._key_lens, bool(self.number)
            for w in new:
                if number and w.isdigit():
                    maybe.add(w)
                    continue
                for n in lens:
                    if w[:n] in prefix:
                        maybe.add(w)
                        break
        memo.update(dict.fromkeys(new))
        for w in maybe:
            memo[w] = self._entry(w)

    def find(self, text: str) -> list[_Pattern]:
        """Every pattern found in `text`, left to right without overlaps.

        At each position the longest matching patterns win; patterns of that same length
        all apply (so "hate crime*" and "hate crimes" listed under two fields both count).
        """
        return self.find_words(words_of(text))

    def find_words(self, words: list[str]) -> list[_Pattern]:
        """`find` on a text's normalized words (`words_of`)."""
        memo = self._memo
        n_words = len(words)
        if not n_words:
            return []
        # One look-up per word (`itemgetter`: a C loop with no call per word; of one item
        # it gives the item, not a tuple); words never seen get their entry now.
        try:
            entries: tuple[_Entry | None, ...] = itemgetter(*words)(memo) if n_words > 1 else (memo[words[0]],)
        except KeyError:
            self._learn(set(words).difference(memo), words)
            entries = itemgetter(*words)(memo) if n_words > 1 else (memo[words[0]],)
        found: list[_Pattern] = []
        free = 0  # the first word not inside a phrase already found
        last = n_words - 1
        # Only words that start some pattern are tried (a C scan picks them): a word
        # without candidates moves on by one word, as a failed try does.
        for i in compress(range(n_words), entries):
            if i < free:
                continue
            by_next, simple, items = entries[i]  # type: ignore[misc]  # compress kept the words with candidates
            if by_next is not None and i < last:
                group = by_next.get(words[i + 1])
                if group is not None:
                    simple, items = group
            if simple:
                # Single words only: all of them match, one word long.
                if items:
                    found.extend(items)
                    free = i + 1
                continue
            size = 0
            for cand in items:
                n = cand.n
                if n < size:
                    break  # longest first: the rest are shorter than what matched
                if i + n > n_words:
                    continue
                plain = cand.plain
                if plain is not None:
                    if n > 1 and words[i + 1 : i + n] != plain:
                        continue
                elif not cand.matches(words, i):
                    continue
                size = n
                found.append(cand.pattern)
            free = i + size
        return found


def add_hits(found: list[_Pattern], factor: float, totals: list[float], touched: set[int]) -> None:
    """Add each distinct pattern of `found` to `totals` (its weights times `factor`, by
    field index) and its fields to `touched`."""
    for pat in dict.fromkeys(found):
        for idx, weight in pat.hits:
            totals[idx] += weight * factor
        touched.update(pat.fields)
