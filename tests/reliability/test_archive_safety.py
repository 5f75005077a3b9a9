"""`newsie extract` loses nothing: odd files, multi-line cells, resume by position, writes."""
from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path

import pytest

from newsie.archive.readers import read_units
from newsie.archive.run import _write
from newsie.cli import main
from newsie.records import Release

SERBIA = "Officials from Serbia met in Belgrade on 4 May 2021 to discuss border co-operation."
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(argv: list[str], capsys) -> tuple[int, list[dict], str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.split("\n") if line.strip()], err


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def test_csv_cells_with_line_breaks_are_kept(tmp_path, capsys) -> None:
    """A quoted CSV cell holding line breaks reaches the record whole."""
    text = "Officials from Serbia met.\nThey discussed\n\nborder co-operation."
    src = tmp_path / "in.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text"])
        w.writerow(["a", text])
        w.writerow(["b", SERBIA])
    code, recs, _ = run(["extract", str(src)], capsys)
    assert code == 0 and [r["id"] for r in recs] == ["a", "b"]
    assert recs[0]["text"] == text
    assert recs[0]["source"]["line"] == 2 and recs[1]["source"]["line"] == 6
    src.write_text('id,text\na,"one\r\ntwo"\n', encoding="utf-8", newline="")
    assert [u["text"] for u in read_units([str(src)])] == ["one\r\ntwo"]


def test_jsonl_line_separators_inside_strings(tmp_path, capsys) -> None:
    """U+2028 inside a JSON string does not split the line (only newline ends a record); in
    the text it is a line break, read as a line feed."""
    src = tmp_path / "in.jsonl"
    text = "Officials from Serbia met.\u2028They discussed border co-operation."
    src.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    code, recs, _ = run(["extract", str(src)], capsys)
    assert code == 0 and len(recs) == 1 and recs[0]["text"] == text.replace("\u2028", "\n")


def test_a_lone_surrogate_costs_no_other_record(tmp_path, capsys) -> None:
    """A JSON line with a lone surrogate escape gives a clean record; later lines are kept."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "title": "Bad \\ud83d t", "text": "Officials from Serbia met."}\n'
                   + json.dumps({"id": "b", "text": SERBIA}) + "\n", encoding="utf-8")
    code, recs, _ = run(["extract", str(src)], capsys)
    assert code == 0 and [r["id"] for r in recs] == ["a", "b"]
    assert recs[0]["title"] == "Bad \ufffd t" and any("lone surrogate" in w for w in recs[0]["warnings"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links")
def test_odd_folder_entries_each_give_an_error_record(tmp_path, capsys) -> None:
    """Link loops, dangling links, FIFOs and unreadable folders are named in error records, never opened."""
    (tmp_path / "good.txt").write_text(SERBIA, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "self").symlink_to(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(SERBIA, encoding="utf-8")
    locked.chmod(0)
    try:
        code, recs, err = run(["extract", str(tmp_path)], capsys)
    finally:
        locked.chmod(0o755)
    errors = {Path(r["id"]).name: r["error"]["type"] for r in recs if r["error"]}
    assert errors["loop"] == "LinkLoop" and errors["dangling.txt"] == "DanglingLink"
    assert errors["pipe.txt"] == "SpecialFile" and errors["self"] == "LinkLoop"
    if not AS_ROOT:
        assert errors["locked"] == "ReadError"
    assert [r["error"] for r in recs if r["id"].endswith("good.txt")] == [None]
    assert code == 1 and "pipe.txt" in err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_glob_through_a_link_loop_reads_each_file_once(tmp_path, capsys) -> None:
    """'DIR/**/*.txt' over a link to an enclosing folder gives each release once and a LinkLoop record."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "r1.txt").write_text(SERBIA, encoding="utf-8")
    (tmp_path / "sub" / "r2.txt").write_text(SERBIA, encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to("..")
    code, recs, _ = run(["extract", str(tmp_path / "**" / "*.txt")], capsys)
    assert [(Path(r["id"]).name, r["error"] and r["error"]["type"]) for r in recs] == [
        ("r1.txt", None), ("loop", "LinkLoop"), ("r2.txt", None),
    ]
    assert code == 1


@pytest.mark.skipif(AS_ROOT or not hasattr(os, "mkfifo"), reason="root reads any folder")
def test_an_unreadable_folder_alone_is_a_failure(tmp_path, capsys) -> None:
    """An unreadable folder as the only input gives an error record and a non-zero exit."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        code, recs, _ = run(["extract", str(locked)], capsys)
    finally:
        locked.chmod(0o755)
    assert code == 1 and recs[0]["error"]["type"] == "ReadError" and str(locked) in recs[0]["error"]["message"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_on_the_command_line_is_refused(tmp_path, capsys) -> None:
    """A FIFO given as input is refused at once instead of blocking the run."""
    os.mkfifo(tmp_path / "pipe")
    code, recs, _ = run(["extract", str(tmp_path / "pipe")], capsys)
    assert code == 1 and recs[0]["error"]["type"] == "SpecialFile"


def test_resume_by_position_with_repeated_ids(tmp_path, capsys) -> None:
    """Repeated ids do not make --resume skip unfinished lines; they are reported once."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i % 3}", "text": f"{SERBIA} Round {i}."}) + "\n" for i in range(9)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", str(src), "-o", str(out)], capsys)
    whole = out.read_text(encoding="utf-8")
    assert code == 0 and err.count("share an id") == 1 and "6 records share" in err
    kept = whole.splitlines(keepends=True)[:4]
    out.write_text("".join(kept) + kept[0][:25], encoding="utf-8")  # killed after four and a bit
    code, _, err = run(["extract", str(src), "-o", str(out), "--resume"], capsys)
    assert code == 0 and "4 skipped" in err
    assert out.read_text(encoding="utf-8") == whole
    assert [r["source"]["line"] for r in lines(out)] == list(range(1, 10))
    assert sum(any(w.startswith("duplicate id") for w in r["warnings"]) for r in lines(out)) == 6


