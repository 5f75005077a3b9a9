"""One pass over a Doc's token attributes, shared by every component.

spaCy creates a new `Token` object on every ``doc[i]`` and every step of ``for t in
doc``; newsie's rules look at each token many times. `toks(doc)` reads the attributes
the rules use once per Doc (with ``Doc.to_array``) into light `Tok` records, cached in
``doc.user_data`` (never serialized: the msgpack encoder writes None for them, and
the next call rebuilds). The cache is dropped when the Doc's length changes, and by
`forget` (called when sentence boundaries are set).

`cols(doc)` gives the same attributes as columns (one list per attribute, by token
position) without making a Python object per token; `toks(doc)` builds its records
from those columns on first use. Rules that read columns only never pay for records.
"""
from __future__ import annotations

import sys
import threading
from collections.abc import Collection
from itertools import compress
from operator import attrgetter
from typing import Any, Final, cast

from mypy_extensions import mypyc_attr
from spacy.attrs import IDX, IS_STOP, ORTH, SENT_START, SPACY
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .extensions import text_of

_KEY: Final = "newsie_toks"
# Read per token, in this order (`Cols`); the rest comes from the word's lexical record (`_lexical`).
ATTRS: Final = [ORTH, IS_STOP, SENT_START, SPACY, IDX]
# Two columns of ATTRS each, as a view (basic slicing; an index list would copy):
# ORTH and IDX, then IS_STOP and SPACY.
_VALUES, _FLAGS = slice(0, 5, 4), slice(1, 4, 2)
# text, lower_, is_title, is_upper, is_lower, is_alpha, is_punct, like_num, and the lowercase
# form's hash (spaCy's LOWER) as eight native-order bytes, empty for whitespace (what the
# trained classifiers read, `newsie.components.textcat_io.model_ids`)
Lexical = tuple[str, str, bool, bool, bool, bool, bool, bool, bytes]


@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)  # pickles compiled (see newsie.components.dates)
class Tok:
    """The attributes of one token that newsie's rules read (names as on `spacy.tokens.Token`)."""

    __slots__ = ("i", "idx", "is_alpha", "is_lower", "is_punct", "is_sent_start", "is_stop", "is_title", "is_upper", "like_num", "lower_", "text", "whitespace_")

    def __init__(self, i: int, lex: Lexical, is_stop: int, sent_start: int, space: int, idx: int) -> None:
        # is_stop and sent_start: 1 (or True) for a stop word and a sentence start
        self.i = i
        self.text, self.lower_, self.is_title, self.is_upper, self.is_lower, self.is_alpha, self.is_punct, self.like_num, _ = lex
        self.is_stop = is_stop == 1  # per token: users change stop words on the vocabulary
        self.is_sent_start = sent_start == 1  # 1 starts a sentence; 0 unknown and -1 (wrapped) do not
        self.whitespace_ = " " if space else ""
        self.idx = idx

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r})"


_TEXT, _LOWER = attrgetter("text"), attrgetter("lower_")


