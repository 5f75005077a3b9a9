"""`newsie_events`: the release's events, main event first, with dates, place and headcount."""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..events.location import finish_location
from ..events.numbers import ParticipantCounter
from ..extensions import text_of
from ..kb.event_types import EventRules, default_event_rules
from ..kb.places import PlaceKB, default_places
from .dates import DURATIONS, release_date

_VISIT_BEFORE = re.compile(r"\b(?:visit|visits|visited|trip|travelled|traveled|deployed|deploys|journey|mission)\b[^.]{0,25}$", re.IGNORECASE)
_PLACE_WORDS = frozenset({"in", "to", "across", "throughout"})
_IN_PLACE = re.compile(
    r"\b(?:in|at|to)\s+(?:the\s+(?:city|town|village)\s+of\s+)?(?P<place>[A-ZÀ-Ý][\w’'\-]+(?:[ /][A-ZÀ-Ý][\w’'\-]+){0,2})"
)


@dataclass
class _Unit:
    """A scoring unit: the title or one body sentence."""

    start_char: int
    end_char: int
    weight: float
    index: int  # -1 for the title, else the body sentence number
    scores: dict[str, float] = field(default_factory=dict)
    best_trigger: dict[str, tuple[float, Span]] = field(default_factory=dict)


class EventExtractor:
    """Type the release's events and give each its dates, place and participants.

    The main event's type comes from weighted trigger phrases, counted in the title
    (most weight), the first sentences and the rest; its dates from the trigger's
    sentence (ranges, day-without-year, relative dates, a duration such as "five-day
    ... concluded on" giving the other end), falling back to the dateline; its place
    from "in CITY" near the trigger or the dateline city, mapped to the country the
    city is in; its participants from "More than 20 representatives"-like phrases.
    Results go to ``doc._.newsie_events`` (a list of dicts, main event first).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "newsie_events",
        *,
        secondary_ratio: float = 0.6,
        rules: EventRules | None = None,
        places: PlaceKB | None = None,
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.secondary_ratio = secondary_ratio
        self.rules = rules or default_event_rules()
        self._places = places
        self._build()

    @property
    def places(self) -> PlaceKB:
        if self._places is None:
            self._places = default_places()
        return self._places

    def _build(self) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.weights: dict[str, dict[str, float]] = {}
        for etype, spec in self.rules.types.items():
            if spec.triggers:
                self.weights[etype] = {k.lower(): v for k, v in spec.triggers.items()}
                self.matcher.add(etype, list(self.nlp.tokenizer.pipe(spec.triggers)))
        self.counter = ParticipantCounter(self.rules.participant_nouns)
        self._conclude = frozenset(self.rules.conclusion_verbs)
        self._begin = frozenset(self.rules.start_verbs)

    def add_triggers(self, triggers: dict[str, dict[str, float]]) -> None:
        """Add (or re-weight) trigger phrases per event type."""
        types = dict(self.rules.types)
        for etype, extra in triggers.items():
            spec = types[etype]  # type: ignore[index]
            types[etype] = spec.model_copy(update={"triggers": {**spec.triggers, **extra}})  # type: ignore[index]
        self.rules = self.rules.model_copy(update={"types": types})
        self._build()

    # -- typing ---------------------------------------------------------------
    def _units(self, doc: Doc) -> list[_Unit]:
        meta = doc._.newsie_meta or {}
        title_len, body_start = meta.get("title_len", 0), meta.get("body_start", 0)
        w = self.rules.weights
        units: list[_Unit] = []
        if title_len:
            units.append(_Unit(0, title_len, w.title, -1))
        n = 0
        for sent in doc.sents:
            start = max(sent.start_char, body_start)
            if sent.end_char <= body_start or not text_of(doc)[start : sent.end_char].strip():
                continue
            weight = w.first_sentence if n == 0 else w.second_sentence if n == 1 else w.rest
            units.append(_Unit(start, sent.end_char, weight, n))
            n += 1
        return units

    def _score(self, doc: Doc, units: list[_Unit]) -> dict[str, float]:
        strings = self.nlp.vocab.strings
        in_org = {i for o in doc.spans.get(ext.ORGANIZATIONS, []) for i in range(o.start, o.end)}
        starts = [u.start_char for u in units]
        for m, s, e in self.matcher(doc):
            if in_org.intersection(range(s, e)):
                continue  # "Forum" in "Global Counterterrorism Forum" names a body, not an event
            span = Span(doc, s, e, label=strings[m])
            k = bisect.bisect_right(starts, span.start_char) - 1
            if k < 0 or not (units[k].start_char <= span.start_char < units[k].end_char):
                continue
            unit = units[k]
            etype = span.label_
            w = self.weights[etype].get(span.text.lower(), 0.0)
            etype = self._override(doc, span, etype)
            prev = unit.best_trigger.get(etype)
            if prev is None or w > prev[0]:
                unit.best_trigger[etype] = (w, span)
            unit.scores[etype] = unit.scores.get(etype, 0.0) + w
        totals: dict[str, float] = {}
        for u in units:
            for etype, raw in u.scores.items():
                best = u.best_trigger[etype][0]
                # The strongest trigger counts fully, further ones in the same sentence a little.
                totals[etype] = totals.get(etype, 0.0) + u.weight * (best + 0.3 * (raw - best))
        return totals

    def _override(self, doc: Doc, span: Span, etype: str) -> str:
        """"Launching its annual report": a trigger whose object names another type."""
        for new_type, nouns in self.rules.object_overrides.get(etype, {}).items():  # type: ignore[call-overload]
            window = {t.lower_ for t in doc[span.end : span.end + 6] if not t.is_sent_start}
            if window.intersection(nouns):
                span.label_ = new_type
                return new_type
        return etype

    def __call__(self, doc: Doc) -> Doc:
        units = self._units(doc)
        if not units:
            doc._.newsie_events = []
            return doc
        totals = self._score(doc, units)
        order = {t: i for i, t in enumerate(self.rules.priority)}
        ranked = sorted(totals.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99)))
        if not ranked:  # no trigger: still one event, of type "other", with its date and place
            ranked = [("other", 0.0)]
        grand = sum(totals.values()) or 1.0
        main_score = ranked[0][1]
        events = []
        for i, (etype, score) in enumerate(ranked):
            if i > 0 and score < self.secondary_ratio * main_score:
                break
            events.append(self._event(doc, units, etype, score / grand if totals else 0.0, main=i == 0))
        doc._.newsie_events = events
        return doc

    # -- one event ------------------------------------------------------------
    def _event(self, doc: Doc, units: list[_Unit], etype: str, confidence: float, *, main: bool) -> dict[str, Any]:
        meta = doc._.newsie_meta or {}
        body_units = [u for u in units if u.index >= 0]
        trig_unit = _trigger_unit(units, etype)
        trigger = trig_unit.best_trigger[etype][1] if trig_unit and etype in trig_unit.best_trigger else None
        # Evidence: the body sentence with the trigger (the title only if the body has none).
        evidence_unit = trig_unit
        if trig_unit is not None and trig_unit.index < 0:
            body = [u for u in body_units if etype in u.best_trigger]
            evidence_unit = max(body, key=lambda u: u.weight * u.best_trigger[etype][0]) if body else (body_units[0] if body_units else trig_unit)
        elif evidence_unit is None and body_units:
            evidence_unit = body_units[0]
        focus = [u for u in (evidence_unit, body_units[0] if body_units else None) if u is not None]
        start, end = self._dates(doc, focus, body_units, etype)
        location = finish_location(self._location(doc, focus, etype), doc._.newsie_dateline, start or release_date(doc))
        participants = self._participants(doc, focus, body_units)
        spec = self.rules.types.get(etype)  # type: ignore[call-overload]
        plover, cameo = (spec.plover, spec.cameo) if spec else (None, None)
        if etype == "statement" and evidence_unit is not None:
            plover, cameo = self._statement_mode(doc, [u for u in units if u.index < 2], plover, cameo)
        orgs = [o["name"] for o in (doc._.newsie_orgs or [])]
        people = [p["name"] for p in (doc._.newsie_officials or []) if not p.get("inferred")]
        states = list(dict.fromkeys(s.label_ for s in doc.spans[ext.STATES])) if ext.STATES in doc.spans else []
        key = f"{meta.get('id', '')}|{etype}|{start}|{main}"
        return {
            "id": "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
            "type": etype,
            "trigger": trigger.text if trigger is not None else None,
            "evidence": text_of(doc)[evidence_unit.start_char : evidence_unit.end_char].strip() if evidence_unit else None,
            "confidence": round(min(1.0, max(0.0, confidence)), 3),
            "start": start,
            "end": end,
            "location": location,
            "participants": participants,
            "organizations": orgs,
            "states": states,
            "officials": people,
            "plover": plover,
            "cameo": cameo,
        }

    def _statement_mode(self, doc: Doc, units: list[_Unit], plover: str | None, cameo: str | None) -> tuple[str | None, str | None]:
        text = " ".join(text_of(doc)[u.start_char : u.end_char].lower() for u in units)
        for mode, spec in self.rules.statement_modes.items():
            if any(re.search(rf"\b{re.escape(c)}\b", text) for c in spec.cues):
                return mode, spec.cameo
        return plover, cameo

    def _dates(self, doc: Doc, focus: list[_Unit], body_units: list[_Unit], etype: str) -> tuple[dt.date | None, dt.date | None]:
        dateline = doc._.newsie_dateline or {}
        dl_range = (dateline.get("start_char", -1), dateline.get("end_char", -1))
        spans = [
            s for s in doc.spans.get(ext.DATES, [])
            if not (dl_range[0] <= s.start_char < dl_range[1])
            and s._.newsie_data and s._.newsie_data["granularity"] == "day" and s._.newsie_data["start"]
            and not _preceded_by(doc, s, ("since", "until", "by", "before", "after"))
            and not _election_day(doc, s)
        ]

        def in_unit(unit: _Unit, relative_only: bool = False) -> list[Span]:
            return [s for s in spans if unit.start_char <= s.start_char < unit.end_char and (s._.newsie_data["relative"] or not relative_only)]

        if etype == "statement":
            # A statement happens when it is made: "today" or the dateline, before other dates.
            for unit in focus:
                found = in_unit(unit, relative_only=True)
                if found:
                    d = found[0]._.newsie_data
                    return d["start"], d["end"]
            if dateline.get("date"):
                return dateline["date"], dateline["date"]
        chosen: Span | None = None
        unit_of: _Unit | None = None
        for unit in [*focus, *body_units[:3]]:
            found = in_unit(unit)
            if found:
                chosen, unit_of = found[0], unit
                break
        if chosen is None:
            if dateline.get("date"):
                return dateline["date"], dateline["date"]
            return None, None
        data = chosen._.newsie_data
        start, end = data["start"], data["end"]
        if start == end and unit_of is not None:
            days = self._duration(doc, unit_of)
            if days and days > 1:
                words = set(text_of(doc)[unit_of.start_char : unit_of.end_char].lower().split())
                if words & self._conclude:
                    start = end - dt.timedelta(days=days - 1)
                else:
                    end = start + dt.timedelta(days=days - 1)
        return start, end

    def _duration(self, doc: Doc, unit: _Unit) -> int | None:
        for s in doc.spans.get(DURATIONS, []):
            if unit.start_char <= s.start_char < unit.end_char and s._.newsie_data:
                return int(s._.newsie_data["days"])
        return None

    def _location(self, doc: Doc, focus: list[_Unit], etype: str) -> dict[str, str | None]:
        state_spans = list(doc.spans.get(ext.STATES, []))
        doc_states = {s.label_ for s in state_spans}
        dateline = doc._.newsie_dateline or {}
        context = self._context_country(doc, state_spans)
        if etype == "statement" and dateline.get("city"):
            return {"city": dateline["city"], "country": dateline.get("country")}
        for unit in focus:
            found = self._places_in(doc, unit, state_spans, doc_states, context)
            if found:
                return found
        for unit in focus:
            for s in state_spans:
                if unit.start_char <= s.start_char < unit.end_char and s.id_ == "name" and _after_place_word(doc, s.start):
                    if dateline.get("city") and dateline.get("country") == s.label_:
                        return {"city": dateline["city"], "country": s.label_}
                    return {"city": None, "country": s.label_}
        if dateline.get("city"):
            return {"city": dateline["city"], "country": dateline.get("country") or context}
        return {"city": None, "country": dateline.get("country")}

    def _places_in(self, doc: Doc, unit: _Unit, state_spans: list[Span], doc_states: set[str], context: str | None) -> dict[str, str | None] | None:
        """"in CITY" in a sentence, the one nearest the event's date first."""
        # Lookups by position, so a unit with many matches stays linear.
        in_org = bytearray(unit.end_char - unit.start_char)
        for o in doc.spans.get(ext.ORGANIZATIONS, []):
            a, b = max(o.start_char, unit.start_char), min(o.end_char, unit.end_char)
            if a < b:
                in_org[a - unit.start_char : b - unit.start_char] = b"\x01" * (b - a)
        state_starts = {s.start_char for s in state_spans}
        date_ends = sorted(s.end_char for s in doc.spans.get(ext.DATES, []) if unit.start_char <= s.start_char < unit.end_char)
        text = text_of(doc)[unit.start_char : unit.end_char]
        found: list[tuple[int, dict[str, str | None]]] = []
        for m in _IN_PLACE.finditer(text):
            word = m.group(0).split()[0]
            a = unit.start_char + m.start("place")
            if word == "to" and not _VISIT_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if in_org[m.start("place")] or a in state_starts:
                continue
            raw = m.group("place")
            place = self._lookup(raw, doc_states)
            pos = m.start() + unit.start_char
            k = bisect.bisect_left(date_ends, pos - 2)
            after_date = k < len(date_ends) and date_ends[k] <= pos
            if place is None and not (after_date and context and raw[:1].isupper() and "/" not in raw and len(raw.split()) == 1):
                continue
            surface = _surface(raw, place.name if place else None)
            country = place.country if place else context
            k = bisect.bisect_left(date_ends, pos)
            distance = min((abs(pos - date_ends[j]) for j in (k - 1, k) if 0 <= j < len(date_ends)), default=10_000)
            found.append((distance, {"city": surface, "country": country}))
        if not found:
            return None
        return min(found, key=lambda x: x[0])[1]

    def _context_country(self, doc: Doc, state_spans: list[Span]) -> str | None:
        """The country a release is about when it does not say where: the host of the
        field operation it names, else the only State it names."""
        for org in doc._.newsie_orgs or []:
            if org.get("kind") == "field_operation" and org.get("country"):
                return str(org["country"])
        codes = {s.label_ for s in state_spans}
        return next(iter(codes)) if len(codes) == 1 else None

    def _lookup(self, raw: str, doc_states: set[str]) -> Any:
        words = raw.replace("/", " / ").split()
        # The longest prefix first, then each part of "Prishtinë/Priština".
        candidates = [" ".join(words[:k]) for k in range(len(words), 0, -1)] + [p.strip() for p in raw.split("/")]
        for c in candidates:
            if not c or c == "/":
                continue
            place = self.places.lookup(c, prefer=doc_states)
            if place is not None and (place.curated or place.country in doc_states or place.population >= 100_000):
                return place
        return None

    def _participants(self, doc: Doc, focus: list[_Unit], body_units: list[_Unit]) -> int | None:
        seen = set()
        for unit in [*focus, *body_units]:
            if id(unit) in seen:
                continue
            seen.add(id(unit))
            found = self.counter.count(text_of(doc)[unit.start_char : unit.end_char])
            if found:
                return found[0]
        return None


