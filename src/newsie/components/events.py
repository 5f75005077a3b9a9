"""`newsie_events`: the release's events, main event first, with dates, place and headcount."""

import bisect
import datetime as dt
import hashlib
import re
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..events.location import finish_location
from ..events.numbers import ParticipantCounter
from ..events.paragraphs import announced_at, bound_cue, reports_participants
from ..extensions import doc_value, set_doc_value, span_string, span_value, text_of
from ..kb.event_types import EventRules
from ..kb.history import HISTORY_FILE, StateEra, StateHistory
from ..kb.io import read_packaged
from ..kb.places import Place, PlaceKB, default_cities, place_kb
from ..payloads import DatelineData, EventData, LocationData, OfficialData, OrgData, handed_over, meta_of, release_date
from ..tokens import toks
from .base import Data, GazetteerPipe
from .event_triggers import (
    DECISION_KEY,
    EVIDENCE_KEY,
    UNITS_KEY,
    Trigger,
    TriggerScorer,
    Unit,
    default_rules,
    trigger_unit,
    with_triggers,
)

_IN_PLACE = re.compile(
    r"\b(?:in|at|to)\s+(?:the\s+(?:city|town|village)\s+of\s+)?(?P<place>[A-ZÀ-Ý][\w’'\-]+(?:[ /][A-ZÀ-Ý][\w’'\-]+){0,2})"
)


class _Groups:
    """The span groups the events stage reads, as lists made once per Doc: iterating a
    `SpanGroup` makes every `Span` object again."""

    __slots__ = ("dates", "durations", "orgs", "states")

    def __init__(self, doc: Doc) -> None:
        spans = doc.spans
        self.dates: list[Span] = list(spans.get(ext.DATES, ()))
        self.durations: list[Span] = list(spans.get(ext.DURATIONS, ()))
        self.orgs: list[Span] = list(spans.get(ext.ORGANIZATIONS, ()))
        self.states: list[Span] = list(spans.get(ext.STATES, ()))


