"""Raw HTML pages: main text and metadata with trafilatura (the optional `html` extra)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.language import Language

from .exceptions import MissingExtraError
from .listing import is_listing
from .records import Release

_TIME = re.compile(r"<time\b[^>]*>(.*?)</time>", re.IGNORECASE | re.DOTALL)


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError("newsie.extract_html", "html", "trafilatura") from exc
    return trafilatura


def html_parts(html: str, url: str | None = None) -> dict[str, Any]:
    """The title, main text, date and site name of an HTML page."""
    if not isinstance(html, str):
        raise TypeError(f"html must be a str, not {type(html).__name__}")
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


def extract_html(
    html: str,
    *,
    url: str | None = None,
    published: dt.date | dt.datetime | str | None = None,
    nlp: Language | None = None,
) -> Release:
    """Read a release from raw HTML: trafilatura finds the main text, title and date.

    Raises:
        MissingExtraError: trafilatura is not installed (``pip install 'newsie[html]'``).
        TypeError: `html` is not a str.
    """
    from .api import extract

    parts = html_parts(html, url)
    if is_listing(parts["text"]):
        from .api import extract_page

        releases = extract_page(parts["text"], url=url, published=published, nlp=nlp)
        first = releases[0]
        first.warnings.append(f"listing page with {len(releases)} releases: this record is the first; newsie.extract_page() gives one record per release")
        return first
    rel = extract(parts["text"], title=parts["title"], published=published or parts["published"], url=url, nlp=nlp, page=False)
    if not parts["text"].strip():
        rel.warnings.append("no main text found in the HTML")
    return rel
