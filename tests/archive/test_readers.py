"""Tests of the archive readers: decoding line by line, byte-order marks, globs, skipped files."""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
from pathlib import Path

import pytest

from newsie.archive.readers import Failure, Skipped, expand, read_inputs, read_units

ALMATY = "ALMATY, 3 May 2021 – The OSCE Programme Office trained 30 border guards."
VIENNA = "VIENNA, 6 October 2020 – The OSCE Secretary General met the Chairperson-in-Office."
ODIHR = "WARSAW, 14 November 2019 – ODIHR opened an election observation mission in Georgia."
TITLE = "OSCE trains border guards in Kazakhstan"
LINKS = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def jsonl(*texts: str) -> bytes:
    return b"".join(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False).encode() + b"\n" for i, t in enumerate(texts, 1))


def kinds(units: list) -> list[str]:
    return [u.type if isinstance(u, Failure) else u["id"] for u in units]


def test_a_latin1_line_costs_only_its_own_record(tmp_path) -> None:
    """One JSON line in latin-1 among good ones is one DecodeError naming file:line; the others are read."""
    src = tmp_path / "releases.jsonl"
    lines = jsonl(ALMATY, VIENNA, ODIHR).split(b"\n")
    lines[1] = '{"id": "r2", "text": "WIEN, 6 October 2020 – Die OSZE traf sich in Österreich."}'.encode("latin-1", "replace")
    src.write_bytes(b"\n".join(lines))
    units = list(read_inputs([str(src)]))
    assert kinds([u for _, u in units]) == ["r1", "DecodeError", "r3"]
    source, bad = units[1]
    assert isinstance(bad, Failure) and bad.id == f"{src}:2" and f"{src}:2" in bad.message and "UTF-8" in bad.message
    assert source.line == 2


