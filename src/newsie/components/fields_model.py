"""`newsie_fields_model`: a trained fields-of-work classifier blended with the lexicon."""
from __future__ import annotations

from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from ..blend import BinaryLogit, FieldFeatures
from ..events.paragraphs import lede_chars
from ..extensions import doc_value, set_doc_value, text_of
from ..fields import FieldsClassifier
from ..payloads import body_text, meta_of
from .fields import LEDE_SCORES_KEY, SCORES_KEY
from .textcat_io import model_ids, readable
from .trained import TrainedPipe

SUBDIR = "fields_of_work"
PIPE = "textcat_multilabel"


def lexicon_view(doc: Doc, lexicon: FieldsClassifier) -> tuple[dict[str, float], list[str]]:
    """The lexicon's score of every field and the fields it picked, on the headline and
    the lede, as the blend was trained: as `newsie_fields` left them (for a text of
    several paragraphs, those of its lede alone; else ``doc._.newsie_fields``), else
    computed here with `lexicon`, picks included."""
    user_data = doc.user_data
    end = lede_chars(doc)
    if end is not None:  # a full-length release's quotes and background touch fields no lede does
        given = user_data.get(LEDE_SCORES_KEY)
        if given is not None:
            scores, picked = given
            return scores, list(picked)
        meta = meta_of(doc)
        scores, picked = lexicon.scores_and_fields(meta.title, text_of(doc)[meta.body_start : end], meta.issuer or None)
        return scores, picked
    scores = user_data.get(SCORES_KEY)
    picked = doc_value(doc, "newsie_fields")
    if scores is None:
        meta = meta_of(doc)
        scores, own = lexicon.scores_and_fields(meta.title, body_text(doc), meta.issuer or None)
        if picked is None:  # no newsie_fields before this: the lexicon's picks, as it makes them
            picked = own
    return scores, list(picked or [])


def choose(labels: tuple[str, ...], probs: np.ndarray, settings: dict[str, Any]) -> list[str]:
    """Fields whose blended probability passes the threshold, most probable first; the best
    one alone when none does and ``min_labels`` is 1."""
    order, values, threshold = np.argsort(-probs, kind="stable").tolist(), probs.tolist(), settings["threshold"]
    picked = [labels[i] for i in order if values[i] >= threshold][: settings["max_labels"]]
    if not picked and settings["min_labels"] and order:
        picked = [labels[order[0]]]
    return picked


def choose_batch(labels: tuple[str, ...], probs: np.ndarray, settings: dict[str, Any]) -> list[list[str]]:
    """`choose` of each row of `probs` (shape (releases, labels)). Only the few fields that
    pass the threshold are ranked (a full sort of every row costs more than the rest);
    a row where none does takes its best field from a stable sort, as `choose` does."""
    if not len(probs):
        return []
    if len(probs) == 1:  # one release (`extract`): the same picks with fewer numpy calls
        return [choose(labels, probs[0], settings)]
    rows, cols = np.nonzero(probs >= settings["threshold"])
    # (row, -probability, field index): each row's passing fields, most probable first,
    # ties in field order (the order of `choose`'s stable sort; NaN never passes)
    ranked = sorted(zip(rows.tolist(), (-probs[rows, cols]).tolist(), cols.tolist()))
    picked: list[list[str]] = [[] for _ in range(len(probs))]
    for r, _, j in ranked:
        picked[r].append(labels[j])
    most = settings["max_labels"]
    out = [row[:most] for row in picked]
    if settings["min_labels"] and probs.shape[1]:
        empty = [r for r, row in enumerate(out) if not row]
        if empty:
            best = np.argsort(-probs[empty], axis=1, kind="stable")[:, 0].tolist()
            for r, j in zip(empty, best):
                out[r] = [labels[j]]
    return out


def _keep_given(docs: list[Doc], todo: list[Doc]) -> None:
    """The fields of the Docs the model does not read (the page's own fields, or none for
    an empty text), where no `newsie_fields` before it set them."""
    read = set(map(id, todo))
    for doc in docs:
        if id(doc) not in read and doc_value(doc, "newsie_fields") is None:
            set_doc_value(doc, "newsie_fields", list(meta_of(doc).fields_of_work))


class FieldsModel(TrainedPipe):
    """Assign fields of work from a text classifier blended with the phrase lexicon.

    Runs after `newsie_fields`, or alone (it then reads the packaged lexicon itself, with
    the same result): a field's probability comes from a logistic regression on
    the classifier's probability, the lexicon's score and whether the lexicon picked it,
    fitted and thresholded by cross-validation (see `newsie.train`). Besides the taxonomy
    fields it gives the site's own labels the training data use often ("Safety of
    journalists"), which read the lexicon evidence of their field (``parents``). Fields given by the
    page's own metadata (`ReleaseMeta.fields_of_work`) are kept as they are; a Doc without a
    letter in its title or text (`readable`) keeps the lexicon's (none).
    """

    SUBDIR = SUBDIR
    PIPE = PIPE

    def __init__(self, nlp: Language, name: str = "newsie_fields_model", *, models: str | None = None) -> None:
        super().__init__(nlp, name, models=models)
        self._blend: BinaryLogit | None = None
        self._labels: tuple[str, ...] = ()
        self.settings: dict[str, Any] = {"threshold": 0.5, "max_labels": 3, "min_labels": 1, "max_tokens": 200, "parents": {}}
        self._lexicon: FieldsClassifier | None = None
        self._features: FieldFeatures | None = None

    @property
    def lexicon(self) -> FieldsClassifier:
        """The packaged lexicon, used only for Docs that `newsie_fields` did not score
        (the model reads the Doc, never another component)."""
        if self._lexicon is None:
            self._lexicon = FieldsClassifier.default()
        return self._lexicon

    def _configure(self, data: dict[str, Any], labels: tuple[str, ...]) -> None:
        data = dict(data)
        self._blend = BinaryLogit.from_dict(data.pop("blend"))
        self.settings = {**self.settings, **data}
        self._labels = labels

    @property
    def features(self) -> FieldFeatures:
        """The blend's feature builder for the labels and the ``parents`` setting (made on
        first use, and again when the model or the setting is replaced)."""
        built = self._features
        if built is None or built.parents is not self.settings["parents"] or built.labels != self._labels:
            built = self._features = FieldFeatures(self._labels, self.settings["parents"])
        return built

    def _settings(self) -> dict[str, Any]:
        assert self._blend is not None
        return {**self.settings, "blend": self._blend.to_dict()}

    def _process(self, docs: list[Doc]) -> None:
        todo = [doc for doc in docs if not meta_of(doc).fields_of_work and readable(doc)]
        if len(todo) < len(docs):
            _keep_given(docs, todo)
        if not todo:
            return
        max_tokens = int(self.settings["max_tokens"])
        scores = self.scorer.batch([model_ids(doc, max_tokens) for doc in todo])
        assert self._blend is not None
        blend = self._blend
        x = self.features(scores, [lexicon_view(doc, self.lexicon) for doc in todo], blend.features)
        for doc, picked in zip(todo, choose_batch(self._labels, blend.predict_proba(x), self.settings)):
            set_doc_value(doc, "newsie_fields", picked)
