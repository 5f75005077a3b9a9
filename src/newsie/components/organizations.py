"""`newsie_organizations`: named bodies from the gazetteer, from patterns, and by acronym."""

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable
from operator import itemgetter
from typing import Any, ClassVar, Final

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..customtypes import OrgKind
from ..extensions import set_doc_value
from ..kb.io import read_packaged
from ..kb.officials import default_titles
from ..kb.org_rules import OrgRules, default_org_rules
from ..kb.organizations import ORGANIZATIONS_FILE, OrgEntry, OrgKB
from ..kb.states import default_states
from ..payloads import OrgData, meta_of
from ..rows import SpanRow, group_rows, leave_rows
from ..tokens import Cols, cols
from .base import Data, GazetteerPipe, set_ents
from .coordination import expand_coordinated
from .groups import set_group
from .inside import Ranges
from .ranges import longest_first

GAZ, PATTERN, ACRONYM, GENERIC, MEDIA, BASE, TAG, NAMED = "gazetteer", "pattern", "acronym", "generic", "media", "base", "tag", "named"
_RULE_WORD: Final = "newsie_org_rule_word"  # the match key of the words the rules start from
OSCE_KINDS: Final = ("osce_structure", "osce_institution", "field_operation")
_OPEN: Final = ("(",)
# weekdays, months and the units of time: no name after "NGO" ("a local NGO Monday")
_CALENDAR_WORDS: Final = frozenset([*calendar.day_name, *(m for m in calendar.month_name if m), "Day", "Week", "Month", "Year"])
_QUOTES: Final = frozenset({'"', "“", "”", "«", "»", "„", "'", "‘", "’"})
_ACRONYM_RE: Final = re.compile(r"^[A-Z][A-Za-z0-9&/.\-]*[A-Z0-9]$")
_TITLE_WORD_RE: Final = re.compile(r"[^\W\d_][\w'’-]*")
_PARAGRAPH_BREAK: Final = re.compile(r"\n[^\S\n]*\n")  # two line breaks, perhaps with white space between
# The words a headline in title case leaves in lowercase.
_MINOR_WORDS: Final = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "into", "via", "vs"})
# "OSCE <head words> in/to <place of one word, or two joined by 'and'>"
_PLACE_AFTER: Final = re.compile(r"^OSCE ((?:[A-Z][\w-]* )*[A-Z][\w-]*) (?:in|to) ([A-Z][\w-]+(?: and [A-Z][\w-]+)?)$")
_SPELLINGS: Final = (("Co-operation", "Cooperation"), ("Organization", "Organisation"), ("Centre", "Center"), ("Co-ordinator", "Coordinator"))


Notes = dict[tuple[int, int], dict[str, Any]]  # per-call facts about candidate spans
Cand = tuple[int, int, str, str, str]  # a candidate span: start, end (tokens), kind, gazetteer id or "", source


