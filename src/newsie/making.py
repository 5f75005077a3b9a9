"""Making the Doc a release is read from: title + body, with its metadata on the Doc."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import remember_text, set_doc_value
from .inputs import release_id
from .payloads import ReleaseMeta
from .sanitize import break_long_runs, has_long_run, long_run_warning

DEFAULT_MAX_LENGTH = 1_000_000
TITLE_SEP = "\n\n"


def tokenize(nlp: Language, text: str) -> tuple[Doc, int]:
    """The Doc of `text`, linear in its length, and the number of long runs split.

    spaCy's tokenizer is quadratic on long runs without whitespace, so it reads a copy
    with those runs split (`break_long_runs`); the Doc is then rebuilt from its tokens
    with the original characters, each cut character a token of its own, so
    ``doc.text == text`` always.
    """
    if not has_long_run(text):
        return nlp.make_doc(text), 0
    tokens_text, cuts, runs = break_long_runs(text)
    split = nlp.make_doc(tokens_text)
    cut_at = set(cuts)
    words: list[str] = []
    spaces: list[bool] = []
    for tok in split:
        end = tok.idx + len(tok.text)
        words.append(text[tok.idx : end])
        if tok.whitespace_ and end in cut_at:  # the space we put there: give back the character
            words.append(text[end])
            spaces.extend((False, False))
        else:
            spaces.append(bool(tok.whitespace_))
    return Doc(nlp.vocab, words=words, spaces=spaces), runs


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
    content_type: str | None = None,
) -> Doc:
    """Tokenize title + text into one Doc carrying the release's `ReleaseMeta`."""
    full = f"{title}{TITLE_SEP}{text}" if title else text
    if len(full) >= nlp.max_length:
        # Rule components are linear in the text length; spaCy's limit guards parsers.
        nlp.max_length = len(full) + 1
    doc, runs = tokenize(nlp, full)
    remember_text(doc, full)  # `tokenize` keeps every character: no need to join the tokens again
    notes = list(warnings or [])
    if runs:
        notes.append(long_run_warning(runs))
    if len(full) > DEFAULT_MAX_LENGTH:
        notes.append(f"long text ({len(full):,} characters): processed whole, beyond spaCy's default max_length")
    set_doc_value(doc, "newsie_meta", ReleaseMeta(
        id=doc_id or release_id(text, title, url),
        title=title,
        body_start=len(title) + len(TITLE_SEP) if title else 0,
        published=published,
        url=url,
        issuer=list(issuer or []),
        fields_of_work=list(fields_of_work or []),
        warnings=notes,
        content_type=content_type,
    ))
    return doc
