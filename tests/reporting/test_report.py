"""Tests of `newsie.report` and `newsie report`: the page, its counts, and how it renders."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")
pytest.importorskip("jinja2")

import newsie
from newsie.cli import main
from newsie.reporting import plots
from newsie.reporting.plots import TYPE_COLORS

ITEMS = [
    {"id": "kz-police", "title": "OSCE trains Kazakh police on community policing", "published": "2023-04-14",
     "text": "ASTANA, 14 April 2023 – A three-day training course for 25 police officers from Kazakhstan concluded "
             "today in Astana. The course was organized by the OSCE Programme Office in Astana."},
    {"id": "md-meeting", "title": "Moldovan and OSCE officials discuss media freedom", "published": "2023-06-02",
     "text": "CHISINAU, 2 June 2023 – Representatives of the OSCE Mission to Moldova met with 40 journalists "
             "and officials of the Ministry of Justice of Moldova in Chisinau to discuss media freedom."},
    {"id": "rs-donation", "title": "OSCE Mission to Serbia donates equipment to police", "published": "2023-06-20",
     "text": "BELGRADE, 20 June 2023 – The OSCE Mission to Serbia handed over IT equipment to the Ministry of "
             "Interior of Serbia today in Belgrade."},
    {"id": "empty", "text": ""},
    {"id": "bad", "text": 42},
]


@pytest.fixture(scope="module")
def records(nlp) -> list[newsie.Release]:
    return list(newsie.extract_many(ITEMS, nlp=nlp))


@pytest.fixture(scope="module")
def page(records) -> str:
    return newsie.report(records, title="Test run")


def number(page: str, key: str) -> int:
    m = re.search(rf'id="n-{key}">([\d,]+)<', page)
    assert m, key
    return int(m.group(1).replace(",", ""))


def test_page_states_the_counts(records, page) -> None:
    """The page states releases, events, failures and warnings as counted on the records."""
    assert number(page, "releases") == len(ITEMS)
    assert number(page, "events") == sum(len(r.events) for r in records) > 0
    assert number(page, "failures") == 1
    assert number(page, "warnings") == sum(len(r.warnings) for r in records)
    assert "<h1>Test run</h1>" in page


def test_page_has_every_section_with_embedded_charts(page) -> None:
    """Every section is there and each chart is an SVG embedded in the page."""
    for section in ("over-time", "countries", "organizations", "officials", "fields", "participants", "quality"):
        assert f'id="{section}"' in page, section
    charts = re.findall(r'<img class="chart" src="([^"]+)"', page)
    assert len(charts) == 4 and all(c.startswith("data:image/svg+xml;base64,") for c in charts)
    assert "OSCE Mission to Serbia" in page and "KAZ" not in page.split("<img", 1)[0]


def test_page_is_self_contained(page) -> None:
    """Nothing in the page is fetched: no external scripts, styles, images or fonts."""
    assert "<script" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "@import" not in page and "url(" not in page


def test_quality_section_names_the_records(page) -> None:
    """The data-quality section names the failed record and the one without events."""
    quality = page.split('id="quality"', 1)[1]
    errors = quality.split('id="q-errors"', 1)[1].split("</details>", 1)[0]
    assert "<code>bad</code>" in errors and "TypeError" in errors
    no_events = quality.split('id="q-no-events"', 1)[1].split("</details>", 1)[0]
    assert "<code>empty</code>" in no_events


def test_text_is_escaped(records) -> None:
    """Markup in record fields is escaped, not interpreted."""
    rel = records[0].model_copy(update={"id": "<script>alert(1)</script>", "events": []})
    page = newsie.report([rel])
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_dicts_and_an_empty_input(records) -> None:
    """Record dicts read back from JSON give the same counts; no records give a page that says so."""
    dicts = [json.loads(r.model_dump_json()) for r in records]
    assert number(newsie.report(dicts), "events") == sum(len(r.events) for r in records)
    empty = newsie.report([])
    assert number(empty, "releases") == 0 and "No records" in empty and "<img" not in empty


def test_counts_read_as_numbers_and_as_english() -> None:
    """Table counts carry thousands separators like the cards, and one undated event or one warned record reads in the singular."""
    from newsie.records import Event, Organization

    one = newsie.Release(id="one", events=[Event(id="e", type="training"), Event(id="d", type="visit", start="2023-05-12")], warnings=["w"])
    page = newsie.report([one])
    assert "1 event with neither is left out" in page and "warnings on 1 record<" in page
    org = Organization(name="OSCE Mission to Serbia")
    many = [newsie.Release(id=f"r{k}", published="2023-05-12", organizations=[org], events=[Event(id=f"e{k}", type="training", participants=1500)]) for k in range(1200)]
    page = newsie.report(many)
    assert re.search(r'<td>OSCE Mission to Serbia</td><td class="num">1,200</td>', page)
    assert '<td class="num">1,200</td><td class="num">1,200</td>' in page  # events, with a count
    assert re.search(r'<td class="num">1,500</td>\s*<td class="num">1,500</td>', page)  # median, largest


def test_what_is_no_records_is_refused_clearly(records) -> None:
    """A DataFrame or None is refused with a TypeError that says what report takes, not read as paths."""
    pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="to_dataframe"):
        newsie.report(newsie.to_dataframe(records, level="releases"))
    with pytest.raises(TypeError, match="Release records"):
        newsie.report(None)  # type: ignore[arg-type]


def test_cli_on_the_output_of_newsie_extract(tmp_path, capsys) -> None:
    """`newsie report` reads the JSON Lines and Parquet that `newsie extract` wrote, and folders of them."""
    pytest.importorskip("pyarrow")
    inputs = tmp_path / "input.jsonl"
    inputs.write_text("".join(json.dumps(item) + "\n" for item in ITEMS), encoding="utf-8")
    runs = tmp_path / "runs"
    runs.mkdir()
    jsonl, parquet = runs / "part1.jsonl", tmp_path / "all.parquet"
    for out in (jsonl, parquet):
        assert main(["extract", str(inputs), "-o", str(out), "-q"]) == 1  # one item fails
    for source in (jsonl, parquet, runs):
        page = tmp_path / f"{source.stem}.html"
        assert main(["report", str(source), "-o", str(page)]) == 0
        html = page.read_text(encoding="utf-8")
        assert number(html, "releases") == len(ITEMS) and number(html, "failures") == 1 and number(html, "events") >= 3
    capsys.readouterr()
    assert main(["report", str(jsonl), str(parquet), "-o", "-"]) == 0  # the same records twice: counted once
    html = capsys.readouterr().out
    assert number(html, "releases") == len(ITEMS)
    assert f"{len(ITEMS)} repeated records (the same id and content in more than one place) left out" in html


def test_cli_missing_path(tmp_path, capsys) -> None:
    """A path that does not exist exits 2 with its name."""
    assert main(["report", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "r.html")]) == 2
    assert "nope.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_output_in_a_missing_folder_is_refused_before_reading(tmp_path, capsys) -> None:
    """An --output whose folder does not exist, or that is a folder, exits 2 naming it, before any record is read."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not records\n", encoding="utf-8")  # reading it would fail with another error
    for output in (tmp_path / "missing" / "r.html", tmp_path):
        assert main(["report", str(notes), "-o", str(output)]) == 2
        err = capsys.readouterr().err
        assert "--output" in err and str(output) in err and "not a newsie record" not in err
    with pytest.raises(FileNotFoundError, match="missing"):
        newsie.report(notes, output=tmp_path / "missing" / "r.html")


