"""`newsie_fields`: the OSCE fields of work a release concerns."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import text_of
from ..fields import FieldsClassifier

SCORES_KEY = "newsie_field_scores"


class FieldsTagger:
    """Assign OSCE fields of work (``doc._.newsie_fields``) from the title, text and issuer.

    Labels come from the weighted phrase lexicon in ``gazetteers/fields_of_work.json``;
    fields of work given by the page's own metadata (``meta["fields_of_work"]``) win.
    """

    def __init__(self, nlp: Language, name: str = "newsie_fields", *, classifier: FieldsClassifier | None = None) -> None:
        self.name = name
        self._classifier = classifier

    @property
    def classifier(self) -> FieldsClassifier:
        if self._classifier is None:
            self._classifier = FieldsClassifier.default()
        return self._classifier

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.newsie_meta or {}
        given = meta.get("fields_of_work")
        if given:
            doc._.newsie_fields = list(given)
            return doc
        body = text_of(doc)[meta.get("body_start", 0) :]
        if not (meta.get("title") or "").strip() and not body.strip():
            doc._.newsie_fields = []
            return doc
        scores = self.classifier.scores(meta.get("title"), body, meta.get("issuer") or None)
        doc.user_data[SCORES_KEY] = scores  # the evidence, for a trained model that follows
        doc._.newsie_fields = self.classifier.pick(scores)
        return doc
