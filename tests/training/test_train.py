"""Tests of `newsie.train`: retraining the models end to end and loading them."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy

import newsie
from newsie.blend import BinaryLogit, ConditionalLogit
from newsie.exceptions import NewsieError, TrainingDataError
from newsie.training import TrainReport, default_config, read_items, train
from newsie.training.crossval import micro_f1, stratified_folds

# Self-written releases in the style of OSCE ledes: (title, text, event type, fields of work).
RELEASES = [
    ("OSCE trains border guards in risk analysis", "Twenty border guards completed a training course on risk analysis in Osh.", "training", ["Border management"]),
    ("Police officers trained on hate crimes", "A three-day training course for police officers on investigating hate crimes ended in Skopje.", "training", ["Policing"]),
    ("Journalists attend OSCE training on safety", "Thirty journalists attended a training course on their safety during protests.", "training", ["Safety of journalists"]),
    ("Prosecutors trained on trafficking cases", "The OSCE trained prosecutors on trafficking in human beings at a workshop in Bishkek.", "training", ["Combating trafficking in human beings"]),
    ("Election observers deployed to Georgia", "ODIHR deployed an election observation mission to observe the parliamentary elections.", "election_observation", ["Elections"]),
    ("Observation mission opens for presidential election", "An election observation mission was deployed for the presidential election in Moldova.", "election_observation", ["Elections"]),
    ("Observers present preliminary findings on elections", "The election observation mission presented its preliminary findings on the elections.", "election_observation", ["Elections"]),
    ("International observers assess local elections", "The election observation mission for the local elections opened in Tirana.", "election_observation", ["Elections"]),
    ("Representative condemns attack on journalist", "The Representative on Freedom of the Media condemned the attack on a journalist in Baku.", "statement", ["Media freedom and development"]),
    ("Chair expresses concern about media law", "The Chairperson expressed concern about the new media law and called for its review.", "statement", ["Media laws"]),
    ("OSCE condemns violence against reporters", "The OSCE strongly condemned the violence against reporters covering the protests.", "statement", ["Safety of journalists"]),
    ("Media freedom representative welcomes release of journalist", "The Representative welcomed the release of the journalist and urged the authorities to drop all charges.", "statement", ["Media freedom and development"]),
]


def write_corpus(path: Path, releases=RELEASES) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, (title, text, etype, fields) in enumerate(releases):
            fh.write(json.dumps({"id": f"t{i}", "title": title, "text": text, "event_type": etype, "fields_of_work": fields}) + "\n")
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, dict]:
    """A tiny model trained once for the module (3 folds, a few epochs)."""
    root = tmp_path_factory.mktemp("models")
    corpus = write_corpus(root / "gold.jsonl")
    configs = {}
    for task in ("event_type", "fields_of_work"):
        text = default_config(task).read_text(encoding="utf-8").replace("max_epochs = 20", "max_epochs = 5")
        configs[task] = root / f"{task}.cfg"
        configs[task].write_text(text, encoding="utf-8")
    report = train(corpus, root / "out", folds=3, seed=1, event_config=configs["event_type"], fields_config=configs["fields_of_work"], progress=False)
    return root / "out", report.to_dict()


@pytest.mark.slow
def test_train_writes_models_and_a_kfold_report(trained) -> None:
    """Training writes both models and a report with held-out scores for rules, classifier and blend."""
    out, report = trained
    assert (out / "event_type" / "textcat" / "config.cfg").is_file()
    assert (out / "fields_of_work" / "blend.json").is_file()
    assert not (out / "event_type" / "textcat" / "vocab").exists()
    saved = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert saved["event_type"]["n"] == len(RELEASES) == saved["fields_of_work"]["n"]
    for name in ("rules", "textcat", "blend"):
        assert 0.0 <= saved["event_type"]["accuracy"][name] <= 1.0
        assert 0.0 <= saved["fields_of_work"]["f1"][name]["f1"] <= 1.0
    assert report["event_type"]["reliability"]
    from newsie.training.trainer import SMOOTHING_GRID

    assert saved["event_type"]["smoothing"] in SMOOTHING_GRID
    settings = json.loads((out / "event_type" / "blend.json").read_text(encoding="utf-8"))
    assert settings["smoothing"] == saved["event_type"]["smoothing"]


@pytest.mark.slow
def test_load_with_trained_models_folder(trained) -> None:
    """`newsie.load(models=DIR)` adds both trained components and they type the release."""
    out, _ = trained
    nlp = newsie.load(models=out)
    names = nlp.pipe_names
    assert names.index("newsie_event_triggers") + 1 == names.index("newsie_event_model") == names.index("newsie_events") - 1
    assert "newsie_fields_model" in nlp.pipe_names
    rel = newsie.extract("Forty border guards completed a training course on risk analysis in Dushanbe.", title="OSCE trains border guards", nlp=nlp)
    assert rel.events[0].type == "training"
    assert 0.0 < rel.events[0].confidence <= 1.0
    assert rel.fields_of_work and set(rel.fields_of_work) <= set(newsie.fields.FIELDS)
    assert "newsie_event_model" not in newsie.load(models=False).pipe_names


@pytest.mark.slow
def test_saved_pipeline_carries_the_models(trained, tmp_path) -> None:
    """A pipeline saved with `to_disk` and read back with `spacy.load` gives the same records."""
    out, _ = trained
    nlp = newsie.load(models=out)
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    title, text = "Observers deployed for parliamentary elections", "An election observation mission opened in Chisinau."
    a = newsie.extract(text, title=title, nlp=nlp)
    b = newsie.extract(text, title=title, nlp=again)
    assert [(e.type, e.confidence) for e in a.events] == [(e.type, e.confidence) for e in b.events]
    assert a.fields_of_work == b.fields_of_work


@pytest.mark.slow
def test_training_is_reproducible(trained, tmp_path) -> None:
    """The same data, seed and configs give the same blend weights."""
    out, _ = trained
    root = out.parent
    train(root / "gold.jsonl", tmp_path / "again", folds=3, seed=1, event_config=root / "event_type.cfg", fields_config=root / "fields_of_work.cfg", progress=False)
    for task in ("event_type", "fields_of_work"):
        assert (out / task / "blend.json").read_text() == (tmp_path / "again" / task / "blend.json").read_text()


def test_read_items_maps_old_field_names_and_reads_gold_format(tmp_path) -> None:
    """Older site labels map to current fields; the `newsie eval` gold format is read too."""
    path = tmp_path / "g.jsonl"
    lines = [
        {"text": "A", "title": "T", "fields_of_work": ["Safety of journalists", "Media pluralism"], "event_type": "statement"},
        {"text": "B", "gold": {"event_type": "visit"}},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = read_items(path)
    assert items[0].fields == ["Media freedom and development"]
    assert items[1].event_type == "visit" and items[1].fields == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "x", "event_type": "party"}', "unknown event_type"),
        ('{"text": "x", "fields_of_work": ["Astrology"]}', "unknown field of work"),
        ('{"title": "no text"}', "'text'"),
        ("{not json", "malformed JSON"),
        ('{"text": " \\n\\t ", "event_type": "visit"}', "an empty text and no title"),
        ('{"text": "", "title": "", "fields_of_work": ["Policing"]}', "an empty text and no title"),
        ('{"text": "x", "event_typ": "visit"}', "unknown key 'event_typ': did you mean 'event_type'"),
        ('{"text": "x", "Fields_Of_Works": ["Policing"]}', "unknown key 'Fields_Of_Works': did you mean 'fields_of_work'"),
        ('{"text": "x", "gold": {"event_type": "visit", "evnt_start": "2021-05-03"}}', r"unknown gold keys \['evnt_start'\]"),
        ('{"text": "x", "fields_of_work": "Elections"}', "'fields_of_work' must be a list of field names"),
        ('{"text": "x", "fields_of_work": [["Elections"]]}', "'fields_of_work' must be a list of field names"),
        ('{"text": "x", "title": 123}', "'title' must be a string or null"),
        ('{"text": "x", "event_type": "visit", "type_confident": "0"}', "'type_confident' must be true, false, 1, 0 or null"),
        ('{"text": "x", "event_type": "visit", "type_confident": "false"}', "'type_confident' must be"),
        ('{"text": "x", "event_type": "visit", "type_confident": 2}', "'type_confident' must be"),
        ('{"text": "x", "gold": ["visit"]}', "'gold' must be an object"),
    ],
)
def test_bad_training_lines_are_clear_errors(tmp_path, line, message) -> None:
    """A bad line is a TrainingDataError naming the file, the line and the problem."""
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine", "event_type": "visit"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(TrainingDataError, match=message) as info:
        read_items(path)
    assert "bad.jsonl:2" in str(info.value)


def test_a_misspelled_field_of_work_is_named_with_the_field_it_looks_like(tmp_path) -> None:
    """A field name one typo away from a taxonomy field gets that field; a name like none is given the fields to choose from."""
    path = write_lines(tmp_path / "g.jsonl", [{"text": "x", "fields_of_work": ["Elecions"]}])
    with pytest.raises(TrainingDataError, match=r"g.jsonl:1: unknown field of work 'Elecions': did you mean 'Elections'\?$"):
        read_items(path)
    path = write_lines(tmp_path / "g.jsonl", [{"text": "x", "fields_of_work": ["Astrology"]}])
    with pytest.raises(TrainingDataError, match=r"'Astrology'; choose from \['Arms control', .*'Youth'\]"):
        read_items(path)


def test_a_gold_file_with_a_byte_order_mark_and_a_line_separator_is_read_as_newsie_eval_reads_it(tmp_path) -> None:
    """A file saved with a byte-order mark and CRLF line ends, holding a text with U+2028, gives one item per line, as `read_gold` does."""
    from newsie.evaluate import read_gold

    lines = [{"id": "a", "text": "One\u2028two.", "gold": {"event_type": "visit"}}, {"id": "b", "text": "Three.", "gold": {"event_type": "meeting"}}]
    path = tmp_path / "g.jsonl"
    path.write_bytes(("\ufeff" + "".join(json.dumps(line, ensure_ascii=False) + "\r\n" for line in lines)).encode("utf-8"))
    items = read_items(path)
    assert [(i.id, i.text, i.event_type) for i in items] == [("a", "One\u2028two.", "visit"), ("b", "Three.", "meeting")]
    assert items[1].source == f"{path}:2" and read_gold(path) == lines


@pytest.mark.parametrize(
    ("gold", "field"),
    [
        ({"states": "AUT", "event_type": "meeting"}, "gold.states"),
        ({"event_type": "visit", "location": "Vienna"}, "gold.location"),
        ({"event_type": "visit", "event_start": "garbage"}, "gold.event_start"),
        ({"event_type": "visit", "event_start": "2024-W10-1"}, "gold.event_start: '2024-W10-1' is not an ISO date"),
        ({"event_type": "Meeting"}, "gold.event_type"),
        ({"event_type": "visit", "participants": "12"}, "gold.participants"),
        ({"event_type": "visit", "evnt_start": "2021-05-03"}, r"unknown gold keys \['evnt_start'\]"),
    ],
)
def test_a_gold_object_newsie_eval_refuses_is_refused_by_training_with_the_same_message(tmp_path, gold, field) -> None:
    """A wrongly typed or misspelt gold value is a TrainingDataError naming the file, the line and the field, in the words of `newsie eval`'s GoldError."""
    from newsie.evaluate import read_gold
    from newsie.exceptions import GoldError

    path = write_lines(tmp_path / "bad.jsonl", [{"text": "fine", "gold": {"event_type": "visit"}}, {"text": "x", "gold": gold}])
    with pytest.raises(TrainingDataError, match=rf"bad\.jsonl:2: {field}") as info:
        read_items(path)
    with pytest.raises(GoldError) as eval_info:
        read_gold(path)
    # the known keys of training add fields_of_work
    assert str(info.value).split("; known:")[0] == str(eval_info.value).split("; known:")[0]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"event_type": "visit", "gold": {"event_type": "training"}}, r"event_type 'visit' at the top level and 'training' in 'gold'"),
        ({"fields_of_work": ["Policing"], "gold": {"fields_of_work": ["Elections"]}}, r"fields_of_work \['Policing'\] at the top level and \['Elections'\] in 'gold'"),
    ],
)
def test_labels_at_the_top_level_and_in_gold_that_differ_are_an_error(tmp_path, line, message) -> None:
    """A line whose top-level label and gold label differ is a TrainingDataError (`newsie eval` scores the one in gold); the same label in both, or a field in another case, is read."""
    path = write_lines(tmp_path / "g.jsonl", [{"text": "The OSCE trained police officers.", **line}])
    with pytest.raises(TrainingDataError, match=rf"g.jsonl:1: {message}"):
        read_items(path)
    same = {"event_type": "training", "fields_of_work": ["policing"], "gold": {"event_type": "training", "fields_of_work": ["Policing"]}}
    item = read_items(write_lines(tmp_path / "same.jsonl", [{"text": "x", **same}]))[0]
    assert (item.event_type, item.fields) == ("training", ["Policing"])


