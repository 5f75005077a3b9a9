"""Shared plumbing of the trained components: model folders, what the classifiers read, spaCy's own predict."""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import srsly
from spacy.language import Language
from spacy.pipeline import MultiLabel_TextCategorizer, TextCategorizer
from spacy.tokens import Doc
from spacy.util import load_config, registry
from spacy.vocab import Vocab
from thinc.api import Config

from ..events.paragraphs import lede_end
from ..exceptions import NewsieError
from ..extensions import text_of
from ..payloads import meta_of
from ..resources import model_path
from ..tokens import cols

TEXTCAT_DIR = "textcat"
IDS_KEY = "newsie_model_ids"
BLEND_FILE = "blend.json"
_CLASSES: dict[str, type[TextCategorizer]] = {"textcat": TextCategorizer, "textcat_multilabel": MultiLabel_TextCategorizer}


def models_root(models: str | Path | None) -> Path:
    """The folder of trained models: `models`, or the one that ships in the package."""
    return Path(models) if models is not None else Path(str(model_path("")))


def has_model(folder: Path) -> bool:
    """Whether `folder` holds one trained component (a text classifier and its blend)."""
    return (folder / TEXTCAT_DIR / "config.cfg").is_file() and (folder / BLEND_FILE).is_file()


def read_model(folder: Path, pipe: str) -> tuple[TextCategorizer, dict[str, bytes], dict[str, Any]]:
    """The text classifier `pipe` saved in `folder`, the pipeline files around it, and the
    blend settings. The classifier is built from its config and weights alone: no Language
    (no tokenizer, no vocabulary) is created, which keeps loading cheap.

    Raises:
        NewsieError: when the folder holds no trained component, or files that cannot be
            read as one (missing, truncated, written by something else).
    """
    if not has_model(folder):
        raise NewsieError(f"{folder} holds no trained newsie model (expected {TEXTCAT_DIR}/ and {BLEND_FILE}); build one with `newsie train`")
    root = folder / TEXTCAT_DIR
    try:
        textcat = _textcat(load_config(root / "config.cfg", interpolate=True), pipe, root)
        textcat.from_disk(root / pipe, exclude=["vocab"])
        files = {f.name: f.read_bytes() for f in root.iterdir() if f.is_file()}  # config.cfg, meta.json, tokenizer
        blend = json.loads((folder / BLEND_FILE).read_text(encoding="utf-8"))
    except NewsieError:
        raise
    except UNREADABLE as exc:  # a missing, truncated or foreign file: spaCy, srsly and json raise their own
        raise unreadable(folder, exc) from exc
    if not isinstance(blend, dict):
        raise NewsieError(f"{folder / BLEND_FILE}: not the settings of a trained newsie model (a JSON object); train it again with `newsie train`")
    return textcat, files, blend


def _textcat(config: Config, pipe: str, where: Path | str) -> TextCategorizer:
    """The text classifier `pipe` of a pipeline config, built without its weights."""
    spec = config["components"].get(pipe)
    if spec is None or spec.get("factory") not in _CLASSES:
        raise NewsieError(f"{where}: component {pipe!r} is not a text classifier")
    parts = registry.resolve({"model": spec["model"], "scorer": spec.get("scorer") or {"@scorers": "spacy.textcat_scorer.v2"}})
    return _CLASSES[spec["factory"]](Vocab(), parts["model"], pipe, threshold=float(spec.get("threshold", 0.5)), scorer=parts["scorer"])


def model_to_bytes(textcat: TextCategorizer, files: dict[str, bytes], blend: dict[str, Any]) -> bytes:
    """A trained component as bytes: what `write_model` writes to a folder, in one msgpack message."""
    return bytes(srsly.msgpack_dumps({"files": files, "textcat": textcat.to_bytes(exclude=["vocab"]), "blend": blend}))


def model_from_bytes(data: bytes, pipe: str) -> tuple[TextCategorizer, dict[str, bytes], dict[str, Any]]:
    """What `read_model` gives, from `model_to_bytes`'s message.

    Raises:
        NewsieError: the bytes are not a trained newsie model.
    """
    try:
        msg = srsly.msgpack_loads(data)
        files = {str(k): bytes(v) for k, v in msg["files"].items()}
        textcat = _textcat(Config().from_str(files["config.cfg"].decode("utf-8"), interpolate=True), pipe, "bytes")
        textcat.from_bytes(msg["textcat"], exclude=["vocab"])
        blend = dict(msg["blend"])
    except NewsieError:
        raise
    except UNREADABLE as exc:
        raise NewsieError(f"not the bytes of a trained newsie model ({type(exc).__name__}: {exc})") from exc
    return textcat, files, blend


