"""newsie's tokenizer: spaCy's own, built with exact, faster stand-ins for its regexes
(`newsie.affixes`) and for its vocabulary's lexical attribute getters (`newsie.lexattrs`).

It splits every text into the same tokens with the same attributes and serializes to the
same bytes as spaCy's tokenizer; it only spends fewer instructions on words it has not
cached yet (new words of unseen text above all). Registered as ``newsie.Tokenizer.v1``
(``[nlp.tokenizer]`` of a config), which `newsie.load` uses for its blank English base;
building it with the stand-ins avoids replacing them afterwards, which makes spaCy
reload its ~1,300 special cases once per replaced pattern.

`Primer` makes spaCy cache the words it would otherwise tokenize again in every Doc
they occur in (see its docstring); it changes no token, only what is cached.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

from .affixes import needs_char, prefix_search, suffix_search
from .lexattrs import speed_up_vocab

NAME = "newsie.Tokenizer.v1"
# Words (whitespace-separated chunks) spaCy's tokenizer of newsie.Tokenizer.v1 keeps split
# (spaCy's default, 10,000, fills up within a few thousand releases; then no new word is cached).
CACHE_SIZE = 100_000
CONFIG: dict[str, Any] = {"nlp": {"tokenizer": {"@tokenizers": NAME}}}


@registry.tokenizers(NAME)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer of a language (``spacy.Tokenizer.v1``), with the stand-ins."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        speed_up_vocab(nlp.vocab)
        d = nlp.Defaults
        url_match = d.url_match
        owner = getattr(url_match, "__self__", None)
        if owner is not None and url_match == getattr(owner, "match", None):
            url_match = needs_char(owner, "match")
        tokenizer = Tokenizer(
            nlp.vocab,
            rules=d.tokenizer_exceptions,
            prefix_search=prefix_search(util.compile_prefix_regex(d.prefixes)) if d.prefixes else None,
            suffix_search=suffix_search(util.compile_suffix_regex(d.suffixes)) if d.suffixes else None,
            infix_finditer=needs_char(util.compile_infix_regex(d.infixes), "finditer") if d.infixes else None,
            token_match=d.token_match,
            url_match=url_match,
        )
        tokenizer.max_cache_size = CACHE_SIZE
        return tokenizer

    return tokenizer_factory


class Primer:
    """Gets the words of each text into a spaCy tokenizer's cache before it splits the text.

    spaCy caches how it split each whitespace-separated chunk ("word"), but within one
    text it stops caching once a special case ("Mr.", "don't") has been met (a flag kept
    for the whole text): a word after the first special case of every text it occurs in
    is split again by the affix regexes each time. `prime` has the tokenizer split the
    new words of a text first, in a text of their own with the special cases last, so
    that they are cached; the text itself then finds them in the cache. Tokens are
    spaCy's in either case: only what the cache holds changes.
    """

    __slots__ = ("_key", "_lock", "known", "tokenizer")

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.known: set[str] = set()  # words primed (each no longer than the longest word primed)
        self._key = self._state()
        self._lock = threading.Lock()

    def _state(self) -> tuple[Any, ...]:
        """What decides the tokenizer's splits; spaCy empties its cache when one changes."""
        t = self.tokenizer
        return (id(t.rules), len(t.rules), id(t.prefix_search), id(t.suffix_search), id(t.infix_finditer),
                id(t.token_match), id(t.url_match), t.faster_heuristics)

    def new_words(self, text: str) -> set[str]:
        """The words (``text.split()``) of `text` not primed yet."""
        if self._state() != self._key:
            self.known = set()
            self._key = self._state()
        return set(text.split()).difference(self.known)

    def prime(self, words: Collection[str]) -> None:
        """Have the tokenizer split and cache `words` (each one new, none in a long run)."""
        t = self.tokenizer
        if not words or t.vocab.in_memory_zone or len(self.known) >= t.max_cache_size:
            return  # spaCy caches nothing inside a memory zone, and nothing once its cache is full
        rules = t.rules  # a word that is a special case itself is never cached: left out
        # Letters and digits alone nearly never meet a special case: they go first, then the
        # rest (where one may stop the caching for the words after it).
        plain = [w for w in words if w.isalnum() and w not in rules]
        rest = [w for w in words if not w.isalnum() and w not in rules]
        with self._lock:
            if plain or rest:
                t(" ".join(plain + rest))
            self.known.update(words)


_PRIMERS: dict[int, Primer] = {}


def primer(tokenizer: Any) -> Primer | None:
    """The `Primer` of a spaCy tokenizer (one per tokenizer object); None for another kind."""
    if not isinstance(tokenizer, Tokenizer):
        return None
    p = _PRIMERS.get(id(tokenizer))
    if p is None or p.tokenizer is not tokenizer:
        if len(_PRIMERS) >= 8:
            _PRIMERS.clear()
        p = _PRIMERS[id(tokenizer)] = Primer(tokenizer)
    return p
