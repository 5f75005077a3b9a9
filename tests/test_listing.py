"""Newsroom listing pages: one record per listed release, nothing mixed, nothing dropped."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

import newsie
from newsie.archive.run import run_extract
from newsie.listing import is_listing, split_listing, split_names

PAGES = Path(__file__).parent / "fixtures" / "pages"
SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


def read(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_newsroom_items_after_their_metadata() -> None:
    """A newsroom page (summary after each metadata block) splits into its three items."""
    items = split_listing(read("newsroom.txt"))
    assert [i.title for i in items] == [
        "OSCE Mission to Serbia trains judges and prosecutors on hate crime cases",
        "OSCE Secretary General opens conference on the safety of journalists",
        "OSCE Programme Office in Dushanbe hands over radio equipment to Border Troops",
    ]
    assert [i.published for i in items] == ["2021-05-12", "2021-05-10", "2021-05-07"]
    assert [i.content_type for i in items] == ["Press release", "Statement", "News"]
    assert items[0].fields_of_work == ["Rule of law", "Tolerance and non-discrimination"]
    assert all(i.text for i in items)


def test_field_operation_items_before_their_metadata() -> None:
    """A field operation's list (summary before inline metadata) splits into its three items."""
    items = split_listing(read("field_news.txt"))
    assert [i.title for i in items] == [
        "Young leaders from both banks of the Dniester discuss local democracy in Chisinau",
        "OSCE Mission to Moldova supports launch of an online platform for reporting domestic violence",
        "Head of Mission visits Comrat to discuss regional co-operation",
    ]
    assert [i.published for i in items] == ["2022-03-04", "2022-03-01", "2022-02-25"]
    assert items[2].fields_of_work == ["Conflict prevention and resolution"]


def test_cut_summaries_keep_their_text() -> None:
    """Summaries cut mid-sentence or ending in an ellipsis keep their text; the ellipsis goes."""
    items = split_listing(read("field_news.txt")) + split_listing(read("newsroom.txt"))
    assert items[0].text.endswith("organized by the OSCE Mission to Moldova")
    assert items[2].text.endswith("to discuss")
    assert items[4].text.endswith("from 40 countries")


def test_issuer_list_keeps_names_with_commas() -> None:
    """'A, B' issuers split into names, and a gazetteer name containing a comma stays whole."""
    items = split_listing(read("newsroom.txt"))
    assert items[1].issuer == ["OSCE Secretariat", "United Nations Educational, Scientific and Cultural Organization"]
    assert split_names(["Troika, OSCE Presence in Albania"]) == ["Troika", "OSCE Presence in Albania"]


def test_extract_page_refuses_a_malformed_published_at_the_call(nlp) -> None:
    """A malformed `published` raises PublishedDateError, as the docstring says (it was an
    error record in each listed release, or ignored where they had their own dates)."""
    with pytest.raises(newsie.PublishedDateError, match="garbage"):
        newsie.extract_page(read("newsroom.txt"), published="garbage", nlp=nlp)


def test_single_item_page_is_no_listing() -> None:
    """A page with one metadata block is not a listing."""
    assert not is_listing("Title\nPublishing date: 4 May 2021\nWhere we are: OSCE Mission to Serbia\nText of the release goes here today.")


def test_extract_page_gives_one_record_per_item(nlp) -> None:
    """extract_page returns one Release per item with its own title, date, issuer, fields and entities."""
    recs = newsie.extract_page(read("newsroom.txt"), url="https://example.org/newsroom", nlp=nlp)
    assert [r.id for r in recs] == [f"https://example.org/newsroom#{n}" for n in (1, 2, 3)]
    assert [r.published for r in recs] == [dt.date(2021, 5, 12), dt.date(2021, 5, 10), dt.date(2021, 5, 7)]
    assert recs[0].events[0].type == "training" and [s.iso3 for s in recs[0].states] == ["SRB"]
    assert recs[2].issuer == ["OSCE Programme Office in Dushanbe"] and [s.iso3 for s in recs[2].states] == ["TJK"]
    assert recs[1].fields_of_work == ["Media freedom and development"]
    assert [r.content_type for r in recs] == ["Press release", "Statement", "News"]
    assert all("Dushanbe" not in r.text for r in recs[:2])  # no mixed records


