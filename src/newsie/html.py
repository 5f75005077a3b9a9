"""Raw HTML pages: main text and metadata with trafilatura (the optional `html` extra)."""
from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from .dates.published import read_published
from .exceptions import InputTooLargeError, MissingExtraError, PublishedDateError
from .listing import is_listing, is_prose, listed_date, listing_doubt, split_listing
from .pages import strip_metadata

# Real release pages weigh under 1 MB; trafilatura needs minutes and gigabytes for 20 MB.
MAX_HTML_CHARS = 5_000_000
_TIME = re.compile(r"<time\b[^>]*>(.*?)</time>", re.IGNORECASE | re.DOTALL)
# The elements in which a page declares its own date; htmldate reads only these (`page_date`).
_DATED = './/meta|.//link[@rel="canonical"]|.//script[@type="application/ld+json"]|.//time'
# htmldate's fast mode: no guessing from the running text; the publication, not the last edit.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
# Elements that are never a listed release's: menus, forms, scripts.
_NO_TEXT = frozenset({"head", "script", "style", "noscript", "template", "nav", "header", "footer", "form", "select", "button", "iframe", "svg", "aside"})
_BLOCKS = frozenset({
    "address", "article", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
_LABEL_CLASS = re.compile(r"(?:^|[\s_-])label(?:$|\s)")


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
    tree = traf.load_html(html)  # parsed once for the listing's text and the page's date
    rendered = listing_text(tree)
    rendered_lists = is_listing(rendered)
    if rendered_lists and page_listing(rendered, parts["text"], parts["title"]):
        parts["text"] = rendered
        return parts  # a listing's dates and metadata are its items' (`listing_units`)
    if is_listing(parts["text"]):
        return parts
    if not rendered_lists:  # publishing dates newsie could not read as a listing's: said
        parts["listing_doubt"] = listing_doubt(rendered, found=1) or listing_doubt(parts["text"], found=1)
    parts["text"], meta = strip_metadata(parts["text"])
    parts.update(published=page_date(tree, url) or _block_date(meta.published), issuer=meta.issuer, fields_of_work=meta.fields_of_work, content_type=meta.content_type)
    return parts


def page_listing(text: str, main_text: str, page_title: str | None = None) -> bool:
    """Is `text`, a page read from its markup (`listing_text`), a listing that lists more
    releases than trafilatura's main text does, that text holding no release of its own?

    trafilatura keeps a page's main text: on a listing it drops the metadata divs of some
    items and whole items of others (Drupal's ``views-row`` teasers look like boilerplate).
    A release page with a list of related releases beside it keeps its own text: its
    paragraphs are no listed item's, or all one item's (its own metadata block makes the
    release an item of the listing text too), where a listing's main text holds at most one
    summary of each item; or the item titled as the page (`page_title`) holds them all.
    """
    if not is_listing(text):  # (`html_parts` asks only when it is)
        return False
    items = split_listing(text)
    if is_listing(main_text) and len(split_listing(main_text)) >= len(items):
        return False
    names = {" ".join(v.split()) for i in items for v in (i.title or "", *i.issuer, *i.fields_of_work) if v}
    held: list[int | None] = []  # the listed item whose summary holds each paragraph of the main text
    for ln in _paragraphs(main_text):
        if " ".join(ln.split()) not in names:  # a title or a value is no summary
            held.append(next((k for k, i in enumerate(items) if ln[:60] in i.text), None))
    # None more than once: the page's own text; an item holding several paragraphs: a
    # release with its own metadata block. Either is a release page.
    if held.count(None) > 1 or any(held.count(k) > 1 for k in set(held) if k is not None):
        return False
    # The page's own title is an item's, and the main text is that item's (or no item's):
    # a release of one paragraph with a box of related releases beside it.
    title = " ".join((page_title or "").split())
    own = [k for k, i in enumerate(items) if title and " ".join((i.title or "").split()) == title]
    return not (own and all(k is None or k in own for k in held))


def _paragraphs(text: str) -> list[str]:
    return [ln.strip().rstrip(".…").strip() for ln in text.splitlines() if is_prose(ln)]


def listing_text(html: Any) -> str:
    """A page's text as a listing reads it: one line per block element, list items as
    ``- item``, a field's label element (``class="field__label"``, ``"field-label"``) ending
    in a colon (the site's stylesheet adds it), and no menus, header, footer or forms.
    `html`: the page, or its tree as trafilatura's ``load_html`` parses it."""
    tree = _trafilatura().load_html(html) if isinstance(html, str) else html
    if tree is None:
        return ""
    body = tree.find(".//body")
    out: list[str] = []
    _render(tree if body is None else body, out)
    lines = (" ".join(ln.split()) for ln in "".join(out).splitlines())
    return "\n".join(ln for ln in lines if ln)


def _render(el: Any, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in _NO_TEXT or el.get("role") == "navigation" or el.get("hidden") is not None:
        out.append(el.tail or "")
        return
    block = tag.lower() in _BLOCKS
    if block:
        out.append("\n- " if tag.lower() == "li" else "\n")
    text = el.text or ""
    if tag.lower() == "time" and el.get("datetime") and not _ISO_DAY.match(listed_date(text) or ""):
        text = el.get("datetime") or ""  # "2 days ago", or no text: the machine-readable date
    out.append(text)
    for child in el:
        _render(child, out)
    if _LABEL_CLASS.search(el.get("class") or "") and not "".join(el.itertext()).strip().endswith(":"):
        out.append(":")
    if block:
        out.append("\n")
    out.append(el.tail or "")


def page_date(html: Any, url: str | None = None) -> str | None:
    """The publication date (ISO) a page's markup declares: meta tags, JSON-LD, <time>
    elements, or a date in its URL; None when it declares none. `html`: the page, or its
    tree as trafilatura's ``load_html`` parses it.

    htmldate is shown those elements alone: even with `extensive_search` off it still reads
    ISO and day/month/year dates anywhere in the text.
    """
    from htmldate import find_date
    from lxml.html import Element

    tree = _trafilatura().load_html(html) if isinstance(html, str) else html
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
