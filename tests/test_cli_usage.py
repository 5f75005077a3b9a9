"""Tests of usage mistakes on the command line: each fails once, up front, with exit 2 and the fix."""
from __future__ import annotations

import inspect
import io
import json
import sys

import pytest

import newsie
from newsie.cli import main

RELEASE = "Officials from Serbia and Montenegro met in Podgorica on 4 May 2021 to discuss border co-operation."


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_without_the_text_key(tmp_path, capsys) -> None:
    """A JSONL file whose records lack 'text' gives one error naming its keys and --text-field, not one per line."""
    src = tmp_path / "dump.jsonl"
    src.write_text("".join(json.dumps({"key": f"k{i}", "body": RELEASE, "day": "2021-05-04"}) + "\n" for i in range(300)), encoding="utf-8")
    code, out, err = run(["extract", str(src)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "key, body, day" in err and "--text-field body" in err
    code, out, _ = run(["extract", str(src), "--text-field", "body", "--id-field", "key", "-q"], capsys)
    assert code == 0 and len(out.splitlines()) == 300


def test_stdin_jsonl_without_the_text_key(monkeypatch, capsys) -> None:
    """JSON Lines on stdin are checked the same way."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"content": RELEASE}) + "\n"))
    code, out, err = run(["extract", "-"], capsys)
    assert code == 2 and out == "" and "stdin" in err and "--text-field content" in err


@pytest.mark.parametrize("value", ["03/04/2024", "March 14", "2024-13-40", "soon"])
def test_unparseable_published(tmp_path, capsys, value) -> None:
    """A --published that names no single day is one usage error showing the format."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path / "a.txt"), "--published", value], capsys)
    assert code == 2 and out == "" and "YYYY-MM-DD" in err


def test_published_in_another_unambiguous_form(tmp_path, capsys) -> None:
    """An unambiguous --published such as 14/03/2024 is still a usage error (README: YYYY-MM-DD); 2024-03-14 is read for every input without a date."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path / "a.txt"), "--published", "14/03/2024", "-q"], capsys)
    assert code == 2 and out == "" and "YYYY-MM-DD" in err
    code, out, _ = run(["extract", str(tmp_path / "a.txt"), "--published", "2024-03-14", "-q"], capsys)
    assert code == 0 and json.loads(out)["published"] == "2024-03-14"


def test_unknown_output_suffix(tmp_path, capsys) -> None:
    """-o out.xlsx is refused (nothing written) and the known suffixes are named; --format overrides the suffix."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    code, _, err = run(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.xlsx")], capsys)
    assert code == 2 and ".xlsx" in err and ".parquet" in err and not (tmp_path / "out.xlsx").exists()
    code, _, _ = run(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.txt"), "--format", "jsonl", "-q"], capsys)
    assert code == 0 and json.loads((tmp_path / "out.txt").read_text(encoding="utf-8"))["states"]


def test_level_needs_a_table_output(tmp_path, capsys) -> None:
    """--level with JSON Lines output is a usage error pointing to CSV or Parquet."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path / "a.txt"), "--level", "events"], capsys)
    assert code == 2 and out == "" and "CSV or Parquet" in err


def test_folders_read_only_release_files(tmp_path, capsys) -> None:
    """In a folder only known suffixes are read; the rest are skipped with a count by suffix."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "b.md").write_text("Kazakh police met in Astana.", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "scrape.py").write_text("print('hello')", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 binary")
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 0 and len(out.splitlines()) == 2
    assert "skipped 3 files" in err and ".pdf: 2" in err and ".py: 1" in err
    only = tmp_path / "only"
    only.mkdir()
    (only / "x.pdf").write_bytes(b"%PDF")
    code, out, err = run(["extract", str(only)], capsys)
    assert code == 2 and out == "" and "no release files" in err


