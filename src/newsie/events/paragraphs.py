"""Paragraphs of a full-length release: the lede leads, later paragraphs support.

Full releases run to several paragraphs: background ("The Mission was established in
1992"), quotes, a closing ceremony, a contact block. The main event is told in the title
and the first paragraph; these helpers say where that lede ends (the classifiers read it, the
event rules weigh it above the rest) and whether a sentence reports people taking part.
"""
from __future__ import annotations

import bisect
import re
from typing import Final

from spacy.tokens import Doc

from ..casing import lowered_like_ignorecase
from ..extensions import text_of
from ..making import SENTENCE_ENDS
from ..payloads import meta_of
from ..tokens import Cols, cols
from .cues import WordCues, boundary

# Cue phrases as literals: `WordCues` finds them with `str.find` in lowercased text; their
# regexes (IGNORECASE) serve text whose lowercase form moves offsets (see `casing`).
_PARTICIPATION: Final = WordCues((
    "took part", "take part", "taking part", "participated", "participate", "participating", "attended", "attend",
    "attending", "gathered", "brought together", "bringing together", "joined", "completed", "graduated", "trained",
    "were trained", "were involved", "enrolled", "benefited", "included", "comprised", "consisted",
))
_PLAN: Final = WordCues((
    "plans to", "plan to", "planned to", "planning to", "aims to", "aim to", "intends to", "intend to", "next year",
    "by the end of the year", "by the end of this year", "by the end of next year", "in the coming",
))
_TAKING_PART: Final = WordCues(("participants", "participant", "attendees", "trainees", "delegates", "graduates"))
_STAFF: Final = WordCues(("staff", "employees", "personnel", "trainers", "instructors", "victims", "survivors"))
_RX: Final[dict[WordCues, re.Pattern[str]]] = {
    cues: re.compile(cues.pattern, re.IGNORECASE) for cues in (_PARTICIPATION, _PLAN, _TAKING_PART, _STAFF)
}
_HELD_FOR: Final = re.compile(r"\bfor\s+$")


def _found(cues: WordCues, text: str, low: str, plain: bool) -> bool:
    """Whether `cues` occur in `text` (IGNORECASE), read on its lowercase form `low` when `plain`."""
    return cues.search(low) if plain else _RX[cues].search(text) is not None


MIN_LEDE: Final = 10  # tokens of text before a line break can end the lede (see `lede_end`)


def lede_end(columns: Cols, body_start: int) -> int:
    """The token after the lede, the release's first paragraph: the first paragraph break of
    the text (from `body_start`) after at least `MIN_LEDE` of its tokens (a dateline alone
    on its line is not a lede); the Doc's length when the text is one paragraph (a lede
    passed alone). A paragraph break is a blank line, or a line break after the end of a
    sentence (``.``, ``!``, ``?``, a closing quote or bracket, ``:``): a line wrapped inside
    a sentence is not one. Read from the tokens alone (no sentence boundaries needed)."""
    text = columns.doc_text
    pos = text.find("\n", body_start)
    if pos < 0:
        return len(columns.idxs)
    idxs, texts = columns.idxs, columns.texts
    first = bisect.bisect_left(idxs, body_start)  # the text's first token
    while pos >= 0:
        i = bisect.bisect_right(idxs, pos) - 1  # the token holding the line break (whitespace)
        space = texts[i]
        if i - first >= MIN_LEDE and not space.strip() and (space.count("\n") > 1 or texts[i - 1][-1:] in SENTENCE_ENDS):
            return i
        pos = text.find("\n", max(pos + 1, idxs[i] + len(space)))
    return len(idxs)


_LEDE_KEY: Final = "newsie_lede_end"  # `lede_chars` of a Doc, with the Doc's length it was read at


def lede_chars(doc: Doc) -> int | None:
    """Where the lede ends in the Doc's text (a character offset) when the text has later
    paragraphs (see `lede_end`), else None. What the trained classifiers read and what
    the event rules count as the lede (read once per Doc: three stages ask)."""
    user_data = doc.user_data
    known = user_data.get(_LEDE_KEY)
    if known is not None and known[0] == len(doc):
        return known[1]
    text = text_of(doc)
    body_start = meta_of(doc).body_start
    end: int | None = None
    if text.find("\n", body_start) >= 0:  # else one paragraph: no columns read
        columns = cols(doc)
        k = lede_end(columns, body_start)
        end = columns.idxs[k] if k < len(columns.idxs) else None
    user_data[_LEDE_KEY] = (len(doc), end)
    return end


def reports_participants(sentence: str, matched: str, *, lede: bool, low: str | None = None) -> bool:
    """Does a count found in `sentence` number the people taking part?

    Not a plan ("plans to train 400 officers next year"), not staff, trainers or victims
    unless the sentence says they took part; outside the lede a participation verb is
    needed. (`low`: the sentence lowercased, when at hand.)
    """
    if low is None:
        low = sentence.lower()
    plain = lowered_like_ignorecase(sentence, low)
    if _found(_PLAN, sentence, low, plain):
        return False
    matched_low = matched.lower()
    matched_plain = lowered_like_ignorecase(matched, matched_low)
    staff = _found(_STAFF, matched, matched_low, matched_plain)
    if lede and not staff:
        return True  # a lede count stands, whether or not the sentence says they took part
    at = sentence.find(matched)
    # "a course for 25 officers": the people it was held for take part.
    held_for = at > 0 and bool(_HELD_FOR.search(sentence[max(0, at - 5) : at]))
    takes_part = _found(_PARTICIPATION, sentence, low, plain) or _found(_TAKING_PART, matched, matched_low, matched_plain) or held_for
    if staff and not takes_part:
        return False
    return lede or takes_part


