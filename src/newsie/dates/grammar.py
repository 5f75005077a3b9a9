"""A fast grammar for English dates in press releases: find spans, then normalize them.

`find_dates(text, anchor)` returns every temporal expression with its interval:
absolute dates ("21 February 2020", "February 21, 2020", "2020-02-21"), ranges ("from 7
to 9 December 2024", "14 – 19 August 2023", "15 and 16 October 2020", "from 24 July to
11 August", "between 3 and 5 May"), months and years ("in March 2019", "in 2019"), days
without a year (resolved against the anchor), and relative dates ("today", "yesterday",
"on Saturday", "last week", "next month"). Anything the grammar finds but cannot
normalize goes to dateparser (English only, strict, memoized).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter
from typing import Any, Final, NamedTuple

from ..casing import lowered_like_ignorecase
from ..kb.date_cues import date_cues, forward_regex
from ..kb.numbers import number_alternation, words_to_int

MONTHS: Final = {
    m.lower(): i
    for i, m in enumerate(calendar.month_name)
    if m
}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS: Final = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MON: Final = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAY: Final = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:1[89]\d\d|20\d\d)"  # a year on its own or after a month only ("in 2019", "March 2019"), not a count ("in 1500 villages")
# A year after a day and a month ("24 October 1648"): any four digits. What comes between
# (`_TO_ANY_YEAR`, day first): out of 1800-2099 the year is only right after the month,
# since a comma is no part of a day-month-year date: "On 3 May, 1200 police officers" is a
# day and a count. (Month first, "October 24, 1648", the comma is the rule.)
# Out of 1800-2099, four digits followed by a word are a count, not a year ("On 12 June
# 1500 observers were deployed", "1500 leaflets were distributed"), unless the word is one
# that follows a date ("24 October 1648 in Münster", "... 1648 the treaty was signed").
_AFTER_DATE: Final = (
    r"(?:in|at|on|by|and|or|but|the|a|an|was|were|is|are|had|has|to|of|for|with|when|while|as|after|before|"
    r"until|till|during|under|between|from|that|which|where|it|they|he|she|we|its|their|his|her)\b"
)
_ANY_YEAR: Final = rf"(?:{_YEAR}(?!\d)|\d{{4}}(?!\d)(?!\s+(?!{_AFTER_DATE})[a-z]))"
_TO_ANY_YEAR: Final = rf"(?:,\s+(?={_YEAR}(?!\d))|\s+)"
_DASH: Final = r"\s*[-–—]\s*"
_WD: Final = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_TO: Final = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|and|through)\s+)"

# Each pattern has named groups d1, m1, y1 (start) and d2, m2, y2 (end) as they apply.
_PATTERNS: Final[list[tuple[str, str]]] = [
    # 27 November to 1 December 2013 / 24 July – 11 August
    ("range", rf"(?:from\s+|between\s+)?{_WD}(?P<d1>{_DAY})\s+(?P<m1>{_MON})(?:\s+(?P<y1>{_ANY_YEAR}))?{_TO}{_WD}(?P<d2>{_DAY})\s+(?P<m2>{_MON})(?:{_TO_ANY_YEAR}(?P<y2>{_ANY_YEAR}))?"),
    # from 7 to 9 December 2024 / 14 – 19 August 2023 / 15 and 16 October / 3, 4 and 5 May
    ("range", rf"(?:from\s+|between\s+)?(?P<d1>{_DAY})(?:,\s*{_DAY})*{_TO}(?P<d2>{_DAY})\s+(?P<m2>{_MON})(?:{_TO_ANY_YEAR}(?P<y2>{_ANY_YEAR}))?"),
    # November 27 – December 1, 2013
    ("range", rf"(?:from\s+|between\s+)?(?P<m1>{_MON})\s+(?P<d1>{_DAY}){_TO}(?P<m2>{_MON})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y2>{_ANY_YEAR}))?"),
    # May 3-5, 2020 / May 3 and 4
    ("range", rf"(?:from\s+|between\s+)?(?P<m2>{_MON})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})(?:,?\s+(?P<y2>{_ANY_YEAR}))?"),
    # from March to May 2020
    ("month_range", rf"(?:from\s+|between\s+)(?P<m1>{_MON})(?:\s+(?P<y1>{_YEAR}))?{_TO}(?P<m2>{_MON})\s+(?P<y2>{_YEAR})"),
    # Monday, 21 February 2020 / 21 February / 21st of February 2020
    ("day", rf"{_WD}(?P<d1>{_DAY})(?:\s+of)?\s+(?P<m1>{_MON})(?:{_TO_ANY_YEAR}(?P<y1>{_ANY_YEAR}))?"),
    # February 21, 2020 / February 21
    # (written month first, a comma before the year is the rule: any four digits)
    ("day", rf"{_WD}(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?!\d)(?:,?\s+(?P<y1>{_ANY_YEAR}))?"),
    # 2020-02-21
    ("iso", r"(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)"),
    # 21.02.2020 / 21/02/2020 (day first, as in European releases)
    ("numeric", r"(?P<d1>[0-3]?\d)[./](?P<m1>[01]?\d)[./](?P<y1>(?:19|20)\d\d)"),
    # March 2019
    ("month", rf"(?P<m1>{_MON})\s+(?P<y1>{_YEAR})"),
    # in 2019 / in early 2019 / Since 2019 (a sentence's first word too)
    ("year", rf"(?:(?<=\b[Ii]n\s)|(?<=\bof\s)|(?<=\b[Ss]ince\s)|(?<=\b[Dd]uring\s)|(?<=\b[Ee]arly\s)|(?<=\b[Ll]ate\s)|(?<=\bmid-)){_YEAR}\b"),
    # relative expressions
    ("relative", r"\b(?:today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening|earlier today|earlier this (?:week|month|year)|(?:last|next|this|past|coming) (?:week|month|year|weekend)|(?:on |last |next |this |on the )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"),
]
_COMPILED: Final = [(kind, re.compile(rf"(?<![\w-]){p}(?![\w])", re.IGNORECASE if kind == "relative" else 0)) for kind, p in _PATTERNS]
# How each pattern can begin, as the lowercased first three characters at a start ("#": a
# digit): a pattern is tried only at the starts it can match (a superset of its matches).
_WD3: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MON3: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_FROM3: Final = ("fro", "bet")
_REL3: Final = ("tod", "yes", "tom", "ton", "thi", "ear", "las", "nex", "pas", "com", "on ")
_FIRSTS: Final[list[frozenset[str]]] = [
    frozenset(keys)
    for keys in (
        ("#", *_FROM3, *_WD3),  # range: 27 November to 1 December
        ("#", *_FROM3),  # range: from 7 to 9 December
        (*_FROM3, *_MON3),  # range: November 27 - December 1
        (*_FROM3, *_MON3),  # range: May 3-5
        _FROM3,  # month_range
        ("#", *_WD3),  # day: Monday, 21 February
        (*_WD3, *_MON3),  # day: February 21
        ("#",),  # iso
        ("#",),  # numeric
        _MON3,  # month
        ("#",),  # year
        (*_REL3, *_WD3),  # relative
    )
]
assert len(_FIRSTS) == len(_COMPILED)
# Where a date expression can begin: every pattern above starts (after ``(?<![\w-])``)
# with a digit, "from"/"between", a month, a weekday or a relative word. Patterns are
# tried only at these positions instead of each scanning the whole text.
_START_WORDS: Final = (
    "from", "between", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "today", "yesterday", "tomorrow", "tonight", "this",
    "earlier", "last", "next", "past", "coming", "on",
)
_START_RE: Final = re.compile(r"(?<![\w-])(?:\d|(?i:" + "|".join(_START_WORDS) + "))")


def _start_scans(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    r"""Two regexes that find, in lowercased text, the positions `_START_RE` accepts after
    the first character (each match begins one character before): one after a space, one
    after any other character outside ``[\w-]``. Each begins with a literal or a byte-set
    that re scans for in C, then tries a digit or the words by first letter (case-sensitive
    alternatives are skipped on their first character), so no Python code runs per word."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    rest = "|".join(f"{c}(?:{'|'.join(tails)})" for c, tails in sorted(by_first.items()))
    return re.compile(rf" (?:\d|{rest})"), re.compile(rf"[^a-z0-9_ \-](?<![\w-])(?:\d|{rest})")