class OrganizationTagger(GazetteerPipe):
    """Find organizations and store them in ``doc.spans[spans_key]`` and ``doc._.newsie_orgs``.

    Three sources, longest span first: the gazetteer (exact, case-sensitive); patterns
    around capitalized head nouns ("Ministry of Internal Affairs of Tajikistan",
    "Albanian State Police", "Embassy of the Netherlands"); and acronyms the text
    defines ("Strategic Police Matters Unit (SPMU)"), whose bare uses then join the
    body. "The Mission"/"the Office" join the field operation the release names.
    Spans are labelled ``ORG`` with the gazetteer id (or "") as ``kb_id_``;
    ``doc._.newsie_orgs`` holds one `OrgData` per distinct body.

    Data parts: ``organizations`` (gazetteer entries), ``rules`` (head nouns and
    complements), ``titles`` (capitalized title words that end a name) and
    ``state_words`` (names and demonyms of States, never a body's own name).
    """

    PARTS: ClassVar[dict[str, str]] = {"organizations": "jsonl", "rules": "json", "titles": "json", "state_words": "json"}

    def __init__(
        self,
        nlp: Language,
        name: str = "newsie_organizations",
        *,
        spans_key: str = ext.ORGANIZATIONS,
        patterns: bool = True,
        annotate_ents: bool = False,
    ) -> None:
        super().__init__(nlp, name, spans_key=spans_key, patterns=patterns, annotate_ents=annotate_ents)

    def default_data(self) -> Data:
        states = default_states()
        return {
            "organizations": [e.model_dump(exclude_defaults=True) for e in read_packaged(ORGANIZATIONS_FILE, OrgEntry)],
            "rules": default_org_rules().model_dump(),
            "titles": sorted(w for w in default_titles().title_words if w[:1].isupper()),
            "state_words": sorted({*states.by_name, *states.by_demonym}),
        }

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        organizations: list[dict[str, Any]] | None = None,
        rules: dict[str, Any] | None = None,
        titles: list[str] | None = None,
        state_words: list[str] | None = None,
    ) -> None:
        """Build from the given parts; the packaged gazetteers fill the rest."""
        self._initialize_parts({"organizations": organizations, "rules": rules, "titles": titles, "state_words": state_words})

    # -- set-up ---------------------------------------------------------------
    def _build(self) -> None:
        self.kb = OrgKB([e if isinstance(e, OrgEntry) else OrgEntry.model_validate(e) for e in self.data["organizations"]])
        self.rules = OrgRules.model_validate(self.data["rules"])
        self._project_words = frozenset(self.rules.project_words)
        self._and_states = frozenset(n for n in default_states().by_name if " and " in n)
        # The States named "<left> and <right>" ("Bosnia and Herzegovina"), by the first word
        # of their right part, longest left part first: a body's modifiers may hold one whole.
        self._and_state_parts: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for n in sorted(self._and_states, key=lambda n: -len(n.partition(" and ")[0].split())):
            left, _, right = n.partition(" and ")
            if "," not in left:
                self._and_state_parts.setdefault(right.split()[0], []).append((tuple(right.split()), tuple(left.split())))
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        strings = self.nlp.vocab.strings
        # The string ids of the stored spans' label, sources and gazetteer ids, kept in the
        # vocabulary for good (as spaCy asks of labels; not transient in a memory zone):
        # a Span made from ids skips three string look-ups.
        texts = (ext.ORG, GAZ, PATTERN, ACRONYM, GENERIC, MEDIA, BASE, TAG, NAMED, "", *self.kb.by_id)
        self._string_ids = {text: strings.add(text, allow_transient=False) for text in texts}  # type: ignore[call-arg]  # spaCy 3.8's stub lacks it
        # What a match names, by match id: the candidate's kind, gazetteer id and source.
        self._match_info = {self._string_ids[org_id]: (e.kind, org_id, GAZ) for org_id, e in self.kb.by_id.items()}
        # Each entry's `OrgData` fields but the mentions (`_from_entry`), read once.
        self._org_fields = {org_id: {k: v for k, v in vars(_from_entry(e)).items() if k != "mentions"} for org_id, e in self.kb.by_id.items()}
        # Every form the matcher knows, white space aside: a name split by a bracket is looked up here.
        self._squeezed: dict[str, str] = {}
        # What follows "OSCE " in a form: a pattern name that may refer back to that body.
        osce_rests: set[str] = set()
        for entry in self.kb.entries:
            forms = _variants(entry)
            if forms:
                self.matcher.add(entry.id, self.patterns(forms))
                for f in forms:
                    self._squeezed.setdefault(_squeeze(f), entry.id)
                    if f.startswith("OSCE "):
                        osce_rests.add(f[5:])
        self._osce_rests = frozenset(osce_rests)
        r = self.rules
        self._heads = r.heads
        self._conditional = r.conditional_heads
        self._plural_heads = r.plural_heads
        self._head_words = frozenset(r.heads) | frozenset(r.conditional_heads)
        self._needs_mod = frozenset(r.needs_modifier)
        self._acr_heads = frozenset(r.acronym_heads)
        self._preps = frozenset(r.complement_preps)
        self._to_heads = frozenset(r.to_heads)
        self._on_heads = frozenset(r.on_heads)
        self._followers = frozenset(r.modifier_followers)
        self._person_offices = frozenset(r.person_offices)
        # The bodies one of whose forms (as matched: white space aside) is an office or
        # "OSCE <office>": only their matches can be offices held by a person.
        office_keys = {_squeeze(o) for o in self._person_offices}
        self._maybe_office = frozenset(
            e.id
            for e in self.kb.entries
            if any(f in office_keys or (f.startswith("OSCE") and f[4:] in office_keys) for f in map(_squeeze, _variants(e)))
        )
        self._osce_id = self.kb.by_surface.get("OSCE")
        self._in_heads = frozenset(r.in_heads)
        # The words that open a complement, per head that takes more than `complement_preps`.
        self._head_preps = {
            head: self._preps | {prep for prep, heads in (("to", self._to_heads), ("in", self._in_heads), ("on", self._on_heads)) if head in heads}
            for head in self._to_heads | self._in_heads | self._on_heads
        }
        self._stop_left = frozenset(r.stop_words_left)
        self._stop_modifiers = frozenset(r.stop_word_modifiers)
        self._inverted_heads = frozenset(r.inverted_heads)
        self._portfolio_fillers = frozenset(r.portfolio_fillers)
        self._kind_words = r.kind_words
        self._media = frozenset(r.media_triggers)
        self._media_staff = frozenset(r.media_staff)
        self._holder_heads = frozenset(r.holder_offices.heads)
        self._holder_adjectives = frozenset(r.holder_offices.adjectives)
        # "the NGO Ak Jurok": each phrase of `named_after` by its last word (a rule word), with its kind
        self._named_after: dict[str, list[tuple[str, OrgKind]]] = {}
        for phrase, kind in r.named_after.items():
            self._named_after.setdefault(phrase.split()[-1], []).append((phrase.lower(), kind))
        self._generic = sorted((g.split() for g in r.generic_field_refs), key=len, reverse=True)
        self._generic_names = frozenset(" ".join(w) for w in self._generic)
        self._generic_by_first: dict[str, list[list[str]]] = {}
        for words in self._generic:
            self._generic_by_first.setdefault(words[0], []).append(words)
        # Every word a rule starts from: heads, plural heads, media nouns, references, "(".
        self._rule_words = frozenset({*self._head_words, *self._plural_heads, *self._media, *self._generic_by_first, *_OPEN, *self._named_after})
        # The rules each rule word starts (`_rule_starts`), in this order.
        rule_sets: tuple[Container[str], ...] = (self._head_words, self._plural_heads, self._media, self._generic_by_first, _OPEN, self._named_after)
        self._rule_groups = {w: tuple(g for g, words in enumerate(rule_sets) if w in words) for w in self._rule_words}
        # The rule words are found by the gazetteer's matcher too (in its one pass over the
        # Doc), each as one token whatever the tokenizer makes of it: where ``Cols.where``
        # would find them.
        self._rule_word_id = strings.add(_RULE_WORD, allow_transient=False)  # type: ignore[call-arg]  # spaCy 3.8's stub lacks it
        self.matcher.add(_RULE_WORD, [Doc(self.nlp.vocab, words=[w]) for w in sorted(self._rule_words)])
        self._titles = frozenset(self.data["titles"])
        self._state_words = frozenset(self.data["state_words"])
        self._list_heads = frozenset(r.list_heads)
        self._portfolio = frozenset(r.portfolio_words)

    def add_entries(self, entries: Iterable[OrgEntry]) -> None:
        """Add entries; an entry with a known id replaces the old one."""
        self.ensure_ready()
        merged = {e.id: e for e in self.kb.entries}
        merged.update({e.id: e for e in entries})
        self.set_data({**self.data, "organizations": [e.model_dump(exclude_defaults=True) for e in merged.values()]})

    # -- tagging --------------------------------------------------------------
    # Candidates are `Cand` tuples read off the Doc's token columns (`newsie.tokens`);
    # a `Span` is made only for the spans finally stored on the Doc.
    def __call__(self, doc: Doc) -> Doc:
        self.ensure_ready()
        T = cols(doc)
        texts = T.texts
        # The gazetteer's candidates, and where the words the rules start from occur (matched
        # with the gazetteer); each rule visits its own.
        gaz, (heads, plurals, media, generic_at, opening, kinds_at) = self._scan(texts, self.matcher(doc))
        if gaz:
            gaz = self._without_person_offices(T, _filter(gaz))
            gaz = [c for c in gaz if not _in_postcode(texts, c[0], c[1])]
            if opening:
                gaz = self._bracketed_issuers(T, gaz, opening)
        cands: list[Cand] = gaz  # (never changed in place: what is added makes a new list)
        if opening:
            cands = cands + self._source_tags(texts, opening)
        splits: dict[tuple[int, int], list[str]] = {}
        patterns: list[Cand] = []
        cfg = self.cfg
        if cfg["patterns"]:
            if heads:  # every pattern name starts from a head or a plural head
                patterns = self._chunks(T, heads, gaz)
                if patterns and gaz:
                    patterns = self._offices_of_bodies(patterns, gaz)
            if plurals:
                patterns = patterns + self._plural_lists(T, plurals, gaz, splits)
            if patterns:
                cands = cands + patterns
            if media:
                cands = cands + self._media_names(T, media)
            if kinds_at:
                cands = cands + self._named_after_kind(T, kinds_at, meta_of(doc).title_len)
            if doc.ents:
                cands = cands + self._base_entities(doc, T, {k for c in gaz for k in range(c[0], c[1])})
        notes: Notes = {}
        # `gaz` is filtered already (sorted, no overlaps): only added candidates need the filter.
        spans = _filter(cands) if len(cands) > len(gaz) else cands
        acronyms: dict[str, Cand] = {}
        if opening:
            spans, acronyms = self._acronyms(T, opening, spans, notes)
            # `spans` is filtered; what is added next may overlap it (a filter), what `_refine`
            # keeps of it cannot.
            if acronyms:
                uses = self._acronym_uses(T, spans, acronyms, notes)
                if uses:
                    spans = _filter(spans + uses)
        generic = self._generic_refs(T, generic_at, spans) if generic_at else None
        if patterns:  # only pattern names are refined
            spans = self._refine(T, spans)
            spans = _without_title_case_guesses(doc, T, spans)
        if generic:
            spans = _filter(spans + generic)
        for span_range, names in splits.items():
            notes.setdefault(span_range, {})["split"] = names
        if gaz and patterns:
            known = {c[0]: c for c in gaz}
            for s, e, _, _, source in spans:
                key = _key_with_known(texts, s, e, known) if source == PATTERN else None
                if key is not None:
                    notes.setdefault((s, e), {})["key"] = key
        if patterns and gaz:
            spans = self._holder_references(T, spans)
        orgs, keys = self._resolve(doc, T, spans, acronyms, notes)
        self._add_coordinated(T.doc_text, orgs)
        ids = self._string_ids if doc.vocab is self.nlp.vocab else {}  # another vocabulary: strings
        label = ids.get(ext.ORG, ext.ORG)
        idxs = T.idxs
        get_id, get_key = ids.get, keys.get
        # A span's gazetteer id is its body's, once resolved (a pattern name may have joined one).
        rows: list[SpanRow] = []
        out: list[Span] = []
        for s, e, _, kb_id, source in spans:
            key = get_key((s, e))
            if key is not None:
                kb_id = orgs[key].id or ""
            rows.append((s, e, idxs[s], idxs[e - 1] + len(texts[e - 1]), kb_id, source))
            out.append(Span(doc, s, e, label=label, kb_id=get_id(kb_id, kb_id), span_id=get_id(source, source)))
        spans_key = cfg["spans_key"]
        set_group(doc, spans_key, out)
        leave_rows(doc, spans_key, rows)  # later stages read these, not the Spans
        set_doc_value(doc, "newsie_orgs", list(orgs.values()))
        if cfg["annotate_ents"]:
            set_ents(doc, out)
        return doc

    def _scan(
        self, texts: list[str], matches: list[tuple[int, int, int]]
    ) -> tuple[list[Cand], tuple[list[int], list[int], list[int], list[int], list[int], list[int]]]:
        """The matches of the gazetteer as candidates (in the matches' order), and the
        positions of the rule words: of heads, plural heads, media nouns, the first words
        of references, "(" and the last words of `named_after` (each the same as
        ``_among(texts, starts, words)`` of its words, `starts` the rule words' positions),
        in one pass."""
        gaz: list[Cand] = []
        groups: tuple[list[int], list[int], list[int], list[int], list[int], list[int]] = ([], [], [], [], [], [])
        rule_word = self._rule_word_id
        info = self._match_info
        rule_groups = self._rule_groups
        for m, s, e in matches:
            if m == rule_word:
                for g in rule_groups[texts[s]]:
                    groups[g].append(s)
            else:
                gaz.append((s, e) + info[m])
        return gaz, groups

    def _bracketed_issuers(self, T: Cols, gaz: list[Cand], opening: list[int]) -> list[Cand]:
        """"the OSCE Office for ... Human Rights (OSCE/ODIHR) Election Observation Mission": a
        known body named by another's acronym and more words ("OSCE/ODIHR Election Observation
        Mission"), written after that other's long form and acronym: one name over all of it."""
        texts = T.texts
        n = len(texts)
        by_end: dict[int, Cand] | None = None  # built when a bracket is followed by a capital
        squeezed = self._squeezed
        joined: list[Cand] = []
        for i in opening:
            try:
                close = texts.index(")", i + 2, i + 5)
            except ValueError:
                continue
            if close + 1 >= n or not texts[close + 1][:1].isupper():
                continue
            if by_end is None:
                by_end = {c[1]: c for c in gaz}
            long = by_end.get(_before_space(texts, i))
            if long is None:
                continue
            acr = "".join(texts[i + 1 : close])
            if squeezed.get(acr) != long[3]:
                continue  # the bracket is no acronym of the body before it
            for end in range(min(close + 8, n), close + 1, -1):
                org_id = squeezed.get(acr + "".join(texts[close + 1 : end]))
                if org_id is not None and org_id != long[3]:
                    joined.append((long[0], end, self.kb.by_id[org_id].kind, org_id, GAZ))
                    break
        if not joined:
            return gaz
        inside = {k for c in joined for k in range(c[0], c[1])}
        return sorted([c for c in gaz if c[0] not in inside] + joined)

    def _source_tags(self, texts: list[str], opening: list[int]) -> list[Cand]:
        """"VIENNA, 3 October 2001 (OSCE)-- ...": a known acronym in brackets right before a
        dash, which spaCy's tokenizer keeps with the bracket and the dash as one token
        ("OSCE)--"); `_resolve` keeps only the acronym of it."""
        out: list[Cand] = []
        n = len(texts)
        for i in opening:
            if i + 1 < n:
                acr, bracket, rest = texts[i + 1].partition(")")
                if bracket and rest and acr and not rest.strip("-–—"):
                    org_id = self.kb.by_surface.get(acr)
                    if org_id is not None:
                        out.append((i + 1, i + 2, self.kb.by_id[org_id].kind, org_id, TAG))
        return out

    def _without_person_offices(self, T: Cols, spans: list[Cand]) -> list[Cand]:
        """"The OSCE Representative on Freedom of the Media, Harlem Désir": an office held by a
        person, not a body; its "OSCE" still names the OSCE."""
        maybe = self._maybe_office
        if maybe.isdisjoint(map(_KB_ID, spans)):
            return spans  # no body found is one whose name can be an office (most texts)
        out = []
        offices = self._person_offices
        for span in spans:
            if span[3] not in maybe:
                out.append(span)  # no form of this body is an office
                continue
            start = span[0]
            text = T.span_text(start, span[1])
            if text not in offices and text[:4] != "OSCE":
                out.append(span)  # neither the office nor "OSCE <office>"
                continue
            words = text.split(maxsplit=1)
            core = words[1] if words[0] == "OSCE" and len(words) > 1 else text
            if core in offices and not (start > 1 and T.texts[start - 2] == "Office"):
                if words[0] == "OSCE" and self._osce_id:
                    out.append((start, start + 1, self.kb.by_id[self._osce_id].kind, self._osce_id, GAZ))
                continue
            out.append(span)
        return out

    def _chunks(self, T: Cols, heads_at: list[int], gaz: list[Cand]) -> list[Cand]:
        """Spans around the capitalized head nouns at `heads_at` (but those inside a name of
        `gaz`: sorted, no overlaps): modifiers on the left, complements on the right."""
        out: list[Cand] = []
        heads = self._heads
        texts = T.texts
        n = len(texts)
        for i in heads_at:
            if gaz and _inside(gaz, i):
                continue
            word = texts[i]
            kind = heads.get(word) or self._conditional_kind(T, i)
            if kind is None:
                continue
            if i + 1 < n and texts[i + 1] in self._followers and not T.is_sent_start[i + 1]:
                continue  # "Police Reform Strategy", "Border Police Officers": the head is a modifier here
            if i >= 2 and texts[i - 1] == "-" and self._ends_title_word(T, i):
                continue  # "Chairperson-in-Office for the Western Balkans": a title, no "Office"
            start = self._extend_left(T, i)
            end = self._extend_right(T, i)
            is_title, is_upper, like_num = T.is_title, T.is_upper, T.like_num
            content = [k for k in range(start, end) if is_title[k] or is_upper[k] or like_num[k]]
            if len(content) < 2 and (word in self._needs_mod or end - start < 2):
                continue
            # ("OSCE" is all capitals: when in the span, it is in `content`.)
            if "OSCE" in texts[start:end] and all(texts[k] == "OSCE" or k == i or texts[k] in heads for k in content):
                continue  # "OSCE Office": a reference to a field operation, resolved later
            if T.span_text(start, end) in self._state_words:
                continue
            if word in self._titles and self._person_follows(T, end):
                continue  # "the Ombudsman of the Republic of Latvia, Juris Jansons": a person's office
            if end + 1 < n and texts[end] == "-" and not T.spaces[end - 1] and end - 1 > i and (end + 2 == n or texts[end + 1] in self._titles):
                continue  # a text cut off in "Security and Co-operation"; "Minsk Group Co-Chair Countries": a name cut inside a word
            if start > 0:
                kind = self._kind_before(T, start) or kind  # "the media NGO Name Institute": an NGO
            out.append((start, end, kind, "", PATTERN))
        return out

    def _ends_title_word(self, T: Cols, i: int) -> bool:
        """Whether token i ends a hyphenated title word the tokenizer split ("Chairperson-in-Office")."""
        texts, spaces = T.texts, T.spaces
        k = i
        while k >= 2 and texts[k - 1] == "-" and not spaces[k - 1] and not spaces[k - 2]:
            k -= 2
        return k < i and "".join(texts[k : i + 1]) in self._titles

    def _offices_of_bodies(self, patterns: list[Cand], gaz: list[Cand]) -> list[Cand]:
        """A national body's name that starts with a known international organization other
        than the OSCE ("European Union Office in Kosovo", "UN Office in Minsk") is that
        organization's office: its kind is the organization's."""
        by_start = {c[0]: c for c in gaz if c[2] == "international_organization" and c[3] != self._osce_id}
        if not by_start:
            return patterns
        return [
            (s, e, "international_organization", kb_id, source)
            if kind == "national_authority" and s in by_start and by_start[s][1] < e
            else (s, e, kind, kb_id, source)
            for s, e, kind, kb_id, source in patterns
        ]

    def _person_follows(self, T: Cols, k: int) -> bool:
        """", Juris Jansons," at token k: a comma, then two or three capitalized words that
        are no body's, State's or title's, then a break."""
        texts = T.texts
        n = len(texts)
        if k >= n or texts[k] != ",":
            return False
        j = k + 1
        while j < n and j - k <= 4 and T.is_title[j] and T.is_alpha[j] and texts[j] not in self._heads and texts[j] not in self._state_words and texts[j] not in self._titles:
            j += 1
        return 2 <= j - k - 1 <= 3 and (j == n or T.is_punct[j] or T.lowers[j] == "and")

    def _conditional_kind(self, T: Cols, i: int) -> str | None:
        """The kind a conditional head gives at token i ("Working Group", "House of
        Peoples"), or None when it names no body there."""
        texts, lowers = T.texts, T.lowers
        rule = self._conditional[texts[i]]
        if rule.after and i > 0 and texts[i - 1] in rule.after:
            return rule.kind
        if rule.of_complement and i + 2 < len(texts) and lowers[i + 1] == "of":
            k = i + 3 if lowers[i + 2] == "the" else i + 2
            if k < len(texts) and (self._is_complement(T, k) or self._members_of(T, k)):
                return rule.kind  # "House of Peoples"; "House of Representatives": its members
        return None

    def _plural_lists(self, T: Cols, plurals_at: list[int], gaz: list[Cand], splits: dict[tuple[int, int], list[str]]) -> list[Cand]:
        """"Turkmenistan's State Border and Customs Services", "Justice and Interior
        Ministries": a plural head after a list of single modifiers names one body per
        modifier ("State Border Service", "State Customs Service"), recorded in `splits`
        (but in a name of `gaz`: sorted, no overlaps)."""
        out: list[Cand] = []
        plural = self._plural_heads
        texts, lowers = T.texts, T.lowers
        for i in plurals_at:
            if i < 3 or lowers[i - 2] != "and" or (gaz and _inside(gaz, i)):
                continue
            items = [i - 1]
            k = i - 2
            while k >= 1 and texts[k] in (",", "and") and self._list_item(T, k - 1):
                items.insert(0, k - 1)
                k -= 2
            if len(items) < 2 or len(items) > 4:
                continue
            start = self._extend_left(T, items[0])
            shared = T.span_text(start, items[0]) + " " if start < items[0] else ""
            singular = plural[texts[i]]
            splits[(start, i + 1)] = [f"{shared}{texts[j]} {singular}" for j in items]
            out.append((start, i + 1, self._heads.get(singular, "national_authority"), "", PATTERN))
        return out

    def _list_item(self, T: Cols, k: int) -> bool:
        text = T.texts[k]
        return T.is_title[k] and T.is_alpha[k] and text not in self._heads and text not in self._state_words and text not in self._stop_left

    def _is_modifier(self, T: Cols, k: int) -> bool:
        text = T.texts[k]
        is_title = T.is_title[k]
        if text in self._stop_left or (is_title and T.is_stop[k] and text not in self._stop_modifiers):
            return False
        if is_title and T.is_sent_start[k] and T.lowers[k] in _COMMON_SENTENCE_STARTS:
            return False
        is_alpha = T.is_alpha[k]
        return bool((is_title or T.is_upper[k] or (is_alpha and text[:1].isupper())) and (is_alpha or T.like_num[k] or _ACRONYM_RE.match(text)))

    def _extend_left(self, T: Cols, i: int) -> int:
        texts, lowers = T.texts, T.lowers
        start = i
        j = i - 1
        while j >= 0:
            if self._is_modifier(T, j):
                start = j
                if T.is_sent_start[j]:
                    break
                j -= 1
                continue
            text = texts[j]
            if text in ("-", "&") and j - 1 >= 0 and self._is_modifier(T, j - 1):
                j -= 1
                continue
            # "General Prosecutor's Office" yes; "Germany's Finance Ministry", "Interior Ministry's Directorate" no.
            if text in ("'s", "’s") and j - 1 >= 0 and self._is_modifier(T, j - 1) and texts[j - 1] not in self._state_words and texts[j - 1] not in self._heads:
                j -= 1
                continue
            # "Journalists' Association", "Judges’ Association": a plural's possessive, written after the word
            if text in ("'", "’") and j - 1 >= 0 and not T.spaces[j - 1] and texts[j - 1][-1:] == "s" and self._is_modifier(T, j - 1) and texts[j - 1] not in self._heads:
                j -= 1
                continue
            if lowers[j] == "and" and j - 1 >= 0 and self._is_modifier(T, j - 1) and texts[j - 1] not in self._state_words and texts[j - 1] not in self._heads:
                j -= 1
                continue
            if lowers[j] == "and" and start == j + 1:
                left = self._and_state_left(texts, j)
                if left:
                    # "Bosnia and Herzegovina Border Police": the State's whole name.
                    start = j - left
                    if T.is_sent_start[start]:
                        break
                    j = start - 1
                    continue
            if text == "," and self._listed_before(T, j, start, i):
                j -= 1
                continue
            break
        return start

    def _and_state_left(self, texts: list[str], j: int) -> int:
        """The number of words of a State's name before the "and" at `j` when the words
        around it are one State's name ("Serbia and Montenegro"), else 0."""
        if j + 1 >= len(texts):
            return 0
        for right, left in self._and_state_parts.get(texts[j + 1], ()):
            if tuple(texts[j + 1 : j + 1 + len(right)]) == right and j >= len(left) and tuple(texts[j - len(left) : j]) == left:
                return len(left)
        return 0

    def _listed_before(self, T: Cols, comma: int, start: int, i: int) -> bool:
        """"Saeima Education, Culture and Science Committee": the comma at `comma` is inside a
        list of portfolios that modifies the head at `i` (the words from `start` on are taken)."""
        if T.texts[i] not in self._list_heads or comma < 1 or self._portfolio_end(T, comma - 1) != comma:
            return False
        return "and" in T.lowers[start:i] and self._portfolio_end(T, start) == i

    def _portfolio_end(self, T: Cols, k: int, *, joined: bool = True) -> int:
        """End of a run of portfolio words from token k ("Human Rights", "Self-Government",
        "Trafficking in Persons"; with `joined`, "and" between portfolio words too)."""
        end = k
        words = self._portfolio
        texts, lowers = T.texts, T.lowers
        n = len(texts)
        while end < n:
            text = texts[end]
            if text in words:
                end += 1
            elif end + 2 < n and texts[end + 1] == "-" and f"{text}-{texts[end + 2]}" in words:
                end += 3
            elif end > k and lowers[end] in (("in", "and") if joined else ("in",)) and end + 1 < n and texts[end + 1] in words:
                end += 1
            else:
                break
        return end

    def _extend_right(self, T: Cols, i: int) -> int:
        texts, lowers = T.texts, T.lowers
        n = len(texts)
        head = texts[i]
        end = i + 1
        if end + 1 < n and texts[end] == "-" and not T.spaces[i] and not T.spaces[end] and texts[end + 1][:1].isupper():
            end += 2  # "Consulate-General": one word the tokenizer split
        preps = self._head_preps.get(head, self._preps)
        while end < n:
            lower = lowers[end]
            if lower in preps or (lower in ("and", "&") and end > i + 1 and self._joins_name(T, end + 1)):
                k = end + 1
                if k < n and lowers[k] == "the":
                    k += 1
                if lower == "of" and end == i + 1 and head in self._holder_heads:
                    held = self._holder_run(T, k)
                    if held > k:
                        end = held  # "Office of the High Commissioner", "Office of the Prosecutor General"
                        continue
                if k < n and self._is_complement(T, k):
                    end = self._cap_run(T, k)
                    continue
                if lower == "of" and k < n and self._members_of(T, k):
                    end = self._cap_run(T, k + 1)  # "Council of Ministers", "Association of Judges"
                    continue
            if texts[end] == "," and end > i + 1 and head in self._list_heads:
                listed = self._listed_after(T, end)
                if listed is not None:
                    end = listed
                    continue
            if lower == "in" and end > i + 1 and texts[end - 1] in self._portfolio:
                more = self._portfolio_end(T, end - 1, joined=False)
                if more > end + 1:
                    end = more  # "Commission on Combating Trafficking in Persons"
                    continue
            break
        return end

    def _listed_after(self, T: Cols, comma: int) -> int | None:
        """"Ministry of Justice, Human and Minority Rights": a list of portfolios after the
        complement that ends at `comma`; its end, or None. Every member is made of portfolio
        words, so places ("of Interior, Belgrade and Novi Sad"), bodies and acronyms ("of
        Justice, UNDP and UNICEF") and people never join the name."""
        if self._portfolio_end(T, comma - 1, joined=False) != comma:
            return None
        texts, lowers = T.texts, T.lowers
        n = len(texts)
        k = comma
        while k < n:
            last = lowers[k] == "and"
            if texts[k] == ",":
                k += 1
                last = k < n and lowers[k] == "and"
            elif not last:
                return None
            k += 1 if last else 0
            end = self._portfolio_end(T, k, joined=False)
            if end == k:
                return None
            if last:
                return end
            k = end
        return None

    def _joins_name(self, T: Cols, k: int) -> bool:
        """After "and": a name part ("Ministry of Sports and Youth"), not another body."""
        if k >= len(T.texts) or not T.is_title[k]:
            return False
        return not any(w in self._heads or w in self._state_words or w in ("'s", "’s") for w in T.texts[k : self._cap_run(T, k)])

    def _members_of(self, T: Cols, k: int) -> bool:
        """A plural title ("Ministers", "Judges") after "of": the members a body is made of."""
        text = T.texts[k]
        return T.is_title[k] and T.is_alpha[k] and text.endswith("s") and (text in self._titles or text in self._stop_left)

    def _is_complement(self, T: Cols, k: int) -> bool:
        text = T.texts[k]
        return bool(
            text[:1].isupper()
            and (T.is_alpha[k] or _ACRONYM_RE.match(text))
            and text not in self._stop_left
            and text not in self._titles
        )

    def _holder_references(self, T: Cols, spans: list[Cand]) -> list[Cand]:
        """A holder's office found by pattern ("the Office of the High Commissioner") that
        refers to a known body the text names, before or after it, whose name holds its
        words in order ("the Office of the OSCE High Commissioner on National Minorities"):
        a mention of that body (the nearest before it, else after it). Each wording is
        matched against the known bodies once."""
        texts = T.texts
        known = [(s, e, kind, kb_id, texts[s:e]) for s, e, kind, kb_id, source in spans if kb_id and source == GAZ]
        if not known:
            return spans
        starts = [k[0] for k in known]  # (spans are sorted)
        matching: dict[tuple[str, ...], list[int]] = {}
        out: list[Cand] = []
        for span in spans:
            s, e, _, _, source = span
            if source == PATTERN and texts[s] in self._holder_heads and e - s > 3 and T.lowers[s + 1] == "of":
                words = tuple(w for w in texts[s:e] if w not in ("of", "the", "OSCE"))
                found = matching.get(words)
                if found is None:
                    found = matching[words] = [j for j, k in enumerate(known) if _in_order(list(words), k[4])]
                if found:
                    b = bisect_left(found, bisect_right(starts, s))  # the known bodies before it: found[:b]
                    match = known[found[b - 1] if b else found[0]]
                    out.append((s, e, match[2], match[3], GAZ))
                    continue
            out.append(span)
        return out

    def _holder_run(self, T: Cols, k: int) -> int:
        """End of an office holder's title from token k ("High Commissioner", "Special
        Representative", "Prosecutor General"): adjectives of `holder_offices`, then one or
        more title words; k when no title word follows."""
        texts = T.texts
        n = len(texts)
        end = k
        while end < n and texts[end] in self._holder_adjectives and end + 1 < n and texts[end + 1][:1].isupper():
            end += 1
        titled = end
        while end < n and texts[end] in self._titles and texts[end][:1].isupper():
            end += 1
        return end if end > titled else k

    def _cap_run(self, T: Cols, k: int) -> int:
        """End of a run of capitalized words (with hyphens and possessives) from token k."""
        texts = T.texts
        n = len(texts)
        end = k
        while end < n:
            if self._is_complement(T, end) or (T.like_num[end] and end > k):
                end += 1
            elif texts[end] in ("-", "'s", "’s") and end + 1 < n and self._is_complement(T, end + 1):
                end += 2
            else:
                break
        return end

    def _media_names(self, T: Cols, media_at: list[int]) -> list[Cand]:
        """Outlets named beside a media noun: "the daily Dan", "N1, BN and Buka media outlets"."""
        out: list[Cand] = []
        texts = T.texts
        n = len(texts)
        # A lowercase word is its own lowercase form: the media nouns are found among the words as written.
        for i in media_at:
            if not T.is_lower[i]:
                continue
            before = self._media_before(T, i)
            if before:
                out += before
                continue  # "the columnist of Vreme weekly Teofil Pancic": the name before the noun is the outlet's
            k = i + 1
            while k < n:
                if texts[k][:1].isupper() and not T.is_sent_start[k] and texts[k] not in self._stop_left:
                    end = _name_end(T, k + 1, self._heads)
                    if texts[k] not in self._state_words:
                        out.append((k, end, "media", "", MEDIA))
                    k = end
                    if k < n and texts[k] in (",", "and") and k + 1 < n and texts[k + 1][:1].isupper():
                        k += 1
                        continue
                break
        return out

    def _kind_before(self, T: Cols, start: int) -> OrgKind | None:
        """The kind a word or phrase right before token `start` gives a name: "NGO"
        (`kind_words`), "the non-governmental organization" (`named_after`); else None."""
        word = T.texts[start - 1]
        kind = self._kind_words.get(word)
        if kind is None and word in self._named_after:
            kind = self._named_kind_at(T, start - 1)
        return kind

    def _named_kind_at(self, T: Cols, i: int) -> OrgKind | None:
        """The kind of the phrase of `named_after` that ends with token i (one of its last
        words), or None when the words before it make no such phrase."""
        end_char = T.idxs[i] + len(T.texts[i])
        text = T.doc_text
        return next((k for phrase, k in self._named_after[T.texts[i]] if text[max(0, end_char - len(phrase)) : end_char].lower() == phrase), None)

    def _named_after_kind(self, T: Cols, at: list[int], title_end: int) -> list[Cand]:
        """A capitalized name right after a phrase of `named_after`, in quotes or not: "the
        NGO Ak Jurok", "the public association “Women for Change”" (the name alone, a head
        noun or not: "the NGO Institute Alternativa")."""
        out: list[Cand] = []
        texts, idxs, text = T.texts, T.idxs, T.doc_text
        n = len(texts)
        # a headline in title case ("OSCE Trains NGO Activists In Osh") capitalizes every word
        heading = [w for w in text[:title_end].split() if len(w) > 3 and w[:1].isalpha()]
        title_cased = len(heading) >= 3 and sum(w[:1].isupper() for w in heading) >= 0.8 * len(heading)
        for i in at:
            kind = self._named_kind_at(T, i)
            if kind is None or (len(texts[i]) > 3 and i > 0 and T.is_title[i]):
                continue  # another phrase's last word; "Public Association": a name's own words
            if idxs[i] < title_end and title_cased:
                continue  # a headline's capitals: "OSCE Trains NGO Activists In Osh"
            k = i + 1
            quoted = k < n and texts[k] in _QUOTES
            k += quoted
            if (
                k >= n or not texts[k][:1].isupper() or T.is_sent_start[k] or texts[k] in self._stop_left or texts[k] in self._state_words
                or (texts[k].isupper() and len(texts[k]) > 1 and not quoted and k + 1 < n and texts[k + 1].isupper())
            ):
                continue
            end = _name_end(T, k + 1, ())
            if end == k + 1 and not quoted and (texts[k] in self._followers or texts[k] in _CALENDAR_WORDS or texts[k] in self._heads):
                continue  # one generic word: "the NGO Forum", "the draft NGO Law", "a local NGO Monday", "the National NGO Platform"
            if quoted and not (end < n and texts[end] in _QUOTES):
                continue  # a quote that does not close around the name
            out.append((k, end, kind, "", NAMED))
        return out

    def _base_entities(self, doc: Doc, T: Cols, in_gaz: set[int]) -> list[Cand]:
        """ORG entities of a base model (``newsie.load(base=...)``) that newsie's rules accept:
        they name a body by a head noun and are not a State."""
        out: list[Cand] = []
        texts = T.texts
        for ent in doc.ents:
            s, e = ent.start, ent.end
            if ent.label_ != "ORG" or in_gaz.intersection(range(s, e)) or T.span_text(s, e) in self._state_words:
                continue
            start = s + (1 if T.lowers[s] == "the" else 0)
            heads = [w for w in texts[start:e] if w in self._heads]
            if heads and start < e:
                out.append((start, e, self._heads[heads[-1]], "", BASE))
        return out

    def _media_before(self, T: Cols, i: int) -> list[Cand]:
        """Capitalized names (a list of them) right before a media noun."""
        out: list[Cand] = []
        texts, lowers = T.texts, T.lowers
        if lowers[i] == "media" and i + 1 < len(texts) and T.is_lower[i + 1] and lowers[i + 1] not in self._media:
            return out  # "NAME, OSCE media freedom representative": "media" modifies a noun
        k = i - 1
        if k >= 0 and lowers[k] in ("media", "tv") and lowers[i] != lowers[k]:
            k -= 1  # "Name media outlets", "Name TV channel"
        while k >= 0:
            if self._media_word(T, k) or self._name_number(T, k):
                end = k + 1
                while k > 0 and (self._media_word(T, k - 1) or self._name_number(T, k - 1)):
                    k -= 1  # "De Telegraaf newspaper", "24 Hours newspaper": a name of several words
                if texts[end - 1] not in self._heads:
                    out.append((k, end, "media", "", MEDIA))
                k -= 1
                while k >= 0 and texts[k] in (",", "and"):
                    k -= 1
                continue
            break
        if len(out) > 1 or (out and texts[i].endswith(_ONE_OUTLET_NOUNS)):
            return out
        # "News 24 TV channel journalist NAME": one name, an outlet by its staff.
        return out if out and i + 1 < len(texts) and lowers[i + 1] in self._media_staff else []

    def _name_number(self, T: Cols, k: int) -> bool:
        """Whether token k is a number beside a word of an outlet's name ("24 Hours", "News 24")."""
        return bool(T.texts[k].isdigit() and ((k > 0 and self._media_word(T, k - 1)) or (k + 1 < len(T.texts) and self._media_word(T, k + 1))))

    def _media_word(self, T: Cols, k: int) -> bool:
        """Whether token k may be (a word of) an outlet's name before a media noun."""
        text = T.texts[k]
        return bool(
            text[:1].isupper()
            and not T.is_sent_start[k]
            and text not in self._state_words
            and text not in self._stop_left
            and (T.is_alpha[k] or _ACRONYM_RE.match(text) or T.like_num[k] or any(c.isdigit() for c in text))
        )

    def _acronyms(self, T: Cols, opening: list[int], spans: list[Cand], notes: Notes) -> tuple[list[Cand], dict[str, Cand]]:
        """Acronyms defined in parentheses (opening at `opening`) after a name; adds long forms no rule found."""
        acronyms: dict[str, Cand] = {}
        if not opening:
            return spans, acronyms
        by_end = {c[1]: c for c in spans}
        extra: list[Cand] = []
        texts = T.texts
        n = len(texts)
        for i in opening:
            if i + 2 >= n or texts[i + 2] != ")":
                continue
            acr = texts[i + 1]
            if not _ACRONYM_RE.match(acr) or sum(c.isupper() for c in acr) < 2 or acr in self._state_words:
                continue  # "OSCE Mission to Bosnia and Herzegovina (BiH)": the State's short name, not the body's
            end = _before_space(texts, i)
            long = by_end.get(end)
            if long is None:
                long = self._long_form(T, end, acr)
                if long is None:
                    continue
                extra.append(long)
            elif long[4] == PATTERN and not _spells(texts[long[0] : end], acr):
                # "Operational Group of Russian Forces (OGRF)": the letters spell more than the pattern's "Russian Forces".
                longer = self._long_form(T, end, acr)
                if longer is not None and longer[0] < long[0] and not {"'s", "’s"} & set(texts[longer[0] : long[0]]):  # (not "Tajikistan's ...": its State)
                    long = longer
                    extra.append(long)
            acronyms[acr] = long
            notes.setdefault((long[0], long[1]), {})["acronym"] = acr
        return (_filter(spans + extra) if extra else spans), acronyms

    def _long_form(self, T: Cols, end: int, acr: str) -> Cand | None:
        """The capitalized words ending at token `end` (before "(ACR)" and the white space
        before it) whose initials spell the acronym. They hold no punctuation and no
        paragraph break (the break after a title is one: a name is not read across it)."""
        letters = [c for c in acr if c.isupper()]
        texts, is_punct, idxs = T.texts, T.is_punct, T.idxs
        lo = max(0, end - 2 * len(letters) - 4)
        brk = _PARAGRAPH_BREAK.search(T.doc_text, idxs[lo], idxs[end])
        while brk is not None:  # the words start after the last break
            lo = bisect_right(idxs, brk.start(), lo, end)
            brk = _PARAGRAPH_BREAK.search(T.doc_text, brk.end(), idxs[end])
        for start in range(lo, end):
            if not T.is_title[start] or any(is_punct[k] and texts[k] not in ("-", "'s", "’s") for k in range(start, end)):
                continue
            words = texts[start:end]
            initials = [w[0] for w in words if w[:1].isupper()]
            if initials[: len(letters)] == letters or initials == letters:
                if any(w in self._heads or w in self._acr_heads for w in words):
                    return (start, end, self._heads.get(words[-1], "other"), "", ACRONYM)
                return None
        return None

    def _acronym_uses(self, T: Cols, spans: list[Cand], acronyms: dict[str, Cand], notes: Notes) -> list[Cand]:
        out: list[Cand] = []
        if not acronyms:
            return out
        covered: set[int] = set()
        for c in spans:
            covered.update(range(c[0], c[1]))
        texts = T.texts
        for i in T.where(acronyms):
            long = acronyms[texts[i]]
            if i not in covered and not (i > 0 and texts[i - 1] == "("):
                out.append((i, i + 1, long[2], long[3], ACRONYM))
                notes[(i, i + 1)] = {"refers_to": (long[0], long[1])}
        return out

    def _refine(self, T: Cols, spans: list[Cand]) -> list[Cand]:
        """Drop pattern names of projects ("the Caucasus Media Network project"); "the
        Programme Office" found by pattern is a reference to the field operation."""
        generic = self._generic_names
        projects = self._project_words
        texts, lowers = T.texts, T.lowers
        n = len(T)
        out = []
        for span in spans:
            s, e, _, _, source = span
            if source == PATTERN:
                if e < n and lowers[e] in projects:
                    continue
                # "the website Cyber Security for ...", "the project Strengthening Border ...".
                if s > 0 and (lowers[s - 1] in projects or (s > 1 and lowers[s - 2] in projects and texts[s - 1][:1].isupper())):
                    continue
                if s > 0 and lowers[s - 1] in ("the", "this", "its") and T.span_text(s, e) in generic:
                    out.append((s, e, "field_operation", "", GENERIC))
                    continue
            out.append(span)
        return out

    def _add_coordinated(self, text: str, orgs: dict[str, OrgData]) -> None:
        """"the OSCE Offices in Yerevan and Baku": one body per place the gazetteer knows;
        "the Governments of Germany and Norway": one national body per State."""
        for ex in expand_coordinated(text, self._and_states):
            org_id = self.kb.by_surface.get(ex.name) or self.kb.by_surface.get(ex.name.removeprefix("OSCE "))
            if org_id is None:
                # "the Governments of Germany and Norway": a national body per State.
                state = default_states().lookup(ex.place.removeprefix("the "))
                kind = self.rules.heads.get(ex.head)
                if state is None or kind != "national_authority":
                    continue
                key = "pat:" + _norm_key(ex.name)
                if key not in orgs:
                    orgs[key] = _org(None, None, ex.name, None, kind, state.iso3, None)
                orgs[key].mentions.append((ex.start, ex.end))
                continue
            if org_id not in orgs:
                orgs[org_id] = _from_entry(self.kb.by_id[org_id])
                orgs[org_id].name = self.kb.by_id[org_id].name  # the text writes no single name
            orgs[org_id].mentions.append((ex.start, ex.end))

    def _generic_refs(self, T: Cols, generic_at: list[int], spans: list[Cand]) -> list[Cand]:
        """"the Mission", "OSCE Office": references to a field operation, where no span of
        `spans` (sorted by start, no overlaps) nor an earlier reference is."""
        out: list[Cand] = []
        texts, lowers = T.texts, T.lowers
        n = len(texts)
        for i in generic_at:
            if i == 0 or lowers[i - 1] not in ("the", "osce", "this", "its"):
                continue  # every reference follows one of these words
            for words in self._generic_by_first[texts[i]]:
                end = i + len(words)
                if end > n or texts[i:end] != words:
                    continue
                if _overlaps(spans, i, end) or (out and _overlaps(out, i, end)):
                    continue
                if end < n and lowers[end] in ("of", "for", "to", "in") and end + 1 < n and texts[end + 1][:1].isupper():
                    continue  # "Office of the Ombudsman": a name, not a reference
                start = i - 1 if texts[i - 1] == "OSCE" else i
                out.append((start, end, "field_operation", "", GENERIC))
                break
        return out

    # -- resolution -----------------------------------------------------------
    def _resolve(self, doc: Doc, T: Cols, spans: list[Cand], acronyms: dict[str, Cand], notes: Notes) -> tuple[dict[str, OrgData], dict[tuple[int, int], str]]:
        """One `OrgData` per distinct body, and the body each span names."""
        states: _States | None = None  # read from the Doc when first needed
        orgs: dict[str, OrgData] = {}
        templates = self._org_fields
        text = T.doc_text
        idxs, texts = T.idxs, T.texts
        pending_generic: list[Cand] = []
        span_key: dict[tuple[int, int], str] = {}
        # Acronym uses after the names they stand for (in order: a stable sort on "is an acronym").
        # (Without acronyms defined no span comes from one: the order is the given one.)
        for span in ([c for c in spans if c[4] != ACRONYM] + [c for c in spans if c[4] == ACRONYM]) if acronyms else spans:
            s, e, label, kb_id, source = span
            if source == GAZ:  # (most spans)
                fields = templates[kb_id]
                org = orgs.get(kb_id)
                if org is None:
                    org = orgs[kb_id] = _from_fields(fields)
                if notes:
                    acronym = notes.get((s, e), _NO_NOTE).get("acronym")
                    if acronym:
                        org.acronym = acronym
                a, b = idxs[s], idxs[e - 1] + len(texts[e - 1])  # `_chars`
                org.mentions.append((a, b))
                name = text[a:b]
                # (the entry's acronym: `fields` are its `OrgData`'s)
                if name != fields["acronym"] and name != org.acronym and (org.name is None or len(name) > len(org.name)):
                    org.name = name  # the longest name the text writes (not an acronym)
                span_key[(s, e)] = kb_id
                continue
            if source == GENERIC:
                pending_generic.append(span)
                continue
            if source == TAG:  # "OSCE)--": the acronym alone is the mention (and names the body only if nothing else does)
                org = orgs.get(kb_id)
                if org is None:
                    org = orgs[kb_id] = _from_fields(templates[kb_id])
                a = idxs[s]
                org.mentions.append((a, a + texts[s].index(")")))
                span_key[(s, e)] = kb_id
                continue
            note = notes.get((s, e), _NO_NOTE) if notes else _NO_NOTE
            if source == ACRONYM and "refers_to" in note:
                key = span_key.get(note["refers_to"])
                if key:
                    _add_mention(orgs[key], T, s, e, surface=False)
                    span_key[(s, e)] = key
                    continue
            if "split" in note:
                # "State Border and Customs Services": one body per listed modifier.
                if states is None:
                    states = _States(_state_spans(doc))
                country = _country_of(T, s, e, states)
                split = ["pat:" + _norm_key(name) for name in note["split"]]
                chars = _chars(T, s, e)
                for key, name in zip(split, note["split"], strict=True):
                    if key not in orgs:
                        orgs[key] = _org(None, None, name, None, label, country, None)
                    orgs[key].mentions.append(chars)
                key = split[0]
            else:
                key = "pat:" + (note["key"] if "key" in note else _norm_key(T.span_text(s, e)))
                if key not in orgs:
                    if states is None:
                        states = _States(_state_spans(doc))
                    orgs[key] = _org(None, None, None, note.get("acronym"), label, _country_of(T, s, e, states), None)
                _add_mention(orgs[key], T, s, e, surface=True)
            span_key[(s, e)] = key
        # The field operations the gazetteer found: what "the Mission" refers to.
        field_keys = list(dict.fromkeys([c[3] for c in spans if c[4] == GAZ and c[2] == "field_operation"])) if pending_generic else []
        for span in pending_generic:
            s, e = span[0], span[1]
            key = field_keys[0] if len(field_keys) == 1 else None
            if key is None and not field_keys and T.texts[s] == "OSCE":
                if states is None:
                    states = _States(_state_spans(doc))
                found = self._infer_field_op(T.texts[e - 1], {kb for _, _, kb in states.rows})
                if found is not None:
                    key = found.id
                    orgs[key] = _from_entry(found)
                    field_keys.append(key)
                else:
                    # "organized by the OSCE Centre": no field operation to name; the body as written.
                    key = "pat:" + _norm_key(T.span_text(s, e))
                    if key not in orgs:
                        orgs[key] = _org(None, None, None, None, "field_operation", None, None)
                    _add_mention(orgs[key], T, s, e, surface=True)
                    span_key[(s, e)] = key
                    continue
            if key is not None and key in orgs:
                _add_mention(orgs[key], T, s, e, surface=False)
                span_key[(s, e)] = key
        if acronyms:
            self._own_acronyms(T, acronyms, orgs, span_key)
        orgs, merged = _merge_variants(orgs, self._state_words, self._inverted_heads, self._portfolio_fillers, self._osce_rests)
        for org in orgs.values():
            if not org.name:
                # Only the acronym (or a back-reference) occurs: name the body as the text does.
                first = text[slice(*org.mentions[0])]
                org.name = first if first == org.acronym else (org.canonical_name or first)
        if not merged:
            return orgs, span_key

        def final(key: str) -> str:
            while key in merged:
                key = merged[key]
            return key

        return orgs, {k: final(v) for k, v in span_key.items()}

    def _own_acronyms(self, T: Cols, acronyms: dict[str, Cand], orgs: dict[str, OrgData], span_key: dict[tuple[int, int], str]) -> None:
        """A body the text names and gives an acronym ("the European Union Monitoring
        Mission (EUMM)"), while the gazetteer knows only the acronym of it (its entry is
        "... in Georgia"), is one body: the gazetteer's, named as the text names it. When
        the gazetteer's body of that acronym is another one (its names are not the text's),
        the acronym is the text's body's. Only gazetteer bodies that the text writes as
        the acronym alone are read so."""
        text, texts = T.doc_text, T.texts
        for acr, long in acronyms.items():
            pat_key = span_key.get((long[0], long[1]))
            if pat_key is None or not pat_key.startswith("pat:") or pat_key not in orgs:
                continue
            named = {key for (s, e), key in span_key.items() if e - s == 1 and texts[s] == acr and not key.startswith("pat:")}
            for key in named:
                org = orgs.get(key)
                if org is None or any(text[a:b] != acr for a, b in org.mentions):
                    continue  # the text names it in full too: a body of its own
                pat = orgs[pat_key]
                entry = self.kb.by_id.get(key)
                if entry is None or not pat.name or _names_entry(pat.name, entry, within=True):
                    continue  # "Board of Directors of Radio-Television Kosovo (RTK)": the body it holds
                if _names_entry(pat.name, entry):
                    org.name, org.acronym = pat.name, acr
                    keep, drop = key, pat_key
                else:
                    keep, drop = pat_key, key
                orgs[keep].mentions = sorted(orgs[keep].mentions + orgs[drop].mentions)
                del orgs[drop]
                for at, k in span_key.items():
                    if k == drop:
                        span_key[at] = keep
                if keep == key:
                    break

    def _infer_field_op(self, word: str, doc_states: set[str]) -> OrgEntry | None:
        """"OSCE Presence" (whose last word is `word`) with no full name: the field
        operation of that type in a State the release names."""
        found = [e for e, words in self._open_field_ops() if e.country in doc_states and word in words]
        return found[0] if len(found) == 1 else None

    def _open_field_ops(self) -> list[tuple[OrgEntry, frozenset[str]]]:
        """The field operations still open, with the words of their names (once per gazetteer)."""
        cached = self.__dict__.get("_open_ops")
        if cached is None or cached[0] is not self.kb:
            ops = [(e, frozenset(e.name.split())) for e in self.kb.field_operations() if e.end is None]
            cached = self.__dict__["_open_ops"] = (self.kb, ops)
        return cached[1]


