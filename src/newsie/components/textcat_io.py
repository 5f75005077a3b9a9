"""Shared plumbing of the trained components: model folders, text classifier calls."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IDX, IS_SPACE, LOWER
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc

from ..exceptions import NewsieError
from ..payloads import meta_of
from ..resources import model_path

TEXTCAT_DIR = "textcat"
IDS_KEY = "newsie_model_ids"
BLEND_FILE = "blend.json"


def models_root(models: str | Path | None) -> Path:
    """The folder of trained models: `models`, or the one that ships in the package."""
    return Path(models) if models is not None else Path(str(model_path("")))


def has_model(folder: Path) -> bool:
    """Whether `folder` holds one trained component (a text classifier and its blend)."""
    return (folder / TEXTCAT_DIR / "config.cfg").is_file() and (folder / BLEND_FILE).is_file()


def read_model(folder: Path, pipe: str) -> tuple[Language, TextCategorizer, dict[str, Any]]:
    """The classifier pipeline, its text classifier `pipe` and the blend settings saved in `folder`.

    Raises:
        NewsieError: when the folder holds no trained component.
    """
    if not has_model(folder):
        raise NewsieError(f"{folder} holds no trained newsie model (expected {TEXTCAT_DIR}/ and {BLEND_FILE}); build one with `newsie train`")
    nlp = spacy.load(folder / TEXTCAT_DIR)
    textcat = nlp.get_pipe(pipe)
    if not isinstance(textcat, TextCategorizer):
        raise NewsieError(f"{folder / TEXTCAT_DIR}: component {pipe!r} is not a text classifier")
    return nlp, textcat, json.loads((folder / BLEND_FILE).read_text(encoding="utf-8"))


def write_model(folder: Path, nlp: Language, blend: dict[str, Any]) -> None:
    """Save a text-classifier pipeline and its blend settings into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    # No vocab: bag-of-words features are hashes, and the strings would be the training texts' words.
    nlp.to_disk(folder / TEXTCAT_DIR, exclude=["vocab"])
    (folder / BLEND_FILE).write_text(json.dumps(blend, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


class TokenIds:
    """The token hashes a bag-of-words classifier reads, standing in for a Doc: no second Doc
    is built per release (spaCy's bag-of-words layer only calls ``len`` and ``to_array``)."""

    def __init__(self, ids: np.ndarray) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def to_array(self, attrs: Any) -> np.ndarray:
        return self.ids  # one attribute: Doc.to_array gives a 1-d array too


def model_ids(doc: Doc, max_tokens: int) -> np.ndarray:
    """What the classifiers read, as lowercase-token hashes: the headline twice (it says
    most) and the lede (the first `max_tokens` tokens of headline + text); no whitespace.
    Computed once per Doc and setting (both trained components read the same)."""
    cached = doc.user_data.get(IDS_KEY)
    if cached is not None and cached[0] == max_tokens and cached[1] == len(doc):
        return cached[2]
    if not len(doc):
        return np.zeros(0, dtype=np.uint64)
    arr = doc.to_array([LOWER, IS_SPACE, IDX])
    words = arr[:, 1] == 0
    title = arr[words & (arr[:, 2] < meta_of(doc).title_len), 0]
    head = arr[:max_tokens]
    ids = np.concatenate([title, head[head[:, 1] == 0, 0]]).astype(np.uint64)
    doc.user_data[IDS_KEY] = (max_tokens, len(doc), ids)
    return ids


def model_words(doc: Doc, ids: np.ndarray) -> list[str]:
    """The strings of `model_ids` (a training Doc built from them has the same hashes)."""
    return [doc.vocab.strings[int(i)] for i in ids]


def predict(textcat: TextCategorizer, inputs: Iterable[np.ndarray]) -> np.ndarray:
    """Class probabilities of each input (from `model_ids`), shape (inputs, labels), in ``textcat.labels`` order."""
    docs = [TokenIds(ids) for ids in inputs]
    if not docs:
        return np.zeros((0, len(textcat.labels)))
    return np.asarray(textcat.model.ops.to_numpy(textcat.predict(docs)), dtype=float)  # type: ignore[arg-type]


class BowScorer:
    """`predict` for one release at a time without thinc's per-call layer overhead: the
    n-gram keys are counted here and handed straight to the classifier's sparse linear
    layer, then softmax (one label) or logistic (multi-label), as spaCy's bag-of-words
    model does. Other architectures go through `predict`."""

    def __init__(self, textcat: TextCategorizer) -> None:
        self.textcat = textcat
        model = textcat.model
        layers = {layer.name: layer for layer in model.walk()}
        self.linear = model.get_ref("output_layer") if model.has_ref("output_layer") else None
        self.ngrams = int(layers["extract_ngrams"].attrs["ngram_size"]) if "extract_ngrams" in layers else 0
        self.multi_label = bool(model.attrs.get("multi_label"))
        self.direct = self.linear is not None and self.ngrams > 0 and ("softmax_activation" in layers or "logistic" in layers)

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        """Class probabilities of one input, in ``textcat.labels`` order."""
        if not self.direct or not len(ids):
            return predict(self.textcat, [ids])[0]
        ops = self.textcat.model.ops
        grams: list[Any] = [ids, *(ops.ngrams(n, ids) for n in range(2, self.ngrams + 1))]  # type: ignore[arg-type]
        keys, counts = np.unique(np.concatenate(grams), return_counts=True)
        assert self.linear is not None
        scores = self.linear.predict((keys, counts.astype("f"), np.asarray([len(keys)], dtype="int32")))[0]
        scores = np.asarray(scores, dtype=float)
        if self.multi_label:
            return np.asarray(1.0 / (1.0 + np.exp(-scores)))
        e = np.exp(scores - scores.max())
        return np.asarray(e / e.sum())