def test_cli_on_a_csv_table_says_what_to_give(tmp_path, capsys) -> None:
    """A CSV table exits 2 with a message that names the files newsie report reads."""
    table = tmp_path / "events.csv"
    table.write_text("release_id,type\nr1,training\n", encoding="utf-8")
    assert main(["report", str(table), "-o", str(tmp_path / "r.html")]) == 2
    assert "JSON Lines or Parquet" in capsys.readouterr().err


@pytest.mark.parametrize("package", ["matplotlib", "jinja2"])
def test_a_missing_extra_is_named_before_any_record_is_read(package, records, tmp_path, monkeypatch, capsys) -> None:
    """Without matplotlib or jinja2, newsie.report raises the MissingExtraError naming newsie[report], and newsie report
    says it in one line with exit 2, before any record is read (a file that is no records is not even opened)."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not records\n", encoding="utf-8")  # reading it would fail with another error
    monkeypatch.setitem(sys.modules, package, None)
    message = f"newsie.report needs the optional package {package!r}: pip install 'newsie[report]'"
    for given in (records, notes):
        with pytest.raises(newsie.MissingExtraError, match=re.escape(message)):
            newsie.report(given)
    assert main(["report", str(notes), "-o", str(tmp_path / "r.html")]) == 2
    assert capsys.readouterr().err == f"newsie: error: {message}\n"
    assert not (tmp_path / "r.html").exists()


def test_charts_without_matplotlib_name_the_extra(monkeypatch) -> None:
    """Each chart, called without matplotlib, raises the MissingExtraError naming newsie[report], not an ImportError of matplotlib."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    for chart in (lambda: plots.bars(Counter(a=2), "releases"), lambda: plots.countries(Counter(KAZ=1), None),
                  lambda: plots.events_over_time(["2023-04"], {"2023-04": Counter(training=1)}, ["training"])):
        with pytest.raises(newsie.MissingExtraError, match=r"newsie\[report\]"):
            chart()


CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package chromium)")
def test_renders_in_headless_chromium(records, page, tmp_path) -> None:
    """Headless Chromium, offline, renders the page to a screenshot of the window's size that is not blank."""
    image = pytest.importorskip("PIL.Image")
    stat = pytest.importorskip("PIL.ImageStat")
    html = tmp_path / "report.html"
    html.write_text(page, encoding="utf-8")
    shot = tmp_path / "shot.png"
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1100,1600", html.as_uri(),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    with image.open(shot) as im:
        assert im.size == (1100, 1600)
        gray = im.convert("L")
        assert stat.Stat(gray).stddev[0] > 20  # text, bars and cards, not a blank page
        # The charts are drawn: each event type's colour fills bars of the first screen.
        pixels = Counter({rgb: n for n, rgb in im.convert("RGB").getcolors(1 << 24)})
    for type_ in {ev.type for r in records for ev in r.events}:
        rgb = tuple(int(TYPE_COLORS[type_][k : k + 2], 16) for k in (1, 3, 5))
        assert pixels[rgb] > 500, type_


def test_a_file_and_its_copy_count_each_release_once(records, tmp_path) -> None:
    """`newsie report a.jsonl b.jsonl`, b a copy of a with one record changed, counts each release once, says how many
    repeats it left out, and lists the changed id, counting its version in b (the later file)."""
    a, b, page = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "page.html"
    a.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    changed = [r.model_copy(update={"events": []}) if r.id == "kz-police" else r for r in records]
    b.write_text("".join(r.model_dump_json() + "\n" for r in changed), encoding="utf-8")
    assert main(["report", str(a), str(b), "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert number(html, "releases") == len(ITEMS)
    assert number(html, "events") == sum(len(r.events) for r in changed)
    assert f"{len(ITEMS) - 1} repeated records (the same id and content in more than one place) left out" in html
    same_id = html[html.index('id="q-same-id"') :].split("</details>")[0]
    assert "<code>kz-police</code>" in same_id and "2 different records" in same_id
    assert "<code>kz-police</code>" in html[html.index('id="q-no-events"') :].split("</details>")[0]
