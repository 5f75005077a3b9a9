"""`newsie_event_model`: a trained event-type classifier blended with the rules' evidence."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc

from ..blend import ConditionalLogit, event_features
from ..payloads import EventData, meta_of
from .events import EventExtractor
from .textcat_io import BowScorer, model_ids, models_root, read_model, write_model

SUBDIR = "event_type"
PIPE = "textcat"


def rule_view(doc: Doc, events: list[EventData] | None = None) -> dict[str, Any]:
    """What `newsie_events` found, as the blend reads it: main type, confidence per type,
    whether the main trigger is in the headline, whether no trigger was found at all."""
    events = (doc._.newsie_events or []) if events is None else events
    if not events:
        return {"main": "other", "confidence": {}, "in_title": False, "fallback": True}
    main = events[0]
    trigger = (main.trigger or "").lower()
    title = (meta_of(doc).title or "").lower()
    return {
        "main": main.type,
        "confidence": {e.type: float(e.confidence or 0.0) for e in events},
        "in_title": bool(trigger and trigger in title),
        "fallback": not trigger,
    }


class EventModel:
    """Re-type the main event with a text classifier blended with the rules' evidence.

    Reads ``doc._.newsie_events`` (written by `newsie_events`), scores every event type
    with the trained classifier (``textcat``, headline and lede), and blends both with a
    conditional logistic regression fitted by cross-validation (see `newsie.train`). The
    main event becomes the most probable type when the rules found no trigger or when it is
    more than ``margin`` more probable than the rules' type (rebuilt by `newsie_events`
    when it changes); every event's ``confidence`` becomes the blended probability of its type.
    """

    def __init__(self, nlp: Language, name: str = "newsie_event_model", *, models: str | None = None, margin: float | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.models = models
        self._pipeline: Language | None = None  # the classifier's own small pipeline
        self._textcat: TextCategorizer | None = None
        self._scorer: BowScorer | None = None
        self._blend: ConditionalLogit | None = None
        self.max_tokens = 200
        # The blend overrules the rules' type only when its own is this much more probable
        # (None: the value saved with the model, set by `newsie train`).
        self._margin_setting = margin
        self.margin = 0.0 if margin is None else margin

    def _load(self) -> tuple[TextCategorizer, ConditionalLogit]:
        if self._textcat is None or self._blend is None:
            self.from_disk(models_root(self.models) / SUBDIR)
        assert self._textcat is not None and self._blend is not None
        return self._textcat, self._blend

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        textcat, blend = self._load()
        assert self._scorer is not None
        index = {label: i for i, label in enumerate(textcat.labels)}
        order = [index[c] for c in blend.classes]
        for doc in docs:
            events: list[EventData] = doc._.newsie_events
            if events:
                p = self._scorer(model_ids(doc, self.max_tokens))[order]
                self._apply(doc, events, blend, blend.predict_proba(event_features(blend.classes, p, rule_view(doc, events))))
            yield doc

    def _apply(self, doc: Doc, events: list[EventData], blend: ConditionalLogit, probs: np.ndarray) -> None:
        prob = dict(zip(blend.classes, (float(v) for v in probs)))
        best = blend.classes[int(np.argmax(probs))]
        rule_type = events[0].type
        overrule = not events[0].trigger or prob[best] - prob.get(rule_type, 0.0) > self.margin
        if best != rule_type and overrule:
            events = [self._retype(doc, events[0], best), *(e for e in events if e.type != best)]
            doc._.newsie_events = events
        for e in events:  # the events of this Doc, made by `newsie_events` for it
            e.confidence = round(prob.get(e.type, 0.0), 3)

    def _retype(self, doc: Doc, main: EventData, etype: str) -> EventData:
        """The main event as `etype`, rebuilt by the events component when it is in the pipeline."""
        for _, proc in self.nlp.pipeline:
            if isinstance(proc, EventExtractor):
                return proc.retype(doc, etype, 0.0)
        return dataclasses.replace(main, type=etype, trigger=None)

    # -- serialization ---------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        _, blend = self._load()
        assert self._pipeline is not None
        write_model(Path(path), self._pipeline, {"max_tokens": self.max_tokens, "margin": self.margin, "blend": blend.to_dict()})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventModel:
        self._pipeline, self._textcat, data = read_model(Path(path), PIPE)
        self._scorer = BowScorer(self._textcat)
        self._blend = ConditionalLogit.from_dict(data["blend"])
        self.max_tokens = int(data.get("max_tokens", self.max_tokens))
        self.margin = float(data.get("margin", 0.0)) if self._margin_setting is None else self._margin_setting
        return self

