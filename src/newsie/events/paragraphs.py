"""Paragraphs of a full-length release: the lede leads, later paragraphs support.

Full releases run to several paragraphs: background ("The Mission was established in
1992"), quotes, a closing ceremony, a contact block. The main event is told in the title
and the first paragraph; these helpers say which paragraph a character offset is in and
whether a sentence reports people taking part.
"""
from __future__ import annotations

import bisect
import re

from ..casing import lowered_like_ignorecase

_PARTICIPATION = re.compile(
    r"\b(?:took part|take part|taking part|participated|participate|participating|attended|attend|attending|"
    r"gathered|brought together|bringing together|joined|completed|graduated|trained|were trained|"
    r"were involved|enrolled|benefited|included|comprised|consisted)\b",
    re.IGNORECASE,
)
_PLAN = re.compile(r"\b(?:plans? to|planned to|planning to|aims? to|intends? to|next year|by the end of (?:the|this|next) year|in the coming)\b", re.IGNORECASE)
_TAKING_PART = re.compile(r"\b(?:participants?|attendees|trainees|delegates|graduates)\b", re.IGNORECASE)
_STAFF = re.compile(r"\b(?:staff|employees|personnel|trainers|instructors|victims|survivors)\b", re.IGNORECASE)


class Paragraphs:
    """Paragraph numbers of character offsets in a text, from its line breaks."""

    def __init__(self, text: str, start: int = 0) -> None:
        self.breaks: list[int] = []
        self.start = start
        if text.find("\n", start) < 0:
            return
        # A break counts once the paragraph before it holds text: every line break after
        # the first character that is not whitespace.
        rest = text[start:]
        pos = text.find("\n", start + len(rest) - len(rest.lstrip()))
        while pos >= 0:
            self.breaks.append(pos)
            pos = text.find("\n", pos + 1)

    def index(self, offset: int) -> int:
        """0 for the first paragraph (the lede), 1 for the next, ..."""
        return bisect.bisect_right(self.breaks, offset)


def reports_participants(sentence: str, matched: str, *, lede: bool) -> bool:
    """Does a count found in `sentence` number the people taking part?

    Not a plan ("plans to train 400 officers next year"), not staff, trainers or victims
    unless the sentence says they took part; outside the lede a participation verb is needed.
    """
    if _PLAN.search(sentence):
        return False
    at = sentence.find(matched)
    # "a course for 25 officers": the people it was held for take part.
    held_for = at > 0 and bool(re.search(r"\bfor\s+$", sentence[max(0, at - 5) : at]))
    takes_part = bool(_PARTICIPATION.search(sentence) or _TAKING_PART.search(matched) or held_for)
    if _STAFF.search(matched) and not takes_part:
        return False
    return lede or takes_part


_ANNOUNCED = re.compile(r"\b(?:will (?:take place|be held|run|open|start|begin|convene|meet)|to be held|(?:is|are) (?:scheduled|planned|due) (?:to|for))\b", re.IGNORECASE)


def announced_at(sentence: str, low: str | None = None) -> int | None:
    """Where an announced event is placed in time ("will take place in Tbilisi on 8 March"):
    the offset after the cue, or None. The event's date follows it, not "today". (`low`:
    the sentence lowercased, when at hand.)"""
    if low is None:
        low = sentence.lower()
    # Each cue holds one of these words: without any, the pattern need not run.
    if lowered_like_ignorecase(sentence, low) and not ("will" in low or "held" in low or "scheduled" in low or "planned" in low or "due" in low):
        return None
    m = _ANNOUNCED.search(sentence)
    return m.end() if m else None


_START_CUE = re.compile(r"\b(?:started|starts|began|begins|opened|opens|commenced|kicked off|launched)(?: on)?\s*$", re.IGNORECASE)
_END_CUE = re.compile(r"\b(?:(?:will )?(?:run|runs|last|lasts|continue|continues) until|until|(?:will )?(?:end|ends|close|closes|conclude|concludes) on)\s*$", re.IGNORECASE)


_CUE_WORDS = re.compile(r"start|began|begin|open|commenced|kicked off|launched|until|end|close|conclude")


def bound_cue(before: str) -> str | None:
    """"start" when the text before a date says the event began then ("started on"),
    "end" when it says it lasts until then ("will run until"), else None."""
    tail = before[-30:]
    low = tail.lower()
    if lowered_like_ignorecase(tail, low) and not _CUE_WORDS.search(low):
        return None  # each cue holds one of these words
    if _START_CUE.search(tail):
        return "start"
    if _END_CUE.search(tail):
        return "end"
    return None