class EventExtractor(GazetteerPipe):
    """Build the release's events: type, dates, place and participants.

    Reads the trigger scores `newsie_event_triggers` left on the Doc (scoring them itself
    when that stage is absent) and, when a trained `newsie_event_model` ran in between,
    its decision: the main type and each type's probability (the events' ``confidence``);
    else the rules' ranking and each type's share of the trigger scores. Each event is
    built once: its dates from the trigger's sentence (ranges, day-without-year,
    relative dates, a duration such as "five-day ... concluded on" giving the other end),
    falling back to the dateline; its place from "in CITY" near the trigger or the
    dateline city, mapped to the country the city is in; its participants from "More
    than 20 representatives"-like phrases. Results go to ``doc._.newsie_events``
    (`EventData`, main event first); each event's trigger goes to
    ``doc.spans["newsie_events"]``, labelled ``EVENT`` with the event type as ``kb_id_``.

    Data parts: ``rules`` (``gazetteers/event_types.json``: triggers and weights per
    type, codes, context words), ``cities`` (the curated cities; GeoNames adds the rest)
    and ``history`` (which State a country belonged to when: ``state_history.jsonl``).
    ``secondary_ratio`` applies when this component scores the triggers itself.
    """

    PARTS: ClassVar[dict[str, str]] = {"rules": "json", "cities": "jsonl", "history": "jsonl"}

    def __init__(self, nlp: Language, name: str = "newsie_events", *, secondary_ratio: float = 0.6, spans_key: str = ext.EVENTS) -> None:
        super().__init__(nlp, name, secondary_ratio=secondary_ratio, spans_key=spans_key)
        self._places: PlaceKB | None = None

    def default_data(self) -> Data:
        history = [e.model_dump(mode="json", exclude_defaults=True) for e in read_packaged(HISTORY_FILE, StateEra)]
        return {"rules": default_rules(), "cities": default_cities(), "history": history}

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        rules: dict[str, Any] | None = None,
        cities: list[dict[str, Any]] | None = None,
        history: list[dict[str, Any]] | None = None,
    ) -> None:
        """Build from the given parts; the packaged gazetteers fill the rest."""
        self._initialize_parts({"rules": rules, "cities": cities, "history": history})

    @property
    def places(self) -> PlaceKB:
        """The city index (built on first use: GeoNames is large)."""
        if self._places is None:
            self._places = place_kb(self.data["cities"])
        return self._places

    def _build(self) -> None:
        self.rules = EventRules.model_validate(self.data["rules"])
        self.history = StateHistory([StateEra.model_validate(e) for e in self.data["history"]])
        self._places = None
        self._scorer: TriggerScorer | None = None  # used only without newsie_event_triggers
        self.counter = ParticipantCounter(self.rules.participant_nouns)
        self._conclude = frozenset(self.rules.conclusion_verbs)
        r = self.rules
        self._place_words = frozenset(r.place_words)
        self._direction_words = frozenset(r.direction_words)
        self._not_after = tuple(r.not_event_date_after)
        self._election_words = frozenset(r.election_words)
        self._visit_before = re.compile(rf"\b(?:{'|'.join(map(re.escape, r.visit_words))})\b[^.]{{0,25}}$", re.IGNORECASE) if r.visit_words else None
        # One regex per statement mode: any of its cues as a whole word.
        self._statement_cues = [
            (mode, spec.cameo, re.compile("|".join(rf"\b{re.escape(c)}\b" for c in spec.cues)))
            for mode, spec in self.rules.statement_modes.items() if spec.cues
        ]

    def add_triggers(self, triggers: dict[str, dict[str, float]]) -> None:
        """Add (or re-weight) trigger phrases per event type (for when this component
        scores the triggers itself; else `newsie_event_triggers` has its own)."""
        self.ensure_ready()
        self.set_data({**self.data, "rules": with_triggers(self.rules.model_dump(), triggers)})

    def _scored(self, doc: Doc) -> tuple[list[Unit], dict[str, Any]]:
        """The scored units and evidence `newsie_event_triggers` left (the units are taken
        off the Doc), else scored here."""
        units = handed_over(doc.user_data.pop(UNITS_KEY, None))
        evidence = doc.user_data.get(EVIDENCE_KEY)
        if units is None or evidence is None or "ranked" not in evidence:
            if self._scorer is None:
                self._scorer = TriggerScorer(self.rules, self.nlp.vocab, self.patterns)
            units, evidence = self._scorer.run(doc, self.cfg["secondary_ratio"])
            doc.user_data[EVIDENCE_KEY] = evidence
        return units, evidence

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_ready()
        units, evidence = self._scored(doc)
        ranked: list[tuple[str, float]] = [(t, c) for t, c in evidence["ranked"]]
        decision = doc.user_data.get(DECISION_KEY)
        if ranked and decision:  # a trained model's main type and probabilities
            main, probs = decision["main"], decision["probs"]
            ranked = [(t, probs.get(t, 0.0)) for t in [main, *(t for t, _ in ranked if t != main)]]
        events: list[EventData] = []
        triggers: list[Span] = []
        groups: _Groups | None = None
        for i, (etype, confidence) in enumerate(ranked):
            groups = groups or _Groups(doc)
            event, trigger = self._event(doc, groups, units, etype, confidence, main=i == 0)
            events.append(event)
            if trigger is not None:
                triggers.append(Span(doc, trigger.start, trigger.end, label=ext.EVENT, kb_id=etype))
        set_doc_value(doc, "newsie_events", events)
        doc.spans[self.cfg["spans_key"]] = triggers
        return doc

    # -- one event ------------------------------------------------------------
    def _event(self, doc: Doc, groups: _Groups, units: list[Unit], etype: str, confidence: float, *, main: bool) -> tuple[EventData, Trigger | None]:
        meta = meta_of(doc)
        body_units = [u for u in units if u.index >= 0]
        trig_unit = trigger_unit(units, etype)
        trigger = trig_unit.best_trigger[etype][1] if trig_unit and etype in trig_unit.best_trigger else None
        # Evidence: the body sentence with the trigger (the title only if the body has none).
        evidence_unit = trig_unit
        if trig_unit is not None and trig_unit.index < 0:
            body = [u for u in body_units if etype in u.best_trigger]
            evidence_unit = max(body, key=lambda u: u.weight * u.best_trigger[etype][0]) if body else (body_units[0] if body_units else trig_unit)
        elif evidence_unit is None and body_units:
            evidence_unit = body_units[0]
        focus = [u for u in (evidence_unit, body_units[0] if body_units else None) if u is not None]
        start, end = self._dates(doc, groups, focus, body_units, etype)
        location = finish_location(self._location(doc, groups, focus, etype), doc_value(doc, "newsie_dateline"), start or release_date(doc), self.history)
        participants = self._participants(doc, focus, body_units)
        spec = self.rules.types.get(etype)  # type: ignore[call-overload]
        plover, cameo = (spec.plover, spec.cameo) if spec else (None, None)
        if etype == "statement" and evidence_unit is not None:
            plover, cameo = self._statement_mode(doc, [u for u in units if u.index < 2], plover, cameo)
        org_data: list[OrgData] = doc_value(doc, "newsie_orgs") or []
        people_data: list[OfficialData] = doc_value(doc, "newsie_officials") or []
        orgs = [o.name for o in org_data if o.name]
        people = [p.name for p in people_data if not p.inferred]
        states = list(dict.fromkeys(s.kb_id_ for s in groups.states))
        event = EventData(
            id=_event_id(meta.id, etype, start, main),
            type=etype,
            trigger=trigger.text if trigger is not None else None,
            evidence=text_of(doc)[evidence_unit.start_char : evidence_unit.end_char].strip() if evidence_unit else None,
            confidence=round(min(1.0, max(0.0, confidence)), 3),
            start=start,
            end=end,
            location=location,
            participants=participants,
            organizations=orgs,
            states=states,
            officials=people,
            plover=plover,
            cameo=cameo,
        )
        return event, trigger

    def _statement_mode(self, doc: Doc, units: list[Unit], plover: str | None, cameo: str | None) -> tuple[str | None, str | None]:
        text = " ".join(text_of(doc)[u.start_char : u.end_char].lower() for u in units)
        for mode, mode_cameo, cues in self._statement_cues:
            if cues.search(text):
                return mode, mode_cameo
        return plover, cameo

    def _dates(self, doc: Doc, groups: _Groups, focus: list[Unit], body_units: list[Unit], etype: str) -> tuple[dt.date | None, dt.date | None]:
        dateline: DatelineData | None = doc_value(doc, "newsie_dateline")
        dl_range = (dateline.start_char, dateline.end_char) if dateline else (-1, -1)
        dl_date = dateline.date if dateline else None
        spans: list[Span] = []
        values: dict[int, Any] = {}  # by start_char: each span's DateValue (a day with a start), read once
        today = release_date(doc)
        for s in groups.dates:
            if not (dl_range[0] <= s.start_char < dl_range[1]):
                v = span_value(doc, "newsie_date", s.start_char, s.end_char)
                # "today" is when something happens, even next to "elections" ("today opened an election observation mission")
                is_today = v is not None and v.relative and v.start == today
                if v is not None and v.granularity == "day" and v.start and not _preceded_by(doc, s, self._not_after) and (is_today or not self._election_day(doc, s)):
                    values[s.start_char] = v
                    spans.append(s)

        def in_unit(unit: Unit, relative_only: bool = False) -> list[Span]:
            return [s for s in spans if unit.start_char <= s.start_char < unit.end_char and (values[s.start_char].relative or not relative_only)]

        if etype == "statement":
            # A statement happens when it is made: "today" or the dateline, before other dates.
            for unit in focus:
                found = in_unit(unit, relative_only=True)
                if found:
                    d = values[found[0].start_char]
                    return d.start, d.end
            if dl_date:
                return dl_date, dl_date
        chosen: Span | None = None
        unit_of: Unit | None = None
        anchor = release_date(doc)
        for unit in [*focus, *body_units[:3]]:
            found = in_unit(unit)
            if unit.paragraph > 0 and anchor is not None:
                # Background: a later paragraph's date long before the release is not the event's.
                found = [s for s in found if (anchor - values[s.start_char].start).days <= 60]
            if found:
                chosen, unit_of = found[0], unit
                cue = announced_at(text_of(doc)[unit.start_char : unit.end_char])
                later = [s for s in found if cue is not None and s.start_char >= unit.start_char + cue and not values[s.start_char].relative]
                if later:  # "announced today that ... will take place ... on 8 and 9 March"
                    chosen = later[0]
                break
        if chosen is None:
            # No date in the lede: an election observation release is the observers' own
            # statement, dated by its dateline like a statement (above); any other event is
            # undated (its days are not said).
            if dl_date and etype == "election_observation":
                return dl_date, dl_date
            return None, None
        value = values[chosen.start_char]
        start, end = value.start, value.end
        if start == end and unit_of is not None:
            days = self._duration(doc, groups, unit_of)
            if days and days > 1:
                words = set(text_of(doc)[unit_of.start_char : unit_of.end_char].lower().split())
                if words & self._conclude:
                    start = end - dt.timedelta(days=days - 1)
                else:
                    end = start + dt.timedelta(days=days - 1)
        return self._stated_bounds(doc, groups, [*focus, *body_units[:3]], start, end)

    def _stated_bounds(self, doc: Doc, groups: _Groups, units: list[Unit], start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
        """"The course, which started on 25 October", "will run until 22 September": a bound
        stated near the lede, within two months of the event's other end."""
        text = text_of(doc)
        for unit in units:
            for s in groups.dates:
                d = span_value(doc, "newsie_date", s.start_char, s.end_char)
                if not (unit.start_char <= s.start_char < unit.end_char) or d is None or d.granularity != "day" or d.start is None:
                    continue
                cue = bound_cue(text[unit.start_char : s.start_char])
                if cue == "start" and d.start <= end and (end - d.start).days <= 62:
                    start = d.start
                elif cue == "end" and d.end is not None and d.end >= start and (d.end - start).days <= 62:
                    end = d.end
        return start, end

    def _duration(self, doc: Doc, groups: _Groups, unit: Unit) -> int | None:
        for s in groups.durations:
            if unit.start_char <= s.start_char < unit.end_char:
                days = span_value(doc, "newsie_days", s.start_char, s.end_char)
                if days:
                    return int(days)
        return None

    def _location(self, doc: Doc, groups: _Groups, focus: list[Unit], etype: str) -> LocationData:
        state_spans = groups.states
        doc_states = {s.kb_id_ for s in state_spans}
        dateline: DatelineData | None = doc_value(doc, "newsie_dateline")
        dl_city = dateline.city if dateline else None
        dl_country = dateline.country if dateline else None
        context = self._context_country(doc, state_spans)
        if etype == "statement" and dl_city:
            return LocationData(city=dl_city, country=dl_country)
        for unit in focus:
            found = self._places_in(doc, groups, unit, doc_states, context)
            if found:
                return found
        for unit in focus:
            for s in state_spans:
                if unit.start_char <= s.start_char < unit.end_char and s.id_ == "name" and self._after_place_word(doc, s.start):
                    if dl_city and dl_country in (s.kb_id_, None):  # a dateline town the gazetteer lacks is in the State named
                        return LocationData(city=dl_city, country=s.kb_id_)
                    return LocationData(city=None, country=s.kb_id_)
        if dl_city:
            return LocationData(city=dl_city, country=dl_country or context)
        return LocationData(city=None, country=dl_country)

    def _places_in(self, doc: Doc, groups: _Groups, unit: Unit, doc_states: set[str], context: str | None) -> LocationData | None:
        """"in CITY" in a sentence, the one nearest the event's date first."""
        # Lookups by position, so a unit with many matches stays linear.
        in_org = bytearray(unit.end_char - unit.start_char)
        for o in groups.orgs:
            a, b = max(o.start_char, unit.start_char), min(o.end_char, unit.end_char)
            if a < b:
                in_org[a - unit.start_char : b - unit.start_char] = b"\x01" * (b - a)
        state_starts = {s.start_char for s in groups.states}
        date_ends = sorted(s.end_char for s in groups.dates if unit.start_char <= s.start_char < unit.end_char)
        text = text_of(doc)[unit.start_char : unit.end_char]
        found: list[tuple[int, LocationData]] = []
        for m in _IN_PLACE.finditer(text):
            word = m.group(0).split()[0]
            a = unit.start_char + m.start("place")
            if word == "to" and not (self._visit_before and self._visit_before.search(text[max(0, m.start() - 30) : m.start()])):
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
            found.append((distance, LocationData(city=surface, country=country)))
        if not found:
            return None
        return min(found, key=lambda x: x[0])[1]

    def _context_country(self, doc: Doc, state_spans: list[Span]) -> str | None:
        """The country a release is about when it does not say where: the host of the
        field operation it names, else the only State it names."""
        orgs: list[OrgData] = doc_value(doc, "newsie_orgs") or []
        for org in orgs:
            if org.kind == "field_operation" and org.country:
                return org.country
        codes = {s.kb_id_ for s in state_spans}
        return next(iter(codes)) if len(codes) == 1 else None

    def _lookup(self, raw: str, doc_states: set[str]) -> Place | None:
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

    def _after_place_word(self, doc: Doc, i: int) -> bool:
        """"in Norway", "in the former Yugoslav Republic of Macedonia", "in south Germany"."""
        T = toks(doc)
        for k in range(i - 1, max(-1, i - 4), -1):
            t = T[k]
            if t.lower_ in self._place_words:
                return True
            if not (t.lower_ in self._direction_words or (t.is_punct is False and t.is_lower and len(t) < 3)):
                return False
        return False

    def _election_day(self, doc: Doc, span: Span) -> bool:
        """A date that names an election day ("the elections in Albania on 3 July")."""
        T = toks(doc)
        before = {t.lower_ for t in T[max(0, span.start - 5) : span.start]}
        after = {t.lower_ for t in T[span.end : span.end + 4]}
        return bool((before | after) & self._election_words)

    def _participants(self, doc: Doc, focus: list[Unit], body_units: list[Unit]) -> int | None:
        seen = set()
        for unit in [*focus, *body_units]:
            if id(unit) in seen:
                continue
            seen.add(id(unit))
            sentence = text_of(doc)[unit.start_char : unit.end_char]
            found = self.counter.count(sentence)
            if found and reports_participants(sentence, found[1], lede=unit.paragraph == 0):
                return found[0]
        return None


def _surface(raw: str, canonical: str | None) -> str:
    """The city as the text writes it (title-cased when in capitals), trimmed to its name."""
    text = raw.strip()
    if canonical and canonical in text and "/" not in text:
        text = canonical
    return text.title() if text.isupper() else text


def _preceded_by(doc: Doc, span: Span, words: tuple[str, ...]) -> bool:
    return span.start > 0 and toks(doc)[span.start - 1].lower_ in words and not span_string(span).lower().startswith(("from", "between"))



def _event_id(doc_id: str | None, etype: str, start: dt.date | None, main: bool) -> str:
    return "ev-" + hashlib.sha1(f"{doc_id}|{etype}|{start}|{main}".encode()).hexdigest()[:12]