def test_a_nul_byte_in_one_line_or_row_costs_only_that_record(tmp_path) -> None:
    """A NUL byte in one JSON line or CSV row fails that record alone, not the file as binary."""
    lines = jsonl(ALMATY, VIENNA, ODIHR).split(b"\n")
    lines[1] = b'{"id": "r2", "text": "bad \x00 line"}'
    (tmp_path / "a.jsonl").write_bytes(b"\n".join(lines))
    assert kinds(list(read_units([str(tmp_path / "a.jsonl")]))) == ["r1", "DecodeError", "r3"]
    with (tmp_path / "b.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["id", "text"], ["c1", ALMATY], ["c2", "bad \x00 row"], ["c3", VIENNA]])
    units = list(read_inputs([str(tmp_path / "b.csv")]))
    assert kinds([u for _, u in units]) == ["c1", "DecodeError", "c3"]
    bad = units[1][1]
    assert isinstance(bad, Failure) and f"{tmp_path / 'b.csv'}:3" in bad.message and "NUL" in bad.message


def test_a_latin1_csv_row_keeps_its_id(tmp_path) -> None:
    """A CSV row whose text is latin-1 is an error record under the row's own id, naming file:line and the column."""
    src = tmp_path / "export.csv"
    src.write_bytes(f'id,text\nc1,"{ALMATY}"\nc2,"WIEN - Die OSZE traf sich in Österreich."\nc3,"{VIENNA}"\n'.encode("latin-1", "replace"))
    units = list(read_units([str(src)]))
    assert kinds(units) == ["c1", "DecodeError", "c3"]
    assert units[1].id == "c2" and f"{src}:3" in units[1].message and "'text'" in units[1].message


def test_a_binary_file_under_a_jsonl_name_is_one_error(tmp_path) -> None:
    """An image saved as .jsonl is one BinaryFile record, not one record per line of noise."""
    src = tmp_path / "photo.jsonl"
    src.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 200)
    assert kinds(list(read_units([str(src)]))) == ["BinaryFile"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_byte_order_mark_names_the_encoding(tmp_path, codec) -> None:
    """Text, JSON Lines and CSV files with a UTF-16 or UTF-32 byte-order mark are read as such."""
    bom = {"utf-16": b"", "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}[codec]
    (tmp_path / "r.txt").write_bytes(bom + f"{TITLE}\n\n{ALMATY}".encode(codec))
    (tmp_path / "r.jsonl").write_bytes(bom + jsonl(ALMATY, VIENNA).decode().encode(codec))
    (tmp_path / "r.csv").write_bytes(bom + f'id,text\nc1,"{ALMATY}"\n'.encode(codec))
    units = list(read_units([str(tmp_path / n) for n in ("r.txt", "r.jsonl", "r.csv")]))
    assert [(u["title"] if "title" in u else u["id"], u["text"]) for u in units] == [
        (TITLE, ALMATY), ("r1", ALMATY), ("r2", VIENNA), ("c1", ALMATY),
    ]


def test_broken_utf16_says_utf16(tmp_path) -> None:
    """A file marked UTF-16 that does not decode says so, with how to convert it."""
    src = tmp_path / "r.txt"
    src.write_bytes(f"{TITLE}\n\n{ALMATY}".encode("utf-16") + b"\x00")
    (bad,) = read_units([str(src)])
    assert isinstance(bad, Failure) and bad.type == "DecodeError" and "UTF-16" in bad.message and "binary" not in bad.message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec) -> None:
    """Text, HTML, JSON Lines and CSV files and stdin in UTF-16 LE or BE without a byte-order mark (as Windows tools export) are read as such."""
    russian = "АЛМАТЫ, 3 мая 2021 г. – Программный офис ОБСЕ обучил 30 пограничников."
    (tmp_path / "r.txt").write_bytes(f"{TITLE}\n\n{ALMATY}".encode(codec))
    (tmp_path / "ru.txt").write_bytes(f"{TITLE}\n\n{russian}".encode(codec))
    (tmp_path / "r.html").write_bytes(f"<html><body><h1>{TITLE}</h1><p>{ALMATY}</p></body></html>".encode(codec))
    (tmp_path / "r.jsonl").write_bytes(jsonl(ALMATY, russian).decode().encode(codec))
    (tmp_path / "r.csv").write_bytes(f'id,text\r\nc1,"{VIENNA}"\r\n'.encode(codec))
    units = list(read_units([str(tmp_path / n) for n in ("r.txt", "ru.txt", "r.html", "r.jsonl", "r.csv")]))
    assert units[2].html.startswith("<html><body><h1>")
    del units[2]
    assert [(u["title"] if "title" in u else u["id"], u["text"]) for u in units] == [
        (TITLE, ALMATY), (TITLE, russian), ("r1", ALMATY), ("r2", russian), ("c1", VIENNA),
    ]
    data = jsonl(ALMATY, VIENNA).decode().encode(codec)
    assert [u["text"] for u in read_units(["-"], stdin=io.BytesIO(data))] == [ALMATY, VIENNA]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_seen_by_a_look_at_the_head(tmp_path, codec) -> None:
    """The preflight's look at a file (open_text) and at stdin (peek_text) reads UTF-16 without a byte-order mark too."""
    from newsie.archive.readers import open_text, peek_text

    (tmp_path / "a.csv").write_bytes("key,body\nc1,x\n".encode(codec))
    with open_text(tmp_path / "a.csv") as fh:
        assert next(csv.reader(fh)) == ["key", "body"]
    assert peek_text(jsonl(ALMATY).decode().encode(codec)) == jsonl(ALMATY).decode()


def test_utf16_without_a_byte_order_mark_that_does_not_decode_says_which(tmp_path) -> None:
    """A file that reads as UTF-16LE without a mark but is cut mid-character is one DecodeError naming UTF-16LE and how to convert it."""
    src = tmp_path / "r.jsonl"
    src.write_bytes(jsonl(ALMATY, VIENNA).decode().encode("utf-16-le") + b"x")
    (bad,) = read_units([str(src)])
    assert isinstance(bad, Failure) and bad.type == "DecodeError"
    assert "read as UTF-16LE (no byte-order mark) but not valid UTF-16LE" in bad.message and "iconv -f UTF-16LE" in bad.message


@pytest.mark.parametrize(
    "data",
    [
        b"".join(n.to_bytes(2, "little") for n in range(1, 250)) * 4,  # small 16-bit numbers: NULs on one side, control characters
        b"\x00\x01\x02\x03" * 100,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,
        "r\u00e9sum\u00e9 of the visit".encode("utf-32-le") * 20,  # UTF-32 without a mark: NUL characters in UTF-16
    ],
    ids=["uint16", "counting", "png", "utf32"],
)
def test_binary_files_are_not_taken_for_utf16(tmp_path, data) -> None:
    """Binary content with NUL bytes on one side of its byte pairs is still refused as binary, under every suffix and on stdin."""
    from newsie.archive.readers import unmarked_utf16

    assert unmarked_utf16(data[:1024]) is None
    for name in ("r.txt", "r.jsonl", "r.csv"):
        (tmp_path / name).write_bytes(data)
        assert kinds(list(read_units([str(tmp_path / name)]))) == ["BinaryFile"]
    assert kinds(list(read_units(["-"], stdin=io.BytesIO(data)))) == ["BinaryFile"]


def test_utf8_is_not_taken_for_utf16() -> None:
    """UTF-8 text, with or without a stray NUL byte in a line, is not UTF-16."""
    from newsie.archive.readers import encoding_of, unmarked_utf16

    text = jsonl(ALMATY, "АЛМАТЫ – ОБСЕ", VIENNA)
    assert unmarked_utf16(text) is None and encoding_of(text) == "utf-8-sig"
    assert unmarked_utf16(text.replace(b"ALMATY", b"AL\x00MATY")) is None
    assert unmarked_utf16(b"") is None and unmarked_utf16(b"\x00\x00") is None


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        (jsonl(ALMATY) + b'{"id": "r2", "text": "caf\xe9"}\n', ["r1", "DecodeError"]),
        (f"{TITLE}\n\n{ALMATY}".encode("utf-16"), ["<stdin>"]),
        (b"\x00\x01\x02\x03" * 100, ["BinaryFile"]),
        ("WIEN - Die OSZE traf sich in Österreich.".encode("latin-1"), ["DecodeError"]),
    ],
)
def test_stdin_is_decoded_like_a_file(data, expect) -> None:
    """Bytes on stdin follow the rules of a file: per-line errors for JSON Lines, BOMs, binary and latin-1 refused."""
    assert kinds(list(read_units(["-"], stdin=io.BytesIO(data)))) == expect
    text_stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="strict")
    assert kinds(list(read_units(["-"], stdin=text_stream))) == expect  # read through its buffer


