"""Tests of user gazetteer files (`newsie.kb.user`): an official's office must be one newsie knows."""
from __future__ import annotations

import json

import pytest
import spacy

import newsie
from newsie.cli import main
from newsie.exceptions import GazetteerError
from newsie.kb.io import read_packaged
from newsie.kb.officials import OFFICIALS_FILE, OfficeEntry, OfficialEntry, packaged_office_ids
from newsie.kb.user import (
    apply_user_gazetteers,
    read_user_gazetteer,
    read_user_gazetteers,
    validate_user_gazetteers,
)

OFFICE = {"id": "smw-director", "title": "Director of Steppe Media Watch", "patterns": ["SMW Director"]}


def _official(office: str) -> dict:
    return {"name": "Aigerim Testova", "terms": [{"office": office, "start": "2020-01-01"}]}


def _write(tmp_path, name: str, data: dict) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_an_unknown_office_is_a_gazetteer_error(tmp_path) -> None:
    """A term naming an office that is neither packaged nor in the file names the file, the official and the office."""
    path = _write(tmp_path, "mine.json", {"officials": [_official("osce-secretary-general"), _official("nonexistent-office")]})
    with pytest.raises(GazetteerError, match=r"mine\.json, entry officials\[1\]: terms\[0\]\.office: unknown office 'nonexistent-office'") as err:
        read_user_gazetteer(path)
    assert err.value.entry == "officials[1]"


def test_a_mistyped_office_gets_the_closest_id(tmp_path) -> None:
    """The error for a misspelt office id suggests the closest known one."""
    path = _write(tmp_path, "mine.json", {"officials": [_official("osce-secretary-generl")]})
    with pytest.raises(GazetteerError, match="did you mean 'osce-secretary-general'"):
        read_user_gazetteer(path)


def test_packaged_and_own_offices_are_known(tmp_path) -> None:
    """A term may name a packaged office or an office defined in the same file."""
    path = _write(tmp_path, "mine.json", {"offices": [OFFICE], "officials": [_official("smw-director"), _official("osce-secretary-general")]})
    assert len(read_user_gazetteer(path).officials) == 2


def test_an_office_of_another_given_file_is_known(tmp_path) -> None:
    """Files read together may define an office in one and its holder in another, in either order."""
    people = _write(tmp_path, "people.json", {"officials": [_official("smw-director")]})
    offices = _write(tmp_path, "offices.json", {"offices": [OFFICE]})
    assert [len(g.officials) for g in read_user_gazetteers([people, offices])] == [1, 0]
    assert len(read_user_gazetteer(people, offices=["smw-director"]).officials) == 1
    with pytest.raises(GazetteerError, match=r"people\.json.*unknown office 'smw-director'"):
        read_user_gazetteers([people])


def test_load_rejects_an_unknown_office(tmp_path) -> None:
    """`newsie.load` with a term naming an unknown office raises GazetteerError instead of ignoring the entry."""
    path = _write(tmp_path, "mine.json", {"officials": [_official("nonexistent-office")]})
    with pytest.raises(GazetteerError, match=r"officials\[0\].*nonexistent-office"):
        newsie.load(gazetteers=[path])


def test_load_resolves_an_office_of_another_file(tmp_path) -> None:
    """`newsie.load` with the holder in one file and the office in another resolves the office by date."""
    people = _write(tmp_path, "people.json", {"officials": [_official("smw-director")]})
    offices = _write(tmp_path, "offices.json", {"offices": [OFFICE]})
    nlp = newsie.load(gazetteers=[people, offices])
    rel = newsie.extract("The SMW Director opened the course.", nlp=nlp, published="2021-06-01")
    assert [(p.name, p.inferred) for p in rel.officials] == [("Aigerim Testova", True)]


def test_an_office_of_the_pipeline_is_known(tmp_path) -> None:
    """Merged into a pipeline whose officials component has its own office, a term may name that office."""
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("newsie_officials")
    pipe.add_entries([OfficeEntry.model_validate(OFFICE)])
    path = _write(tmp_path, "people.json", {"officials": [_official("smw-director")]})
    apply_user_gazetteers(nlp, [path])
    assert pipe.kb.officials[-1].terms[0].office == "smw-director"


def test_validate_command_checks_offices_across_files(tmp_path, capsys) -> None:
    """`newsie gazetteers validate` names an unknown office, and accepts one defined in another file it is given."""
    bad = _write(tmp_path, "bad.json", {"officials": [{"name": "A B", "terms": [{"office": "nonexistent-office", "start": "2020-01-01"}]}]})
    assert main(["gazetteers", "validate", bad]) == 1
    assert "bad.json, entry officials[0]" in capsys.readouterr().err
    people = _write(tmp_path, "people.json", {"officials": [_official("smw-director")]})
    offices = _write(tmp_path, "offices.json", {"offices": [OFFICE]})
    assert main(["gazetteers", "validate", people, offices]) == 0
    assert capsys.readouterr().out.count(": valid") == 2


def test_validate_gives_each_file_its_gazetteer_or_its_error(tmp_path, monkeypatch) -> None:
    """`validate_user_gazetteers` reads each file once and gives, in order, its gazetteer or the error that stops it."""
    import newsie.kb.user as user

    people = _write(tmp_path, "people.json", {"officials": [_official("smw-director")]})
    offices = _write(tmp_path, "offices.json", {"offices": [OFFICE]})
    stray = _write(tmp_path, "stray.json", {"officials": [_official("nonexistent-office")]})
    broken = _write(tmp_path, "broken.json", {"offices": [{"id": "x"}]})
    reads: list[str] = []
    real = user._read
    monkeypatch.setattr(user, "_read", lambda path: reads.append(str(path)) or real(path))
    out = validate_user_gazetteers([people, stray, broken, offices])
    assert reads == [people, stray, broken, offices]
    assert [type(r).__name__ for r in out] == ["UserGazetteer", "GazetteerError", "GazetteerError", "UserGazetteer"]
    assert "unknown office 'nonexistent-office'" in str(out[1]) and str(out[2]).startswith(broken)


def test_merging_files_without_officials_leaves_the_officials_component_unbuilt(tmp_path) -> None:
    """`apply_user_gazetteers` asks the officials component for its offices only when a file has officials."""
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("newsie_officials")
    asked: list[bool] = []
    pipe.ensure_ready = lambda: asked.append(True)  # type: ignore[method-assign]
    apply_user_gazetteers(nlp, [_write(tmp_path, "states.json", {"states": []})])
    assert asked == []


def test_packaged_officials_name_packaged_offices() -> None:
    """Every term of the packaged officials names a packaged office."""
    offices = packaged_office_ids()
    assert {t.office for p in read_packaged(OFFICIALS_FILE, OfficialEntry) for t in p.terms} <= offices