def test_fields_of_work_in_gold_are_checked_as_a_list_of_strings(tmp_path) -> None:
    """Fields of work inside gold (allowed in training data) are read when a list of names and refused, naming the field, when not."""
    good = write_lines(tmp_path / "good.jsonl", [{"text": "x", "gold": {"event_type": "visit", "fields_of_work": ["Policing"]}}])
    assert read_items(good)[0].fields == ["Policing"]
    bad = write_lines(tmp_path / "bad.jsonl", [{"text": "x", "gold": {"fields_of_work": "Policing"}}])
    with pytest.raises(TrainingDataError, match=r"bad\.jsonl:1: gold\.fields_of_work: got 'Policing'"):
        read_items(bad)


def test_too_few_labeled_releases_is_an_error(tmp_path) -> None:
    """Fewer labeled releases than folds is an error before any training."""
    path = write_corpus(tmp_path / "g.jsonl", RELEASES[:2])
    with pytest.raises(TrainingDataError, match="at least 5"):
        train(path, tmp_path / "out", folds=5, progress=False)


def test_models_folder_without_models_is_an_error(tmp_path) -> None:
    """`models=` naming a folder with no trained model is a NewsieError."""
    with pytest.raises(NewsieError, match="no trained newsie model"):
        newsie.load(models=tmp_path)