@LINKS
def test_a_glob_does_not_follow_a_link_loop(tmp_path) -> None:
    """'**' gives each file once and names a link to an enclosing folder as a LinkLoop, like a folder input."""
    arch = tmp_path / "arch"
    (arch / "sub").mkdir(parents=True)
    (arch / "r1.txt").write_text(f"{TITLE}\n\n{ALMATY}", encoding="utf-8")
    (arch / "sub" / "r2.txt").write_text(VIENNA, encoding="utf-8")
    (arch / "sub" / "loop").symlink_to("..")
    (arch / "sub" / "same.txt").symlink_to("../r1.txt")
    found = list(expand([str(arch / "**" / "*.txt")]))
    loops = sorted(Path(f.source).name for f in found if isinstance(f, Failure) and f.type == "LinkLoop")
    assert [f for f in found if isinstance(f, str)] == [str(arch / "r1.txt"), str(arch / "sub" / "r2.txt")]
    assert loops == ["loop"]
    assert [f for f in expand([str(arch)]) if isinstance(f, Failure)] == [f for f in found if isinstance(f, Failure)]
    whole = list(expand([str(arch / "**")]))
    assert [f for f in whole if isinstance(f, str)] == [str(arch / "r1.txt"), str(arch / "sub" / "r2.txt")]
    assert len(whole) == 3


@LINKS
def test_a_folder_gives_each_file_once_however_many_links_lead_to_it(tmp_path) -> None:
    """A folder given directly reads each real file once, as a glob does: a file and links to it (from beside it, or
    through a linked folder) give the first path in sorted order; a file given again by name is still read again."""
    arch = tmp_path / "arch"
    (arch / "sub").mkdir(parents=True)
    (arch / "b.txt").write_text(f"{TITLE}\n\n{ALMATY}", encoding="utf-8")
    (arch / "a.txt").symlink_to("b.txt")
    (arch / "c.txt").symlink_to("b.txt")
    (arch / "sub" / "d.txt").write_text(VIENNA, encoding="utf-8")
    (arch / "twin").symlink_to("sub")
    found = list(expand([str(arch)]))
    assert found == [str(arch / "a.txt"), str(arch / "sub" / "d.txt")]
    assert found == list(expand([str(arch / "**" / "*.txt")]))
    assert kinds([u for _, u in read_inputs([str(arch)])]) == [str(arch / "a.txt"), str(arch / "sub" / "d.txt")]
    assert list(expand([str(arch / "b.txt"), str(arch)])) == [str(arch / "b.txt"), *found]

@LINKS
def test_a_link_to_an_enclosing_folder_is_a_loop_from_below(tmp_path) -> None:
    """A folder given below a link's target still reports the link as a loop (not a walk of the parent)."""
    arch = tmp_path / "arch"
    (arch / "sub").mkdir(parents=True)
    (arch / "r1.txt").write_text(ALMATY, encoding="utf-8")
    (arch / "sub" / "loop").symlink_to("..")
    found = list(expand([str(arch / "sub")]))
    assert [(f.type, f.source) for f in found if isinstance(f, Failure)] == [("LinkLoop", str(arch / "sub" / "loop"))]
    assert [f for f in found if isinstance(f, str)] == []


