"""`newsie_fields_model`: a trained fields-of-work classifier blended with the lexicon."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc

from ..blend import BinaryLogit, field_features
from ..extensions import text_of
from ..fields import FieldsClassifier
from ..payloads import body_text, meta_of
from .fields import SCORES_KEY
from .textcat_io import BowScorer, model_ids, models_root, read_model, write_model

SUBDIR = "fields_of_work"
PIPE = "textcat_multilabel"


def lexicon_view(doc: Doc, lexicon: FieldsClassifier) -> tuple[dict[str, float], list[str]]:
    """The lexicon's score of every field (as `newsie_fields` left them, else computed) and
    the fields it picked (``doc._.newsie_fields``)."""
    scores = doc.user_data.get(SCORES_KEY)
    if scores is None:
        meta = meta_of(doc)
        scores = lexicon.scores(meta.title, body_text(doc), meta.issuer or None)
    return scores, list(doc._.newsie_fields or [])


def choose(labels: tuple[str, ...], probs: np.ndarray, settings: dict[str, Any]) -> list[str]:
    """Fields whose blended probability passes the threshold, most probable first; the best
    one alone when none does and ``min_labels`` is 1."""
    order = np.argsort(-probs, kind="stable")
    picked = [labels[i] for i in order if probs[i] >= settings["threshold"]][: settings["max_labels"]]
    if not picked and settings["min_labels"] and len(order):
        picked = [labels[order[0]]]
    return picked


class FieldsModel:
    """Assign fields of work from a text classifier blended with the phrase lexicon.

    Runs after `newsie_fields`: a field's probability comes from a logistic regression on
    the classifier's probability, the lexicon's score and whether the lexicon picked it,
    fitted and thresholded by cross-validation (see `newsie.train`). Fields given by the
    page's own metadata (`ReleaseMeta.fields_of_work`) are kept as they are.
    """

    def __init__(self, nlp: Language, name: str = "newsie_fields_model", *, models: str | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.models = models
        self._pipeline: Language | None = None
        self._textcat: TextCategorizer | None = None
        self._scorer: BowScorer | None = None
        self._blend: BinaryLogit | None = None
        self.settings: dict[str, Any] = {"threshold": 0.5, "max_labels": 3, "min_labels": 1, "max_tokens": 200}
        self._lexicon: FieldsClassifier | None = None

    @property
    def lexicon(self) -> FieldsClassifier:
        """The packaged lexicon, used only for Docs that `newsie_fields` did not score
        (the model reads the Doc, never another component)."""
        if self._lexicon is None:
            self._lexicon = FieldsClassifier.default()
        return self._lexicon

    def _load(self) -> tuple[TextCategorizer, BinaryLogit]:
        if self._textcat is None or self._blend is None:
            self.from_disk(models_root(self.models) / SUBDIR)
        assert self._textcat is not None and self._blend is not None
        return self._textcat, self._blend

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        textcat, blend = self._load()
        assert self._scorer is not None
        labels = tuple(textcat.labels)
        max_tokens = int(self.settings["max_tokens"])
        for doc in docs:
            if self._wanted(doc):
                scores, picked = lexicon_view(doc, self.lexicon)
                p = self._scorer(model_ids(doc, max_tokens))
                doc._.newsie_fields = choose(labels, blend.predict_proba(field_features(labels, p, scores, picked)), self.settings)
            yield doc

    @staticmethod
    def _wanted(doc: Doc) -> bool:
        return not meta_of(doc).fields_of_work and bool(text_of(doc).strip())

    # -- serialization ---------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        _, blend = self._load()
        assert self._pipeline is not None
        write_model(Path(path), self._pipeline, {**self.settings, "blend": blend.to_dict()})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FieldsModel:
        self._pipeline, self._textcat, data = read_model(Path(path), PIPE)
        self._scorer = BowScorer(self._textcat)
        self._blend = BinaryLogit.from_dict(data.pop("blend"))
        self.settings = {**self.settings, **data}
        return self