def test_conditional_logit_learns_and_round_trips() -> None:
    """The event blend learns which feature predicts the class and survives JSON."""
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, size=200)
    x = rng.normal(size=(200, 3, 2))
    x[np.arange(200), y, 0] += 2.0  # feature 0 points at the true class
    model = ConditionalLogit(["a", "b", "c"], ["good", "noise"], l2=0.1).fit(x, y)
    assert model.w[0] > 1.0 > abs(model.w[1])
    assert (model.predict_proba(x).argmax(axis=1) == y).mean() > 0.8
    again = ConditionalLogit.from_dict(json.loads(json.dumps(model.to_dict())))
    assert np.allclose(again.predict_proba(x), model.predict_proba(x))


def test_binary_logit_is_calibrated_on_its_training_data() -> None:
    """The fields blend's mean probability matches the base rate it was fitted on."""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(500, 2))
    y = (x[:, 0] + rng.normal(scale=0.5, size=500) > 0.5).astype(float)
    model = BinaryLogit(["signal", "noise"], l2=0.01).fit(x, y)
    assert abs(model.predict_proba(x).mean() - y.mean()) < 0.01
    assert BinaryLogit.from_dict(model.to_dict()).b == model.b


def test_folds_are_stratified_and_seeded() -> None:
    """Each label is spread over the folds, and the seed fixes the split."""
    labels = ["a"] * 6 + ["b"] * 3
    folds = stratified_folds(labels, 3, seed=4)
    assert sorted(folds[:6]) == [0, 0, 1, 1, 2, 2]
    assert folds == stratified_folds(labels, 3, seed=4)
    assert micro_f1([["x"], []], [["x"], ["y"]]) == {"p": 1.0, "r": 0.5, "f1": 0.6667}


@pytest.mark.slow
def test_cli_train(tmp_path) -> None:
    """`newsie train GOLD --output DIR` prints the k-fold report and writes the models; its
    stderr, a pipe, gets no progress bar frames."""
    corpus = write_corpus(tmp_path / "gold.jsonl")
    cfg = tmp_path / "e.cfg"
    cfg.write_text(default_config("event_type").read_text(encoding="utf-8").replace("max_epochs = 20", "max_epochs = 2"), encoding="utf-8")
    fcfg = tmp_path / "f.cfg"
    fcfg.write_text(default_config("fields_of_work").read_text(encoding="utf-8").replace("max_epochs = 20", "max_epochs = 2"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "newsie", "train", str(corpus), "--output", str(tmp_path / "m"), "--folds", "3",
         "--event-config", str(cfg), "--fields-config", str(fcfg)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr and "%|" not in done.stderr  # tqdm's frames: "rules:  50%|#####     | 6/12"
    assert "3-fold cross-validation" in done.stdout and "event type (12 releases)" in done.stdout
    assert (tmp_path / "m" / "event_type" / "blend.json").is_file()


def test_cli_train_reads_the_evidence_of_the_rules_with_your_gazetteers(tmp_path, monkeypatch) -> None:
    """`newsie train --gazetteers FILE` fits the blend on the rules with that file, as `newsie.load(gazetteers=..., models=DIR)` runs them; a bad file stops it first."""
    from newsie import training
    from newsie.cli import main

    seen: dict = {}

    def recording(gold, output, **kwargs):
        seen.update(kwargs)
        return TrainReport(str(output), 3, 0)

    monkeypatch.setattr(training, "train", recording)
    gaz = tmp_path / "mine.json"
    gaz.write_text(json.dumps({"event_triggers": {"training": {"bootcamp": 2.5}}}), encoding="utf-8")
    corpus = write_corpus(tmp_path / "g.jsonl")
    assert main(["train", str(corpus), "-o", str(tmp_path / "m"), "-q", "--gazetteers", str(gaz)]) == 0
    assert seen["rules"] is newsie.load(models=False, gazetteers=[str(gaz)])
    gaz.write_text(json.dumps({"event_triggers": {"bootcamp": {"training": 2.5}}}), encoding="utf-8")
    seen.clear()
    assert main(["train", str(corpus), "-o", str(tmp_path / "m"), "-q", "--gazetteers", str(gaz)]) == 2
    assert not seen


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("terminal", "args", "bars"), [(False, [], False), (True, [], True), (True, ["-q"], False)])
def test_cli_train_draws_bars_only_on_a_terminal(tmp_path, monkeypatch, terminal, args, bars) -> None:
    """`newsie train` asks for progress bars only when stderr is a terminal, and never with --quiet, as `newsie extract` does."""
    from newsie import training
    from newsie.cli import main

    asked: list[bool] = []

    def fake_train(gold, output, *, progress, **kw):
        asked.append(progress)
        return TrainReport(str(output), 3, 0)

    monkeypatch.setattr(training, "train", fake_train)
    monkeypatch.setattr(sys, "stderr", _Terminal() if terminal else io.StringIO())
    corpus = write_corpus(tmp_path / "gold.jsonl")
    assert main(["train", str(corpus), "-o", str(tmp_path / "m"), *args]) == 0
    assert asked == [bars]


def test_token_ids_give_the_same_scores_as_a_doc_of_the_same_words() -> None:
    """The classifier scores the hashes of a release's lowercase tokens exactly as a Doc of those words."""
    from spacy.tokens import Doc
    from spacy.training import Example

    from newsie.components.textcat_io import model_ids, model_words, predict
    from newsie.making import make_doc

    nlp = spacy.blank("en")
    bow = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2, "no_output_layer": False, "length": 1024}
    textcat = nlp.add_pipe("textcat", config={"model": bow})
    examples = [
        Example.from_dict(nlp.make_doc("osce trains police"), {"cats": {"training": 1.0, "statement": 0.0}}),
        Example.from_dict(nlp.make_doc("osce condemns attack"), {"cats": {"training": 0.0, "statement": 1.0}}),
    ]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(3):
        nlp.update(examples, sgd=optimizer)
    doc = make_doc(newsie.load(models=False), "Police officers were TRAINED in Osh.", title="OSCE Trains Police")
    ids = model_ids(doc, 5)
    words = model_words(doc, ids)
    assert words == ["osce", "trains", "police", "osce", "trains", "police", "police"]  # 5 tokens: one is "\n\n"
    direct = textcat.predict([Doc(nlp.vocab, words=words)])
    assert np.allclose(predict(textcat, [ids]), direct)


