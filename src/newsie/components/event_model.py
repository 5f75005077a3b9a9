"""`newsie_event_model`: a trained event-type classifier blended with the rules' evidence."""
from __future__ import annotations

import dataclasses
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..blend import ConditionalLogit, event_features_batch
from ..payloads import EventData, meta_of
from .events import EVIDENCE_KEY, EventExtractor
from .textcat_io import model_ids
from .trained import TrainedPipe

SUBDIR = "event_type"
PIPE = "textcat"


def rule_view(doc: Doc, events: list[EventData] | None = None) -> dict[str, Any]:
    """What `newsie_events` found, as the blend reads it: main type, confidence per type,
    whether the main trigger is in the headline, whether no trigger was found at all, and
    the trigger scores of every type (``total``, ``title``, ``first`` sentence)."""
    events = (doc._.newsie_events or []) if events is None else events
    evidence = doc.user_data.get(EVIDENCE_KEY) or {}
    scores = {part: evidence.get(part) or {} for part in ("total", "title", "first")}  # read, not changed
    if not events:
        return {"main": "other", "confidence": {}, "in_title": False, "fallback": True, **scores}
    main = events[0]
    trigger = (main.trigger or "").lower()
    title = (meta_of(doc).title or "").lower()
    return {
        "main": main.type,
        "confidence": {e.type: float(e.confidence or 0.0) for e in events},
        "in_title": bool(trigger and trigger in title),
        "fallback": not trigger,
        **scores,
    }


class EventModel(TrainedPipe):
    """Re-type the main event with a text classifier blended with the rules' evidence.

    Reads ``doc._.newsie_events`` and the trigger scores `newsie_events` leaves in
    ``doc.user_data["newsie_event_evidence"]``, scores every event type with the trained
    classifier (``textcat``, headline and lede), and blends both with a conditional
    logistic regression fitted by cross-validation (see `newsie.train`). The main event
    becomes the most probable type when the rules found no trigger or when it is more
    than ``margin`` more probable than the rules' type; every event's ``confidence``
    becomes the blended probability of its type.
    """

    SUBDIR = SUBDIR
    PIPE = PIPE

    def __init__(self, nlp: Language, name: str = "newsie_event_model", *, models: str | None = None, margin: float | None = None) -> None:
        super().__init__(nlp, name, models=models)
        self._blend: ConditionalLogit | None = None
        self._order: list[int] = []
        self.max_tokens = 200
        # The blend overrules the rules' type only when its own is this much more probable
        # (None: the value saved with the model, set by `newsie train`).
        self._margin_setting = margin
        self.margin = 0.0 if margin is None else margin

    def _configure(self, data: dict[str, Any], labels: tuple[str, ...]) -> None:
        self._blend = ConditionalLogit.from_dict(data["blend"])
        self.max_tokens = int(data.get("max_tokens", self.max_tokens))
        self.margin = float(data.get("margin", 0.0)) if self._margin_setting is None else self._margin_setting
        index = {label: i for i, label in enumerate(labels)}
        self._order = [index[c] for c in self._blend.classes]

    def _settings(self) -> dict[str, Any]:
        assert self._blend is not None
        return {"max_tokens": self.max_tokens, "margin": self.margin, "blend": self._blend.to_dict()}

    def _process(self, docs: list[Doc]) -> None:
        todo = [(doc, events) for doc in docs if (events := doc._.newsie_events)]
        if not todo:
            return
        blend = self._blend
        scores = self.scorer.batch([model_ids(doc, self.max_tokens) for doc, _ in todo])[:, self._order]
        assert blend is not None
        x = event_features_batch(blend.classes, scores, [rule_view(doc, events) for doc, events in todo], blend.features)
        for (doc, events), probs in zip(todo, blend.predict_proba(x).tolist()):
            self._apply(doc, events, blend.classes, probs)

    def _apply(self, doc: Doc, events: list[EventData], classes: tuple[str, ...], probs: list[float]) -> None:
        prob = dict(zip(classes, probs))
        best = classes[probs.index(max(probs))]
        rule_type = events[0].type
        overrule = not events[0].trigger or prob[best] - prob.get(rule_type, 0.0) > self.margin
        if best != rule_type and overrule:
            events = [self._retype(doc, events, best), *(e for e in events if e.type != best)]
            doc._.newsie_events = events
        for e in events:  # the events of this Doc, made by `newsie_events` for it
            e.confidence = round(prob.get(e.type, 0.0), 3)

    def _retype(self, doc: Doc, events: list[EventData], etype: str) -> EventData:
        """The main event as `etype`: a secondary event of that type promoted, else rebuilt
        by the events component when it is in the pipeline."""
        for _, proc in self.nlp.pipeline:
            if isinstance(proc, EventExtractor):
                for e in events[1:]:
                    if e.type == etype:
                        return proc.promote(doc, e)
                return proc.retype(doc, etype, 0.0)
        return dataclasses.replace(events[0], type=etype, trigger=None)
