"""Exact, faster stand-ins for spaCy's lexical attribute getters.

spaCy computes some 23 attributes of every new word (``Vocab.lex_attr_getters``), each
through a Python function: about 60,000 instructions per word, paid on every word a
stream of new releases brings. Most of those functions wrap one `str` method or a
membership test; here they become that C method itself (``str.isalpha``, a frozenset's
``__contains__``, `operator.itemgetter`), and the longer ones (English `like_num`,
`like_url`, `word_shape`) take a short way for the common case and defer to spaCy's
function for the rest. Values are the same for every string (tests compare them).
Only getters that are spaCy's own functions are replaced.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from spacy.lang import lex_attrs as base
from spacy.lang.en import lex_attrs as en
from spacy.util import _get_attr_unless_lookup

_NUMBER_WORDS = frozenset([*en._num_words, *en._ordinal_words])
_HTTP = ("http://", "https://")
# ASCII characters to their shape character (letters to X/x, digits to d, others kept).
_ASCII_SHAPE = str.maketrans(
    {**{chr(c): "X" for c in range(65, 91)}, **{chr(c): "x" for c in range(97, 123)}, **{chr(c): "d" for c in range(48, 58)}}
)
_RUN_OF_FIVE = re.compile(r"(.)\1{4,}", re.DOTALL)


def like_num_en(text: str) -> bool:
    """`spacy.lang.en.lex_attrs.like_num`, with a set of number words and a short way for words."""
    if text.isalpha():  # no sign, separator, digit or slash: only the number words remain
        return text.lower() in _NUMBER_WORDS
    return bool(en.like_num(text))


def like_url(text: str) -> bool:
    """`spacy.lang.lex_attrs.like_url`: a text without a dot is a URL only after "http(s)://"."""
    if "." in text or not text:
        return base.like_url(text)
    return text.startswith(_HTTP)


def like_email(text: str) -> bool:
    """`spacy.lang.lex_attrs.like_email`: no "@", no e-mail address."""
    return "@" in text and base.like_email(text)


def word_shape(text: str) -> str:
    """`spacy.lang.lex_attrs.word_shape`, by one translation for ASCII text."""
    if len(text) >= 100 or not text.isascii():
        return base.word_shape(text)
    shape = text.translate(_ASCII_SHAPE)
    if _RUN_OF_FIVE.search(shape) is None:
        return shape
    return _RUN_OF_FIVE.sub(lambda m: m.group(1) * 4, shape)


def _in(words: tuple[str, ...]) -> Callable[[str], bool]:
    return frozenset(words).__contains__


def _stand_ins() -> dict[Any, Callable[[str], Any]]:
    """spaCy's getter -> its stand-in."""
    return {
        base.lower: str.lower,
        base.prefix: itemgetter(0),
        base.suffix: itemgetter(slice(-3, None)),
        base.is_alpha: str.isalpha,
        base.is_digit: str.isdigit,
        base.is_lower: str.islower,
        base.is_space: str.isspace,
        base.is_title: str.istitle,
        base.is_upper: str.isupper,
        base.is_ascii: str.isascii,
        base.is_bracket: _in(("(", ")", "[", "]", "{", "}", "<", ">")),
        base.is_quote: _in(('"', "'", "`", "«", "»", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "‹", "›", "❮", "❯", "''", "``")),
        base.is_left_punct: _in(("(", "[", "{", "<", '"', "'", "«", "‘", "‚", "‛", "“", "„", "‟", "‹", "❮", "``")),
        base.is_right_punct: _in((")", "]", "}", ">", '"', "'", "»", "’", "”", "›", "❯", "''")),
        base.like_url: like_url,
        base.like_email: like_email,
        base.word_shape: word_shape,
        en.like_num: like_num_en,
    }


_STAND_INS: dict[Any, Callable[[str], Any]] | None = None


def stand_in(getter: Any) -> Any:
    """The stand-in of one getter, or the getter itself when it is not spaCy's."""
    global _STAND_INS
    if _STAND_INS is None:
        _STAND_INS = _stand_ins()
    if isinstance(getter, functools.partial) and getter.func is _get_attr_unless_lookup and getter.args[:1] == (base.lower,):
        return functools.partial(_get_attr_unless_lookup, str.lower, *getter.args[1:], **getter.keywords)  # NORM
    try:
        return _STAND_INS.get(getter, getter)
    except TypeError:  # an unhashable getter
        return getter


def speed_up_vocab(vocab: Any) -> bool:
    """Put the stand-ins in place of a vocabulary's spaCy getters; whether any was replaced."""
    getters = vocab.lex_attr_getters
    changed = False
    for attr, getter in list(getters.items()):
        fast = stand_in(getter)
        if fast is not getter:
            getters[attr] = fast
            changed = True
    return changed


__all__ = ["like_email", "like_num_en", "like_url", "speed_up_vocab", "stand_in", "word_shape"]