def test_shipped_models_are_package_data_and_on_by_default() -> None:
    """The packaged models folder holds both models, and `newsie.load()` uses them."""
    from newsie.components.textcat_io import has_model, models_root

    root = models_root(None)
    assert has_model(root / "event_type") and has_model(root / "fields_of_work")
    assert sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) < 8 * 2**20
    names = newsie.load().pipe_names
    assert names.index("newsie_event_triggers") < names.index("newsie_event_model") < names.index("newsie_events")
    assert names.index("newsie_fields_model") > names.index("newsie_fields")


def test_margin_by_the_one_standard_error_rule() -> None:
    """Among margins within one standard error of the best k-fold accuracy, the largest is chosen."""
    from newsie.training.trainer import one_se_margin

    assert one_se_margin({0.0: 0.845, 0.4: 0.834, 0.5: 0.824, 0.8: 0.815}, 477) == 0.4
    assert one_se_margin({0.0: 0.90, 0.5: 0.50}, 1000) == 0.0


def test_site_labels_outside_the_taxonomy_are_kept_when_frequent(tmp_path) -> None:
    """A field name outside the taxonomy used by enough releases is learnt as written, with its taxonomy field; rarer ones map to that field."""
    from newsie.fields import FieldsClassifier
    from newsie.training.data import label_set, site_labels

    lexicon = FieldsClassifier.default()
    items = read_items(write_corpus(tmp_path / "gold.jsonl"), lexicon)
    kept = site_labels(items, lexicon, min_count=2)
    assert kept == {"Safety of journalists": "Media freedom and development"}
    sets = {item.title: label_set(item, kept, lexicon) for item in items}
    assert sets["Journalists attend OSCE training on safety"] == ["Safety of journalists"]
    assert sets["Chair expresses concern about media law"] == ["Media freedom and development"]  # "Media laws": once


@pytest.mark.slow
def test_trained_fields_model_predicts_kept_site_labels(tmp_path) -> None:
    """A fields model trained with a site label gives it among its labels and saves which field it belongs to."""
    root = tmp_path
    corpus = write_corpus(root / "gold.jsonl")
    cfg = root / "fields.cfg"
    cfg.write_text(default_config("fields_of_work").read_text(encoding="utf-8").replace("max_epochs = 20", "max_epochs = 5"), encoding="utf-8")
    report = train(corpus, root / "out", folds=3, seed=1, fields_config=cfg, progress=False, site_min=2)
    assert report.fields_of_work["site_labels"] == {"Safety of journalists": "Media freedom and development"}
    saved = json.loads((root / "out" / "fields_of_work" / "blend.json").read_text(encoding="utf-8"))
    assert saved["parents"] == {"Safety of journalists": "Media freedom and development"}
    nlp = newsie.load(models=root / "out")
    model = nlp.get_pipe("newsie_fields_model")
    assert "Safety of journalists" in model.scorer.textcat.labels
    rel = newsie.extract("Thirty journalists attended a course on their safety.", title="Journalists trained on safety", nlp=nlp)
    assert rel.fields_of_work and set(rel.fields_of_work) <= set(newsie.fields.FIELDS) | {"Safety of journalists"}


def fast_configs(root: Path, epochs: int = 2) -> dict[str, Path]:
    """The packaged training configs with fewer epochs, written under `root`."""
    configs = {}
    for task in ("event_type", "fields_of_work"):
        configs[task] = root / f"{task}-fast.cfg"
        configs[task].write_text(default_config(task).read_text(encoding="utf-8").replace("max_epochs = 20", f"max_epochs = {epochs}"), encoding="utf-8")
    return configs