_AFTER_SPACE_RE, _AFTER_OTHER_RE = _start_scans(_START_WORDS)

# What must follow a start, in lowercased text, for each pattern to match there: rows of
# (how the row begins, what follows, the patterns it names as indexes into _PATTERNS),
# each a necessary condition of the patterns it names. How a row begins is a list of
# alternatives, each a plain first character and a regex ("#": a digit, and the rest
# follows it). Where two rows can both match, the one listed first names every pattern
# that can match there (a weekday with a day or a month after it comes before a weekday
# alone, which only the relative pattern can use).
MONTH_WORDS: Final = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"  # a regex alternation (rawtext reads it too)
_WD_LOW: Final = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_ORD: Final = "(?:st|nd|rd|th)?"
_MON_RX, _TO_RX = _MON.lower(), _TO  # as in the patterns, for lowercased text (no escape is a capital)
assert not re.search(r"\\[A-Z]", _MON + _TO)
# `_YEAR`'s lookbehinds as seen one character later (after the year's first digit).
_YEAR_AFTER_1: Final = r"(?:(?<=\bin\s.)|(?<=\bof\s.)|(?<=\bsince\s.)|(?<=\bduring\s.)|(?<=\bearly\s.)|(?<=\blate\s.)|(?<=\bmid-.))"
_FB: Final = ("from", "between")
_WDS: Final = tuple(_WD_LOW.split("|"))
_MONS: Final = tuple(_MON_RX[3:-1].split("|"))  # "january", ..., "jan\.?", "sept?\.?"
_RELS: Final = (
    "today", "yesterday", "tomorrow", "tonight", "this morning", "this afternoon", "this evening", "earlier today",
    "earlier this (?:week|month|year)",
    *(f"{w} (?:week|month|year|weekend)" for w in ("last", "next", "this", "past", "coming")),
    *(f"{w}(?:{_WD_LOW})" for w in ("on ", "last ", "next ", "this ", "on the ")),
)
_CLASSES: Final[list[tuple[tuple[str, ...], str, tuple[int, ...]]]] = [
    (("#",), rf"\d?{_ORD}\s+{_MON_RX}(?:\s+\d{{4}})?{_TO_RX}(?:(?:{_WD_LOW}),?\s+)?\d{{1,2}}{_ORD}\s+{_MON_RX}", (0, 5)),  # 27 November (2013) to 1 December
    (("#",), rf"\d?{_ORD}\s+(?:of\s+)?(?:{MONTH_WORDS})", (5,)),  # 21 February, 21st of February
    (("#",), rf"\d?{_ORD}(?:,|\s*[-–—]|\s+(?:to|until|till|and|through)\s)", (1,)),  # 7 to 9 May, 3, 4 and 5 May
    (("#",), r"\d?[./]", (8,)),  # 21.02.2020
    (("#",), rf"{_YEAR_AFTER_1}\d{{3}}(?!\d)", (7, 10)),  # in 2019
    (("#",), r"\d{3}-\d\d-\d", (7,)),  # 2020-02-21
    (_FB, r"\s+\d", (0, 1)),
    (_FB, rf"\s+(?:{_WD_LOW})", (0,)),
    (_FB, rf"\s+(?:{MONTH_WORDS})", (2, 3, 4)),
    (_WDS, r",?\s+\d", (0, 5, 11)),  # Monday, 21 February
    (_WDS, rf",?\s+(?:{MONTH_WORDS})", (6, 11)),  # Monday, February 21
    (_WDS, r"(?!\w)", (11,)),  # on Monday
    (_MONS, r"\s+\d{4}(?!\d)", (9,)),  # March 2019
    (_MONS, rf"\s+\d{{1,2}}{_ORD}{_TO_RX}(?:{_MON_RX}\s+)?\d", (2, 3, 6)),  # November 27 - December 1, May 3-5
    (_MONS, r"\s+\d", (6,)),  # February 21
    (_RELS, r"(?!\w)", (11,)),  # the relative pattern where it does not begin with a weekday (the rows above)
]
assert all(h == "#" or (h[0].isalpha() and h[1:2] not in ("?", "*", "+", "{")) for heads, _, _ in _CLASSES for h in heads)