def test_hidden_entries_in_a_folder_are_counted(tmp_path) -> None:
    """Hidden files and folders in a folder are not read but are counted, like files of other suffixes."""
    (tmp_path / "r1.txt").write_text(ALMATY, encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(VIENNA, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(ODIHR, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    skipped = Skipped()
    assert list(expand([str(tmp_path)], skipped)) == [str(tmp_path / "r1.txt")]
    assert skipped.hidden == {"file": 1, "folder": 1} and skipped.suffixes == {".pdf": 1}


def test_peek_text_decodes_only_the_head() -> None:
    """peek_text decodes the first bytes by their byte-order mark; a character cut at the limit becomes U+FFFD, not an error."""
    from newsie.archive.readers import peek_text

    data = jsonl(ALMATY, "WIEN, 6 October 2020 – Die OSZE traf sich in Österreich.")
    assert peek_text(data) == data.decode("utf-8")
    cut = data.index("Ö".encode()) + 1  # inside the two bytes of "Ö"
    assert peek_text(data, cut).endswith("\ufffd") and len(peek_text(data, cut)) < len(data)
    assert peek_text(ALMATY.encode("utf-16")) == ALMATY


def test_open_text_reads_by_the_byte_order_mark(tmp_path) -> None:
    """open_text gives a UTF-16 file's text and a UTF-8 file's text without its mark; a stray byte becomes U+FFFD."""
    from newsie.archive.readers import open_text

    (tmp_path / "a.csv").write_bytes("id,text\nc1,x\n".encode("utf-16"))
    (tmp_path / "b.csv").write_bytes(codecs.BOM_UTF8 + b"id,text\nc1,caf\xe9\n")
    with open_text(tmp_path / "a.csv") as fh:
        assert next(csv.reader(fh)) == ["id", "text"]
    with open_text(tmp_path / "b.csv") as fh:
        assert fh.read() == "id,text\nc1,caf\ufffd\n"


def test_plain_text_on_stdin_is_read_once_and_kept_whole(monkeypatch) -> None:
    """A release on stdin that is not JSON Lines becomes one item, decoded once; a stray byte in it still fails it whole."""
    import newsie.archive.readers as readers

    calls = []
    monkeypatch.setattr(readers, "_decode", lambda raw, source: calls.append(source) or "decoded again")
    units = list(read_units(["-"], stdin=io.BytesIO(f"{TITLE}\n\n{ALMATY}".encode())))
    assert units[0]["title"] == TITLE and units[0]["text"] == ALMATY and calls == []
    monkeypatch.undo()
    bad = list(read_units(["-"], stdin=io.BytesIO(f"{TITLE}\n\n".encode() + b"caf\xe9 " + ALMATY.encode())))
    assert kinds(bad) == ["DecodeError"]


def test_exclude_leaves_files_out_of_folders_and_globs(tmp_path) -> None:
    """A file for which exclude= is true is neither listed by expand nor read by read_inputs; stdin and failures pass."""
    (tmp_path / "a.txt").write_text(f"{TITLE}\n\n{ALMATY}", encoding="utf-8")
    (tmp_path / "out.jsonl").write_bytes(jsonl(VIENNA))
    mine = str(tmp_path / "out.jsonl")
    assert list(expand([str(tmp_path)], exclude=lambda p: p == mine)) == [str(tmp_path / "a.txt")]
    assert list(expand([str(tmp_path / "*"), "-", str(tmp_path / "gone.txt")], exclude=lambda p: p == mine))[:2] == [str(tmp_path / "a.txt"), "-"]
    units = [u for _, u in read_inputs([str(tmp_path)], exclude=lambda p: p == mine)]
    assert kinds(units) == [str(tmp_path / "a.txt")]


@pytest.mark.parametrize("meta", ['<meta charset="iso-8859-1">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'])
def test_an_html_file_in_the_charset_it_declares_is_read(tmp_path, meta: str) -> None:
    """An HTML file that is not UTF-8 but declares its charset is decoded with it, not refused."""
    page = f"<html><head>{meta}<title>OSCE in Zürich</title></head><body><p>Zürich, 3 May 2021 - Die OSZE tagte.</p></body></html>"
    src = tmp_path / "page.html"
    src.write_bytes(page.encode("latin-1"))
    (unit,) = [u for _, u in read_inputs([str(src)])]
    assert not isinstance(unit, Failure)
    assert "Zürich, 3 May 2021" in unit.html


def test_an_html_file_declaring_nothing_it_fits_stays_a_decode_error(tmp_path) -> None:
    """An HTML file whose bytes fit neither UTF-8 nor its declared charset is one DecodeError."""
    src = tmp_path / "page.html"
    src.write_bytes(b'<html><head><meta charset="windows-1251"></head><body>\xcc\xee\xf1\xea\xe2\xe0 \x98</body></html>')  # (0x98: none in cp1251)
    (unit,) = [u for _, u in read_inputs([str(src)])]
    assert isinstance(unit, Failure) and unit.type == "DecodeError"


def test_a_quote_in_running_text_swallows_no_rows(tmp_path) -> None:
    """A cell that starts with a quote never closed (a '"' in running text) keeps the rows below it: in TSV the
    row is read with the quote as a character; in CSV it is an error record naming the quote; a closed quoted cell
    over two lines is still one cell."""
    tsv = tmp_path / "releases.tsv"
    tsv.write_text(
        'id\ttitle\ttext\n'
        't1\tFirst\t"Safe Roads" campaign opens, the OSCE Mission to Skopje said.\n'
        't2\tSecond\t"Twenty police officers from Serbia met in Belgrade.\n'
        't3\tThird\t' + ALMATY + '\n',
        encoding="utf-8",
    )
    units = list(read_inputs([str(tsv)]))
    assert kinds([u for _, u in units]) == ["t1", "t2", "t3"] and [s.line for s, _ in units] == [2, 3, 4]
    assert units[0][1]["text"].startswith('"Safe Roads" campaign') and units[1][1]["text"].startswith('"Twenty police')
    assert units[2][1]["text"] == ALMATY
    src = tmp_path / "releases.csv"
    src.write_text(
        f'id,title,text\nc1,First,"Open quote, at the start of a cell.\nc2,Second,"{VIENNA}"\nc3,Third,"{ODIHR}\nin two lines"\n',
        encoding="utf-8",
    )
    units = list(read_inputs([str(src)]))
    assert kinds([u for _, u in units]) == ["CSVError", "c2", "c3"] and [s.line for s, _ in units] == [2, 3, 4]
    assert "quote" in units[0][1].message and units[0][1].id == f"{src}:2"
    assert units[1][1]["text"] == VIENNA and units[2][1]["text"] == f"{ODIHR}\nin two lines"


def test_a_space_after_a_closing_quote_is_no_unclosed_quote(tmp_path) -> None:
    """'"... two lines." ' (a space before the line end) is a closed quoted cell: the row is
    read whole, the rows below keep their lines."""
    src = tmp_path / "releases.csv"
    src.write_text(f'id,title,text\nc1,First,"{VIENNA}\nSecond para." \nc2,Second,"{ODIHR}" ,\n', encoding="utf-8")
    units = list(read_inputs([str(src)]))
    assert kinds([u for _, u in units]) == ["c1", "c2"] and [s.line for s, _ in units] == [2, 4]
    assert units[0][1]["text"] == f"{VIENNA}\nSecond para." and units[1][1]["text"] == ODIHR


# --encoding: archives saved by Windows tools (cp1252, cp1250, cp1251).
ZURICH = "ZÜRICH, 12 May 2021 – The OSCE met “civil society” in Zürich."
PLAIN = "VIENNA, 6 October 2020 - The OSCE Secretary General met the Chairperson-in-Office."


@pytest.mark.parametrize("name", ["r.jsonl", "r.json", "r.csv", "r.tsv"])
def test_records_files_in_the_encoding_given_are_read(tmp_path, name: str) -> None:
    """A cp1252 JSON Lines file, .json array, CSV or TSV is read whole with encoding="cp1252"; without, its rows fail as before."""
    rows = [{"id": "r1", "title": "Talks in Zürich", "text": ZURICH}, {"id": "r2", "title": "Vienna", "text": PLAIN}]
    src = tmp_path / name
    if name.endswith(".jsonl"):
        src.write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("cp1252"))
    elif name.endswith(".json"):
        src.write_bytes(json.dumps(rows, ensure_ascii=False).encode("cp1252"))
    else:
        with src.open("w", encoding="cp1252", newline="") as fh:
            writer = csv.DictWriter(fh, ["id", "title", "text"], delimiter="\t" if name.endswith(".tsv") else ",")
            writer.writeheader()
            writer.writerows(rows)
    units = list(read_units([str(src)], encoding="cp1252"))
    assert [(u["id"], u["title"], u["text"]) for u in units] == [(r["id"], r["title"], r["text"]) for r in rows]
    assert kinds(list(read_units([str(src)]))) == ["DecodeError", "r2"]


def test_text_files_in_the_encoding_given_are_read(tmp_path) -> None:
    """Text files in cp1252, cp1250 and cp1251 are read with their encoding; without it each is a DecodeError saying how to give it."""
    texts = {
        "cp1252": ("Talks in Zürich", ZURICH),
        "cp1250": ("Dialogue in Łódź and Brno", "WARSAW, 3 May 2021 – ODIHR met officials in Łódź, Kraków and Brno („Ostrava”)."),
        "cp1251": ("Семинар ОБСЕ в Москве", "MOSCOW, 3 May 2021 – The OSCE held a seminar «Свобода СМИ» for journalists."),
    }
    for codec, (title, body) in texts.items():
        src = tmp_path / f"{codec}.txt"
        src.write_bytes(f"{title}\n\n{body}\n".encode(codec))
        (unit,) = read_units([str(src)], encoding=codec)
        assert (unit["title"], unit["text"]) == (title, body)
        (bad,) = read_units([str(src)])
        assert isinstance(bad, Failure) and bad.type == "DecodeError" and "not UTF-8 text" in bad.message
        assert "--encoding cp1252" in bad.message and "iconv" in bad.message


def test_stdin_in_the_encoding_given_is_read() -> None:
    """stdin holding cp1252 text, JSON Lines or CSV is read with encoding="cp1252"; without it, it fails as before."""
    release = f"Talks in Zürich\n\n{ZURICH}".encode("cp1252")
    (unit,) = read_units(["-"], stdin=io.BytesIO(release), encoding="cp1252")
    assert (unit["title"], unit["text"]) == ("Talks in Zürich", ZURICH)
    assert kinds(list(read_units(["-"], stdin=io.BytesIO(release)))) == ["DecodeError"]
    lines = jsonl(ZURICH, PLAIN).decode().encode("cp1252")
    assert [u["text"] for u in read_units(["-"], stdin=io.BytesIO(lines), encoding="cp1252")] == [ZURICH, PLAIN]
    assert kinds(list(read_units(["-"], stdin=io.BytesIO(lines)))) == ["DecodeError", "r2"]
    table = f'id,text\nc1,"{ZURICH}"\n'.encode("cp1252")
    assert [u["text"] for u in read_units(["-"], stdin=io.TextIOWrapper(io.BytesIO(table)), encoding="cp1252")] == [ZURICH]


def test_marked_and_utf16_files_ignore_the_encoding_given(tmp_path) -> None:
    """Files with a UTF-8, UTF-16 or UTF-32 byte-order mark and UTF-16 without one keep their own encoding under encoding="cp1251"."""
    text = f"Talks in Zürich\n\n{ZURICH}"
    (tmp_path / "utf8.txt").write_bytes(codecs.BOM_UTF8 + text.encode())
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "utf32.txt").write_bytes(text.encode("utf-32"))
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "be.jsonl").write_bytes(jsonl(ZURICH).decode().encode("utf-16-be"))
    (tmp_path / "bom.csv").write_bytes(codecs.BOM_UTF8 + f'id,text\nc1,"{ZURICH}"\n'.encode())
    names = ("utf8.txt", "utf16.txt", "utf32.txt", "le.txt", "be.jsonl", "bom.csv")
    units = list(read_units([str(tmp_path / n) for n in names], encoding="cp1251"))
    assert [u["text"] for u in units] == [ZURICH] * len(names)