def test_hidden_files_in_a_folder_are_counted(tmp_path, capsys) -> None:
    """Hidden files and folders are not read, and the notice says how many were skipped."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "b.txt").write_text(RELEASE, encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 0 and len(out.splitlines()) == 1
    assert "1 hidden file" in err and "1 hidden folder" in err and "not releases" not in err


def test_utf16_csv_without_the_text_column(tmp_path, capsys) -> None:
    """A UTF-16 CSV lacking the text column names its real columns (not garbled bytes)."""
    src = tmp_path / "export.csv"
    src.write_bytes(f'key,body\nk1,"{RELEASE}"\n'.encode("utf-16"))
    code, out, err = run(["extract", str(src)], capsys)
    assert code == 2 and out == "" and "key, body" in err and "--text-field body" in err
    code, out, _ = run(["extract", str(src), "--text-field", "body", "--id-field", "key", "-q"], capsys)
    assert code == 0 and json.loads(out)["id"] == "k1"


def test_glob_without_match(tmp_path, capsys) -> None:
    """A glob matching no release file is a usage error."""
    code, _, err = run(["extract", str(tmp_path / "*.txt")], capsys)
    assert code == 2 and "no release file matches" in err


def test_resume_without_output(tmp_path, capsys) -> None:
    """--resume without --output is a usage error naming --output."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    code, _, err = run(["extract", str(tmp_path / "a.txt"), "--resume"], capsys)
    assert code == 2 and "--output" in err


def test_gazetteers_option(tmp_path, capsys) -> None:
    """--gazetteers merges a user file; a bad one stops the run naming the entry; a missing one is refused."""
    (tmp_path / "a.txt").write_text("Steppe Media Watch trained journalists in Almaty.", encoding="utf-8")
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"organizations": [{"id": "smw", "name": "Steppe Media Watch", "kind": "ngo"}]}), encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path / "a.txt"), "--gazetteers", str(mine), "-q"], capsys)
    assert code == 0 and "Steppe Media Watch" in [o["name"] for o in json.loads(out)["organizations"]]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"states": [{"iso3": "kaz", "name": "Kazakhstan", "status": "participating_state"}]}), encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path / "a.txt"), "-g", str(bad)], capsys)
    assert code == 2 and out == "" and "bad.json" in err and "iso3" in err
    code, _, err = run(["extract", str(tmp_path / "a.txt"), "-g", str(tmp_path / "nope.json")], capsys)
    assert code == 2 and "nope.json" in err


def test_base_option_names_a_missing_pipeline(tmp_path, capsys) -> None:
    """--base with a pipeline that is not installed fails before any work, with the fix in
    the command line's words (not newsie.load's arguments); so does a --models folder
    holding no model."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path / "a.txt"), "--base", "xx_no_such_pipeline"], capsys)
    assert code == 2 and out == "" and "xx_no_such_pipeline" in err and "leave out --base" in err and "base=" not in err
    (tmp_path / "models").mkdir()
    code, out, err = run(["extract", str(tmp_path / "a.txt"), "--models", str(tmp_path / "models")], capsys)
    assert code == 2 and out == "" and "--models '" in err and "models=" not in err


def test_models_option(tmp_path, capsys) -> None:
    """--models passes to newsie.load(models=...) where it exists, else says it is not available."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path / "a.txt"), "--models", "none", "-q"], capsys)
    if "models" in inspect.signature(newsie.load).parameters:
        assert code == 0 and json.loads(out)["states"]
    else:
        assert code == 2 and "not available" in err
    code, _, err = run(["extract", str(tmp_path / "a.txt"), "--models", str(tmp_path / "no_models")], capsys)
    assert code == 2


def test_help_has_examples_and_version(capsys) -> None:
    """`newsie extract --help` shows examples; `newsie --version` prints the version."""
    code, out, _ = run(["extract", "--help"], capsys)
    assert code == 0 and "Examples:" in out and "newsie extract archive/" in out and "--text-field" in out
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and newsie.__version__ in out


def test_bad_option_value_is_a_usage_error(tmp_path, capsys) -> None:
    """An out-of-range option value exits 2 with click's message."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    code, _, err = run(["extract", str(tmp_path / "a.txt"), "--n-process", "0"], capsys)
    assert code == 2 and "--n-process" in err


def test_output_that_is_also_an_input_is_refused(tmp_path, capsys) -> None:
    """-o naming one of the input files (or a link to it) stops before any work and leaves the input as it was."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "r1", "text": RELEASE}) + "\n", encoding="utf-8")
    before = src.read_bytes()
    (tmp_path / "link.jsonl").symlink_to(src)
    for out in (src, tmp_path / "link.jsonl"):
        for extra in ([], ["--resume"]):
            code, stdout, err = run(["extract", str(src), "-o", str(out), *extra], capsys)
            assert code == 2 and stdout == "" and "also the --output file" in err
            assert src.read_bytes() == before


