"""The front door: `extract` and `extract_many`."""
from __future__ import annotations

import datetime as dt
from typing import Any, Union

from spacy.language import Language

from .batch import empty_release, extract_many, is_blank, prepare
from .build import to_release
from .collector import held
from .dates.published import read_published
from .inputs import require_nlp, require_text
from .listing import is_listing, listing_doubt, listing_units
from .making import make_doc
from .missing import is_missing
from .pipeline import load
from .records import Release

DateLike = Union[dt.date, dt.datetime, str, None]
_DEFAULT: list[Language] = []  # the pipeline `load()` gave the first call without ``nlp``


def default_nlp() -> Language:
    """The default pipeline (`newsie.load()`), asked for once per process: `load` looks at
    the models folder on disk on every call (~85 us, as much as a stage of a lede)."""
    if not _DEFAULT:
        _DEFAULT.append(load())
    return _DEFAULT[0]


def extract(
    text: str,
    *,
    title: str | None = None,
    published: DateLike = None,
    url: str | None = None,
    id: str | int | None = None,
    nlp: Language | None = None,
    page: bool | None = None,
    content_type: str | None = None,
) -> Release:
    """Read one press release and return its `Release` record.

    Args:
        text: the body of the release (a dateline such as "VIENNA, 6 October 2020 –"
            may be part of it).
        title: the headline, tagged too.
        published: the publication date (date, datetime or ISO string; a pandas
            Timestamp or numpy datetime64 too); relative dates ("today") are anchored to
            it. A missing value (None, NaN, NaT) is no date, as for title, url and id.
        url: where the release was read from (kept on the record, used for its id).
        id: the record id (an integer, e.g. from a DataFrame's id column, is written as
            its decimal str); derived from url + title (or the text) when None.
        nlp: a pipeline from `newsie.load()`; the cached default when None.
        page: treat `text` as a scraped web page (menus, link lists and metadata blocks
            around the release): None detects it, True forces it, False never.
        content_type: the site's label of the item ("Press release", "News", ...), kept
            on the record (a scraped page's own ``Content type:`` line fills it otherwise).

    Returns:
        A `Release`. Empty or whitespace-only text (zero-width characters and NULs
        included, see `is_blank`) without a title gives an empty
        `Release` (no entities, no events).

    Raises:
        TypeError: `text` (or title/url) is not a str, `id` is neither a str nor an
            integer, `page` is not a bool or None, or `nlp` is not a `Language`.
        PublishedDateError: `published` is not a valid date (a ValueError).
    """
    require_nlp(nlp)
    if page is not None and not isinstance(page, bool):
        raise TypeError(f"page must be True, False or None, not {page!r}")
    kw = prepare(
        {"text": require_text(text, "text"), "title": title, "published": published, "url": url, "id": id, "content_type": content_type},
        page=page,
    )
    return _run(kw, nlp)


def _run(kw: dict[str, Any], nlp: Language | None) -> Release:
    """The record of one release, from the keyword arguments `prepare` made of it."""
    if is_blank(kw["text"]) and not kw.get("title"):
        return empty_release(kw)
    nlp = nlp or default_nlp()
    # No cyclic collection while the Doc is processed: on a long document the collector's
    # passes over the growing token columns and spans made the cost grow faster than the
    # text (10 MB: +28% CPU). Cycles made inside are collected as usual afterwards.
    with held():
        doc = make_doc(nlp, **kw)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        release = to_release(doc)
        del doc  # freed before the collector is back on (else its next pass walks it all)
    return release


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
    require_nlp(nlp)
    # NaN or NaT from a DataFrame row is no date: the page's own date is used
    published = None if is_missing(published) else published
    if published is not None:
        read_published(published)  # a malformed date raises here, once, not in each listed release's record
    return _page_releases(text, url, published, nlp)


def _page_releases(text: str, url: str | None, published: DateLike, nlp: Language | None) -> list[Release]:
    """`extract_page` once its arguments are checked (`published` not a missing value)."""
    if text.lstrip().startswith("<"):
        from .html import html_parts

        parts = html_parts(text, url)
        if not is_listing(parts["text"]):
            return [_html_release(parts, url, published, nlp)]
        text = parts["text"]
    if not is_listing(text):
        return [extract(text, published=published, url=url, nlp=nlp)]
    base: dict[str, Any] = {"text": text, "url": url, "id": url}
    if published is not None:
        base["published"] = published
    units = listing_units({k: v for k, v in base.items() if v is not None})
    releases = list(extract_many(units, nlp=nlp or default_nlp()))
    if doubt := listing_doubt(text):
        for rel in releases:
            rel.warnings.append(doubt)
    return releases


def extract_html(
    html: str,
    *,
    url: str | None = None,
    published: dt.date | dt.datetime | str | None = None,
    nlp: Language | None = None,
) -> Release:
    """Read a release from raw HTML: trafilatura finds the main text and title.

    The release date is `published` when given, else the one the page declares (meta
    tags, JSON-LD, <time>, its "Publishing date" block), else its dateline's, as in
    `extract`; never another date of the text.

    Raises:
        MissingExtraError: trafilatura is not installed (``pip install 'newsie[html]'``).
        TypeError: `html` is not a str.
    """
    from .html import html_parts

    require_nlp(nlp)
    published = None if is_missing(published) else published  # as in extract_page
    parts = html_parts(html, url)
    if is_listing(parts["text"]):
        releases = _page_releases(parts["text"], url, published, nlp)
        first = releases[0]
        first.warnings.append(f"listing page with {len(releases)} releases: this record is the first; newsie.extract_page() gives one record per release")
        return first
    rel = _html_release(parts, url, published, nlp)
    if not parts["text"].strip():
        rel.warnings.append("no main text found in the HTML")
    return rel


def _html_release(parts: dict[str, Any], url: str | None, published: DateLike, nlp: Language | None) -> Release:
    """The record of an HTML page's release from its `html_parts`: the metadata its main
    text declared (issuer, fields of work, content type) fills the record, as a scraped
    page's does; `published`, when given, wins over the page's date."""
    item = {key: parts[key] for key in ("text", "title", "issuer", "fields_of_work", "content_type")}
    kw = prepare({**item, "published": published or parts["published"], "url": url}, page=False)
    if parts.get("listing_doubt"):
        kw["warnings"].append(parts["listing_doubt"])
    return _run(kw, nlp)


__all__ = ["extract", "extract_html", "extract_many", "extract_page"]
