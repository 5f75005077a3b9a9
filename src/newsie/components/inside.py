"""Token ranges indexed for the two questions the people stages ask of them.

"Which is the first range (in the given order) inside tokens a..b?" and "Does a range
cover token i?" cost a scan of every range when asked of a plain list: on a long release,
a scan per name. `Ranges` answers both by bisection when the ranges are in order of
start with their ends in order too (as a filtered span group is), and by the scan
otherwise, so the answers never depend on the order.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

Row = Sequence[Any]  # (start, end, ...)


class Ranges:
    """Rows of (start, end, ...) token ranges, in the order given."""

    __slots__ = ("_ends", "_ordered", "_starts", "rows")

    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self._starts = [r[0] for r in rows]
        self._ends = [r[1] for r in rows]
        # In order of start with the ends in order too: the first range with a start at or
        # after a token is also the one of those that ends first.
        self._ordered = self._starts == sorted(self._starts) and self._ends == sorted(self._ends)

    def first_inside(self, a: int, b: int) -> Row | None:
        """The first row (in the given order) with ``a <= start`` and ``end <= b``."""
        if not self._ordered:
            return next((r for r in self.rows if r[0] >= a and r[1] <= b), None)
        k = bisect_left(self._starts, a)
        if k < len(self.rows) and self._ends[k] <= b:
            return self.rows[k]
        return None

    def covers(self, i: int) -> bool:
        """Whether a row holds token i (``start <= i < end``)."""
        if not self._ordered:
            return any(r[0] <= i < r[1] for r in self.rows)
        k = bisect_right(self._starts, i) - 1
        return k >= 0 and i < self._ends[k]
