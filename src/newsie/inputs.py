"""Checking and normalizing what users pass to the front door."""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from .exceptions import PublishedDateError


def require_text(value: Any, name: str = "text") -> str:
    """Return `value` as a plain str (str subclasses such as ``numpy.str_`` included), else
    raise a TypeError naming the argument."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value if type(value) is str else str(value)


def optional_text(value: Any, name: str) -> str | None:
    """None or a str (stripped); anything else is a TypeError naming the argument."""
    if value is None:
        return None
    return require_text(value, name).strip() or None


def parse_published(value: Any) -> dt.date | None:
    """A `date` from a date, a datetime or an ISO 8601 string; None stays None.

    Raises:
        PublishedDateError: (a ValueError) naming the value and the accepted formats.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            return dt.date.fromisoformat(s[:10]) if len(s) == 10 else dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            raise PublishedDateError(value) from None
    raise PublishedDateError(value)


def release_id(text: str, title: str | None, url: str | None) -> str:
    """A stable id: sha1 of url + title when either is known, else of the text."""
    key = (url or "") + (title or "") if (url or title) else text
    return "nw-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def split_title(raw: str) -> tuple[str | None, str]:
    """Split a plain-text release into (title, text) when its first line is a headline.

    The first line counts as a title when more lines follow and it is short (under
    250 characters) and does not end like a sentence or a dateline.
    """
    head, sep, rest = raw.strip().partition("\n")
    head = head.strip()
    if sep and rest.strip() and 0 < len(head) < 250 and not head.endswith((".", ":", "–", "-", "—")):
        return head, rest.strip()
    return None, raw