def write_lines(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def release_lines(releases=RELEASES, ids: bool = True) -> list[dict]:
    """The releases as corpus lines, with ids t0, t1, ... or none."""
    lines = [{"title": t, "text": x, "event_type": e, "fields_of_work": f} for t, x, e, f in releases]
    return [{"id": f"t{i}", **line} if ids else line for i, line in enumerate(lines)]


@pytest.mark.slow
def test_lines_without_ids_in_two_files_are_all_trained_on(tmp_path) -> None:
    """Releases without an id get FILE:LINE, so those of a second file are not dropped as repeats of the first's."""
    first = write_lines(tmp_path / "a.jsonl", release_lines(RELEASES[::2], ids=False))
    second = write_lines(tmp_path / "b.jsonl", release_lines(RELEASES[1::2], ids=False))
    configs = fast_configs(tmp_path)
    report = train([first, second], tmp_path / "out", folds=2, event_config=configs["event_type"], fields_config=configs["fields_of_work"], progress=False)
    assert report.event_type["n"] == len(RELEASES) == report.fields_of_work["n"]
    assert read_items(second)[0].id == f"{second}:1"


def test_a_repeated_id_is_read_once_with_a_warning(tmp_path) -> None:
    """A release repeated with the same text and labels is kept once (the first line) and the warning counts the lines dropped."""
    from newsie.exceptions import TrainingDataWarning
    from newsie.training import read_all

    lines = release_lines(RELEASES[:3])
    path = write_lines(tmp_path / "g.jsonl", lines + lines[:2])
    with pytest.warns(TrainingDataWarning, match=r"2 repeated releases dropped.*'t0' at .*g.jsonl:4"):
        items = read_all([path])
    assert [i.id for i in items] == ["t0", "t1", "t2"] and items[0].source.endswith("g.jsonl:1")


def test_a_repeated_id_with_other_labels_is_an_error(tmp_path) -> None:
    """An id given again with another event type is a TrainingDataError naming both lines, not a silent choice."""
    from newsie.training import read_all

    lines = release_lines(RELEASES[:3])
    first = write_lines(tmp_path / "a.jsonl", lines)
    second = write_lines(tmp_path / "b.jsonl", [{**lines[1], "event_type": "statement"}])
    with pytest.raises(TrainingDataError, match=r"b.jsonl:1: id 't1' was given at .*a.jsonl:2 with another"):
        read_all([first, second])


def test_a_release_given_again_under_another_id_is_read_once(tmp_path) -> None:
    """A release whose title and text come again under another id (two exports, a copy without ids) is kept once with a warning: its copy would score it from the training folds."""
    from newsie.exceptions import TrainingDataWarning
    from newsie.training import read_all

    lines = release_lines(RELEASES[:3])
    first = write_lines(tmp_path / "a.jsonl", lines)
    second = write_lines(tmp_path / "b.jsonl", [{**line, "text": line["text"].replace(" ", "\n", 1)} for line in release_lines(RELEASES[:2], ids=False)])
    with pytest.warns(TrainingDataWarning, match=r"2 releases given again under another id dropped .* at .*b.jsonl:1 \(first 't0' at .*a.jsonl:1\)"):
        items = read_all([first, second])
    assert [i.id for i in items] == ["t0", "t1", "t2"]


def test_a_release_given_again_under_another_id_with_other_labels_is_an_error(tmp_path) -> None:
    """The same title and text under another id with another event type is a TrainingDataError naming both lines."""
    from newsie.training import read_all

    lines = release_lines(RELEASES[:3])
    path = write_lines(tmp_path / "g.jsonl", [*lines, {**lines[1], "id": "copy", "event_type": "statement"}])
    with pytest.raises(TrainingDataError, match=r"g.jsonl:4: the release of .*g.jsonl:2 \(id 't1'.*as id 'copy', with other labels"):
        read_all([path])


def stale_models(out: Path) -> None:
    """A models folder as an earlier run and its user left it: both models, a report and a README."""
    for part in ("event_type", "fields_of_work"):
        (out / part).mkdir(parents=True)
        (out / part / "blend.json").write_text('{"stale": true}', encoding="utf-8")
    (out / "report.json").write_text('{"stale": true}', encoding="utf-8")
    (out / "README.md").write_text("How these models were built.\n", encoding="utf-8")


@pytest.mark.slow
def test_training_replaces_its_parts_of_an_existing_folder(tmp_path) -> None:
    """Training into a used folder replaces the models and report, removes a model this run did not train, and keeps other files."""
    lines = release_lines()
    for line in lines[2:]:
        del line["event_type"]  # too few releases to train an event model
    corpus = write_lines(tmp_path / "g.jsonl", lines)
    out = tmp_path / "models"
    stale_models(out)
    configs = fast_configs(tmp_path)
    from newsie.exceptions import TrainingDataWarning

    with pytest.warns(TrainingDataWarning, match="no event type model is trained: 2 releases with an event type, and 3-fold"):
        train(corpus, out, folds=3, fields_config=configs["fields_of_work"], progress=False)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "fields_of_work", "report.json"]
    assert "stale" not in (out / "fields_of_work" / "blend.json").read_text(encoding="utf-8")
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["output"] == str(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["g.jsonl", "models", *(c.name for c in configs.values())])
    assert "newsie_event_model" not in newsie.load(models=out).pipe_names


@pytest.mark.slow
def test_a_failed_run_leaves_the_models_folder_as_it_was(tmp_path, monkeypatch) -> None:
    """A run that fails after training one model changes nothing in the output folder and leaves no temporary folder."""
    from newsie.training import trainer

    def broken(*args, **kwargs):
        raise RuntimeError("stopped midway")

    monkeypatch.setattr(trainer, "_train_fields", broken)
    corpus = write_corpus(tmp_path / "g.jsonl")
    out = tmp_path / "models"
    stale_models(out)
    configs = fast_configs(tmp_path)
    with pytest.raises(RuntimeError, match="stopped midway"):
        train(corpus, out, folds=3, event_config=configs["event_type"], progress=False)
    assert (out / "event_type" / "blend.json").read_text(encoding="utf-8") == '{"stale": true}'
    assert not (out / "event_type" / "textcat").exists() and (out / "report.json").read_text(encoding="utf-8") == '{"stale": true}'
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def new_models(work: Path) -> None:
    """What a run writes before moving it in: both models and a report."""
    for part in ("event_type", "fields_of_work"):
        (work / part).mkdir(parents=True)
        (work / part / "blend.json").write_text('{"new": true}', encoding="utf-8")
    (work / "report.json").write_text('{"new": true}', encoding="utf-8")


def as_written(folder: Path) -> dict[str, str]:
    """Every file under `folder` (hidden ones too) by its relative path, with its text."""
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


PARTS = ("event_type", "fields_of_work", "report.json")


def test_new_models_replace_the_old_part_by_part(tmp_path) -> None:
    """The new parts replace the old ones, the user's other files stay, and nothing is left set aside."""
    from newsie.training.trainer import _put_in_place

    out, work = tmp_path / "models", tmp_path / "work"
    stale_models(out)
    new_models(work)
    _put_in_place(work, out, PARTS)
    assert as_written(out) == {"README.md": "How these models were built.\n", "event_type/blend.json": '{"new": true}',
                               "fields_of_work/blend.json": '{"new": true}', "report.json": '{"new": true}'}


