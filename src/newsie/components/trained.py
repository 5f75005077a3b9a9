"""What newsie's trained components share: a text classifier and a blend read from a model folder."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc
from spacy.util import minibatch, raise_error

from ..exceptions import NewsieError
from .batching import ErrorHandler, in_batches
from .bow import BowScorer
from .textcat_io import UNREADABLE, model_from_bytes, model_to_bytes, models_root, read_model, unreadable, write_model


class TrainedPipe:
    """Base of `newsie_event_model` and `newsie_fields_model`.

    A subclass names its folder in the models root (``SUBDIR``) and its classifier
    (``PIPE``), reads the saved settings in `_configure`, gives what `to_disk` writes back
    in `_settings`, and processes a batch of Docs in `_process` (the classifier and the
    blend run once per batch: numpy's cost per call, not per Doc, dominates). The model is read on first use (or by
    `from_disk`); ``models`` is a folder made by `newsie train`, None for the packaged one.
    """

    SUBDIR: ClassVar[str]
    PIPE: ClassVar[str]
    predicts_in_batches: ClassVar[bool] = True  # `extract_many` hands it whole batches (its `pipe`)

    def __init__(self, nlp: Language, name: str, *, models: str | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.models = models
        self._files: dict[str, bytes] = {}
        self._scorer: BowScorer | None = None
        self._error_handler: ErrorHandler | None = None

    @property
    def scorer(self) -> BowScorer:
        """The classifier, reading `model_ids` of a Doc (the model is read on first use)."""
        if self._scorer is None:
            self.from_disk(models_root(self.models) / self.SUBDIR)
        assert self._scorer is not None
        return self._scorer

    def ensure_ready(self) -> None:
        """Read the model now rather than on the first Doc."""
        _ = self.scorer

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Read the model (``nlp.initialize()``); the classifier is trained by `newsie train`, not here."""
        self.ensure_ready()

    def __call__(self, doc: Doc) -> Doc:
        self._process([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            try:
                self._process(batch)
            except Exception:
                if self._error_handler is None:
                    raise
                # Doc by Doc, so that only the failing ones go to the handler (as `Pipe.pipe` does)
                yield from in_batches(self, batch, 1, self._error_handler, self.name, self)
                continue
            yield from batch

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """The handler of a Doc that fails (``nlp.set_error_handler``), as spaCy's `Pipe` takes it."""
        self._error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        """The error handler (spaCy's default raises)."""
        return self._error_handler or raise_error

    def _process(self, docs: list[Doc]) -> None:
        raise NotImplementedError

    def _configure(self, data: dict[str, Any], labels: tuple[str, ...]) -> None:
        """Take the settings saved beside the classifier (``blend.json``) and its labels."""
        raise NotImplementedError

    def _settings(self) -> dict[str, Any]:
        """The settings `to_disk` writes to ``blend.json``."""
        raise NotImplementedError

    # -- serialization ---------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        scorer = self.scorer
        write_model(Path(path), (scorer.textcat, self._files), self._settings())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TrainedPipe:
        textcat, self._files, data = read_model(Path(path), self.PIPE)
        try:
            self._take(textcat, data)
        except UNREADABLE as exc:  # settings or weights of another shape than `newsie train` writes
            raise unreadable(Path(path), exc) from exc
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The model as bytes (``nlp.to_bytes`` carries it, a model of ``models=DIR`` too)."""
        scorer = self.scorer
        return model_to_bytes(scorer.textcat, self._files, self._settings())

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> TrainedPipe:
        textcat, self._files, data = model_from_bytes(bytes_data, self.PIPE)
        try:
            self._take(textcat, data)
        except UNREADABLE as exc:
            raise NewsieError(f"not the bytes of a trained newsie model ({type(exc).__name__}: {exc})") from exc
        return self

    def _take(self, textcat: TextCategorizer, data: dict[str, Any]) -> None:
        self._configure(data, tuple(textcat.labels))
        self._scorer = BowScorer(textcat)
