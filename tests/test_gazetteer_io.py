"""Reading JSON Lines gazetteers: fast when valid, the same precise errors when not."""
from __future__ import annotations

import json

import pytest

from newsie.exceptions import GazetteerError
from newsie.kb.io import read_entries
from newsie.kb.places import CityEntry


def _write(tmp_path, lines):
    path = tmp_path / "cities.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_valid_lines_become_entries(tmp_path) -> None:
    """Every entry line is read in order; blank and // comment lines are skipped."""
    rows = [{"name": "Almaty", "country": "KAZ"}, {"name": "Bishkek", "country": "KGZ", "capital": True, "aliases": ["Frunze"]}]
    path = _write(tmp_path, ["// curated", json.dumps(rows[0]), "", json.dumps(rows[1])])
    assert read_entries(path, CityEntry) == [CityEntry.model_validate(r) for r in rows]


def test_invalid_json_names_its_line(tmp_path) -> None:
    """A line that is not JSON is a GazetteerError naming the line."""
    path = _write(tmp_path, [json.dumps({"name": "Almaty", "country": "KAZ"}), '{"name": "Osh",'])
    with pytest.raises(GazetteerError, match=r"line 2.*invalid JSON|invalid JSON.*line 2"):
        read_entries(path, CityEntry)


def test_invalid_entry_names_its_line_and_field(tmp_path) -> None:
    """An entry that breaks the model is a GazetteerError naming the line and the field."""
    path = _write(tmp_path, [json.dumps({"name": "Almaty", "country": "KAZ"}), json.dumps({"name": "Osh", "country": "kg"})])
    with pytest.raises(GazetteerError, match="line 2") as err:
        read_entries(path, CityEntry)
    assert "country" in str(err.value)


def test_a_line_separator_inside_a_name_stays_one_entry(tmp_path) -> None:
    """A name holding U+2028 (JSON writers leave it unescaped) is one entry, with CRLF line ends and a byte-order mark read too."""
    rows = [{"name": "Almaty\u2028Alma-Ata", "country": "KAZ"}, {"name": "Osh", "country": "KGZ"}]
    path = tmp_path / "cities.jsonl"
    path.write_bytes(("\ufeff" + "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in rows)).encode("utf-8"))
    assert read_entries(path, CityEntry) == [CityEntry.model_validate(r) for r in rows]