_COMMON_SENTENCE_STARTS: Final = frozenset(
    {"today", "yesterday", "recently", "however", "currently", "participants", "representatives", "officials", "experts", "during", "after", "following", "in", "on", "at", "as", "with", "some", "many", "more", "over", "around", "several", "all", "both", "local", "national", "new", "young", "female", "women", "men", "students", "journalists", "judges", "police", "border", "officers"}
)


_NO_NOTE: Final[dict[str, Any]] = {}  # the notes of a span with none (read, never written)
_KB_ID: Final = itemgetter(3)  # a candidate's gazetteer id
_START, _END = itemgetter(0), itemgetter(1)  # a candidate's token range


_filter: Final = longest_first  # spaCy's `filter_spans` on candidate tuples


def _overlaps(rows: list[Cand], a: int, b: int) -> bool:
    """Whether a row of `rows` (sorted by start, non-empty, no overlaps: their ends are
    sorted too) shares a token with tokens a..b (a < b). A bisection: a scan from the
    first row would make a long document's references quadratic."""
    k = bisect_right(rows, a, key=_END)  # the first row ending after token a
    return k < len(rows) and rows[k][0] < b


def _inside(rows: list[Cand], i: int) -> bool:
    """Whether a row of `rows` (sorted by start, no overlaps) holds token i: the last row
    starting at or before i, found by bisection."""
    k = bisect_right(rows, i, key=_START)
    return k > 0 and i < rows[k - 1][1]