@mypyc_attr(native_class=False)  # a list subclass: mypyc makes no native class of it
class Toks(list[Tok]):
    """The Doc's `Tok` records, in order (a list), plus the Doc's text."""

    __slots__ = ("doc_text", "lowers", "texts")

    def __init__(self, items: list[Tok], doc_text: str, texts: list[str] | None = None, lowers: list[str] | None = None) -> None:
        list.__init__(self, items)  # not super(): compiled (a Python class in a compiled module), it would skip to object
        self.doc_text = doc_text
        self.texts: list[str] = list(map(_TEXT, items)) if texts is None else texts
        self.lowers: list[str] = list(map(_LOWER, items)) if lowers is None else lowers

    def where(self, words: Collection[str], *, lower: bool = False) -> list[int]:
        """Positions of the tokens whose text (or lowercase form) is one of `words`, in order.

        The same tokens as ``[t.i for t in self if t.text in words]``, found by a scan
        that runs in C (`itertools.compress` over the membership of each word).
        """
        return list(compress(range(len(self.texts)), map(words.__contains__, self.lowers if lower else self.texts)))

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without making a Span."""
        if end <= start:
            return ""
        last = self[end - 1]
        return self.doc_text[self[start].idx : last.idx + len(last.text)]


@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)  # pickles compiled (see newsie.components.dates)
class Cols:
    """The Doc's token attributes as columns: ``cols.is_title[i]`` is ``doc[i].is_title``.

    Column names are `Tok`'s attribute names made plural where they hold values
    (``texts``, ``lowers``, ``idxs``, ``spaces``, ``orths``); the flags keep spaCy's names.
    The columns read per token (``orths``, ``idxs``, ``spaces``, ``is_stop``,
    ``is_sent_start``) come from one ``Doc.to_array``; the lexical ones (``texts``,
    ``lowers``, the word flags, and ``lower_ids``: each lowercase form's hash as eight
    bytes, what the trained classifiers read) from the vocabulary's cached records of each
    word, all at once. They are read when the columns are made, not on first use: every
    pipeline reads them (the sentencizer reads ``is_punct``), and a class with a
    ``__getattr__`` hook makes Python 3.11 take its slow path for every attribute read
    (~45k instructions per lede over the pipeline's column reads).
    """

    __slots__ = (
        "_sents", "doc_text", "idxs", "is_alpha", "is_lower", "is_punct", "is_sent_start", "is_stop",
        "is_title", "is_upper", "lexes", "like_num", "lower_ids", "lowers", "orths", "spaces", "texts",
    )
    orths: list[int]
    idxs: list[int]
    spaces: list[bool]
    is_stop: list[bool]
    is_sent_start: list[bool]
    lexes: list[Lexical]
    texts: list[str]
    lowers: list[str]
    is_title: list[bool]
    is_upper: list[bool]
    is_lower: list[bool]
    is_alpha: list[bool]
    is_punct: list[bool]
    like_num: list[bool]
    lower_ids: list[bytes]

    def __init__(self, doc: Doc, arr: Any = None, *, starts: list[bool] | None = None) -> None:
        """`arr`: ``doc.to_array(ATTRS)`` when a caller has read it already; `starts`: the
        sentence starts when the caller knows them (then ``arr``'s SENT_START is not read)."""
        self.doc_text = text_of(doc)
        if arr is None and len(doc):
            arr = doc.to_array(ATTRS)
        if arr is None or not len(arr):
            self.orths, self.idxs, self.spaces, self.is_stop, self.is_sent_start = [], [], [], [], []
        else:
            # two columns per numpy step (each costs more than its ~100 values)
            self.orths, self.idxs = arr[:, _VALUES].T.tolist()
            # per token: users change stop words on the vocabulary (IS_STOP and SPACY are
            # 0 or 1); SENT_START 1 starts a sentence, 0 (unknown) and -1 (wrapped) do not
            self.is_stop, self.spaces = arr[:, _FLAGS].astype(bool).T.tolist()
            self.is_sent_start = (arr[:, 2] == 1).tolist() if starts is None else starts
        self._sents: list[tuple[int, int]] | None = None
        self._read_lexicon(doc.vocab)

    def set_starts(self, starts: list[bool]) -> None:
        """Replace the sentence starts (``is_sent_start``), and the offsets read from them."""
        self.is_sent_start = starts
        self._sents = None

    def sentence_chars(self) -> list[tuple[int, int]]:
        """``(start_char, end_char)`` of each sentence, from ``is_sent_start`` (a sentence
        at the first token and at each later start), read once: several stages ask, and
        the columns are made anew when the boundaries change (`forget`). Shared: read it,
        do not change it."""
        found = self._sents
        if found is None:
            flags, texts, idxs = self.is_sent_start, self.texts, self.idxs
            n = len(flags)
            starts = [0] if n else []
            for _ in range(flags.count(True) - (1 if n and flags[0] else 0)):  # each later start found by a C scan
                starts.append(flags.index(True, starts[-1] + 1))
            found = self._sents = [(idxs[a], idxs[b - 1] + len(texts[b - 1])) for a, b in zip(starts, [*starts[1:], n])]
        return found

    def _read_lexicon(self, vocab: Vocab) -> None:
        known = _lexicon(vocab)
        found: list[Lexical | None] = list(map(known.get, self.orths))
        # None: a word new to this cache (a record is a non-empty tuple)
        lexes = cast("list[Lexical]", found) if all(found) else [lex or _lexical(vocab, o, known) for lex, o in zip(found, self.orths)]
        self.lexes = lexes
        # one comprehension per column: compiled, each fills a list of known length
        # (``zip(*lexes)`` made an iterator per word and a tuple per column first)
        recs = cast("list[tuple[Any, ...]]", lexes)
        self.texts = [r[0] for r in recs]
        self.lowers = [r[1] for r in recs]
        self.is_title = [r[2] for r in recs]
        self.is_upper = [r[3] for r in recs]
        self.is_lower = [r[4] for r in recs]
        self.is_alpha = [r[5] for r in recs]
        self.is_punct = [r[6] for r in recs]
        self.like_num = [r[7] for r in recs]
        self.lower_ids = [r[8] for r in recs]

    def __len__(self) -> int:
        return len(self.orths)

    def where(self, words: Collection[str], *, lower: bool = False) -> list[int]:
        """Positions of the tokens whose text (or lowercase form) is one of `words`, in order (as `Toks.where`)."""
        return list(compress(range(len(self.orths)), map(words.__contains__, self.lowers if lower else self.texts)))

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without making a Span."""
        if end <= start:
            return ""
        return self.doc_text[self.idxs[start] : self.idxs[end - 1] + len(self.texts[end - 1])]

    def records(self) -> Toks:
        """The same attributes as one `Tok` per token."""
        items = list(map(Tok, range(len(self.orths)), self.lexes, self.is_stop, self.is_sent_start, self.spaces, self.idxs))
        return Toks(items, self.doc_text, self.texts, self.lowers)


@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)  # pickles compiled (see newsie.components.dates)
class TokCache:
    """What ``doc.user_data`` holds: the columns and records, in an object msgpack does not write."""

    __slots__ = ("cols", "n", "toks")

    def __init__(self, cols: Cols) -> None:
        self.cols = cols
        self.toks: Toks | None = None
        self.n = len(cols)  # the Doc's length when read: a plain int to compare


def cols(doc: Doc) -> Cols:
    """The Doc's token attributes as columns (read once per Doc)."""
    cached = doc.user_data.get(_KEY)
    if type(cached) is TokCache and cached.n == len(doc):
        return cached.cols
    out = Cols(doc)
    doc.user_data[_KEY] = TokCache(out)
    return out


def seed(doc: Doc, columns: Cols) -> None:
    """Cache `columns`, read by a caller from the Doc as it is now (the sentencizer, once
    it has set the boundaries): `cols` then gives them without reading the Doc again."""
    doc.user_data[_KEY] = TokCache(columns)


def toks(doc: Doc) -> Toks:
    """The Doc's token records (built once per Doc, from its columns)."""
    cached = doc.user_data.get(_KEY)
    if not (type(cached) is TokCache and cached.n == len(doc)):
        cached = TokCache(Cols(doc))
        doc.user_data[_KEY] = cached
    if cached.toks is None:
        cached.toks = cached.cols.records()
    return cached.toks


# The lexical records of each vocabulary's words, by ORTH id: a word's text, case and
# character classes are fixed once its lexeme exists. The Vocab is held (strongly) beside
# its records, so an id is never reused while cached; a few vocabularies are kept.
_LEXICONS: Final[dict[int, tuple[Vocab, dict[int, Lexical]]]] = {}
_LEXICON_WORDS: Final = 200_000  # bounded: a long stream of new words starts again
_LOCK: Final = threading.Lock()


def _lexicon(vocab: Vocab) -> dict[int, Lexical]:
    entry = _LEXICONS.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        with _LOCK:
            if len(_LEXICONS) >= 8:
                _LEXICONS.clear()
            entry = _LEXICONS[id(vocab)] = (vocab, {})
    return entry[1]


def _lexical(vocab: Vocab, orth: int, known: dict[int, Lexical]) -> Lexical:
    lex: Any = vocab[orth]
    lower: str = lex.lower_
    # whitespace: a whitespace token's lowercase form is itself (`str.lower` keeps every
    # whitespace character), and spaCy's IS_SPACE is ``text.isspace()``
    lower_id = b"" if lower.isspace() else int(lex.lower).to_bytes(8, sys.byteorder)
    rec: Lexical = (lex.orth_, lower, lex.is_title, lex.is_upper, lex.is_lower, lex.is_alpha, lex.is_punct, lex.like_num, lower_id)
    if len(known) >= _LEXICON_WORDS:
        known.clear()
    known[orth] = rec
    return rec


def forget(doc: Doc) -> None:
    """Drop the cached records (after sentence boundaries or tokens change)."""
    doc.user_data.pop(_KEY, None)
