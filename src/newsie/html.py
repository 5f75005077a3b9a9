"""Raw HTML pages: main text and metadata with trafilatura (the optional `html` extra)."""
from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from .dates.published import read_published
from .exceptions import InputTooLargeError, MissingExtraError, PublishedDateError
from .listing import is_listing
from .pages import strip_metadata

# Real release pages weigh under 1 MB; trafilatura needs minutes and gigabytes for 20 MB.
MAX_HTML_CHARS = 5_000_000
_TIME = re.compile(r"<time\b[^>]*>(.*?)</time>", re.IGNORECASE | re.DOTALL)
# The elements in which a page declares its own date; htmldate reads only these (`page_date`).
_DATED = './/meta|.//link[@rel="canonical"]|.//script[@type="application/ld+json"]|.//time'
# htmldate's fast mode: no guessing from the running text; the publication, not the last edit.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError("newsie.extract_html", "html", "trafilatura") from exc
    return trafilatura


def html_parts(html: str, url: str | None = None) -> dict[str, Any]:
    """The title, main text, date and site name of an HTML page, and the metadata its main
    text declares ("Where we are", "What we do", "Content type": `issuer`, `fields_of_work`,
    `content_type`), whose lines are taken out of the text.

    The date is the one the page declares (`page_date`, else its "Publishing date" block),
    never one found in the running text; a listing page has none of its own, and its
    text is left whole (its items' metadata is theirs).

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
    doc = traf.bare_extraction(
        _TIME.sub(r"\1", html), url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=dict(_DATE_PARAMS),  # its date is not used: this keeps it cheap
    )
    parts: dict[str, Any] = {"title": None, "text": "", "published": None, "sitename": None, "issuer": [], "fields_of_work": [], "content_type": None}
    if doc is None:
        return parts
    data = doc if isinstance(doc, dict) else doc.as_dict()
    parts.update(title=data.get("title") or None, text=data.get("text") or "", sitename=data.get("sitename") or None)
    if is_listing(parts["text"]):  # a listing's dates and metadata are its items' (`listing_units`)
        return parts
    parts["text"], meta = strip_metadata(parts["text"])
    parts.update(published=page_date(html, url) or _block_date(meta.published), issuer=meta.issuer, fields_of_work=meta.fields_of_work, content_type=meta.content_type)
    return parts


def page_date(html: str, url: str | None = None) -> str | None:
    """The publication date (ISO) a page's markup declares: meta tags, JSON-LD, <time>
    elements, or a date in its URL; None when it declares none.

    htmldate is shown those elements alone: even with `extensive_search` off it still reads
    ISO and day/month/year dates anywhere in the text.
    """
    from htmldate import find_date
    from lxml.html import Element

    tree = _trafilatura().load_html(html)
    if tree is None:
        return None
    dated = Element("html")
    for el in tree.xpath(_DATED):
        el = deepcopy(el)
        el.tail = None  # the text after the element is the page's, not the element's
        dated.append(el)
    found: str | None = find_date(dated, url=url, **_DATE_PARAMS)
    return found


def _block_date(value: str | None) -> str | None:
    """The day of the page's "Publishing date" or "Issued on" block in its main text (ISO),
    as `strip_metadata` reads it; None when there is none or it is ambiguous."""
    try:
        day, _ = read_published(value)
    except PublishedDateError:
        return None
    return day.isoformat() if day else None
