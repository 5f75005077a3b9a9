"""Newsroom listing pages: rebuild pages from the corpus items and read them back.

The corpus (../shared/corpus/train.jsonl) holds items read from listing pages: title,
publishing date, content type, issuers, fields of work and the (often cut) summary. This
script lays them out again as pages of ten, in the layouts people save, and checks that
`newsie.extract_page` gives one record per item, in order, with the right title, date,
issuers, fields, content type and text:

- ``newsroom``: text, labels on their own lines, values below, summary after;
- ``field_operation``: summary first, inline labels, "A, B" lists;
- ``html_d7``: the newsroom as HTML in Drupal 7 views markup (``views-row``, ``<h3><a>``
  titles, ``field-label`` divs "Label:&nbsp;", ``<time>``, links in the summary, "Read
  more"), inside the site's menus, read from the HTML;
- ``html_d8``: the same in Drupal 8+ markup (``field__label`` without a colon, the theme
  adds it in CSS; one ``field__item`` div per value);
- ``markdown``: the HTML as html2text writes it (``### [Title](url)``, ``**Label:**``,
  ``  * item``, ``[links](url)``);
- ``markdown_pandoc``: as pandoc writes it (``-   item``, paragraphs and list items wrapped
  at 72 columns);
- ``browser_copy``: copied from a browser (labels alone on their lines, no colon, values
  below one per line with no bullets, menus, "Read more");
- ``saved_text``: "Save page as text" (indentation, blank lines, ``*`` bullets);
- ``cut_or_missing``: newsroom text where some summaries are missing and others cut
  mid-word with "...";
- ``other_dates``: newsroom text with dates "04.03.2021", "March 4, 2021", "2021-03-04".

Content types rotate through "Press release", "News" and "Statement" where an item has none.

    python benchmarks/listing_pages.py
"""
from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import sys
import textwrap
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsie

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "train.jsonl"
MENU = "Skip to main content\n-\nOur work\n- Arms control\n- Elections\n- Policing\n-\nParticipating States\n- Albania\n- Serbia\n- Ukraine\nNews and press releases\n"
FOOTER = "Load more\nSubscribe to our newsletter\n- Facebook\n- X\n"
SITE = "https://www.osce.org"
TYPES = ("Press release", "News", "Statement")
# The site's menus as a browser copies them (no bullets) and as its HTML nav holds them.
NAV = {
    "Our work": ["Fields of work", "Arms control", "Border management", "Elections", "Policing", "Rule of law"],
    "Participating States": ["Albania", "Armenia", "Serbia", "Ukraine", "United States of America"],
    "Field operations": ["Mission to Serbia", "Mission in Kosovo", "Programme Office in Dushanbe"],
}
FILTERS = "Filter by\nContent type\nWhere we are\nWhat we do\nApply\n"

Item = dict[str, Any]
Page = tuple[str, list[Item]]  # the page and what each item must give


def _date(iso: str, form: str = "dmy") -> str:
    d = dt.date.fromisoformat(iso)
    if form == "dotted":
        return d.strftime("%d.%m.%Y")
    if form == "mdy":
        return f"{d.strftime('%B')} {d.day}, {d.year}"
    if form == "iso":
        return d.isoformat()
    return f"{d.day} {d.strftime('%B %Y')}"


def _expect(items: list[Item], start: int) -> list[Item]:
    """What each item must give: its own values, and the content type the page prints."""
    out = []
    for n, i in enumerate(items):
        out.append({**i, "content_type": i.get("content_type") or TYPES[(start + n) % len(TYPES)]})
    return out


def _slug(i: Item) -> str:
    return f"{SITE}/{i['id']}"


def _linked(text: str, issuers: list[str], link: Callable[[str, str], str]) -> str:
    """The summary with its first issuer's name made a link (as the site's editors do)."""
    for name in issuers:
        short = name.removeprefix("OSCE ")
        if short in text:
            return text.replace(short, link(short, f"{SITE}/{short.lower().replace(' ', '-')}"), 1)
    return text


# Text layouts -------------------------------------------------------------------------


def newsroom(items: list[Item], start: int = 0, date_form: str = "dmy") -> Page:
    exp = _expect(items, start)
    out = [MENU]
    for i in exp:
        out.append(f"{i['title']}\nPublishing date:\n{_date(i['published'], date_form)}\n")
        out.append(f"Content type:\n{i['content_type']}\n")
        if i.get("issuer"):
            out.append("Where we are:\n" + "".join(f"- {v}\n" for v in i["issuer"]))
        if i.get("fields_of_work"):
            out.append("What we do:\n" + "".join(f"- {v}\n" for v in i["fields_of_work"]))
        out.append(i["text"] + "...\n")
    return "".join(out) + FOOTER, exp


