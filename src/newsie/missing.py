"""Missing values as pandas and numpy give them: None, NaN, NaT and ``pd.NA``.

A row of ``df.to_dict("records")`` holds ``nan`` for an empty text column and ``NaT`` for
an empty date column; every optional field of an input reads them as absent. Told apart
without importing pandas or numpy (neither is needed to run newsie).
"""
from __future__ import annotations

import numbers
from typing import Any

_MISSING_TYPES = frozenset({"NaTType", "NAType"})  # pandas.NaT, pandas.NA
_PRESENT = frozenset({str, list, tuple, dict, bytes, bool, int})


def is_missing(value: Any) -> bool:
    """Whether `value` is None, a NaN (float, numpy or Decimal, quiet or signalling), NaT
    (pandas or numpy) or ``pd.NA``."""
    if value is None:
        return True
    if type(value) in _PRESENT:  # what an item's fields mostly hold: no further test
        return False
    if type(value).__name__ in _MISSING_TYPES:
        return True
    if isinstance(value, numbers.Number) or type(value).__name__ == "datetime64":
        try:
            return bool(value != value)  # NaN and NaT are the values unequal to themselves
        except ArithmeticError:  # a signalling NaN (Decimal("sNaN")) signals when compared
            return True
        except (TypeError, ValueError):
            return False
    return False