def test_retry_failed_reruns_only_failed_inputs(tmp_path, capsys) -> None:
    """--resume skips failed inputs (exit 1); --resume --retry-failed reruns them in place of the old records."""
    good, late = tmp_path / "good.txt", tmp_path / "late.txt"
    good.write_text(SERBIA, encoding="utf-8")
    late.write_text("", encoding="utf-8")  # still being written when the run reads it
    out = tmp_path / "out.jsonl"
    code, _, _ = run(["extract", str(good), str(late), "-o", str(out), "-q"], capsys)
    assert code == 1 and [r["error"]["type"] if r["error"] else None for r in lines(out)] == [None, "EmptyFile"]
    code, _, err = run(["extract", str(good), str(late), "-o", str(out), "--resume"], capsys)
    assert code == 1 and "1 of them failed" in err and len(lines(out)) == 2
    late.write_text(SERBIA, encoding="utf-8")
    code, _, err = run(["extract", str(good), str(late), "-o", str(out), "--resume", "--retry-failed"], capsys)
    assert code == 0 and "1 skipped" in err
    assert [(r["id"], r["error"]) for r in lines(out)] == [(str(good), None), (str(late), None)]


def test_retry_failed_with_csv_output(tmp_path, capsys) -> None:
    """CSV output resumes by its source column and drops failed rows on --retry-failed."""
    good, late = tmp_path / "good.txt", tmp_path / "late.txt"
    good.write_text(SERBIA, encoding="utf-8")
    late.write_text("", encoding="utf-8")
    out = tmp_path / "out.csv"
    run(["extract", str(good), str(late), "-o", str(out), "-q"], capsys)
    late.write_text(SERBIA, encoding="utf-8")
    code, _, _ = run(["extract", str(good), str(late), "-o", str(out), "-q", "--resume", "--retry-failed"], capsys)
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert code == 0 and sorted({r["release_id"] for r in rows}) == sorted([str(good), str(late)])
    assert not any(r["error"] for r in rows) and all(r["source"] for r in rows)