def _among(texts: list[str], positions: list[int], words: Container[str]) -> list[int]:
    """The positions, of those given, whose token text is one of `words` (in order)."""
    return [i for i in positions if texts[i] in words]


def _without_title_case_guesses(doc: Doc, T: Cols, spans: list[Cand]) -> list[Cand]:
    """Spans without the pattern names of a headline in title case that the body does not
    repeat: there every word is capitalized, so "Training on Open-Source Intelligence Equips
    Police" is no body's name."""
    meta = meta_of(doc)
    title_len = meta.title_len
    if not title_len:
        return spans
    idxs = T.idxs
    if not any(c[4] == PATTERN and idxs[c[0]] < title_len for c in spans):
        return spans  # no pattern name in the headline
    text = T.doc_text
    words = _TITLE_WORD_RE.findall(text, 0, title_len)
    if len(words) < 4 or any(w[0].islower() and w not in _MINOR_WORDS for w in words):
        return spans
    body = text[max(title_len, meta.body_start) :]
    return [c for c in spans if not (c[4] == PATTERN and idxs[c[0]] < title_len and T.span_text(c[0], c[1]) not in body)]


def _before_space(texts: list[str], i: int) -> int:
    """Where the white space tokens right before token i start (i when there are none):
    "Migration  (IOM)", "Migration\n(IOM)" end a name there, as "Migration (IOM)" does."""
    while i > 0 and texts[i - 1].isspace():
        i -= 1
    return i


