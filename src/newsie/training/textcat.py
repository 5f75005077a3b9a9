"""Training one spaCy text classifier from a config file, with spaCy's training utilities."""
from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, Union

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, load_config_from_str, load_model_from_config, registry
from thinc.api import Config

ConfigSource = Union[str, Path, Traversable]


def read_config(source: ConfigSource, seed: int) -> Config:
    """A training config (spaCy's format) with its seed set."""
    text = source.read_text(encoding="utf-8") if not isinstance(source, str) else Path(source).read_text(encoding="utf-8")
    return load_config_from_str(text, overrides={"system.seed": seed})


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
