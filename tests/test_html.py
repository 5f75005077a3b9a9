"""Tests of raw HTML pages: the publication date comes from the page's metadata, never its text."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import newsie
from newsie.cli import main
from newsie.html import html_parts, page_date

pytest.importorskip("trafilatura")

TITLE = "OSCE Centre trains election officials in Kyrgyzstan"
MENU = "".join(f'<li><a href="/{c.lower()}">{c}</a></li>' for c in ("Albania", "Armenia", "Kazakhstan", "Kyrgyzstan", "Serbia"))
LEDE = (
    "BISHKEK – A training course for twenty election officials, which began in Bishkek on {day}, "
    "ends today with a session on counting procedures organized by the OSCE Centre in Bishkek."
)
BODY = "<p>The participants discussed international standards for democratic elections and the handling of complaints.</p>"
BLOCK = (
    '<div class="field field--name-field-publishing-date"><span class="field__label">Publishing date:</span> {value}</div>'
    '<div class="field"><span class="field__label">Content type:</span> Press release</div>'
)


def page(*, head: str = "", block: str = "", day: str = "28 November 2011") -> str:
    """An OSCE-style release page: menus, the article with an optional metadata block, a footer."""
    return (
        f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{TITLE} | OSCE</title>{head}</head>"
        f"<body><nav><ul>{MENU}</ul></nav><main><article><h1>{TITLE}</h1>{block}"
        f"<p>{LEDE.format(day=day)}</p>{BODY}</article></main>"
        "<footer><p>Organization for Security and Co-operation in Europe</p></footer></body></html>"
    )


BODY_ONLY = page()
TIME_BLOCK = page(block=BLOCK.format(value='<time datetime="2011-11-29T12:00:00Z">29 November 2011</time>'))


@pytest.mark.parametrize("day", ["28 November 2011", "2011-11-28", "28/11/2011", "28.11.2011"])
def test_a_date_in_the_running_text_is_not_the_publication_date(day) -> None:
    """A page whose only date is in its text has no publication date, whatever the date's form."""
    assert html_parts(page(day=day))["published"] is None
    assert page_date(page(day=day)) is None


@pytest.mark.parametrize(
    "html",
    [
        page(head='<meta property="article:published_time" content="2011-11-29T10:30:00+01:00">'),
        page(head='<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2011-11-29"}</script>'),
        TIME_BLOCK,
        page(block=BLOCK.format(value="29 November 2011")),
        page(block='<div class="field"><div class="field__label">Issued on</div><div class="field__item">29 November 2011</div></div>'),
    ],
    ids=["meta", "json-ld", "time", "publishing-date", "bare-label"],
)
def test_the_date_the_page_declares_is_read(html) -> None:
    """Meta tags, JSON-LD, <time> and the site's "Publishing date" block give the date, not the text's."""
    assert html_parts(html)["published"] == "2011-11-29"


def test_a_listing_page_has_no_date_of_its_own() -> None:
    """The <time> dates of a listing belong to its items, not to the page."""
    item = '<div class="views-row"><h3><a href="/r{n}">Release {n}</a></h3>' + BLOCK.format(value='<time datetime="2021-05-1{n}">1{n} May 2021</time>')
    items = "".join(item.format(n=n) + f"<p>{LEDE.format(day='10 May 2021')}</p></div>" for n in (2, 1))
    html = f"<html><head><title>News | OSCE</title></head><body><main><h1>News</h1>{items}</main></body></html>"
    parts = html_parts(html)
    assert parts["published"] is None
    assert [r.published for r in newsie.extract_page(html)] == [dt.date(2021, 5, 12), dt.date(2021, 5, 11)]


def test_extract_html_keeps_the_callers_date(nlp) -> None:
    """`published=` wins over the page's date; without it a body date is never taken."""
    assert newsie.extract_html(BODY_ONLY, nlp=nlp).published is None
    assert newsie.extract_html(BODY_ONLY, nlp=nlp, published="2024-03-14").published == dt.date(2024, 3, 14)
    assert newsie.extract_html(TIME_BLOCK, nlp=nlp).published == dt.date(2011, 11, 29)
    assert newsie.extract_html(TIME_BLOCK, nlp=nlp, published="2024-03-14").published == dt.date(2024, 3, 14)


