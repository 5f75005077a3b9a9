"""The front door: `extract` and `extract_many`."""
from __future__ import annotations

import datetime as dt
from typing import Union

from spacy.language import Language

from .batch import empty_release, extract_many, prepare
from .build import to_release
from .inputs import require_text
from .making import make_doc
from .pipeline import load
from .records import Release

DateLike = Union[dt.date, dt.datetime, str, None]


def extract(
    text: str,
    *,
    title: str | None = None,
    published: DateLike = None,
    url: str | None = None,
    id: str | None = None,
    nlp: Language | None = None,
    page: bool | None = None,
) -> Release:
    """Read one press release and return its `Release` record.

    Args:
        text: the body of the release (a dateline such as "VIENNA, 6 October 2020 –"
            may be part of it).
        title: the headline, tagged too.
        published: the publication date (date, datetime or ISO string); relative
            dates ("today") are anchored to it.
        url: where the release was read from (kept on the record, used for its id).
        id: the record id; derived from url + title (or the text) when None.
        nlp: a pipeline from `newsie.load()`; the cached default when None.
        page: treat `text` as a scraped web page (menus, link lists and metadata blocks
            around the release): None detects it, True forces it, False never.

    Returns:
        A `Release`. Empty or whitespace-only text without a title gives an empty
        `Release` (no entities, no events).

    Raises:
        TypeError: `text` (or title/url/id) is not a str.
        PublishedDateError: `published` is not a valid date (a ValueError).
    """
    kw = prepare(
        {"text": require_text(text, "text"), "title": title, "published": published, "url": url, "id": id},
        page=page,
    )
    if not kw["text"].strip() and not kw.get("title"):
        return empty_release(kw)
    nlp = nlp or load()
    doc = make_doc(nlp, **kw)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return to_release(doc)




__all__ = ["extract", "extract_many"]
