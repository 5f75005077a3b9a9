"""Raw release files: a title line, perhaps a preamble line, then the body.

A release saved as text usually reads::

    OSCE trains border guards in Dushanbe
                                                  <- blank line
    Corrected version: the number of participants in paragraph two.   <- optional
    DUSHANBE, 14 May 2021 – The OSCE Programme Office ...

`split_raw` finds each part; nothing is dropped: preamble lines are returned so the
caller can keep them on the record.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates.datelines import match_dateline
from .dates.grammar import MONTH_WORDS

# Lines that announce a release rather than belong to it ("Press release", "Statement").
MARKERS = frozenset({
    "press release", "news release", "news item", "news", "statement", "media advisory",
    "feature", "story", "for immediate release", "press statement",
})
_PREAMBLE = re.compile(
    r"^\W*(?:(?:correction|clarification|update|editor'?s note|note to editors|note|embargo(?:ed)?)\s*(?:\([^)]{0,40}\)\s*)?[:\-–—\[]"
    r"|(?:corrected|updated|amended|revised|re-?issued)\b(?:\s+(?:version|release|on|at|to)\b|\s*[:\-–—(\[])"
    r"|for immediate release\b|embargoed\b|\*{3})",
    re.IGNORECASE,
)
# A notice that is nothing but the word, in capitals, and perhaps the day and time of the
# change ("UPDATED", "UPDATED 3 May", "CORRECTED on 3 May 2019, 14:00 CET", "UPDATED 14:00 CET"): no headline is
# that. A headline that starts with the word goes on with words ("Updated guidelines on
# media freedom published"), so it stays a title.
_MONTH = rf"(?:{MONTH_WORDS})\b\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_NOTICE_TIME = r"(?:at\s+)?\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,5}))?"
_NOTICE_DATE = (
    rf"(?:(?:{_DAY}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}})"
    rf"(?:,?\s*{_NOTICE_TIME})?|{_NOTICE_TIME})"
)
_NOTICE_WORD = r"(?:UPDATED|UPDATE|CORRECTED|CORRECTION|AMENDED|REVISED|RE-?ISSUED)"
_NOTICE = re.compile(
    rf"^\W*(?:{_NOTICE_WORD}(?:\s+(?i:on\s+)?(?i:{_NOTICE_DATE}))?|(?i:{_NOTICE_WORD}))[\s.:;*)\]]*$"
)
_SENTENCE_END = re.compile(r"(?:[.:;…–—-]|[.!?][”\"’')])\s*$")
_TWO_SENTENCES = re.compile(r"(?:\b[a-z]{3,}|[0-9)”\"])\. +[A-Z]")  # "... a centre. It will", not "Dr. Smith"
MAX_TITLE = 250


@dataclass
class RawParts:
    """A raw release split into its parts."""

    title: str | None
    body: str
    preamble: list[str] = field(default_factory=list)


def is_preamble(line: str) -> bool:
    """A correction, update or marker line printed above a release."""
    s = line.strip()
    return bool(s) and len(s) < 300 and (s.lower().rstrip(":") in MARKERS or bool(_PREAMBLE.match(s) or _NOTICE.match(s)))


def looks_like_title(line: str) -> bool:
    """A headline: short, not a sentence, not a dateline."""
    s = line.strip()
    if not 0 < len(s) < MAX_TITLE or _SENTENCE_END.search(s) or _TWO_SENTENCES.search(s):
        return False
    dateline = match_dateline(s + "\nThe")  # a dateline on its own line is no title
    return dateline is None or not (dateline.date or dateline.agency or all(c.isupper() for c in dateline.cities))


def split_raw(raw: str, *, find_title: bool = True) -> RawParts:
    """Split text into (title, preamble lines, body).

    The first line (after any preamble) is the title when more text follows and it looks
    like a headline; preamble lines between the title and the body are taken out of the
    body. A text with a single line is all body.
    """
    lines = raw.strip().splitlines()
    preamble: list[str] = []
    i = _skip_preamble(lines, 0, preamble)
    title = None
    rest = lines[i + 1 :]
    if find_title and i < len(lines) and any(ln.strip() for ln in rest) and looks_like_title(lines[i]):
        title = lines[i].strip()
        i += 1
    i = _skip_preamble(lines, i, preamble)
    if not "".join(lines[i:]).strip():  # nothing after the preamble: it was the text
        return RawParts(None, raw.strip())
    return RawParts(title, "\n".join(lines[i:]).strip(), preamble)


def _skip_preamble(lines: list[str], i: int, out: list[str]) -> int:
    while i < len(lines):
        s = lines[i].strip()
        if not s:
            i += 1
        elif is_preamble(s) and i + 1 < len(lines):
            out.append(s)
            i += 1
        else:
            break
    return i
