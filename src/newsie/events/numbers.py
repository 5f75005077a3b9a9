"""Counting participants: "More than 20 representatives", "Twelve national participants"."""
from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from typing import Any, Final

from mypy_extensions import mypyc_attr

from ..casing import lowered_like_ignorecase
from ..kb.numbers import number_alternation, words_to_int


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of lowercase `words` shaped as a trie (one branch per next
    letter): with IGNORECASE, re tries every branch of a flat alternation in turn."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return render(tree)


_NUMBER_WORDS: Final = frozenset([*number_alternation().split("|"), "a", "and"])
_WORD: Final = _trie(_NUMBER_WORDS)
# A chunk (text between whitespace) that may end a number: a digit or a number word last.
_NUMBER_ENDS: Final = tuple(sorted(_NUMBER_WORDS))
# Whitespace chunks read back from a noun (a longer prefix is kept whole, as the first
# chunk): more than the seven a number may end in, so that first chunk is never one of them.
_LOOKBACK: Final = 10
_LOWERCASE: Final = frozenset(string.ascii_lowercase)  # what a word between a number and its noun starts with
_NUMBER: Final = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{_WORD})(?:[\s-]+(?:{_WORD}))*))"
_WORD_RUN: Final = re.compile(r"\w+")
# ASCII bytes: word characters (\w) kept, every other byte a space
_WORD_BYTES: Final = bytes(b if chr(b).isalnum() or b == 0x5F else 0x20 for b in range(128)) + b" " * 128
_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_QUALIFIER: Final = r"(?:(?:more than|over|some|about|around|nearly|almost|up to|at least|approximately|a total of|roughly|close to|in total,?)\s+)?"


_FILLERS: Final = r"(?:(?:all|the|its|their|his|her|these|those|another|further|a|an)\s+){0,2}"
_BEEN: Final = r"(?:were|was|are|is|(?:have|has|had)\s+(?:\w+\s+)?been|remain|remained|being)"  # ("have already been")
_BETWEEN_WORD: Final = re.compile(r"[^\W\d_][\w’'-]*")
# "of" or "from" right before a count (or its qualifier), and the lowercase words that may
# go on its noun phrase after the matched noun ("16 civil | society organizations")
_GROUPS_AFTER: Final = re.compile(r"\b(?:of|from)\s+$")
_PHRASE_TAIL: Final = re.compile(r"(?:\s+[a-z][\w’'-]*){0,3}")
_PHRASE_ENDS: Final = frozenset({"and", "or", "who", "which", "that", "were", "was", "are", "attended", "took", "participated", "completed"})