def _spells(words: list[str], acr: str) -> bool:
    """Whether the capitalized words' initials spell the acronym's capitals."""
    return [w[0] for w in words if w[:1].isupper()] == [c for c in acr if c.isupper()]


def _chars(T: Cols, start: int, end: int) -> tuple[int, int]:
    """The character offsets of tokens start..end (``Span.start_char``, ``Span.end_char``)."""
    idxs = T.idxs
    return (idxs[start], idxs[end - 1] + len(T.texts[end - 1]))


def _state_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """The States the Doc names: start, end and ISO3 code of each span."""
    return [(r[0], r[1], r[4]) for r in group_rows(doc, ext.STATES)]


class _States:
    """The States the Doc names (`_state_spans`), indexed for `_country_of`."""

    __slots__ = ("first_by_end", "ranges", "rows")

    def __init__(self, rows: list[tuple[int, int, str]]) -> None:
        self.rows = rows
        self.ranges = Ranges(rows)
        self.first_by_end: dict[int, int] = {}  # end -> position of the first State ending there
        for k, row in enumerate(rows):
            self.first_by_end.setdefault(row[1], k)


def _variants(entry: OrgEntry) -> list[str]:
    """Surface forms of an entry: as written, British/American spellings, 'OSCE ' prefixed."""
    forms: dict[str, None] = {}
    for s in entry.surfaces():
        s = s.strip()
        if s.lower().startswith("the "):
            s = s[4:]
        if not s:
            continue
        alts = {s}
        for a, b in _SPELLINGS:
            alts |= {x.replace(a, b) for x in alts} | {x.replace(b, a) for x in alts}
        if entry.kind in OSCE_KINDS and not s.startswith("OSCE") and len(s.split()) > 1:
            alts |= {f"OSCE {x}" for x in alts}
        if entry.kind == "field_operation":
            # "OSCE Office in Yerevan" is also "OSCE Yerevan Office" (as "OSCE Osh Field Office");
            # "OSCE Mission to Croatia", "OSCE Croatia Mission".
            alts |= {f"OSCE {m[2]} {m[1]}" for m in map(_PLACE_AFTER.match, alts) if m}
        forms.update(dict.fromkeys(sorted(alts)))
    return list(forms)


