"""`newsie_states`: tag countries by name, alias or demonym and link them to ISO 3166."""

from collections.abc import Iterable
from typing import Any, ClassVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..extensions import set_doc_value
from ..kb.org_rules import default_org_rules
from ..kb.places import us_place_names
from ..kb.states import StateEntry, StateKB, StateRules, default_state_rules, default_states
from ..payloads import StateData
from ..resources import gazetteer_file
from ..rows import leave_rows
from ..tokens import Cols, cols
from .base import Data, GazetteerPipe, filter_ranges, set_ents
from .ethnic import Row, community_elsewhere, counted_people
from .groups import set_group
from .state_context import AFTER_LANGUAGE, named_after_state, names_a_language


def _list_before_noun(texts: list[str], lowers: list[str], start: int, end: int, language_words: frozenset[str]) -> bool:
    """Whether the demonym at ``start:end`` begins or goes on a list of words that ends
    before a noun that is no language: "Russian and Ukrainian NGOs", "Ukrainian and
    international organizations" are adjectives of the noun, not languages ("Uzbek, Tajik
    and other minority languages" are). A list has one last "and"/"or", after a comma only
    past its second item: ", and" after the demonym that opens no list, or after the list's
    "and", opens another clause ("in Russian, and copies were sent", "in Latvian, Russian
    and English, and Ukrainian journalists ..."), as does a verb or a preposition after
    "and" ("in Russian and distributed", "in Kyrgyz and in Russian")."""
    n = len(texts)
    k = end
    if k >= n or not (texts[k] == "," or lowers[k] in ("and", "or")):
        return False  # no list goes on ("Russian as a language of instruction")
    joined = start > 0 and lowers[start - 1] in ("and", "or")
    listed = start > 0 and (texts[start - 1] == "," or joined)  # an item before the demonym
    while k < n and (texts[k] == "," or lowers[k] in ("and", "or")):
        comma = conj = False
        while k < n and (texts[k] == "," or lowers[k] in ("and", "or")):
            if lowers[k] in ("and", "or"):
                if joined:
                    return False  # a second "and": the list ended before it
                conj = True
            else:
                comma = True
            k += 1
        if comma and conj and not listed:
            return False  # ", and" after a first item: another clause
        joined = joined or conj
        if k < n and texts[k][:1].isupper() and texts[k].isalpha():
            k += 1
            listed = True
        elif k < n and conj and texts[k].isalpha() and texts[k].islower() and not texts[k].endswith(("ed", "ing")) and lowers[k] not in _NOT_ADJECTIVE:
            # "and international organizations", "and other minority languages": the noun decides
            return not any(w in language_words for w in lowers[k : k + 4])
        else:
            return False
    return k < n and texts[k].isalpha() and lowers[k] not in AFTER_LANGUAGE and lowers[k] not in language_words


# Lowercase words after "and" that open no adjective of a list's noun
_NOT_ADJECTIVE = AFTER_LANGUAGE | frozenset({"in", "into", "the", "a", "an", "its", "their", "his", "her", "then", "so", "not"})


