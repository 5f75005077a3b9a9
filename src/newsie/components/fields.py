"""`newsie_fields`: the OSCE fields of work a release concerns."""

import json
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from ..events.paragraphs import lede_chars
from ..extensions import set_doc_value, text_of
from ..fields import FIELDS_FILE, classifier_for
from ..payloads import body_text, meta_of
from ..resources import gazetteer_file
from .base import Data, GazetteerPipe

SCORES_KEY = "newsie_field_scores"
# The same evidence of the headline and lede alone, for a text of several paragraphs: what
# a trained model, which learned from ledes, blends with (scores and picks).
LEDE_SCORES_KEY = "newsie_field_scores_lede"


class FieldsTagger(GazetteerPipe):
    """Assign OSCE fields of work (``doc._.newsie_fields``) from the title, text and issuer.

    Labels come from the weighted phrase lexicon (the ``lexicon`` part, by default
    ``gazetteers/fields_of_work.json``); fields of work given by the page's own metadata
    (`ReleaseMeta.fields_of_work`) win.
    """

    PARTS: ClassVar[dict[str, str]] = {"lexicon": "json"}

    def __init__(self, nlp: Language, name: str = "newsie_fields") -> None:
        super().__init__(nlp, name)

    def default_data(self) -> Data:
        return {"lexicon": json.loads(gazetteer_file(FIELDS_FILE).read_text(encoding="utf-8"))}

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None, lexicon: dict[str, Any] | None = None) -> None:
        """Build from the given lexicon; the packaged one when None."""
        self._initialize_parts({"lexicon": lexicon})

    def _build(self) -> None:
        self.classifier = classifier_for(self.data["lexicon"])

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_ready()
        meta = meta_of(doc)
        if meta.fields_of_work:
            set_doc_value(doc, "newsie_fields", list(meta.fields_of_work))
            return doc
        body = body_text(doc)
        if not (meta.title or "").strip() and not body.strip():
            set_doc_value(doc, "newsie_fields", [])
            return doc
        scores, picked = self.classifier.scores_and_fields(meta.title, body, meta.issuer or None)
        doc.user_data[SCORES_KEY] = scores  # the evidence, for a trained model that follows
        end = lede_chars(doc)
        if end is not None:
            doc.user_data[LEDE_SCORES_KEY] = self.classifier.scores_and_fields(meta.title, text_of(doc)[meta.body_start : end], meta.issuer or None)
        set_doc_value(doc, "newsie_fields", picked)
        return doc