def test_extract_on_a_listing_warns(nlp) -> None:
    """extract() on a listing page returns its first item and names extract_page in a warning."""
    rel = newsie.extract(read("field_news.txt"), nlp=nlp)
    assert rel.title == "Young leaders from both banks of the Dniester discuss local democracy in Chisinau"
    assert rel.published == dt.date(2022, 3, 4)
    assert any("extract_page" in w for w in rel.warnings)


def test_page_with_only_a_cut_lede_keeps_it(nlp) -> None:
    """A news-item page whose only prose is cut mid-sentence keeps that prose as its text."""
    page = (
        "Home\n- About\n- News\n- Contacts\n- Field operations\nNews Item\n"
        "OSCE Mission supports training for young journalists in Skopje\n"
        "Publishing date:\n- 14 May 2021\nWhere we are:\n- OSCE Mission to Skopje\n"
        "Twenty young journalists from across North Macedonia took part in a three-day OSCE training course in Skopje on reporting about\n"
        "- Share\n- Print\n"
    )
    recs = newsie.extract_page(page, nlp=nlp)
    assert len(recs) == 1 and recs[0].text.startswith("Twenty young journalists")
    assert recs[0].published == dt.date(2021, 5, 14)


def test_seed_page_gives_one_record(nlp) -> None:
    """The real news-item page beside the repository gives one record with its body."""
    seed = sorted(SHARED_SEED.glob("*.txt")) if SHARED_SEED.exists() else []
    if not seed:
        pytest.skip("../shared/seed is not beside this checkout")
    recs = newsie.extract_page(seed[0].read_text(encoding="utf-8"), nlp=nlp)
    assert len(recs) == 1 and recs[0].text and recs[0].title


def test_html_listing_gives_one_record_per_item(nlp) -> None:
    """An HTML listing page gives one record per item (publishing dates in <time> kept)."""
    pytest.importorskip("trafilatura")
    html = read("newsroom.html")
    recs = newsie.extract_page(html, url="u", nlp=nlp)
    assert [(r.id, r.published) for r in recs] == [("u#1", dt.date(2021, 5, 12)), ("u#2", dt.date(2021, 5, 10))]
    first = newsie.extract_html(html, nlp=nlp)
    assert first.title == recs[0].title and any("extract_page" in w for w in first.warnings)


def test_cli_writes_one_record_per_listed_item(tmp_path) -> None:
    """The batch run turns a listing file into one record per item, ids '<source>#<n>'."""
    src = tmp_path / "newsroom.txt"
    src.write_text(read("newsroom.txt"), encoding="utf-8")
    (tmp_path / "single.txt").write_text("OSCE trains police\n\nOSH, 6 May 2020 – Twenty officers took part.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_extract([str(tmp_path / "*.txt")], output=out, quiet=True, stdin=io.StringIO(), stderr=io.StringIO())
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == [f"{src}#1", f"{src}#2", f"{src}#3", str(tmp_path / "single.txt")]
    assert [r["content_type"] for r in recs] == ["Press release", "Statement", "News", None]
    assert summary.documents == 4 and summary.errors == 0
    again = run_extract([str(tmp_path / "*.txt")], output=out, resume=True, quiet=True, stdin=io.StringIO(), stderr=io.StringIO())
    assert again.documents == 0 and again.skipped == 4


def test_content_type_is_kept_from_every_kind_of_input(nlp, tmp_path) -> None:
    """The site's content type reaches the record from a keyword, a batch item, a JSON Lines or CSV export and a scraped page's own line."""
    text = "BISHKEK, 3 May 2021 - The OSCE Programme Office trained 20 police officers in Bishkek."
    assert newsie.extract(text, content_type="Press release", nlp=nlp).content_type == "Press release"
    assert newsie.extract(text, nlp=nlp).content_type is None
    many = list(newsie.extract_many([{"text": text, "content_type": "News"}, {"text": text, "content_type": 7}], nlp=nlp))
    assert many[0].content_type == "News" and many[1].error is not None and "content_type" in many[1].error.message
    page = "Home\n- About\n- News\n- Contacts\n- Field operations\nNews Item\nOSCE trains police officers in Bishkek\nPublishing date:\n- 3 May 2021\nContent type:\n- Press release\n" + text + "\n- Share\n- Print\n"
    assert newsie.extract(page, nlp=nlp).content_type == "Press release"
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": text, "content_type": "News"}) + "\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,text,content_type\nb,\"" + text + "\",Statement\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_extract([str(tmp_path / "a.jsonl"), str(tmp_path / "b.csv")], output=out, quiet=True, stdin=io.StringIO(), stderr=io.StringIO())
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["content_type"]) for r in recs] == [("a", "News"), ("b", "Statement")]
    table = newsie.to_dataframe([newsie.Release.model_validate(r) for r in recs], level="releases")
    assert list(table["content_type"]) == ["News", "Statement"]