def _in_postcode(texts: list[str], s: int, e: int) -> bool:
    """A two-letter acronym that is the end of a postcode: four digits before it that open
    an address line (after a comma, a dash, a colon or a line break), a place name after it ("Prinsessegracht
    22, 2514 AP The Hague"; not "In 2009 AP said", "the 2023 EU Internet Forum")."""
    if not (e - s == 1 and s > 0 and e < len(texts) and len(texts[s]) == 2 and len(texts[s - 1]) == 4 and texts[s - 1].isdigit() and texts[e][:1].isupper()):
        return False
    return s == 1 or texts[s - 2] in (",", "–", "-", ":") or "\n" in texts[s - 2]


def _names_entry(name: str, entry: OrgEntry, *, within: bool = False) -> bool:
    """Whether all the words of `name` are in one of the entry's names ("European Union
    Monitoring Mission" of "European Union Monitoring Mission in Georgia"); `within`: whether
    all the words of one of its names (but not all of `name`'s) are in `name` ("Board of
    Directors of Radio-Television Kosovo" holds "Radio-Television Kosovo")."""
    words = set(name.lower().replace("-", " ").split())
    for known in (entry.name, *entry.aliases):
        names = set(known.lower().replace("-", " ").split())
        if (names < words) if within else (words <= names):
            return True
    return False