@pytest.mark.parametrize("failing", PARTS)
def test_a_move_that_fails_leaves_the_old_models(tmp_path, monkeypatch, failing) -> None:
    """When moving one new part in fails (the first, a middle one or the report), every old part is back in place and the error goes on."""
    from newsie.training import trainer

    out, work = tmp_path / "models", tmp_path / "work"
    stale_models(out)
    new_models(work)
    before = as_written(out)
    move = trainer._move

    def fail_on(src: Path, dst: Path) -> None:
        if dst.name == failing:
            raise OSError(f"no room for {failing}")
        move(src, dst)

    monkeypatch.setattr(trainer, "_move", fail_on)
    with pytest.raises(OSError, match=f"no room for {failing}"):
        trainer._put_in_place(work, out, PARTS)
    assert as_written(out) == before


def test_old_parts_that_cannot_be_put_back_are_kept_and_named(tmp_path, monkeypatch) -> None:
    """Should putting the old parts back fail too, they are not deleted: the error names the folder that holds them."""
    import os

    from newsie.training import trainer

    out, work = tmp_path / "models", tmp_path / "work"
    stale_models(out)
    new_models(work)
    move = trainer._move

    def no_replace(src, dst) -> None:
        raise OSError("read-only now")

    def fail_on_report(src: Path, dst: Path) -> None:
        if dst.name == "report.json":
            monkeypatch.setattr(os, "replace", no_replace)  # and from now on no rename works either
            raise OSError("disk full")
        move(src, dst)

    monkeypatch.setattr(trainer, "_move", fail_on_report)
    with pytest.raises(NewsieError, match=r"could not all be put back \(read-only now\): they are in .*\.newsie-old-") as info:
        trainer._put_in_place(work, out, PARTS)
    monkeypatch.undo()
    aside = Path(str(info.value).rsplit("they are in ", 1)[1])
    assert as_written(aside) == {"event_type/blend.json": '{"stale": true}', "fields_of_work/blend.json": '{"stale": true}',
                                 "report.json": '{"stale": true}'}


def test_an_output_that_is_a_file_is_refused_before_anything_is_read(tmp_path) -> None:
    """`train` with an output that is a file fails at once (before the data is read), and so does `newsie train`."""
    from newsie.cli import main

    taken = tmp_path / "models"
    taken.write_text("not a folder", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="is a file"):
        train(tmp_path / "not-read.jsonl", taken, progress=False)
    with pytest.raises(TrainingDataError, match="is a file: the output of training is a models folder"):
        train(tmp_path / "not-read.jsonl", taken, progress=False)
    corpus = write_corpus(tmp_path / "g.jsonl")
    assert main(["train", str(corpus), "--output", str(taken), "-q"]) == 2
    assert taken.read_text(encoding="utf-8") == "not a folder"


def test_an_output_folder_that_cannot_be_written_fails_before_any_training(tmp_path, monkeypatch) -> None:
    """A models folder that cannot be written is an error naming it before the classifiers are trained, not after, and leaves nothing behind."""
    import errno
    import tempfile

    from newsie.training import trainer

    out = tmp_path / "models"
    out.mkdir()
    real = tempfile.mkdtemp

    def refused(*args, dir=None, **kwargs):
        if dir is not None and Path(dir) == out:
            raise PermissionError(errno.EACCES, "Permission denied", str(dir))
        return real(*args, dir=dir, **kwargs)

    def not_reached(*args, **kwargs):
        raise AssertionError("a classifier was trained")

    monkeypatch.setattr(trainer.tempfile, "mkdtemp", refused)
    monkeypatch.setattr(trainer, "train_textcat", not_reached)
    with pytest.raises(PermissionError, match=rf"{out}: the models cannot be written there \(Permission denied\)"):
        train(write_corpus(tmp_path / "g.jsonl"), out, folds=3, progress=False)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")] and not list(out.iterdir())


@pytest.mark.slow
def test_a_single_event_type_trains_no_event_model(tmp_path) -> None:
    """Releases all of one event type train the fields model alone: a warning and the report say why the event model was left out."""
    from newsie.exceptions import TrainingDataWarning

    corpus = write_lines(tmp_path / "g.jsonl", [{**line, "event_type": "training"} for line in release_lines()])
    configs = fast_configs(tmp_path)
    with pytest.warns(TrainingDataWarning, match="no event type model is trained: every release with an event type is 'training'"):
        report = train(corpus, tmp_path / "out", folds=3, fields_config=configs["fields_of_work"], progress=False)
    assert report.event_type == {} and report.fields_of_work["n"] == len(RELEASES)
    assert "2 event types" in json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["skipped"]["event_type"]
    assert report.lines()[-1].startswith("event type: not trained (every release")
    assert not (tmp_path / "out" / "event_type").exists()


@pytest.mark.slow
def test_a_task_not_trained_is_said_to_be_left_to_the_rules(tmp_path) -> None:
    """The warning of a task not trained says that the models folder leaves it to the rules alone, as `newsie.load(models=DIR)` does."""
    from newsie.exceptions import TrainingDataWarning

    corpus = write_lines(tmp_path / "g.jsonl", [{k: v for k, v in line.items() if k != "event_type"} for line in release_lines()])
    configs = fast_configs(tmp_path)
    with pytest.warns(TrainingDataWarning, match=r"no event type model is trained: .*; with this models folder, the event type comes from the rules alone \(not the model that ships with newsie\)"):
        train(corpus, tmp_path / "out", folds=3, fields_config=configs["fields_of_work"], progress=False)
    names = newsie.load(models=tmp_path / "out").pipe_names
    assert "newsie_fields_model" in names and "newsie_event_model" not in names


def test_one_field_and_too_few_event_types_is_an_error_before_training(tmp_path) -> None:
    """Fields data with a single label and too few typed releases leave nothing to train: a TrainingDataError naming both reasons."""
    lines = [{**line, "fields_of_work": ["Elections"]} for line in release_lines()]
    for line in lines[2:]:
        del line["event_type"]
    corpus = write_lines(tmp_path / "g.jsonl", lines)
    with pytest.raises(TrainingDataError, match=r"nothing to train: event type: 2 releases .*fields of work: .*one label 'Elections'"):
        train(corpus, tmp_path / "out", folds=3, progress=False)
    assert not (tmp_path / "out").exists()


