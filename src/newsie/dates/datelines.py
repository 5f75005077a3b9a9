"""The grammar of datelines, the "VIENNA, 6 October 2020 –" opening of a release.

Pure string matching (no gazetteer): `match_dateline(head)` finds the cities, an
optional country, the date text and an agency tag at the start of `head`. Forms:

- ``VIENNA, 6 October 2020 –`` and ``6 October 2020, VIENNA –`` (date first);
- ``TIRANA, Albania, May 3 (AP) --`` (a country, US date order, no year, agency tag);
- ``ALMATY (Kazinform) —`` and ``VIENNA –`` (no date: the city must be a known place);
- ``COPENHAGEN/WARSAW/VIENNA, 5 May 2010 –`` and ``BRUSSELS and VIENNA, ...`` (several cities);
- ``Vienna, Monday, 14 November —`` (a weekday, no year).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .grammar import MONTHS

_L = r"[^\W\d_]"
_CITY = rf"[A-ZÀ-ÝŠŽČĆĐ]{_L}*(?:[ '’.\-]+{_L}+){{0,3}}\.?"
_WEEKDAY_WORD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
_CITY_JOIN = r"(?:\s*/\s*|\s+and\s+|\s*&\s*)"
_CITY_JOIN_RE = re.compile(_CITY_JOIN)
_CITIES = rf"(?P<city>{_CITY}(?:{_CITY_JOIN}{_CITY})*)(?:,\s*(?!{_WEEKDAY_WORD})(?P<country>[A-Z][\w ]{{1,40}}?))?"
_WEEKDAY = rf"(?:{_WEEKDAY_WORD},?\s+)?"
_MONTH = r"(?:[A-Z][a-z]{2,8}|[A-Z]{3,9})\.?"  # "May", "Sept.", and a capitalized "MAY"
_YEAR = r"(?:,?\s+\d{4})?"
# The month is captured (day first, or month first): of the date's words, only it can name one.
_DATE = rf"(?P<date>{_WEEKDAY}(?:\d{{1,2}}\s+(?P<month>{_MONTH}){_YEAR}|(?P<month_first>{_MONTH})\s+\d{{1,2}}(?!\d){_YEAR}))"
_AGENCY = r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
_DASH = r"\s*(?:[-–—:]+|\(OSCE\)\s*[-–—]+)\s*"
_SEP = rf"(?:{_DASH}|\s+(?=[A-Z]))"
_CITY_FIRST = re.compile(rf"^\s*{_CITIES}\s*,\s*{_DATE}{_AGENCY}{_SEP}")
_DATE_FIRST = re.compile(rf"^\s*{_DATE}\s*,\s*{_CITIES}{_AGENCY}{_SEP}")
# Without a date the separator must be a dash (or an agency tag): "VIENNA – The OSCE".
_SPACED_DASH = r"(?:\s+-+\s+|\s*(?:[–—]|--)[-–—]*\s*)"  # not the hyphen of "OSCE-supported"
_NO_DATE = re.compile(rf"^\s*{_CITIES}{_AGENCY}{_SPACED_DASH}(?=\S)")


class DatelineMatch(NamedTuple):
    """A dateline's parts as written, with offsets into the string that was matched (a
    named tuple: made several times faster than a frozen dataclass)."""

    text: str
    cities: tuple[str, ...]
    country: str | None
    date: str | None
    agency: str | None
    start: int
    end: int


def match_dateline(head: str) -> DatelineMatch | None:
    """The dateline at the start of `head`, else None."""
    for rx in (_CITY_FIRST, _DATE_FIRST, _NO_DATE):
        m = rx.match(head)
        if m is None:
            continue
        g = m.groupdict()
        date = g.get("date")
        if date is not None and (g["month"] or g["month_first"]).rstrip(".").lower() not in MONTHS:
            continue
        cities = tuple(filter(None, map(str.strip, _CITY_JOIN_RE.split(g["city"]))))
        if not cities or not all(c.isupper() or c.istitle() or _title_words(c) for c in cities):
            continue
        country = (g.get("country") or "").strip() or None
        return DatelineMatch(m.group(0).strip(), cities, country, date, g.get("agency"), m.start(), m.end())
    return None


def _title_words(city: str) -> bool:
    """"Nur-Sultan", "St. Petersburg", "Banja Luka": every word capitalized."""
    return all(w[:1].isupper() for w in re.split(r"[ \-]", city) if w)