# A demonym before one of these with a word for a language soon after is a language's name
_LANGUAGE_VERBS = frozenset({"is", "was", "remains", "remained", "retains", "retained", "became", "becomes", "has", "had"})

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
        self._labels: dict[int, tuple[str, str]] = {}
        self._string_ids: dict[str, int] = {}  # label, codes and kinds seen -> their StringStore ids

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
        self._language_prev = frozenset(w.lower() for w in r.language_prev)
        self._ethnic_prev = frozenset(r.ethnic_prev)
        self._communities = frozenset(r.community_names)
        self._continuations = frozenset(r.continuations)
        self._cap_function_words = frozenset(r.cap_function_words)
        self._us_markers = frozenset(r.us_markers)
        self._place = (frozenset(r.place_before), frozenset(r.place_after), frozenset(w.lower() for w in r.place_words))
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._labels = {}
        # code -> its `StateData` fields, in order
        self._state_fields = {code: (code, e.iso2, e.name, e.status, e.historical) for code, e in self.kb.by_iso3.items()}
        self._ambiguous = self.kb.ambiguous
        self._demonyms = frozenset(self.kb.by_demonym)
        for entry in self.kb.entries:
            self._add(entry.iso3, NAME, entry.names())
            if self.cfg["demonyms"]:
                self._add(entry.iso3, DEMONYM, entry.demonyms)
        self.block_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._blocker_words: frozenset[int] = frozenset()  # ORTH ids of every blocker token
        if self.data["blockers"]:
            blockers = self.patterns(_variants(self.data["blockers"]))
            self.block_matcher.add("BLOCK", blockers)
            self._blocker_words = frozenset(o for key in blockers for o in key)

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
        cfg = self.cfg
        matches = self.matcher(doc)
        rows: list[Row] = []
        if matches:
            candidates = [(start, end, match_id) for match_id, start, end in matches]
            # Blockers ("New Mexico") only ever remove a candidate, and only one that shares a
            # word with a blocker: without such a word the block matcher has nothing to do.
            if self._shares_blocker_word(doc, candidates):
                blocked = {i for _, s, e in self.block_matcher(doc) for i in range(s, e)}
                if blocked:
                    candidates = [c for c in candidates if blocked.isdisjoint(range(c[0], c[1]))]
            rows = [(start, end, *self._label(match_id)) for start, end, match_id in filter_ranges(candidates)]
        if rows and cfg["context_checks"]:  # on (start, end, code, kind) rows: a Span only for what is kept
            rows = self._context_kept(cols(doc), rows)
        # Labels and ids as their StringStore ids: a str would be looked up for every Span.
        ids = self._string_ids
        spans = [Span(doc, start, end, label=ids[ext.STATE], kb_id=ids[code], span_id=ids[kind]) for start, end, code, kind in rows]
        found: dict[str, StateData] = {}
        for _, _, code, _ in rows:
            if code not in found:
                found[code] = StateData(*self._state_fields[code])
        spans_key = cfg["spans_key"]
        set_group(doc, spans_key, spans)
        if rows:  # later stages read these rows, not the Spans
            c = cols(doc)
            idxs, texts = c.idxs, c.texts
            leave_rows(doc, spans_key, [(s, e, idxs[s], idxs[e - 1] + len(texts[e - 1]), code, kind) for s, e, code, kind in rows])
        set_doc_value(doc, "newsie_states", list(found.values()))
        if cfg["annotate_ents"]:
            set_ents(doc, spans)
        return doc

    def _shares_blocker_word(self, doc: Doc, candidates: list[tuple[int, int, int]]) -> bool:
        """Whether a token of a candidate is a word of some blocker (else no blocker overlaps one)."""
        words = self._blocker_words
        if not words:
            return False
        orths = cols(doc).orths
        for s, e, _ in candidates:
            if e - s == 1:
                if orths[s] in words:
                    return True
            elif not words.isdisjoint(orths[s:e]):
                return True
        return False

    def _label(self, match_id: int) -> tuple[str, str]:
        """The (ISO3 code, kind) of a match id ("AUT|name")."""
        label = self._labels.get(match_id)
        if label is None:
            iso3, kind = self.nlp.vocab.strings[match_id].split("|")
            label = self._labels[match_id] = (iso3, kind)
            add = self.nlp.vocab.strings.add
            self._string_ids.update({ext.STATE: add(ext.STATE), iso3: add(iso3), kind: add(kind)})
        return label

    def _context_kept(self, c: Cols, rows: list[Row]) -> list[Row]:
        """The rows that pass the context checks (`_keep`), without the counted members of
        a community named after another State (`counted_people`, `community_elsewhere`)."""
        ends = {r[1] for r in rows}
        kept = [r for r in rows if self._keep(c, r, ends)]
        counted = [r for r in kept if r[3] == DEMONYM and counted_people(c, r[0], r[1], self._demonyms, self._communities)]
        if counted:
            drop = community_elsewhere(counted, kept)
            kept = [r for r in kept if r[0] not in drop]
        return kept

    def _keep(self, c: Cols, row: Row, ends: set[int]) -> bool:
        """Context checks of one matched State; `ends` holds the end token of every match in the Doc."""
        start, end, _, kind = row
        texts, lowers = c.texts, c.lowers
        n = len(texts)
        has_prev, has_next = start > 0, end < n
        if kind == NAME:
            before, after, place_words = self._place
            if named_after_state(texts, lowers, start, end, before, after, place_words):
                return False
        elif kind == DEMONYM:
            if has_prev and texts[start - 1] in self._ethnic_prev:
                return False
            # "Kosovo Serb", "Bosnian Serb": a community named after another State.
            if has_prev and start in ends:
                return False
            if has_next:
                lower_next = lowers[end]
                language_next = self._language_next
                if lower_next in language_next or (texts[end] == "-" and end + 1 < n and lowers[end + 1] in language_next):
                    return False
                if lower_next in ("and", "or") and end + 2 < n and lowers[end + 2] in language_next and texts[end + 1][:1].isupper():
                    return False  # "the Georgian and Russian versions": the first of two languages
                if lower_next in self._community_next:
                    return False
            if has_prev and lowers[start - 1] in self._language_prev and (
                not has_next or c.is_punct[end] or lowers[end] in ("and", "or") or texts[end] in AFTER_LANGUAGE
            ) and not _list_before_noun(texts, lowers, start, end, self._language_next):
                return False  # "available in Russian on the website", "speaks Russian"; not "in Russian regions"
            if names_a_language(texts, lowers, start, end, self._language_prev, self._language_next) and not _list_before_noun(texts, lowers, start, end, self._language_next):
                return False  # (not "of Kazakh, Tajik and Uzbek law enforcement agencies")
            if has_next and lowers[end] in _LANGUAGE_VERBS and any(lowers[j] in self._language_next for j in range(end + 1, min(n, end + 8))):
                return False  # "Russian retains its status as an official language"
        text = c.span_text(start, end)
        if text in self._ambiguous:
            if has_prev and texts[start - 1] in self._honorifics:
                return False
            if has_prev and self._is_name_word(c, start - 1) and start not in ends:
                return False
            if kind == NAME and has_next and self._is_name_word(c, end) and texts[end] not in self._continuations:
                return False
            # "Atlanta, Georgia" / "Georgia, USA"
            if has_prev and texts[start - 1] == "," and start >= 2 and texts[start - 2] in self.us_places:
                return False
            if has_next and texts[end] == "," and end + 1 < n and texts[end + 1] in self._us_markers:
                return False
        # Short all-caps abbreviations inside an all-caps heading ("WE CALL ON US").
        if len(text) <= 3 and text.isupper():
            is_alpha, is_upper = c.is_alpha, c.is_upper
            near = [i for i in ((start - 1) if has_prev else -1, end if has_next else -1) if i >= 0 and is_alpha[i]]
            if near and all(is_upper[i] for i in near):
                return False
        return True

    def _is_name_word(self, c: Cols, i: int) -> bool:
        """Token `i` is a capitalized word that could be part of a person's name."""
        return bool(c.is_alpha[i] and c.is_title[i] and c.texts[i] not in self._cap_function_words)


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
