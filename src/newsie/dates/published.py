"""Reading the `published` date a caller passes: dates, datetimes and date strings.

Any unambiguous English date string is accepted ("2020-02-21", "21 February 2020",
"Feb. 21, 2020", "21.02.2020", "02/21/2020"). A string that names no single day
("03/05/2020": March or May? "May 2020", "14 November") is ambiguous: it gives no date
and a warning for the record, so the release date falls back to the dateline. A page's
date that names no day at all ("31 April 2021", a `NoSuchDay`) is read the same way; the
caller's own string of it is an error.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from ..exceptions import PublishedDateError
from ..missing import is_missing

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>\d{4}|\d{2})$")
# A string parsed to different dates from two bases is relative ("yesterday"). The bases
# are close to today so that two-digit years read the same from both.
_TODAY = dt.datetime.combine(dt.date.today(), dt.time())
_BASES = (_TODAY, _TODAY - dt.timedelta(days=40))


class NoSuchDay(str):
    """A date as a page prints it that names no day ("31 April 2021"): `read_published`
    gives no date and a warning for it, not the `PublishedDateError` of a caller's own."""

    __slots__ = ()


def read_published(value: Any) -> tuple[dt.date | None, str | None]:
    """The date `value` names, and a warning when it is ambiguous (then the date is None).

    A missing value (None, NaN, pandas' NaT) gives no date; a pandas Timestamp or a numpy
    datetime64 gives its day.

    Raises:
        PublishedDateError: (a ValueError) the value is not a date at all.
    """
    if type(value) is not str:  # a str (the usual input) is none of the others
        if isinstance(value, NoSuchDay):
            return None, f"published={str(value)!r} names no such day: ignored, the dateline date is used if any"
        if is_missing(value):
            return None, None
        if isinstance(value, dt.datetime):  # pandas.Timestamp included
            return value.date(), None
        if isinstance(value, dt.date):
            return value, None
        if type(value).__name__ == "datetime64":
            day = value.astype("datetime64[D]").item()  # a date; an int when the year is past 9999
            if isinstance(day, dt.date):
                return day, None
            raise PublishedDateError(value)
        if not isinstance(value, str):
            raise PublishedDateError(value)
    s = value.strip()
    if not s:
        return None, None
    return _read_string(s)


@lru_cache(maxsize=4096)
def _read_string(s: str) -> tuple[dt.date | None, str | None]:
    iso = _iso(s)
    if iso is not None:
        return iso, None
    m = _NUMERIC.match(s)
    if m:
        a, b = int(m["a"]), int(m["b"])
        if a <= 12 and b <= 12 and a != b:
            return None, f"published={s!r} is ambiguous (day/month or month/day?): ignored, the dateline date is used if any"
        if len(m["y"]) == 2 and "-" in s and _valid(a, b, int(m["y"])) and _valid(int(m["y"]), b, a):
            # "20-02-21": 20 February 2021, or 2020-02-21 written year first (with hyphens, as ISO)
            return None, f"published={s!r} is ambiguous (is the year first or last?): ignored, the dateline date is used if any"
    strict = [_parse(s, base, strict=True) for base in _BASES]
    if strict[0] is not None and strict[0] == strict[1]:
        return strict[0], None
    loose = _parse(s, _BASES[0], strict=False)
    if loose is not None and strict[0] is None and any(c.isdigit() for c in s):
        return None, f"published={s!r} does not name one day (no day or no year): ignored, the dateline date is used if any"
    raise PublishedDateError(value=s)


def _valid(day: int, month: int, yy: int) -> bool:
    """Whether a day, a month and a two-digit year name a day (of 2000 + yy; the century
    does not change which days exist but for 29 February 1900)."""
    try:
        dt.date(2000 + yy, month, day)
    except ValueError:
        return False
    return True


def iso_day(s: str) -> dt.date | None:
    """The day of a string written exactly YYYY-MM-DD; None when it is written otherwise.

    Stricter than `datetime.date.fromisoformat`, which since Python 3.11 also reads
    "20240304" and week dates ("2024-W10-1").

    Raises:
        ValueError: the string is written YYYY-MM-DD but names no day ("2024-02-30").
    """
    if not _ISO_DAY.fullmatch(s):
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise ValueError(f"{s!r} names no such day") from None


def _iso(s: str) -> dt.date | None:
    if not re.match(r"^\d{4}-\d\d-\d\d", s):
        return None
    try:
        return iso_day(s) or dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        raise PublishedDateError(value=s) from None


def _parse(s: str, base: dt.datetime, *, strict: bool) -> dt.date | None:
    import dateparser

    settings: dict[str, Any] = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    if strict:
        settings["STRICT_PARSING"] = True
    parsed = dateparser.parse(s, languages=["en"], settings=settings)
    return parsed.date() if parsed else None