def test_bytes_the_encoding_given_does_not_have_fail_naming_it(tmp_path) -> None:
    """A byte cp1252 leaves undefined fails the file, or its line alone, naming cp1252 and --encoding."""
    (tmp_path / "r.txt").write_bytes(b"Talks\n\nbad \x81 byte")
    (bad,) = read_units([str(tmp_path / "r.txt")], encoding="cp1252")
    assert isinstance(bad, Failure) and bad.type == "DecodeError"
    assert "not cp1252 text (byte 11" in bad.message and "--encoding" in bad.message
    (tmp_path / "r.jsonl").write_bytes(jsonl(ZURICH).decode().encode("cp1252") + b'{"id": "r2", "text": "bad \x81"}\n')
    units = list(read_units([str(tmp_path / "r.jsonl")], encoding="cp1252"))
    assert kinds(units) == ["r1", "DecodeError"] and units[0]["text"] == ZURICH
    assert f"{tmp_path / 'r.jsonl'}:2: not cp1252 text (byte 26 of the line" in units[1].message


def test_an_encoding_that_is_not_ascii_based_decodes_the_file_whole(tmp_path) -> None:
    """UTF-16 whose control characters keep it from being told by its bytes is a BinaryFile naming --encoding UTF-16LE, which reads it."""
    src = tmp_path / "r.txt"
    src.write_bytes(f"{TITLE}\n\n{ALMATY}\x07".encode("utf-16-le"))
    (bad,) = read_units([str(src)])
    assert isinstance(bad, Failure) and bad.type == "BinaryFile" and "give --encoding UTF-16LE" in bad.message
    (unit,) = read_units([str(src)], encoding="UTF-16LE")
    assert (unit["title"], unit["text"]) == (TITLE, f"{ALMATY}\x07")