def test_resume_onto_a_csv_of_another_level_is_refused(tmp_path, capsys) -> None:
    """--resume onto a CSV table of another level names the level it was written at; nothing is appended."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run(["extract", str(tmp_path / "a.txt"), "-o", str(out), "--level", "releases", "-q"], capsys)[0] == 0
    before = out.read_bytes()
    for extra in ([], ["--level", "events"], ["--level", "mentions"]):
        code, _, err = run(["extract", str(tmp_path / "a.txt"), "-o", str(out), "--resume", *extra], capsys)
        assert code == 2 and "--level releases" in err and out.read_bytes() == before
    code, _, err = run(["extract", str(tmp_path / "a.txt"), "-o", str(out), "--resume", "--level", "releases"], capsys)
    assert code == 0 and "1 skipped" in err and out.read_bytes() == before


@pytest.mark.parametrize(("name", "content"), [
    ("other.csv", "name,city\nOSCE,Vienna\n"),
    ("other.jsonl", json.dumps({"id": "r1", "text": RELEASE}) + "\n"),
    ("notes.jsonl", "Talks in Vienna\n"),
])
def test_resume_onto_a_file_newsie_did_not_write_is_refused(tmp_path, capsys, name, content) -> None:
    """--resume onto a CSV or JSON Lines file that does not hold newsie's records is a usage error; the file is untouched."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / name
    out.write_text(content, encoding="utf-8")
    code, stdout, err = run(["extract", str(tmp_path / "a.txt"), "-o", str(out), "--resume"], capsys)
    assert code == 2 and stdout == "" and "written by newsie extract" in err
    assert out.read_text(encoding="utf-8") == content


@pytest.mark.parametrize("value", ["14/03/2024", "March 14, 2024", "2024-3-4", "2024-02-30", "2024-03-14T10:00"])
def test_published_must_be_written_yyyy_mm_dd(tmp_path, capsys, value) -> None:
    """--published takes only YYYY-MM-DD days: other forms, even unambiguous ones, are refused with the format named."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path / "a.txt"), "--published", value], capsys)
    assert code == 2 and out == "" and "YYYY-MM-DD" in err and "ignored" not in err


def test_parquet_to_stdout_is_a_usage_error(tmp_path, capsys, monkeypatch) -> None:
    """-o - with Parquet (which cannot stream) is refused, and no file named '-' is made."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["extract", "a.txt", "-o", "-", "--format", "parquet"], capsys)
    assert code == 2 and out == "" and "Parquet" in err and not (tmp_path / "-").exists()


def test_a_field_option_no_input_has_is_a_usage_error(tmp_path, capsys) -> None:
    """A misspelled --date-field (or --id-, --title-, --url-field) would leave that field
    empty in every record: it is refused up front, naming the keys there are."""
    src = tmp_path / "dump.jsonl"
    src.write_text("".join(json.dumps({"key": f"k{i}", "text": RELEASE, "day": "2021-05-04"}) + "\n" for i in range(3)), encoding="utf-8")
    code, out, err = run(["extract", str(src), "--date-field", "dya"], capsys)
    assert code == 2 and out == "" and "--date-field 'dya'" in err and "key, text, day" in err
    code, out, err = run(["extract", str(src), "--id-field", "kye"], capsys)
    assert code == 2 and "did you mean --id-field key?" in err
    code, out, _ = run(["extract", str(src), "--date-field", "day", "--id-field", "key", "-q"], capsys)
    assert code == 0 and [json.loads(line)["published"] for line in out.splitlines()] == ["2021-05-04"] * 3


def test_the_text_key_is_looked_for_beyond_the_first_record(tmp_path, capsys) -> None:
    """A first record without the text key does not stop a file whose other records have
    it: that record alone is an error record."""
    src = tmp_path / "dump.jsonl"
    lines = [{"id": "x", "title": "A headline alone"}, *({"id": f"r{i}", "text": RELEASE} for i in range(3))]
    src.write_text("".join(json.dumps(obj) + "\n" for obj in lines), encoding="utf-8")
    code, out, _ = run(["extract", str(src), "-q"], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["id"] for r in records] == ["x", "r0", "r1", "r2"]
    assert [r["error"] is None for r in records] == [False, True, True, True]


