"""`newsie_events`: the release's events, main event first, with dates, place and headcount."""

import bisect
import datetime as dt
import hashlib
import re
from itertools import accumulate
from operator import itemgetter
from typing import Any, ClassVar, Final

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..dates.grammar import HEAD_WORDS, days_after, is_observance
from ..events.cues import WordCues
from ..events.location import finish_location
from ..events.numbers import ParticipantCounter
from ..events.paragraphs import announced_at, bound_cue, may_report_participants, reports_participants
from ..extensions import DATELINE_KEY, OFFICIALS_KEY, ORGS_KEY, doc_value, set_doc_value, span_value, text_of
from ..kb.date_cues import date_cues
from ..kb.event_types import EventRules
from ..kb.history import HISTORY_FILE, StateEra, StateHistory
from ..kb.io import read_packaged
from ..kb.places import NAMESAKE_MIN, Place, PlaceKB, default_cities, place_kb
from ..payloads import DatelineData, DateValue, EventData, LocationData, OfficialData, OrgData, handed_over, meta_of, text_date
from ..rows import group_rows
from ..tokens import Cols, cols
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
    unit_lower,
    with_triggers,
)

try:  # CPython's own SHA-1: the same digest without OpenSSL's per-hash set-up (thousands of instructions)
    from _sha1 import sha1 as _sha1
except ImportError:  # pragma: no cover - an interpreter built without it
    _sha1 = hashlib.sha1

# "in CITY", "at CITY", "to CITY". The word boundary before "in"/"at"/"to" is checked after
# them, by a look-behind (`(?<!\w..)`: the character before the two letters is no word
# character), so the pattern starts with one of three letters and re skips every position
# holding another in C; `\b(?:in|at|to)...` matches the same, trying the pattern everywhere.
_PLACE: Final = r"(?:the\s+(?:city|town|village)\s+of\s+)?(?P<place>[A-ZÀ-Ý][\w’'\-]+(?:[ /][A-ZÀ-Ý][\w’'\-]+){0,2})"
_IN_PLACE: Final = re.compile(r"(?:in|at|to)(?<!\w..)\s+" + _PLACE)

# A date that is a dateline's: a city in capitals and a comma before it ("KYIV, "), a dash
# after it ("13 May 2002 –", "22 December (OSCE) –").
_CITY_BEFORE: Final = re.compile(r"(?<![\w’'.\-/])[A-ZÀ-Ý][A-ZÀ-ÝŠŽČĆĐ’'.\-]+(?:[ /][A-ZÀ-ÝŠŽČĆĐ][A-ZÀ-ÝŠŽČĆĐ’'.\-]+)*,\s*$")
_DASH_AFTER: Final = re.compile(r"\s*(?:\(OSCE\)\s*)?[-–—]")
_LOWER_WORD: Final = re.compile(r"\b[a-z]{2,}")
_STATE_AFTER: Final = re.compile(r",\s+(?:the\s+)?")  # "in Kopanik, Serbia", "in Mavrovo, the former ..."
_STATE_ENDS: Final = re.compile(r"\s*(?:[,.;:)]|$)|\s+[a-z]")  # "in Kopanik, Serbia, from ...", "..., Serbia."
# A list after a place ("to Kikinda, Zrenjanin and Novi Sad"): its separators and items.
_LIST_SEP: Final = re.compile(r",?\s+and\s+|,\s+")
_LIST_ITEM: Final = re.compile(r"[A-ZÀ-Ý][\w’'\-]+(?:[ /][A-ZÀ-Ý][\w’'\-]+){0,2}")
_NAME_GOES_ON: Final = re.compile(r"\s+[A-ZÀ-Ý]")
_KB_ID: Final = itemgetter(4)  # a row's kb_id_
_BODY_BEFORE_DATELINE: Final = 20  # characters of a release before a dateline that starts another
_PERFECT: Final = re.compile(r"\b(?:has|have)\b", re.IGNORECASE)  # "has trained 800 graduates since 2002"
_CLAUSE: Final = re.compile(r",|\b(?:which|that|who|whose)\b", re.IGNORECASE)  # a clause of its own
# An event said to have taken place at a date after the count ("a workshop held in October
# 2018"), not a project, a law or people ("launched in", "adopted in", "who graduated in").
_HELD_THEN: Final = re.compile(r"\b(?:held|organi[sz]ed|conducted|took place|hosted|convened)\b[^,.;]{0,30}\b(?:in|on)\s*$", re.IGNORECASE)
_NEAR_TRIGGER: Final = 40  # characters from the event's trigger to a range said of it
# What joins a range to the event right before it ("the training for judges held from",
# "a course in Kyiv, running from"), with no topic between ("a roundtable on the
# monitoring conducted from ..." is the monitoring's).
_SAID_OF_IT: Final = re.compile(
    r"^(?:(?!\b(?:on|of|about)\b)[^.;])*?\b(?:held|running|runs|run|taking place|takes place|lasting|continuing)\s+(?:from|on|between)?\s*$|^\s*(?:from|between)\s*$",
    re.IGNORECASE,
)
_PAST_DAYS: Final = 183  # half a year: a later paragraph's date that far back is background (as in `_dates`)
_HISTORY_DAYS: Final = 36_525  # a century: a date that far from the text's own is history, never its event's
Row = tuple[int, int, int, int, str, str]  # a span: start, end, start_char, end_char, kb_id_, id_ (`group_rows`)


