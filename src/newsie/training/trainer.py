"""`newsie.train`: retrain the event-type and fields-of-work models on labeled releases.

For each task: k seeded, stratified folds; a text classifier trained on k-1 folds
scores the held-out fold (out-of-fold probabilities); the blend (a small logistic
regression over those probabilities and the rules' evidence) has its regularization,
and for fields its threshold, chosen by cross-validation on those out-of-fold scores;
then the classifier is retrained on everything and the blend fitted on all out-of-fold
scores. The report gives rules alone, classifier alone and the blend, all held-out.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from thinc.api import Config
from tqdm import tqdm

from ..blend import (
    EVENT_FEATURES,
    FIELD_FEATURES,
    BinaryLogit,
    ConditionalLogit,
    event_features_batch,
    field_features_batch,
    smoothed,
)
from ..components import event_model, fields_model
from ..components.fields_model import choose, lexicon_view
from ..components.textcat_io import model_ids, model_words, predict, write_model
from ..customtypes import EVENT_TYPES
from ..exceptions import NewsieError, TrainingDataError, TrainingDataWarning, TrainingOutputError
from ..fields import FieldsClassifier
from ..resources import data_root
from .crossval import brier, expected_calibration_error, micro_f1, reliability, stratified_folds
from .data import TrainItem, label_set, read_all, site_labels
from .textcat import ConfigSource, check_buildable, read_config, train_textcat

L2_GRID = (0.03, 0.3, 3.0, 30.0)
SMOOTHING_GRID = (0.0, 0.05, 0.1, 0.2)  # the event classifier's share mixed with uniform (see `smoothed`)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.15, 0.71, 0.05))
REPORT_FILE = "report.json"
TASK_NAMES = {"event_type": "event type", "fields_of_work": "fields of work"}


def default_config(task: str) -> Path:
    """The packaged training config of a task ("event_type" or "fields_of_work")."""
    return Path(str(data_root() / "training" / f"{task}.cfg"))


@dataclass
class _Prepared:
    """One release after the rules ran: the classifier's input and the rules' evidence."""

    item: TrainItem
    ids: dict[str, np.ndarray]  # each task's classifier input (`model_ids` with its max_tokens), by task
    words: dict[str, list[str]]  # the same, as strings
    rule: dict[str, Any]
    scores: dict[str, float]
    picked: list[str]


@dataclass
class TrainReport:
    """What `train` measured (held-out, k-fold) and where it wrote the models."""

    output: str
    folds: int
    seed: int
    event_type: dict[str, Any] = field(default_factory=dict)
    fields_of_work: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # task -> why it was not trained

    def to_dict(self) -> dict[str, Any]:
        out = {"output": self.output, "folds": self.folds, "seed": self.seed, "event_type": self.event_type, "fields_of_work": self.fields_of_work}
        if self.skipped:
            out["skipped"] = dict(self.skipped)
        return out

    def lines(self) -> list[str]:
        """A short human-readable summary."""
        out = [f"{self.folds}-fold cross-validation (seed {self.seed}), models in {self.output}"]
        if self.event_type:
            e = self.event_type
            out.append(
                f"event type ({e['n']} releases): rules {e['accuracy']['rules']:.3f}, classifier {e['accuracy']['textcat']:.3f}, "
                f"rules + classifier {e['accuracy']['blend']:.3f} accuracy (margin {e['margin']}, smoothing {e.get('smoothing', 0.0)}); Brier {e['brier']['blend']:.3f} (rules' scores {e['brier']['rules']:.3f}), "
                f"calibration error {e['ece']:.3f}"
            )
        if self.fields_of_work:
            f = self.fields_of_work
            out.append(
                f"fields of work ({f['n']} releases): lexicon F1 {f['f1']['rules']['f1']:.3f}, classifier {f['f1']['textcat']['f1']:.3f}, "
                f"lexicon + classifier {f['f1']['blend']['f1']:.3f} (threshold {f['threshold']}, at least {f['min_labels']} label{'' if f['min_labels'] == 1 else 's'}; "
                f"{len(f['site_labels'])} site labels kept as written; F1 on the labels as written {f['f1_as_written']['blend']['f1']:.3f}, "
                f"on taxonomy fields {f['f1_taxonomy']['blend']['f1']:.3f})"
            )
        for task, why in self.skipped.items():
            out.append(f"{TASK_NAMES[task]}: not trained ({why})")
        return out


def train(
    gold: str | Path | Sequence[str | Path],
    output: str | Path,
    *,
    folds: int = 5,
    seed: int = 0,
    event_config: ConfigSource | None = None,
    fields_config: ConfigSource | None = None,
    progress: bool = True,
    rules: Language | None = None,
    margin: float | None = None,
    site_min: int = 5,
) -> TrainReport:
    """Train newsie's event-type and fields-of-work models and write them to `output`.

    A task with fewer labeled releases than `folds`, or with a single label (one event
    type, one field), is not trained: a `TrainingDataWarning` says why, and so does the
    report (``skipped``). ``newsie.load(models=output)`` then leaves that task to the rules
    alone (the folder has no model of it, and the shipped one is not mixed in).

    Args:
        gold: one or more JSONL files of labeled releases (see `read_items`; a release
            given twice is read once, see `read_all`); releases with an ``event_type`` train the event
            model, those with ``fields_of_work`` the fields model (a release may serve both).
        output: the models folder to write; use it with ``newsie.load(models=output)``.
            Everything is written to a temporary folder beside it and moved in at the end
            (see `_put_in_place`): ``event_type/``, ``fields_of_work/`` and ``report.json``
            are replaced (one this run does not train is removed), any other file in the
            folder is left alone, and a run that fails leaves the folder as it was.
        folds: the k of k-fold cross-validation (at least 2).
        seed: the random seed; the same data, seed and configs give the same models.
        event_config, fields_config: spaCy training configs (default: the packaged
            ``event_type.cfg`` and ``fields_of_work.cfg``).
        progress: show progress bars (tqdm) on stderr.
        rules: the rules-only pipeline to read evidence with (default ``newsie.load(models=False)``).
        margin: how much more probable (blended) the model's event type must be than the
            rules' type to overrule it; None picks it by k-fold accuracy (`one_se_margin`).
        site_min: a field name outside the taxonomy (e.g. "Safety of journalists") used by
            at least this many releases is learnt and predicted as written, beside the
            taxonomy fields (see `site_labels`); rarer ones are read as their field.

    Returns:
        The `TrainReport` (also written to ``output/report.json``).

    Raises:
        TrainingDataError: bad input, a setting out of its range (`folds` below 2 or
            not an int, `margin` outside 0-1), or no task that can be trained.
        TrainingConfigError: a config newsie cannot train with (see `check_config`).
        TrainingOutputError: (a TrainingDataError and a NotADirectoryError) `output` is a
            file (checked before anything else).
        OSError: `output` (or the folder it is in) cannot be written, checked before the
            rules and the classifiers run (PermissionError, ...).
    """
    from ..making import make_doc
    from ..pipeline import MODEL_PIPES, load

    if rules is not None and (trained := [name for name, _, _ in MODEL_PIPES if rules.has_pipe(name)]):
        raise NewsieError(f"rules= must be the rules alone (newsie.load(models=False)): it has the trained {trained}, whose output would be read as the rules' evidence")
    _check_settings(folds, seed, margin)
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise TrainingOutputError(f"{out} is a file: the output of training is a models folder (new, or one to update)")
    econf = read_config(event_config or default_config("event_type"), seed, pipe=event_model.PIPE)
    fconf = read_config(fields_config or default_config("fields_of_work"), seed, pipe=fields_model.PIPE)
    check_buildable(econf, str(event_config or default_config("event_type")))
    check_buildable(fconf, str(fields_config or default_config("fields_of_work")))
    paths = [gold] if isinstance(gold, (str, Path)) else list(gold)
    lexicon = FieldsClassifier.default()
    items = {item.id: item for item in read_all(paths, lexicon)}
    typed = [i for i in items.values() if i.event_type]
    with_fields = [i for i in items.values() if i.fields]
    parents = site_labels(with_fields, lexicon, site_min)
    label_sets = [label_set(i, parents, lexicon) for i in with_fields]
    skipped = _untrainable(typed, label_sets, folds)
    if len(skipped) == 2:
        raise TrainingDataError("nothing to train: " + "; ".join(f"{TASK_NAMES[t]}: {why}" for t, why in skipped.items()))
    for task, why in skipped.items():
        warnings.warn(
            f"no {TASK_NAMES[task]} model is trained: {why}; with this models folder, the {TASK_NAMES[task]} comes from the rules alone (not the model that ships with newsie)",
            TrainingDataWarning,
            stacklevel=2,
        )
    work = _work_folder(out)
    try:
        nlp = rules or load(models=False)
        prepared = []
        # each classifier is trained on what its component reads at run time: its own config's max_tokens
        max_tokens = {"event_type": int(econf["newsie"]["max_tokens"]), "fields_of_work": int(fconf["newsie"]["max_tokens"])}
        for item in tqdm(list(items.values()), desc="rules", unit="doc", disable=not progress):
            doc = make_doc(nlp, item.text, title=item.title, doc_id=item.id)
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            scores, picked = lexicon_view(doc, lexicon)
            ids = {task: model_ids(doc, n) for task, n in max_tokens.items()}
            if not len(ids["event_type"]) and (item.event_type or item.fields):  # thinc's n-grams fail on an empty input
                raise TrainingDataError(f"{item.source or item.id}: release {item.id!r} leaves the classifiers no word to read in its title or text")
            words = {task: model_words(doc, task_ids) for task, task_ids in ids.items()}
            prepared.append(_Prepared(item, ids, words, event_model.rule_view(doc) or event_model.NO_EVENT, scores, picked))
        report = TrainReport(output=str(out), folds=folds, seed=seed, skipped=skipped)
        if "event_type" not in skipped:
            data = [p for p in prepared if p.item.event_type]
            report.event_type = _train_events(data, econf, folds, seed, work / event_model.SUBDIR, progress, margin)
        if "fields_of_work" not in skipped:
            data = [p for p in prepared if p.item.fields]
            report.fields_of_work = _train_fields(data, label_sets, fconf, folds, seed, work / fields_model.SUBDIR, progress, lexicon.fields, parents)
        (work / REPORT_FILE).write_text(json.dumps(report.to_dict(), indent=1) + "\n", encoding="utf-8")
        _put_in_place(work, out, (event_model.SUBDIR, fields_model.SUBDIR, REPORT_FILE))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def _check_settings(folds: int, seed: int, margin: float | None) -> None:
    """Refuse the settings `newsie train`'s options refuse (a margin is a difference of
    probabilities, from 0 to 1: NaN would be written to the model and its report, and
    never overrule the rules).

    Raises:
        TrainingDataError: naming the setting.
    """
    for name, value in (("folds", folds), ("seed", seed)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TrainingDataError(f"{name}={value!r}: give a whole number")
    if folds < 2:
        raise TrainingDataError(f"folds={folds}: cross-validation needs at least 2 folds")
    if margin is not None and (isinstance(margin, bool) or not isinstance(margin, (int, float)) or not 0.0 <= margin <= 1.0):
        raise TrainingDataError(f"margin={margin!r}: give a number from 0 to 1 (how much more probable the model's type must be), or None to choose it by k-fold accuracy")


def _work_folder(out: Path) -> Path:
    """A temporary folder beside `out` to write the models to, made once it is sure that
    they can be put in `out` at the end (`_put_in_place` writes into it): a folder that
    cannot be written fails here, before any training, not after it.

    Raises:
        OSError: of the kind the system gave (PermissionError, ...), naming `out`.
    """
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.is_dir():
            Path(tempfile.mkdtemp(prefix=".newsie-check-", dir=out)).rmdir()
        return Path(tempfile.mkdtemp(prefix=f".{out.name}-", suffix=".partial", dir=out.parent))
    except OSError as exc:
        raise type(exc)(exc.errno, f"{out}: the models cannot be written there ({exc.strerror or exc})") from exc


def _untrainable(typed: list[TrainItem], label_sets: list[list[str]], folds: int) -> dict[str, str]:
    """Why each task that cannot be trained cannot: fewer labeled releases than folds, or
    a single label (a classifier of one class would overrule the rules on everything)."""
    why: dict[str, str] = {}
    types = sorted({str(i.event_type) for i in typed})
    if len(typed) < folds:
        why["event_type"] = f"{len(typed)} releases with an event type, and {folds}-fold training needs at least {folds}"
    elif len(types) < 2:
        why["event_type"] = f"every release with an event type is {types[0]!r}: a classifier needs at least 2 event types"
    labels = sorted({f for s in label_sets for f in s})
    if len(label_sets) < folds:
        why["fields_of_work"] = f"{len(label_sets)} releases with fields of work, and {folds}-fold training needs at least {folds}"
    elif len(labels) < 2:
        why["fields_of_work"] = f"every release with fields of work has the one label {labels[0]!r}: a classifier needs at least 2 labels"
    return why


def _put_in_place(work: Path, out: Path, parts: Sequence[str]) -> None:
    """Replace the `parts` of `out` by those written in `work` (a part `work` lacks is
    removed from `out`); nothing else in `out` is touched.

    Part by part: a file (``report.json``) is replaced in one rename once a copy of the old
    one is kept; a folder is renamed aside, then the new one renamed in. The old parts wait
    in a hidden folder of `out` (on its file system, so setting one aside is a rename) and
    are deleted once every new part is in place. When a step fails, the new parts are taken
    out and the old ones renamed back before the error goes on; should that fail too, the
    old parts are left where they wait, and the error names it.

    Raises:
        NewsieError: a step failed and the old parts could not all be put back.
    """
    out.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=".newsie-old-", dir=out))
    kept: list[tuple[Path, Path]] = []  # (an old part, set aside, and its place in `out`)
    placed: list[Path] = []  # places in `out` that a new part was moved to
    try:
        for name in parts:
            target, new, old = out / name, work / name, aside / name
            if new.is_file() and target.is_file() and not target.is_symlink():
                shutil.copy2(target, old)  # the file stays in place until the new one replaces it
                kept.append((old, target))
            elif target.exists() or target.is_symlink():
                os.rename(target, old)
                kept.append((old, target))
            if new.exists():
                placed.append(target)
                _move(new, target)
    except BaseException as exc:
        undone = [_attempt(_remove, target) for target in reversed(placed)]
        undone += [_attempt(os.replace, old, target) for old, target in reversed(kept)]
        problems = list(dict.fromkeys(str(problem) for problem in undone if problem is not None))
        if problems:
            raise NewsieError(
                f"{out}: the new models could not be put in place ({exc}), and the old parts could not all be "
                f"put back ({'; '.join(problems)}): they are in {aside}"
            ) from exc
        shutil.rmtree(aside, ignore_errors=True)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _move(src: Path, dst: Path) -> None:
    """Rename `src` to `dst` (a file there is replaced in one step), copying it when `dst` is
    on another file system (an output folder that is a mount point)."""
    try:
        os.replace(src, dst)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        shutil.move(str(src), str(dst))


def _attempt(step: Callable[..., object], *args: Path) -> OSError | None:
    """Run one step of undoing a swap; its error, if any, is returned so the others still run."""
    try:
        step(*args)
    except OSError as exc:
        return exc
    return None


def _remove(path: Path) -> None:
    """Delete a file, a link or a folder, if there is one."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


