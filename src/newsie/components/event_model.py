"""`newsie_event_model`: a trained event-type classifier blended with the rules' evidence."""
from __future__ import annotations

import warnings
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..blend import ConditionalLogit, event_features_batch, smoothed
from ..exceptions import MissingInputWarning
from .event_triggers import DECISION_KEY, EVIDENCE_KEY
from .textcat_io import model_ids, readable
from .trained import TrainedPipe

SUBDIR = "event_type"
PIPE = "textcat"
# The rules' view of a release without a sentence: no trigger, no event (what training reads).
NO_EVENT: dict[str, Any] = {"main": "other", "confidence": {}, "in_title": False, "fallback": True, "total": {}, "title": {}, "first": {}}


def rule_view(doc: Doc) -> dict[str, Any] | None:
    """What the rules found, as the blend reads it (`newsie_event_triggers`' evidence,
    see `TriggerScorer.summary`): main type, share per kept type (``confidence``), whether
    the main trigger is in the headline, whether no trigger was found, and the trigger
    scores of every type (``total``, ``title``, ``first`` sentence); None when the rules
    have not run or found no sentence (then there is no event to type)."""
    evidence = doc.user_data.get(EVIDENCE_KEY)
    if not evidence or not evidence.get("ranked"):
        return None
    # A full-length release: the evidence of its headline and lede, as in the ledes the
    # blend was fitted on (later paragraphs also tell of other things).
    lede: dict[str, Any] = evidence.get("lede", evidence)
    return lede


class EventModel(TrainedPipe):
    """Decide the main event type with a text classifier blended with the rules' evidence.

    Runs between `newsie_event_triggers` and `newsie_events`. Reads the evidence the
    triggers stage leaves in ``doc.user_data["newsie_event_evidence"]``, scores every
    event type with the trained classifier (``textcat``, headline and lede), and blends
    both with a conditional logistic regression fitted by cross-validation (see
    `newsie.train`). The main type is the most probable one when the rules found no
    trigger or when it is more than ``margin`` more probable than the rules' type, else
    the rules'. Writes the blended probability of every type to ``doc.cats`` and the
    decision (main type and probabilities) to ``doc.user_data["newsie_event_decision"]``,
    which `newsie_events` builds the events from (their ``confidence``).

    A Doc without a letter in its title or text (`readable`: "....", "12 34") is left with
    the rules' type. Without `newsie_event_triggers` before it there is nothing to blend: it leaves such a
    Doc as it is and warns once (`MissingInputWarning`); ``nlp.analyze_pipes()`` names
    what it lacks (``doc._.newsie_event_evidence``).
    """

    SUBDIR = SUBDIR
    PIPE = PIPE

    def __init__(self, nlp: Language, name: str = "newsie_event_model", *, models: str | None = None, margin: float | None = None) -> None:
        if margin is not None and (isinstance(margin, bool) or not isinstance(margin, (int, float)) or not 0.0 <= margin <= 1.0):
            raise ValueError(
                f"{name}: margin={margin!r}: give a number from 0 to 1 (how much more probable the model's type must be "
                "to overrule the rules'), or None for the margin saved with the model"
            )
        super().__init__(nlp, name, models=models)
        self._blend: ConditionalLogit | None = None
        self._order: list[int] = []
        self.max_tokens = 200
        # The blend overrules the rules' type only when its own is this much more probable
        # (None: the value saved with the model, set by `newsie train`).
        self._margin_setting = margin
        self.margin = 0.0 if margin is None else margin
        self.smoothing = 0.0  # the classifier's probabilities mixed with uniform (see `smoothed`)
        self._warned = False

    def _configure(self, data: dict[str, Any], labels: tuple[str, ...]) -> None:
        self._blend = ConditionalLogit.from_dict(data["blend"])
        self.max_tokens = int(data.get("max_tokens", self.max_tokens))
        self.margin = float(data.get("margin", 0.0)) if self._margin_setting is None else self._margin_setting
        self.smoothing = float(data.get("smoothing", 0.0))  # models saved before it: none
        index = {label: i for i, label in enumerate(labels)}
        self._order = [index[c] for c in self._blend.classes]

    def _settings(self) -> dict[str, Any]:
        assert self._blend is not None
        return {"max_tokens": self.max_tokens, "margin": self.margin, "smoothing": self.smoothing, "blend": self._blend.to_dict()}

    def _warn_unread(self) -> None:
        """Say once that a Doc came without the triggers' evidence (no newsie_event_triggers before this)."""
        self._warned = True
        warnings.warn(
            f"{self.name}: a Doc came without the trigger evidence the model blends with "
            f"(doc._.newsie_event_evidence) and is left as it is; add \"newsie_event_triggers\" before it: nlp.add_pipe(\"newsie_event_triggers\", before={self.name!r})",
            MissingInputWarning,
            stacklevel=3,
        )

    def _process(self, docs: list[Doc]) -> None:
        if not self._warned and any(EVIDENCE_KEY not in doc.user_data for doc in docs):
            self._warn_unread()
        todo = [(doc, view) for doc in docs if (view := rule_view(doc)) is not None and readable(doc)]
        if not todo:
            return
        scorer = self.scorer  # first: reading the model sets the blend
        blend = self._blend
        assert blend is not None
        scores = smoothed(scorer.batch([model_ids(doc, self.max_tokens) for doc, _ in todo])[:, self._order], self.smoothing)
        x = event_features_batch(blend.classes, scores, [view for _, view in todo], blend.features)
        for (doc, view), probs in zip(todo, blend.predict_proba(x).tolist()):
            prob = dict(zip(blend.classes, probs))
            best = blend.classes[probs.index(max(probs))]
            rule_type = view["main"]
            overrule = view["fallback"] or prob[best] - prob.get(rule_type, 0.0) > self.margin
            doc.cats.update(prob)
            doc.user_data[DECISION_KEY] = {"main": best if overrule else rule_type, "probs": prob}
