"""Text at the door: make any str safe to tokenize, match and write as UTF-8 JSON.

Two things break a run on hostile text. Lone surrogates (``"\\ud83d"``, from a JSON
escape or a bad decode) cannot be encoded as UTF-8, so spaCy, pydantic and every writer
fail on them: they are replaced with U+FFFD, one code point for one, so offsets still
hold. Long runs without whitespace (``"=" * 16000``) make spaCy's tokenizer quadratic:
the tokenizer reads a copy with a space every `MAX_RUN` characters of such a run, and
the Doc is rebuilt from its tokens with the original characters (see `newsie.making`).
"""
from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
# Longer than any word, URL or e-mail a release prints; the tokenizer's cost on a run is
# quadratic in its length, so a bounded run keeps it linear in the text.
MAX_RUN = 120
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def clean_text(text: str) -> tuple[str, int]:
    """`text` with lone surrogates replaced by U+FFFD, and how many were replaced."""
    return _SURROGATE.subn(REPLACEMENT, text) if has_surrogates(text) else (text, 0)


def has_surrogates(text: str) -> bool:
    """Whether `text` holds a lone surrogate (`clean_text` would replace something)."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")  # strict UTF-8 refuses exactly the surrogates: a scan in C
    except UnicodeEncodeError:
        return True
    return False


def clean(value: Any) -> Any:
    """`value` with every str inside it (dict keys and values, lists) cleaned."""
    if isinstance(value, str):
        return clean_text(value)[0]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean(v) for v in value)
    return value


def surrogate_warning(name: str, count: int) -> str:
    """The record warning for `count` lone surrogates replaced in field `name`."""
    return f"{name}: {count} lone surrogate(s) (invalid Unicode) replaced with U+FFFD"


def has_long_run(text: str) -> bool:
    """Whether `text` has a run of over `MAX_RUN` characters without whitespace.

    Each step finds the last space among the next ``MAX_RUN + 1`` characters and goes on
    after it (no run before it is long): a lede takes a few ``str.rfind`` calls, in C and
    with no substring made. Only a text with ``MAX_RUN + 1`` characters and no space
    among them (a long run, or other white space) is split into words.
    """
    n = len(text)
    start = 0  # no run before `start` is long; text[start - 1] is a space
    while n - start > MAX_RUN:
        space = text.rfind(" ", start, start + MAX_RUN + 1)
        if space < 0:
            # str.split() cuts at the characters regex \s matches (both use Py_UNICODE_ISSPACE).
            return max(map(len, text.split()), default=0) > MAX_RUN
        start = space + 1
    return False


def break_long_runs(text: str) -> tuple[str, list[int], int]:
    """`text` with a space every `MAX_RUN` characters inside runs without whitespace.

    Returns:
        The text for the tokenizer (same length as `text`), the positions that became
        spaces, and the number of runs broken.
    """
    if not has_long_run(text):
        return text, [], 0
    cuts: list[int] = []
    runs = 0

    def cut(m: re.Match[str]) -> str:
        nonlocal runs
        runs += 1
        chars = list(m.group())
        for i in range(MAX_RUN, len(chars), MAX_RUN + 1):
            chars[i] = " "
            cuts.append(m.start() + i)
        return "".join(chars)

    return _LONG_RUN.sub(cut, text), cuts, runs


def long_run_warning(count: int) -> str:
    return f"{count} run(s) of over {MAX_RUN} characters without a space were split for the tokenizer"
