"""Exact, faster stand-ins for a spaCy tokenizer's affix and URL regexes.

spaCy's English suffix regex is one alternation of ~200 pieces, each anchored at the
end (``"…$|,$|…"``): every search tries each piece at every position of the string, some
25,000 instructions for a short word, though most words end in a letter no piece can end
with. The same holds for the prefix pieces (anchored at the start) and, in a weaker form,
for the infix and URL patterns.

Each stand-in reads the original pattern's pieces (with Python's own regex parser) and
works out which characters a piece's match can begin or end with, or must contain:

- suffixes: only the pieces that can end with the string's last character are searched
  (a smaller alternation, compiled once per set of pieces); no such piece, no match;
- prefixes: the same with the first character;
- infixes and URLs: no character the pattern needs occurs in the string, no match.

Dropping a piece that cannot match leaves every search's result as it was (the first
piece that matches at the leftmost position is the same piece). Whatever the analysis
cannot read (a negated class, ``\\w``, flags, a piece that may match nothing) is kept in
every search, so the stand-ins are exact for any pattern; tests compare them with the
originals on generated strings. The stand-in keeps the original as ``__self__``, as a
bound ``Pattern.search`` has it, so spaCy serializes the same pattern string.
"""
from __future__ import annotations

import functools
import re
import sys
import warnings
from collections.abc import Callable
from typing import Any

# Python's own regex parser: the same reading of a pattern as `re.compile`'s.
if sys.version_info >= (3, 11):
    import re._constants as _c
    import re._parser as _p
else:  # pragma: no cover
    import sre_constants as _c
    import sre_parse as _p

Intervals = list[tuple[int, int]]
_MAX_KEYS = 4096  # distinct first/last characters (or sets of them) remembered per stand-in
_MAX_CHARS = 300_000  # needed characters kept as a set (else found with a class regex)
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def split_alternatives(pattern: str) -> list[str]:
    """The pieces of `pattern` between its top-level ``|`` (outside groups and classes)."""
    pieces: list[str] = []
    depth, start, i, n = 0, 0, 0, len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":  # "[]...]": the first "]" is a member
                i = j
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
        i += 1
    pieces.append(pattern[start:])
    return pieces


def _class(items: Any) -> Intervals | None:
    """The code points of a ``[...]`` class as intervals; None when not a plain list."""
    out: Intervals = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append((av, av))
        elif op is _c.RANGE:
            out.append(av)
        else:  # NEGATE, CATEGORY (\w, \d), case-folded ranges: not read
            return None
    return out


def _edge(seq: Any, last: bool) -> tuple[Intervals | None, bool]:
    """Characters a match of `seq` can begin (or, with `last`, end) with, and whether it can be empty."""
    acc: Intervals = []
    items = list(seq)
    for op, av in reversed(items) if last else items:
        if op in _ZERO_WIDTH:
            continue
        found, empty = _item_edge(op, av, last)
        if found is None:
            return None, False
        acc += found
        if not empty:
            return acc, False
    return acc, True


def _item_edge(op: Any, av: Any, last: bool) -> tuple[Intervals | None, bool]:
    if op is _c.LITERAL:
        return [(av, av)], False
    if op is _c.IN:
        return _class(av), False
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return (None, False) if add_flags or del_flags else _edge(sub, last)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _edge(av, last)
    if op is _c.BRANCH:
        acc: Intervals = []
        any_empty = False
        for alt in av[1]:
            found, empty = _edge(alt, last)
            if found is None:
                return None, False
            acc += found
            any_empty = any_empty or empty
        return acc, any_empty
    if op in _REPEATS:
        lo, _hi, sub = av
        found, empty = _edge(sub, last)
        return found, empty or lo == 0
    return None, False  # ANY, NOT_LITERAL, GROUPREF, ...


def _required(seq: Any) -> Intervals | None:
    """Characters one of which every match of `seq` holds (the fewest found); None if unknown."""
    best: Intervals | None = None
    for op, av in seq:
        found: Intervals | None = None
        if op is _c.LITERAL:
            found = [(av, av)]
        elif op is _c.IN:
            found = _class(av)
        elif op is _c.SUBPATTERN and not (av[1] or av[2]):
            found = _required(av[3])
        elif op is _c.BRANCH:
            alts = [_required(alt) for alt in av[1]]
            found = None if any(a is None for a in alts) else [iv for a in alts for iv in a]  # type: ignore[union-attr]
        elif op in _REPEATS and av[0] >= 1:
            found = _required(av[2])
        if found is not None and (best is None or _size(found) < _size(best)):
            best = found
    return best


def _size(intervals: Intervals) -> int:
    return sum(hi - lo + 1 for lo, hi in intervals)


def _contains(intervals: Intervals, code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in intervals)