def test_the_report_counts_labels_in_the_plural() -> None:
    """The fields line of the report says "at least 0 labels" and "at least 1 label"."""
    from newsie.training import TrainReport

    scores = {"rules": {"f1": 0.5}, "textcat": {"f1": 0.5}, "blend": {"f1": 0.5}}
    fields = {"n": 9, "f1": scores, "threshold": 0.4, "site_labels": {}, "f1_as_written": scores, "f1_taxonomy": scores}
    assert "at least 0 labels;" in TrainReport("m", 3, 0, fields_of_work={**fields, "min_labels": 0}).lines()[1]
    assert "at least 1 label;" in TrainReport("m", 3, 0, fields_of_work={**fields, "min_labels": 1}).lines()[1]


@pytest.mark.slow
def test_cli_train_gives_warnings_as_newsie_warnings(tmp_path, capsys) -> None:
    """`newsie train` prints what it left out as a one-line "newsie: warning:" (a file given twice: its releases read once)."""
    from newsie.cli import main

    corpus = write_corpus(tmp_path / "g.jsonl")
    configs = fast_configs(tmp_path)
    status = main(["train", str(corpus), str(corpus), "-o", str(tmp_path / "m"), "--folds", "3", "-q",
                   "--event-config", str(configs["event_type"]), "--fields-config", str(configs["fields_of_work"])])
    err = capsys.readouterr().err
    assert status == 0
    assert f"newsie: warning: 12 repeated releases dropped (same id, text and labels as an earlier line; the first line is kept), e.g. 't0' at {corpus}:1" in err
    assert "TrainingDataWarning" not in err


def test_a_release_with_nothing_to_read_is_a_data_error_not_a_thinc_crash(tmp_path) -> None:
    """Training on a release with a blank text and no title stops with a TrainingDataError naming its line, before any training."""
    lines = release_lines()
    lines[5] = {"id": "blank", "text": "   ", "event_type": "statement", "fields_of_work": ["Elections"]}
    corpus = write_lines(tmp_path / "g.jsonl", lines)
    with pytest.raises(TrainingDataError, match=r"g.jsonl:6: an empty text and no title"):
        train(corpus, tmp_path / "out", folds=3, progress=False)


def test_taxonomy_fields_in_another_case_are_not_site_labels(tmp_path) -> None:
    """A taxonomy field written in another case reads as the field, even when frequent; a genuine site label stays as written."""
    from newsie.fields import FieldsClassifier
    from newsie.training.data import site_labels

    lexicon = FieldsClassifier.default()
    lines = [{"text": f"Release {i}.", "fields_of_work": ["human rights", "ELECTIONS", "Safety of journalists"]} for i in range(3)]
    items = read_items(write_lines(tmp_path / "g.jsonl", lines), lexicon)
    assert items[0].site_fields == ["Human rights", "Elections", "Safety of journalists"]
    assert items[0].fields == ["Human rights", "Elections", "Media freedom and development"]
    assert site_labels(items, lexicon, min_count=2) == {"Safety of journalists": "Media freedom and development"}


