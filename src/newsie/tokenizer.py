"""newsie's tokenizer: spaCy's own, built with exact, faster stand-ins for its regexes
(`newsie.affixes`) and for its vocabulary's lexical attribute getters (`newsie.lexattrs`).

It splits every text into the same tokens with the same attributes and serializes to the
same bytes as spaCy's tokenizer; it only spends fewer instructions on words it has not
cached yet (new words of unseen text above all). Registered as ``newsie.Tokenizer.v1``
(``[nlp.tokenizer]`` of a config), which `newsie.load` uses for its blank English base;
building it with the stand-ins avoids replacing them afterwards, which makes spaCy
reload its ~1,300 special cases once per replaced pattern.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

from .affixes import needs_char, prefix_search, suffix_search
from .lexattrs import speed_up_vocab

NAME = "newsie.Tokenizer.v1"
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
        return Tokenizer(
            nlp.vocab,
            rules=d.tokenizer_exceptions,
            prefix_search=prefix_search(util.compile_prefix_regex(d.prefixes)) if d.prefixes else None,
            suffix_search=suffix_search(util.compile_suffix_regex(d.suffixes)) if d.suffixes else None,
            infix_finditer=needs_char(util.compile_infix_regex(d.infixes), "finditer") if d.infixes else None,
            token_match=d.token_match,
            url_match=url_match,
        )

    return tokenizer_factory
