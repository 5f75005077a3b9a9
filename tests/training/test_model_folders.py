"""Tests of reading a models folder of your own: damaged folders, and folders trained again."""
from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import newsie
from newsie.components.textcat_io import models_root
from newsie.exceptions import NewsieError

TEXT = "A two-day workshop for 25 judges from Serbia took place in Belgrade."


@pytest.fixture
def own_models(tmp_path: Path) -> Path:
    """A copy of the packaged models, as a folder of your own."""
    folder = tmp_path / "models"
    shutil.copytree(models_root(None), folder)
    return folder


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 2)])


def empty(path: Path) -> None:
    path.write_bytes(b"")


def not_settings(path: Path) -> None:
    path.write_text("{}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("part", "damage"),
    [
        ("event_type/blend.json", truncate),
        ("fields_of_work/blend.json", not_settings),
        ("event_type/textcat/textcat/model", empty),
        ("fields_of_work/textcat/textcat_multilabel/model", Path.unlink),
    ],
)
def test_a_damaged_models_folder_is_a_clear_error_naming_it(own_models: Path, part: str, damage: Callable[[Path], object]) -> None:
    """A models folder with a missing, truncated or foreign file raises a NewsieError naming the folder, not a spaCy or json traceback."""
    damage(own_models / part)
    with pytest.raises(NewsieError, match=str(own_models / part.split("/")[0])):
        newsie.load(models=own_models)


@pytest.mark.parametrize("sub", ["event_type", "fields_of_work"])
def test_one_model_of_a_models_folder_is_told_to_give_its_parent(own_models: Path, sub: str) -> None:
    """`models=DIR/event_type` (a model sub-folder, not a models folder) is an error naming the folder to give."""
    with pytest.raises(NewsieError, match=rf"is one model \({sub}/\) of a models folder: give the folder it is in, '{own_models}'"):
        newsie.load(models=own_models / sub)


def test_an_incomplete_model_is_not_left_out_silently(own_models: Path) -> None:
    """A model sub-folder without its blend is an error, not a pipeline without that model."""
    (own_models / "event_type" / "blend.json").unlink()
    with pytest.raises(NewsieError, match="incomplete trained model"):
        newsie.load(models=own_models)


def test_a_folder_trained_again_gives_a_new_pipeline(own_models: Path) -> None:
    """After the files of a models folder change, load(models=DIR) builds a pipeline from the new files; unchanged, it is cached."""
    first = newsie.load(models=own_models)
    assert newsie.load(models=own_models) is first
    blend_file = own_models / "event_type" / "blend.json"
    settings = json.loads(blend_file.read_text(encoding="utf-8"))
    settings["margin"] = 0.123  # as a retraining that chose another margin would write
    blend_file.write_text(json.dumps(settings), encoding="utf-8")
    second = newsie.load(models=own_models)
    assert second is not first
    assert second.get_pipe("newsie_event_model").margin == 0.123  # type: ignore[attr-defined]
    assert newsie.extract(TEXT, nlp=second).events[0].type == "training"


def test_a_pipeline_with_models_of_your_own_travels_as_bytes(own_models: Path) -> None:
    """`nlp.to_bytes()` carries models trained into a folder: rebuilt from config and bytes, the folder gone, the records are the same."""
    import spacy

    nlp = newsie.load(models=own_models)
    before = newsie.extract(TEXT, nlp=nlp)
    data = nlp.to_bytes()
    shutil.rmtree(own_models)
    again = spacy.util.get_lang_class(nlp.config["nlp"]["lang"]).from_config(nlp.config).from_bytes(data)
    after = newsie.extract(TEXT, nlp=again)
    assert after.events[0].confidence == before.events[0].confidence
    assert after.model_dump() == before.model_dump()


def test_bytes_that_are_no_model_are_a_clear_error() -> None:
    """`from_bytes` of something else is a NewsieError, not a msgpack or spaCy traceback."""
    pipe = newsie.load().get_pipe("newsie_event_model")
    with pytest.raises(NewsieError, match="not the bytes of a trained newsie model"):
        pipe.from_bytes(b"\x93not a model")  # type: ignore[attr-defined]
