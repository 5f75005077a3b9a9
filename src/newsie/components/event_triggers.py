"""`newsie_event_triggers`: the trigger phrases of every event type, scored over the release.

The first of the event stages: it leaves on the Doc what the rules say about the event
type (``doc.user_data["newsie_event_evidence"]``: trigger scores per type, the rules'
ranking and main type) and the scored sentences `newsie_events` builds the events from.
A trained `newsie_event_model` between the two reads the evidence and writes its
decision; `newsie_events` builds each event once, of the type decided.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from itertools import compress
from operator import not_
from typing import Any, ClassVar, Final

from mypy_extensions import mypyc_attr
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .. import extensions as ext
from ..events.paragraphs import lede_chars
from ..extensions import DATELINE_KEY, text_of
from ..kb.event_types import EVENT_TYPES_FILE, EventRules
from ..payloads import DatelineData, Handover, meta_of
from ..resources import gazetteer_file
from ..rows import group_rows
from ..tokens import Cols, cols
from .base import Data, GazetteerPipe, sentence_chars

EVIDENCE_KEY: Final = ext.EVENT_EVIDENCE  # doc.user_data: what the rules say (see `summary`)
UNITS_KEY: Final = "newsie_event_units"  # doc.user_data: the scored `Unit`s (a `Handover`), taken by `newsie_events`
DECISION_KEY: Final = "newsie_event_decision"  # doc.user_data: a trained model's main type and probabilities


# compiled (hatch_build.py), it pickles; mypyc runs __init__ of a serializable class only with the first flag
@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)
class Unit:
    """A scoring unit: the title or one body sentence."""

    __slots__ = ("best_trigger", "end_char", "index", "lower", "paragraph", "scores", "start_char", "weight")

    def __init__(self, start_char: int, end_char: int, weight: float, index: int, paragraph: int = 0) -> None:
        self.start_char, self.end_char, self.weight = start_char, end_char, weight
        self.index = index  # -1 for the title, else the body sentence number
        self.paragraph = paragraph  # 0 for the title and the lede
        self.scores: dict[str, float] = {}
        self.best_trigger: dict[str, tuple[float, Trigger]] = {}
        self.lower: str | None = None  # its text, lowercased (made when a rule first needs it)

    def __repr__(self) -> str:
        return f"Unit({self.start_char}, {self.end_char}, weight={self.weight}, index={self.index}, paragraph={self.paragraph})"


# compiled (hatch_build.py), it pickles; mypyc runs __init__ of a serializable class only with the first flag
@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)
class Trigger:
    """A trigger phrase found in the Doc: its tokens and text."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text


def unit_lower(unit: Unit, text: str) -> str:
    """A unit's text (`text` being the Doc's), lowercased once."""
    if unit.lower is None:
        unit.lower = text[unit.start_char : unit.end_char].lower()
    return unit.lower


def trigger_unit(units: list[Unit], etype: str) -> Unit | None:
    """The unit whose trigger of `etype` weighs most (weight x trigger weight)."""
    best: Unit | None = None
    best_w = -1.0
    for u in units:
        if etype in u.best_trigger:
            w = u.weight * u.best_trigger[etype][0]
            if w > best_w:
                best, best_w = u, w
    return best




def _alone_on_its_line(text: str, dateline: DatelineData, start: int, end: int) -> bool:
    """Whether the sentence `start`..`end` is the dateline alone on its line ("SKOPJE, 5 June
    2024", then a line break): it then opens the next sentence, as on one line."""
    return start <= dateline.start_char < end <= dateline.end_char and text[end : end + 3].lstrip(" \t")[:1] in ("\n", "\r")


def _weighted_totals(units: list[Unit]) -> dict[str, float]:
    """Each type's score over `units`: in each sentence its strongest trigger fully, further
    ones a little, times the sentence's weight."""
    totals: dict[str, float] = {}
    for u in units:
        for etype, raw in u.scores.items():
            best = u.best_trigger[etype][0]
            totals[etype] = totals.get(etype, 0.0) + u.weight * (best + 0.3 * (raw - best))
    return totals


