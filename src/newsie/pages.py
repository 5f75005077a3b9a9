"""Scraped pages: find the release inside a web page's text and leave the chrome out.

A page scraped to text carries the site's menus (which list every participating State and
would poison every count), link lists and footers around the release. `parse_page`
keeps the title and the body, and reads the metadata blocks ("Issued on", "Issued by",
"Fields of work", "Publishing date", "Where we are", "What we do"), written "Label:" with
the values on the line or as list items below, or (as a browser's copy gives them) the
label alone on its line and the value on the next.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates.grammar import find_dates
from .listing import default_comma_names, is_prose, listed_date, split_names

# Metadata labels and the Release field they fill.
LABELS: dict[str, str] = {
    "issued on": "published",
    "publishing date": "published",
    "issued by": "issuer",
    "where we are": "issuer",
    "fields of work": "fields_of_work",
    "what we do": "fields_of_work",
    "content type": "content_type",
}
# The same labels on a line of their own without a colon, as a browser's copy of a page
# gives them ("Issued on", then "18 September 2023" on the next line). Such a line is a
# label only in a block anchored by a date (`_bare_block`): elsewhere the same words are
# menu headings ("Fields of work" above the list of every field). "Where we are" and
# "What we do" are left out: on the site they are only menu headings.
BARE_LABELS: dict[str, str] = {
    "issued on": "published",
    "publishing date": "published",
    "issued by": "issuer",
    "fields of work": "fields_of_work",
    "content type": "content_type",
}
# Inside a block anchored by a date, "Where we are" and "What we do" are labels too (the
# site's release pages print them so, with their values below).
_IN_BLOCK: dict[str, str] = {**BARE_LABELS, "where we are": "issuer", "what we do": "fields_of_work"}
_BLOCK_LINES = 8  # lines after the date within which the block's other bare labels stand
# A line that is a bare date label: looked for in the whole text at once before
# `_bare_block` reads it line by line (most texts have none).
_BARE_DATE_LABEL = re.compile(r"^[ \t]*(?:issued on|publishing date)[ \t\r]*$", re.IGNORECASE | re.MULTILINE)
# Lines that announce the release itself on news pages.
MARKERS = frozenset({"news item", "press release", "news", "statement", "feature", "story", "news release"})
_ITEM = re.compile(r"^\s*[-•*]\s+(?P<v>.+?)\s*$")
_DASH = re.compile(r"^\s*[-•*]\s*$")
_LABEL = re.compile(r"^\s*(?:[-•*]\s+)?(?P<label>[A-Za-z ]{3,24}?)\s*:\s*(?P<value>.*)$")
_SENTENCE_END = re.compile(r"[.!?…”\"’)]\s*$")


@dataclass
class Page:
    """The parts of a scraped page that make a release."""

    title: str | None = None
    text: str = ""
    published: str | None = None  # ISO date; the page's text when ambiguous or no day (see `listed_date`)
    issuer: list[str] = field(default_factory=list)
    fields_of_work: list[str] = field(default_factory=list)
    content_type: str | None = None
    dropped_lines: int = 0


def looks_like_page(text: str) -> bool:
    """True for a scraped page: many menu items, or a metadata block beside them."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 6:
        return False
    items = sum(1 for ln in lines if _ITEM.match(ln) or _DASH.match(ln))
    labels = sum(1 for ln in lines if _label(ln) is not None)
    return items >= 12 or (items >= 2 and labels >= 1) or labels >= 2 or (_BARE_DATE_LABEL.search(text) is not None and bool(_bare_block(lines)))


def _bare_block(lines: list[str]) -> dict[int, tuple[str, int]]:
    """The bare label lines of a dated metadata block (see `BARE_LABELS`): each label's
    line -> its field and the line of its value (the next non-empty line)."""
    found: dict[int, tuple[str, int]] = {}
    for i, line in enumerate(lines):
        if BARE_LABELS.get(line.strip().lower()) != "published":
            continue
        at = _value_line(lines, i)
        # a date with its year ("31 April 2021" too, which names no day: the record then says so)
        if at is None or not any(d.start or not d.year_inferred for d in find_dates(lines[at])):
            continue
        found[i] = ("published", at)
        j = at + 1
        broken = False  # a line that is neither a label nor a value read: the block may have ended
        while j < min(len(lines), at + 1 + _BLOCK_LINES):
            label = lines[j].strip().lower()
            key = BARE_LABELS.get(label) or (None if broken else _IN_BLOCK.get(label))  # (a footer's "What we do" menu)
            value = _value_line(lines, j) if key and key != "published" else None
            if key and value is not None:
                found[j] = (key, value)
                j = value
            elif label:
                broken = True
            j += 1
        break  # one release, one metadata block
    return found


def _value_line(lines: list[str], i: int) -> int | None:
    """The line after label line `i` holding its value: the next non-empty line, when it is
    short, not a label and not running text."""
    at = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
    if at is None:
        return None
    value = lines[at].strip()
    if len(value) > 200 or value.lower() in BARE_LABELS or _label(value) is not None or _is_paragraph(value):
        return None
    return at