UNDATED_MIDDLE = """OSCE Mission to Bosnia and Herzegovina welcomes new education law
Publishing date: 2 March 2023
Where we are: OSCE Mission to Bosnia and Herzegovina
What we do: Education
The OSCE Mission to Bosnia and Herzegovina welcomed the adoption of the new law on primary education by the cantonal assembly in Mostar today...

OSCE Presence in Albania supports anti-corruption reform
Where we are: OSCE Presence in Albania
What we do: Good governance
The OSCE Presence in Albania and the Special Anti-Corruption Structure held a conference in Tirana on the results of the judicial reform over five years...

OSCE Mission in Kosovo marks International Women's Day
Publishing date: 8 March 2023
Where we are: OSCE Mission in Kosovo
What we do: Gender equality
The OSCE Mission in Kosovo organized events in several municipalities to mark International Women's Day, bringing together women leaders and activists...
"""


def test_item_without_a_date_is_neither_lost_nor_merged() -> None:
    """An item printed without a publishing date is an item of its own, with its own summary and no date."""
    items = split_listing(UNDATED_MIDDLE)
    assert [i.title for i in items] == [
        "OSCE Mission to Bosnia and Herzegovina welcomes new education law",
        "OSCE Presence in Albania supports anti-corruption reform",
        "OSCE Mission in Kosovo marks International Women's Day",
    ]
    assert [i.published for i in items] == ["2023-03-02", None, "2023-03-08"]
    assert items[0].text.endswith("in Mostar today")
    assert items[1].issuer == ["OSCE Presence in Albania"]
    assert items[1].text.startswith("The OSCE Presence in Albania") and items[1].text.endswith("over five years")


def test_first_item_without_a_date_is_kept_in_both_layouts() -> None:
    """The first item of a page may lack its date too, whether its summary comes after or before its metadata."""
    after = UNDATED_MIDDLE.replace("Publishing date: 2 March 2023\n", "").replace("Where we are: OSCE Presence in Albania\n", "Publishing date: 5 March 2023\nWhere we are: OSCE Presence in Albania\n")
    assert [i.published for i in split_listing(after)] == [None, "2023-03-05", "2023-03-08"]
    before = split_listing(read("field_news.txt").replace("Publishing date: 4 March 2022", "", 1))
    assert len(before) == 3 and before[0].published is None and before[0].title.startswith("Young leaders")


def test_a_filter_menu_is_no_undated_item() -> None:
    """A "Where we are:" menu listing many places is not taken for an undated item."""
    menu = "Where we are:\n" + "".join(f"- Place {k}\n" for k in range(12)) + "What we do:\n- Education\n- Elections\n\n"
    assert [i.title for i in split_listing(menu + UNDATED_MIDDLE)] == [i.title for i in split_listing(UNDATED_MIDDLE)]


def test_listed_dates_are_read_like_published() -> None:
    """An ISO date-time gives its day, and an ambiguous "05/08/2023" gives no day but a warning on the record."""
    page = UNDATED_MIDDLE.replace("2 March 2023", "2023-03-02T10:00:00Z").replace("8 March 2023", "05/08/2023")
    assert [i.published for i in split_listing(page)] == ["2023-03-02", None, "05/08/2023"]
    recs = newsie.extract_page(page, url="u")
    assert recs[2].published is None and any("ambiguous" in w for w in recs[2].warnings)
    assert recs[0].published == dt.date(2023, 3, 2)