class _Release:
    """What the events stage reads from one Doc, read once as plain data, and what it
    works out per sentence (each event of a release asks again)."""

    __slots__ = (
        "_bounds",
        "_context",
        "_counts",
        "_cut",
        "_date_starts",
        "_day_dates",
        "_doc_states",
        "_event_dates",
        "_first_named",
        "_org_reach",
        "_places",
        "_state_index",
        "_title_spans",
        "cols",
        "dateline",
        "dates",
        "doc",
        "meta",
        "modified",
        "org_names",
        "org_rows",
        "people",
        "state_codes",
        "states",
        "text",
        "today",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.cols = cols(doc)
        self.meta = meta_of(doc)
        user_data: dict[Any, Any] = doc.user_data
        self.dateline: DatelineData | None = user_data.get(DATELINE_KEY)
        self.today = text_date(doc)  # what the dates were anchored to
        self.dates: list[Row] = group_rows(doc, ext.DATES)
        self.states: list[Row] = group_rows(doc, ext.STATES)
        self.org_rows: list[Row] | None = None
        org_data: list[OrgData] = user_data.get(ORGS_KEY) or []
        people_data: list[OfficialData] = user_data.get(OFFICIALS_KEY) or []
        self.org_names = [o.name for o in org_data if o.name]
        self.people = [p.name for p in people_data if not p.inferred]
        self._title_spans: list[tuple[int, int]] | None = None
        self.state_codes = list(dict.fromkeys(map(_KB_ID, self.states)))
        self._doc_states: set[str] | None = None
        self._context: tuple[str | None] | None = None
        self._event_dates: tuple[list[int], dict[int, DateValue], set[int]] | None = None
        # Event dates that date something else, by start: the token of the word a date
        # modifies ("the 25 November attack"), -1 for a background clause ("that occurred on")
        self.modified: dict[int, int] = {}
        self._day_dates: list[tuple[int, DateValue]] | None = None
        self._date_starts: list[int] | None = None  # the start of each row of `dates` (`counts_the_past`)
        self._cut: int | None = None
        self._bounds: dict[tuple[int, int], str | None] = {}
        self._counts: dict[tuple[int, int], tuple[int, str] | None] = {}
        self._places: dict[tuple[int, int], LocationData | None] = {}
        self._state_index: tuple[list[int], dict[int, tuple[int, str]]] | None = None
        self._org_reach: tuple[list[int], list[int]] | None = None
        self._first_named: dict[str, int] | None = None

    def refers_back(self, units: list[Unit], unit: Unit) -> bool:
        """Whether `unit` names, after "the" or "this", an event a sentence before it names
        ("Speaking at a conference ..." then "The conference brought together ..."): where
        each trigger is first named is read once per release (`units` in text order)."""
        first = self._first_named
        if first is None:
            first = self._first_named = {}
            for u in units:
                for _, trigger in u.best_trigger.values():
                    first.setdefault(trigger.text.lower(), u.start_char)
        lowers = self.cols.lowers
        return any(
            trigger.start > 0 and lowers[trigger.start - 1] in ("the", "this") and first.get(trigger.text.lower(), unit.start_char) < unit.start_char
            for _, trigger in unit.best_trigger.values()
        )

    def state_index(self) -> tuple[list[int], dict[int, tuple[int, str]]]:
        """The States' start offsets, sorted, and each State name's (end offset, code) by
        its start (read once: a list of places asks for every item)."""
        if self._state_index is None:
            self._state_index = (sorted(r[2] for r in self.states), {r[2]: (r[3], r[4]) for r in self.states if r[5] == "name"})
        return self._state_index

    def in_organization(self, char: int) -> bool:
        """Whether the character at `char` is in an organization's name ("the OSCE Mission
        to Moldova"): a bisection on the names' sorted starts and how far the names up to
        each reach (built once; names may nest), not a scan of every name."""
        if self._org_reach is None:
            ranges = sorted((r[2], r[3]) for r in self.organizations())
            self._org_reach = ([a for a, _ in ranges], list(accumulate((b for _, b in ranges), max)))
        starts, reach = self._org_reach
        k = bisect.bisect_right(starts, char)
        return k > 0 and reach[k - 1] > char

    def organizations(self) -> list[Row]:
        """The ORG spans' rows (read once)."""
        if self.org_rows is None:
            self.org_rows = group_rows(self.doc, ext.ORGANIZATIONS)
        return self.org_rows

    @property
    def doc_states(self) -> set[str]:
        if self._doc_states is None:
            self._doc_states = {r[4] for r in self.states}
        return self._doc_states

    def cut(self) -> int:
        """Where a second release begins inside the body (else the text's length): at the
        first date after the opening one that is itself a dateline's ("... the laws
        KYIV, 13 May 2002 – The ..."), as when a site runs several items together. Its
        dates and those after it belong to another release."""
        if self._cut is None:
            text = self.text
            self._cut = len(text)
            dateline = self.dateline
            opening = dateline.end_char if dateline else self.meta.body_start
            # Where the first lowercase word after the opening ends, found once: searched
            # from the opening for each date, a text of datelines alone was quadratic.
            lower_end = -1
            for _, _, start_char, end_char, _, _ in self.dates:
                # The dash after the date, or the end of its span's last token ("2002-")
                if start_char < opening + _BODY_BEFORE_DATELINE or not (_DASH_AFTER.match(text, end_char) or text[end_char - 1] in "-–—"):
                    continue
                m = _CITY_BEFORE.search(text, max(0, start_char - 60), start_char)
                if m is None or m.start() < opening + _BODY_BEFORE_DATELINE:
                    continue
                if lower_end < 0:
                    word = _LOWER_WORD.search(text, opening)
                    lower_end = word.start() + 2 if word is not None else len(text) + 1  # (a match needs two letters)
                # Some of a release before it: a lowercase word, not more cities of one
                # dateline ("STRASBOURG, VIENNA, WARSAW, 21 March 2011 –").
                if lower_end <= m.start():
                    self._cut = m.start()
                    break
        return self._cut

    def title_spans(self) -> list[tuple[int, int]]:
        """Where the officials' titles stand in the text ("Special Representative for
        Combating Trafficking in Human Beings"): a remit, no place of an event."""
        if self._title_spans is None:
            spans = []
            people: list[OfficialData] = doc_value(self.doc, "newsie_officials") or []
            # only a title with a place word in it can hold a place ("... Trafficking in Human Beings")
            for title in {p.title for p in people if p.title and (" in " in p.title or " to " in p.title or " at " in p.title)}:
                i = self.text.find(title)
                while i >= 0:
                    spans.append((i, i + len(title)))
                    i = self.text.find(title, i + 1)
            self._title_spans = spans
        return self._title_spans

    def day_dates(self) -> list[tuple[int, DateValue]]:
        """Every DATE span's start and value, for the days with a start (in span order)
        before a second release (`cut`)."""
        if self._day_dates is None:
            out = []
            cut = self.cut()
            for _, _, start_char, end_char, _, _ in self.dates:
                if start_char >= cut:
                    break
                d = span_value(self.doc, "newsie_date", start_char, end_char)
                if d is not None and d.granularity == "day" and d.start is not None:
                    out.append((start_char, d))
            self._day_dates = out
        return self._day_dates

    def counts_the_past(self, unit: Unit, at: int) -> bool:
        """Whether the count at character `at` of a sentence is of a time over half a year
        before the release's: a date of that time, not after "since", before the count ("a
        workshop held in October 2018 brought together 40 officials") or after it, unless
        said of the people counted ("40 officials took part in a workshop held in October
        2018"; not "25 officers who graduated in 2020"); or "since" that time in a sentence
        of a count that has grown ("has trained 800 graduates since 2002"; not "The course,
        organized since 2015, brought together 25")."""
        today = self.today
        if today is None:
            return False
        text = self.text
        if self._date_starts is None:
            self._date_starts = [row[2] for row in self.dates]
        dates = self.dates
        # the sentence's dates only (no scan from the text's start, no copy of the rest, per sentence)
        for k in range(bisect.bisect_left(self._date_starts, unit.start_char), len(dates)):
            start_char, end_char = dates[k][2], dates[k][3]
            if start_char >= unit.end_char:
                break
            d = span_value(self.doc, "newsie_date", start_char, end_char)
            if d is None or d.end is None or d.year_inferred or (today - d.end).days <= _PAST_DAYS:
                continue
            since = text[max(unit.start_char, start_char - 6) : start_char].lower().rstrip().endswith("since")
            if since:
                # "has trained 800 graduates since 2002", "800 officers have completed the course
                # since 2010"; not "25 officers attended the course, which has been organized since 2015"
                if _PERFECT.search(text, unit.start_char, at) is not None or (
                    _PERFECT.search(text, at, start_char) is not None and _CLAUSE.search(text, at, start_char) is None
                ):
                    return True
            elif start_char < at or _HELD_THEN.search(text[max(at, start_char - 40) : start_char]) is not None:
                return True  # "held in October 2018 brought together 40"; "took part in a workshop held in October 2018"
        return False

    def bound(self, unit: Unit, start_char: int) -> str | None:
        """`bound_cue` of the text from a sentence's start to a date in it."""
        key = (unit.start_char, start_char)
        if key not in self._bounds:
            self._bounds[key] = bound_cue(self.text[max(unit.start_char, start_char - 30) : start_char])
        return self._bounds[key]

    def count(self, counter: ParticipantCounter, unit: Unit) -> tuple[int, str] | None:
        """`ParticipantCounter.count` of a sentence."""
        key = (unit.start_char, unit.end_char)
        if key not in self._counts:
            self._counts[key] = counter.count(self.text[unit.start_char : unit.end_char], unit_lower(unit, self.text))
        return self._counts[key]


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
        r = self.rules
        self.counter = ParticipantCounter(
            r.participant_nouns,
            not_after=r.count_not_after,
            not_between=r.count_not_between,
            units=r.count_units,
            victim_cues=[*r.victim_cues, *r.respondent_cues],
            victim_verbs=r.victim_verbs,
            group_nouns=r.group_nouns,
        )
        self._conclude = frozenset(r.conclusion_verbs)
        self._conclude_phrases = tuple(p.lower() for p in r.conclusion_phrases)
        self._end_only = frozenset(r.end_only_verbs)
        self._lasting_types = frozenset(r.lasting_types)
        self._gathering_types = frozenset(r.gathering_types)
        self._unattended_types = frozenset(r.unattended_types)
        cues = sorted((re.escape(c.lower()) for c in date_cues().observance_not_after), key=len, reverse=True)
        # (in the clause before a named day: "ahead of Europe Day", "a follow-up to events held on ...")
        self._observance_not_after = re.compile(rf"\b(?:{'|'.join(cues)})\b" if cues else r"(?!)")
        # "in Norway", and "visiting Norway": a visit's object is its place
        self._visit_verbs = frozenset(v.lower() for v in r.visit_verbs)
        self._place_words = frozenset(r.place_words) | self._visit_verbs
        self._direction_words = frozenset(r.direction_words)
        # ", near Tashkent", ", Khatlon Region" after a town newsie does not know, unless a region's name
        self._region_names = frozenset(r.region_names)
        self._near_after = re.compile(rf",\s+(?:{'|'.join(map(re.escape, r.near_words))})\s+{_PLACE}") if r.near_words else None
        self._region_words = frozenset(w.lower() for w in r.city_region_words)
        self._region_word = re.compile(rf"\s+(?i:{'|'.join(map(re.escape, r.city_region_words))})\b") if r.city_region_words else None
        self._region_after = (
            re.compile(rf",\s+[A-ZÀ-Ý][\w’'\-]+(?:\s+[A-ZÀ-Ý][\w’'\-]+)?\s+(?i:{'|'.join(map(re.escape, r.region_words))})\b") if r.region_words else None
        )
        self._not_after = tuple(r.not_event_date_after)
        self._background_after = tuple(c.lower() for c in r.background_date_after)
        # each cue's word before "on" ("place", "occurred"): a date after none of them needs no closer look
        self._background_verbs = frozenset(c.split()[-2] for c in self._background_after if len(c.split()) > 1)
        self._not_modified_after = frozenset(w.lower() for w in r.not_modified_after)
        self._length_not_after = frozenset(w.lower() for w in r.length_not_after)
        self._period_words = frozenset(w.lower() for w in r.period_words)
        self._election_words = frozenset(r.election_words)
        self._visit_words = tuple(w.lower() for w in r.visit_words)
        self._unmoved_types = frozenset(r.unmoved_types)
        self._observed_types = frozenset(r.observed_types)
        self._visit_before = re.compile(rf"\b(?:{'|'.join(map(re.escape, r.visit_words))})\b[^.]{{0,25}}$", re.IGNORECASE) if r.visit_words else None
        verbs = sorted(self._visit_verbs, key=len, reverse=True)
        # the verbs no other verb contains ("visit" for "visited"): a sentence holding none has no match
        self._visit_stems = tuple(v for v in verbs if not any(o != v and o in v for o in verbs))
        self._visit_place = re.compile(rf"(?<!\w)(?i:{'|'.join(map(re.escape, verbs))})\s+{_PLACE}") if verbs else None
        # Per statement mode: any of its cues as a whole word.
        self._statement_cues = [(mode, spec.cameo, WordCues(spec.cues)) for mode, spec in self.rules.statement_modes.items() if spec.cues]

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
        release: _Release | None = None
        for i, (etype, confidence) in enumerate(ranked):
            release = release or _Release(doc)
            event, trigger = self._event(release, units, etype, confidence, main=i == 0)
            events.append(event)
            if trigger is not None:
                triggers.append(Span(doc, trigger.start, trigger.end, label=ext.EVENT, kb_id=etype))
        set_doc_value(doc, "newsie_events", events)
        doc.spans[self.cfg["spans_key"]] = triggers
        return doc

    # -- one event ------------------------------------------------------------
    def _event(self, rel: _Release, units: list[Unit], etype: str, confidence: float, *, main: bool) -> tuple[EventData, Trigger | None]:
        meta = rel.meta
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
        start, end = self._dates(rel, focus, body_units, etype, main=main)
        titles = [u for u in units if u.index < 0]
        location = finish_location(self._location(rel, focus, etype, titles), rel.dateline, start or rel.today, self.history)
        participants = self._participants(rel, focus, body_units, etype, units)
        spec = self.rules.types.get(etype)  # type: ignore[call-overload]
        plover, cameo = (spec.plover, spec.cameo) if spec else (None, None)
        if etype == "statement" and evidence_unit is not None:
            plover, cameo = self._statement_mode(rel, [u for u in units if u.index < 2], plover, cameo)
        event = EventData(
            id=_event_id(meta.id, etype, start, main),
            type=etype,
            trigger=trigger.text if trigger is not None else None,
            evidence=rel.text[evidence_unit.start_char : evidence_unit.end_char].strip() if evidence_unit else None,
            confidence=round(min(1.0, max(0.0, confidence)), 3),
            start=start,
            end=end,
            location=location,
            participants=participants,
            organizations=list(rel.org_names),
            states=list(rel.state_codes),
            officials=list(rel.people),
            plover=plover,
            cameo=cameo,
        )
        return event, trigger

    def _statement_mode(self, rel: _Release, units: list[Unit], plover: str | None, cameo: str | None) -> tuple[str | None, str | None]:
        text = " ".join(unit_lower(u, rel.text) for u in units)
        for mode, mode_cameo, cues in self._statement_cues:
            if cues.search(text):
                return mode, mode_cameo
        return plover, cameo

    def _event_dates(self, rel: _Release) -> tuple[list[int], dict[int, DateValue], set[int]]:
        """The dates that may be an event's, outside the dateline (by start offset, in
        span order), the value at each start, and the starts of days observed each year
        ("International Roma Day": see `_dates`): a day with a start, not after a word such
        as "since", not an election day unless "today", not a century or more from the
        text's date ("a conference on the treaty signed on 24 October 1648"), not a named
        day said of another time ("ahead of Europe Day", `observance_not_after`)."""
        if rel._event_dates is None:
            dateline = rel.dateline
            dl_range = (dateline.start_char, dateline.end_char) if dateline else (-1, -1)
            starts: list[int] = []
            values: dict[int, DateValue] = {}  # by start_char: each span's DateValue (a day with a start), read once
            today = rel.today
            doc = rel.doc
            lowers = rel.cols.lowers
            cut = rel.cut()
            for start, end, start_char, end_char, _, _ in rel.dates:
                if start_char >= cut:
                    break
                if not (dl_range[0] <= start_char < dl_range[1]):
                    v = span_value(doc, "newsie_date", start_char, end_char)
                    # "today" is when something happens, even next to "elections" ("today opened an election observation mission")
                    is_today = v is not None and v.relative and v.start == today
                    if (
                        v is not None
                        and v.granularity == "day"
                        and v.start
                        and (today is None or abs((v.start - today).days) < _HISTORY_DAYS)
                        and not self._preceded_by(rel, lowers, start, start_char, end_char)
                        and (is_today or not self._election_day(lowers, start, end))
                    ):
                        values[start_char] = v
                        starts.append(start_char)
                        if start > 0 and not is_today:
                            self._mark_modifier(rel, lowers, start, end, start_char)
            named = {s for s in starts if values[s].year_inferred and is_observance(rel.text[values[s].start_char : values[s].end_char])}
            if named:
                # ("ahead of Europe Day", "a follow-up to events held on International Roma Day": another time's)
                other = {s for s in named if self._observance_not_after.search(_clause_tail(rel.text[max(0, s - 50) : s].lower()))}
                if other:
                    named -= other
                    starts = [s for s in starts if s not in other]
            rel._event_dates = (starts, values, named)
        return rel._event_dates

    def _mark_modifier(self, rel: _Release, lowers: list[str], start: int, end: int, start_char: int) -> None:
        """Note in `rel.modified` a date that dates what the text mentions beside the event:
        one between "the" and a word it modifies ("the 25 November assassination attempt"),
        one right after a background clause ("the incident that took place on 6 August")."""
        before = lowers[start - 1]
        if before == "the":
            if end < len(lowers) and rel.cols.is_lower[end] and lowers[end] not in self._not_modified_after:
                rel.modified[start_char] = end
        elif (before == "on" and start > 1 and lowers[start - 2] in self._background_verbs) or (
            before in self._background_verbs and rel.text.startswith(("on ", "On "), start_char)
        ):
            tail = rel.text[max(0, start_char - 30) : start_char].lower().rstrip()
            if not tail.endswith(" on"):
                tail += " on"
            if any(tail.endswith(" " + cue) or tail == cue for cue in self._background_after):
                rel.modified[start_char] = -1

    def _dates(self, rel: _Release, focus: list[Unit], body_units: list[Unit], etype: str, main: bool = True) -> tuple[dt.date | None, dt.date | None]:
        dl_date = rel.dateline.date if rel.dateline else None
        starts, values, named = self._event_dates(rel)
        anchor = rel.today
        if etype == "statement" and anchor is not None:
            # A statement is made on the day the text was written: a relative day before it
            # ("yesterday's elections", "the agreement reached on Saturday") dates what the
            # statement reacts to, never the statement.
            starts = [s for s in starts if not (values[s].relative and values[s].start < anchor)]  # type: ignore[operator]

        def in_unit(unit: Unit, relative_only: bool = False) -> list[int]:
            found = [s for s in starts if unit.start_char <= s < unit.end_char and (values[s].relative or not relative_only)]
            if rel.modified:
                # A date of something else, unless that is the event's own trigger ("the 5 May seminar")
                best = unit.best_trigger.get(etype)
                at = best[1].start if best is not None else -2
                found = [s for s in found if s not in rel.modified or 0 <= at - rel.modified[s] <= 3]
            return found

        if etype == "statement":
            # A statement happens when it is made: "today" or the dateline, before other dates.
            for unit in focus:
                found = in_unit(unit, relative_only=True)
                if found:
                    d = values[found[0]]
                    return d.start, d.end
            if dl_date:
                return dl_date, dl_date
        chosen: int | None = None
        unit_of: Unit | None = None
        # Days observed each year ("International Roma Day"): the occasion, not always the
        # day of the event ("To mark the Day ..., a campaign from 17 to 25 June"); one dates
        # the event only when no sentence of it says another day.
        fallback: tuple[int, Unit] | None = None
        for unit in [*focus, *body_units[:3]]:
            if unit.paragraph > 0 and etype not in unit.scores:
                continue  # a later paragraph's sentence of something else ("..., she said today")
            found = in_unit(unit)
            if unit.paragraph > 0 and anchor is not None:
                # Background, or a plan: a later paragraph's date long before the release, or
                # more than half a year after it ("the next conference, in 2027"), is not the event's.
                found = [s for s in found if -183 <= (anchor - values[s].start).days <= 60]  # type: ignore[operator]
            if named and found:
                if fallback is None and found[0] in named:
                    fallback = (found[0], unit)
                found = [s for s in found if s not in named]
            if found:
                chosen, unit_of = found[0], unit
                if len(found) > 1:  # (only a later date can stand in for the first)
                    cue = announced_at(rel.text[unit.start_char : unit.end_char], unit_lower(unit, rel.text))
                    later = [s for s in found if cue is not None and s >= unit.start_char + cue and not values[s].relative]
                    if later:  # "announced today that ... will take place ... on 8 and 9 March"
                        chosen = later[0]
                break
        if chosen is None and fallback is not None:
            chosen, unit_of = fallback
        if chosen is None:
            # No date in the lede: an election observation release is the observers' own
            # statement, dated by its dateline like a statement (above); any other event is
            # undated (its days are not said).
            if dl_date and etype == "election_observation":
                return dl_date, dl_date
            return None, None
        value = values[chosen]
        if value.start == value.end and etype in self._lasting_types:
            # "concluded today ... held on 10-12 September": a range said near the lede that
            # begins or ends on the day is the lasting event's span
            near: set[int] = set()  # ranges right after the event's trigger ("the training for judges held from 6 to 17 September")
            for unit in [*focus, *body_units[:3]]:
                best = unit.best_trigger.get(etype)
                if best is not None:
                    t_end = rel.cols.idxs[best[1].end - 1] + len(rel.cols.texts[best[1].end - 1])
                    near.update(s for s in in_unit(unit) if 0 <= s - t_end <= _NEAR_TRIGGER and _SAID_OF_IT.search(rel.text[t_end:s]) is not None)
            value = self._range_holding(value, [s for unit in [*focus, *body_units[:3]] for s in in_unit(unit)], values, near)
        start, end = value.start, value.end
        assert start is not None
        end_only = False
        if start == end and unit_of is not None:
            days = self._duration(rel, unit_of)
            lower = unit_lower(unit_of, rel.text)
            if days and days > 1:
                # The day said is the last one: after an end cue ("will conclude tomorrow",
                # "runs until"), or in a sentence of the conclusion, unless a start cue
                # says it is the first ("opened on 2 June"); else it is the first.
                said = rel.bound(unit_of, chosen)
                if said == "end" or (said != "start" and (set(lower.split()) & self._conclude or any(p in lower for p in self._conclude_phrases))):
                    start = days_after(end, 1 - days)
                else:
                    end = days_after(start, days - 1)
                if start is None or end is None:  # the other end lies past year 1 or 9999: the day said alone
                    return start, end
            elif not days and main and etype in self._lasting_types:  # (a secondary event's sentence says nothing of its end)
                # "The forum concluded today": the day said is the last; the first is not said
                end_only = not self._end_only.isdisjoint(lower.split())
        assert end is not None
        if value.start != value.end:  # "on 21 and 22 January", "from 20 to 25 September": both ends said
            return start, end
        bounded = self._stated_bounds(rel, [*focus, *body_units[:3]], start, end)
        if end_only and bounded == (start, end):  # ("opened today a course that ends on 4 January": a stated end)
            return None, end
        return bounded

    @staticmethod
    def _range_holding(day: DateValue, found: list[int], values: dict[int, DateValue], near: set[int]) -> DateValue:
        """The first of the `found` dates that is a range of days (at most two months long)
        beginning or ending on `day`, or holding it when it follows the event's trigger
        closely (`near`: "today continued the training held from 6 to 17 September"), else
        `day`. (A range that only holds the day, said of something else, is that thing's: "a
        press conference today on its observation, which was conducted from 1 to 30 June".)"""
        for s in found:
            v = values[s]
            if v.start is None or v.end is None or not v.start < v.end or (v.end - v.start).days > 62 or day.start is None:
                continue
            if day.start in (v.start, v.end) or (s in near and v.start <= day.start <= v.end):
                return v
        return day

    def _stated_bounds(self, rel: _Release, units: list[Unit], start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
        """"The course, which started on 25 October", "will run until 22 September": a bound
        stated near the lede, within two months of the event's other end."""
        day_dates = rel.day_dates()
        for unit in units:
            for start_char, d in day_dates:
                if not (unit.start_char <= start_char < unit.end_char):
                    continue
                cue = rel.bound(unit, start_char)
                if cue == "start" and d.start <= end and (end - d.start).days <= 62:  # type: ignore[operator]
                    start = d.start  # type: ignore[assignment]
                elif cue == "end" and d.end is not None and d.end >= start and (d.end - start).days <= 62:
                    end = d.end
        return start, end

    def _duration(self, rel: _Release, unit: Unit) -> int | None:
        cut = rel.cut()
        for _, _, start_char, end_char, _, _ in group_rows(rel.doc, ext.DURATIONS):
            if unit.start_char <= start_char < min(unit.end_char, cut) and self._event_length(rel, start_char, end_char):
                days = span_value(rel.doc, "newsie_days", start_char, end_char)
                if days:
                    return int(days)
        return None

    def _event_length(self, rel: _Release, start_char: int, end_char: int) -> bool:
        """Whether a length may be an event's: not right after "than" or "almost" ("less than
        two months from the elections"), not weeks or months after "past" ("developments in
        the past six months"; "over the past two days" may be a conference's)."""
        before = rel.text[max(0, start_char - 12) : start_char].split()
        word = before[-1].lower() if before else ""
        if word in self._length_not_after:
            return False
        return word not in self._period_words or "day" in rel.text[start_char:end_char].lower()

    def _location(self, rel: _Release, focus: list[Unit], etype: str, titles: list[Unit]) -> LocationData:
        """The event's place: "in CITY" in its sentences; else the headline's place of the
        event ("conference in Skopje", "workshop in Serbia"); else a State its sentences
        place it in; else the dateline city."""
        dateline = rel.dateline
        dl_city = dateline.city if dateline else None
        dl_country = dateline.country if dateline else None
        if etype == "statement" and dl_city:
            return LocationData(city=dl_city, country=dl_country)
        # The lede's sentences, then the headline, then a sentence of a later paragraph (where
        # the trigger is when the lede has none: a headline that places the event says more).
        later = [unit for unit in focus if unit.paragraph > 0]
        for unit in [u for u in focus if u.paragraph == 0] + titles + later:
            if unit.index < 0:
                if not self._may_place_event(rel, unit, etype):
                    continue
                found = self._find_place(rel, unit, etype, of_event=True) or self._state_place(rel, unit, etype, dl_city, dl_country, of_event=True)
            else:
                # (a journey does not place an event of an unmoved type: asked per type, not once per sentence)
                found = self._find_place(rel, unit, etype) if etype in self._unmoved_types else self._places_in(rel, unit)
            if found:
                return found
        # Under a dateline from elsewhere, or from several cities ("VIENNA/BELGRADE"), a State
        # places the event only when said of it ("a visit to Georgia", not "threats in BiH").
        elsewhere = dateline is not None and (bool(dl_city) or len(dateline.cities) > 1)
        for unit in focus:
            found = self._state_place(rel, unit, etype, dl_city, dl_country, of_event=elsewhere)
            if found:
                return found
        if dl_city:
            return LocationData(city=dl_city, country=dl_country or _state_after_town(rel, dl_city) or self._context_country(rel))
        return LocationData(city=None, country=dl_country)

    def _state_place(self, rel: _Release, unit: Unit, etype: str, dl_city: str | None, dl_country: str | None, *, of_event: bool) -> LocationData | None:
        """The first State `unit` names after a place word ("in Norway"); with `of_event`,
        only one said of the event and outside an organization's name: "in Albania" after a
        dateline from elsewhere places the event only when it is said of it ("a course in
        Germany", "a visit to Azerbaijan"), not of a topic ("the situation in Belarus")."""
        observed = etype in self._observed_types
        for start, end, start_char, end_char, kb_id, id_ in rel.states:
            if not (unit.start_char <= start_char < unit.end_char and id_ == "name"):
                continue
            word = self._place_word_before(rel.cols, start)
            # "Estonia's parliamentary elections", "the 23 September Belarus Parliamentary Elections"
            elections = observed and self._elections_after(rel.cols, end)
            if word < 0 and not elections:
                continue
            if dl_city and dl_country in (kb_id, None):  # a dateline town the gazetteer lacks is in the State named
                return LocationData(city=dl_city, country=kb_id)
            if not of_event or elections or (not rel.in_organization(start_char) and self._said_of_event(rel, unit, word, etype)):
                return self._listed(rel, end_char, unit.end_char, {kb_id}) or LocationData(city=None, country=kb_id)
        return None

    def _elections_after(self, C: Cols, i: int) -> bool:
        """Whether an election word follows token `i` within a few words and no punctuation
        but a possessive ("’s early parliamentary elections", " presidential election")."""
        for k in range(i, min(len(C.lowers), i + 4)):
            lower = C.lowers[k]
            if lower in self._election_words:
                return True
            if C.is_punct[k] and lower not in ("’s", "'s"):
                return False
        return False

    def _listed(self, rel: _Release, end: int, limit: int, countries: set[str]) -> LocationData | None:
        """Several places listed from `end` on, before `limit` ("a visit to Kikinda, Zrenjanin
        and Novi Sad", "to Azerbaijan, Georgia and Armenia"): the event took place in all of
        them, in no one city; in their country when those newsie knows are all in one
        (`countries` holds the first place's). None when no list of places follows."""
        text = rel.text
        sep = _LIST_SEP.match(text, end, limit)
        if sep is None:
            return None
        starts, states = rel.state_index()
        known = bool(countries)
        while True:
            at = sep.end()
            if at in states:
                end, country = states[at]
            else:
                item = _LIST_ITEM.match(text, at, limit)
                # (a name, not a place: "in Vienna, OSCE Chairperson-in-Office and Slovak Minister ...")
                if item is None or rel.in_organization(at) or _starts_within(starts, at, item.end()):
                    return None
                end = item.end()
                place = self._lookup(item.group(), rel.doc_states)
                country = place.country if place is not None else ""
            if country:
                countries.add(country)
                known = True
            if "and" in sep.group():
                break
            sep = _LIST_SEP.match(text, end, limit)
            if sep is None:  # "in Tuzla, Bosnia and Herzegovina": a town and its State
                return None
        # a list of places, not "to Skopje and Prime Minister Edi Rama"
        if not known or _NAME_GOES_ON.match(text, end, limit):
            return None
        return LocationData(city=None, country=next(iter(countries)) if len(countries) == 1 else None)

    def _places_in(self, rel: _Release, unit: Unit) -> LocationData | None:
        """"in CITY" in a sentence, the one nearest the event's date first (once per sentence)."""
        key = (unit.start_char, unit.end_char)
        if key not in rel._places:
            rel._places[key] = self._find_place(rel, unit)
        return rel._places[key]

    def _find_place(self, rel: _Release, unit: Unit, etype: str = "", *, of_event: bool = False) -> LocationData | None:
        """"in CITY" (or "visited CITY") in `unit`, the one nearest a date; with `of_event`,
        only where said of the event of type `etype` ("a conference in Skopje", see `_said_of_event`)."""
        text = rel.text[unit.start_char : unit.end_char]
        # (match, whether a visit verb names it: "visited Kyiv" counts only for a place the gazetteer knows)
        matches = [(m, False) for m in _IN_PLACE.finditer(text)]
        if self._visit_place is not None and any(stem in unit_lower(unit, rel.text) for stem in self._visit_stems):
            matches += [(m, True) for m in self._visit_place.finditer(text)]
        if of_event:
            idxs = rel.cols.idxs
            matches = [(m, v) for m, v in matches if self._said_of_event(rel, unit, bisect.bisect_left(idxs, unit.start_char + m.start()), etype)]
        if not matches:
            return None
        # Lookups by position, so a unit with many matches stays linear.
        in_org = bytearray(unit.end_char - unit.start_char)
        # Organizations' names and officials' titles: "the OSCE Mission to Serbia", "... Trafficking in Human Beings"
        for o_start, o_end in [*((r[2], r[3]) for r in rel.organizations()), *rel.title_spans()]:
            a, b = max(o_start, unit.start_char), min(o_end, unit.end_char)
            if a < b:
                in_org[a - unit.start_char : b - unit.start_char] = b"\x01" * (b - a)
        state_starts = {r[2] for r in rel.states}
        unit_dates = [(start_char, end_char) for _, _, start_char, end_char, _, _ in rel.dates if unit.start_char <= start_char < unit.end_char]
        date_ends = sorted(end_char for _, end_char in unit_dates)
        found: list[tuple[int, LocationData]] = []
        for m, visited in matches:
            word = m.group(0).split()[0]
            a = unit.start_char + m.start("place")
            if in_org[m.start("place")] or a in state_starts:
                continue  # (before the regex below: "the OSCE Mission to Serbia" is most "to"s)
            if word == "to" and (etype in self._unmoved_types or not (self._visit_before and self._visit_before.search(text[max(0, m.start() - 30) : m.start()]))):
                continue
            raw = m.group("place")
            after = unit.start_char + m.end("place")
            if raw.rsplit(None, 1)[-1].lower() in self._region_words or (
                self._region_word is not None and self._region_word.match(rel.text, after, unit.end_char)
            ):
                continue  # "in Luhansk region", "in the Osh Region": a region named after its capital, not the city
            place = self._lookup(raw, rel.doc_states)
            pos = m.start() + unit.start_char
            listed = None
            if _LIST_SEP.match(rel.text, after, unit.end_char) is not None:  # (rare: a call only then)
                listed = self._listed(rel, after, unit.end_char, {place.country} if place is not None else set())
            if listed is not None:
                found.append((_distance(pos, date_ends), listed))
                continue
            if place is not None:
                country: str | None = place.country
            elif visited or "/" in raw or not raw[:1].isupper():
                continue
            else:
                country = self._town_country(rel, unit, m, in_org, unit_dates, date_ends)
                if country is None:
                    continue
            surface = _surface(raw, place.name if place else None)
            found.append((_distance(pos, date_ends), LocationData(city=surface, country=country)))
        if not found:
            return None
        return min(found, key=lambda x: x[0])[1]

    def _town_country(
        self, rel: _Release, unit: Unit, m: re.Match[str], in_org: bytearray, unit_dates: list[tuple[int, int]], date_ends: list[int]
    ) -> str | None:
        """The country of a town newsie does not know, "in TOWN" at `m` in `unit`: the State
        named right after it ("in Kopanik, Serbia"), the country of the city it is near ("in
        Chatkal, near Tashkent"), or, for a one-word town beside the event's date ("on 3 May
        in Farob", "in Farob on 3 May") or followed by its region ("in Shurobod, Khatlon
        Region"), the country the release is about (`_context_country`). None when not said, and
        for a town after an organization's name ("the Foundation in Kracow, Poland": its
        seat, not the event's place)."""
        text = rel.text
        end = unit.start_char + m.end("place")
        raw = m.group("place")
        if raw in self._region_names or raw.lower() in HEAD_WORDS:  # "in Abkhazia", "in December last year"
            return None
        one_word = " " not in raw
        context = self._context_country(rel)
        if one_word and context:
            pos = unit.start_char + m.start()
            k = bisect.bisect_left(date_ends, pos - 2)
            if k < len(date_ends) and date_ends[k] <= pos:
                return context
            if any(0 <= a - end <= 4 and text[end:a].strip() in ("", "on") for a, _ in unit_dates):
                return context
        if not text.startswith(",", end):
            return None
        before = m.start() - 1
        while before >= 0 and text[unit.start_char + before] == " ":
            before -= 1
        if before >= 0 and in_org[before]:
            return None
        after = text[end : min(unit.end_char, end + 60)]
        for _, _, start_char, end_char, kb_id, id_ in rel.states:
            # The State itself, not its possessive or a longer name ("in Mine Action, Tajikistan's Centre")
            if id_ == "name" and end < start_char <= end + 8 and _STATE_AFTER.fullmatch(text, end, start_char) and (
                end_char >= unit.end_char or _STATE_ENDS.match(text, end_char)  # (the headline's last word: "..., Germany")
            ):
                return kb_id
        near = self._near_after.match(after) if self._near_after else None
        if near is not None:
            place = self._lookup(near.group("place"), rel.doc_states)
            return place.country if place is not None else None
        if one_word and context and self._region_after is not None and self._region_after.match(after):
            return context
        return None

    def _context_country(self, rel: _Release) -> str | None:
        """The country a release is about when it does not say where: the host of the
        field operation it names, else the only State it names."""
        if rel._context is None:
            rel._context = (self._find_context(rel),)
        return rel._context[0]

    def _find_context(self, rel: _Release) -> str | None:
        orgs: list[OrgData] = doc_value(rel.doc, "newsie_orgs") or []
        for org in orgs:
            if org.kind == "field_operation" and org.country:
                return org.country
        codes = rel.doc_states
        return next(iter(codes)) if len(codes) == 1 else None

    def _lookup(self, raw: str, doc_states: set[str]) -> Place | None:
        words = raw.replace("/", " / ").split()
        # The longest prefix first, then each part of "Prishtinë/Priština". A shorter prefix
        # is a known city or a large one ("Belgrade" of "Belgrade City Hall"), not a small
        # place named like the first word ("Central" of "Central Asia").
        candidates = [(" ".join(words[:k]), k == len(words)) for k in range(len(words), 0, -1)] + [(p.strip(), True) for p in raw.split("/")]
        for c, whole in candidates:
            if not c or c == "/":
                continue
            place = self.places.lookup(c, prefer=doc_states)
            if place is not None and (place.curated or (whole and place.country in doc_states) or place.population >= NAMESAKE_MIN):
                return place
        return None

    def _place_word_before(self, C: Cols, i: int) -> int:
        """The token of the place word before the State at `i` ("in Norway", "in the former
        Yugoslav Republic of Macedonia", "in south Germany", "visiting Norway"), else -1."""
        lowers = C.lowers
        for k in range(i - 1, max(-1, i - 4), -1):
            lower = lowers[k]
            if lower in self._place_words:
                return k
            if not (lower in self._direction_words or (C.is_punct[k] is False and C.is_lower[k] and len(C.texts[k]) < 3)):
                return -1
        return -1

    def _may_place_event(self, rel: _Release, unit: Unit, etype: str) -> bool:
        """Whether `_said_of_event` can hold anywhere in `unit`: a place word at or right
        after its trigger of `etype`, a visit verb, or "to" and a visit word."""
        best = unit.best_trigger.get(etype)
        if best is not None:
            lowers = rel.cols.lowers
            trigger = best[1]
            if any(w < len(lowers) and lowers[w] in self._place_words for w in (trigger.start, trigger.end, trigger.end + 1)):
                return True
        lower = unit_lower(unit, rel.text)
        return any(stem in lower for stem in self._visit_stems) or (" to " in lower and any(word in lower for word in self._visit_words))

    def _said_of_event(self, rel: _Release, unit: Unit, word: int, etype: str) -> bool:
        """Whether the place word at token `word` places the event of type `etype`: a visit
        verb itself, the sentence's trigger of that type, a place word right after it ("a
        training course in"), or "to" after a visit word ("paid an official visit to")."""
        C = rel.cols
        lower = C.lowers[word]
        if lower in self._visit_verbs:
            return True
        best = unit.best_trigger.get(etype)
        if best is not None and (best[1].end in (word, word - 1) or best[1].start == word):
            return True
        if lower != "to" or self._visit_before is None or etype in self._unmoved_types:  # "its mission in Skopje" is no journey
            return False
        at = C.idxs[word]
        return bool(self._visit_before.search(rel.text[max(unit.start_char, at - 30) : at]))

    def _preceded_by(self, rel: _Release, lowers: list[str], start: int, start_char: int, end_char: int) -> bool:
        """A date right after a word such as "since" (unless it is "from ... to ...")."""
        return start > 0 and lowers[start - 1] in self._not_after and not rel.text[start_char:end_char].lower().startswith(("from", "between"))

    def _election_day(self, lowers: list[str], start: int, end: int) -> bool:
        """A date that names an election day ("the elections in Albania on 3 July")."""
        words = self._election_words
        return not (words.isdisjoint(lowers[max(0, start - 5) : start]) and words.isdisjoint(lowers[end : end + 4]))

    def _participants(self, rel: _Release, focus: list[Unit], body_units: list[Unit], etype: str, units: list[Unit]) -> int | None:
        """The count of people taking part in the event: in its sentences, else in the body's
        (`units`: all of the release's, the headline's first, for what a sentence refers back to)."""
        seen = set()
        gathering = etype in self._gathering_types
        unattended = etype in self._unattended_types
        for unit in [*focus, *body_units]:
            if id(unit) in seen:
                continue
            seen.add(id(unit))
            sentence, low, lede = rel.text[unit.start_char : unit.end_char], unit_lower(unit, rel.text), unit.paragraph == 0
            if not lede and not may_report_participants(sentence, lede=lede, low=low):
                continue  # no count it holds would be reported: none is read (in the lede most are)
            if not lede and not gathering and not rel.refers_back(units, unit):
                # A statement or a report gathers no one: a later paragraph's count is of
                # another event, unless it goes back to one named before ("Speaking at a
                # conference ..." then "The conference brought together 100 experts").
                continue
            found = rel.count(self.counter, unit)
            if found and not lede and rel.counts_the_past(unit, unit.start_char + max(0, sentence.find(found[1]))):
                continue  # another, earlier event's count
            if found and lede:
                # A lede's sentence that runs on past its paragraph (a lede cut short, with no
                # full stop): a count after the break is not the lede's.
                opening = len(sentence) - len(sentence.lstrip())
                dateline = rel.dateline
                if dateline is not None and unit.start_char <= dateline.start_char < dateline.end_char <= unit.end_char:
                    rest = sentence[dateline.end_char - unit.start_char :]  # a dateline on its own line opens the lede
                    opening = len(sentence) - len(rest.lstrip())
                # (the Doc's own text: a line wrapped at a fixed width is no break there, see
                # `making.unwrapped`. Unwrapping only makes line feeds spaces, so a sentence
                # without one after its opening has none in the Doc's text either, which is
                # rebuilt from the tokens on every access: ~75k instructions.)
                brk = -1 if sentence.find("\n", opening) < 0 else rel.doc.text[unit.start_char : unit.end_char].find("\n", opening)
                if brk > 0 and sentence.find(found[1]) > brk:
                    sentence, low = sentence[:brk], (low[:brk] if len(low) == len(sentence) else sentence[:brk].lower())
                    found = self.counter.count(sentence, low)
            # A statement, an appointment or a donation gathers no one: even in the lede a count
            # is of people said to take part ("beaten by two men", "sentenced three members": none).
            if found and reports_participants(sentence, found[1], lede=lede and not unattended, low=low):
                return found[0]
        return None


_CLAUSE_BREAK: Final = re.compile(r"[,;:.!?\n]")


def _clause_tail(text: str) -> str:
    """The text after its last clause break (a comma, a stop, a line break)."""
    return _CLAUSE_BREAK.split(text)[-1]


def _state_after_town(rel: _Release, town: str) -> str | None:
    """The State the text names right after `town` ("in Leinsweiler, Germany"): the country
    of a dateline town newsie does not know, before the one the release is about."""
    text = rel.text
    for _, _, start_char, _, kb_id, id_ in rel.states:
        if id_ == "name":
            at = text.rfind(town, max(0, start_char - len(town) - 8), start_char)
            if at >= 0 and not text[at - 1 : at].isalnum() and _STATE_AFTER.fullmatch(text, at + len(town), start_char):
                return kb_id  # (the town's own name, not the end of a longer one)
    return None


def _starts_within(starts: list[int], a: int, b: int) -> bool:
    """Whether one of `starts` (sorted) lies in a..b-1."""
    k = bisect.bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def _distance(pos: int, date_ends: list[int]) -> int:
    """Characters from `pos` to the nearest of the sorted `date_ends` (10,000 with none)."""
    k = bisect.bisect_left(date_ends, pos)
    return min((abs(pos - date_ends[j]) for j in (k - 1, k) if 0 <= j < len(date_ends)), default=10_000)


def _surface(raw: str, canonical: str | None) -> str:
    """The city as the text writes it (title-cased when in capitals), trimmed to its name."""
    text = raw.strip()
    if canonical and canonical in text and "/" not in text:
        text = canonical
    return text.title() if text.isupper() else text


_ISO_DATES: Final[dict[dt.date, str]] = {}  # str(date), by date: formatting one costs more than the digest


def _iso(day: dt.date) -> str:
    text = _ISO_DATES.get(day)
    if text is None:
        if len(_ISO_DATES) >= 20_000:  # bounded: a long archive spans a few thousand days
            _ISO_DATES.clear()
        text = _ISO_DATES[day] = str(day)
    return text


def _event_id(doc_id: str | None, etype: str, start: dt.date | None, main: bool) -> str:
    day = "None" if start is None else _iso(start)
    return "ev-" + _sha1(f"{doc_id}|{etype}|{day}|{main}".encode()).hexdigest()[:12]