def _next_value(lines: list[str], i: int, key: str, dated: list[int]) -> int | None:
    """The line holding the value of label line `i` written "Label:" alone: for the
    publishing date, the next non-empty line when it holds a date; for the content type, the
    next when short; for issuers and fields of work, the next when short and the label is in
    a block anchored by a publishing-date label (`dated`: their lines), within
    `_BLOCK_LINES` lines after it: elsewhere "Where we are:" over "Vienna" is a menu."""
    if key not in ("published", "content_type") and not any(0 < i - d <= _BLOCK_LINES for d in dated):
        return None
    at = _value_line(lines, i)
    if at is None or _ITEM.match(lines[at]) or _DASH.match(lines[at]) or len(lines[at].strip()) > 60:
        return None
    if key == "published" and not any(d.start or not d.year_inferred for d in find_dates(lines[at])):
        return None
    return at


def _label(line: str) -> tuple[str, str] | None:
    m = _LABEL.match(line)
    if not m:
        return None
    key = m.group("label").strip().lower()
    return (LABELS[key], m.group("value").strip()) if key in LABELS else None


def _is_paragraph(line: str) -> bool:
    """Running text of the release, not a menu entry or heading."""
    s = line.strip()
    return (len(s) >= 60 and bool(_SENTENCE_END.search(s))) or (len(s) >= 25 and s.count(" ") >= 4 and bool(_SENTENCE_END.search(s)))


def read_metadata(lines: list[str]) -> tuple[Page, set[int]]:
    """The metadata blocks of a page's lines: a `Page` holding their values (no title, no
    text), and the numbers of the lines they take (labels and values)."""
    page = Page()
    meta_lines: set[int] = set()
    dated = [k for k, ln in enumerate(lines) if (lab := _label(ln)) is not None and lab[0] == "published"]
    # A label line, then its values as list items (or inline).
    i = 0
    while i < len(lines):
        lab = _label(lines[i])
        if lab is None or _is_paragraph(lab[1]):  # "What we do: we train police officers ...": a sentence
            i += 1
            continue
        key, inline = lab
        meta_lines.add(i)
        values = [inline] if inline else []
        j = i + 1
        while not inline and j < len(lines):
            m = _ITEM.match(lines[j])
            if m is None or _label(lines[j]) is not None:
                break
            values.append(m.group("v"))
            meta_lines.add(j)
            j += 1
            if key == "published":
                break
        if not values and (at := _next_value(lines, i, key, dated)) is not None:
            values.append(lines[at])  # "Publishing date:" with its value on the next line
            meta_lines.add(at)
            j = at + 1
        _set_meta(page, key, values)
        i = j
    for at, (key, value_at) in _bare_block(lines).items():  # the same, copied from a browser
        meta_lines.update((at, value_at))
        _set_meta(page, key, [lines[value_at]])
    return page, meta_lines


def strip_metadata(text: str) -> tuple[str, Page]:
    """`text` without its metadata blocks ("Publishing date: ...", "Content type: ...",
    "What we do:" and its list items), every other line kept as it is, and the `Page`
    holding their values. For a main text already cut from its page (an HTML page's,
    by trafilatura), where `parse_page` would also take short lines for menus."""
    lines = text.splitlines()
    page, meta_lines = read_metadata(lines)
    if not meta_lines:
        return text, page
    page.dropped_lines = len(meta_lines)
    return "\n".join(ln for k, ln in enumerate(lines) if k not in meta_lines).strip(), page


def parse_page(text: str) -> Page:
    """Split a scraped page into title, body and metadata; menus and footers are dropped."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    # 1. Metadata blocks.
    page, meta_lines = read_metadata(lines)
    # 2. The title: the line after a news marker, else the line before the first paragraph.
    start = 0
    for k, ln in enumerate(lines):
        if k not in meta_lines and ln.strip().lower() in MARKERS and k + 1 < len(lines) and lines[k + 1].strip():
            page.title = lines[k + 1].strip()
            start = k + 2
            break
    paragraphs: list[str] = []
    seen: set[str] = set()
    # Running text ends like a sentence; a page whose only text is cut mid-sentence
    # ("... in co-operation with the") still has that text as its body.
    candidates = [k for k in range(start, len(lines)) if k not in meta_lines and _is_paragraph(lines[k].strip())]
    if not candidates:
        candidates = [k for k in range(start, len(lines)) if k not in meta_lines and is_prose(lines[k])]
    for k in candidates:
        ln = lines[k].strip()
        if not ln or _ITEM.match(lines[k]) or _DASH.match(lines[k]):
            continue
        if page.title is None and not paragraphs:
            # A metadata line ("What we do: Education") is never the title: look above the block.
            prev = next((lines[p].strip() for p in range(k - 1, -1, -1) if lines[p].strip() and p not in meta_lines), "")
            if prev and not _ITEM.match(prev) and not _DASH.match(prev) and len(prev) < 250 and not _is_paragraph(prev):
                page.title = prev
        if ln in seen:  # the lede printed twice (above and below the metadata)
            continue
        seen.add(ln)
        paragraphs.append(ln)
    page.text = "\n".join(paragraphs)
    page.dropped_lines = sum(1 for ln in lines if ln.strip()) - len(paragraphs) - (1 if page.title else 0)
    return page


def _set_meta(page: Page, key: str, values: list[str]) -> None:
    values = [v for v in (v.strip() for v in values) if v]
    if not values:
        return
    if key == "published":
        page.published = listed_date(values[0])
    elif key == "issuer":
        page.issuer += [v for v in split_names(values, default_comma_names()) if v not in page.issuer]
    elif key == "fields_of_work":
        page.fields_of_work += [v for v in split_names(values, default_comma_names()) if v not in page.fields_of_work]
    elif key == "content_type":
        page.content_type = values[0]