def test_a_listed_date_that_names_no_day_gives_no_date_and_a_warning() -> None:
    """"31 April 2021" is no date (not 1 April, the first day of its month), and the record says why."""
    page = UNDATED_MIDDLE.replace("8 March 2023", "31 April 2021")
    assert [i.published for i in split_listing(page)] == ["2023-03-02", None, "31 April 2021"]
    recs = newsie.extract_page(page, url="u")
    assert recs[2].published is None and any("'31 April 2021' names no such day" in w for w in recs[2].warnings)
    assert recs[0].published == dt.date(2023, 3, 2) and recs[0].warnings == []


def test_extract_on_a_listing_warns_of_an_ambiguous_first_date() -> None:
    """extract() on a listing whose first item's date is ambiguous gives no date and says why."""
    rel = newsie.extract(UNDATED_MIDDLE.replace("2 March 2023", "03/02/2023"))
    assert rel.published is None and any("ambiguous" in w for w in rel.warnings)


MARKDOWN_PAGE = """[Skip to main content](#main)

# News and press releases

### [OSCE Mission to Skopje helps municipalities draft local youth strategies](https://example.org/skopje/1)

**Publishing date:** 14 June 2024

**Content type:** Press release

**Where we are:**

-   [OSCE Mission to Skopje](https://example.org/skopje)

**What we do:**

-   Youth
-   Good governance

Representatives of eight municipalities met in Struga today to agree on
local youth strategies, with the support of the [Mission to
Skopje](https://example.org/skopje) and the Agency for Youth and Sport...

[Read more](https://example.org/skopje/1)

### [OSCE Presence in Albania trains customs officers on detecting small arms](https://example.org/albania/2)

**Publishing date:** 12 June 2024

**Content type:** News

**Where we are:**

-   [OSCE Presence in Albania](https://example.org/albania)

**What we do:**

-   Arms control

Thirty customs officers from Durrës and Rinas completed a course on
detecting the trafficking of small arms and light weapons, organized by
the OSCE Presence in Albania...

[Read more](https://example.org/albania/2)
"""


def test_a_markdown_listing_splits_into_its_items() -> None:
    """A listing saved as Markdown (linked headings, bold labels, wrapped paragraphs) gives its items with plain titles and text."""
    items = split_listing(MARKDOWN_PAGE)
    assert [i.title for i in items] == [
        "OSCE Mission to Skopje helps municipalities draft local youth strategies",
        "OSCE Presence in Albania trains customs officers on detecting small arms",
    ]
    assert [i.published for i in items] == ["2024-06-14", "2024-06-12"]
    assert [i.content_type for i in items] == ["Press release", "News"]
    assert items[0].issuer == ["OSCE Mission to Skopje"] and items[0].fields_of_work == ["Youth", "Good governance"]
    assert items[0].text == (
        "Representatives of eight municipalities met in Struga today to agree on local youth strategies, "
        "with the support of the Mission to Skopje and the Agency for Youth and Sport"
    )
    assert items[1].text.endswith("organized by the OSCE Presence in Albania")


BROWSER_COPY = """Skip to main content
Our work
Elections
Policing
Newsroom
Filter by
Content type
Where we are
What we do
Apply
OSCE Mission to Moldova opens a legal aid centre in Comrat
Publishing date
3 April 2024
Content type
Press release
Where we are
OSCE Mission to Moldova
What we do
Rule of law
Human rights
A legal aid centre for people from both banks of the Dniester opened today in Comrat with the support of the OSCE Mission to Moldova...
Read more
Gender equality training for police officers ends in Dushanbe
Publishing date
1 April 2024
Content type
News
Where we are
OSCE Programme Office in Dushanbe
Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings
What we do
Gender equality
Twenty-five police officers from the regions of Tajikistan completed a week-long course on gender-sensitive policing organized in Dushanbe...
Read more
Load more
"""