def test_html_reads_utf8_and_its_declared_charset_before_the_encoding_given(tmp_path) -> None:
    """With encoding="cp1252", a page without a charset is read in cp1252, a UTF-8 page and a page declaring windows-1251 as theirs."""
    body = "<body><h1>Talks in Zürich</h1><p>{}</p></body></html>"
    (tmp_path / "a.html").write_bytes(("<html>" + body.format(ZURICH)).encode("cp1252"))
    (tmp_path / "b.html").write_bytes(("<html>" + body.format(ZURICH)).encode("utf-8"))
    russian = "МОСКВА, 3 мая 2021 – ОБСЕ провела семинар."
    (tmp_path / "c.html").write_bytes(f'<html><head><meta charset="windows-1251"></head><body><p>{russian}</p></body></html>'.encode("cp1251"))
    pages = list(read_units([str(tmp_path / n) for n in ("a.html", "b.html", "c.html")], encoding="cp1252"))
    assert [ZURICH in p.html for p in pages[:2]] == [True, True] and russian in pages[2].html
    assert kinds(list(read_units([str(tmp_path / "a.html")]))) == ["DecodeError"]


def test_a_look_at_the_head_reads_the_encoding_given(tmp_path) -> None:
    """The preflight's look at a file (open_text) and at stdin (peek_text) decode in the encoding given, as the run does."""
    from newsie.archive.readers import open_text, peek_text

    (tmp_path / "a.csv").write_bytes("Kennung,Überschrift,Inhalt\nc1,x,y\n".encode("cp1252"))
    with open_text(tmp_path / "a.csv", encoding="cp1252") as fh:
        assert next(csv.reader(fh)) == ["Kennung", "Überschrift", "Inhalt"]
    assert peek_text(ZURICH.encode("cp1252"), encoding="cp1252") == ZURICH
    assert peek_text(ZURICH.encode("utf-16"), encoding="cp1252") == ZURICH


# Inputs that are UTF-8 are read as UTF-8 whatever encoding is given (a mixed archive).
ROMANIAN = "BUCUREȘTI, 4 June 2021 – OSCE/ODIHR met officials of Iași and Timișoara („dialogue”)."
RUSSIAN = "МОСКВА, 3 мая 2021 – ОБСЕ провела семинар «Свобода СМИ» для журналистов."


def _utf8_inputs(folder: Path) -> list[str]:
    """A UTF-8 text file, HTML page (no charset), JSON Lines file, CSV, TSV and .json array holding ZURICH, ROMANIAN and RUSSIAN."""
    rows = [{"id": f"u{i}", "title": t.split(",")[0], "text": t} for i, t in enumerate((ZURICH, ROMANIAN, RUSSIAN), 1)]
    folder.mkdir()
    (folder / "a.txt").write_bytes(f"Talks in Zürich\n\n{ZURICH} {ROMANIAN} {RUSSIAN}\n".encode())
    (folder / "b.html").write_bytes(f"<html><body><h1>Talks in Zürich</h1><p>{ZURICH}</p><p>{ROMANIAN}</p><p>{RUSSIAN}</p></body></html>".encode())
    (folder / "c.jsonl").write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode())
    (folder / "e.json").write_bytes(json.dumps(rows, ensure_ascii=False).encode())
    for name, delimiter in (("d.csv", ","), ("d.tsv", "\t")):
        with (folder / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, ["id", "title", "text"], delimiter=delimiter)
            writer.writeheader()
            writer.writerows(rows)
    return [str(p) for p in sorted(folder.iterdir())]


@pytest.mark.parametrize("codec", ["cp1252", "cp1250", "cp1251", "UTF-16LE"])
def test_utf8_inputs_are_read_as_utf8_whatever_the_encoding_given(tmp_path, codec: str) -> None:
    """Text, HTML, JSON Lines, CSV, TSV, .json and stdin that are UTF-8 give the same units, keys included, with any encoding given as without one."""
    paths = _utf8_inputs(tmp_path / "in")
    plain = list(read_inputs(paths))
    assert not any(isinstance(u, Failure) for _, u in plain) and len(plain) == 14
    assert list(read_inputs(paths, encoding=codec)) == plain
    release = f"Talks in Zürich\n\n{ROMANIAN} {RUSSIAN}\n".encode()
    (unit,) = read_units(["-"], stdin=io.BytesIO(release), encoding=codec)
    assert (unit["title"], unit["text"]) == ("Talks in Zürich", f"{ROMANIAN} {RUSSIAN}")
    lines = (tmp_path / "in" / "c.jsonl").read_bytes()
    assert [u["text"] for u in read_units(["-"], stdin=io.BytesIO(lines), encoding=codec)] == [ZURICH, ROMANIAN, RUSSIAN]