# compiled (hatch_build.py), it pickles; mypyc runs __init__ of a serializable class only with the first flag
@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)
class ParticipantCounter:
    """Find the number of people who took part, from a number followed by a people noun.

    A number right after a word of `not_after` names something ("Resolution 1325 on
    Women, Peace and Security"); one followed by a unit of `units` before its noun measures
    something ("five days, 30 officers": not 5); one with a word of `not_between` before its
    noun counts something else ("three courses for police officers", "14 October, the Border Police");
    people counted right after a victim cue ("the detention of six journalists", "killed
    at least 50 people") or before a victim verb ("two journalists were sentenced", "56
    journalists killed") suffered the event: none is a count of participants. Nor is a
    number after "of" or "from" whose noun phrase holds a word of `group_nouns`
    ("representatives of 16 civil society organizations": groups, not people), nor one of
    a possessive people noun followed by such a word ("seven journalists' associations").
    """

    def __init__(
        self,
        nouns: Iterable[str],
        *,
        not_after: Iterable[str] = (),
        not_between: Iterable[str] = (),
        units: Iterable[str] = (),
        victim_cues: Iterable[str] = (),
        victim_verbs: Iterable[str] = (),
        group_nouns: Iterable[str] = (),
    ) -> None:
        self._not_after = frozenset(w.lower() for w in not_after)
        self._groups = frozenset(w.lower() for w in group_nouns)
        unit_alt = "|".join(sorted({re.escape(u.lower()) for u in units}, key=len, reverse=True))
        # a unit anywhere between the number and the noun, as a whole word ("days", "per cent", "%")
        self._units = re.compile(rf"\b(?:{unit_alt})\b") if unit_alt else None
        self._not_between = frozenset(w.lower() for w in not_between)
        cues = sorted({c.lower() for c in victim_cues}, key=len, reverse=True)
        self._victim_before = re.compile(rf"\b(?:{'|'.join(map(re.escape, cues))})\s+{_FILLERS}$") if cues else None
        verbs = sorted({v.lower() for v in victim_verbs}, key=len, reverse=True)
        verb_alt = "|".join(map(re.escape, verbs))
        # The verb right after the noun ("56 journalists killed") or after "were" a few words on.
        # (Not across "who", "whose", "of" or "and": "40 journalists and relatives of reporters
        # who have been murdered" counts the journalists.)
        self._victim_after = re.compile(
            rf"(?:\s+(?:{verb_alt})\b|(?:(?!\b(?:who|whose|of|and)\b)[^.;:]){{0,40}}?\b{_BEEN}\s+(?:\w+\s+)?(?:{verb_alt})\b)"
        ) if verbs else None
        nouns = set(nouns)
        # A count ends in one of the nouns, a whole word: a sentence without any has none.
        self._nouns = frozenset(n.lower() for n in nouns) if nouns and all(n.isascii() and n.isalnum() for n in nouns) else None
        self._noun_bytes = frozenset(n.encode("ascii") for n in self._nouns or ())
        # Whole words (\b after each): a trie matches the same nouns as the flat alternation.
        noun_alt = _trie({n.lower() for n in nouns}) if self._nouns is not None else "|".join(sorted((re.escape(n) for n in set(nouns)), key=len, reverse=True))
        pattern = rf"(?<![\w.,/-]){_QUALIFIER}(?P<n>{_NUMBER})\s+(?:[A-Za-z][\w’'-]*,?\s+){{0,6}}?(?P<noun>{noun_alt})\b"
        self._rx = re.compile(pattern, re.IGNORECASE)
        # The same pattern, case-sensitive, for lowercased text: re skips a failing
        # alternative on its first letter only without IGNORECASE, about twice as fast.
        self._rx_lower = re.compile(pattern) if noun_alt == noun_alt.lower() else None
        # Whether `_window` can bound the search: nouns that are whole ASCII words, matched on lowercased text.
        self._windowed = self._nouns is not None and self._rx_lower is not None

    def count(self, sentence: str, low: str | None = None) -> tuple[int, str] | None:
        """The first participant count in a sentence, with the matched text (`low`: the
        sentence lowercased, when at hand)."""
        if low is None:
            low = sentence.lower()
        plain = lowered_like_ignorecase(sentence, low)
        if plain and self._windowed and self._rx_lower is not None:
            window = self._window(low)
            if window is None:
                return None
            matches = _searches(self._rx_lower, low, *window)
        elif self._nouns is not None and plain and self._nouns.isdisjoint(_WORD_RUN.findall(low)):
            return None
        else:
            matches = _searches(self._rx_lower, low, 0, len(low)) if plain and self._rx_lower is not None else _searches(self._rx, sentence, 0, len(sentence))
        for m in matches:
            raw = sentence[m.start("n") : m.end("n")]
            if _YEAR.fullmatch(raw):
                continue
            after = sentence[m.end("n") : m.end("n") + 1]
            if after == "-":
                continue
            n = words_to_int(raw)
            if n is None or n < 2 or n > 100000:
                continue
            between = sentence[m.end("n") : m.start("noun")].lower()
            if (self._units is not None and self._units.search(between)) or self._not_counted(sentence, m.start(), m.start("n"), m.end()):
                continue
            if self._not_between and not self._not_between.isdisjoint(_BETWEEN_WORD.findall(between)):
                continue
            return n, sentence[m.start() : m.end()]
        return None

    def _not_counted(self, sentence: str, start: int, number: int, end: int) -> bool:
        """Whether the count matched at `start`..`end` (its number at `number`) names
        something or counts victims (see the class docstring)."""
        before = sentence[max(0, number - 40) : number].lower().split()
        if before and before[-1].strip("()[],") in self._not_after:
            return True
        victim = self._victim_before
        # (Before the number too: a qualifier may end a cue, "concern over two journalists".)
        if victim is not None and (victim.search(sentence[max(0, start - 60) : start].lower()) or (number > start and victim.search(sentence[max(0, number - 60) : number].lower()))):
            return True
        if self._groups and (
            (_GROUPS_AFTER.search(sentence[max(0, start - 6) : start].lower()) and self._counts_groups(sentence, number, end))
            or (sentence[end : end + 1] in ("'", "’") and self._possessed_groups(sentence, end + 1))
        ):
            return True  # "representatives of 16 organizations"; "seven journalists' and media associations"
        return self._victim_after is not None and self._victim_after.match(sentence[end : end + 80].lower()) is not None

    def _possessed_groups(self, sentence: str, at: int) -> bool:
        """Whether the words right after a possessive people noun (at `at`, after its
        apostrophe) name groups: "journalists' | and media associations"."""
        tail = _PHRASE_TAIL.match(sentence, at)
        for word in tail.group().lower().split() if tail else ():
            if word in self._groups:
                return True
            if word in self._not_between and word not in ("and", "or"):
                break
        return False

    def _counts_groups(self, sentence: str, number: int, end: int) -> bool:
        """Whether the noun phrase of the number at `number` (to the matched noun at `end`
        and the words right after it) names groups (`group_nouns`)."""
        tail = _PHRASE_TAIL.match(sentence, end)
        phrase = sentence[number:end].lower().split()[1:]
        words = tail.group().split() if tail else []
        plural = sentence[end - 1 : end] in ("s", "S")  # the people noun heads its phrase ("students", not "media")
        for j, word in enumerate(words):
            if word in self._not_between or word in _PHRASE_ENDS:
                break  # "20 judges | from five countries"
            if word.endswith(("ing", "ed")) and (plural or not (j + 1 < len(words) and words[j + 1] in self._groups)):
                break  # "20 students | representing schools"; not "8 media monitoring organizations"
            phrase.append(word)
        return not self._groups.isdisjoint(w.strip("’'") for w in phrase)

    def _window(self, low: str) -> tuple[int, int] | None:
        """The part of lowercased text every match of the count pattern lies in, as
        ``(pos, endpos)``; None when the pattern cannot match. A match ends at a whole
        noun after whitespace and starts at most three chunks (a qualifier) before a
        number whose last chunk is at most six words before that noun: the pattern then
        runs on that part only, finding the same matches as on the whole text."""
        assert self._nouns is not None
        # The nouns that stand as a whole word somewhere (C passes: each character outside
        # ASCII a "?", every non-word byte a space, split): a match's noun is such a word,
        # after white space and before a non-word character, which become spaces here.
        words = low.encode("ascii", "replace").translate(_WORD_BYTES).split()
        pos: int | None = None
        endpos = 0
        for word in self._noun_bytes.intersection(words):
            noun = word.decode("ascii")
            # Each place the noun stands after white space as a whole word (``\s`` noun ``\b``).
            size = len(noun)
            at = low.find(noun, 1)
            while at >= 0:
                end = at + size
                if low[at - 1].isspace() and (end == len(low) or not _word_char(low[end])):
                    start = _earliest_start(low, at)
                    if start is not None:
                        pos = start if pos is None else min(pos, start)
                        endpos = max(endpos, end)
                at = low.find(noun, at + 1)
        return None if pos is None else (pos, endpos)