def test_a_browser_copy_of_a_listing_splits_into_its_items() -> None:
    """Labels copied without their colon, values one a line without bullets, "Read more" links: each item keeps its own values."""
    items = split_listing(BROWSER_COPY)
    assert [i.title for i in items] == [
        "OSCE Mission to Moldova opens a legal aid centre in Comrat",
        "Gender equality training for police officers ends in Dushanbe",
    ]
    assert [i.published for i in items] == ["2024-04-03", "2024-04-01"]
    assert items[0].fields_of_work == ["Rule of law", "Human rights"]
    assert items[1].issuer == ["OSCE Programme Office in Dushanbe", "Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings"]
    assert items[1].text.endswith("organized in Dushanbe")
    assert "Read more" not in items[0].text


def test_a_browser_copy_item_without_a_summary_keeps_the_next_title() -> None:
    """Values printed without bullets stop before the next item's title when a summary is missing."""
    page = BROWSER_COPY.replace("A legal aid centre for people from both banks of the Dniester opened today in Comrat with the support of the OSCE Mission to Moldova...\nRead more\n", "")
    items = split_listing(page)
    assert [i.title for i in items] == ["OSCE Mission to Moldova opens a legal aid centre in Comrat", "Gender equality training for police officers ends in Dushanbe"]
    assert items[0].fields_of_work == ["Rule of law", "Human rights"] and items[0].text == ""


def test_html_listing_in_drupal_8_markup_gives_one_record_per_item(nlp) -> None:
    """A listing in Drupal 8 markup (labels without colons, a div per value, teasers trafilatura drops) gives every item with its values."""
    pytest.importorskip("trafilatura")
    recs = newsie.extract_page(read("newsroom_d8.html"), url="u", nlp=nlp)
    assert [r.title for r in recs] == [
        "OSCE Mission to Moldova opens a legal aid centre in Comrat",
        "Police officers complete a gender-sensitive policing course in Dushanbe",
        "Chairperson-in-Office welcomes the release of detained journalists",
    ]
    assert [r.published for r in recs] == [dt.date(2024, 4, 3), dt.date(2024, 4, 1), dt.date(2024, 3, 28)]
    assert [r.content_type for r in recs] == ["Press release", "News", "Statement"]
    assert recs[0].fields_of_work == ["Rule of law", "Human rights"] and recs[1].issuer == ["OSCE Programme Office in Dushanbe"]
    assert recs[0].text.endswith("State-Guaranteed Legal Aid") and "Read more" not in recs[0].text


def test_a_release_page_with_related_teasers_stays_one_release(nlp) -> None:
    """A release page listing dated related releases under its body is one release, not a listing."""
    pytest.importorskip("trafilatura")
    rows = read("newsroom_d8.html").split('<div class="view view-newsroom">', 1)[1].split("</main>", 1)[0]
    body = "".join(
        f"<p>{p}</p>"
        for p in (
            "CHISINAU, 10 April 2024 – The OSCE Mission to Moldova and the Ministry of Justice presented a new guide for legal aid lawyers at a conference in Chisinau today.",
            "The guide explains how to represent people from vulnerable groups before the courts and was written by a group of practising lawyers and judges.",
            "More than 80 lawyers from across the country took part in the conference, which was opened by the Head of the Mission.",
        )
    )
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>OSCE Mission to Moldova presents a guide for legal aid lawyers | OSCE</title></head><body><main>'
        '<article><h1>OSCE Mission to Moldova presents a guide for legal aid lawyers</h1>'
        '<div class="field"><div class="field__label">Publishing date</div><div class="field__item"><time datetime="2024-04-10">10 April 2024</time></div></div>'
        f'{body}</article><section class="related"><h2>Related content</h2><div class="view">{rows}</section></main></body></html>'
    )
    recs = newsie.extract_page(html, nlp=nlp)
    assert len(recs) == 1 and recs[0].title == "OSCE Mission to Moldova presents a guide for legal aid lawyers"
    assert recs[0].text.startswith("CHISINAU, 10 April 2024")


