"""Tests of `newsie.events.paragraphs`: cue searches on lowercased text agree with the IGNORECASE regexes."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.events.paragraphs import announced_at, bound_cue, reports_participants

# The regexes the cue phrases replace (as they were), the reference for the fast path.
_PARTICIPATION = re.compile(
    r"\b(?:took part|take part|taking part|participated|participate|participating|attended|attend|attending|"
    r"gathered|brought together|bringing together|joined|completed|graduated|trained|were trained|"
    r"were involved|enrolled|benefited|included|comprised|consisted)\b",
    re.IGNORECASE,
)
_PLAN = re.compile(r"\b(?:plans? to|planned to|planning to|aims? to|intends? to|next year|by the end of (?:the|this|next) year|in the coming)\b", re.IGNORECASE)
_TAKING_PART = re.compile(r"\b(?:participants?|attendees|trainees|delegates|graduates)\b", re.IGNORECASE)
_STAFF = re.compile(r"\b(?:staff|employees|personnel|trainers|instructors|victims|survivors)\b", re.IGNORECASE)
_ANNOUNCED = re.compile(r"\b(?:will (?:take place|be held|run|open|start|begin|convene|meet)|to be held|(?:is|are) (?:scheduled|planned|due) (?:to|for))\b", re.IGNORECASE)


def _reports(sentence: str, matched: str, *, lede: bool) -> bool:
    if _PLAN.search(sentence):
        return False
    at = sentence.find(matched)
    held_for = at > 0 and bool(re.search(r"\bfor\s+$", sentence[max(0, at - 5) : at]))
    takes_part = bool(_PARTICIPATION.search(sentence) or _TAKING_PART.search(matched) or held_for)
    if _STAFF.search(matched) and not takes_part:
        return False
    return lede or takes_part


_WORDS = st.sampled_from([
    "took part", "Take Part", "participated", "participants", "participant", "attend", "attendance", "will", "run",
    "be held", "is", "are", "Scheduled", "planned", "due", "to", "for", "plans", "plan", "next year", "by the end of",
    "this", "the", "year", "staff", "Staff", "trainers", "victims", "in the coming", "25", "officers", "a course",
    "İ", "ı", "ſtaff", "K", "_", "-", ".", ",", "\n", "élan",
])
_SENTENCE = st.lists(_WORDS, max_size=12).flatmap(
    lambda words: st.lists(st.sampled_from(["", " ", "  ", "-", "\u00a0"]), min_size=len(words), max_size=len(words)).map(
        lambda seps: "".join(w + s for w, s in zip(words, seps))
    )
)


@settings(max_examples=500, deadline=None)
@given(sentence=_SENTENCE, start=st.integers(0, 60), size=st.integers(0, 30), lede=st.booleans())
def test_reports_participants_agrees_with_the_regexes(sentence: str, start: int, size: int, lede: bool) -> None:
    """`reports_participants` decides as the IGNORECASE regexes do, on any casing."""
    matched = sentence[start : start + size]
    assert reports_participants(sentence, matched, lede=lede) == _reports(sentence, matched, lede=lede)
    assert reports_participants(sentence, matched, lede=lede, low=sentence.lower()) == _reports(sentence, matched, lede=lede)


@settings(max_examples=500, deadline=None)
@given(sentence=_SENTENCE)
def test_announced_at_agrees_with_the_regex(sentence: str) -> None:
    """`announced_at` gives the offset after the cue the IGNORECASE regex finds."""
    m = _ANNOUNCED.search(sentence)
    assert announced_at(sentence) == (m.end() if m else None)


def test_a_plan_is_not_a_count_of_participants() -> None:
    """'plans to train 400 officers next year' reports no participants."""
    s = "The Mission plans to train 400 officers next year."
    assert not reports_participants(s, "400 officers", lede=True)
    assert reports_participants("Some 40 officers took part in the course.", "40 officers", lede=False)


_START_CUE = re.compile(r"\b(?:started|starts|began|begins|opened|opens|commenced|kicked off|launched)(?: on)?\s*$", re.IGNORECASE)
_END_CUE = re.compile(
    r"\b(?:(?:will )?(?:run|runs|last|lasts|continue|continues) until|until|"
    r"(?:will )?(?:end|ends|ended|close|closes|closed|conclude|concludes|concluded|finish|finishes|finished)(?: on)?)\s*$",
    re.IGNORECASE,
)
_BOUND_WORDS = st.sampled_from([
    "will", "Will", "run", "runs until", "until", "UNTIL", "lasts", "continue", "end", "ends on", "close", "Concludes", "on", "On",
    "ended", "CONCLUDED", "finished", "sended", "closed on",
    "started", "ſtarted", "kicked off", "\u212aicked off", "reopened", "opened", "launched", "restarts", "x", "_", "İ", "ı", "3 May",
])
_TAIL = st.lists(_BOUND_WORDS, max_size=8).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "  ", "", "\n", "-", " \t"]), min_size=len(words), max_size=len(words)).map(
        lambda seps: "".join(w + s for w, s in zip(words, seps))
    )
)


@settings(max_examples=500, deadline=None)
@given(before=_TAIL)
def test_bound_cue_agrees_with_the_regexes(before: str) -> None:
    """`bound_cue` says "start" or "end" exactly where the end-anchored regexes match the last 30 characters."""
    tail = before[-30:]
    assert bound_cue(before) == ("start" if _START_CUE.search(tail) else "end" if _END_CUE.search(tail) else None)