def _trigger_unit(units: list[_Unit], etype: str) -> _Unit | None:
    best: _Unit | None = None
    best_w = -1.0
    for u in units:
        if etype in u.best_trigger:
            w = u.weight * u.best_trigger[etype][0]
            if w > best_w:
                best, best_w = u, w
    return best


def _after_place_word(doc: Doc, i: int) -> bool:
    """"in Norway", "in the former Yugoslav Republic of Macedonia", "in south Germany"."""
    for k in range(i - 1, max(-1, i - 4), -1):
        t = doc[k]
        if t.lower_ in _PLACE_WORDS:
            return True
        if not (t.lower_ in ("the", "south", "north", "east", "west", "southern", "northern", "eastern", "western", "central") or (t.is_punct is False and t.is_lower and len(t) < 3)):
            return False
    return False


def _election_day(doc: Doc, span: Span) -> bool:
    """A date that names an election day ("the elections in Albania on 3 July")."""
    before = {t.lower_ for t in doc[max(0, span.start - 5) : span.start]}
    after = {t.lower_ for t in doc[span.end : span.end + 4]}
    words = {"election", "elections", "vote", "referendum", "polls", "ballot"}
    return bool(before & words or after & words)


def _surface(raw: str, canonical: str | None) -> str:
    """The city as the text writes it (title-cased when in capitals), trimmed to its name."""
    text = raw.strip()
    if canonical and canonical in text and "/" not in text:
        text = canonical
    return text.title() if text.isupper() else text


def _preceded_by(doc: Doc, span: Span, words: tuple[str, ...]) -> bool:
    return span.start > 0 and doc[span.start - 1].lower_ in words and not span.text.lower().startswith(("from", "between"))

