"""Tests of the archive readers: folders, globs and the files they skip."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsie.archive.readers import Failure, Skipped, expand

ALMATY = "ALMATY, 3 May 2021 – The OSCE Programme Office trained 30 border guards."
VIENNA = "VIENNA, 6 October 2020 – The OSCE Secretary General met the Chairperson-in-Office."
ODIHR = "WARSAW, 14 November 2019 – ODIHR opened an election observation mission in Georgia."
TITLE = "OSCE trains border guards in Kazakhstan"
LINKS = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


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