# ---------------------------------------------------------------------------- k-fold core


def _out_of_fold(
    data: list[_Prepared], cats: list[dict[str, float]], fold: list[int], k: int, config: Config, task: str, progress: bool
) -> tuple[np.ndarray, Language, list[str]]:
    """Held-out classifier probabilities of every release, and the classifier of `task` trained on all."""
    texts = [p.words[task] for p in data]
    desc = TASK_NAMES[task]
    epochs = int(config["training"]["max_epochs"])
    bar = tqdm(total=(k + 1) * epochs, desc=desc, unit="epoch", disable=not progress)

    def tick(epoch: int, loss: float) -> None:
        bar.update(1)
        bar.set_postfix(loss=f"{loss:.3f}")

    labels = sorted(cats[0])
    oof = np.zeros((len(texts), len(labels)))
    for f in range(k):
        train_idx = [i for i in range(len(texts)) if fold[i] != f]
        test_idx = [i for i in range(len(texts)) if fold[i] == f]
        nlp = train_textcat(config, [texts[i] for i in train_idx], [cats[i] for i in train_idx], on_epoch=tick)
        textcat = nlp.get_pipe(nlp.pipe_names[0])
        assert isinstance(textcat, TextCategorizer)
        order = [list(textcat.labels).index(lab) for lab in labels]
        oof[test_idx] = predict(textcat, [data[i].ids[task] for i in test_idx])[:, order]
    final = train_textcat(config, texts, cats, on_epoch=tick)
    bar.close()
    return oof, final, labels