def _searches(rx: re.Pattern[str], text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """The matches of `rx` in text[pos:endpos], each searched for from the end of the last
    one's number (not of its noun): a count the caller rejects ("A team of four experts"
    read from "A") leaves the next number inside it ("four experts") to be read."""
    while True:
        m = rx.search(text, pos, endpos)
        if m is None:
            return
        yield m
        pos = m.end("n")


def _earliest_start(low: str, noun: int) -> int | None:
    """The earliest offset where a count ending in the noun at `noun` can start (None:
    no number can come before it), read back over the whitespace chunks before it."""
    before = low[:noun]
    chunks = before.rsplit(None, _LOOKBACK)
    last = len(chunks) - 1
    best = -1
    words = _NUMBER_WORDS
    for k in range(last, max(last - 7, -1), -1):  # the chunk ending the number: 0 to 6 words before the noun
        chunk = chunks[k]
        # its own tail (no "-"): a number ends in an alphabetic chunk only as a number word
        if chunk in words if chunk.isalpha() else _ends_number(chunk):
            i = k
            while i > 0 and _numeric(chunks[i - 1]):
                i -= 1
            best = max(0, i - 3)  # the number's first chunk, or a qualifier of up to three (0: maybe in the rest)
        if chunk[0] not in _LOWERCASE:
            break  # a word between the number and the noun starts with a letter
    if best < 0:
        return None
    if best == 0:
        return 0
    return len(before.rsplit(None, last + 1 - best)[0])


def _word_char(c: str) -> bool:
    """Whether `c` is a word character for ``re`` (``\\w`` of a str pattern): alphanumeric or "_"."""
    return c.isalnum() or c == "_"


def _ends_number(chunk: str) -> bool:
    """Whether a chunk that is not all letters may end a number: its part after a "-"
    is a number word, or not all letters and ends in a digit or a number word."""
    tail = chunk.rpartition("-")[2]
    return tail in _NUMBER_WORDS or (bool(tail) and not tail.isalpha() and (tail[-1].isdecimal() or tail.endswith(_NUMBER_ENDS)))


def _numeric(chunk: str) -> bool:
    """A chunk a number written in words can run through ("twenty-two", "and")."""
    return chunk in _NUMBER_WORDS or ("-" in chunk and all(not p or p in _NUMBER_WORDS for p in chunk.split("-")))
