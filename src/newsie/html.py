"""Raw HTML pages: main text and metadata with trafilatura (the optional `html` extra)."""
from __future__ import annotations

import re
from typing import Any

from .exceptions import InputTooLargeError, MissingExtraError

# Real release pages weigh under 1 MB; trafilatura needs minutes and gigabytes for 20 MB.
MAX_HTML_CHARS = 5_000_000
_TIME = re.compile(r"<time\b[^>]*>(.*?)</time>", re.IGNORECASE | re.DOTALL)


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError("newsie.extract_html", "html", "trafilatura") from exc
    return trafilatura


def html_parts(html: str, url: str | None = None) -> dict[str, Any]:
    """The title, main text, date and site name of an HTML page.

    Raises:
        TypeError: `html` is not a str.
        InputTooLargeError: `html` is over `MAX_HTML_CHARS`.
    """
    if not isinstance(html, str):
        raise TypeError(f"html must be a str, not {type(html).__name__}")
    if len(html) > MAX_HTML_CHARS:
        raise InputTooLargeError("an HTML page", len(html), MAX_HTML_CHARS)
    traf = _trafilatura()
    # trafilatura drops <time> elements, and with them a listing's publishing dates.
    html = _TIME.sub(r"\1", html)
    doc = traf.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None:
        return {"title": None, "text": "", "published": None, "sitename": None}
    data = doc if isinstance(doc, dict) else doc.as_dict()
    return {
        "title": data.get("title") or None,
        "text": data.get("text") or "",
        "published": data.get("date") or None,
        "sitename": data.get("sitename") or None,
    }
