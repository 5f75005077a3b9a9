"""Newsroom listing pages: several releases on one scraped page, one item each.

A listing page (the OSCE newsroom, a field operation's news list) prints, per release, a
title, a metadata block (``Publishing date:``, optional ``Content type:``, ``Where we
are:``, ``What we do:``; values inline, on the next line or as ``- `` list items) and a
summary that is often cut mid-sentence. The summary comes after the block on some sites
and before it on others; `split_listing` tells the two layouts apart and returns one
`ListingItem` per block that has a publishing date.

Pages come as text in the forms people save them: a browser's copy (a label alone on its
line without the colon the site's stylesheet adds, each value on a line of its own, no
bullets), "Save page as text" (indented), or Markdown (``### [Title](url)``,
``**Publishing date:**``, ``* item``, paragraphs wrapped at 72 columns); `listing_lines`
reads them all as plain lines.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import mean
from typing import Any

from .dates.grammar import find_dates
from .dates.published import NoSuchDay, read_published
from .exceptions import ListingWarning, PublishedDateError

# Metadata labels of listing pages and the item field each fills.
LABELS: dict[str, str] = {
    "publishing date": "published",
    "issued on": "published",
    "content type": "content_type",
    "where we are": "issuer",
    "issued by": "issuer",
    "what we do": "fields_of_work",
    "fields of work": "fields_of_work",
}
_LABEL = re.compile(r"^\s*(?:[-•*]\s+)?(?P<label>[A-Za-z ]{4,20}?)\s*:\s*(?P<value>.*)$")
_ITEM = re.compile(r"^\s*[-•*]\s+(?P<v>.+?)\s*$")
_DASH = re.compile(r"^\s*[-•*]\s*$")
_CUT = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|Read more\W*)\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…”\"’)]\s*$")
# Buttons and links under an item ("Read more"): never a title, a value or a summary.
_BUTTON = re.compile(r"^\s*(?:read more|more|load more|show more|see more|continue reading|full story|share|print)\W*$", re.IGNORECASE)
_DATE_LABELS: tuple[str, ...] = tuple(label for label, key in LABELS.items() if key == "published")
_DATE_LABEL = re.compile("|".join(map(re.escape, _DATE_LABELS)), re.IGNORECASE)
# What a date label holds however it is cased ("ublishing" of "Publishing Date", or
# "UBLISHING"): looked for first.
_DATE_HINTS: tuple[str, ...] = tuple(h for label in _DATE_LABELS for h in (label.split()[0][1:], label.split()[0][1:].upper()))
# Markdown, as html2text, pandoc and "copy as Markdown" write it.
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)(?:\{[^}\n]*\})?")
_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!:>|])")
_MD_BLOCK = re.compile(r"^\s*(?:#{1,6}\s|[-*+•]\s|\d+[.)]\s|>|\||\[[^\]]*\]:)")
# The small words of a name printed in title case ("Office of the ...").
_SMALL_WORDS = frozenset(["a", "an", "and", "at", "by", "de", "du", "for", "in", "of", "on", "the", "to", "with"])
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})\s*$")
_ITEM_VALUES = 4  # at most this many issuers (or fields of work) for one listed release


@dataclass
class ListingItem:
    """One release listed on a page."""

    title: str | None = None
    published: str | None = None  # ISO date; the page's text when ambiguous or no day (see `listed_date`)
    content_type: str | None = None
    issuer: list[str] = field(default_factory=list)
    fields_of_work: list[str] = field(default_factory=list)
    text: str = ""


@dataclass
class _Block:
    start: int  # first line of the block
    end: int  # line after the block
    values: dict[str, list[str]]


def label_of(line: str) -> tuple[str, str] | None:
    """(item field, inline value) for a metadata label line, else None."""
    m = _LABEL.match(line)
    if not m:
        return None
    key = m.group("label").strip().lower()
    return (LABELS[key], m.group("value").strip()) if key in LABELS else None


def bare_label_of(line: str) -> str | None:
    """The item field of a label alone on its line without its colon ("Publishing date",
    as a browser copies a label whose colon the stylesheet adds), else None."""
    return LABELS.get(" ".join(line.split()).lower())


def is_button(line: str) -> bool:
    """A link or button under an item ("Read more", "Share")."""
    return _BUTTON.match(line) is not None


def plain_line(line: str) -> str:
    """`line` without its Markdown marks: a heading's hashes, links (their text kept),
    images, strong emphasis and backslash escapes; a list item keeps its bullet."""
    if "[" in line:
        line = _MD_REF_LINK.sub(r"\1", _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line)))
    if "#" in line and (m := _MD_HEADING.match(line)):
        line = m.group(1)
    if "**" in line or "__" in line:
        line = _MD_STRONG.sub(r"\2", line)
    if "\\" in line:
        line = _MD_ESCAPE.sub(r"\1", line)
    return line


def is_markdown(lines: list[str]) -> bool:
    """Markdown: headings or links on several lines, and blank lines between its blocks."""
    marked = sum(1 for ln in lines if _MD_HEADING.match(ln) or _MD_LINK.search(ln) or "**" in ln)
    return marked >= 3 and any(not ln.strip() for ln in lines)


def listing_lines(text: str) -> list[str]:
    """The lines of a page as plain text. In Markdown a line break inside a paragraph or
    list item is a space (pandoc and html2text wrap long lines), so its lines are joined
    first; a line ending in two spaces or a backslash is a hard break, kept."""
    lines = text.splitlines()
    if not is_markdown(lines):
        return lines
    out: list[str] = []
    joinable = False  # the last line is a paragraph's or a list item's, open for its continuation
    for ln in lines:
        if not ln.strip():
            out.append("")
            joinable = False
            continue
        if joinable and not _MD_BLOCK.match(ln):  # a paragraph's next line, or a list item's (indented)
            out[-1] = f"{out[-1].rstrip()} {ln.strip()}"
        else:
            out.append(ln.rstrip() if ln.endswith("  ") else ln)
        hard = ln.endswith(("  ", "\\"))
        joinable = not hard and not _MD_HEADING.match(ln)
        if hard and out[-1].endswith("\\"):
            out[-1] = out[-1][:-1]
    return [plain_line(ln) for ln in out]


def is_chrome(line: str) -> bool:
    """Menu entries, buttons and short headings: not part of any release."""
    s = line.strip()
    if not s or _ITEM.match(line) or _DASH.match(line) or is_button(s):
        return True
    return len(s) < 30 and not _SENTENCE_END.search(s) and len(s.split()) <= 4


def is_prose(line: str) -> bool:
    """Running text (a summary, even one cut mid-sentence), not a heading."""
    s = line.strip()
    return not is_chrome(line) and (len(s.split()) >= 12 or (len(s) >= 60 and bool(_SENTENCE_END.search(s))))


def meta_blocks(lines: list[str]) -> list[_Block]:
    """Runs of metadata label lines with their values, in page order."""
    blocks: list[_Block] = []
    i = 0
    current: _Block | None = None
    while i < len(lines):
        lab = label_of(lines[i]) or _bare_label(lines, i, current)
        if lab is None:
            if current is not None and lines[i].strip():
                blocks.append(current)
                current = None
            i += 1
            continue
        key, inline = lab
        if current is None or (key == "published" and "published" in current.values):
            if current is not None:
                blocks.append(current)
            current = _Block(i, i + 1, {})
        values = [inline] if inline else []
        j = i + 1
        if not inline:
            while j < len(lines) and not lines[j].strip():
                j += 1
            items = []
            while j < len(lines) and label_of(lines[j]) is None and (m := _ITEM.match(lines[j])):
                items.append(m.group("v"))
                j += 1
            if items:
                values = items
            elif key in ("issuer", "fields_of_work"):
                values, j = _plain_values(lines, j, key)
            elif j < len(lines) and not _is_label(lines, j) and _plain_value(lines[j], key):
                values = [lines[j].strip()]
                j += 1
        current.values.setdefault(key, []).extend(values)
        current.end = j
        i = j
    if current is not None:
        blocks.append(current)
    return blocks


def _plain_value(line: str, key: str) -> bool:
    """The value of a label printed alone on the next line ("12 May 2021")."""
    s = line.strip()
    if key == "published":  # "12 May 2021", and "2021-05-12T12:00:00Z" too
        return len(s) < 40 and (bool(find_dates(s)) or listed_date(s) is not None)
    return 0 < len(s) < 200 and not is_button(line) and (not is_prose(line) or is_name(s))


def is_name(line: str) -> bool:
    """A name printed alone on its line, however long ("Office of the Special
    Representative and Co-ordinator for Combating Trafficking in Human Beings", "OSCE
    Mission to Croatia (closed)"): every word capitalized but the small ones and a
    parenthesized note, no comma, and not ended like a sentence."""
    words = line.split()
    if len(words) > 16 or "," in line or line.rstrip().endswith((".", "!", "?", "…", ":", ";")):
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _SMALL_WORDS for w in words) and line[0].isupper()


def _bare_label(lines: list[str], i: int, current: _Block | None) -> tuple[str, str] | None:
    """(item field, "") for a label line without its colon: a publishing date label whose
    next line is a date, or another label inside a dated block. Elsewhere the same words
    are menu and filter headings ("Where we are" above every State)."""
    key = bare_label_of(lines[i])
    if key is None:
        return None
    if key == "published":
        at = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
        return (key, "") if at is not None and _plain_value(lines[at], key) else None
    return (key, "") if current is not None and "published" in current.values and key not in current.values else None


def _is_label(lines: list[str], i: int) -> bool:
    return label_of(lines[i]) is not None or bare_label_of(lines[i]) is not None


def _plain_values(lines: list[str], j: int, key: str) -> tuple[list[str], int]:
    """The values of a label printed one a line without bullets, from line `j`, and the
    line after them. They end at a label, a blank line after a value, running text, a
    button, or the title of the next item: a line followed by a publishing date label,
    or by a summary that a publishing date label follows (summary-first layouts)."""
    values: list[str] = []
    while j < len(lines):
        if not lines[j].strip():
            if values:
                break
            j += 1
            continue
        if _is_label(lines, j) or not _plain_value(lines[j], key) or _next_title(lines, j):
            break
        values.append(lines[j].strip())
        j += 1
    return values, j


def _next_title(lines: list[str], j: int) -> bool:
    """Is line `j` the title of the next item (its date label next, or its summary and then
    its date label)?"""
    k = _next_line(lines, j)
    if k is not None and is_prose(lines[k]):
        while k is not None and is_prose(lines[k]):
            k = _next_line(lines, k)
    return k is not None and _DATE_LABEL.fullmatch(_label_words(lines[k])) is not None


def _next_line(lines: list[str], j: int) -> int | None:
    return next((k for k in range(j + 1, len(lines)) if lines[k].strip()), None)


def _label_words(line: str) -> str:
    lab = _LABEL.match(line)
    return lab.group("label").strip() if lab else " ".join(line.split())


def may_list(text: str) -> bool:
    """Whether `text` names a publishing date twice, as a listing does: what `is_listing`
    and `listing_doubt` look at first. (Counted in the lowercased text when a label's
    letters occur at all: an IGNORECASE regex of the labels costs 8 us a lede.)"""
    if not any(hint in text for hint in _DATE_HINTS):
        return False  # (nearly every text: a few scans in C, no copy)
    low = text.lower()
    return sum(low.count(label) for label in _DATE_LABELS) >= 2


def is_listing(text: str) -> bool:
    """True for a page that lists two or more releases, each with its publishing date."""
    if not may_list(text):
        return False
    return len(_dated_blocks(listing_lines(text))) >= 2


def listing_doubt(text: str, found: int | None = None) -> str | None:
    """A warning when a page names a publishing date more often than newsie reads dated
    releases on it (`found`, else those `split_listing` finds): releases may be lost or
    merged ("Publishing date" above a value that is no date, such as "2 days ago"). None
    when the counts agree."""
    if not may_list(text):
        return None
    lines = listing_lines(text)
    named = sum(1 for ln in lines if _DATE_LABEL.fullmatch(_label_words(ln).rstrip(":").strip()))
    if found is None:
        found = len(_dated_blocks(lines)) if named >= 2 else 0
    if named < 2 or found >= named:
        return None
    return (
        f"listing page: {named} publishing dates but {found} dated releases read; "
        "some releases may be lost or merged with their neighbours"
    )


def _dated_blocks(lines: list[str]) -> list[_Block]:
    """Blocks with a publishing-date label (its value may be lost, as in some HTML)."""
    return [b for b in meta_blocks(lines) if "published" in b.values]


def _item_blocks(lines: list[str]) -> list[_Block]:
    """The metadata block of every listed item: the dated blocks, and the blocks of items
    printed without a date (the same labels as a dated block but the date), so that such
    an item is neither lost nor read as part of its neighbour's summary."""
    blocks = meta_blocks(lines)
    dated = [b for b in blocks if "published" in b.values]
    shapes = {frozenset(b.values) for b in dated}

    def undated_item(b: _Block) -> bool:
        # A filter menu ("Where we are:" and every State below it) has the labels too, but
        # far more values than one release's issuers and fields of work.
        return (
            "published" not in b.values
            and frozenset(b.values) | {"published"} in shapes
            and bool(b.values.keys() & {"issuer", "fields_of_work"})
            and all(len(v) <= _ITEM_VALUES for v in b.values.values())
        )

    return [b for b in blocks if "published" in b.values or undated_item(b)] if dated else []


def split_listing(text: str, known_names: Iterable[str] | None = None) -> list[ListingItem]:
    """One `ListingItem` per dated metadata block of a listing page.

    Args:
        text: the page as text.
        known_names: names that contain a comma ("United Nations Educational, Scientific
            and Cultural Organization") and must not be split in "A, B" issuer lists;
            the organizations gazetteer and the fields of work when None.
    """
    lines = listing_lines(text)
    blocks = _item_blocks(lines)
    if not blocks:
        return []
    # Non-chrome lines between blocks: segments[k] is before block k, segments[-1] after the last.
    bounds = [0, *[b.start for b in blocks]]
    ends = [0, *[b.end for b in blocks]]
    segments = [[ln.strip() for ln in lines[ends[k] : bounds[k + 1]] if not is_chrome(ln)] for k in range(len(blocks))]
    tail = _leading_prose(lines[blocks[-1].end :])
    summary_after = _summary_after(segments, tail)
    names = _comma_names(tuple(known_names)) if known_names is not None else default_comma_names()
    items = []
    for k, block in enumerate(blocks):
        seg = segments[k]
        if summary_after:
            title = seg[-1] if seg else None
            nxt = segments[k + 1][:-1] if k + 1 < len(blocks) else tail
            summary = [ln for ln in nxt if is_prose(ln)]
        else:
            summary = _trailing_prose(seg)
            rest = seg[: len(seg) - len(summary)]
            title = rest[-1] if rest else None
        items.append(_item(block, title, summary, names))
    _read_numeric_days(items, blocks)
    return items


def _read_numeric_days(items: list[ListingItem], blocks: list[_Block]) -> None:
    """Read the ambiguous numeric dates of a page ("04.03.2021") in the order its other
    dates of the same form show ("15.03.2021" can only be day first): a page prints all
    its dates one way. Left as they are (no date, a warning) when the page shows no order,
    or both."""
    shown: dict[str, set[str]] = {}
    for block in blocks:
        for raw in block.values.get("published", []):
            if m := _NUMERIC_DATE.match(raw):
                first, second = int(m.group(1)), int(m.group(3))
                if first > 12 >= second:
                    shown.setdefault(m.group(2), set()).add("dmy")
                elif second > 12 >= first:
                    shown.setdefault(m.group(2), set()).add("mdy")
    for item in items:
        m = _NUMERIC_DATE.match(item.published or "")
        order = shown.get(m.group(2), set()) if m else set()
        if m is None or len(order) != 1:
            continue
        day, month = (m.group(1), m.group(3)) if order == {"dmy"} else (m.group(3), m.group(1))
        try:
            item.published = dt.date(int(m.group(4)), int(month), int(day)).isoformat()
        except ValueError:
            continue


def _summary_after(segments: list[list[str]], tail: list[str]) -> bool:
    """Does each summary follow its metadata block (else it precedes it)?"""
    if tail:
        return True
    middle = [s for s in segments[1:] if len(s) >= 2]
    if not middle:
        return not any(len(s) >= 2 and is_prose(s[-1]) for s in segments)
    # After-layout: [summary of the previous item, title]; before-layout: [title, summary].
    return mean(len(s[0]) for s in middle) > mean(len(s[-1]) for s in middle)


def _leading_prose(lines: list[str]) -> list[str]:
    out: list[str] = []
    for ln in lines:
        if not ln.strip():
            continue
        if not is_prose(ln):
            break
        out.append(ln.strip())
    return out


def _trailing_prose(seg: list[str]) -> list[str]:
    """The summary at the end of a segment: its last line (maybe cut mid-sentence) and the
    whole sentences before it; the title before them ends with no full stop."""
    if not seg or not is_prose(seg[-1]):
        return []
    k = len(seg) - 1
    while k > 1 and is_prose(seg[k - 1]) and _SENTENCE_END.search(seg[k - 1]):
        k -= 1
    return seg[k:]


def _item(block: _Block, title: str | None, summary: list[str], names: frozenset[str]) -> ListingItem:
    v = block.values
    published = None
    for raw in v.get("published", []):
        published = listed_date(raw)
        if published:
            break
    text = " ".join(summary)
    text = _CUT.sub("", text).rstrip()
    return ListingItem(
        title=title,
        published=published,
        content_type=next(iter(v.get("content_type", [])), None),
        issuer=split_names(v.get("issuer", []), names),
        fields_of_work=split_names(v.get("fields_of_work", []), names),
        text=text,
    )


def listed_date(raw: str) -> str | None:
    """The day a listing prints for an item: an ISO date, or the value itself when it is
    ambiguous ("05/08/2023") or names no such day ("31 April 2021", as a `NoSuchDay`), so
    that `extract` reads it as it reads an ambiguous `published=` (no date, and a warning
    on the record); None when it names no date.

    Read as a caller's ``published=`` first: the date parser alone reads "05/08/2023" day
    first and finds no date in "2023-10-28T10:00:00Z".
    """
    try:
        day, ambiguous = read_published(raw)
    except PublishedDateError:
        found = find_dates(raw)
        if found and found[0].start is None and not found[0].year_inferred:  # "31 April 2021", not its month
            return NoSuchDay(raw.strip())
        return found[0].start.isoformat() if found and found[0].start else None
    return day.isoformat() if day else (raw.strip() if ambiguous else None)


def split_names(values: list[str], known: frozenset[str] = frozenset()) -> list[str]:
    """Split "A, B" values into names, keeping known names that contain a comma whole."""
    out: list[str] = []
    lowered = {k.lower() for k in known}
    for value in values:
        parts = [p.strip() for p in value.split(",")]
        i = 0
        while i < len(parts):
            j = next((j for j in range(len(parts), i + 1, -1) if ", ".join(parts[i:j]).lower() in lowered), i + 1)
            name = ", ".join(parts[i:j]).strip()
            if name and name not in out:
                out.append(name)
            i = j
    return out


@lru_cache(maxsize=8)
def _comma_names(extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset(n for n in extra if "," in n)


@lru_cache(maxsize=1)
def default_comma_names() -> frozenset[str]:
    """Gazetteer names with a comma in them: organizations and fields of work."""
    from .fields import FieldsClassifier
    from .kb.organizations import default_organizations

    names = [s for e in default_organizations().entries for s in e.surfaces()]
    return _comma_names((*names, *FieldsClassifier.default().fields))


def listing_units(item: dict[str, Any]) -> list[dict[str, Any]]:
    """A batch item whose text is a listing page becomes one item per listed release,
    with ids ``<id>#<n>`` (from 1); any other item is returned alone."""
    text = item.get("text")
    if not isinstance(text, str) or not is_listing(text):
        return [item]
    if doubt := listing_doubt(text):
        warnings.warn(f"{item.get('id') or item.get('url') or 'item'}: {doubt}", ListingWarning, stacklevel=2)
    base = item.get("id") or item.get("url")
    out = []
    for n, it in enumerate(split_listing(text), 1):
        unit = {k: v for k, v in item.items() if k not in ("id", "text", "title", "issuer", "fields_of_work", "content_type")}
        unit.update(title=it.title, text=it.text, issuer=it.issuer, fields_of_work=it.fields_of_work)
        if it.content_type:
            unit["content_type"] = it.content_type
        if base:  # else the id comes from the item's title, as for any release
            unit["id"] = f"{base}#{n}"
        if it.published:
            unit["published"] = it.published
        out.append(unit)
    return out