def test_a_json_file_of_records(tmp_path, capsys) -> None:
    """A .json file is read as documents: pandas' orient="records" array (ids FILE:N when
    absent), JSON Lines under .json, or one object; pandas' default (columns) is one error
    record saying how to write it."""
    rows = [{"title": "OSCE trains police", "text": RELEASE, "published": "2021-05-04"}, {"id": 7, "text": RELEASE}]
    (tmp_path / "recs.json").write_text(json.dumps(rows), encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path / "recs.json"), "-q"], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in records] == [f"{tmp_path / 'recs.json'}:1", "7"]
    assert records[0]["title"] == "OSCE trains police" and records[0]["published"] == "2021-05-04"
    (tmp_path / "lines.json").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(rows[0], indent=2), encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path / "lines.json"), str(tmp_path / "one.json"), "-q"], capsys)
    assert code == 0 and len(out.splitlines()) == 3
    (tmp_path / "cols.json").write_text(json.dumps({"text": {"0": RELEASE, "1": RELEASE}}), encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path / "cols.json"), "-q"], capsys)
    assert code == 1 and 'orient="records"' in json.loads(out)["error"]["message"]


def test_stdin_csv_is_read_as_a_table(monkeypatch, capsys) -> None:
    """A CSV on stdin whose header names the text column gives one record per row; one
    whose header lacks it is a usage error, not one release made of the table."""
    table = f'id,title,text,published\na,"OSCE trains police","{RELEASE}",2021-05-04\nb,Second,"{RELEASE}",2021-05-05\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(table))
    code, out, _ = run(["extract", "-", "-q"], capsys)
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(table.replace(",text,", ",body,")))
    code, out, err = run(["extract", "-"], capsys)
    assert code == 2 and out == "" and "--text-field body" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO("OSCE trains police, prosecutors\n\n" + RELEASE))
    code, out, _ = run(["extract", "-", "-q"], capsys)
    assert code == 0 and json.loads(out)["title"] == "OSCE trains police, prosecutors"


def test_earlier_output_in_an_input_folder_is_skipped(tmp_path, capsys) -> None:
    """Records and tables of an earlier run found in a folder are not read again (each
    release would come twice); they are counted on stderr, and read when named."""
    for i in range(2):
        (tmp_path / f"r{i}.txt").write_text(RELEASE, encoding="utf-8")
    assert run(["extract", str(tmp_path), "-o", str(tmp_path / "run1.jsonl"), "-q"], capsys)[0] == 0
    assert run(["extract", str(tmp_path), "-o", str(tmp_path / "run1.csv"), "-q"], capsys)[0] == 0
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 0 and len(out.splitlines()) == 2
    assert "skipped 2 files of newsie's own output" in err and "run1.csv" in err and "run1.jsonl" in err
    code, out, _ = run(["extract", str(tmp_path / "run1.jsonl"), "-q"], capsys)
    assert code == 0 and len(out.splitlines()) == 2


def test_json_files_in_a_folder_are_skipped_unless_a_glob_names_them(tmp_path, capsys) -> None:
    """A folder's .json files (a page's metadata beside it, a config) are skipped with a
    count, not read as releases (one without 'text' stopped the run); 'DIR/*.json' reads them."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"url": "https://example.org/a", "scraped": "2024-01-01"}), encoding="utf-8")
    (tmp_path / "recs.json").write_text(json.dumps([{"id": "r", "text": RELEASE}]), encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 0 and len(out.splitlines()) == 1 and ".json: 2" in err
    code, out, _ = run(["extract", str(tmp_path / "rec*.json"), "-q"], capsys)
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == ["r"]


def test_pretty_printed_and_line_json_files(tmp_path, capsys) -> None:
    """Objects one after another (pretty-printed, as jq writes them) are documents; JSON
    Lines saved as .json lose only a bad line."""
    rows = [{"id": "a", "text": RELEASE}, {"id": "b", "text": RELEASE}]
    (tmp_path / "pretty.json").write_text("".join(json.dumps(r, indent=2) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "lines.json").write_text('{"id": "x", "text": broken\n' + "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path / "pretty.json"), str(tmp_path / "lines.json"), "-q"], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["id"] for r in records][:2] == ["a", "b"] and [r["id"] for r in records][3:] == ["a", "b"]
    assert records[2]["error"]["type"] == "JSONDecodeError"


def test_stdin_text_whose_first_line_has_a_comma_is_one_release(monkeypatch, capsys) -> None:
    """A release piped in whose first line is 'Vienna,Austria' is text, not a table's header."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("Vienna,Austria\n\n" + RELEASE))
    code, out, _ = run(["extract", "-", "-q"], capsys)
    assert code == 0 and len(out.splitlines()) == 1 and "Serbia" in json.loads(out)["text"]