# compiled (hatch_build.py), it pickles; mypyc runs __init__ of a serializable class only with the first flag
@mypyc_attr(allow_interpreted_subclasses=True, serializable=True)
class TriggerScorer:
    """Weighted trigger phrases of each event type, counted in the title (most weight),
    the first sentences and the rest, from the `EventRules`."""

    def __init__(self, rules: EventRules, vocab: Any, patterns: Callable[[Iterable[str], str], list[Any]]) -> None:
        self.rules = rules
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.strings = vocab.strings
        self.weights: dict[str, dict[str, float]] = {}
        self._types: dict[int, str] = {}  # match id -> event type (a StringStore look-up each, else)
        for etype, spec in rules.types.items():
            if spec.triggers:
                self.weights[etype] = {k.lower(): v for k, v in spec.triggers.items()}
                self.matcher.add(etype, patterns(spec.triggers, "LOWER"))
                self._types[self.strings.add(etype)] = etype
        self._modifier_heads = frozenset(h.lower() for h in rules.modifier_heads)
        # Triggers that can modify a noun ("training centre"): single words, not verb forms
        # ("donated equipment", "trains school teachers": an event and its object).
        self._trigger_modifies = frozenset(
            t.lower() for spec in rules.types.values() for t in spec.triggers if " " not in t and not _verb_form(t.lower())
        )
        self._venues: dict[str, dict[str, tuple[str, ...]]] = {
            a: {b: tuple(p.lower() for p in phrases) for b, phrases in to.items()} for a, to in rules.venue_overrides.items()
        }
        self._documents = frozenset(t.lower() for t in rules.document_triggers)
        self._speech_cues = tuple(c.lower() for c in rules.venue_speech_cues)
        self._framing = frozenset(t.lower() for t in rules.framing_triggers)
        self._framing_types = frozenset(etype for etype, spec in rules.types.items() if self._framing & {t.lower() for t in spec.triggers})
        self._sessions = frozenset(t.lower() for t in rules.session_triggers)
        # per type and new type: the single phrases (the headline's), a regex for them after
        # a definite word (the sentences'), and the cues of several phrases one headline or
        # sentence must all name ("final report" and "election")
        self._kinds: dict[str, dict[str, tuple[tuple[str, ...], re.Pattern[str], list[tuple[str, ...]]]]] = {
            a: {b: _kind_cues(cues, rules.definite_words) for b, cues in to.items()} for a, to in rules.kind_overrides.items()
        }
        self._priority = {t: i for i, t in enumerate(rules.priority)}
        self._weak: dict[str, tuple[float, frozenset[str]]] = {
            etype: (weak.below, frozenset(w.lower() for w in weak.unless)) for etype, weak in rules.weak_triggers.items()
        }
        self._objects: dict[str, list[tuple[str, frozenset[str]]]] = {
            a: [(b, frozenset(nouns)) for b, nouns in to.items()] for a, to in rules.object_overrides.items() if to
        }

    def run(self, doc: Doc, secondary_ratio: float) -> tuple[list[Unit], dict[str, Any]]:
        """The Doc's scored units and the evidence summary (see `summary`). A text of several
        paragraphs also gets the summary of its headline and lede alone (``lede``): what a
        trained model, which learned from ledes, reads."""
        units = self.units(doc)
        matches = self.matcher(doc) if units else []
        totals = self.score(doc, units, matches) if units else {}
        evidence = self.summary(doc, units, totals, secondary_ratio)
        if units and units[-1].paragraph > 0:
            lede = [u for u in units if u.paragraph == 0]
            C = cols(doc)
            words = C.lowers[: bisect.bisect_left(C.idxs, units[len(lede)].start_char)]
            if self._weak_types(lede, words):
                # a weak trigger that a later paragraph's words kept: the lede scored on its own
                lede = [Unit(u.start_char, u.end_char, u.weight, u.index) for u in lede]
                lede_totals = self.score(doc, lede, matches, words)
            else:  # its sentences score as they do in the whole text
                lede_totals = _weighted_totals(lede)
            evidence["lede"] = self.summary(doc, lede, lede_totals, secondary_ratio)
        return units, evidence

    def units(self, doc: Doc) -> list[Unit]:
        meta = meta_of(doc)
        title_len, body_start = meta.title_len, meta.body_start
        w = self.rules.weights
        units: list[Unit] = []
        if title_len:
            units.append(Unit(0, title_len, w.title, -1))
        text = text_of(doc)
        lede = lede_chars(doc)  # None: the text is one paragraph
        user_data: dict[Any, Any] = doc.user_data
        dateline: DatelineData | None = user_data.get(DATELINE_KEY)
        n = 0
        opened = -1  # where a dateline alone on its line starts: it opens the next sentence
        for sent_start, sent_end in sentence_chars(doc):
            start = max(sent_start, body_start)
            if sent_end <= body_start or not text[start:sent_end].strip():
                continue
            if dateline is not None and _alone_on_its_line(text, dateline, start, sent_end):
                opened = start
                continue
            if opened >= 0:
                start, opened = opened, -1
            weight = w.first_sentence if n == 0 else w.second_sentence if n == 1 else w.rest
            para = 0 if lede is None or start < lede else 1
            if para > 0 and n > 0:  # background, quotes and closing lines of a full release
                weight *= w.later_paragraphs
            units.append(Unit(start, sent_end, weight, n, para))
            n += 1
        return units

    def score(self, doc: Doc, units: list[Unit], matches: list[tuple[int, int, int]] | None = None, words: list[str] | None = None) -> dict[str, float]:
        """Each type's weighted score over the units (the units keep their own scores and best
        triggers): from the trigger `matches` (the matcher's, when not given), a weak type
        kept only when `words` (default: the release's) name one of its cues."""
        strings, types = self.strings, self._types
        if matches is None:
            matches = self.matcher(doc)
        if not matches:
            return {}
        C = cols(doc)
        lowers, idxs = C.lowers, C.idxs
        n_toks = len(lowers)
        in_org: bytearray | None = None  # 1 at each token inside an organization's name
        starts = [u.start_char for u in units]
        kinds: dict[str, str] | None = None  # what the lead makes of each type (`_kind`)
        venues: dict[tuple[int, str, bool], str] | None = None  # `_venue` by sentence, type and whether a document
        framed = -1  # the unit whose framing verb ("welcomes") was last seen (the headline's, if any)
        for m, s, e in matches:
            if in_org is None:
                in_org = bytearray(n_toks)
                for start, end, _, _, _, _ in group_rows(doc, ext.ORGANIZATIONS):  # a `SpanRow` (no list made, as `*_` would)
                    in_org[start:end] = b"\x01" * (end - start)
            if in_org.find(1, s, e) >= 0 and C.span_text(s, e).lower() not in self._sessions:
                continue  # "Forum" in "Global Counterterrorism Forum" names a body, not an event
            start_char = idxs[s]
            k = bisect.bisect_right(starts, start_char) - 1
            if k < 0 or not (units[k].start_char <= start_char < units[k].end_char):
                continue
            unit = units[k]
            if lowers[e - 1] in self._trigger_modifies and e < n_toks and lowers[e] in self._modifier_heads:
                continue  # "training centre", "conference hall": a place, not an event
            etype = types.get(m) or strings[m]
            if framed == k and etype not in self._framing_types:
                continue  # "welcomes the agreement": what a statement is about, not another event
            trigger = Trigger(s, e, C.span_text(s, e))
            lower = trigger.text.lower()
            if lower in self._framing and unit.index == -1:
                framed = k  # in the headline only: in the body "welcomed the participants of the seminar" is hospitality
            w = self.weights[etype].get(lower, 0.0)
            if etype in self._objects:
                etype = self._override(C, e, etype)
            if etype in self._venues:
                # (once per sentence, type and kind of trigger: per trigger, a sentence of
                # many triggers was read as often)
                key = (k, etype, lower in self._documents)
                if venues is None:
                    venues = {}
                venue = venues.get(key)
                if venue is None:
                    venue = venues[key] = self._venue(C, units, k, etype, key[2])
                etype = venue
            if etype in self._kinds:
                if kinds is None:
                    kinds = self._kind(C, units)
                etype = kinds.get(etype, etype)
            prev = unit.best_trigger.get(etype)
            if prev is None or w > prev[0]:
                unit.best_trigger[etype] = (w, trigger)
            unit.scores[etype] = unit.scores.get(etype, 0.0) + w
        if self._weak:
            self._drop_weak(units, lowers if words is None else words)
        return _weighted_totals(units)

    def _drop_weak(self, units: list[Unit], words: list[str]) -> None:
        """Leave out a type of `weak_triggers` whose triggers are all weak, unless the
        release names one of its cues (`words`: the release's tokens, lowercased)."""
        for etype in self._weak_types(units, words):
            for u in units:
                u.scores.pop(etype, None)
                u.best_trigger.pop(etype, None)

    def _weak_types(self, units: list[Unit], words: list[str]) -> list[str]:
        """The types of `weak_triggers` that `units` hold only weak triggers of, and whose cues `words` lack."""
        out = []
        for etype, (below, unless) in self._weak.items():
            found = [u.best_trigger[etype][0] for u in units if etype in u.best_trigger]
            if found and max(found) < below and unless.isdisjoint(words):
                out.append(etype)
        return out

    def summary(self, doc: Doc, units: list[Unit], totals: dict[str, float], secondary_ratio: float) -> dict[str, Any]:
        """What the rules say: the trigger scores of each type (``total`` weighted over the
        release, ``title``, ``first`` sentence), the types kept as events with their share
        of the scores (``ranked``, main first: within `secondary_ratio` of the main
        score; "other" when no trigger), and of the main type: ``main``, ``fallback`` (no
        trigger) and ``in_title`` (its trigger is in the headline). No units: no event."""
        title: dict[str, float] = {}
        first: dict[str, float] = {}
        for u in units[:2]:  # the title's unit comes first, then the first sentence's (see `units`)
            if u.index == -1:
                title = u.scores
            elif u.index == 0:
                first = u.scores
                break
        out: dict[str, Any] = {"total": dict(totals), "title": dict(title), "first": dict(first)}
        if not units:
            return {**out, "ranked": [], "main": "other", "confidence": {}, "in_title": False, "fallback": True}
        if len(totals) > 1:
            order = sorted(totals.items(), key=lambda kv: (-kv[1], self._priority.get(kv[0], 99)))  # type: ignore[call-overload]
        else:  # no trigger: still one event, of type "other", with its date and place
            order = list(totals.items()) or [("other", 0.0)]
        grand = sum(totals.values()) or 1.0
        ranked: list[tuple[str, float]] = []
        for i, (etype, score) in enumerate(order):
            if i > 0 and score < secondary_ratio * order[0][1]:
                break
            ranked.append((etype, round(min(1.0, max(0.0, score / grand if totals else 0.0)), 3)))
        main = ranked[0][0]
        unit = trigger_unit(units, main)
        trigger = unit.best_trigger[main][1].text.lower() if unit is not None else ""
        out["ranked"] = ranked
        out["main"] = main
        out["confidence"] = dict(ranked)
        out["in_title"] = bool(trigger and trigger in (meta_of(doc).title or "").lower())
        out["fallback"] = not trigger
        return out

    def _venue(self, C: Cols, units: list[Unit], k: int, etype: str, document: bool) -> str:
        """"The Minister told the Permanent Council": a speech made at a body's session is
        part of that meeting (the guidelines' "Permanent/Ministerial Council session").
        The body is looked for in the trigger's sentence. For a trigger in the headline or
        the first sentence, the other of the two counts too when it tells of a speech there
        (`venue_speech_cues`: "Minister calls for ..." over "In an address to the Permanent
        Council, ..."; not "... who will brief the Permanent Council on Thursday"), unless
        the trigger names the released document itself ("Joint Statement by ...": `document`)."""
        own = unit_lower(units[k], C.doc_text)
        others = []
        if units[k].index <= 0 and not document:
            others = [unit_lower(u, C.doc_text) for u in units[:2] if u is not units[k] and u.index <= 0]
        for new_type, phrases in self._venues[etype].items():
            # the speech cues, only where the other names the body
            if _names_one(own, phrases) or any(_names_one(o, phrases) and _names_one(o, self._speech_cues) for o in others):
                return new_type
        return etype

    def _kind(self, C: Cols, units: list[Unit]) -> dict[str, str]:
        """"A study visit", "the final report on the elections": the type a release's
        triggers of a type count as, when its headline or one of its first two sentences
        says what kind of event it is (`kind_overrides`). A single phrase counts in the
        headline as it is, in a sentence only as a definite noun phrase ("The study visit
        was organized by ..." names the release's visit; "she met students taking part
        in a study visit" another event)."""
        lead = units[:3]  # the headline (index -1) and the first two sentences come first
        head = [unit_lower(u, C.doc_text) for u in lead if u.index == -1]
        body = [unit_lower(u, C.doc_text) for u in lead if 0 <= u.index <= 1]
        # no phrase holds a line break: none is found across two units
        head_text, body_text = "\n".join(head), "\n".join(body)
        out: dict[str, str] = {}
        for etype, to in self._kinds.items():
            for new_type, (single, definite, several) in to.items():
                # A definite phrase holds a single one: the regex (which re tries at every
                # character) runs only on a body that names one.
                if (
                    _names_one(head_text, single)
                    or (_names_one(body_text, single) and definite.search(body_text))
                    or _names_all((*head, *body), several)
                ):
                    out[etype] = new_type
                    break
        return out

    def _override(self, C: Cols, end: int, etype: str) -> str:
        """"Launching its annual report": a trigger (ending at token `end`) whose object names another type."""
        window = set(compress(C.lowers[end : end + 6], map(not_, C.is_sent_start[end : end + 6])))
        for new_type, nouns in self._objects.get(etype, ()):
            if not nouns.isdisjoint(window):
                return new_type
        return etype


