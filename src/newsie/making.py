"""Making the Doc a release is read from: title + body, with its metadata on the Doc."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .inputs import release_id
from .payloads import ReleaseMeta

DEFAULT_MAX_LENGTH = 1_000_000
TITLE_SEP = "\n\n"


def make_doc(
    nlp: Language,
    text: str,
    *,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    doc_id: str | None = None,
    issuer: list[str] | None = None,
    fields_of_work: list[str] | None = None,
    warnings: list[str] | None = None,
) -> Doc:
    """Tokenize title + text into one Doc carrying the release's `ReleaseMeta`."""
    full = f"{title}{TITLE_SEP}{text}" if title else text
    if len(full) >= nlp.max_length:
        # Rule components are linear in the text length; spaCy's limit guards parsers.
        nlp.max_length = len(full) + 1
    doc = nlp.make_doc(full)
    notes = list(warnings or [])
    if len(full) > DEFAULT_MAX_LENGTH:
        notes.append(f"long text ({len(full):,} characters): processed whole, beyond spaCy's default max_length")
    doc._.newsie_meta = ReleaseMeta(
        id=doc_id or release_id(text, title, url),
        title=title,
        body_start=len(title) + len(TITLE_SEP) if title else 0,
        published=published,
        url=url,
        issuer=list(issuer or []),
        fields_of_work=list(fields_of_work or []),
        warnings=notes,
    )
    return doc
