"""Training one spaCy text classifier from a config file, with spaCy's training utilities."""
from __future__ import annotations

import configparser
import random
from collections.abc import Callable, Sequence
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, Union

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, load_config_from_str, load_model_from_config, registry
from thinc.api import Config, ConfigValidationError

from ..exceptions import TrainingConfigError

ConfigSource = Union[str, Path, Traversable]


# The text classifier each trained component reads (its component name in the config) and
# the factories that can train it: fields need several labels per release.
FACTORIES = {"textcat": ("textcat", "textcat_multilabel"), "textcat_multilabel": ("textcat_multilabel",)}
# `predict` and `BowScorer` hand the classifier token hashes, not Docs: only spaCy's
# bag-of-words layer reads them (an embedding layer asks for more token attributes).
ARCHITECTURES = ("spacy.TextCatBOW.v1", "spacy.TextCatBOW.v2", "spacy.TextCatBOW.v3")
TRAINING_KEYS = ("max_epochs", "dropout", "batcher", "optimizer")


def read_config(source: ConfigSource, seed: int, *, pipe: str | None = None) -> Config:
    """A training config (spaCy's format) with its seed set, checked.

    Args:
        source: the config file.
        seed: the random seed (``[system] seed``).
        pipe: the component the trained model is read by ("textcat" for the event type,
            "textcat_multilabel" for fields of work); None accepts either.

    Raises:
        TrainingConfigError: naming the file and what it lacks (see `check_config`).
    """
    name = str(source)
    try:
        text = source.read_text(encoding="utf-8") if not isinstance(source, str) else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TrainingConfigError(f"{name}: cannot be read ({exc})") from exc
    try:
        config = load_config_from_str(text, overrides={"system.seed": seed})
    # What a bad file raises: configparser's errors for a repeated section or key, confection's
    # ConfigValidationError (a ValueError) for the rest; a bug of newsie's is not hidden as one.
    except (ConfigValidationError, configparser.Error, ValueError, KeyError) as exc:
        raise TrainingConfigError(f"{name}: not a spaCy config ({' '.join(str(exc).split())})") from None
    check_config(config, name, pipe)
    return config


def check_config(config: Config, name: str, pipe: str | None = None) -> None:
    """Check what newsie needs of a training config, before any training.

    It needs ``[newsie] max_tokens`` (a positive integer: how many tokens of headline and
    text the classifier reads); one pipeline component, named `pipe` (the name the trained
    component loads it by) and made by a text-classifier factory (``textcat_multilabel``
    for fields of work); a bag-of-words model (`ARCHITECTURES`) reading words
    (``ngram_size`` at least 1); and ``[training]`` ``max_epochs`` (at least 1),
    ``dropout`` (from 0 to below 1), ``batcher`` and ``optimizer`` (whether they can be
    built is `check_buildable`'s).

    Raises:
        TrainingConfigError: naming `name` and the problem.
    """

    def fail(problem: str) -> TrainingConfigError:
        return TrainingConfigError(f"{name}: {problem}")

    settings = config.get("newsie")
    if not isinstance(settings, dict) or "max_tokens" not in settings:
        raise fail("no [newsie] max_tokens: add a [newsie] section with max_tokens = 200 (the tokens of headline and text the classifier reads)")
    max_tokens = settings["max_tokens"]
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        raise fail(f"[newsie] max_tokens = {max_tokens!r}: give a positive whole number of tokens")
    names = list(config.get("nlp", {}).get("pipeline", []))
    wanted = [pipe] if pipe else list(FACTORIES)
    if len(names) != 1 or names[0] not in wanted:
        raise fail(
            f"[nlp] pipeline = {names!r}: it must be one component named {' or '.join(map(repr, wanted))} "
            "(the name the trained model is loaded by)"
        )
    component = config.get("components", {}).get(names[0])
    if not isinstance(component, dict):
        raise fail(f"no [components.{names[0]}] section")
    factories = FACTORIES[names[0]]
    if component.get("factory") not in factories:
        raise fail(f"[components.{names[0]}] factory = {component.get('factory')!r}: use {' or '.join(map(repr, factories))}")
    model = component.get("model")
    architecture = model.get("@architectures") if isinstance(model, dict) else None
    if architecture not in ARCHITECTURES:
        raise fail(
            f"[components.{names[0]}.model] architecture {architecture!r} is not supported: newsie's classifiers read "
            f"hashed words only, which the bag-of-words models read ({', '.join(ARCHITECTURES)})"
        )
    assert isinstance(model, dict)
    ngrams = model.get("ngram_size", 1)
    if isinstance(ngrams, bool) or not isinstance(ngrams, int) or ngrams < 1:
        # spaCy builds a model of 0-grams: it reads no word and learns the labels' base rates alone
        raise fail(f"[components.{names[0]}.model] ngram_size = {ngrams!r}: give 1 (words) or more (word sequences up to that length)")
    training = config.get("training")
    missing = [key for key in TRAINING_KEYS if not isinstance(training, dict) or key not in training]
    if missing:
        raise fail(f"[training] lacks {', '.join(missing)}")
    assert isinstance(training, dict)
    epochs, dropout = training["max_epochs"], training["dropout"]
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        # spaCy reads 0 as "no limit"; newsie's loop runs exactly max_epochs, and 0 would ship an untrained classifier
        raise fail(f"[training] max_epochs = {epochs!r}: newsie trains that many epochs over the data; give at least 1")
    if isinstance(dropout, bool) or not isinstance(dropout, (int, float)) or not 0.0 <= dropout < 1.0:
        raise fail(f"[training] dropout = {dropout!r}: give a rate from 0 up to (not including) 1")