def field_list(items: list[Item], start: int = 0) -> Page:
    exp = _expect(items, start)
    out = [MENU]
    for i in exp:
        out.append(f"{i['title']}\n{i['text']}…\nPublishing date: {_date(i['published'])}\n")
        if i.get("issuer"):
            out.append(f"Where we are: {', '.join(i['issuer'])}\n")
        if i.get("fields_of_work"):
            out.append(f"What we do: {', '.join(i['fields_of_work'])}\n")
    # this layout prints no content type
    return "".join(out) + FOOTER, [{**i, "content_type": None} for i in exp]


def other_dates(items: list[Item], start: int = 0) -> Page:
    form = ("dotted", "mdy", "iso")[start // 10 % 3]
    return newsroom(items, start, date_form=form)


def cut_or_missing(items: list[Item], start: int = 0) -> Page:
    """Every third summary missing, every third cut mid-word with "..."."""
    exp = _expect(items, start)
    out = [MENU]
    for n, i in enumerate(exp):
        out.append(f"{i['title']}\nPublishing date:\n{_date(i['published'])}\nContent type:\n{i['content_type']}\n")
        if i.get("issuer"):
            out.append("Where we are:\n" + "".join(f"- {v}\n" for v in i["issuer"]))
        if i.get("fields_of_work"):
            out.append("What we do:\n" + "".join(f"- {v}\n" for v in i["fields_of_work"]))
        if (start + n) % 3 == 1:
            i["text"] = ""
        elif (start + n) % 3 == 2:
            words = i["text"].split()
            keep = " ".join(words[: max(6, len(words) * 2 // 3)])
            i["text"] = keep[: len(keep) - 2]  # mid-word
            out.append(i["text"] + "...\n")
        else:
            out.append(i["text"] + "...\n")
    return "".join(out) + FOOTER, exp


def browser_copy(items: list[Item], start: int = 0) -> Page:
    """A browser's copy of the Drupal 8 page: the CSS colon after labels is not copied,
    list items lose their bullets, links are their text, "Read more" stays."""
    exp = _expect(items, start)
    out = ["Skip to main content\n"]
    for head, entries in NAV.items():
        out.append(head + "\n" + "".join(e + "\n" for e in entries))
    out.append("Newsroom\nNews and press releases\n" + FILTERS)
    for i in exp:
        out.append(f"{i['title']}\nPublishing date\n{_date(i['published'])}\nContent type\n{i['content_type']}\n")
        if i.get("issuer"):
            out.append("Where we are\n" + "".join(f"{v}\n" for v in i["issuer"]))
        if i.get("fields_of_work"):
            out.append("What we do\n" + "".join(f"{v}\n" for v in i["fields_of_work"]))
        out.append(i["text"] + "...\nRead more\n")
    out.append("Load more\nSubscribe to our newsletter\nFacebook\nX\nYouTube\n")
    return "".join(out), exp


def saved_text(items: list[Item], start: int = 0) -> Page:
    """Firefox's "Save Page As... Text Files": blocks apart, lists indented with "*"."""
    exp = _expect(items, start)
    out = ["Skip to main content\n\n"]
    for head, entries in NAV.items():
        out.append(f"  * {head}\n" + "".join(f"      o {e}\n" for e in entries) + "\n")
    out.append("News and press releases\n\n")
    for i in exp:
        out.append(f"    {i['title']}\n\n")
        out.append(f"    Publishing date:\n    {_date(i['published'])}\n\n    Content type:\n    {i['content_type']}\n\n")
        if i.get("issuer"):
            out.append("    Where we are:\n" + "".join(f"      * {v}\n" for v in i["issuer"]) + "\n")
        if i.get("fields_of_work"):
            out.append("    What we do:\n" + "".join(f"      * {v}\n" for v in i["fields_of_work"]) + "\n")
        out.append(f"    {i['text']}...\n\n    Read more\n\n")
    out.append("Load more\n\n  * Facebook\n  * X\n")
    return "".join(out), exp


def _wrap(text: str, width: int, indent: str = "") -> str:
    return textwrap.fill(text, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False) if width else text


def _md(items: list[Item], start: int, bullet: str, width: int = 0) -> Page:
    exp = _expect(items, start)
    out = ["[Skip to main content](#main)\n\n"]
    for head, entries in NAV.items():
        out.append(f"{bullet}{head}\n" + "".join(f"    {bullet}[{e}]({SITE}/{e.lower().replace(' ', '-')})\n" for e in entries))
    out.append("\n# News and press releases\n\n")
    for i in exp:
        out.append(f"### [{i['title']}]({_slug(i)})\n\n")
        out.append(f"**Publishing date:** {_date(i['published'])}\n\n**Content type:** {i['content_type']}\n\n")
        if i.get("issuer"):
            out.append("**Where we are:**\n\n" + "".join(_wrap(f"{bullet}[{v}]({SITE}/{v.lower().replace(' ', '-')})", width, "    ") + "\n" for v in i["issuer"]) + "\n")
        if i.get("fields_of_work"):
            out.append("**What we do:**\n\n" + "".join(_wrap(f"{bullet}{v}", width, "    ") + "\n" for v in i["fields_of_work"]) + "\n")
        summary = _linked(i["text"], i.get("issuer") or [], lambda t, u: f"[{t}]({u})")
        out.append(_wrap(f"{summary}...", width) + f"\n\n[Read more]({_slug(i)})\n\n")
    out.append("[Load more](?page=1)\n\n")
    return "".join(out), exp


def markdown(items: list[Item], start: int = 0) -> Page:
    return _md(items, start, "  * ")


def markdown_pandoc(items: list[Item], start: int = 0) -> Page:
    return _md(items, start, "-   ", width=72)  # pandoc wraps at 72 columns by default


# HTML layouts -------------------------------------------------------------------------


def _nav_html() -> str:
    menus = "".join(
        f'<li class="menu-item"><a href="#">{htmllib.escape(h)}</a><ul class="menu">'
        + "".join(f'<li class="menu-item"><a href="{SITE}/{e.lower().replace(" ", "-")}">{htmllib.escape(e)}</a></li>' for e in entries)
        + "</ul></li>"
        for h, entries in NAV.items()
    )
    return f'<header><a href="#main" class="skip">Skip to main content</a><nav role="navigation"><ul class="menu">{menus}</ul></nav></header>'


def _html_page(rows: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>News and press releases | OSCE</title></head><body>'
        + _nav_html()
        + '<main id="main"><h1 class="page-title">News and press releases</h1>'
        + '<form class="views-exposed-form"><label>Content type</label><select><option>- Any -</option><option>Press release</option></select>'
        + '<label>Where we are</label><select><option>- Any -</option><option>OSCE Mission to Serbia</option></select><input type="submit" value="Apply"></form>'
        + '<div class="view view-newsroom"><div class="view-content">'
        + "\n".join(rows)
        + '</div><ul class="pager"><li><a href="?page=1">Load more</a></li></ul></div></main>'
        + '<footer><p>Subscribe to our newsletter</p><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li></ul></footer></body></html>'
    )


def _summary_html(i: Item) -> str:
    text = htmllib.escape(i["text"], quote=False)
    return _linked(text, [htmllib.escape(v, quote=False) for v in i.get("issuer") or []], lambda t, u: f'<a href="{u}">{t}</a>')


def html_d7(items: list[Item], start: int = 0) -> Page:
    exp = _expect(items, start)
    rows = []
    for n, i in enumerate(exp):
        def field(name: str, label: str, values: list[str]) -> str:
            vals = "".join(f'<div class="field-item {"even" if k % 2 else "odd"}">{htmllib.escape(v)}</div>' for k, v in enumerate(values))
            return f'<div class="field field-name-field-{name} field-label-inline clearfix"><div class="field-label">{label}:&nbsp;</div><div class="field-items">{vals}</div></div>'

        d = dt.date.fromisoformat(i["published"])
        parts = [
            f'<div class="views-row views-row-{n + 1}">',
            f'<h3 class="node-title"><a href="{_slug(i)}">{htmllib.escape(i["title"])}</a></h3>',
            f'<div class="field field-name-field-date field-label-inline clearfix"><div class="field-label">Publishing date:&nbsp;</div><div class="field-items"><div class="field-item even"><time datetime="{d.isoformat()}T09:00:00Z">{_date(i["published"])}</time></div></div></div>',
            field("content-type", "Content type", [i["content_type"]]),
        ]
        if i.get("issuer"):
            parts.append(field("where-we-are", "Where we are", i["issuer"]))
        if i.get("fields_of_work"):
            parts.append(field("what-we-do", "What we do", i["fields_of_work"]))
        parts.append(f'<div class="field field-name-body"><p>{_summary_html(i)}...</p></div>')
        parts.append(f'<div class="views-field-view-node"><a href="{_slug(i)}">Read more</a></div></div>')
        rows.append("".join(parts))
    return _html_page(rows), exp


def html_d8(items: list[Item], start: int = 0) -> Page:
    exp = _expect(items, start)
    rows = []
    for i in exp:
        def field(name: str, label: str, values: list[str], inline: bool = False) -> str:
            vals = "".join(f'<div class="field__item">{htmllib.escape(v)}</div>' for v in values)
            kind = "inline" if inline else "above"
            return f'<div class="field field--name-field-{name} field--label-{kind}"><div class="field__label">{label}</div><div class="field__items">{vals}</div></div>'

        d = dt.date.fromisoformat(i["published"])
        parts = [
            '<div class="views-row"><article class="node node--type-news node--view-mode-teaser">',
            f'<h3 class="node__title"><a href="{_slug(i)}" rel="bookmark"><span class="field field--name-title">{htmllib.escape(i["title"])}</span></a></h3>',
            f'<div class="field field--name-field-publishing-date field--label-inline"><div class="field__label">Publishing date</div><div class="field__item"><time datetime="{d.isoformat()}T12:00:00Z">{_date(i["published"])}</time></div></div>',
            field("content-type", "Content type", [i["content_type"]], inline=True),
        ]
        if i.get("issuer"):
            parts.append(field("where-we-are", "Where we are", i["issuer"]))
        if i.get("fields_of_work"):
            parts.append(field("what-we-do", "What we do", i["fields_of_work"]))
        parts.append(f'<div class="field field--name-body field--type-text-with-summary"><p>{_summary_html(i)}...</p></div>')
        parts.append(f'<a href="{_slug(i)}" class="read-more">Read more</a></article></div>')
        rows.append("".join(parts))
    return _html_page(rows), exp


LAYOUTS: dict[str, Callable[..., Page]] = {
    "newsroom": newsroom,
    "field_operation": field_list,
    "html_d7": html_d7,
    "html_d8": html_d8,
    "markdown": markdown,
    "markdown_pandoc": markdown_pandoc,
    "browser_copy": browser_copy,
    "saved_text": saved_text,
    "cut_or_missing": cut_or_missing,
    "other_dates": other_dates,
}


def check(layout: Callable[..., Page], items: list[Item], nlp: Any) -> dict[str, Any]:
    """Per item: one record, in order, with its values; per page: a wrong count is warned."""
    keys = ("title", "date", "issuer", "fields", "type", "text")
    c: dict[str, Any] = dict.fromkeys(("items", "records", "pages", "wrong_count", "warned", *keys), 0)
    for k in range(0, len(items), 10):
        chunk = items[k : k + 10]
        if len(chunk) < 2:
            continue
        page, expected = layout([dict(i) for i in chunk], k)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            recs = newsie.extract_page(page, nlp=nlp)
        c["pages"] += 1
        c["items"] += len(expected)
        c["records"] += len(recs)
        if len(recs) != len(expected):
            c["wrong_count"] += 1
            c["warned"] += bool(caught) or any("listing" in w for r in recs for w in r.warnings)
        for item, rec in zip(expected, recs):
            c["title"] += rec.title == item["title"]
            c["date"] += str(rec.published) == item["published"]
            c["issuer"] += rec.issuer == (item.get("issuer") or [])
            given = item.get("fields_of_work") or []
            c["fields"] += not given or rec.fields_of_work == given
            c["type"] += rec.content_type == item["content_type"]
            c["text"] += rec.text.strip() == item["text"].strip()
    n = c.pop("items")
    out: dict[str, Any] = {"items": n, "records_per_item": round(c.pop("records") / n, 4)}
    out.update({k: c[k] for k in ("pages", "wrong_count", "warned")})
    out.update({k: round(c[k] / n, 4) for k in keys})
    return out


def main(argv: list[str]) -> int:
    if not CORPUS.exists():
        print("no corpus beside the repository", file=sys.stderr)
        return 1
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [i for i in items if i.get("title") and i.get("published") and i.get("text")]
    nlp = newsie.load()
    chosen = argv or list(LAYOUTS)
    print(json.dumps({name: check(LAYOUTS[name], items, nlp) for name in chosen}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