MARGINS = tuple(round(m, 1) for m in np.arange(0.0, 1.01, 0.1))


def one_se_margin(by_margin: dict[float, float], n: int) -> float:
    """The margin chosen by k-fold accuracy with the one-standard-error rule: among the
    margins whose accuracy is within one standard error of the best, the largest (the
    blend that overrules the rules least)."""
    best = max(by_margin.values())
    se = (best * (1 - best) / max(n, 1)) ** 0.5
    return max(m for m, a in by_margin.items() if a >= best - se)


def _overruled(probs: np.ndarray, rule_pred: np.ndarray, fallback: np.ndarray, margin: float) -> np.ndarray:
    """The event type the blend gives at `margin` (see `EventModel`): its best type when the
    rules found no trigger or when that type is more than `margin` more probable than theirs."""
    best = probs.argmax(axis=1)
    rows = np.arange(len(best))
    return np.where(fallback | (probs[rows, best] - probs[rows, rule_pred] > margin), best, rule_pred)


def _train_events(
    data: list[_Prepared], config: Config, k: int, seed: int, folder: Path, progress: bool, margin: float | None
) -> dict[str, Any]:
    classes = list(EVENT_TYPES)
    y = np.array([classes.index(p.item.event_type or "other") for p in data])
    fold = stratified_folds([p.item.event_type or "other" for p in data], k, seed)
    cats = [{c: float(c == p.item.event_type) for c in classes} for p in data]
    oof, final, labels = _out_of_fold(data, cats, fold, k, config, "event_type", progress)
    probs_tc = oof[:, [labels.index(c) for c in classes]]
    best_l2, best_share, best_loss, cv_probs, x_best = L2_GRID[0], 0.0, float("inf"), np.zeros_like(probs_tc), None
    for share in SMOOTHING_GRID:  # with the blend's L2, by out-of-fold log-loss
        x = event_features_batch(classes, smoothed(probs_tc, share), [p.rule for p in data])
        for l2 in L2_GRID:
            probs = np.zeros_like(probs_tc)
            for f in range(k):
                tr = np.array([g != f for g in fold])
                probs[~tr] = ConditionalLogit(classes, EVENT_FEATURES, l2).fit(x[tr], y[tr]).predict_proba(x[~tr])
            loss = float(-np.log(np.clip(probs[np.arange(len(y)), y], 1e-9, 1)).mean())
            if loss < best_loss:
                best_l2, best_share, best_loss, cv_probs, x_best = l2, share, loss, probs, x
    assert x_best is not None
    x = x_best
    rule_pred = np.array([classes.index(p.rule["main"]) for p in data])
    fallback = np.array([bool(p.rule["fallback"]) for p in data])
    by_margin = {m: round(float((_overruled(cv_probs, rule_pred, fallback, m) == y).mean()), 4) for m in MARGINS}
    if margin is None:
        margin = one_se_margin(by_margin, len(y))
    blend = ConditionalLogit(classes, EVENT_FEATURES, best_l2).fit(x, y)
    write_model(folder, final, {"max_tokens": int(config["newsie"]["max_tokens"]), "margin": margin, "smoothing": best_share, "blend": blend.to_dict()})
    _copy_config(config, folder)
    rule_probs = np.array([[p.rule["confidence"].get(c, 0.0) for c in classes] for p in data])
    blend_pred = _overruled(cv_probs, rule_pred, fallback, margin)
    confident = np.array([p.item.confident for p in data])
    conf = cv_probs[np.arange(len(y)), blend_pred]  # the probability of the type given

    def acc(pred: np.ndarray, mask: np.ndarray | None = None) -> float:
        hits = pred == y
        return round(float((hits if mask is None else hits[mask]).mean()), 4)

    return {
        "n": len(data),
        "accuracy": {"rules": acc(rule_pred), "textcat": acc(probs_tc.argmax(axis=1)), "blend": acc(blend_pred)},
        "margin": margin,
        "accuracy_by_margin": {str(m): a for m, a in by_margin.items()},
        "accuracy_confident_items": {"rules": acc(rule_pred, confident), "blend": acc(blend_pred, confident)},
        "brier": {"rules": round(brier(rule_probs, y), 4), "textcat": round(brier(probs_tc, y), 4), "blend": round(brier(cv_probs, y), 4)},
        "ece": expected_calibration_error(conf, blend_pred == y),
        "reliability": reliability(conf, blend_pred == y),
        "l2": best_l2,
        "smoothing": best_share,
        "log_loss": round(best_loss, 4),
        "weights": dict(zip(EVENT_FEATURES, (round(float(w), 3) for w in blend.w))),
    }