def _class_regex(intervals: Intervals) -> re.Pattern[str]:
    parts = [re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in intervals]
    return re.compile("[" + "".join(parts) + "]")


def _parse(piece: str, flags: int) -> Any:
    with warnings.catch_warnings():  # "possible nested set": `re.compile` warned already
        warnings.simplefilter("ignore")
        state = _p.parse(piece, flags)
    if state.state.flags & ~(re.UNICODE | getattr(re, "NOFLAG", 0)):
        raise ValueError("flags")  # case folding, verbose, multiline...: not read
    return state


class _Anchored:
    """What a prefix (or suffix) stand-in knows: for each first (or last) character, the
    search over only the pieces that can begin (or end) with it."""

    __slots__ = ("by_char", "by_pieces", "flags", "last", "pattern", "pieces", "search", "sets", "widths")

    def __init__(self, pattern: re.Pattern[str], last: bool) -> None:
        self.pattern = pattern
        self.search = pattern.search
        self.flags = pattern.flags
        self.last = last
        self.pieces = split_alternatives(pattern.pattern)
        anchor = (_c.AT_END, _c.AT_END_STRING) if last else (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)
        self.sets: list[Intervals | None] = []  # None: kept in every search
        self.widths: list[int | None] = []  # the longest match of each piece (None: unbounded or unknown)
        for piece in self.pieces:
            found: Intervals | None = None
            width: int | None = None
            try:
                parsed = _parse(piece, self.flags)
                items = list(parsed)
                end = items[-1] if last else items[0]
                if end[0] is _c.AT and end[1] in anchor:
                    found, empty = _edge(items, last)
                    found = None if empty else found
                    if found is not None and parsed.getwidth()[1] < _c.MAXREPEAT:
                        width = int(parsed.getwidth()[1])
            except (re.error, ValueError, IndexError, TypeError, OverflowError):
                found = None
            self.sets.append(found)
            self.widths.append(width)
        self.by_char: dict[str, tuple[Callable[..., Any] | None, int | None]] = {}
        self.by_pieces: dict[tuple[int, ...], tuple[Callable[..., Any] | None, int | None]] = {}

    def for_char(self, ch: str) -> tuple[Callable[..., Any] | None, int | None]:
        """(search, longest match) over the pieces that can begin or end with `ch`.

        A prefix search is the pattern's `match` when every piece kept is anchored at the
        start; a suffix search comes with the longest match (None: unbounded), so it can
        start that far from the end.
        """
        code = ord(ch)
        keep = tuple(i for i, s in enumerate(self.sets) if s is None or _contains(s, code))
        found = self.by_pieces.get(keep)
        if found is None:
            if not keep:
                found = (None, None)
            else:
                rx = self.pattern if len(keep) == len(self.pieces) else re.compile("|".join(self.pieces[i] for i in keep), self.flags)
                anchored = all(self.sets[i] is not None for i in keep)
                if not self.last:
                    found = (rx.match if anchored else rx.search, None)
                else:
                    widths = [self.widths[i] for i in keep]
                    found = (rx.search, max(widths) if anchored and None not in widths else None)  # type: ignore[type-var]
            self.by_pieces[keep] = found
        if len(self.by_char) < _MAX_KEYS:
            self.by_char[ch] = found
        return found

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.pattern, self.last))


def _anchored(state: _Anchored, string: str) -> Any:
    """The stand-in's call (a `functools.partial` over `state`: cheaper to call than an object)."""
    if not string:
        return state.search(string)
    ch = string[-1] if state.last else string[0]
    if ch == "\n":  # "$" also matches before a final newline: the original decides
        return state.search(string)
    found = state.by_char.get(ch)
    if found is None:
        found = state.for_char(ch)
    search, width = found
    if search is None:
        return None
    if width is None:
        return search(string)
    # Every piece is anchored at the end and matches at most `width` characters.
    return search(string, max(0, len(string) - width))


class _Needs:
    """What an infix or URL stand-in knows: the characters a match needs and, for infixes,
    the pieces that can start with each of them."""

    __slots__ = ("by_hit", "call", "chars", "flags", "method", "needed", "pattern", "pieces", "sets")

    def __init__(self, pattern: re.Pattern[str], method: str, needed: Intervals, sets: list[Intervals] | None = None) -> None:
        self.pattern = pattern
        self.flags = pattern.flags
        self.method = method
        self.call = getattr(pattern, method)
        self.needed = _class_regex(needed).search
        self.sets = sets
        self.pieces = split_alternatives(pattern.pattern) if sets is not None else []
        self.chars: frozenset[str] | None = None
        if sets is not None and _size(needed) <= _MAX_CHARS:
            self.chars = frozenset(chr(c) for lo, hi in needed for c in range(lo, hi + 1))
        self.by_hit: dict[frozenset[str], Callable[[str], Any]] = {}

    def finditer_for(self, hit: frozenset[str]) -> Callable[[str], Any]:
        """`finditer` over the pieces that can start with one of the characters in `hit`."""
        assert self.sets is not None
        codes = [ord(c) for c in hit]
        keep = [i for i, s in enumerate(self.sets) if any(_contains(s, code) for code in codes)]
        if len(keep) == len(self.pieces):
            call = self.call
        else:
            call = re.compile("|".join(self.pieces[i] for i in keep), self.flags).finditer
        if len(self.by_hit) < _MAX_KEYS:
            self.by_hit[hit] = call
        return call

    def __reduce__(self) -> tuple[Any, ...]:
        return (_needs_state, (self.pattern, self.method))


