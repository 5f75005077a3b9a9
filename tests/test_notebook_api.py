"""Tests of the notebook experience: DataFrames, rendering, schema, eval, gazetteer validation."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsie
from newsie.cli import main

pd = pytest.importorskip("pandas")

RELEASES = [
    ("OSCE trains Kazakh police", "ASTANA, 3 May 2021 – A two-day training course for 30 police officers opened today in Astana."),
    ("OSCE Chair condemns attack", "VIENNA, 10 June 2021 – The OSCE Chairperson-in-Office condemned the attack on journalists in Minsk, Belarus."),
    ("Nothing", ""),
]


@pytest.fixture(scope="module")
def releases(nlp) -> list[newsie.Release]:
    return [newsie.extract(text, title=title, nlp=nlp) for title, text in RELEASES]


def test_events_dataframe_dtypes(releases) -> None:
    """The events level has one row per event with datetime64 dates and categorical codes."""
    df = newsie.to_dataframe(releases, level="events")
    assert list(df["release_id"]) == [r.id for r in releases]
    assert df.loc[2, "type"] == "other" and pd.isna(df.loc[2, "start"])
    for col in ("release_id", "type", "start", "end", "city", "country", "participants"):
        assert col in df.columns
    assert str(df["start"].dtype).startswith("datetime64")
    assert isinstance(df["type"].dtype, pd.CategoricalDtype) and isinstance(df["country"].dtype, pd.CategoricalDtype)
    assert df.loc[0, "type"] == "training" and df.loc[0, "participants"] == 30
    assert df.loc[0, "start"] == pd.Timestamp("2021-05-03")


def test_releases_and_mentions_levels(releases) -> None:
    """The releases level keeps one row per release; mentions explode to one row each."""
    rel = newsie.to_dataframe(releases, level="releases")
    assert len(rel) == 3 and rel.loc[1, "states"] == ["BLR"]
    men = newsie.to_dataframe(releases, level="mentions")
    kaz = men[(men["label"] == "state") & (men["code"] == "KAZ")]
    assert list(kaz["text"]) == ["Kazakh"]
    assert set(men["label"].cat.categories) == {"state", "organization", "official", "date"}
    with pytest.raises(ValueError):
        newsie.to_dataframe(releases, level="words")  # type: ignore[arg-type]


def test_render_highlights_with_newsie_labels(releases) -> None:
    """render() marks States, organizations, dates and the event trigger in HTML."""
    markup = newsie.render(releases[0], jupyter=False)
    assert markup is not None
    for label in ("STATE", "DATE", "EVENT"):
        assert label in markup
    assert "Kazakh" in markup and "newsie-card" in markup
    page = newsie.render("Serbian police met.", page=True, jupyter=False)
    assert page is not None and page.startswith("<!DOCTYPE html>") and "SRB" in page


def test_repr_html_card(releases) -> None:
    """A Release shows a compact card in notebooks."""
    card = releases[1]._repr_html_()
    assert "statement" in card and "BLR" in card and "Vienna" in card


def test_schema_is_versioned(capsys) -> None:
    """`newsie schema` prints the JSON Schema; records carry schema and newsie versions."""
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["schema_version"]["default"] == newsie.SCHEMA_VERSION
    assert newsie.extract("Serbia").newsie_version == newsie.__version__


def _gold_line(text: str, title: str, gold: dict) -> str:
    return json.dumps({"id": title, "title": title, "text": text, "published": None, "fields_of_work": [], "gold": gold})


def test_eval_command_on_user_gold(tmp_path, capsys) -> None:
    """`newsie eval` scores the pipeline on a user's own annotations, with misses on request."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        _gold_line(RELEASES[0][1], RELEASES[0][0], {"states": ["KAZ"], "organizations": [{"name": "OSCE", "acronym": "OSCE"}], "officials": [],
                   "event_type": "training", "event_start": "2021-05-03", "event_end": "2021-05-04", "location": {"city": "Astana", "country": "KAZ"}, "participants": 30})
        + "\n"
        + _gold_line(RELEASES[1][1], RELEASES[1][0], {"states": ["BLR", "RUS"], "organizations": [{"name": "OSCE", "acronym": "OSCE"}], "officials": [],
                     "event_type": "statement", "event_start": "2021-06-10", "event_end": None, "location": {"city": "Vienna", "country": "AUT"}, "participants": None})
        + "\n",
        encoding="utf-8",
    )
    assert main(["eval", str(gold), "--json", "--errors", "5"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["docs"] == 2
    assert summary["states"]["tp"] == 2 and summary["states"]["fn"] == 1
    assert summary["event_type_acc"] == 1.0 and summary["participants_acc"] == 1.0
    assert any("RUS" in m for e in summary["errors"] for m in e["misses"])
    assert main(["eval", str(gold)]) == 0
    assert "event_type_acc" in capsys.readouterr().out


def test_eval_agrees_with_the_shared_scorer(dev_items) -> None:
    """On the dev set, `newsie eval` gives the same figures as ../shared/eval/score.py."""
    scorer = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    theirs = json.loads(subprocess.run([sys.executable, str(scorer), "--json"], capture_output=True, text=True, check=True).stdout)
    mine = json.loads(subprocess.run([sys.executable, "-m", "newsie", "eval", str(scorer.parent / "dev.jsonl"), "--json"], capture_output=True, text=True, check=True).stdout)
    for key, value in theirs.items():
        if key not in ("docs_per_s", "p50_ms", "errors"):
            assert mine[key] == value, key


def test_gazetteers_validate(tmp_path, capsys) -> None:
    """`newsie gazetteers validate` accepts a good file and names the bad entry of a bad one."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"organizations": [{"id": "x", "name": "Steppe Media Watch", "kind": "ngo"}]}), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"states": [{"iso3": "kaz", "name": "Kazakhstan", "status": "participating_state"}]}), encoding="utf-8")
    assert main(["gazetteers", "validate", str(good)]) == 0
    assert "valid (0 states, 1 organizations" in capsys.readouterr().out
    assert main(["gazetteers", "validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.json" in err and "states[0]" in err and "iso3" in err


def test_gazetteers_validate_names_every_problem(tmp_path, capsys) -> None:
    """Every bad entry of a file is named, one line each (not the first and a count), and a
    misspelled top-level key gets the closest one."""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"states": [{"name": "Narnia"}, {"name": "Oz", "iso3": "OZZZ"}], "organisations": []}), encoding="utf-8")
    assert main(["gazetteers", "validate", str(bad)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 5 and "more problem" not in "".join(lines)
    assert any("states[1]: iso3" in line for line in lines)
    assert lines[-1].endswith("unknown key 'organisations'; did you mean 'organizations'?")


def test_yaml_gazetteer(tmp_path) -> None:
    """User gazetteers may be YAML."""
    pytest.importorskip("yaml")
    f = tmp_path / "mine.yaml"
    f.write_text("organizations:\n  - id: smw\n    name: Steppe Media Watch\n    kind: ngo\n", encoding="utf-8")
    nlp = newsie.load(gazetteers=[str(f)])
    assert [o.name for o in newsie.extract("Steppe Media Watch met.", nlp=nlp).organizations] == ["Steppe Media Watch"]


def test_extract_many_takes_numpy_arrays(nlp) -> None:
    """A numpy array of texts (numpy str scalars) is extracted like a list of str."""
    np = pytest.importorskip("numpy")
    texts = np.array(["Serbian police met in Belgrade.", "Kazakh officials met in Astana."])
    recs = list(newsie.extract_many(texts, nlp=nlp))
    assert [r.error for r in recs] == [None, None]
    assert [[s.iso3 for s in r.states] for r in recs] == [["SRB"], ["KAZ"]]
    frame = pd.DataFrame({"text": texts})
    assert [r.states[0].iso3 for r in newsie.extract_many(frame["text"], nlp=nlp)] == ["SRB", "KAZ"]
