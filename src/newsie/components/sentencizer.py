"""`newsie_sentencizer`: spaCy's rule-based sentencizer, reading the Doc as one array.

spaCy's `Sentencizer` makes a `Token` object for every token of every Doc to read its
text and punctuation flag; this subclass reads the tokens' ids, offsets and flags at once
with ``Doc.to_array`` and finds the starts from where the text holds one of
`punct_chars` (substring searches, a regex only for unusual `punct_chars`). Boundaries, settings
and serialization are spaCy's own. In a pipeline it reads the Doc's token columns (`newsie.tokens.Cols`) and
caches them on the Doc once the boundaries are set: later components read no array again.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any, AnyStr

from numpy import count_nonzero
from spacy.attrs import IDX, IS_PUNCT, ORTH, SENT_START
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string  # type: ignore[attr-defined]  # not in its stub
from spacy.tokens import Doc

from ..payloads import meta_of
from ..tokens import ATTRS, Cols, seed

_STARTS = ATTRS.index(SENT_START)


class ArraySentencizer(Sentencizer):
    """`spacy.pipeline.Sentencizer` with the same boundaries, found from token arrays.

    With ``paragraphs`` (newsie's pipeline sets it), a blank line in a release's body also
    ends a sentence: a heading, a list item or a paragraph without a final full stop is
    not run into the next paragraph. Off, the boundaries are spaCy's own.
    """

    def __init__(self, name: str = "sentencizer", *, paragraphs: bool = False, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.paragraphs = paragraphs

    _punct_key: tuple[int, int] | None = None
    _punct_ids: frozenset[int] = frozenset()
    _finder_key: tuple[int, int] | None = None
    _punct_finder: re.Pattern[str] | None = None
    _ascii_punct: tuple[str, ...] = ()
    _wide_punct: frozenset[str] | None = None

    def _ids(self) -> frozenset[int]:
        """Hashes of the punctuation characters (recomputed when the set is replaced or resized)."""
        chars = self.punct_chars
        key = (id(chars), len(chars))
        if key != self._punct_key:
            self._punct_ids = frozenset(hash_string(c) for c in chars)
            self._punct_key = key
        return self._punct_ids

    def __call__(self, doc: Doc) -> Doc:
        """Set the sentence starts of one Doc (as `Sentencizer.__call__`) and cache its token columns."""
        error_handler = self.get_error_handler()
        try:
            self._annotate(doc)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc

    def _annotate(self, doc: Doc) -> None:
        if not len(doc):
            self.set_annotations([doc], [[]])
            return
        arr = doc.to_array(ATTRS)
        # Where every token had no boundary yet (spaCy marks the first token of a Doc a
        # start) or `overwrite` is on, the boundaries become the guesses; else read them.
        fresh = self.overwrite or (arr[0, _STARTS] in (0, 1) and not count_nonzero(arr[1:, _STARTS]))
        c = Cols(doc, arr, starts=[] if fresh else None)
        guesses = self._text_starts(c.doc_text, c.idxs, c.orths, c.is_punct)
        if self.paragraphs:
            _paragraph_starts(c.doc_text, c.idxs, guesses, meta_of(doc).body_start)
        self.set_annotations([doc], [guesses])
        c.set_starts(guesses if fresh else (doc.to_array(SENT_START) == 1).tolist())
        seed(doc, c)

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        """Sentence starts of each Doc, as `Sentencizer.predict` gives them."""
        guesses = []
        for doc in docs:
            if len(doc):
                orths, is_punct, idxs = doc.to_array([ORTH, IS_PUNCT, IDX]).T.tolist()
                found = self._text_starts(doc.text, idxs, orths, is_punct)
                if self.paragraphs:
                    _paragraph_starts(doc.text, idxs, found, meta_of(doc).body_start)
                guesses.append(found)
            else:
                guesses.append([])
        return guesses

    def _finder(self) -> re.Pattern[str] | None:
        """A regex matching at every offset where one of `punct_chars` starts (None: there is none)."""
        self._ids()  # the same key: a new or resized set of characters
        if self._finder_key != self._punct_key:
            chars = sorted({c for c in self.punct_chars if c}, key=len, reverse=True)
            if not chars:
                self._punct_finder = None
            elif all(len(c) == 1 for c in chars):
                # `re` tests a class holding characters beyond U+FFFF literal by literal
                # (~10x slower per character of text): those are matched as one range here,
                # and a match that is none of `punct_chars` is skipped by `_text_starts`
                # (no token there is one of them).
                bmp = [c for c in chars if ord(c) <= 0xFFFF]
                astral = "\U00010000-\U0010ffff" if len(bmp) < len(chars) else ""
                self._punct_finder = re.compile("[" + "".join(map(re.escape, bmp)) + astral + "]")
            else:
                self._punct_finder = re.compile("(?=" + "|".join(map(re.escape, chars)) + ")")
            # the only ones an ASCII text can hold; the others, when each is one character
            self._ascii_punct = tuple(c for c in chars if c.isascii())
            wide = frozenset(c for c in chars if not c.isascii())
            self._wide_punct = wide if all(len(c) == 1 for c in wide) else None
            self._finder_key = self._punct_key
        return self._punct_finder

    def _offsets(self, text: str, finder: re.Pattern[str]) -> list[int]:
        """Offsets in order where one of `punct_chars` starts (and perhaps others, which
        `_text_starts` skips: no token there is one of them).

        A substring search in C for each ASCII member (a few hits each) costs far less
        than testing a character class at every character. Most texts are ASCII (a flag
        of the str, no scan), where no other member can occur; in another, each character
        beyond ASCII is a "?" of its ASCII encoding (one byte per character, so offsets
        hold) and is tested by itself.
        """
        wide = self._wide_punct
        found: list[int] = []
        if text.isascii():
            for c in self._ascii_punct:
                _occurrences(text, c, found)
        elif wide is None:
            return [m.start() for m in finder.finditer(text)]
        else:
            data = text.encode("ascii", "replace")
            for c in self._ascii_punct:
                _occurrences(data, c.encode("ascii"), found)
            at = data.find(b"?")
            while at >= 0:
                if text[at] in wide:
                    found.append(at)
                at = data.find(b"?", at + 1)
        return found if len(found) < 2 else sorted(set(found))

    def _text_starts(self, text: str, idxs: list[int], orths: list[int], is_punct: list[bool]) -> list[bool]:
        """Sentence starts of a non-empty Doc (those spaCy's `Sentencizer.predict` gives), found from its text.

        A token that is one of `punct_chars` starts where the text holds that string: those
        offsets (few in a release, `_offsets`) and a bisection on the token offsets give
        the token there. After each such token the first token that is neither
        punctuation nor one of `punct_chars` starts a sentence, as in spaCy's loop.
        """
        n = len(orths)
        guesses = [False] * n
        guesses[0] = True
        finder = self._finder()
        if finder is None:
            return guesses
        punct_ids = self._punct_ids
        taken = 0  # tokens before this one were read by an earlier step
        for at in self._offsets(text, finder):
            k = bisect_left(idxs, at)
            if k < taken or k >= n or idxs[k] != at or orths[k] not in punct_ids:
                continue
            j = k + 1
            while j < n and (is_punct[j] or orths[j] in punct_ids):
                j += 1
            if j < n:
                guesses[j] = True
            taken = j
        return guesses


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _paragraph_starts(text: str, idxs: list[int], guesses: list[bool], body_start: int) -> None:
    """Mark a sentence start at each blank line of the text from `body_start` on: the
    whitespace token holding it starts the next sentence, as the one after a full stop
    does in spaCy's sentencizer. Leading blank lines of the body are passed over."""
    at = text.find("\n", body_start)
    if at < 0:
        return
    body = len(text) - len(text[body_start:].lstrip())
    n = len(idxs)
    for m in _BLANK_LINE.finditer(text, max(at, body)):
        k = bisect_right(idxs, m.start()) - 1
        if 0 < k < n:
            guesses[k] = True


def _occurrences(data: AnyStr, needle: AnyStr, found: list[int]) -> None:
    """Append every offset where `needle` starts in `data` (overlapping ones too)."""
    at = data.find(needle)
    while at >= 0:
        found.append(at)
        at = data.find(needle, at + 1)
