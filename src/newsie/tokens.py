"""One pass over a Doc's token attributes, shared by every component.

spaCy creates a new `Token` object on every ``doc[i]`` and every step of ``for t in
doc``; newsie's rules look at each token many times. `toks(doc)` reads the attributes
the rules use once per Doc (with ``Doc.to_array``) into light `Tok` records, cached in
``doc.user_data`` (never serialized: the msgpack encoder writes None for them, and
the next call rebuilds). The cache is dropped when the Doc's length changes, and by
`forget` (called when sentence boundaries are set).
"""
from __future__ import annotations

from collections.abc import Collection

from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, IS_PUNCT, IS_STOP, IS_TITLE, IS_UPPER, LIKE_NUM, LOWER, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from .extensions import text_of

_KEY = "newsie_toks"
_ATTRS = [ORTH, LOWER, IS_TITLE, IS_UPPER, IS_LOWER, IS_ALPHA, IS_PUNCT, IS_STOP, LIKE_NUM, SENT_START, SPACY, IDX]


class Tok:
    """The attributes of one token that newsie's rules read (names as on `spacy.tokens.Token`)."""

    __slots__ = ("i", "idx", "is_alpha", "is_lower", "is_punct", "is_sent_start", "is_stop", "is_title", "is_upper", "like_num", "lower_", "text", "whitespace_")

    def __init__(self, i: int, row: list[int], text: str, lower: str) -> None:
        self.i = i
        self.text = text
        self.lower_ = lower
        self.is_title = bool(row[2])
        self.is_upper = bool(row[3])
        self.is_lower = bool(row[4])
        self.is_alpha = bool(row[5])
        self.is_punct = bool(row[6])
        self.is_stop = bool(row[7])
        self.like_num = bool(row[8])
        self.is_sent_start = row[9] == 1  # 1 starts a sentence; 0 unknown and -1 (wrapped) do not
        self.whitespace_ = " " if row[10] else ""
        self.idx = row[11]

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r})"


class Toks(list[Tok]):
    """The Doc's `Tok` records, in order (a list), plus the Doc's text."""

    __slots__ = ("_by_lower", "_by_text", "doc_text")

    def __init__(self, items: list[Tok], doc_text: str) -> None:
        super().__init__(items)
        self.doc_text = doc_text
        self._by_text: dict[str, list[int]] | None = None
        self._by_lower: dict[str, list[int]] | None = None

    def where(self, words: Collection[str], *, lower: bool = False) -> list[int]:
        """Positions of the tokens whose text (or lowercase form) is one of `words`, in order.

        The same tokens as ``[t.i for t in self if t.text in words]``, from an index of the
        Doc's words built once: a rule looking for a few words does not visit every token.
        """
        index = self._index(lower)
        if len(words) <= len(index):
            hits = [index[w] for w in words if w in index]
        else:
            hits = [pos for w, pos in index.items() if w in words]
        if len(hits) == 1:
            return list(hits[0])
        return sorted(i for pos in hits for i in pos)

    def _index(self, lower: bool) -> dict[str, list[int]]:
        index = self._by_lower if lower else self._by_text
        if index is None:
            index = {}
            for i, word in enumerate(t.lower_ if lower else t.text for t in self):
                found = index.get(word)
                if found is None:
                    index[word] = [i]
                else:
                    found.append(i)
            if lower:
                self._by_lower = index
            else:
                self._by_text = index
        return index

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without making a Span."""
        if end <= start:
            return ""
        last = self[end - 1]
        return self.doc_text[self[start].idx : last.idx + len(last.text)]


class TokCache:
    """What ``doc.user_data`` holds: the records, in an object msgpack does not write."""

    __slots__ = ("toks",)

    def __init__(self, toks: Toks) -> None:
        self.toks = toks


def toks(doc: Doc) -> Toks:
    """The Doc's token records (built once per Doc)."""
    cached = doc.user_data.get(_KEY)
    if isinstance(cached, TokCache) and len(cached.toks) == len(doc):
        return cached.toks
    strings = doc.vocab.strings
    rows = doc.to_array(_ATTRS).tolist() if len(doc) else []
    out = Toks([Tok(i, row, strings[row[0]], strings[row[1]]) for i, row in enumerate(rows)], text_of(doc))
    doc.user_data[_KEY] = TokCache(out)
    return out


def forget(doc: Doc) -> None:
    """Drop the cached records (after sentence boundaries or tokens change)."""
    doc.user_data.pop(_KEY, None)