def may_report_participants(sentence: str, *, lede: bool, low: str | None = None) -> bool:
    """False when `reports_participants` is False for any count `sentence` holds: a plan,
    or outside the lede no participation verb, no "participants"-like word and no "for"
    (a count's text is part of the sentence, at word boundaries). Reading no count then
    gives the same answer. (`low`: the sentence lowercased, when at hand.)"""
    if low is None:
        low = sentence.lower()
    if not lowered_like_ignorecase(sentence, low):
        return True  # the cue searches below read lowercased text
    if _PLAN.search(low):
        return False
    return lede or "for" in sentence or _TAKING_PART.search(low) or _PARTICIPATION.search(low)


_ANNOUNCED: Final = WordCues((
    "will take place", "will be held", "will run", "will open", "will start", "will begin", "will convene", "will meet",
    "to be held", "is scheduled to", "is scheduled for", "is planned to", "is planned for", "is due to", "is due for",
    "are scheduled to", "are scheduled for", "are planned to", "are planned for", "are due to", "are due for",
))
_ANNOUNCED_RX: Final = re.compile(_ANNOUNCED.pattern, re.IGNORECASE)
# Each cue holds one of these words; a cue can match only where all of its words occur, so
# the cues looked for are those of the words the text holds (in their order, as listed).
_ANNOUNCED_KEYS: Final = ("will", "held", "scheduled", "planned", "due")
_ANNOUNCED_BY_KEYS: Final = {
    keys: WordCues(c for c in _ANNOUNCED.cues if any(k in c for k in keys))
    for keys in (tuple(k for i, k in enumerate(_ANNOUNCED_KEYS) if mask >> i & 1) for mask in range(1, 2 ** len(_ANNOUNCED_KEYS)))
}


def announced_at(sentence: str, low: str | None = None) -> int | None:
    """Where an announced event is placed in time ("will take place in Tbilisi on 8 March"):
    the offset after the cue, or None. The event's date follows it, not "today". (`low`:
    the sentence lowercased, when at hand.)"""
    if low is None:
        low = sentence.lower()
    if lowered_like_ignorecase(sentence, low):
        keys = tuple(k for k in _ANNOUNCED_KEYS if k in low)
        if not keys:
            return None
        found = _ANNOUNCED_BY_KEYS[keys].first(low)
        return found[1] if found else None
    m = _ANNOUNCED_RX.search(sentence)
    return m.end() if m else None


_START_CUE: Final = re.compile(r"\b(?:started|starts|began|begins|opened|opens|commenced|kicked off|launched)(?: on)?\s*$", re.IGNORECASE)
# An end: "will run until", "ends on", and a past or present end right before its day
# ("concluded on 30 November", "ends today", "ended yesterday").
_END_CUE: Final = re.compile(
    r"\b(?:(?:will )?(?:run|runs|last|lasts|continue|continues) until|until|"
    r"(?:will )?(?:end|ends|ended|close|closes|closed|conclude|concludes|concluded|finish|finishes|finished)(?: on)?)\s*$",
    re.IGNORECASE,
)


# The cue phrases `_START_CUE` and `_END_CUE` end text with (before any whitespace).
_START_ENDS: Final = tuple(
    cue + on
    for cue in ("started", "starts", "began", "begins", "opened", "opens", "commenced", "kicked off", "launched")
    for on in ("", " on")
)
_END_ENDS: Final = (
    *(
        will + cue
        for cue in (
            "run until", "runs until", "last until", "lasts until", "continue until", "continues until",
        )
        for will in ("", "will ")
    ),
    *(
        will + cue + on
        for cue in ("end", "ends", "ended", "close", "closes", "closed", "conclude", "concludes", "concluded", "finish", "finishes", "finished")
        for will in ("", "will ")
        for on in ("", " on")
    ),
    "until",
)


def _ends_with(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether `text` ends with one of `phrases` starting at a word boundary."""
    if not text.endswith(phrases):  # one scan in C; most texts end with none
        return False
    return any(text.endswith(p) and boundary(text, len(text) - len(p)) for p in phrases)


def bound_cue(before: str) -> str | None:
    """"start" when the text before a date says the event began then ("started on"),
    "end" when it says it lasts until then ("will run until"), else None."""
    tail = before[-30:]
    low = tail.lower()
    if lowered_like_ignorecase(tail, low):
        # `_START_CUE` and `_END_CUE` match where a phrase ends the text but for whitespace.
        end = low.rstrip()
        return "start" if _ends_with(end, _START_ENDS) else "end" if _ends_with(end, _END_ENDS) else None
    if _START_CUE.search(tail):
        return "start"
    if _END_CUE.search(tail):
        return "end"
    return None