def test_numeric_dates_are_read_in_the_order_the_page_shows() -> None:
    """"04.03.2023" on a page that also prints "15.03.2023" is day first; with no such date on the page it stays ambiguous."""
    page = UNDATED_MIDDLE.replace("2 March 2023", "04.03.2023").replace("8 March 2023", "15.03.2023")
    assert [i.published for i in split_listing(page)] == ["2023-03-04", None, "2023-03-15"]
    us = UNDATED_MIDDLE.replace("2 March 2023", "03/04/2023").replace("8 March 2023", "03/15/2023")
    assert [i.published for i in split_listing(us)] == ["2023-03-04", None, "2023-03-15"]
    unsure = UNDATED_MIDDLE.replace("2 March 2023", "04.03.2023").replace("8 March 2023", "05.03.2023")
    assert [i.published for i in split_listing(unsure)] == ["04.03.2023", None, "05.03.2023"]


RELATIVE_DATES = BROWSER_COPY.replace("3 April 2024", "2 days ago").replace("1 April 2024", "4 days ago")


def test_a_listing_newsie_cannot_split_says_so(nlp) -> None:
    """A page naming two publishing dates that newsie cannot read as items gives its record with a warning, never a silent merge."""
    recs = newsie.extract_page(RELATIVE_DATES, nlp=nlp)
    assert len(recs) == 1 and any("2 publishing dates but 1 dated releases read" in w for w in recs[0].warnings)
    assert any("lost or merged" in w for w in newsie.extract(RELATIVE_DATES, nlp=nlp).warnings)
    assert all("publishing dates" not in w for r in newsie.extract_page(BROWSER_COPY, nlp=nlp) for w in r.warnings)


def test_a_listing_with_an_unread_date_warns_when_split(nlp) -> None:
    """A listing whose items are split but one of whose publishing dates is no date warns (Python and record) that an item may be merged."""
    page = BROWSER_COPY + BROWSER_COPY.split("Read more\n", 1)[0].split("Apply\n", 1)[1].replace("3 April 2024", "2 days ago").replace("OSCE Mission to Moldova opens", "OSCE Mission to Moldova reopens") + "Read more\n"
    with pytest.warns(newsie.exceptions.ListingWarning, match="3 publishing dates but 2"):
        recs = newsie.extract_page(page, nlp=nlp)
    assert len(recs) == 2 and all("lost or merged" in w for r in recs for w in r.warnings[-1:])


def test_an_html_listing_newsie_cannot_split_says_so(nlp) -> None:
    """An HTML page whose markup names publishing dates newsie cannot read as a listing's gives a record with a warning."""
    pytest.importorskip("trafilatura")
    html = read("newsroom_d8.html").replace('class="field__label"', 'class="field__name"')
    for day in ("2024-04-03", "2024-04-01", "2024-03-28"):
        html = re.sub(rf'<time datetime="{day}T12:00:00Z">[^<]*</time>', "2 days ago", html)
    recs = newsie.extract_page(html, nlp=nlp)
    assert len(recs) == 1 and any("3 publishing dates but 1" in w for w in recs[0].warnings)


def test_the_command_line_says_so_too(tmp_path, capsys) -> None:
    """The same HTML page given to `newsie extract` gives its record with the same warning."""
    pytest.importorskip("trafilatura")
    from newsie.cli import main

    html = read("newsroom_d8.html").replace('class="field__label"', 'class="field__name"')
    for day in ("2024-04-03", "2024-04-01", "2024-03-28"):
        html = re.sub(rf'<time datetime="{day}T12:00:00Z">[^<]*</time>', "2 days ago", html)
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    assert main(["extract", str(tmp_path / "page.html"), "-q"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) == 1 and any("3 publishing dates but 1" in w for w in recs[0]["warnings"])


def test_an_html_listing_reads_the_machine_date_of_a_relative_one(nlp) -> None:
    """A listed date shown as "2 days ago" is read from its <time datetime=...>."""
    pytest.importorskip("trafilatura")
    html = read("newsroom_d8.html").replace(">3 April 2024<", ">2 days ago<")
    recs = newsie.extract_page(html, nlp=nlp)
    assert [r.published for r in recs] == [dt.date(2024, 4, 3), dt.date(2024, 4, 1), dt.date(2024, 3, 28)]
