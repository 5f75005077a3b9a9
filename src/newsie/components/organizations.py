"""`newsie_organizations`: named bodies from the gazetteer, from patterns, and by acronym."""

import re
from collections.abc import Container, Iterable
from typing import Any, ClassVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions as ext
from ..extensions import set_doc_value, span_string, text_of
from ..kb.io import read_packaged
from ..kb.officials import default_titles
from ..kb.org_rules import OrgRules, default_org_rules
from ..kb.organizations import ORGANIZATIONS_FILE, OrgEntry, OrgKB
from ..kb.states import default_states
from ..payloads import OrgData
from ..tokens import Tok, Toks, toks
from .base import Data, GazetteerPipe, set_ents
from .coordination import expand_coordinated

GAZ, PATTERN, ACRONYM, GENERIC, MEDIA, BASE = "gazetteer", "pattern", "acronym", "generic", "media", "base"
OSCE_KINDS = ("osce_structure", "osce_institution", "field_operation")
_OPEN = ("(",)
_ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z0-9&/.\-]*[A-Z0-9]$")
_SPELLINGS = (("Co-operation", "Cooperation"), ("Organization", "Organisation"), ("Centre", "Center"), ("Co-ordinator", "Coordinator"))


Notes = dict[tuple[int, int], dict[str, Any]]  # per-call facts about candidate spans


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
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for entry in self.kb.entries:
            forms = _variants(entry)
            if forms:
                self.matcher.add(entry.id, self.patterns(forms))
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
        self._osce_id = self.kb.by_surface.get("OSCE")
        self._in_heads = frozenset(r.in_heads)
        self._stop_left = frozenset(r.stop_words_left)
        self._media = frozenset(r.media_triggers)
        self._generic = sorted((g.split() for g in r.generic_field_refs), key=len, reverse=True)
        self._generic_names = frozenset(" ".join(w) for w in self._generic)
        self._generic_firsts = frozenset(w[0] for w in self._generic)
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
    def __call__(self, doc: Doc) -> Doc:
        self.ensure_ready()
        strings = self.nlp.vocab.strings
        gaz = [
            _span(doc, s, e, self.kb.by_id[strings[mid]].kind, strings[mid], GAZ)
            for mid, s, e in self.matcher(doc)
        ]
        gaz = self._without_person_offices(doc, filter_spans(gaz))
        cands: list[Span] = list(gaz)
        splits: dict[tuple[int, int], list[str]] = {}
        if self.cfg["patterns"]:
            in_gaz = {i for s in gaz for i in range(s.start, s.end)}
            cands += self._chunks(doc, in_gaz)
            cands += self._plural_lists(doc, in_gaz, splits)
            cands += self._media_names(doc)
            cands += self._base_entities(doc, in_gaz)
        notes: Notes = {}
        spans = filter_spans(cands)
        spans, acronyms = self._acronyms(doc, spans, notes)
        spans = filter_spans(spans + self._acronym_uses(doc, spans, acronyms, notes))
        spans = filter_spans(self._refine(doc, spans) + self._generic_refs(doc, spans))
        known = {s.start: s for s in gaz}
        for s in spans:
            if (s.start, s.end) in splits:
                notes.setdefault((s.start, s.end), {})["split"] = splits[(s.start, s.end)]
            key = _key_with_known(s, known) if s.id_ == PATTERN else None
            if key is not None:
                notes.setdefault((s.start, s.end), {})["key"] = key
        orgs, keys = self._resolve(doc, spans, acronyms, notes)
        self._add_coordinated(doc, orgs)
        out = [Span(doc, s.start, s.end, label=ext.ORG, kb_id=orgs[keys[(s.start, s.end)]].id or "" if (s.start, s.end) in keys else s.kb_id_, span_id=s.id_) for s in spans]
        doc.spans[self.cfg["spans_key"]] = out
        set_doc_value(doc, "newsie_orgs", list(orgs.values()))
        if self.cfg["annotate_ents"]:
            set_ents(doc, out)
        return doc

    def _without_person_offices(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"The OSCE Representative on Freedom of the Media, Harlem Désir": an office held by a
        person, not a body; its "OSCE" still names the OSCE."""
        out = []
        T = toks(doc)
        for span in spans:
            text = T.span_text(span.start, span.end)
            words = text.split(maxsplit=1)
            core = words[1] if words[0] == "OSCE" and len(words) > 1 else text
            if core in self._person_offices and not (span.start > 1 and T[span.start - 2].text == "Office"):
                if words[0] == "OSCE" and self._osce_id:
                    out.append(_span(doc, span.start, span.start + 1, self.kb.by_id[self._osce_id].kind, self._osce_id, GAZ))
                continue
            out.append(span)
        return out

    def _chunks(self, doc: Doc, in_gaz: set[int]) -> list[Span]:
        """Spans around capitalized head nouns: modifiers on the left, complements on the right."""
        out: list[Span] = []
        T = toks(doc)
        heads = self._heads
        for i in T.where(self._head_words):
            tok = T[i]
            if tok.i in in_gaz:
                continue
            kind = heads.get(tok.text) or self._conditional_kind(T, tok.i)
            if kind is None:
                continue
            nxt = T[tok.i + 1] if tok.i + 1 < len(T) else None
            if nxt is not None and nxt.text in self._followers and not nxt.is_sent_start:
                continue  # "Police Reform Strategy", "Border Police Officers": the head is a modifier here
            start = self._extend_left(T, tok.i)
            end = self._extend_right(T, tok.i)
            content = [t for t in T[start:end] if t.is_title or t.is_upper or t.like_num]
            if len(content) < 2 and tok.text in self._needs_mod:
                continue
            if len(content) < 2 and end - start < 2:
                continue
            if all(t.text == "OSCE" or t.i == tok.i or t.text in heads for t in content) and any(t.text == "OSCE" for t in content):
                continue  # "OSCE Office": a reference to a field operation, resolved later
            if T.span_text(start, end) in self._state_words:
                continue
            if tok.text in self._titles and self._person_follows(T, end):
                continue  # "the Ombudsman of the Republic of Latvia, Juris Jansons": a person's office
            out.append(_span(doc, start, end, kind, "", PATTERN))
        return out

    def _person_follows(self, doc: Toks, k: int) -> bool:
        """", Juris Jansons," at token k: a comma, then two or three capitalized words that
        are no body's, State's or title's, then a break."""
        if k >= len(doc) or doc[k].text != ",":
            return False
        j = k + 1
        while j < len(doc) and j - k <= 4 and doc[j].is_title and doc[j].is_alpha and doc[j].text not in self._heads and doc[j].text not in self._state_words and doc[j].text not in self._titles:
            j += 1
        return 2 <= j - k - 1 <= 3 and (j == len(doc) or doc[j].is_punct or doc[j].lower_ == "and")

    def _conditional_kind(self, doc: Toks, i: int) -> str | None:
        """The kind a conditional head gives at token i ("Working Group", "House of
        Peoples"), or None when it names no body there."""
        rule = self._conditional[doc[i].text]
        if rule.after and i > 0 and doc[i - 1].text in rule.after:
            return rule.kind
        if rule.of_complement and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
            k = i + 3 if doc[i + 2].lower_ == "the" else i + 2
            if k < len(doc) and self._is_complement(doc[k]):
                return rule.kind
        return None

    def _plural_lists(self, doc: Doc, in_gaz: set[int], splits: dict[tuple[int, int], list[str]]) -> list[Span]:
        """"Turkmenistan's State Border and Customs Services", "Justice and Interior
        Ministries": a plural head after a list of single modifiers names one body per
        modifier ("State Border Service", "State Customs Service"), recorded in `splits`."""
        out: list[Span] = []
        T = toks(doc)
        plural = self._plural_heads
        for i in T.where(plural):
            if i in in_gaz or i < 3 or T[i - 2].lower_ != "and":
                continue
            items = [i - 1]
            k = i - 2
            while k >= 1 and T[k].text in (",", "and") and self._list_item(T[k - 1]):
                items.insert(0, k - 1)
                k -= 2
            if len(items) < 2 or len(items) > 4:
                continue
            start = self._extend_left(T, items[0])
            shared = T.span_text(start, items[0]) + " " if start < items[0] else ""
            singular = plural[T[i].text]
            splits[(start, i + 1)] = [f"{shared}{T[j].text} {singular}" for j in items]
            out.append(_span(doc, start, i + 1, self._heads.get(singular, "national_authority"), "", PATTERN))
        return out

    def _list_item(self, t: Tok) -> bool:
        return t.is_title and t.is_alpha and t.text not in self._heads and t.text not in self._state_words and t.text not in self._stop_left

    def _is_modifier(self, t: Tok) -> bool:
        if t.text in self._stop_left or (t.is_stop and t.is_title):
            return False
        if t.is_sent_start and t.is_title and t.lower_ in _COMMON_SENTENCE_STARTS:
            return False
        return bool((t.is_title or t.is_upper or (t.is_alpha and t.text[:1].isupper())) and (t.is_alpha or t.like_num or _ACRONYM_RE.match(t.text)))

    def _extend_left(self, doc: Toks, i: int) -> int:
        start = i
        j = i - 1
        while j >= 0:
            t = doc[j]
            if self._is_modifier(t):
                start = j
                if t.is_sent_start:
                    break
                j -= 1
                continue
            if t.text in ("-", "&") and j - 1 >= 0 and self._is_modifier(doc[j - 1]):
                j -= 1
                continue
            # "General Prosecutor's Office" yes; "Germany's Finance Ministry", "Interior Ministry's Directorate" no.
            if t.text in ("'s", "’s") and j - 1 >= 0 and self._is_modifier(doc[j - 1]) and doc[j - 1].text not in self._state_words and doc[j - 1].text not in self._heads:
                j -= 1
                continue
            if t.lower_ == "and" and j - 1 >= 0 and self._is_modifier(doc[j - 1]) and doc[j - 1].text not in self._state_words and doc[j - 1].text not in self._heads:
                j -= 1
                continue
            if t.text == "," and self._listed_before(doc, j, start, i):
                j -= 1
                continue
            break
        return start

    def _listed_before(self, doc: Toks, comma: int, start: int, i: int) -> bool:
        """"Saeima Education, Culture and Science Committee": the comma at `comma` is inside a
        list of portfolios that modifies the head at `i` (the words from `start` on are taken)."""
        if doc[i].text not in self._list_heads or comma < 1 or self._portfolio_end(doc, comma - 1) != comma:
            return False
        between = doc[start:i]
        return any(t.lower_ == "and" for t in between) and self._portfolio_end(doc, start) == i

    def _portfolio_end(self, doc: Toks, k: int, *, joined: bool = True) -> int:
        """End of a run of portfolio words from token k ("Human Rights", "Self-Government",
        "Trafficking in Persons"; with `joined`, "and" between portfolio words too)."""
        end = k
        words = self._portfolio
        while end < len(doc):
            t = doc[end]
            if t.text in words:
                end += 1
            elif end + 2 < len(doc) and doc[end + 1].text == "-" and f"{t.text}-{doc[end + 2].text}" in words:
                end += 3
            elif end > k and t.lower_ in ("in", *(("and",) if joined else ())) and end + 1 < len(doc) and doc[end + 1].text in words:
                end += 1
            else:
                break
        return end

    def _extend_right(self, doc: Toks, i: int) -> int:
        head = doc[i].text
        end = i + 1
        preps = self._preps | (self._to_heads & {head} and {"to"}) | (self._in_heads & {head} and {"in"}) | (self._on_heads & {head} and {"on"})
        while end < len(doc):
            t = doc[end]
            if t.lower_ in preps or (t.lower_ in ("and", "&") and end > i + 1 and self._joins_name(doc, end + 1)):
                k = end + 1
                if k < len(doc) and doc[k].lower_ == "the":
                    k += 1
                if k < len(doc) and self._is_complement(doc[k]):
                    end = self._cap_run(doc, k)
                    continue
                if t.lower_ == "of" and k < len(doc) and self._members_of(doc[k]):
                    end = self._cap_run(doc, k + 1)  # "Council of Ministers", "Association of Judges"
                    continue
            if t.text == "," and end > i + 1 and head in self._list_heads:
                listed = self._listed_after(doc, end)
                if listed is not None:
                    end = listed
                    continue
            if t.lower_ == "in" and end > i + 1 and doc[end - 1].text in self._portfolio:
                more = self._portfolio_end(doc, end - 1, joined=False)
                if more > end + 1:
                    end = more  # "Commission on Combating Trafficking in Persons"
                    continue
            break
        return end

    def _listed_after(self, doc: Toks, comma: int) -> int | None:
        """"Ministry of Justice, Human and Minority Rights": a list of portfolios after the
        complement that ends at `comma`; its end, or None. Every member is made of portfolio
        words, so places ("of Interior, Belgrade and Novi Sad"), bodies and acronyms ("of
        Justice, UNDP and UNICEF") and people never join the name."""
        if self._portfolio_end(doc, comma - 1, joined=False) != comma:
            return None
        k = comma
        while k < len(doc):
            last = doc[k].lower_ == "and"
            if doc[k].text == ",":
                k += 1
                last = k < len(doc) and doc[k].lower_ == "and"
            elif not last:
                return None
            k += 1 if last else 0
            end = self._portfolio_end(doc, k, joined=False)
            if end == k:
                return None
            if last:
                return end
            k = end
        return None

    def _joins_name(self, doc: Toks, k: int) -> bool:
        """After "and": a name part ("Ministry of Sports and Youth"), not another body."""
        if k >= len(doc) or not doc[k].is_title:
            return False
        run = doc[k : self._cap_run(doc, k)]
        return not any(t.text in self._heads or t.text in self._state_words or t.text in ("'s", "’s") for t in run)

    def _members_of(self, t: Tok) -> bool:
        """A plural title ("Ministers", "Judges") after "of": the members a body is made of."""
        return t.is_title and t.is_alpha and t.text.endswith("s") and (t.text in self._titles or t.text in self._stop_left)

    def _is_complement(self, t: Tok) -> bool:
        return bool(
            t.text[:1].isupper()
            and (t.is_alpha or _ACRONYM_RE.match(t.text))
            and t.text not in self._stop_left
            and t.text not in self._titles
        )

    def _cap_run(self, doc: Toks, k: int) -> int:
        """End of a run of capitalized words (with hyphens and possessives) from token k."""
        end = k
        while end < len(doc):
            t = doc[end]
            if self._is_complement(t) or (t.like_num and end > k):
                end += 1
            elif t.text in ("-", "'s", "’s") and end + 1 < len(doc) and self._is_complement(doc[end + 1]):
                end += 2
            else:
                break
        return end

    def _media_names(self, doc: Doc) -> list[Span]:
        """Outlets named beside a media noun: "the daily Dan", "N1, BN and Buka media outlets"."""
        out: list[Span] = []
        T = toks(doc)
        for i in T.where(self._media, lower=True):
            tok = T[i]
            if not tok.is_lower:
                continue
            out += self._media_before(doc, T, tok.i)
            k = tok.i + 1
            while k < len(T):
                if T[k].text[:1].isupper() and not T[k].is_sent_start and T[k].text not in self._stop_left:
                    end = _name_end(T, k + 1, self._heads)
                    if T[k].text not in self._state_words:
                        out.append(_span(doc, k, end, "media", "", MEDIA))
                    k = end
                    if k < len(T) and T[k].text in (",", "and") and k + 1 < len(T) and T[k + 1].text[:1].isupper():
                        k += 1
                        continue
                break
        return out

    def _base_entities(self, doc: Doc, in_gaz: set[int]) -> list[Span]:
        """ORG entities of a base model (``newsie.load(base=...)``) that newsie's rules accept:
        they name a body by a head noun and are not a State."""
        out = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or in_gaz.intersection(range(ent.start, ent.end)) or ent.text in self._state_words:
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            heads = [t for t in doc[start : ent.end] if t.text in self._heads]
            if heads and start < ent.end:
                out.append(_span(doc, start, ent.end, self._heads[heads[-1].text], "", BASE))
        return out

    def _media_before(self, doc: Doc, T: Toks, i: int) -> list[Span]:
        """Capitalized names (a list of them) right before a media noun."""
        out: list[Span] = []
        k = i - 1
        if k >= 0 and T[k].lower_ == "media" and T[i].lower_ != "media":
            k -= 1
        while k >= 0:
            t = T[k]
            if t.text[:1].isupper() and not t.is_sent_start and t.text not in self._state_words and t.text not in self._stop_left and (t.is_alpha or _ACRONYM_RE.match(t.text) or t.like_num or any(c.isdigit() for c in t.text)):
                if t.text not in self._heads:
                    out.append(_span(doc, k, k + 1, "media", "", MEDIA))
                k -= 1
                while k >= 0 and T[k].text in (",", "and"):
                    k -= 1
                continue
            break
        return out if len(out) > 1 or (out and T[i].text.endswith(("paper", "newspaper", "daily", "portal", "agency"))) else []

    def _acronyms(self, doc: Doc, spans: list[Span], notes: Notes) -> tuple[list[Span], dict[str, Span]]:
        """Acronyms defined in parentheses after a name; adds long forms no rule found."""
        by_end = {s.end: s for s in spans}
        acronyms: dict[str, Span] = {}
        extra: list[Span] = []
        T = toks(doc)
        for i in T.where(_OPEN):
            tok = T[i]
            if tok.i + 2 >= len(T) or T[tok.i + 2].text != ")":
                continue
            acr = T[tok.i + 1].text
            if not _ACRONYM_RE.match(acr) or sum(c.isupper() for c in acr) < 2:
                continue
            long = by_end.get(tok.i)
            if long is None:
                long = self._long_form(doc, tok.i, acr)
                if long is None:
                    continue
                extra.append(long)
            acronyms[acr] = long
            notes.setdefault((long.start, long.end), {})["acronym"] = acr
        return filter_spans(spans + extra), acronyms

    def _long_form(self, doc: Doc, paren: int, acr: str) -> Span | None:
        """The capitalized words before "(ACR)" whose initials spell the acronym."""
        letters = [c for c in acr if c.isupper()]
        lo = max(0, paren - 2 * len(letters) - 4)
        T = toks(doc)
        for start in range(lo, paren):
            words = T[start:paren]
            if not words[0].is_title or any(t.is_punct and t.text not in ("-", "'s", "’s") for t in words):
                continue
            initials = [t.text[0] for t in words if t.text[:1].isupper()]
            if initials[: len(letters)] == letters or initials == letters:
                if any(t.text in self._heads or t.text in self._acr_heads for t in words):
                    return _span(doc, start, paren, self._heads.get(words[-1].text, "other"), "", ACRONYM)
                return None
        return None

    def _acronym_uses(self, doc: Doc, spans: list[Span], acronyms: dict[str, Span], notes: Notes) -> list[Span]:
        covered = {i for s in spans for i in range(s.start, s.end)}
        out: list[Span] = []
        if not acronyms:
            return out
        T = toks(doc)
        for i in T.where(acronyms):
            tok = T[i]
            long = acronyms[tok.text]
            if tok.i not in covered and not (tok.i > 0 and T[tok.i - 1].text == "("):
                out.append(_span(doc, tok.i, tok.i + 1, long.label_, long.kb_id_, ACRONYM))
                notes[(tok.i, tok.i + 1)] = {"refers_to": (long.start, long.end)}
        return out

    def _refine(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Drop pattern names of projects ("the Caucasus Media Network project"); "the
        Programme Office" found by pattern is a reference to the field operation."""
        generic = self._generic_names
        out = []
        for span in spans:
            if span.id_ == PATTERN:
                nxt = doc[span.end] if span.end < len(doc) else None
                if nxt is not None and nxt.lower_ in self._project_words:
                    continue
                # "the website Cyber Security for ...", "the project Strengthening Border ...".
                before = [t for t in doc[max(0, span.start - 2) : span.start]]
                if before and (before[-1].lower_ in self._project_words or (len(before) == 2 and before[0].lower_ in self._project_words and before[1].text[:1].isupper())):
                    continue
                if span_string(span) in generic and span.start > 0 and doc[span.start - 1].lower_ in ("the", "this", "its"):
                    out.append(_span(doc, span.start, span.end, "field_operation", "", GENERIC))
                    continue
            out.append(span)
        return out

    def _add_coordinated(self, doc: Doc, orgs: dict[str, OrgData]) -> None:
        """"the OSCE Offices in Yerevan and Baku": one body per place the gazetteer knows;
        "the Governments of Germany and Norway": one national body per State."""
        for ex in expand_coordinated(text_of(doc), self._and_states):
            org_id = self.kb.by_surface.get(ex.name) or self.kb.by_surface.get(ex.name.removeprefix("OSCE "))
            if org_id is None:
                # "the Governments of Germany and Norway": a national body per State.
                state = default_states().lookup(ex.place.removeprefix("the "))
                kind = self.rules.heads.get(ex.head)
                if state is None or kind != "national_authority":
                    continue
                key = "pat:" + _norm_key(ex.name)
                if key not in orgs:
                    orgs[key] = OrgData(id=None, canonical_name=None, name=ex.name, acronym=None, kind=kind, country=state.iso3, parent=None)
                orgs[key].mentions.append((ex.start, ex.end))
                continue
            if org_id not in orgs:
                orgs[org_id] = _from_entry(self.kb.by_id[org_id])
                orgs[org_id].name = self.kb.by_id[org_id].name  # the text writes no single name
            orgs[org_id].mentions.append((ex.start, ex.end))

    def _generic_refs(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"the Mission", "OSCE Office": references to a field operation."""
        covered = {i for s in spans for i in range(s.start, s.end)}
        out = []
        firsts = self._generic_firsts
        T = toks(doc)
        for i in T.where(firsts):
            tok = T[i]
            for words in self._generic:
                end = tok.i + len(words)
                if end > len(T) or [t.text for t in T[tok.i:end]] != words or covered.intersection(range(tok.i, end)):
                    continue
                prev = T[tok.i - 1] if tok.i > 0 else None
                if prev is None or prev.lower_ not in ("the", "osce", "this", "its"):
                    continue
                if end < len(T) and T[end].lower_ in ("of", "for", "to", "in") and end + 1 < len(T) and T[end + 1].text[:1].isupper():
                    continue  # "Office of the Ombudsman": a name, not a reference
                start = tok.i - 1 if prev.text == "OSCE" else tok.i
                out.append(_span(doc, start, end, "field_operation", "", GENERIC))
                covered.update(range(start, end))
                break
        return out

    # -- resolution -----------------------------------------------------------
    def _resolve(self, doc: Doc, spans: list[Span], acronyms: dict[str, Span], notes: Notes) -> tuple[dict[str, OrgData], dict[tuple[int, int], str]]:
        """One `OrgData` per distinct body, and the body each span names."""
        state_spans = list(doc.spans[ext.STATES]) if ext.STATES in doc.spans else []
        doc_states = {s.kb_id_ for s in state_spans}
        orgs: dict[str, OrgData] = {}
        field_ops = [s for s in spans if s.id_ == GAZ and s.label_ == "field_operation"]
        field_keys = list(dict.fromkeys(s.kb_id_ for s in field_ops))
        pending_generic: list[Span] = []
        span_key: dict[tuple[int, int], str] = {}
        for span in sorted(spans, key=lambda s: s.id_ == ACRONYM):
            note = notes.get((span.start, span.end), {})
            if span.id_ == GENERIC:
                pending_generic.append(span)
                continue
            if span.id_ == ACRONYM and "refers_to" in note:
                key = span_key.get(note["refers_to"])
                if key:
                    _add_mention(orgs[key], span, surface=False)
                    span_key[(span.start, span.end)] = key
                    continue
            if span.id_ == GAZ:
                entry = self.kb.by_id[span.kb_id_]
                key = entry.id
                if key not in orgs:
                    orgs[key] = _from_entry(entry)
                if note.get("acronym"):
                    orgs[key].acronym = note["acronym"]
                text = span_string(span)
                _add_mention(orgs[key], span, surface=text != entry.acronym and text not in (orgs[key].acronym,))
            elif "split" in note:
                # "State Border and Customs Services": one body per listed modifier.
                country = _country_of(span, state_spans)
                split = ["pat:" + _norm_key(name) for name in note["split"]]
                for key, name in zip(split, note["split"], strict=True):
                    if key not in orgs:
                        orgs[key] = OrgData(id=None, canonical_name=None, name=name, acronym=None, kind=span.label_, country=country, parent=None)
                    orgs[key].mentions.append((span.start_char, span.end_char))
                key = split[0]
            else:
                key = "pat:" + note.get("key", _norm_key(span_string(span)))
                if key not in orgs:
                    orgs[key] = OrgData(
                        id=None, canonical_name=None, name=None, acronym=note.get("acronym"), kind=span.label_,
                        country=_country_of(span, state_spans), parent=None,
                    )
                _add_mention(orgs[key], span, surface=True)
            span_key[(span.start, span.end)] = key
        for span in pending_generic:
            key = field_keys[0] if len(field_keys) == 1 else None
            if key is None and not field_keys and span[0].text == "OSCE":
                found = self._infer_field_op(span, doc_states)
                if found is not None:
                    key = found.id
                    orgs[key] = _from_entry(found)
                    field_keys.append(key)
            if key is not None and key in orgs:
                _add_mention(orgs[key], span, surface=False)
                span_key[(span.start, span.end)] = key
        orgs, merged = _merge_variants(orgs, self._state_words)
        text = text_of(doc)
        for org in orgs.values():
            if not org.name:
                # Only the acronym (or a back-reference) occurs: name the body as the text does.
                first = text[slice(*org.mentions[0])]
                org.name = first if first == org.acronym else (org.canonical_name or first)
        def final(key: str) -> str:
            while key in merged:
                key = merged[key]
            return key

        return orgs, {k: final(v) for k, v in span_key.items()}

    def _infer_field_op(self, span: Span, doc_states: set[str]) -> OrgEntry | None:
        """"OSCE Presence" with no full name: the field operation of that type in a State the release names."""
        word = span[-1].text
        found = [e for e, words in self._open_field_ops() if e.country in doc_states and word in words]
        return found[0] if len(found) == 1 else None

    def _open_field_ops(self) -> list[tuple[OrgEntry, frozenset[str]]]:
        """The field operations still open, with the words of their names (once per gazetteer)."""
        cached = self.__dict__.get("_open_ops")
        if cached is None or cached[0] is not self.kb:
            ops = [(e, frozenset(e.name.split())) for e in self.kb.field_operations() if e.end is None]
            cached = self.__dict__["_open_ops"] = (self.kb, ops)
        return cached[1]


_COMMON_SENTENCE_STARTS = frozenset(
    {"today", "yesterday", "recently", "however", "currently", "participants", "representatives", "officials", "experts", "during", "after", "following", "in", "on", "at", "as", "with", "some", "many", "more", "over", "around", "several", "all", "both", "local", "national", "new", "young", "female", "women", "men", "students", "journalists", "judges", "police", "border", "officers"}
)


def _span(doc: Doc, start: int, end: int, label: str, kb_id: str, source: str) -> Span:
    return Span(doc, start, end, label=label, kb_id=kb_id, span_id=source)


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
        forms.update(dict.fromkeys(sorted(alts)))
    return list(forms)


def _from_entry(entry: OrgEntry) -> OrgData:
    return OrgData(
        id=entry.id, canonical_name=entry.name, name=None, acronym=entry.acronym,
        kind=entry.kind, country=entry.country, parent=entry.parent,
    )


def _add_mention(org: OrgData, span: Span, *, surface: bool) -> None:
    org.mentions.append((span.start_char, span.end_char))
    if surface:
        text = span_string(span)
        if org.name is None or len(text) > len(org.name):
            org.name = text


def _core(name: str, state_words: frozenset[str]) -> tuple[str, ...]:
    """A pattern body's name without States, possessives and complements: its kind of body."""
    key = (name, state_words)
    core = _CORES.get(key)
    if core is None:
        head = _COMPLEMENT_RE.split(name, maxsplit=1)[0]
        words = [w for w in _WORD_RE.findall(head.replace("’", "'")) if w not in state_words and w.lower() not in ("the", "s")]
        core = tuple(w.lower() for w in words)
        if len(_CORES) >= 20_000:  # bounded: names vary without end over a stream of documents
            _CORES.clear()
        _CORES[key] = core
    return core


_CORES: dict[tuple[str, frozenset[str]], tuple[str, ...]] = {}
_COMPLEMENT_RE = re.compile(r"\s+(?:of|for|on|in|to)\s+")
_WORD_RE = re.compile(r"[\w-]+")


def _merge_variants(orgs: dict[str, OrgData], state_words: frozenset[str]) -> tuple[dict[str, OrgData], dict[str, str]]:
    """Join pattern bodies written two ways ("Tajik Border Troops" and "Border Troops of
    Tajikistan's State Committee ..."): same kind of body (one core the end of the
    other) and no conflicting country. The fuller name wins. Returns the bodies left and
    where each merged key went."""
    keys = [k for k, o in orgs.items() if o.id is None or o.kind in ("national_authority", "academic", "ngo", "media")]
    merged: dict[str, str] = {}
    # Names never change while merging: index cores and names once, and visit for each
    # body only the bodies it could join (a core that ends its core, a name before " of "),
    # in the order of the all-pairs loop this replaces, so merges happen as before.
    pos = {k: i for i, k in enumerate(keys)}
    names = {k: orgs[k].name or "" for k in keys}
    cores = {k: _core(names[k], state_words) for k in keys}
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
            oa, ob = orgs[a], orgs[b]
            cb = cores[b]
            same_core = len(cb) >= 2 and len(ca) >= len(cb) and ca[-len(cb):] == cb
            if not (same_core or _with_state(na, names[b]) or (first in state_words and rest == names[b])):
                continue
            if oa.country and ob.country and oa.country != ob.country:
                continue
            if oa.acronym and ob.acronym and oa.acronym != ob.acronym:
                continue
            if oa.id and ob.id:
                continue  # two known bodies stay two
            keep, drop = (a, b) if len(oa.name or "") >= len(ob.name or "") else (b, a)
            ok, od = orgs[keep], orgs[drop]
            ok.mentions += od.mentions
            ok.country = ok.country or od.country
            ok.acronym = ok.acronym or od.acronym
            ok.id = ok.id or od.id
            ok.canonical_name = ok.canonical_name or od.canonical_name
            ok.parent = ok.parent or od.parent
            merged[drop] = keep
    return {k: o for k, o in orgs.items() if k not in merged}, merged


_NAME_INNER = frozenset({"for", "of", "on", "in", "the"})


def _name_end(doc: Toks, end: int, heads: Container[str]) -> int:
    """End of a capitalized name that may hold small words ("Cyber Security for Young People
    and Families"); "and" joins only after such a word, else it separates two names."""
    inner = False
    while end < len(doc):
        t = doc[end]
        if t.text[:1].isupper() and t.text not in heads:
            end += 1
            continue
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and (t.lower_ in _NAME_INNER or (t.lower_ == "and" and inner)):
            inner = True
            end += 2
            continue
        break
    return end


def _with_state(long: str, short: str) -> bool:
    """"Ministry of Security of Bosnia and Herzegovina" is "Ministry of Security" with its State."""
    if not long.startswith(short + " of ") or len(short.split()) < 3:
        return False
    rest = long[len(short) + 4 :].removeprefix("the ")
    return default_states().lookup(rest) is not None


def _key_with_known(span: Span, known: dict[int, Span]) -> str | None:
    """A pattern name's key with the known bodies inside it written as their ids, so "OSCE
    PA Working Group" and "OSCE Parliamentary Assembly Working Group" are one body."""
    doc = span.doc
    parts: list[str] = []
    found = False
    k = span.start
    while k < span.end:
        inner = known.get(k)
        if inner is not None and inner.end <= span.end and inner.kb_id_:
            parts.append("#" + inner.kb_id_)
            found = True
            k = inner.end
        else:
            parts.append(_norm_key(doc[k].text))
            k += 1
    return " ".join(p for p in parts if p) if found else None


def _norm_key(text: str) -> str:
    t = text.lower().replace("’", "'")
    t = re.sub(r"^the\s+", "", t)
    return re.sub(r"\W+", " ", t).strip()


def _country_of(span: Span, state_spans: list[Span]) -> str | None:
    """The State named inside a pattern organization, or as its possessive/adjective just before."""
    for s in state_spans:
        if s.start >= span.start and s.end <= span.end:
            return s.kb_id_
    for s in state_spans:
        if s.end == span.start or (s.end + 1 == span.start and span.doc[s.end].text in ("'s", "’s")):
            return s.kb_id_
    return None
