"""Text decoded with the wrong codec, repaired at the door (ftfy).

Archives exported on Windows and read back by other tools reach newsie in two broken
forms: cp1252 bytes read as Latin-1 ("VIENNA, 6 October 2020 \\x96 The", C1 control
characters where dashes and quotes were) and UTF-8 bytes read as cp1252 ("â€“" for "–",
"Ã©" for "é"). Either hides the dateline's dash, the quotes and every accented name from
the rules. `repair` gives such a text back as it was written; a cheap search decides
first whether a text can be such (ftfy costs ~30 us a KB, the search ~1 us).

Text as written is left alone: the gate wants a C1 control or two UTF-8 sequences read
byte by byte, and ftfy changes a text only where its bytes decode back consistently. A
text whose only C1 character is NEL (U+0085) is left alone: NEL is a line end there
(see `newsie.batch`), and "…" is what it is only beside other cp1252 characters.
"""
from __future__ import annotations

import re
from typing import Final

# C1 controls other than NEL: cp1252 read as Latin-1 (no text as written holds them).
_C1: Final = re.compile("[\x80-\x84\x86-\x9f]")
# A UTF-8 lead byte read as cp1252 or Latin-1 (Â-ï) followed by a continuation byte read
# the same way (0x80-0xBF: Latin-1's controls and symbols, or the cp1252 characters at
# those bytes): "â€“", "Ã©". Text as written may hold one such pair by chance ("çŠ"); a
# text read with the wrong codec holds one for each dash, quote and accented letter.
_PAIR: Final = re.compile(
    "[\xc2-\xef][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
MIN_PAIRS: Final = 2
_LATIN1: Final = re.compile("[\x80-\xff]")


def may_be_mojibake(text: str) -> bool:
    """Whether `text` holds what wrong decoding makes (the gate of `repair`): a C1 control
    other than NEL, or at least `MIN_PAIRS` UTF-8 sequences read one byte a character."""
    if text.isascii() or _LATIN1.search(text) is None:  # (both signs start with such a character)
        return False
    if _C1.search(text) is not None:
        return True
    first = _PAIR.search(text)
    return first is not None and _PAIR.search(text, first.end()) is not None


def repair(text: str) -> str:
    """`text` with wrong decoding undone (``ftfy.fix_encoding``), or `text` itself (the same
    object) when it holds none (`may_be_mojibake`) or ftfy changes nothing. Text that only looks like it ("Prishtinë–Priština")
    is left as it is: ftfy changes a text only where the bytes decode back consistently."""
    if not may_be_mojibake(text):
        return text
    import ftfy  # only for the rare text that needs it

    try:
        fixed: str = ftfy.fix_encoding(text)
    except (UnicodeError, ValueError):  # (a lone surrogate: cleaned later at the door)
        return text
    return text if fixed == text else fixed


__all__ = ["may_be_mojibake", "repair"]