def test_a_field_first_seen_after_the_records_looked_at_is_a_warning(tmp_path, capsys) -> None:
    """A named field not among the keys of the first 50 records of a longer file may come
    later: a warning, and the run goes on (and reads it where it is)."""
    src = tmp_path / "dump.jsonl"
    lines = [{"id": f"r{i}", "text": RELEASE} for i in range(55)] + [{"id": "late", "text": RELEASE, "link": "https://example.org/late"}]
    src.write_text("".join(json.dumps(obj) + "\n" for obj in lines), encoding="utf-8")
    code, out, err = run(["extract", str(src), "--url-field", "link"], capsys)
    assert code == 0 and "warning: --url-field 'link'" in err
    assert json.loads(out.splitlines()[-1])["url"] == "https://example.org/late"


def test_the_output_notice_is_said_once(tmp_path, capsys) -> None:
    """The run's own output found in the input folder is named once on stderr."""
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["extract", str(tmp_path), "-o", str(out), "-q"], capsys)[0] == 0
    code, _, err = run(["extract", str(tmp_path), "-o", str(out)], capsys)
    assert code == 0 and err.count("the output of this run") == 1


def test_json_documents_on_one_line_keep_their_own_positions(tmp_path, capsys) -> None:
    """Two objects on one line are two documents with positions of their own: a --resume
    run skips both (it used to take them for one changed input and empty the output)."""
    src = tmp_path / "two.json"
    src.write_text(json.dumps({"text": RELEASE}) + " " + json.dumps({"text": RELEASE.replace("4 May", "5 May")}) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert run(["extract", str(src), "-o", str(out), "-q"], capsys)[0] == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [f"{src}:1", f"{src}:2"]
    code, _, err = run(["extract", str(src), "-o", str(out), "--resume"], capsys)
    assert code == 0 and "2 skipped" in err and len(out.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("header", ["id,text,Date (UTC)", "Unnamed: 0,id,text", "id,text,Überschrift"])
def test_stdin_csv_headers_with_any_column_names_are_tables(monkeypatch, capsys, header) -> None:
    """A header that names the text column is a table whatever its other names."""
    rows = f'{header}\n' + "".join(f'{i},"{RELEASE}",x\n' if header.startswith("id") else f'{i},r{i},"{RELEASE}"\n' for i in range(2))
    monkeypatch.setattr(sys, "stdin", io.StringIO(rows))
    code, out, _ = run(["extract", "-", "-q"], capsys)
    assert code == 0 and len(out.splitlines()) == 2


def test_stdin_with_lines_ended_by_a_cr_alone(monkeypatch, capsys) -> None:
    """Text or a table whose lines end with a CR alone is read (it raised a csv error)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("OSCE observers deployed\r\r" + RELEASE + "\r"))
    code, out, _ = run(["extract", "-", "-q"], capsys)
    assert code == 0 and json.loads(out)["title"] == "OSCE observers deployed"
    monkeypatch.setattr(sys, "stdin", io.StringIO(f'id,text\ra,"{RELEASE}"\rb,"{RELEASE}"\r'))
    code, out, _ = run(["extract", "-", "-q"], capsys)
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]


def test_stdin_json_arrays_and_pretty_objects(monkeypatch, capsys) -> None:
    """A JSON array of objects, or objects written over several lines (jq '.[]'), on stdin
    are documents (they were one release, or one error per line); a release whose text
    starts with "[UPDATE]" is still text."""
    rows = [{"id": "a", "text": RELEASE}, {"id": "b", "text": RELEASE}]
    for given in (json.dumps(rows), "".join(json.dumps(r, indent=2) + "\n" for r in rows)):
        monkeypatch.setattr(sys, "stdin", io.StringIO(given))
        code, out, _ = run(["extract", "-", "-q"], capsys)
        assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("[UPDATE] OSCE trains police\n\n" + RELEASE))
    code, out, _ = run(["extract", "-", "-q"], capsys)
    assert code == 0 and json.loads(out)["title"] == "[UPDATE] OSCE trains police"
