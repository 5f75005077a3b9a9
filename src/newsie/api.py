"""The front door: `extract` and `extract_many`."""
from __future__ import annotations

import datetime as dt
from typing import Any, Union

from spacy.language import Language
from spacy.tokens import Doc

from .batch import empty_release, extract_many, prepare
from .build import to_release
from .inputs import release_id, require_text
from .listing import is_listing, listing_units
from .pipeline import load
from .records import Release
from .sanitize import break_long_runs, long_run_warning

DateLike = Union[dt.date, dt.datetime, str, None]
DEFAULT_MAX_LENGTH = 1_000_000
TITLE_SEP = "\n\n"
BOUNDARY = ".\n"  # stands for TITLE_SEP in the tokenizer's text: same length, a sentence end
SENTENCE_ENDS = (".", "!", "?", ":", ";")


def make_doc(
    nlp: Language,
    text: str,
    *,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    doc_id: str | None = None,
    issuer: list[str] | None = None,
    fields_of_work: list[str] | None = None,
    warnings: list[str] | None = None,
) -> Doc:
    """Tokenize title + text into one Doc carrying the release's metadata."""
    full = f"{title}{TITLE_SEP}{text}" if title else text
    if len(full) >= nlp.max_length:
        # Rule components are linear in the text length; spaCy's limit guards parsers.
        nlp.max_length = len(full) + 1
    # The tokenizer's copy has the same length as `full`, so offsets hold: long runs are
    # split, and the join becomes a sentence end so no match runs from title into body.
    tokens_text, runs = break_long_runs(full)
    if title and not title.rstrip().endswith(SENTENCE_ENDS):
        tokens_text = tokens_text[: len(title)] + BOUNDARY + tokens_text[len(title) + len(BOUNDARY) :]
    doc = nlp.make_doc(tokens_text)
    doc._.newsie_meta = {
        "id": doc_id or release_id(text, title, url),
        "title": title,
        "title_len": len(title) if title else 0,
        "body_start": len(title) + len(TITLE_SEP) if title else 0,
        "text": text,
        "published": published,
        "url": url,
        "issuer": list(issuer or []),
        "fields_of_work": list(fields_of_work or []),
        "warnings": list(warnings or []),
    }
    if runs:
        doc._.newsie_meta["warnings"].append(long_run_warning(runs))
    if len(full) > DEFAULT_MAX_LENGTH:
        doc._.newsie_meta["warnings"].append(
            f"long text ({len(full):,} characters): processed whole, beyond spaCy's default max_length"
        )
    return doc


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


def extract_page(
    text: str,
    *,
    url: str | None = None,
    published: DateLike = None,
    nlp: Language | None = None,
) -> list[Release]:
    """Read a scraped page: one `Release` per release it lists.

    A newsroom listing page (several releases, each with a title, ``Publishing date:``,
    ``Where we are:``, ``What we do:`` and a summary) gives one record per item, with its
    own title, date, issuers and fields of work; the ids are ``<url>#<n>`` when `url` is
    given. A page with one release (or plain text) gives a list of one. HTML (text
    starting with ``<``) is first reduced to its main text (needs ``newsie[html]``).

    Raises:
        TypeError: `text` is not a str.
        PublishedDateError: `published` is not a valid date (a ValueError).
    """
    text = require_text(text, "text")
    if text.lstrip().startswith("<"):
        from .html import html_parts

        parts = html_parts(text, url)
        if not is_listing(parts["text"]):
            return [extract(parts["text"], title=parts["title"], published=published or parts["published"], url=url, nlp=nlp, page=False)]
        text = parts["text"]
    if not is_listing(text):
        return [extract(text, published=published, url=url, nlp=nlp)]
    base: dict[str, Any] = {"text": text, "url": url, "id": url}
    if published is not None:
        base["published"] = published
    units = listing_units({k: v for k, v in base.items() if v is not None})
    return list(extract_many(units, nlp=nlp or load()))


__all__ = ["extract", "extract_many", "extract_page", "make_doc"]