@pytest.mark.parametrize(
    ("task", "change", "message"),
    [
        ("event_type", ("[newsie]", "[other]"), r"no \[newsie\] max_tokens"),
        ("event_type", ("max_tokens = 200", "max_tokens = 0"), "max_tokens = 0: give a positive"),
        ("event_type", ('pipeline = ["textcat"]', 'pipeline = ["evcat"]'), r"pipeline = \['evcat'\]: it must be one component named 'textcat'"),
        ("event_type", ("[components.textcat", "[components.evcat"), r"no \[components.textcat\] section"),
        ("event_type", ("[components.textcat]", "[components.evcat]"), r"not a spaCy config \(Error parsing config section"),
        ("event_type", ("spacy.TextCatBOW.v3", "spacy.TextCatReduce.v1"), "'spacy.TextCatReduce.v1' is not supported"),
        ("fields_of_work", ('factory = "textcat_multilabel"', 'factory = "textcat"'), "factory = 'textcat': use 'textcat_multilabel'"),
        ("fields_of_work", ("max_epochs = 20", "epochs = 20"), r"\[training\] lacks max_epochs"),
        ("event_type", ("max_epochs = 20", "max_epochs = 0"), r"\[training\] max_epochs = 0: newsie trains that many epochs"),
        ("fields_of_work", ("dropout = 0.2", "dropout = 1.5"), r"\[training\] dropout = 1.5: give a rate from 0"),
        ("fields_of_work", ("ngram_size = 1", "ngram_size = 0"), r"ngram_size = 0: give 1 \(words\) or more"),
        ("event_type", ("ngram_size = 1", "ngram_size = 1.5"), r"ngram_size = 1.5: give 1 \(words\) or more"),
        ("fields_of_work", ("length = 32768", "length = 0"), r"its model, batcher or optimizer cannot be built \(\[E1056\]"),
        ("event_type", ('"Adam.v1"', '"Adamm.v1"'), r"its model, batcher or optimizer cannot be built \(\[E893\] Could not find function 'Adamm.v1'"),
    ],
)
def test_a_config_newsie_cannot_use_is_refused_before_training(tmp_path, task, change, message) -> None:
    """A training config without [newsie] max_tokens, with another component name or factory, a model that is not bag-of-words or reads no words (ngram_size 0) or no epochs
    is a TrainingConfigError naming the file; so are no epochs, a dropout of 1 or more, or a model or optimizer spaCy cannot build, before any
    release is read, not an untrained model or a spaCy traceback after the other task was trained."""
    from newsie.exceptions import TrainingConfigError

    cfg = tmp_path / "mine.cfg"
    text = default_config(task).read_text(encoding="utf-8")
    assert change[0] in text
    cfg.write_text(text.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(TrainingConfigError, match=message) as info:
        train(tmp_path / "not-read.jsonl", tmp_path / "out", progress=False, **{f"{task.split('_')[0]}_config": cfg})
    assert str(info.value).startswith(f"{cfg}: ")


def test_a_config_file_that_does_not_parse_is_a_config_error_and_a_bug_is_not(tmp_path, monkeypatch) -> None:
    """A config with a repeated section is a TrainingConfigError naming the file; an error that is not the file's (a TypeError) is not disguised as one."""
    from newsie.exceptions import TrainingConfigError
    from newsie.training import textcat

    cfg = tmp_path / "mine.cfg"
    cfg.write_text(default_config("event_type").read_text(encoding="utf-8") + "\n[newsie]\nmax_tokens = 10\n", encoding="utf-8")
    with pytest.raises(TrainingConfigError, match=r"mine\.cfg: not a spaCy config \(.*section 'newsie' already exists"):
        textcat.read_config(cfg, 0, pipe="textcat")

    def broken(*args, **kwargs):
        raise TypeError("a bug")

    monkeypatch.setattr(textcat, "load_config_from_str", broken)
    with pytest.raises(TypeError, match="a bug"):
        textcat.read_config(default_config("event_type"), 0, pipe="textcat")


def test_bag_of_words_configs_of_other_shapes_are_accepted(tmp_path) -> None:
    """Other bag-of-words settings (n-grams, no output layer, an older version, a multi-label event classifier) pass the config check."""
    from newsie.training.textcat import read_config

    text = default_config("event_type").read_text(encoding="utf-8")
    for old, new in (("ngram_size = 1", "ngram_size = 3"), ("no_output_layer = false", "no_output_layer = true"),
                     ('factory = "textcat"', 'factory = "textcat_multilabel"'), ("spacy.TextCatBOW.v3", "spacy.TextCatBOW.v2")):
        cfg = tmp_path / "mine.cfg"
        cfg.write_text(text.replace(old, new), encoding="utf-8")
        assert read_config(cfg, 3, pipe="textcat")["system"]["seed"] == 3
    assert read_config(default_config("fields_of_work"), 0, pipe="textcat_multilabel")["newsie"]["max_tokens"] == 200


def test_metadata_keys_are_not_taken_for_misspelled_labels(tmp_path) -> None:
    """Columns of the corpus and other metadata beside the labels are read without complaint."""
    line = {"text": "x", "event_type": "visit", "source_url": "https://www.osce.org/x", "content_type": "Press release",
            "issuer": ["OSCE Mission to Skopje"], "event_date": "2021-05-03", "fields_of_work_raw": "Policing; Elections",
            "gold": {"event_type": "visit", "fields_of_work": ["Policing"], "location": {"city": "Skopje", "country": "MKD"}}}
    assert read_items(write_lines(tmp_path / "g.jsonl", [line]))[0].event_type == "visit"


def test_confidence_flags_and_null_labels_read_as_written(tmp_path) -> None:
    """`type_confident` reads true/false/1/0/null (null: confident), and a top-level null event type leaves the one in gold standing."""
    lines = [{"text": "x", "event_type": "visit", "type_confident": flag} for flag in (True, False, 1, 0, None)]
    lines.append({"text": "y", "event_type": None, "gold": {"event_type": "training"}})
    items = read_items(write_lines(tmp_path / "g.jsonl", lines))
    assert [i.confident for i in items[:5]] == [True, False, True, False, True]
    assert items[5].event_type == "training" and items[5].confident


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"margin": float("nan")}, r"margin=nan: give a number from 0 to 1"),
        ({"margin": -0.5}, r"margin=-0.5: give a number from 0 to 1"),
        ({"margin": 2}, r"margin=2: give a number from 0 to 1"),
        ({"folds": 2.5}, r"folds=2.5: give a whole number"),
        ({"folds": "3"}, r"folds='3': give a whole number"),
        ({"seed": "1"}, r"seed='1': give a whole number"),
    ],
)
def test_settings_the_command_line_refuses_are_refused_by_train(tmp_path, setting, message) -> None:
    """`train` refuses, before reading anything, a margin outside 0-1 (NaN too) and folds or a seed that are not whole numbers, as `newsie train` does."""
    with pytest.raises(TrainingDataError, match=message):
        train(tmp_path / "not-read.jsonl", tmp_path / "out", progress=False, **setting)
    assert not (tmp_path / "out").exists()


def test_rules_given_with_trained_models_are_refused(tmp_path) -> None:
    """`train(rules=...)` takes the rules alone: a pipeline with trained models would feed their output in as the rules' evidence."""
    with pytest.raises(NewsieError, match="rules alone"):
        train(tmp_path / "not-read.jsonl", tmp_path / "out", rules=newsie.load(), progress=False)
    assert not (tmp_path / "out").exists()


def test_each_task_is_trained_on_the_tokens_its_own_config_names(tmp_path, monkeypatch) -> None:
    """With another max_tokens in the fields config than in the event config, each classifier is trained on, and saves, its own config's setting."""
    from newsie.components.textcat_io import model_ids
    from newsie.making import make_doc
    from newsie.training import trainer

    configs = fast_configs(tmp_path, epochs=1)
    configs["fields_of_work"].write_text(configs["fields_of_work"].read_text(encoding="utf-8").replace("max_tokens = 200", "max_tokens = 4"), encoding="utf-8")
    seen: dict[str, list[list[str]]] = {}
    real = trainer.train_textcat

    def recording(config, texts, cats, **kwargs):
        seen.setdefault(config["nlp"]["pipeline"][0], []).extend(list(t) for t in texts)
        return real(config, texts, cats, **kwargs)

    monkeypatch.setattr(trainer, "train_textcat", recording)
    rules = newsie.load(models=False)
    train(write_corpus(tmp_path / "g.jsonl"), tmp_path / "out", folds=2, event_config=configs["event_type"], fields_config=configs["fields_of_work"], progress=False, rules=rules)
    title, text, *_ = RELEASES[-1]  # the last release read, by the classifier trained on all
    doc = make_doc(rules, text, title=title)
    expected = {n: len(model_ids(doc, n)) for n in (200, 4)}
    assert expected[4] < expected[200]
    assert len(seen["textcat"][-1]) == expected[200]
    assert len(seen["textcat_multilabel"][-1]) == expected[4]
    assert max(map(len, seen["textcat_multilabel"])) < min(map(len, seen["textcat"]))
    for task, n in (("event_type", 200), ("fields_of_work", 4)):
        assert json.loads((tmp_path / "out" / task / "blend.json").read_text(encoding="utf-8"))["max_tokens"] == n