def test_a_mixed_folder_reads_each_file_in_its_own_encoding(tmp_path) -> None:
    """With encoding="cp1252", a UTF-8 file and a cp1252 file in one folder each give Zürich, not "ZÃ¼rich" or a DecodeError."""
    (tmp_path / "a.jsonl").write_bytes(jsonl(ZURICH, ROMANIAN))
    (tmp_path / "b.jsonl").write_bytes(jsonl(ZURICH, VIENNA).decode().encode("cp1252"))
    assert [u["text"] for u in read_units([str(tmp_path)], encoding="cp1252")] == [ZURICH, ROMANIAN, ZURICH, VIENNA]


def test_a_look_at_a_utf8_file_reads_it_as_utf8_whatever_the_encoding_given(tmp_path) -> None:
    """The preflight's look at a UTF-8 file or stdin (open_text, peek_text) reads it as UTF-8 under encoding="cp1252", as the run does."""
    from newsie.archive.readers import open_text, peek_text

    (tmp_path / "a.csv").write_bytes("Kennung,Überschrift,Inhalt\nc1,x,y\n".encode())
    with open_text(tmp_path / "a.csv", encoding="cp1252") as fh:
        assert next(csv.reader(fh)) == ["Kennung", "Überschrift", "Inhalt"]
    assert peek_text(ZURICH.encode(), encoding="cp1252") == ZURICH
    # A file whose later lines are not UTF-8 is read in the encoding given, its first line too.
    (tmp_path / "b.csv").write_bytes("Kennung,Überschrift,Inhalt\n".encode() + "c1,Zürich,y\n".encode("cp1252"))
    with open_text(tmp_path / "b.csv", encoding="cp1252") as fh:
        assert next(csv.reader(fh)) == ["Kennung", "Ãœberschrift", "Inhalt"]


def test_the_keys_of_resume_do_not_depend_on_the_encoding_given(tmp_path) -> None:
    """Lines, rows (over several lines, quoted cells, a cp1252 header) and .json documents have the same keys
    (Source) read with encoding="cp1252" as without it; a JSON line's is the hash of its bytes."""
    import hashlib

    (tmp_path / "a.jsonl").write_bytes(
        jsonl(ZURICH, VIENNA).decode().encode("cp1252") + jsonl("Talks in Zürich and Genève").replace(b"\n", b"\r\n") + b'{"id": "r4", "text": "bad \x81"}\n'
    )  # (a UTF-8 line, with CRLF, in a cp1252 file)
    rows = [["id", "Überschrift", "text"], ["c1", "Zürich", ZURICH], ["c2", 'a "quoted" title', f"{VIENNA}\n“Second” paragraph, in Zürich."]]
    with (tmp_path / "b.csv").open("w", encoding="cp1252", newline="") as fh:
        csv.writer(fh).writerows(rows)
    with (tmp_path / "b.csv").open("ab") as fh:
        fh.write(b'c3,"bad \x81 title",x\nc4,"Z\xfcrich" ,"closed, then a space"\n')
    (tmp_path / "c.json").write_bytes(b'[{"id": "j1", "text": "' + ZURICH.encode("cp1252") + b'"}, {"id": "j2", "text": "\\u00fc \xfc"}]')
    (tmp_path / "d.json").write_bytes(json.dumps({"id": "p1", "text": ZURICH}, indent=2, ensure_ascii=False).encode("cp1252"))
    for name, failed in (("a.jsonl", 1), ("b.csv", 1), ("c.json", 0), ("d.json", 0)):  # (failed: the bytes cp1252 leaves undefined)
        plain = [src for src, _ in read_inputs([str(tmp_path / name)])]
        given = list(read_inputs([str(tmp_path / name)], encoding="cp1252"))
        assert [src for src, _ in given] == plain and sum(isinstance(u, Failure) for _, u in given) == failed
    lines = [line.removesuffix(b"\r") for line in (tmp_path / "a.jsonl").read_bytes().split(b"\n") if line]
    assert [src.sha1 for src, _ in read_inputs([str(tmp_path / "a.jsonl")], encoding="cp1252")] == [hashlib.sha1(b).hexdigest() for b in lines]
    release = f"Talks in Zürich\n\n{ZURICH}".encode("cp1252")
    assert [s for s, _ in read_inputs(["-"], stdin=io.BytesIO(release))] == [s for s, _ in read_inputs(["-"], stdin=io.BytesIO(release), encoding="cp1252")]


@pytest.mark.parametrize("name", ["bogus", "base64", "idna", "undefined", "unicode_escape", "raw_unicode_escape", "cp500", "utf-7", "iso2022_jp"])
def test_encodings_newsie_does_not_read_files_in_are_lookup_errors(tmp_path, name: str) -> None:
    """check_encoding and read_inputs raise LookupError for a name that is no ASCII-based text encoding nor UTF-16/32."""
    from newsie.archive.readers import check_encoding

    (tmp_path / "a.txt").write_bytes(b"Talks\n\nVIENNA, 6 October 2020 - The OSCE met.")
    with pytest.raises(LookupError):
        check_encoding(name)
    with pytest.raises(LookupError):
        list(read_inputs([str(tmp_path / "a.txt")], encoding=name))