def test_cli_published_fills_pages_without_a_declared_date(tmp_path, capsys) -> None:
    """`--published` dates a page whose only date is in its text; a page's declared date stays."""
    (tmp_path / "a.html").write_text(BODY_ONLY, encoding="utf-8")
    (tmp_path / "b.html").write_text(TIME_BLOCK, encoding="utf-8")
    assert main(["extract", str(tmp_path / "*.html"), "--published", "2024-03-14", "-q"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["published"] for r in recs] == ["2024-03-14", "2011-11-29"]


META_BLOCK = (
    '<div class="field"><span class="field__label">Publishing date:</span></div>'
    '<div class="field__item"><time datetime="2011-11-29">29 November 2011</time></div>'
    '<div class="field"><span class="field__label">Content type:</span> Press release</div>'
    '<div class="field"><span class="field__label">Where we are:</span><ul><li>Centre in Bishkek</li></ul></div>'
    '<div class="field"><span class="field__label">What we do:</span><ul><li>Elections</li><li>Democratization</li></ul></div>'
)
LISTED_BODY = "<p>The course covered:</p><ul><li>voter lists</li><li>counting procedures</li></ul>"


def test_extract_html_reads_the_metadata_block_and_leaves_it_out_of_the_text(nlp) -> None:
    """The block's lines fill content type, issuer and fields (the site's, as for a scraped
    page) and are not text: no "Publishing date" or "What we do" line in the record. The
    release's own short lines and lists stay."""
    html = page(block=META_BLOCK).replace(BODY, BODY + LISTED_BODY)
    rel = newsie.extract_html(html, nlp=nlp)
    assert rel.published == dt.date(2011, 11, 29)
    assert (rel.content_type, rel.issuer, rel.fields_of_work) == ("Press release", ["Centre in Bishkek"], ["Elections", "Democratization"])
    assert not any(word in rel.text for word in ("Publishing date", "Content type", "Where we are", "What we do", "29 November"))
    assert "The course covered:\n- voter lists\n- counting procedures" in rel.text
    assert rel.text.startswith("BISHKEK –")


def test_cli_reads_an_html_page_as_extract_html_does(tmp_path, capsys, nlp) -> None:
    """A page given to the command line gives the record `newsie.extract_html` gives."""
    html = page(block=META_BLOCK)
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.html"), "-q"]) == 0
    rec = json.loads(capsys.readouterr().out)
    rel = newsie.extract_html(html, nlp=nlp)
    for key in ("title", "text", "content_type", "issuer", "fields_of_work"):
        assert rec[key] == getattr(rel, key), key
    assert rec["published"] == "2011-11-29"


def test_a_release_page_with_related_items_beside_a_short_text_stays_one_release(nlp) -> None:
    """A release page of one paragraph (or a paragraph and a list) with its own metadata
    block and a box of related releases, each with its date, is one release, not a listing
    of three (the page's title is its own item's); its block, labels without their colons
    ("Where we are" over its value, as Drupal 8 prints them), fills the record."""
    def field(name: str, label: str, value: str) -> str:  # Drupal 8: the label without its colon
        return f'<div class="field field--name-field-{name}"><div class="field__label">{label}</div><div class="field__item">{value}</div></div>'

    related = "".join(
        f'<div class="views-row"><h3><a href="/r{n}">Related release {n} on border security</a></h3>'
        + field("date", "Publishing date", f"1{n} October 2011")
        + f'<div class="field__item">Summary of the related release number {n} about border guards.</div></div>'
        for n in (1, 2)
    )
    block = (
        field("date", "Publishing date", '<time datetime="2011-11-29T12:00:00Z">29 November 2011</time>')
        + field("type", "Content type", "Press release")
        + field("where", "Where we are", "Centre in Bishkek")
    )
    for body in (f"<p>{LEDE.format(day='28 November 2011')}</p>", f"<p>{LEDE.format(day='28 November 2011')}</p>{LISTED_BODY}"):
        html = (
            f'<html><head><title>{TITLE} | OSCE</title><meta property="og:title" content="{TITLE}"></head><body><main>'
            f'<article><h1>{TITLE}</h1>{block}<div class="field field--name-body">{body}</div></article>'
            f'<section class="related"><h2>Related content</h2>{related}</section></main></body></html>'
        )
        recs = newsie.extract_page(html, nlp=nlp)
        assert len(recs) == 1 and recs[0].title == TITLE, [r.title for r in recs]
        assert recs[0].text.startswith("BISHKEK –")  # the block's lines, labels without colons too, are no text
        assert (recs[0].issuer, recs[0].content_type) == (["Centre in Bishkek"], "Press release")
