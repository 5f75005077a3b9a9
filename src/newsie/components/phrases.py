"""Gazetteer phrases as PhraseMatcher keys, tokenized once at build time rather than at every load.

Tokenizing the ~5,400 packaged phrases (and creating a spaCy lexeme for each new word)
took about a sixth of a second of every cold start. ``gazetteers/phrase_tokens.json``,
written by ``tools/build_phrase_tokens.py``, holds their tokens as spaCy's English
tokenizer splits them, with a fingerprint of that tokenizer (a hash of
``Tokenizer.to_bytes``: its special cases and regexes). It is used only when the
pipeline's tokenizer has the same fingerprint; other phrases (user gazetteers) and other
tokenizers are tokenized as before. Either way a PhraseMatcher gets the same keys: the
tuples of token attribute values that `PhraseMatcher.add` also takes when a pickled
matcher is restored (tests check them against tokenized phrases).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from spacy.attrs import IDS, LOWER, ORTH

from ..resources import gazetteer_file

TABLE_FILE = "phrase_tokens.json"
Key = tuple[int, ...]

_recorders: list[set[str]] = []
_pinned: dict[int, list[str | None]] = {}  # id(tokenizer) -> [fingerprint] once computed, while `unchanged` holds


def fingerprint(tokenizer: Any) -> str | None:
    """A hash of everything that decides how `tokenizer` splits text, or None if it cannot say."""
    to_bytes = getattr(tokenizer, "to_bytes", None)
    if not callable(to_bytes):
        return None
    try:
        data = to_bytes(exclude=["vocab"])
    except Exception:  # a custom tokenizer with another signature: no shortcut
        return None
    return hashlib.sha256(data).hexdigest()


@contextmanager
def unchanged(tokenizer: Any) -> Iterator[None]:
    """Inside, `tokenizer` is taken not to change: its fingerprint is computed once for every
    component built meanwhile (``newsie.load()`` builds them all; each hash is ~3 ms)."""
    key = id(tokenizer)
    outer = key in _pinned
    if not outer:
        _pinned[key] = []
    try:
        yield
    finally:
        if not outer:
            del _pinned[key]


def _fingerprint_of(tokenizer: Any) -> str | None:
    pinned = _pinned.get(id(tokenizer))
    if pinned is None:
        return fingerprint(tokenizer)
    if not pinned:
        pinned.append(fingerprint(tokenizer))
    return pinned[0]


@lru_cache(maxsize=1)
def shipped_table() -> tuple[str, dict[str, list[str]]]:
    """The packaged table: (tokenizer fingerprint, phrase -> tokens)."""
    try:
        raw = json.loads(gazetteer_file(TABLE_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "", {}
    return str(raw["tokenizer"]), raw["phrases"]


class PhraseKeys:
    """PhraseMatcher keys of phrases for one pipeline's tokenizer and vocabulary.

    Made for one build of a component (the tokenizer could change between builds).
    """

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self._table: dict[str, list[str]] | None = None

    @property
    def table(self) -> dict[str, list[str]]:
        if self._table is None:
            key, phrases = shipped_table()
            self._table = phrases if phrases and key == _fingerprint_of(self.nlp.tokenizer) else {}
        return self._table

    def __call__(self, texts: Iterable[str], attr: str = "ORTH") -> list[Key]:
        """One key per phrase: the `attr` value of each of its tokens."""
        texts = list(texts)
        for seen in _recorders:
            seen.update(texts)
        attr_id = IDS[attr]
        vocab = self.nlp.vocab
        getter = None if attr_id == ORTH else vocab.lex_attr_getters.get(attr_id)
        table = self.table if attr_id == ORTH or (attr_id == LOWER and getter is not None) else {}
        add = vocab.strings.add
        keys: list[Key] = []
        for text in texts:
            tokens = table.get(text)
            if tokens is None:
                keys.append(tuple(int(v) for v in self.nlp.tokenizer(text).to_array(attr_id)))
            elif getter is None:
                keys.append(tuple(map(add, tokens)))
            else:
                keys.append(tuple(map(add, map(getter, tokens))))
        return keys


@contextmanager
def recorded() -> Iterator[set[str]]:
    """Collect every phrase any component tokenizes for its matchers while inside."""
    seen: set[str] = set()
    _recorders.append(seen)
    try:
        yield seen
    finally:
        _recorders.remove(seen)


def build_table(pipes: Iterable[str]) -> dict[str, Any]:
    """The table of the phrases these components (newsie's defaults: `pipeline.DEFAULT_PIPES`)
    add to their matchers from the packaged gazetteers, split by spaCy's blank English tokenizer."""
    import spacy

    nlp = spacy.blank("en")
    with recorded() as seen:
        for name in pipes:
            pipe = nlp.add_pipe(name)
            ready = getattr(pipe, "ensure_ready", None)
            if callable(ready):
                ready()
    return {
        "tokenizer": fingerprint(nlp.tokenizer),
        "phrases": {p: [t.text for t in nlp.tokenizer(p)] for p in sorted(seen)},
    }


def dumps_table(table: dict[str, Any]) -> str:
    """The table as written to the package: one phrase per line, for readable diffs."""
    lines = [json.dumps(p, ensure_ascii=False) + ": " + json.dumps(t, ensure_ascii=False) for p, t in table["phrases"].items()]
    return '{"tokenizer": ' + json.dumps(table["tokenizer"]) + ',\n"phrases": {\n' + ",\n".join(lines) + "\n}}\n"