def _squeeze(text: str) -> str:
    """`text` without white space: what every tokenization of it shares."""
    return "".join(text.split())


def _from_fields(fields: dict[str, Any]) -> OrgData:
    """``_from_entry(entry)`` from the fields it gives (a fresh mentions list)."""
    org: OrgData = object.__new__(OrgData)
    org.__dict__.update(fields)
    org.mentions = []
    return org


def _from_entry(entry: OrgEntry) -> OrgData:
    return _org(entry.id, entry.name, None, entry.acronym, entry.kind, entry.country, entry.parent)


def _org(org_id: str | None, canonical_name: str | None, name: str | None, acronym: str | None, kind: str, country: str | None, parent: str | None) -> OrgData:
    """``OrgData(...)`` with no mentions yet: the same fields, in the same order, set
    without the dataclass's keyword `__init__` and `__post_init__` (a hot path)."""
    org: OrgData = object.__new__(OrgData)
    org.__dict__.update(
        id=org_id, canonical_name=canonical_name, name=name, acronym=acronym, kind=kind, country=country, parent=parent, mentions=[]
    )
    return org


def _add_mention(org: OrgData, T: Cols, start: int, end: int, *, surface: bool) -> None:
    chars = _chars(T, start, end)
    org.mentions.append(chars)
    if surface:
        text = T.doc_text[chars[0] : chars[1]]
        if org.name is None or len(text) > len(org.name):
            org.name = text


def _core(name: str, state_words: frozenset[str]) -> tuple[str, ...]:
    """A pattern body's name without States, possessives and complements: its kind of body."""
    memo = _cores_of(state_words)
    core = memo.get(name)
    if core is None:
        head = _COMPLEMENT_RE.split(name, maxsplit=1)[0]
        words = [w for w in _WORD_RE.findall(head.replace("’", "'")) if w not in state_words and w.lower() not in ("the", "s")]
        core = tuple(w.lower() for w in words)
        if len(memo) >= _CORES_NAMES:  # bounded: names vary without end over a stream of documents
            memo.clear()
        memo[name] = core
    return core