def test_a_record_that_cannot_be_written_becomes_an_error_record() -> None:
    """When writing a record raises, its error record is written instead and the run goes on."""
    written: list[Release] = []

    class Picky:
        def write(self, rel: Release) -> None:
            if rel.error is None:
                raise ValueError("cannot encode")
            written.append(rel)

        def close(self) -> None: ...

    out = _write(Picky(), Release(id="r1", title="T", text="x"))
    assert out.error is not None and out.error.type == "WriteError" and written == [out] and out.id == "r1"


def test_a_huge_html_page_is_refused_with_a_clear_error(tmp_path, capsys) -> None:
    """An HTML page over the size cap gives an InputTooLargeError record at once, not minutes of parsing."""
    from newsie.html import MAX_HTML_CHARS

    big = tmp_path / "big.html"
    big.write_text("<html><body>" + "<p>Officials from Serbia met.</p>" * (MAX_HTML_CHARS // 30) + "</body></html>", encoding="utf-8")
    code, recs, _ = run(["extract", str(big)], capsys)
    assert code == 1 and recs[0]["error"]["type"] == "InputTooLargeError" and "limit" in recs[0]["error"]["message"]


def test_the_output_in_an_input_folder_is_not_read(tmp_path, capsys) -> None:
    """An output file inside the input folder (or matched by the glob) is left out with a note, fresh or resumed."""
    (tmp_path / "a.txt").write_text(SERBIA, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SERBIA.replace("Belgrade", "Podgorica"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for args in ([str(tmp_path)], [str(tmp_path)], [str(tmp_path / "*")]):
        code, _, err = run(["extract", *args, "-o", str(out)], capsys)
        assert code == 0 and "not read as an input" in err
        assert [r["id"] for r in lines(out)] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    code, _, err = run(["extract", str(tmp_path), "-o", str(out), "--resume"], capsys)
    assert code == 0 and "2 skipped" in err and "0 documents" in err and len(lines(out)) == 2


def test_resume_replaces_the_record_of_a_changed_input(tmp_path, capsys) -> None:
    """An input edited since the last run is run again and its new record replaces the old: one record per input, no duplicate-id warning."""
    (tmp_path / "in").mkdir()
    a, b = tmp_path / "in" / "a.txt", tmp_path / "in" / "b.txt"
    a.write_text(SERBIA, encoding="utf-8")
    b.write_text(SERBIA.replace("Belgrade", "Podgorica"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["extract", str(tmp_path / "in"), "-o", str(out), "-q"], capsys)[0] == 0
    a.write_text(SERBIA.replace("4 May", "9 May"), encoding="utf-8")
    code, _, err = run(["extract", str(tmp_path / "in"), "-o", str(out), "--resume"], capsys)
    recs = lines(out)
    assert code == 0 and "1 skipped" in err and "1 replaced" in err and "an id with an earlier record" not in err
    assert sorted(r["id"] for r in recs) == [str(a), str(b)]
    assert next(r for r in recs if r["id"] == str(a))["text"] == SERBIA.replace("4 May", "9 May")
    assert not any(w.startswith("duplicate id") for r in recs for w in r["warnings"])


def test_resume_replaces_changed_jsonl_lines_in_csv_and_parquet(tmp_path, capsys) -> None:
    """For CSV and Parquet output too, a changed JSON Lines input line leaves only its new rows."""
    src = tmp_path / "in.jsonl"
    items = [{"id": f"d{i}", "text": f"{SERBIA} Round {i}."} for i in range(3)]
    src.write_text("".join(json.dumps(it) + "\n" for it in items), encoding="utf-8")
    outs = [(tmp_path / "out.csv", "releases")]
    try:
        import pyarrow  # noqa: F401

        outs.append((tmp_path / "out.parquet", "releases"))
    except ImportError:
        pass
    for out, level in outs:
        assert run(["extract", str(src), "-o", str(out), "--level", level, "-q"], capsys)[0] == 0
    items[1]["text"] = SERBIA.replace("Belgrade", "Vienna")
    src.write_text("".join(json.dumps(it) + "\n" for it in items), encoding="utf-8")
    import newsie

    for out, level in outs:
        code, _, err = run(["extract", str(src), "-o", str(out), "--level", level, "--resume"], capsys)
        frame = newsie.read_records(out, as_="frame", level=level)
        assert code == 0 and "2 skipped" in err and "1 replaced" in err
        assert sorted(frame["release_id"]) == ["d0", "d1", "d2"]
        assert frame.set_index("release_id").loc["d1", "source"].startswith(f"{src}:2@")


def test_resume_heals_a_replacement_cut_short(tmp_path, capsys) -> None:
    """When a run that replaced a record was killed before removing the old one, the next --resume keeps only the newer."""
    a = tmp_path / "a.txt"
    a.write_text(SERBIA, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["extract", str(a), "-o", str(out), "-q"], capsys)[0] == 0
    old = out.read_text(encoding="utf-8")
    a.write_text(SERBIA.replace("4 May", "9 May"), encoding="utf-8")
    assert run(["extract", str(a), "-o", str(out), "-q", "--resume"], capsys)[0] == 0
    out.write_text(old + out.read_text(encoding="utf-8"), encoding="utf-8")  # the old record left behind
    code, _, err = run(["extract", str(a), "-o", str(out), "--resume"], capsys)
    assert code == 0 and "1 skipped" in err
    assert [r["text"] for r in lines(out)] == [SERBIA.replace("4 May", "9 May")]


def test_a_folder_holding_only_the_output_is_a_usage_error(tmp_path, capsys) -> None:
    """A folder or glob whose only release file is the --output is refused before any work, and the output is left as it was."""
    (tmp_path / "a.txt").write_text(SERBIA, encoding="utf-8")
    (tmp_path / "runs").mkdir()
    out = tmp_path / "runs" / "out.jsonl"
    assert run(["extract", str(tmp_path / "a.txt"), "-o", str(out), "-q"], capsys)[0] == 0
    before = out.read_bytes()
    for given in (str(tmp_path / "runs"), str(tmp_path / "runs" / "*.jsonl")):
        code, recs, err = run(["extract", given, "-o", str(out)], capsys)
        assert code == 2 and recs == [] and "but the --output file" in err and out.read_bytes() == before


def test_resume_puts_a_replaced_record_in_its_old_place(tmp_path, capsys) -> None:
    """The new record of an input changed since takes the old record's place in JSON Lines, CSV (several rows a record) and Parquet output, not the end."""
    import newsie

    folder = tmp_path / "in"
    folder.mkdir()
    names = [folder / f"{c}.txt" for c in "abc"]
    for n, path in enumerate(names):
        path.write_text(SERBIA.replace("4 May", f"{n + 4} May"), encoding="utf-8")
    outs = [(tmp_path / "out.jsonl", None), (tmp_path / "out.csv", "mentions")]
    try:
        import pyarrow  # noqa: F401

        outs += [(tmp_path / "out.parquet", "releases"), (tmp_path / "mentions.parquet", "mentions")]
    except ImportError:
        pass
    for out, level in outs:
        assert run(["extract", str(folder), "-o", str(out), "-q", *(["--level", level] if level else [])], capsys)[0] == 0
    before = {out: out.read_bytes() for out, _ in outs}
    names[1].write_text(SERBIA.replace("4 May", "9 May") + " A second meeting was held in Vienna on 10 May 2021.", encoding="utf-8")
    sha1 = hashlib.sha1(names[1].read_bytes()).hexdigest()
    for out, level in outs:
        code, _, err = run(["extract", str(folder), "-o", str(out), "--resume", *(["--level", level] if level else [])], capsys)
        assert code == 0 and "2 skipped" in err and "1 replaced" in err
        frame = newsie.read_records(out, as_="frame", level=level or "releases")
        ids = list(dict.fromkeys(frame["release_id"]))
        assert ids == [str(p) for p in names], out
        assert set(frame[frame["release_id"] == str(names[1])]["source"]) == {f"{names[1]}@{sha1}"}
        assert level != "mentions" or (frame["release_id"] == str(names[1])).sum() > 1  # a record of several rows moves whole
        assert out.read_bytes() != before[out]
    assert [r["text"][:30] for r in lines(tmp_path / "out.jsonl")] == [p.read_text(encoding="utf-8")[:30] for p in names]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".retry", ".parts"))]


def test_a_replacement_cut_short_is_put_in_the_old_place_by_the_next_resume(tmp_path, capsys) -> None:
    """When a killed run left both the old and the new record of a changed input, the next --resume keeps the newer, where the older was."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SERBIA, encoding="utf-8")
    b.write_text(SERBIA.replace("Belgrade", "Podgorica"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["extract", str(a), str(b), "-o", str(out), "-q"], capsys)[0] == 0
    old = out.read_text(encoding="utf-8").splitlines(keepends=True)
    a.write_text(SERBIA.replace("4 May", "9 May"), encoding="utf-8")
    assert run(["extract", str(a), str(b), "-o", str(out), "-q", "--resume"], capsys)[0] == 0
    new_a = next(r for r in lines(out) if r["id"] == str(a))
    out.write_text("".join(old) + json.dumps(new_a) + "\n", encoding="utf-8")  # old a, b, then the new a: the old one left behind
    code, _, err = run(["extract", str(a), str(b), "-o", str(out), "--resume"], capsys)
    assert code == 0 and "2 skipped" in err
    assert [(r["id"], r["text"]) for r in lines(out)] == [(str(a), SERBIA.replace("4 May", "9 May")), (str(b), SERBIA.replace("Belgrade", "Podgorica"))]


def test_replaced_parquet_rows_move_across_batches(tmp_path) -> None:
    """Moving replaced rows in a Parquet output of several batches keeps every other row, in order, and each new row lands where its old one was."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from newsie.archive.resume import replace_keys

    out = tmp_path / "out.parquet"
    sources = [f"in.jsonl:{i}@old" for i in range(2500)]
    changed = [3, 999, 1000, 2400]
    sources += [f"in.jsonl:{i}@new" for i in reversed(changed)]  # appended by the resumed run
    sources.append(None)  # a row without a source is kept as it is
    pq.write_table(pa.table({"source": sources, "n": list(range(len(sources)))}), str(out))
    assert replace_keys(out, "parquet", {f"in.jsonl:{i}@old" for i in changed}) == len(changed)
    got = pq.read_table(str(out)).to_pydict()["source"]
    assert got == [f"in.jsonl:{i}@{'new' if i in changed else 'old'}" for i in range(2500)] + [None]
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]


def test_a_release_read_from_two_inputs_is_one_release_in_the_report(tmp_path, capsys) -> None:
    """The same release in two inputs of one run: the second record's warning names the first's input, and `newsie report` counts it once as a repeat, not as two versions to review."""
    from newsie import read_records
    from newsie.reporting.summary import summarize

    line = json.dumps({"id": "r1", "text": SERBIA}) + "\n"
    first, second = tmp_path / "jan.jsonl", tmp_path / "export.jsonl"
    first.write_text(line, encoding="utf-8")
    second.write_text(json.dumps({"id": "r2", "text": SERBIA.replace("Belgrade", "Vienna")}) + "\n" + line, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", str(first), str(second), "-o", str(out)], capsys)
    recs = lines(out)
    assert code == 0 and "1 record shares an id with an earlier record" in err
    assert recs[2]["source"]["file"] == str(second) and recs[2]["warnings"] == [f"duplicate id: {first}:1 has the same id"]
    s = summarize(read_records(out))
    assert s.totals.releases == 2 and s.repeats == 1 and s.quality.same_id == [] and "duplicate id" not in s.warnings
    second.write_text(json.dumps({"id": "r1", "text": SERBIA.replace("Belgrade", "Vienna")}) + "\n", encoding="utf-8")
    assert run(["extract", str(first), str(second), "-o", str(out), "-q"], capsys)[0] == 0
    s = summarize(read_records(out))  # another release under the same id: listed for review, with both inputs
    assert s.repeats == 0 and [(i.id, i.detail) for i in s.quality.same_id] == [("r1", f"2 different records: {first}:1, {second}:1")]


def test_a_number_over_the_digit_limit_costs_its_line_only(tmp_path, capsys) -> None:
    """A JSON Lines line holding a 5,000-digit number (over Python's int limit) is one error
    record; the run goes on (it used to stop with a traceback and no record)."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "x", "n": ' + "1" * 5000 + "}\n" + json.dumps({"id": "b", "text": SERBIA}) + "\n", encoding="utf-8")
    code, recs, _ = run(["extract", str(src)], capsys)
    assert code == 1 and [r["error"]["type"] if r["error"] else None for r in recs] == ["JSONDecodeError", None]
    assert recs[1]["id"] == "b"


def test_an_oversized_csv_cell_costs_its_row_only(tmp_path, monkeypatch) -> None:
    """A cell over the field limit fails its row alone: the rows after it are read (they were lost)."""
    import newsie.archive.readers as readers

    monkeypatch.setattr(readers, "MAX_CSV_FIELD", 100)
    src = tmp_path / "in.csv"
    src.write_text(f"id,text\na,{SERBIA}\nb,{'x' * 500}\nc,{'y' * 500}\nd,{SERBIA}\n", encoding="utf-8")
    units = list(read_units([str(src)]))
    assert [u["id"] if isinstance(u, dict) else (u.type, u.id.rsplit(":", 1)[1]) for u in units] == [
        "a", ("CSVError", "3"), ("CSVError", "4"), "d",
    ]
    # a quoted cell over the limit on several lines: its other lines are no rows of their own
    src.write_text(f'id,text\na,{SERBIA}\nb,"{"x" * 500}\nmore ""text""\nlines"\nc,"two\nlines"\nd,{SERBIA}\n', encoding="utf-8")
    units = list(read_units([str(src)]))
    assert [u["id"] if isinstance(u, dict) else (u.type, u.id.rsplit(":", 1)[1]) for u in units] == ["a", ("CSVError", "3"), "c", "d"]
    assert [u["text"] for u in units if isinstance(u, dict)][1:] == ["two\nlines", SERBIA]
    # an unquoted cell over the limit whose text holds a quote (a 5" screen): no quoted cell to skip
    src.write_text(f'id,text\na,{SERBIA}\nb,A 5" screen {"x" * 500}\nc,{SERBIA}\nd,{SERBIA}\n', encoding="utf-8")
    units = list(read_units([str(src)]))
    assert [u["id"] if isinstance(u, dict) else u.type for u in units] == ["a", "CSVError", "c", "d"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_dangling_link_named_on_the_command_line_is_an_error_record(tmp_path, capsys) -> None:
    """A dangling link named as an input (as a shell glob names it) is its error record,
    as in a folder, not a usage error that stops the other inputs."""
    (tmp_path / "good.txt").write_text(SERBIA, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, recs, _ = run(["extract", str(tmp_path / "good.txt"), str(tmp_path / "gone.txt")], capsys)
    assert code == 1 and [r["error"]["type"] if r["error"] else None for r in recs] == [None, "DanglingLink"]


def test_a_records_file_that_is_not_utf8_is_a_records_file_error(tmp_path) -> None:
    """`read_records` on a file that is not UTF-8 names file and line (not a UnicodeDecodeError)."""
    import newsie

    path = tmp_path / "r.jsonl"
    path.write_bytes(b"\xff\n")
    with pytest.raises(newsie.RecordsFileError, match=r"r\.jsonl:1: not UTF-8"):
        newsie.read_records(path)
    good = newsie.extract("Officials from Serbia met.").model_dump_json().encode("utf-8") + b"\n"
    path.write_bytes(good * 40 + b"\xff\n")  # the line is named, wherever it is
    with pytest.raises(newsie.RecordsFileError, match=r"r\.jsonl:41: not UTF-8"):
        newsie.read_records(path)