def check_buildable(config: Config, name: str) -> None:
    """Build a checked config's model, batcher and optimizer once, before any training:
    a setting spaCy refuses (a ``length`` of 0, an argument the architecture's version
    does not take, an optimizer not registered) fails now, not after the rules ran and
    the other task was trained.

    Raises:
        TrainingConfigError: naming `name` and spaCy's message.
    """
    training = config["training"]
    model = config["components"][config["nlp"]["pipeline"][0]]["model"]
    try:
        registry.resolve({"model": model, "batcher": training["batcher"], "optimizer": training["optimizer"]})
    except (ValueError, KeyError) as exc:  # confection's and catalogue's errors, an architecture's own
        raise TrainingConfigError(f"{name}: its model, batcher or optimizer cannot be built ({' '.join(str(exc).split())})") from None


def train_textcat(
    config: Config,
    texts: Sequence[Sequence[str]],
    cats: Sequence[dict[str, float]],
    *,
    on_epoch: Callable[[int, float], None] | None = None,
) -> Language:
    """Train the config's text classifier on `texts`, each the classifier's input tokens (see `model_ids`).

    Args:
        config: a spaCy config with one text classifier and a [training] section
            (seed, dropout, max_epochs, batcher, optimizer).
        texts: the tokens of each training text.
        cats: the gold ``doc.cats`` of each text (every label 0.0 or 1.0).
        on_epoch: called after each epoch with its number and the summed loss.

    Returns:
        The trained pipeline (one text classifier).
    """
    training = config["training"]
    seed = int(config["system"]["seed"])
    fix_random_seed(seed)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    examples = [Example.from_dict(Doc(nlp.vocab, words=list(t)), {"cats": c}) for t, c in zip(texts, cats)]
    resolved: dict[str, Any] = registry.resolve({"batcher": training["batcher"], "optimizer": training["optimizer"]})
    optimizer = resolved["optimizer"]
    nlp.initialize(lambda: examples, sgd=optimizer)
    rng = random.Random(seed)
    for epoch in range(int(training["max_epochs"])):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in resolved["batcher"](examples):
            nlp.update(batch, drop=float(training["dropout"]), sgd=optimizer, losses=losses)
        if on_epoch is not None:
            on_epoch(epoch, sum(losses.values()))
    if optimizer.averages:  # use the averaged weights, as `spacy train` does
        with nlp.use_params(optimizer.averages):
            nlp = _frozen_copy(nlp)
    return nlp


def _frozen_copy(nlp: Language) -> Language:
    """A copy of `nlp` carrying its current (averaged) weights."""
    data = nlp.to_bytes()
    copy = load_model_from_config(nlp.config, auto_fill=False, validate=False)
    return copy.from_bytes(data)