def _needs(state: _Needs, string: str) -> Any:
    """The stand-in's call: nothing to find without a needed character."""
    chars = state.chars
    if chars is None:
        if state.needed(string) is None:
            return iter(()) if state.method == "finditer" else None
        return state.call(string)
    hit = chars.intersection(string)
    if not hit:
        return iter(())
    key = frozenset(hit)
    call = state.by_hit.get(key)
    if call is None:
        call = state.finditer_for(key)
    return call(string)


def _needs_state(pattern: re.Pattern[str], method: str) -> _Needs | None:
    """The state of `pattern`'s `method` stand-in; None when no needed characters are known."""
    sets: list[Intervals] | None = None
    if method == "finditer":  # every piece's match starts with one of its first characters
        needed: Intervals = []
        sets = []
        for piece in split_alternatives(pattern.pattern):
            try:
                found, empty = _edge(_parse(piece, pattern.flags), last=False)
            except (re.error, ValueError, TypeError):
                found, empty = None, True
            if found is None or empty:
                return None
            needed += found
            sets.append(found)
    else:
        try:
            required = _required(_parse(pattern.pattern, pattern.flags))
        except (re.error, ValueError, TypeError):
            required = None
        if required is None:
            return None
        needed = required
    return _Needs(pattern, method, needed, sets)


def _stand_in(call: Callable[..., Any], state: Any, pattern: re.Pattern[str]) -> Callable[[str], Any]:
    fn = functools.partial(call, state)
    fn.__self__ = pattern  # type: ignore[attr-defined]  # spaCy serializes ``fn.__self__.pattern``
    return fn


def is_stand_in(fn: Any) -> bool:
    """Whether `fn` is one of these stand-ins."""
    return isinstance(fn, functools.partial) and fn.func in (_anchored, _needs)


def needs_char(pattern: re.Pattern[str], method: str) -> Callable[[str], Any]:
    """`pattern`'s `method` ("finditer", "match" or "search"), with a first check that the
    string holds a character every match needs (the bound method itself when no such
    characters are known); a `finditer` also searches only the pieces that can start with
    a character the string holds."""
    state = _needs_state(pattern, method)
    if state is None:
        return getattr(pattern, method)
    return _stand_in(_needs, state, pattern)


def suffix_search(pattern: re.Pattern[str]) -> Callable[[str], Any]:
    """An exact, faster ``pattern.search`` for a suffix pattern (pieces ending in ``$``)."""
    return _stand_in(_anchored, _Anchored(pattern, last=True), pattern)


def prefix_search(pattern: re.Pattern[str]) -> Callable[[str], Any]:
    """An exact, faster ``pattern.search`` for a prefix pattern (pieces starting with ``^``)."""
    return _stand_in(_anchored, _Anchored(pattern, last=False), pattern)


def _bound_pattern(fn: Any, method: str) -> re.Pattern[str] | None:
    """The Pattern whose `method` `fn` is (None for anything else, a stand-in included)."""
    owner = getattr(fn, "__self__", None)
    if isinstance(owner, re.Pattern) and fn == getattr(owner, method) and isinstance(owner.pattern, str):
        return owner
    return None


def speed_up_tokenizer(tokenizer: Any) -> bool:
    """Put the stand-ins in place of a spaCy tokenizer's regex methods (those that are
    plain bound `Pattern` methods); whether anything was replaced. Tokens are unchanged."""
    changed = False
    for attr, method, make in (
        ("suffix_search", "search", suffix_search),
        ("prefix_search", "search", prefix_search),
        ("infix_finditer", "finditer", lambda p: needs_char(p, "finditer")),
        ("url_match", "match", lambda p: needs_char(p, "match")),
    ):
        pattern = _bound_pattern(getattr(tokenizer, attr, None), method)
        if pattern is None:
            continue
        fast = make(pattern)
        if is_stand_in(fast):
            setattr(tokenizer, attr, fast)
            changed = True
    return changed


__all__ = ["is_stand_in", "needs_char", "prefix_search", "speed_up_tokenizer", "split_alternatives", "suffix_search"]
