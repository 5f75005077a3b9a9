"""Making the Doc a release is read from: title + body, with its metadata on the Doc."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .components.contacts import contact_blocks
from .extensions import remember_text, set_doc_value
from .inputs import release_id
from .payloads import ReleaseMeta
from .sanitize import break_long_runs, has_long_run, long_run_warning

DEFAULT_MAX_LENGTH = 1_000_000
TITLE_SEP = "\n\n"


WRAPPED_LINE = 40  # a line at least this long that ends inside a sentence was wrapped (headings and contact lines are shorter)
# What a line ends with where a sentence ends: a line break after one is no wrap (`unwrapped`)
# and may end a paragraph (`newsie.events.paragraphs.lede_end`).
SENTENCE_ENDS = frozenset('.!?:;)]"\u201d\u2019\'')


def unwrapped(text: str) -> str:
    """`text` with each line break that wraps a paragraph's line read as a space (the same
    length, so offsets hold), in a text wrapped at a fixed width: a break after a line of
    `WRAPPED_LINE` characters or more that ends inside a sentence, before a line with text,
    when the text has two or more of them (one is more likely a lede cut short). spaCy
    makes every line break a token of its own, and a name broken across two lines ("the
    OSCE Mission\nto Skopje") is then no name to the matchers. Paragraph breaks, headings
    and contact lines are kept."""
    at = text.find("\n")
    if at < 0:
        return text
    wraps = []
    start = 0
    while at >= 0:
        line = text[start:at].rstrip(" \t\r")
        if len(line) >= WRAPPED_LINE and line[-1] not in SENTENCE_ENDS and text[at + 1 : at + 2].strip():
            wraps.append(at)
        start = at + 1
        at = text.find("\n", start)
    if len(wraps) < 2:
        return text
    blocks = contact_blocks(text)
    if blocks:
        # a contact block's lines are short fields on lines of their own ("NAME, Spokesperson
        # of the Chairpersonship" / "Ministry of Foreign Affairs" / "Tel.: ..."), never wrapped
        wraps = [at for at in wraps if not any(a <= at < b for a, b in blocks)]
        if len(wraps) < 2:
            return text
    chars = list(text)
    for at in wraps:
        chars[at] = " "
        if text[at - 1 : at] == "\r":
            chars[at - 1] = " "
    return "".join(chars)


def tokenize(nlp: Language, text: str) -> tuple[Doc, int]:
    """The Doc of `text`, linear in its length, and the number of long runs split.

    The tokens are read from `unwrapped` text (a wrapped line's break is a space), so
    ``doc.text`` may differ from `text` there, at the same offsets; `text_of` gives `text`.
    spaCy's tokenizer is quadratic on long runs without whitespace, so it reads a copy
    with those runs split (`break_long_runs`); the Doc is then rebuilt from its tokens
    with the original characters, each cut character a token of its own.
    """
    text = unwrapped(text)
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
    issuer: Iterable[str] | None = None,
    fields_of_work: Iterable[str] | None = None,
    warnings: Iterable[str] | None = None,
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
