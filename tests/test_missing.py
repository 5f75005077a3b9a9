"""Tests of missing values at the door: None, NaN, NaT and pd.NA."""
from __future__ import annotations

import datetime as dt
import decimal

import pytest

from newsie.missing import is_missing


@pytest.mark.parametrize("value", [None, float("nan"), decimal.Decimal("NaN")])
def test_none_and_nan_are_missing(value) -> None:
    """None and NaN are missing values, with no pandas or numpy involved."""
    assert is_missing(value)


def test_a_signalling_nan_is_missing() -> None:
    """A signalling Decimal NaN is missing, not an InvalidOperation raised."""
    assert is_missing(decimal.Decimal("sNaN")) and is_missing(decimal.Decimal("-sNaN"))
    assert not is_missing(decimal.Decimal("1.5"))


@pytest.mark.parametrize("value", ["", "nan", 0, 0.0, 3.5, dt.date(2020, 1, 2), [], [float("nan")], {"a": 1}])
def test_present_values_are_not_missing(value) -> None:
    """Empty strings, zeros, dates and containers are values, not missing ones."""
    assert not is_missing(value)


def test_pandas_and_numpy_missing_values() -> None:
    """pandas' NaT and NA and numpy's NaN and NaT are missing; a numpy date is not."""
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    for value in (pd.NaT, pd.NA, np.float64("nan"), np.float32("nan"), np.datetime64("NaT")):
        assert is_missing(value), value
    assert not is_missing(np.datetime64("2020-10-06")) and not is_missing(pd.Timestamp("2020-10-06"))
