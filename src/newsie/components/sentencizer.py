"""`newsie_sentencizer`: spaCy's rule-based sentencizer, reading the Doc as one array.

spaCy's `Sentencizer` makes a `Token` object for every token of every Doc to read its
text and punctuation flag; this subclass reads both for all tokens at once with
``Doc.to_array`` and compares string hashes. Boundaries, settings and serialization are
spaCy's own.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import IS_PUNCT, ORTH
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string  # type: ignore[attr-defined]  # not in its stub
from spacy.tokens import Doc


class ArraySentencizer(Sentencizer):
    """`spacy.pipeline.Sentencizer` with the same boundaries, found from token arrays."""

    _punct_key: tuple[int, int] | None = None
    _punct_ids: frozenset[int] = frozenset()

    def _ids(self) -> frozenset[int]:
        """Hashes of the punctuation characters (recomputed when the set is replaced or resized)."""
        chars = self.punct_chars
        key = (id(chars), len(chars))
        if key != self._punct_key:
            self._punct_ids = frozenset(hash_string(c) for c in chars)
            self._punct_key = key
        return self._punct_ids

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        """Sentence starts of each Doc, as `Sentencizer.predict` gives them."""
        punct_ids = self._ids()
        guesses = []
        for doc in docs:
            n = len(doc)
            doc_guesses = [False] * n
            if n:
                start = 0
                seen_period = False
                doc_guesses[0] = True
                for i, (orth, is_punct) in enumerate(doc.to_array([ORTH, IS_PUNCT]).tolist()):
                    is_in_punct_chars = orth in punct_ids
                    if seen_period and not is_punct and not is_in_punct_chars:
                        doc_guesses[start] = True
                        start = i
                        seen_period = False
                    elif is_in_punct_chars:
                        seen_period = True
                doc_guesses[start] = True
            guesses.append(doc_guesses)
        return guesses
