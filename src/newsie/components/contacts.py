"""Contact blocks at the end of a release: "For more information, please contact: NAME ...".

Pure helpers for `newsie_officials`: the people a contact block names are officials of the
issuing body, printed on their own line ("Mirjana Stankovska, Press Officer" or a name
line followed by a title line and an organization line).
"""
from __future__ import annotations

import re
from collections.abc import Container

from ..casing import lowered_like_ignorecase

_LABEL = re.compile(
    r"^[ \t]*(?:for (?:more|further|additional) information[^\n]{0,40}?|(?:media|press|public)?[ \t]*contacts?(?: persons?| details)?|please contact)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_NAME = re.compile(r"(?P<name>[A-ZÀ-ÝŠŽČĆĐ][\w’'\-]+(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?[A-ZÀ-ÝŠŽČĆĐ][\w’'\-]+){1,3})(?=[ \t]*(?:,|$|\n|\(|–|-))")


_BLOCK_REACH = 600  # characters after a label that its contact lines may fill (as `contact_names` reads)


def contact_blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges of the contact blocks: from a label ("For further information,
    contact:") over the lines after it, where a line opens with a contact's name (a
    scraped page's "Contacts" menu line before the text names no one: no block)."""
    return [(label.start(), min(len(text), label.end() + _BLOCK_REACH)) for label in _labels(text) if _names_after(text, label.end())]


def contact_names(text: str) -> list[tuple[int, int]]:
    """Character spans of the names that open the lines of each contact block."""
    out: list[tuple[int, int]] = []
    for label in _labels(text):
        out += _names_after(text, label.end())
    return out


def _names_after(text: str, pos: int) -> list[tuple[int, int]]:
    """The names that open the first six lines after a contact label ending at `pos`."""
    out: list[tuple[int, int]] = []
    lines = 0
    for m in re.finditer(r"[^\n]+", text[pos : pos + _BLOCK_REACH]):
        line = m.group(0)
        if not line.strip():
            continue
        lines += 1
        if lines > 6:
            break
        name = _NAME.match(line.strip())
        if name and not _looks_like_body(line):
            start = pos + m.start() + (len(line) - len(line.lstrip()))
            out.append((start + name.start("name"), start + name.end("name")))
    return out


_TITLE_AFTER = re.compile(r"[ \t]*(?:,|–|—|-)[ \t]*(?P<title>[^,\n]{2,90}?)[ \t]*(?:,|$|\n)")
_WORD = re.compile(r"[\w’'\-]+")


def contact_title(text: str, name_end: int, title_words: frozenset[str], body_heads: Container[str] = ()) -> tuple[int, int] | None:
    """The character span of a contact's title: the rest of the name's line after a comma
    or dash ("NAME, Senior Public Information Officer"), else the next line alone
    ("NAME" over "Spokesperson"), when it holds a title word and no digit or e-mail; a
    line that opens with a body's head word (`body_heads`: "Office of the Representative
    on ...") or "OSCE" is the body's, not a title."""
    m = _TITLE_AFTER.match(text, name_end)
    if m is not None and _is_title(m.group("title"), title_words):
        return m.start("title"), m.end("title")
    if text.startswith("\n", name_end) or text.startswith("\r\n", name_end):
        start = text.index("\n", name_end) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        first = line.split(None, 1)[0] if line.strip() else ""
        if line.strip() and _is_title(line, title_words) and "," not in line and first not in body_heads and first != "OSCE":
            lead = len(line) - len(line.lstrip())
            return start + lead, start + len(line.rstrip())
    return None


def _is_title(phrase: str, title_words: frozenset[str]) -> bool:
    s = phrase.strip()
    return 0 < len(s) <= 90 and not any(c.isdigit() for c in s) and "@" not in s and any(w in title_words for w in _WORD.findall(s))


def may_name_contacts(text: str, lowered_words: list[str]) -> bool:
    """False only where `contact_names(text)` finds nothing, read from `lowered_words`: the
    lowercase forms of the words `text` is made of (a Doc's tokens: every run of
    characters without a space of ``text.lower()`` is in their concatenation). Every label
    holds "contact" or "information" (under IGNORECASE, where "ı" and "İ" also match "i":
    with those the text is read itself)."""
    if "\u0130" in text or "\u0131" in text:
        return True
    joined = "".join(lowered_words)
    return "contact" in joined or "information" in joined


def _may_hold_label(text: str) -> bool:
    """False only where `_LABEL` cannot match: every label holds "contact" or "information"."""
    low = text.lower()
    return not lowered_like_ignorecase(text, low) or "contact" in low or "information" in low


def _labels(text: str) -> list[re.Match[str]]:
    """``_LABEL.finditer(text)``, tried only at the starts of the lines that hold "contact" or
    "information" (every label does, and a label is a whole line)."""
    low = text.lower()
    if not lowered_like_ignorecase(text, low):
        return list(_LABEL.finditer(text))  # offsets in `low` may differ: scan every line
    if "contact" not in low and "information" not in low:
        return []  # (most texts)
    starts: set[int] = set()
    for word in _LABEL_WORDS:
        i = low.find(word)
        while i >= 0:
            starts.add(low.rfind("\n", 0, i) + 1)
            i = low.find(word, i + 1)
    out = []
    for start in sorted(starts):
        m = _LABEL.match(text, start)
        if m is not None:
            out.append(m)
    return out


_LABEL_WORDS = ("contact", "information")


def _looks_like_body(line: str) -> bool:
    """A sentence, an address or a phone line, not a name line. What follows the first
    comma may hold a phone number or an e-mail ("Ana Novak, ODIHR: +48 609 522 266")."""
    s = line.strip()
    return len(s) > 120 or bool(re.search(r"[@+]|\d{3}|\bwww\.|https?:", s.split(",", 1)[0]))
