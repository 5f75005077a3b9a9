"""`newsie_states`: tag countries by name, alias or demonym and link them to ISO 3166."""

from collections.abc import Iterable
from typing import Any, ClassVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..extensions import set_doc_value, span_string
from ..kb.org_rules import default_org_rules
from ..kb.places import us_place_names
from ..kb.states import StateEntry, StateKB, StateRules, default_state_rules, default_states
from ..payloads import StateData
from ..resources import gazetteer_file
from ..tokens import toks
from .base import Data, GazetteerPipe, filter_ranges, set_ents
from .ethnic import community_elsewhere, counted_people
from .state_context import AFTER_LANGUAGE, named_after_state, names_a_language

NAME, DEMONYM = "name", "demonym"


class StateTagger(GazetteerPipe):
    """Find States in a Doc and store them in ``doc.spans[spans_key]``.

    Spans are labelled ``STATE`` with the ISO 3166-1 alpha-3 code as ``kb_id_`` (XKX for
    Kosovo, SCG and YUG for historical States); ``doc._.newsie_states`` describes each
    code found, from this component's own gazetteer. Matching is exact (case-sensitive,
    plus an all-caps variant of longer names); context rules then drop ambiguous hits: a
    name that is a person's name ("Michael Jordan"), a US State after a US city
    ("Atlanta, Georgia"), a demonym naming an ethnic community elsewhere ("Kosovo Serb
    returnees") or a language ("in Russian").

    Data parts: ``states`` (gazetteer entries), ``blockers`` (phrases that contain a
    State's name but do not refer to it, "New Mexico") and ``rules`` (context words).
    """

    PARTS: ClassVar[dict[str, str]] = {"states": "jsonl", "blockers": "json", "rules": "json"}

    def __init__(
        self,
        nlp: Language,
        name: str = "newsie_states",
        *,
        spans_key: str = ext.STATES,
        demonyms: bool = True,
        context_checks: bool = True,
        annotate_ents: bool = False,
    ) -> None:
        super().__init__(nlp, name, spans_key=spans_key, demonyms=demonyms, context_checks=context_checks, annotate_ents=annotate_ents)
        self._us_places: frozenset[str] | None = None

    @property
    def spans_key(self) -> str:
        return str(self.cfg["spans_key"])

    def default_data(self) -> Data:
        rules = default_state_rules()
        # Organization heads may follow a State's name inside a body's name ("Jordan Ministry").
        continuations = sorted({*rules.continuations, *default_org_rules().heads})
        return {
            # ISO 3166 from pycountry, merged with the packaged states.jsonl (what pycountry lacks).
            "states": [e.model_dump(exclude_defaults=True) for e in default_states().entries],
            "blockers": _default_blockers(),
            "rules": rules.model_copy(update={"continuations": continuations}).model_dump(exclude={"comment"}),
        }

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        states: list[dict[str, Any]] | None = None,
        blockers: list[str] | None = None,
        rules: dict[str, Any] | None = None,
    ) -> None:
        """Build from the given parts; the packaged gazetteers fill the rest."""
        self._initialize_parts({"states": states, "blockers": blockers, "rules": rules})

    def _build(self) -> None:
        self.kb = StateKB([e if isinstance(e, StateEntry) else StateEntry.model_validate(e) for e in self.data["states"]])
        r = StateRules.model_validate(self.data["rules"])
        self._honorifics = frozenset(r.honorifics)
        self._community_next = frozenset(r.community_next)
        self._language_next = frozenset(r.language_next)
        self._ethnic_prev = frozenset(r.ethnic_prev)
        self._continuations = frozenset(r.continuations)
        self._cap_function_words = frozenset(r.cap_function_words)
        self._us_markers = frozenset(r.us_markers)
        self._place = (frozenset(r.place_before), frozenset(r.place_after), frozenset(w.lower() for w in r.place_words))
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._ambiguous = self.kb.ambiguous
        self._demonyms = frozenset(self.kb.by_demonym)
        for entry in self.kb.entries:
            self._add(entry.iso3, NAME, entry.names())
            if self.cfg["demonyms"]:
                self._add(entry.iso3, DEMONYM, entry.demonyms)
        self.block_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        if self.data["blockers"]:
            self.block_matcher.add("BLOCK", self.patterns(_variants(self.data["blockers"])))

    def _add(self, iso3: str, kind: str, surfaces: Iterable[str]) -> None:
        forms = _variants(surfaces)
        if forms:
            self.matcher.add(f"{iso3}|{kind}", self.patterns(forms))

    @property
    def us_places(self) -> frozenset[str]:
        """US city names (GeoNames): "Atlanta, Georgia" names the US State."""
        if self._us_places is None:
            self._us_places = us_place_names()
        return self._us_places

    def add_entries(self, entries: Iterable[StateEntry]) -> None:
        """Add entries (or extra aliases of known codes) on top of the current gazetteer."""
        self.ensure_ready()
        merged = {e.iso3: e for e in self.kb.entries}
        for e in entries:
            old = merged.get(e.iso3)
            if old is None:
                merged[e.iso3] = e
            else:
                merged[e.iso3] = old.model_copy(
                    update={
                        "aliases": _union(old.aliases, e.aliases),
                        "demonyms": _union(old.demonyms, e.demonyms),
                        "ambiguous": _union(old.ambiguous, e.ambiguous),
                    }
                )
        self.set_data({**self.data, "states": [e.model_dump(exclude_defaults=True) for e in merged.values()]})

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_ready()
        candidates = [(start, end, match_id) for match_id, start, end in self.matcher(doc)]
        if candidates:  # blockers ("New Mexico") only ever remove a candidate
            blocked = {i for _, s, e in self.block_matcher(doc) for i in range(s, e)}
            if blocked:
                candidates = [c for c in candidates if blocked.isdisjoint(range(c[0], c[1]))]
        strings = self.nlp.vocab.strings
        spans = []
        for start, end, match_id in filter_ranges(candidates):  # Spans made for the kept matches only
            iso3, kind = strings[match_id].split("|")
            spans.append(Span(doc, start, end, label=ext.STATE, kb_id=iso3, span_id=kind))
        if self.cfg["context_checks"]:
            ends = {s.end for s in spans}
            spans = [s for s in spans if self._keep(s, ends)]
            counted = [s for s in spans if s.id_ == DEMONYM and counted_people(s, self._demonyms)]
            if counted:
                drop = community_elsewhere(counted, spans)
                spans = [s for s in spans if s.start not in drop]
        doc.spans[self.spans_key] = spans
        found: dict[str, StateData] = {}
        for span in spans:
            code = span.kb_id_
            if code not in found:
                e = self.kb.by_iso3[code]
                found[code] = StateData(iso3=code, iso2=e.iso2, name=e.name, status=e.status, historical=e.historical)
        set_doc_value(doc, "newsie_states", list(found.values()))
        if self.cfg["annotate_ents"]:
            set_ents(doc, spans)
        return doc

    def _keep(self, span: Span, ends: set[int]) -> bool:
        """Context checks; `ends` holds the end token of every State span in the Doc."""
        doc = toks(span.doc)  # token records: no spaCy Token made per look
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        if span.id_ == NAME and named_after_state(span, *self._place):
            return False
        if span.id_ == DEMONYM:
            if prev is not None and prev.text in self._ethnic_prev:
                return False
            # "Kosovo Serb", "Bosnian Serb": a community named after another State.
            if prev is not None and span.start in ends:
                return False
            if nxt is not None and (nxt.lower_ in self._language_next or (nxt.text == "-" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in self._language_next)):
                return False
            if nxt is not None and nxt.lower_ in self._community_next:
                return False
            if prev is not None and prev.lower_ in ("in", "into") and (nxt is None or nxt.is_punct or nxt.lower_ in ("and", "or") or nxt.text in AFTER_LANGUAGE):
                return False  # "available in Russian on the website"; not "in Russian regions"
            if names_a_language(doc, span.start, span.end, ("in", "into"), self._language_next):
                return False
        text = span_string(span)
        if text in self._ambiguous:
            if prev is not None and prev.text in self._honorifics:
                return False
            if prev is not None and self._is_name_word(prev) and span.start not in ends:
                return False
            if span.id_ == NAME and nxt is not None and self._is_name_word(nxt) and nxt.text not in self._continuations:
                return False
            # "Atlanta, Georgia" / "Georgia, USA"
            if prev is not None and prev.text == "," and span.start >= 2 and doc[span.start - 2].text in self.us_places:
                return False
            if nxt is not None and nxt.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].text in self._us_markers:
                return False
        # Short all-caps abbreviations inside an all-caps heading ("WE CALL ON US").
        if len(text) <= 3 and text.isupper():
            near = [t for t in (prev, nxt) if t is not None and t.is_alpha]
            if near and all(t.is_upper for t in near):
                return False
        return True

    def _is_name_word(self, tok: Any) -> bool:
        """A capitalized word that could be part of a person's name."""
        return bool(tok.is_alpha and tok.is_title and tok.text not in self._cap_function_words)


def _variants(surfaces: Iterable[str]) -> list[str]:
    """Each surface string, without a leading 'the', plus an all-caps form of longer ones."""
    out: dict[str, None] = {}
    for s in surfaces:
        s = s.strip()
        if s.lower().startswith("the "):
            s = s[4:]
        if not s:
            continue
        out[s] = None
        if len(s) > 3 and not s.isupper():
            out[s.upper()] = None
    return list(out)


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def _default_blockers() -> list[str]:
    """Phrases that contain a State name but do not refer to the State ("New Mexico")."""
    text = gazetteer_file("state_blockers.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
