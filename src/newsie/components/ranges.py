"""Token ranges as plain tuples: overlap filtering and word positions, without Spans."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from operator import itemgetter
from typing import Any, Final, TypeVar

R = TypeVar("R", bound=tuple[Any, ...])  # (start, end, ...) rows
_START: Final = itemgetter(0)


def longest_first(rows: Iterable[R]) -> list[R]:
    """spaCy's `filter_spans` on (start, end, ...) rows: of overlapping rows the first
    longest is kept (ties: the earlier start, then the given order); the kept ones in
    order of start. The same choice as `newsie.components.base.filter_ranges`."""
    by_start = sorted(rows, key=_START)
    end = 0
    for row in by_start:
        if row[0] < end or row[1] <= row[0]:
            break
        end = row[1]
    else:
        return by_start  # no two overlap, none is empty: all are kept
    # Longest first, then by start, ties in the given order (filter_spans' sort), by index:
    # `list.__getitem__` as the key keeps the sort in C.
    lengths = [row[1] - row[0] for row in by_start]
    result = []
    seen: set[int] = set()
    for k in sorted(range(len(by_start)), key=lengths.__getitem__, reverse=True):
        row = by_start[k]
        if row[0] not in seen and row[1] - 1 not in seen:
            result.append(row)
            seen.update(range(row[0], row[1]))
    result.sort(key=_START)
    return result


# Up to this many words, `positions` scans the tokens once per word in C (`list.count`,
# `list.index`); past it, once in all through a set: the per-word scans would make the
# cost grow with words x tokens, quadratic on a long document naming many people.
_FEW_WORDS: Final = 8


def positions(texts: list[str], words: Iterable[str]) -> list[int]:
    """Positions of the tokens whose text is one of `words`, in order (as `Cols.where`);
    a word given twice gives its positions twice.

    For a few words: each costs a count and an index per occurrence, all scans in C,
    where `Cols.where` calls a function per token. For many: one pass over the tokens.
    """
    wanted = list(words)
    if len(wanted) > _FEW_WORDS:
        times = Counter(wanted)
        return [i for i, text in enumerate(texts) if text in times for _ in range(times[text])]
    out: list[int] = []
    for word in wanted:
        i = -1
        for _ in range(texts.count(word)):
            i = texts.index(word, i + 1)
            out.append(i)
    out.sort()
    return out
