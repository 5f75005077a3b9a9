"""Checking and normalizing what users pass to the front door."""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from .dates.published import read_published
from .missing import is_missing
from .rawtext import split_raw


def require_text(value: Any, name: str = "text") -> str:
    """Return `value` as a plain str (str subclasses such as ``numpy.str_`` included), else
    raise a TypeError naming the argument."""
    if not isinstance(value, str):
        missing = f" (a missing value: {value!r})" if value is not None and is_missing(value) else ""
        raise TypeError(f"{name} must be a str, not {type(value).__name__}{missing}")
    return value if type(value) is str else str(value)


def optional_text(value: Any, name: str) -> str | None:
    """A str (stripped), or None for a missing value (None, NaN, NaT: see `is_missing`);
    anything else is a TypeError naming the argument."""
    if is_missing(value):
        return None
    return require_text(value, name).strip() or None


def parse_published(value: Any) -> dt.date | None:
    """A `date` from a date, a datetime or an unambiguous date string; None stays None.

    An ambiguous string ("03/05/2020") gives None; `read_published` also says why.

    Raises:
        PublishedDateError: (a ValueError) naming the value and the accepted formats.
    """
    return read_published(value)[0]


def release_id(text: str, title: str | None, url: str | None) -> str:
    """A stable id: sha1 of url + title when either is known, else of the text."""
    key = (url or "") + (title or "") if (url or title) else text
    return "nw-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def split_title(raw: str) -> tuple[str | None, str]:
    """Split a plain-text release into (title, text) when its first line is a headline.

    See `newsie.rawtext.split_raw`, which also takes correction and preamble lines out.
    """
    parts = split_raw(raw)
    if parts.title is None:
        return None, raw
    # Preamble lines stay at the top of the text, where `prepare` finds them again.
    return parts.title, "\n".join([*parts.preamble, parts.body])