def _train_fields(
    data: list[_Prepared], gold: list[list[str]], config: Config, k: int, seed: int, folder: Path, progress: bool,
    all_labels: Sequence[str], parents: dict[str, str],
) -> dict[str, Any]:
    labels = sorted({f for g in gold for f in g} | set(all_labels) | set(parents))
    fold = stratified_folds([g[0] for g in gold], k, seed)
    cats = [{lab: float(lab in g) for lab in labels} for g in gold]
    oof, final, tc_labels = _out_of_fold(data, cats, fold, k, config, "fields_of_work", progress)
    assert tc_labels == labels
    x = field_features_batch(labels, oof, [(p.scores, p.picked) for p in data], parents)
    y = np.array([[c[lab] for lab in labels] for c in cats])
    best: tuple[float, float, float, int, np.ndarray] | None = None
    for l2 in L2_GRID:
        probs = np.zeros(y.shape)
        for f in range(k):
            tr = np.array([g != f for g in fold])
            model = BinaryLogit(FIELD_FEATURES, l2).fit(x[tr].reshape(-1, x.shape[2]), y[tr].reshape(-1))
            probs[~tr] = model.predict_proba(x[~tr])
        for t in THRESHOLDS:
            for min_labels in (0, 1):
                settings = {"threshold": t, "max_labels": 3, "min_labels": min_labels}
                f1 = micro_f1([choose(tuple(labels), row, settings) for row in probs], gold)["f1"]
                if best is None or f1 > best[0]:
                    best = (f1, l2, t, min_labels, probs)
    assert best is not None
    _, l2, threshold, min_labels, cv_probs = best
    blend = BinaryLogit(FIELD_FEATURES, l2).fit(x.reshape(-1, x.shape[2]), y.reshape(-1))
    settings = {"threshold": threshold, "max_labels": 3, "min_labels": min_labels, "max_tokens": int(config["newsie"]["max_tokens"]), "parents": parents}
    write_model(folder, final, {**settings, "blend": blend.to_dict()})
    _copy_config(config, folder)
    tc_only = [choose(tuple(labels), row, {"threshold": 0.5, "max_labels": 3, "min_labels": 1}) for row in oof]
    blend_pred = [choose(tuple(labels), row, settings) for row in cv_probs]

    def taxonomy(sets: list[list[str]]) -> list[list[str]]:
        return [list(dict.fromkeys(parents.get(f, f) for f in s)) for s in sets]

    return {
        "n": len(data),
        "site_labels": parents,
        "f1": {
            "rules": micro_f1([p.picked for p in data], gold),
            "textcat": micro_f1(tc_only, gold),
            "blend": micro_f1(blend_pred, gold),
        },
        "f1_as_written": {  # against the labels exactly as the files give them
            "rules": micro_f1([p.picked for p in data], [p.item.site_fields for p in data]),
            "blend": micro_f1(blend_pred, [p.item.site_fields for p in data]),
        },
        "f1_taxonomy": {  # site labels read as their taxonomy field
            "rules": micro_f1([p.picked for p in data], taxonomy(gold)),
            "blend": micro_f1(taxonomy(blend_pred), taxonomy(gold)),
        },
        "l2": l2,
        "threshold": threshold,
        "min_labels": min_labels,
        "weights": dict(zip(FIELD_FEATURES, (round(float(w), 3) for w in blend.w))),
    }


def _copy_config(config: Config, folder: Path) -> None:
    """Keep the training config beside the model (the pipeline's own config.cfg has it too)."""
    config.to_disk(folder / "train.cfg")