def _trie(words: list[str]) -> str:
    """An alternation of plain lowercase words as a prefix tree ("t(?:oday|h(?:is|u))"):
    the regex engine tests each branch's first character before entering it."""
    if "" in words:
        rest = _trie([w for w in words if w])
        return f"(?:{rest})?" if rest else ""
    by_first: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        by_first.setdefault(w[0], []).append(w[1:])
    branches = [c + (_trie(tails) if tails != [""] else "") for c, tails in by_first.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


_DIGIT_HEAD: Final = rf"\d?{_ORD}"  # how the first rows after a digit go on: a second digit, an ordinal


def _classifier(factor: bool = True) -> tuple[str, list[tuple[int, ...]]]:
    r"""One regex that, at a start, tells which row matches first (``lastindex``), and the
    patterns of each group. It branches on the start's first character (``\d`` or a
    letter, which the regex engine tests before entering a branch), checks that a start
    word follows (`_START_WORDS`, as a prefix tree), then tries, in a lookahead, the rows
    that can begin with that character, each as the rest of the row after it; a match
    takes only that character, so no later start is passed over.

    With `factor`, the first rows after a digit share one `_DIGIT_HEAD` (tried once, not
    once per row): each of them goes on with whitespace, a comma or a dash, so the head
    must take every digit and ordinal letter there, and at most one way of matching it
    leaves a row anything to match; the row that matches first is the same.

    Each row ends with an empty group, numbered as the row (``lastindex``): a group
    around the whole row would be opened before its first character is tested, and the
    engine saves and restores its marks for every alternative it tries (~10% of the
    classifier's cost)."""
    firsts = sorted({"#" if h == "#" else h[0] for heads, _, _ in _CLASSES for h in heads})
    assert {c for c in firsts if c != "#"} == {w[0] for w in _START_WORDS}
    branches: list[str] = []
    groups: list[tuple[int, ...]] = [()]
    for c in firsts:
        rows = []
        for heads, tail, ks in _CLASSES:
            rests = sorted({"" if h == "#" else h[1:] for h in heads if (h == "#") == (c == "#") and h[0] == c[0]})
            if rests:
                rows.append(f"(?:(?:{'|'.join(rests)}){tail})()" if rests != [""] else f"(?:{tail})()")
                groups.append(ks)
        if c == "#":
            tails = [tail for heads, tail, _ in _CLASSES if "#" in heads]
            shared = 0
            while factor and shared < len(tails) and tails[shared].startswith(_DIGIT_HEAD) and re.match(r"\\s|,|\(\?:,", tails[shared][len(_DIGIT_HEAD):]):
                shared += 1
            head = [f"(?:{t[len(_DIGIT_HEAD):]})()" for t in tails[:shared]]
            alternatives = ([f"{_DIGIT_HEAD}(?:{'|'.join(head)})"] if head else []) + rows[shared:]
            branches.append(rf"\d(?={'|'.join(alternatives)})")
        else:
            guard = _trie([w[1:] for w in _START_WORDS if w[0] == c])
            branches.append(f"{c}(?={guard})(?={'|'.join(rows)})" if guard else f"{c}(?={'|'.join(rows)})")
    return f"(?:{'|'.join(branches)})", groups


_CLASSIFIER, _GROUP_PATTERNS = _classifier()
# At the text's start, after a space, and after any other character outside ``[\w-]``
# (a byte-set that re scans for in C; uppercase ASCII never occurs in lowered text).
_CLASSIFY_HEAD: Final = re.compile(_CLASSIFIER)
_CLASSIFY_AFTER_SPACE: Final = re.compile(" " + _CLASSIFIER)
_CLASSIFY_AFTER_OTHER: Final = re.compile(r"[^a-z0-9_ \-](?<![\w-])" + _CLASSIFIER)
# The same at one given position: what the three above find is where this matches.
_CLASSIFY_AT: Final = re.compile(r"(?<![\w-])" + _CLASSIFIER)
# The words a start that is not a digit begins (its run of ``\w``: every row's head is
# one of them followed by a character outside ``\w``), and their prefixes.
HEAD_WORDS: Final = frozenset((*MONTH_WORDS.split("|"), *_WDS, *_FB, *(r.split(" ")[0] for r in _RELS)))
assert all(h == "#" or re.match("[a-z]+", h)[0] in HEAD_WORDS for heads, _, _ in _CLASSES for h in heads)  # type: ignore[index]
HEAD_PREFIXES: Final = frozenset(w[:i] for w in HEAD_WORDS for i in range(1, len(w) + 1))
_START_CHAR: Final = itemgetter(0)  # FoundDate.start_char


# A duration's unit ("-day", " weeks"): a duration match holds one, at most 21 characters
# after the match's start (a number word, "-and-a-half", the separator).
_UNITS: Final = ("day", "week", "month")
_UNIT_RE: Final = re.compile(rf"[- ](?:{'|'.join(_UNITS)})", re.IGNORECASE)
_UNIT_BEFORE, _UNIT_AFTER = 21, 14
_TAIL: Final = len("s-long") + 1  # what a window can cut off a match's end (and the character after it)
_DURATION: Final = rf"\b(?P<n>\d{{1,2}}|{number_alternation(scales=False)})(?P<half>[- ]and[- ]a[- ]half)?[- ](?P<unit>day|week|month)s?\b(?:-long)?"
_DURATION_RE: Final = re.compile(_DURATION, re.IGNORECASE)
# The same on lowercased text, case-sensitive: each alternative then begins with a plain
# character the regex engine tests before entering it (several times fewer steps).
_DURATION_LOW: Final = re.compile(_DURATION)
assert re.sub(r"\\[bd]|\?P<", "", _DURATION).islower()


class FoundDate(NamedTuple):
    """A temporal expression: character offsets, raw text and normalized interval (a named
    tuple: made several times faster than a frozen dataclass)."""

    start_char: int
    end_char: int
    text: str
    start: dt.date | None
    end: dt.date | None
    granularity: str  # day, week, month, year
    relative: bool = False
    year_inferred: bool = False


class Duration(NamedTuple):
    """"a five-day course": the length of an event in days."""

    start_char: int
    end_char: int
    text: str
    days: int


def find_dates(text: str, anchor: dt.date | None = None) -> list[FoundDate]:
    """Every date expression in `text`, left to right, without overlaps."""
    return _find_dates(text, text.lower(), anchor)


def scan(text: str, anchor: dt.date | None = None, starts: list[int] | None = None) -> tuple[list[FoundDate], list[Duration]]:
    """`find_dates` and `find_durations` of `text`, lowercasing it once.

    `starts`: positions in order that include every one where a date can begin (see
    `newsie.dates.starts`), tried instead of scanning the whole text for them.
    """
    low = text.lower()
    return _find_dates(text, low, anchor, starts), _find_durations(text, low)


def _find_dates(text: str, low: str, anchor: dt.date | None, starts: list[int] | None = None) -> list[FoundDate]:
    taken = bytearray(len(text))  # characters already inside a found date
    out: list[FoundDate] = []
    candidates = _candidates(text, low, starts)
    for k in sorted(candidates):
        kind, rx = _COMPILED[k]
        # Same matches as rx.finditer(text): leftmost, non-overlapping, tried where one can start.
        last = 0
        at = candidates[k]
        n = len(at)
        free = 0  # candidates after i and before `free` are all taken (`taken` only grows)
        for i, pos in enumerate(at):
            if pos < last:
                continue
            if taken[pos]:
                if free <= i:
                    free = i + 1
                while free < n and taken[at[free]]:
                    free += 1
                if free >= n:
                    break  # a match can only begin where no date is yet: none is left to find
            m = rx.match(text, pos)
            if m is None:
                continue
            s, e = m.span()
            last = e
            if taken.find(1, s, e) >= 0:
                continue
            raw = text[s:e]
            value = _value(kind, k, m, raw, anchor, False)
            if value is not None and value[0] is not None and (value[4] or (value[3] and _bare_weekday(low, s, e))) and _forward_before(low, s):
                value = _value(kind, k, m, raw, anchor, True)  # "the upcoming 15 October elections", "will hold ... on Wednesday"
            if value is not None:
                taken[s:e] = b"\x01" * (e - s)
                out.append(FoundDate(s, e, raw, *value))
    if anchor is not None and _OBSERVANCES is not None and " day" in low:
        out += _observances(text, low, anchor, taken)
    if len(out) > 1:
        out.sort(key=_START_CHAR)
    return out


def _normal(name: str) -> str:
    """A named day's name as the look-ups key it: lowercase, one apostrophe, single spaces."""
    return " ".join(name.lower().replace("’", "'").split())


def _observance_regex() -> re.Pattern[str] | None:
    """The names of `date_cues().observances` as one regex over lowercased text: whole
    words, either apostrophe, any white space between words, the longest name first; a
    trie of words (one branch per next word), which re tries far faster than a flat
    alternation of some eighty names."""
    tree: dict[str, Any] = {}
    for name in date_cues().observances:
        node = tree
        for word in _normal(name).split():
            node = node.setdefault(word, {})
        node[""] = {}
    if not tree:
        return None

    def render(node: dict[str, Any]) -> str:
        """The alternation of the words that may come next, each with what may follow it
        (optional where a name may end there: the longer name is tried first)."""
        alts = []
        for word, child in sorted(node.items(), reverse=True):  # ("homophobia," before "homophobia")
            if word:
                rest = render(child) if len(child) > ("" in child) else ""
                alts.append(re.escape(word).replace("'", "['’]") + (rf"(?:\s+{rest}){'?' if '' in child else ''}" if rest else ""))
        return "(?:" + "|".join(alts) + ")"

    return re.compile(render(tree) + r"(?![\w-])")


_OBSERVANCES: Final = _observance_regex()
# each name (`_normal`) to its (month, day)
_OBSERVANCE_DAYS: Final = {_normal(name): (int(day[:2]), int(day[3:])) for name, day in date_cues().observances.items()}
_EVE: Final = re.compile(r"\beve\s+of\s+(?:the\s+|this\s+year['’]s\s+)?$")


# Each name's words before its " day" ("international women's", "european roma holocaust memorial")
_BEFORE_DAY: Final = [n[: n.find(" day")].split() for n in _OBSERVANCE_DAYS]
# the word right before " day" in each name ("international", "rights", "women's", ...)
_LAST_BEFORE_DAY: Final = frozenset(words[-1] for words in _BEFORE_DAY)
_LONGEST_LAST: Final = max(map(len, _LAST_BEFORE_DAY), default=0) + 2
# the most words a name holds before its " day" ("European Roma Holocaust Memorial Day": 4)
_WORDS_BEFORE_DAY: Final = max(map(len, _BEFORE_DAY), default=0)
_WORD_BEFORE: Final = re.compile(r"[\w-]")  # a character a name may not follow (it starts a whole word)


def _observance_matches(low: str) -> Iterator[re.Match[str]]:
    """The matches of `_OBSERVANCES` in `low`, left to right without overlaps: tried only
    at the starts of the few words before each " day" (anchored matches are cheap; a
    search over the text tries the alternation at every character)."""
    assert _OBSERVANCES is not None
    last = 0
    at = low.find(" day")
    while at >= 0:
        word = low[max(0, at - _LONGEST_LAST) : at].rsplit(None, 1)
        if not word or word[-1].replace("’", "'").lstrip("\"'“‘«") not in _LAST_BEFORE_DAY:
            at = low.find(" day", at + 4)  # "the day", "each day": no name has that word before " day"
            continue
        starts = []
        k = at
        for _ in range(_WORDS_BEFORE_DAY):
            k = max(low.rfind(" ", 0, k), low.rfind("\n", 0, k))
            start = k + 1
            while start < at and not low[start].isalnum():
                start += 1  # ('"Europe Day"': the name after its quote)
            starts.append(start)
            if k < 0:
                break
        for start in reversed(starts):  # the longest name first
            if start >= last and (start == 0 or not _WORD_BEFORE.match(low, start - 1)):
                m = _OBSERVANCES.match(low, start)
                if m is not None:
                    yield m
                    last = m.end()
                    break
        at = low.find(" day", max(at + 4, last))


def is_observance(raw: str) -> bool:
    """Whether `raw` is the name of a day observed each year ("International Roma Day")."""
    return _normal(raw) in _OBSERVANCE_DAYS


def _observances(text: str, low: str, anchor: dt.date, taken: bytearray) -> list[FoundDate]:
    """Days observed each year named in `text` ("On International Roma Day"), each its day
    of the year nearest the anchor (`infer_year`, further ahead after a forward cue);
    "on the eve of" one is the day before. Not where a date is already found."""
    assert _OBSERVANCES is not None
    out = []
    for m in _observance_matches(low):
        s, e = m.span()
        if taken.find(1, s, e) >= 0:
            continue
        month, day = _OBSERVANCE_DAYS[_normal(low[s:e])]
        forward = _forward_before(low, s)
        date = infer_year(month, day, anchor, FORWARD_HORIZON if forward else 90)
        if date is not None and _EVE.search(low, max(0, s - 40), s):
            date = days_after(date, -1)
        if date is not None:
            out.append(FoundDate(s, e, text[s:e], date, date, "day", False, True))
    return out


def _value(kind: str, k: int, m: re.Match[str], raw: str, anchor: dt.date | None, forward: bool) -> tuple[Any, ...] | None:
    """The normalized value of pattern k's match (memoized, see `_VALUES`)."""
    key = (k, raw, anchor, forward)
    value: Any = _VALUES.get(key, _UNKNOWN)
    if value is _UNKNOWN:
        try:
            found = _normalize(kind, m, anchor, forward)
        except (OverflowError, ValueError):  # beyond year 1 or 9999 from an extreme anchor
            found = None
        value = None if found is None else found[3:]
        if len(_VALUES) >= _VALUES_LIMIT:
            _VALUES.clear()
        _VALUES[key] = value
    return value


_FORWARD_RE: Final = forward_regex()
_FORWARD_WINDOW: Final = date_cues().forward_window
_CLAUSE_END: Final = re.compile(r".*[.;,!?\n\x00]", re.DOTALL)  # up to the last clause boundary


def _bare_weekday(low: str, start: int, end: int) -> bool:
    """Whether a relative date is a weekday without "last" or "next" ("on Wednesday")."""
    words = low[start:end].split()
    return words[-1] in WEEKDAYS and words[0] not in ("last", "next")


def _forward_before(low: str, start: int) -> bool:
    """Whether the clause before a date, up to `_FORWARD_WINDOW` characters, holds a
    forward cue ("will be held on", "preparing for the", "the upcoming"; see
    ``gazetteers/date_cues.json``)."""
    begin = max(0, start - _FORWARD_WINDOW)
    m = _CLAUSE_END.match(low, begin, start)
    if m is not None:
        begin = m.end()
    return _FORWARD_RE.search(low, begin, start) is not None


# The normalized value (the fields of a `FoundDate` after its text, or None) by pattern,
# text, anchor and whether a forward cue precedes it: what a pattern's groups hold
# follows from the text it matched.
_VALUES: Final[dict[tuple[int, str, dt.date | None, bool], tuple[Any, ...] | None]] = {}
_VALUES_LIMIT: Final = 4_096  # ~0.4 KB each: a few MB at most, so RSS stays flat over a long stream
_UNKNOWN: Final = object()


def _candidates(text: str, low: str, at: list[int] | None = None) -> dict[int, list[int]]:
    """The patterns that may match (indexes into _PATTERNS), each with the positions
    where it may, in order (a superset of its matches); `at`: a superset of the starts."""
    starts: dict[int, list[int]] = {}
    if lowered_like_ignorecase(text, low):
        # What follows each start tells which patterns can match there: most starts ("on",
        # "2020" inside a date, "September" without a day) leave none to try, and are
        # passed over inside the regex engine.
        if at is not None:
            match = _CLASSIFY_AT.match
            hits = [(p, m.lastindex) for p in at if (m := match(low, p)) is not None]
        else:
            hits = [(m.start() + 1, m.lastindex) for m in _CLASSIFY_AFTER_SPACE.finditer(low)]
            other = [(m.start() + 1, m.lastindex) for m in _CLASSIFY_AFTER_OTHER.finditer(low)]
            if other:
                hits = sorted(hits + other)
            if (m := _CLASSIFY_HEAD.match(low)) is not None:
                hits.insert(0, (0, m.lastindex))
        for pos, g in hits:
            for k in _GROUP_PATTERNS[g or 0]:
                if k in starts:
                    starts[k].append(pos)
                else:
                    starts[k] = [pos]
    else:
        for pos in _starts(text, low):
            for k in _patterns_at("#" if text[pos].isdigit() else text[pos : pos + 3].lower()):
                if k in starts:
                    starts[k].append(pos)
                else:
                    starts[k] = [pos]
    return starts


def _starts(text: str, low: str | None = None) -> list[int]:
    """Every position `_START_RE` matches at, in order (`low`: ``text.lower()``, if known)."""
    if low is None:
        low = text.lower()
    if not lowered_like_ignorecase(text, low):
        return [m.start() for m in _START_RE.finditer(text)]
    found = [m.start() + 1 for m in _AFTER_SPACE_RE.finditer(low)]
    other = [m.start() + 1 for m in _AFTER_OTHER_RE.finditer(low)]
    if other:
        found = sorted(found + other)
    if text and _START_RE.match(text):
        found.insert(0, 0)
    return found


@lru_cache(maxsize=1024)
def _patterns_at(key: str) -> tuple[int, ...]:
    """The patterns that can begin with `key` (every pattern for a key that is not ASCII:
    case-insensitive matching folds a few other letters onto ASCII ones)."""
    if not key.isascii():
        return tuple(range(len(_COMPILED)))
    return tuple(k for k, firsts in enumerate(_FIRSTS) if key in firsts)


def find_durations(text: str) -> list[Duration]:
    """Event lengths such as "five-day", "two-week", "3-day"."""
    return _find_durations(text, text.lower())


_UNIT_DAYS: Final = {"day": 1, "week": 7, "month": 30}


def _find_durations(text: str, low: str) -> list[Duration]:
    units = _unit_starts(text, low)
    if not units:
        return []
    # On lowercased text where that finds what IGNORECASE finds (`_unit_starts` checks the same).
    rx, where = (_DURATION_LOW, low) if lowered_like_ignorecase(text, low) else (_DURATION_RE, text)
    out = []
    last = 0
    for p in units:
        if p < last:
            continue
        # Same matches as _DURATION_RE.finditer(text), searched only around each unit.
        end = min(len(text), p + _UNIT_AFTER)
        m = rx.search(where, max(last, p - _UNIT_BEFORE), end)
        if m is not None and m.end() + _TAIL >= end and end < len(text):
            # Perhaps cut by the window ("12 month|s", "3-day-lo|ng"), a later unit's: the
            # whole match there, if any (no match begins inside another, so none before).
            m = rx.match(where, m.start())
        if m is None:
            continue
        s, last = m.span()
        n, half, unit = m.group("n", "half", "unit")
        unit = unit.lower()
        days = (words_to_int(n.lower()) or 0) * _UNIT_DAYS[unit] + (1 if half and unit == "day" else 0)
        out.append(Duration(s, last, text[s:last], days))
    return out


def _unit_starts(text: str, low: str) -> list[int]:
    """Where `_UNIT_RE` matches, in order: on lowercased text, each unit found by a substring
    search in C (a unit is never inside another unit's match, so every hit is a match)."""
    if not lowered_like_ignorecase(text, low):
        return [m.start() for m in _UNIT_RE.finditer(text)]
    found = []
    for unit in _UNITS:
        p = low.find(unit, 1)
        while p >= 0:
            if low[p - 1] in "- ":
                found.append(p - 1)
            p = low.find(unit, p + 1)
    found.sort()
    return found


def _month(s: str | None) -> int | None:
    if s is None:
        return None
    if s.isdigit():
        return int(s)
    return MONTHS.get(s.lower().rstrip("."))


def _day(s: str | None) -> int | None:
    return int(s.rstrip("stndrh")) if s else None  # the digits of `_DAY` (an ordinal suffix is only these letters)


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def days_after(day: dt.date, days: int) -> dt.date | None:
    """The day `days` after `day` (before it when negative); None past year 1 or 9999."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


FORWARD_HORIZON: Final = 305  # days: with a forward cue, a day up to 60 days past still reads as past


def infer_year(month: int, day: int, anchor: dt.date | None, horizon_days: int = 90) -> dt.date | None:
    """The latest date with this month and day up to `horizon_days` after the anchor.

    Releases mostly report what has happened, sometimes announce what is coming soon;
    a day announced as coming ("the upcoming 15 October elections") looks further ahead
    (`FORWARD_HORIZON`).
    """
    if anchor is None:
        return None
    horizon = days_after(anchor, horizon_days) or dt.date.max
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe(y, month, day)) and d <= horizon]
    return max(options) if options else None


def _normalize(kind: str, m: re.Match[str], anchor: dt.date | None, forward: bool = False) -> FoundDate | None:
    g = m.groupdict()
    horizon = FORWARD_HORIZON if forward else 90
    s, e, raw = m.start(), m.end(), m.group(0)
    if kind == "relative":
        rng = relative(raw, anchor, forward)
        return FoundDate(s, e, raw, rng[0], rng[1], rng[2], relative=True) if rng else None
    if kind == "year":
        y = int(raw)
        return FoundDate(s, e, raw, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if kind in ("month", "month_range"):
        m1: int | None = _month(g.get("m1"))
        m2: int | None = _month(g.get("m2")) or m1
        last_year = int(str(g.get("y2") or g.get("y1")))
        first_year = int(g.get("y1") or last_year)
        if not m1 or not m2:
            return None
        start = _safe(first_year, m1, 1)
        end = _safe(last_year, m2, calendar.monthrange(last_year, m2)[1])
        return FoundDate(s, e, raw, start, end, "month") if start and end and start <= end else None
    d1, d2 = _day(g.get("d1")), _day(g.get("d2"))
    m1, m2 = _month(g.get("m1")), _month(g.get("m2"))
    y1 = int(g["y1"]) if g.get("y1") else None
    y2 = int(g["y2"]) if g.get("y2") else None
    if kind in ("day", "iso", "numeric"):
        if not m1 or d1 is None or (not d1 and kind != "day"):  # "2020-00-05", "0.5.2020"; "0 May" names no day
            return _dateparser_fallback(s, e, raw, anchor)
        if y1 is not None:
            day = _safe(y1, m1, d1)
            if day is None and kind == "day":
                # "31 February 2020" names no day: taken whole, without a value (read alone,
                # "February 2020" would be a month that is not the one meant)
                return FoundDate(s, e, raw, None, None, "day")
            return FoundDate(s, e, raw, day, day, "day") if day else None
        day = infer_year(m1, d1, anchor, horizon)
        return FoundDate(s, e, raw, day, day, "day", year_inferred=True) if day else FoundDate(s, e, raw, None, None, "day", year_inferred=True)
    # ranges
    m1 = m1 or m2
    if not (d1 and d2 and m1 and m2):
        return None
    year_inferred = False
    if y2 is None and y1 is None:
        end = infer_year(m2, d2, anchor, horizon)
        year_inferred = True
        if end is None:
            return FoundDate(s, e, raw, None, None, "day", year_inferred=True)
        y2 = end.year
    if y2 is None:
        y2 = y1
    assert y2 is not None
    if y1 is None:
        y1 = y2 - 1 if m1 > m2 else y2
    start, end = _safe(y1, m1, d1), _safe(y2, m2, d2)
    if not start or not end or start > end or (end - start).days > 366:
        return None
    return FoundDate(s, e, raw, start, end, "day", year_inferred=year_inferred)


def relative(raw: str, anchor: dt.date | None, forward: bool = False) -> tuple[dt.date, dt.date, str] | None:
    """The interval of a relative expression, anchored to the release date; with
    `forward` (a cue such as "will" before it), a bare weekday is the next such day
    (or the release's own)."""
    if anchor is None:
        return None
    t = raw.lower().strip()
    t = re.sub(r"^(on the|on)\s+", "", t)
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"):
        return anchor, anchor, "day"
    if t == "yesterday":
        d = anchor - dt.timedelta(days=1)
        return d, d, "day"
    if t == "tomorrow":
        d = anchor + dt.timedelta(days=1)
        return d, d, "day"
    parts = t.split()
    unit = parts[-1]
    which = parts[0] if len(parts) > 1 else ""
    if unit in WEEKDAYS:
        wd = WEEKDAYS[unit]
        if which == "next":
            delta = (wd - anchor.weekday()) % 7 or 7
            d = anchor + dt.timedelta(days=delta)
        elif forward and which != "last":  # "will hold a press conference on Wednesday"
            d = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)
        else:  # "on Monday", "last Monday": the most recent such day (releases report the past)
            delta = (anchor.weekday() - wd) % 7
            if which == "last" and delta == 0:
                delta = 7
            d = anchor - dt.timedelta(days=delta)
        return d, d, "day"
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "weekend" and which == "this" and anchor.weekday() < 2:
        shift = -1  # "this weekend" is the nearest one: on a Monday or Tuesday, the one just past
    if unit in ("week", "weekend"):
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "day"
        return monday, monday + dt.timedelta(days=6), "week"
    if unit == "month":
        y, mth = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        mth += 1
        return dt.date(y, mth, 1), dt.date(y, mth, calendar.monthrange(y, mth)[1]), "month"
    if unit == "year":
        y = anchor.year + shift
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    return None


@lru_cache(maxsize=4096)
def _parse_with_dateparser(raw: str, anchor: dt.date | None) -> dt.date | None:
    import dateparser

    settings = {"STRICT_PARSING": True, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    parsed = dateparser.parse(raw, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _dateparser_fallback(s: int, e: int, raw: str, anchor: dt.date | None) -> FoundDate | None:
    day = _parse_with_dateparser(raw, anchor)
    return FoundDate(s, e, raw, day, day, "day") if day else None