def test_the_encodings_newsie_reads_files_in() -> None:
    """check_encoding gives the codec of ASCII-based encodings and of UTF-16/32, and None for UTF-8."""
    from newsie.archive.readers import check_encoding

    assert [check_encoding(n) for n in ("cp1252", "windows-1251", "shift_jis", "UTF-16LE", "utf_32", "UTF8", "utf-8-sig")] == [
        "cp1252", "cp1251", "shift_jis", "utf-16-le", "utf-32", None, None,
    ]


@pytest.mark.parametrize("label", ["latin-1", "latin1", "iso-8859-1", "ISO8859-1", "l1", "us-ascii", "ascii"])
def test_latin1_is_read_as_windows_1252_as_browsers_read_it(tmp_path, label: str) -> None:
    """With encoding="latin-1" (or another Latin-1 or ASCII label), bytes 0x85, 0x96, 0x93/0x94 are "…", "–", "“”", not
    control characters (0x85, NEL, cut the title); a byte cp1252 leaves undefined (0x81) is its Latin-1 character, no error."""
    title = "OSCE talks… continue in Zürich"
    body = "ZÜRICH, 12 May 2021 – The OSCE met “civil society”…"
    (tmp_path / "a.txt").write_bytes(f"{title}\n\n{body}\n".encode("cp1252"))
    (tmp_path / "b.jsonl").write_bytes(jsonl(body).decode().encode("cp1252") + b'{"id": "r2", "text": "code \x81 page"}\n')
    (unit,) = read_units([str(tmp_path / "a.txt")], encoding=label)
    assert (unit["title"], unit["text"]) == (title, body)
    assert [u["text"] for u in read_units([str(tmp_path / "b.jsonl")], encoding=label)] == [body, "code \x81 page"]


def test_an_html_page_declaring_iso_8859_1_is_read_as_windows_1252(tmp_path) -> None:
    """A page whose <meta charset> says iso-8859-1 (or ascii) holding cp1252 bytes (0x85, 0x96, 0x93/0x94) gives "…",
    "–" and curly quotes."""
    body = "ZÜRICH, 12 May 2021 – The OSCE met “civil society”…"
    for charset in ("iso-8859-1", "ascii"):
        (tmp_path / "a.html").write_bytes(f'<html><head><meta charset="{charset}"></head><body><p>{body}</p></body></html>'.encode("cp1252"))
        for encoding in (None, "cp1251"):
            (page,) = read_units([str(tmp_path / "a.html")], encoding=encoding)
            assert f"<p>{body}</p>" in page.html


def test_a_utf8_byte_order_mark_decides_and_its_failure_says_so(tmp_path) -> None:
    """A file with a UTF-8 byte-order mark but cp1252 bytes fails (whole, or its line) saying the mark says UTF-8,
    whether encoding="cp1252" is given or not; it does not send the user to --encoding; bytes count from the file's start."""
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF8 + "Talks\n\nZürich".encode("cp1252"))
    (tmp_path / "b.jsonl").write_bytes(codecs.BOM_UTF8 + jsonl(VIENNA) + jsonl(ZURICH).decode().encode("cp1252"))
    for encoding in ("cp1252", None):
        text, line = [u for u in read_units([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")], encoding=encoding) if isinstance(u, Failure)]
        assert text.message.startswith(f"{tmp_path / 'a.txt'}: not UTF-8 text (byte 11: invalid start byte), although its byte-order mark says UTF-8")
        assert line.message.startswith(f"{tmp_path / 'b.jsonl'}:2: not UTF-8 text (byte 23 of the line")
        for bad in (text, line):
            assert "byte-order mark says UTF-8" in bad.message and "give its encoding with --encoding" not in bad.message


def test_a_file_the_encoding_given_does_not_fit_says_to_check_it(tmp_path) -> None:
    """A file that is not valid in the encoding given says so, by the codec's readable name, and asks to check the
    encoding (not to convert it from that encoding with iconv)."""
    (tmp_path / "a.txt").write_bytes(b"Talks\n\nbad \x98 byte \xff")  # (0x98: none in cp1251; not UTF-8)
    (bad,) = read_units([str(tmp_path / "a.txt")], encoding="windows-1251")
    assert bad.message == f"{tmp_path / 'a.txt'}: not cp1251 text (byte 11: character maps to <undefined>); check its encoding: --encoding cp1251 does not fit it; give the right one, or save the file as UTF-8"
    (bad,) = read_units([str(tmp_path / "a.txt")], encoding="utf_16_le")
    assert bad.message.startswith(f"{tmp_path / 'a.txt'}: read as UTF-16LE (--encoding) but not valid UTF-16LE (byte 18: truncated data); check its encoding")
    for utf8 in ("utf8", "UTF-8", "U8"):
        (bad,) = read_units([str(tmp_path / "a.txt")], encoding=utf8)
        assert bad.message.startswith(f"{tmp_path / 'a.txt'}: not UTF-8 text (byte 11: invalid start byte); give its encoding with --encoding")