def _kind_cues(cues: list[str | list[str]], definite_words: list[str]) -> tuple[tuple[str, ...], re.Pattern[str], list[tuple[str, ...]]]:
    """A `kind_overrides` entry's cues, lowercased: its single phrases, a regex for them
    after one of `definite_words` (one that never matches when either list is empty), and
    its cues of several phrases."""
    single = sorted({c.lower() for c in cues if isinstance(c, str)}, key=len, reverse=True)
    several = [tuple(p.lower() for p in c) for c in cues if not isinstance(c, str)]
    alternatives = "|".join(map(re.escape, single))
    determiners = "|".join(re.escape(w.lower()) for w in definite_words)
    definite = re.compile(rf"\b(?:{determiners}) (?:{alternatives})" if single and determiners else r"(?!)")
    # For the substring tests, the phrases that hold no other ("study visit", not "study
    # visits"): a text holds one of the phrases exactly when it holds one of these.
    least = tuple(p for p in single if not any(q in p for q in single if q != p))
    return least, definite, several


def _names_one(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `phrases` (substring tests in C: a regex alternation of
    them is tried at every character)."""
    return any(map(text.__contains__, phrases))


def _names_all(texts: tuple[str, ...], cues: list[tuple[str, ...]]) -> bool:
    """Whether one of `texts` holds every phrase of one of `cues`."""
    return any(all(p in text for p in cue) for cue in cues for text in texts)


def with_triggers(rules: dict[str, Any], triggers: dict[str, dict[str, float]]) -> dict[str, Any]:
    """`rules` (an `EventRules` dump) with trigger phrases added or re-weighted per type."""
    for etype, extra in triggers.items():
        rules["types"][etype]["triggers"].update(extra)
    return rules


def default_rules() -> dict[str, Any]:
    """The packaged ``event_types.json``, checked."""
    return EventRules.model_validate_json(gazetteer_file(EVENT_TYPES_FILE).read_text(encoding="utf-8")).model_dump()


def _verb_form(word: str) -> bool:
    """Whether a trigger word reads as a verb before a noun: a past form ("donated") or a
    third-person or plural form ("donates", "trains"; a plural noun modifies no noun)."""
    return word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))

class EventTriggers(GazetteerPipe):
    """Score the trigger phrases of every event type over the release.

    Writes ``doc.user_data["newsie_event_evidence"]`` (see `TriggerScorer.summary`: what a
    trained model blends with its own reading) and the scored sentences for
    `newsie_events`, which builds the events. Without this stage `newsie_events` scores
    the triggers itself. Data part: ``rules`` (``gazetteers/event_types.json``).
    """

    PARTS: ClassVar[dict[str, str]] = {"rules": "json"}

    def __init__(self, nlp: Language, name: str = "newsie_event_triggers", *, secondary_ratio: float = 0.6) -> None:
        super().__init__(nlp, name, secondary_ratio=secondary_ratio)

    def default_data(self) -> Data:
        return {"rules": default_rules()}

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None, rules: dict[str, Any] | None = None) -> None:
        """Build from the given rules (default: the packaged ones)."""
        self._initialize_parts({"rules": rules})

    def _build(self) -> None:
        self.scorer = TriggerScorer(EventRules.model_validate(self.data["rules"]), self.nlp.vocab, self.patterns)

    def add_triggers(self, triggers: dict[str, dict[str, float]]) -> None:
        """Add (or re-weight) trigger phrases per event type."""
        self.ensure_ready()
        self.set_data({**self.data, "rules": with_triggers(self.scorer.rules.model_dump(), triggers)})

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_ready()
        units, evidence = self.scorer.run(doc, self.cfg["secondary_ratio"])
        doc.user_data[EVIDENCE_KEY] = evidence
        doc.user_data[UNITS_KEY] = Handover(units)  # serialized as None: newsie_events then rescores
        return doc