def _cores_of(state_words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The memo of `_core` for this set of State words, found by the set's identity.

    Keyed by value, a look-up with another pipeline's set of the same 1,251 words compared
    the two sets word by word (~20 us each: ~5 us per lede for the second of two pipelines
    in one process). Each entry holds its set, so no other set can take its id while the
    entry lasts. A few sets are kept (pipelines of other settings, or a gazetteer extended
    with `add_entries`, have sets of their own), at most `_CORES_NAMES` names each."""
    entry = _CORES.get(id(state_words))
    if entry is None or entry[0] is not state_words:
        if len(_CORES) >= _CORES_SETS:
            _CORES.clear()
        entry = _CORES[id(state_words)] = (state_words, {})
    return entry[1]


_CORES: Final[dict[int, tuple[frozenset[str], dict[str, tuple[str, ...]]]]] = {}
_CORES_SETS: Final = 4
_CORES_NAMES: Final = 5_000  # with `_CORES_SETS`, the 20,000 names the single memo held before
_COMPLEMENT_RE: Final = re.compile(r"\s+(?:of|for|on|in|to)\s+")
_WORD_RE: Final = re.compile(r"[\w-]+")


def _inverted_core(name: str, state_words: frozenset[str], inverted: Container[str], fillers: Container[str]) -> tuple[str, ...] | None:
    """The core of "Ministry of Foreign Affairs (of ...)" written as "Foreign Ministry" is:
    ("foreign", "ministry") for a head in `inverted`, the filler words ("Affairs") left
    out; None for other names."""
    head, sep, rest = name.partition(" of ")
    if not sep or head.rpartition(" ")[2] not in inverted:
        return None
    portfolio = rest.partition(" of ")[0].removeprefix("the ")
    words = [w for w in _WORD_RE.findall(portfolio) if w not in fillers and w != "and"]
    if not words:
        return None
    return tuple(w.lower() for w in words) + tuple(w.lower() for w in _WORD_RE.findall(head) if w not in state_words and w != "the")


def _merge_variants(
    orgs: dict[str, OrgData], state_words: frozenset[str], inverted: Container[str] = (), fillers: Container[str] = (), backrefs: Container[str] = ()
) -> tuple[dict[str, OrgData], dict[str, str]]:
    """Join pattern bodies written two ways ("Tajik Border Troops" and "Border Troops of
    Tajikistan's State Committee ..."; "Ministry of Interior" and "Interior Ministry" for a
    head in `inverted`): same kind of body (one core the end of the other) and no
    conflicting country; a pattern body named as in `backrefs` to the OSCE body named
    "OSCE " + that name before it. The fuller name wins. Returns the bodies left and where
    each merged key went."""
    merged: dict[str, str] = {}
    if len(orgs) < 2:
        return orgs, merged  # nothing to join
    if backrefs:
        refs = [k for k, o in orgs.items() if o.id is None and o.name in backrefs]
        if refs and _osce_back_references(orgs, refs, merged):
            orgs = {k: o for k, o in orgs.items() if k not in merged}
    keys = [k for k, o in orgs.items() if o.id is None or o.kind in ("national_authority", "academic", "ngo", "media")]
    if len(keys) < 2:
        return orgs, merged  # nothing to join
    if _known_by_acronym_only(orgs, keys, merged):
        keys = [k for k in keys if k not in merged]
    # Names never change while merging: index cores and names once.
    names = {k: orgs[k].name or "" for k in keys}
    cores = {k: _inverted_core(names[k], state_words, inverted, fillers) or _core(names[k], state_words) for k in keys}
    if len(keys) <= PAIRWISE_MAX:
        # A few bodies (a lede): every pair in order, cheaper than building the indexes.
        for a in keys:
            ca, na = cores[a], names[a]
            first, _, rest = na.partition(" ")
            first_state = first in state_words
            for b in keys:
                if a == b or a in merged or b in merged:
                    continue
                cb, nb = cores[b], names[b]
                if (len(cb) >= 2 and len(ca) >= len(cb) and ca[-len(cb):] == cb) or _with_state(na, nb) or (first_state and rest == nb):
                    _join(orgs, a, b, merged)
        return ({k: o for k, o in orgs.items() if k not in merged} if merged else orgs), merged
    # Many bodies: visit for each body only the bodies it could join (a core that ends its
    # core, a name before " of "), in the order of the all-pairs loop above, so merges
    # happen as there.
    pos = {k: i for i, k in enumerate(keys)}
    by_core: dict[tuple[str, ...], list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for k in keys:
        by_core.setdefault(cores[k], []).append(k)
        by_name.setdefault(names[k], []).append(k)
    for a in keys:
        ca, na = cores[a], names[a]
        cands = {b for n in range(2, len(ca) + 1) for b in by_core.get(ca[-n:], ())}
        j = na.find(" of ")
        while j >= 0:
            cands.update(by_name.get(na[:j], ()))
            j = na.find(" of ", j + 1)
        first, _, rest = na.partition(" ")
        if first in state_words:
            cands.update(by_name.get(rest, ()))  # "British House of Lords", "House of Lords"
        for b in sorted(cands, key=pos.__getitem__):
            if a == b or a in merged or b in merged:
                continue
            cb = cores[b]
            same_core = len(cb) >= 2 and len(ca) >= len(cb) and ca[-len(cb):] == cb
            if same_core or _with_state(na, names[b]) or (first in state_words and rest == names[b]):
                _join(orgs, a, b, merged)
    return {k: o for k, o in orgs.items() if k not in merged}, merged


PAIRWISE_MAX = 6  # up to this many bodies, `_merge_variants` compares every pair (not Final: a test switches it)


def _osce_back_references(orgs: dict[str, OrgData], found: list[str], merged: dict[str, str]) -> bool:
    """Join a pattern body (of `found`) to the OSCE body named before it with "OSCE" in
    front ("OSCE Parliamentary Assembly President NAME ... the Parliamentary Assembly"): a
    reference back, no body of its own. Whether any joined."""
    osce: dict[str, str] = {}
    for k, o in orgs.items():
        if o.id is not None and o.name and o.name.startswith("OSCE "):
            osce.setdefault(o.name[5:], k)
    if not osce:
        return False
    joined = False
    for k in found:
        o = orgs[k]
        if o.name in osce:
            known = orgs[osce[o.name]]
            if known.mentions and o.mentions and min(known.mentions) < min(o.mentions):
                known.mentions = sorted(known.mentions + o.mentions)
                merged[k] = osce[o.name]
                joined = True
    return joined


def _known_by_acronym_only(orgs: dict[str, OrgData], keys: list[str], merged: dict[str, str]) -> bool:
    """Join a known body the text names only by its acronym to the one name the text
    defines that acronym for ("Radio Television Serbia (RTS)", when the gazetteer knows
    "RTS" under another long form): one body, named as the text does. Whether any joined."""
    known: dict[str, str] = {}
    found: dict[str, list[str]] = {}
    for k in keys:
        o = orgs[k]
        if o.acronym:
            if o.id is None:
                found.setdefault(o.acronym, []).append(k)
            elif not o.name or o.name == o.acronym:  # (no longer name in the text yet)
                known[o.acronym] = k
    joined = False
    for acr, k in known.items():
        pats = found.get(acr)
        if pats is None or len(pats) != 1:
            continue
        ok, od = orgs[k], orgs[pats[0]]
        if od.country and ok.country and od.country != ok.country:
            continue
        ok.name = od.name
        ok.mentions = sorted(od.mentions + ok.mentions)
        merged[pats[0]] = k
        joined = True
    return joined


def _join(orgs: dict[str, OrgData], a: str, b: str, merged: dict[str, str]) -> None:
    """Join bodies a and b (variants of one name) unless their countries, acronyms or
    gazetteer ids conflict; the fuller name is kept."""
    oa, ob = orgs[a], orgs[b]
    if oa.country and ob.country and oa.country != ob.country:
        return
    if oa.acronym and ob.acronym and oa.acronym != ob.acronym:
        return
    if oa.id and ob.id:
        return  # two known bodies stay two
    keep, drop = (a, b) if len(oa.name or "") >= len(ob.name or "") else (b, a)
    ok, od = orgs[keep], orgs[drop]
    ok.mentions += od.mentions
    ok.country = ok.country or od.country
    ok.acronym = ok.acronym or od.acronym
    ok.id = ok.id or od.id
    ok.canonical_name = ok.canonical_name or od.canonical_name
    ok.parent = ok.parent or od.parent
    merged[drop] = keep


# The media nouns one name before which is an outlet's ("the Dan newspaper"); other nouns
# need a list of names ("N1, BN and Buka media outlets") or the outlet's staff after them.
_ONE_OUTLET_NOUNS: Final = ("paper", "newspaper", "daily", "weekly", "portal", "agency")
# Small words inside an outlet's name; not "in", which names where it is ("Vijesti in Podgorica").
_NAME_INNER: Final = frozenset({"for", "of", "on", "the"})


def _name_end(T: Cols, end: int, heads: Container[str]) -> int:
    """End of a capitalized name that may hold small words ("Cyber Security for Young People
    and Families"); "and" joins only after such a word, else it separates two names."""
    texts, lowers = T.texts, T.lowers
    n = len(texts)
    inner = False
    while end < n:
        text = texts[end]
        if text[:1].isupper() and text not in heads:
            end += 1
            continue
        if end + 1 < n and texts[end + 1][:1].isupper() and (lowers[end] in _NAME_INNER or (lowers[end] == "and" and inner)):
            inner = True
            end += 2
            continue
        if text == "-" and end + 1 < n and texts[end + 1][:1].isupper() and not T.spaces[end - 1] and not T.spaces[end]:
            end += 2  # "Teleradio-Moldova": one word the tokenizer split
            continue
        break
    return end


def _with_state(long: str, short: str) -> bool:
    """"Ministry of Security of Bosnia and Herzegovina" is "Ministry of Security" with its State."""
    if not long.startswith(short + " of ") or len(short.split()) < 3:
        return False
    rest = long[len(short) + 4 :].removeprefix("the ")
    return default_states().lookup(rest) is not None


def _in_order(words: list[str], name: list[str]) -> bool:
    """Whether `words` all occur in `name`, in that order."""
    it = iter(name)
    return all(w in it for w in words)


def _key_with_known(texts: list[str], start: int, end: int, known: dict[int, Cand]) -> str | None:
    """A pattern name's key with the known bodies inside it written as their ids, so "OSCE
    PA Working Group" and "OSCE Parliamentary Assembly Working Group" are one body."""
    if known.keys().isdisjoint(range(start, end)):
        return None  # no known body starts inside
    parts: list[str] = []
    found = False
    k = start
    while k < end:
        inner = known.get(k)
        if inner is not None and inner[1] <= end and inner[3]:
            parts.append("#" + inner[3])
            found = True
            k = inner[1]
        else:
            parts.append(_norm_key(texts[k]))
            k += 1
    return " ".join(p for p in parts if p) if found else None


def _norm_key(text: str) -> str:
    """A name's key: lowercased, no leading "the", runs of non-word characters one space."""
    key = _NORM_KEYS.get(text)
    if key is None:
        t = _THE_RE.sub("", text.lower().replace("’", "'"))
        key = _NON_WORD_RE.sub(" ", t).strip()
        if len(_NORM_KEYS) >= 20_000:  # bounded: names vary without end over a stream of documents
            _NORM_KEYS.clear()
        _NORM_KEYS[text] = key
    return key


_NORM_KEYS: Final[dict[str, str]] = {}
_THE_RE: Final = re.compile(r"^the\s+")
_NON_WORD_RE: Final = re.compile(r"\W+")


def _country_of(T: Cols, start: int, end: int, states: _States) -> str | None:
    """The State named inside a pattern organization, or as its possessive/adjective just before."""
    inside = states.ranges.first_inside(start, end)
    if inside is not None:
        return str(inside[2])
    # The first State (in order) that ends right before, or before a possessive.
    at = states.first_by_end.get(start)
    before = states.first_by_end.get(start - 1) if start > 0 and T.texts[start - 1] in ("'s", "’s") else None
    if before is not None and (at is None or before < at):
        at = before
    return None if at is None else str(states.rows[at][2])
