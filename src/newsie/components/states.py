"""`newsie_states`: tag countries by name, alias or demonym and link them to ISO 3166."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..kb.io import read_entries, write_jsonl
from ..kb.org_rules import default_org_rules
from ..kb.places import us_place_names
from ..kb.states import StateEntry, StateKB, default_states
from ..resources import gazetteer_file
from .state_context import named_after_state

NAME, DEMONYM = "name", "demonym"
HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Miss", "Sir"})
COMMUNITY_NEXT = frozenset({"community", "communities", "minority", "minorities", "diaspora", "descent", "origin"})
LANGUAGE_NEXT = frozenset({"language", "languages", "speaking", "translation", "version", "-speaking", "-language"})
ETHNIC_PREV = frozenset({"ethnic", "Ethnic"})
CONTINUATIONS = frozenset({"Government", "Minister", "President", "Embassy", "Mission", "Office", "Delegation", "Chairmanship", "Chairpersonship", "Authorities", "Police", "Army", "Republic"})
CAP_FUNCTION_WORDS = frozenset(
    {"The", "In", "On", "At", "Of", "And", "For", "From", "To", "By", "With", "As", "A", "An", "Both", "Between", "Including", "While", "During", "After", "Before", "Since", "Like", "Unlike", "Also", "Today", "Yesterday", "Tomorrow", "Mr", "Ms"}
)


class StateTagger(Pipe):
    """Find States in a Doc and store them in ``doc.spans[spans_key]``.

    Each span's ``label_`` and ``kb_id_`` are the ISO 3166-1 alpha-3 code (XKX for
    Kosovo, SCG and YUG for historical States). Matching is exact (case-sensitive, plus
    an all-caps variant of longer names); context rules then drop ambiguous hits: a
    name that is a person's name ("Michael Jordan"), a US State after a US city
    ("Atlanta, Georgia"), a demonym naming an ethnic community elsewhere ("Kosovo Serb
    returnees") or a language ("in Russian").
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "newsie_states",
        *,
        spans_key: str = "newsie_states",
        demonyms: bool = True,
        context_checks: bool = True,
        entries: list[StateEntry] | None = None,
        blockers: list[str] | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.cfg: dict[str, Any] = {"spans_key": spans_key, "demonyms": demonyms, "context_checks": context_checks}
        self.kb = StateKB(entries) if entries is not None else default_states()
        self.blockers = list(blockers) if blockers is not None else _default_blockers()
        self._us_places = us_place_names()
        # Capitalized words that may follow a State's name in a body's name ("Jordan Ministry").
        self._continuations = frozenset(default_org_rules().heads) | CONTINUATIONS
        self._build()

    @property
    def spans_key(self) -> str:
        return str(self.cfg["spans_key"])

    def _build(self) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._ambiguous = self.kb.ambiguous
        for entry in self.kb.entries:
            self._add(entry.iso3, NAME, entry.names())
            if self.cfg["demonyms"]:
                self._add(entry.iso3, DEMONYM, entry.demonyms)
        self.block_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        if self.blockers:
            self.block_matcher.add("BLOCK", list(self.nlp.tokenizer.pipe(_variants(self.blockers))))

    def _add(self, iso3: str, kind: str, surfaces: Iterable[str]) -> None:
        forms = _variants(surfaces)
        if forms:
            self.matcher.add(f"{iso3}|{kind}", list(self.nlp.tokenizer.pipe(forms)))

    def clear(self) -> None:
        """Forget every entry (loaders call this before adding their own)."""
        self.kb = StateKB([])
        self._build()

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        entries: list[StateEntry | dict[str, Any]] | None = None,
        blockers: list[str] | None = None,
    ) -> None:
        """Replace the gazetteer with `entries` (and `blockers`); defaults when None."""
        if entries is not None:
            self.kb = StateKB([e if isinstance(e, StateEntry) else StateEntry.model_validate(e) for e in entries])
        if blockers is not None:
            self.blockers = list(blockers)
        self._build()

    def add_entries(self, entries: Iterable[StateEntry]) -> None:
        """Add entries (or extra aliases of known codes) on top of the current gazetteer."""
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
        self.kb = StateKB(list(merged.values()))
        self._build()

    def __call__(self, doc: Doc) -> Doc:
        blocked = {i for _, s, e in self.block_matcher(doc) for i in range(s, e)}
        candidates: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            if blocked.intersection(range(start, end)):
                continue
            iso3, kind = self.nlp.vocab.strings[match_id].split("|")
            candidates.append(Span(doc, start, end, label=iso3, kb_id=iso3, span_id=kind))
        spans = filter_spans(candidates)
        if self.cfg["context_checks"]:
            ends = {s.end for s in spans}
            spans = [s for s in spans if self._keep(s, ends)]
        doc.spans[self.spans_key] = spans
        return doc

    def _keep(self, span: Span, ends: set[int]) -> bool:
        """Context checks; `ends` holds the end token of every State span in the Doc."""
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        if span.id_ == NAME and named_after_state(span):
            return False
        if span.id_ == DEMONYM:
            if prev is not None and prev.text in ETHNIC_PREV:
                return False
            # "Kosovo Serb", "Bosnian Serb": a community named after another State.
            if prev is not None and span.start in ends:
                return False
            if nxt is not None and (nxt.lower_ in LANGUAGE_NEXT or (nxt.text == "-" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in LANGUAGE_NEXT)):
                return False
            if nxt is not None and nxt.lower_ in COMMUNITY_NEXT:
                return False
            if prev is not None and prev.lower_ in ("in", "into") and (nxt is None or nxt.is_punct or nxt.lower_ in ("and", "or")):
                return False
        if span.text in self._ambiguous:
            if prev is not None and prev.text in HONORIFICS:
                return False
            if prev is not None and _is_name_word(prev) and span.start not in ends:
                return False
            if span.id_ == NAME and nxt is not None and _is_name_word(nxt) and nxt.text not in self._continuations:
                return False
            # "Atlanta, Georgia" / "Georgia, USA"
            if prev is not None and prev.text == "," and span.start >= 2 and doc[span.start - 2].text in self._us_places:
                return False
            if nxt is not None and nxt.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].text in ("USA", "US", "U.S.", "U.S.A."):
                return False
        # Short all-caps abbreviations inside an all-caps heading ("WE CALL ON US").
        if len(span.text) <= 3 and span.text.isupper():
            near = [t for t in (prev, nxt) if t is not None and t.is_alpha]
            if near and all(t.is_upper for t in near):
                return False
        return True

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg", self.cfg)
        write_jsonl(path / "states.jsonl", self.kb.entries)
        srsly.write_json(path / "blockers.json", self.blockers)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> StateTagger:
        path = Path(path)
        self.cfg.update(srsly.read_json(path / "cfg"))
        self.kb = StateKB(read_entries(path / "states.jsonl", StateEntry))
        self.blockers = list(srsly.read_json(path / "blockers.json"))
        self._build()
        return self


def _is_name_word(tok: Any) -> bool:
    """A capitalized word that could be part of a person's name."""
    return bool(tok.is_alpha and tok.is_title and tok.text not in CAP_FUNCTION_WORDS)


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