# What reading a damaged model folder raises: OSError (a missing file), ValueError (json,
# srsly's msgpack, confection and catalogue for a config naming nothing known, numpy for
# weights of another shape), KeyError and TypeError (settings of another shape). Anything
# else is a bug in newsie and goes through as it is.
UNREADABLE: tuple[type[Exception], ...] = (OSError, ValueError, KeyError, TypeError, IndexError)


def unreadable(folder: Path, exc: BaseException) -> NewsieError:
    """The error for a model folder whose files cannot be read as a trained model."""
    return NewsieError(f"{folder}: the trained model cannot be read ({type(exc).__name__}: {exc}); train it again with `newsie train GOLD --output DIR`")


def write_model(folder: Path, nlp: Language | tuple[TextCategorizer, dict[str, bytes]], blend: dict[str, Any]) -> None:
    """Save a text classifier and its blend settings into `folder`: a whole pipeline (as
    trained), or a classifier with the pipeline files it was read with (`read_model`).
    Either way ``folder/textcat`` is a pipeline `spacy.load` reads."""
    folder.mkdir(parents=True, exist_ok=True)
    root = folder / TEXTCAT_DIR
    if isinstance(nlp, Language):
        # No vocab: bag-of-words features are hashes, and the strings would be the training texts' words.
        nlp.to_disk(root, exclude=["vocab"])
    else:
        textcat, files = nlp
        root.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (root / name).write_bytes(data)
        textcat.to_disk(root / textcat.name, exclude=["vocab"])
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


_LETTER = re.compile(r"[^\W\d_]")


def readable(doc: Doc) -> bool:
    """Whether the classifiers have words to read: a letter (of any script) in the title or
    text. A text of dots, digits or symbols alone ("....", "12 34") is no release, and the
    classifiers, which learned from words, would still give their most probable type and
    field: such a Doc keeps what the rules give (see `newsie_event_model`, `newsie_fields_model`)."""
    return _LETTER.search(text_of(doc)) is not None


def model_ids(doc: Doc, max_tokens: int) -> np.ndarray:
    """What the classifiers read, as lowercase-token hashes: the headline twice (it says
    most) and the lede (headline + text up to the end of the lede, at most `max_tokens`
    tokens); no whitespace. The lede is the text's first paragraph (`lede_end`): the
    classifiers are trained on ledes, and a full-length release's later paragraphs (quotes,
    background, other events) are not what they learned from.
    Computed once per Doc and setting (both trained components read the same), from the
    Doc's token columns (`newsie.tokens.cols`: each word's lowercase hash is read once per
    vocabulary word)."""
    cached = doc.user_data.get(IDS_KEY)
    if cached is not None and cached[0] == max_tokens and cached[1] == len(doc):
        return cached[2]
    if not len(doc):
        return np.zeros(0, dtype=np.uint64)
    columns = cols(doc)
    meta = meta_of(doc)
    k = bisect_left(columns.idxs, meta.title_len)  # the headline's tokens come first
    hashes = columns.lower_ids
    end = min(max_tokens, lede_end(columns, meta.body_start))
    # each hash as its eight bytes (whitespace: none), joined: no Python int per token
    out = np.frombuffer(b"".join(hashes[:k]) + b"".join(hashes[:end]), dtype=np.uint64)
    doc.user_data[IDS_KEY] = (max_tokens, len(doc), out)
    return out


def model_words(doc: Doc, ids: np.ndarray) -> list[str]:
    """The strings of `model_ids` (a training Doc built from them has the same hashes)."""
    return [doc.vocab.strings[int(i)] for i in ids]


def predict(textcat: TextCategorizer, inputs: Iterable[np.ndarray]) -> np.ndarray:
    """Class probabilities of each input (from `model_ids`), shape (inputs, labels), in ``textcat.labels`` order."""
    docs = [TokenIds(ids) for ids in inputs]
    if not docs:
        return np.zeros((0, len(textcat.labels)))
    return np.asarray(textcat.model.ops.to_numpy(textcat.predict(docs)), dtype=float)  # type: ignore[arg-type]
