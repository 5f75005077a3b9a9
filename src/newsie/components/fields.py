"""`newsie_fields`: the OSCE fields of work a release concerns."""

import json
from bisect import bisect_left
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import set_doc_value, text_of
from ..fields import FIELDS_FILE, classifier_for, words_of
from ..payloads import meta_of
from ..resources import gazetteer_file
from ..tokens import cols
from ..zone_words import stretch_words
from .base import Data, GazetteerPipe

SCORES_KEY = "newsie_field_scores"


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
        text = text_of(doc)
        title, body_start = meta.title, meta.body_start
        body = text[body_start:]
        if not (title or "").strip() and not body.strip():
            set_doc_value(doc, "newsie_fields", [])
            return doc
        title_words, body_words = zone_words(doc, text, title, body_start)
        scores, picked = self.classifier.scores_and_fields_of_words(title_words, body_words, meta.issuer or None)
        doc.user_data[SCORES_KEY] = scores  # the evidence, for a trained model that follows
        set_doc_value(doc, "newsie_fields", picked)
        return doc


def zone_words(doc: Doc, text: str, title: str | None, body_start: int) -> tuple[list[str], list[str]]:
    """The normalized words (`words_of`) of the title and of the body (``text[body_start:]``),
    from the Doc's tokens where they give the same words (`newsie.zone_words`).

    A zone's tokens are those starting inside it; a token that crossed its edge would be
    white space (newsie's title and body are apart by white space), or else the zone's
    text is split itself.
    """
    c = cols(doc)
    n = len(c)
    start = bisect_left(c.idxs, body_start) if body_start else 0
    body_words = None
    if not body_start or (body_start <= len(text) and text[body_start - 1].isspace()):
        body_words = stretch_words(c, start, n)
    if body_words is None:
        body_words = words_of(text[body_start:])
    if not title:
        return [], body_words
    title_words = None
    end = len(title)
    if text.startswith(title) and (end == len(text) or text[end].isspace()):  # the title heads the Doc (as `make_doc` puts it)
        title_words = stretch_words(c, 0, bisect_left(c.idxs, end, 0, start))
    return (words_of(title) if title_words is None else title_words), body_words
