"""`newsie_officials`: named people with their title, affiliation, office and quotes."""

import bisect
import datetime as dt
import re
from collections.abc import Container, Iterable, Sequence
from itertools import compress, islice
from operator import itemgetter
from typing import Any, ClassVar, Final

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import extensions as ext
from ..extensions import doc_value, set_doc_value
from ..kb.io import read_packaged
from ..kb.officials import OFFICES_FILE, OFFICIALS_FILE, OfficeEntry, OfficialEntry, OfficialKB, TitleRules, default_titles
from ..kb.org_rules import default_org_rules
from ..kb.places import PlaceKB, default_place_kb
from ..kb.states import default_states
from ..payloads import OfficialData, OrgData, meta_of, release_date
from ..rows import group_rows
from ..tokens import Cols
from ..tokens import cols as doc_cols
from .base import Data, GazetteerPipe, filter_ranges, sentence_chars, sentences, set_ents
from .contacts import contact_names, contact_title, may_name_contacts
from .groups import set_group
from .inside import Ranges, Row
from .ranges import longest_first, positions

KNOWN, TITLED, APPOSITION, SPEECH, SURNAME, BASE, CONTACT, LISTED = "known", "titled", "apposition", "speech", "surname", "base", "contact", "listed"
_INITIAL: Final = re.compile(r"[A-Z]\.")
_ASCII_UPPER: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CAPITALIZED: Final = re.compile(r"[A-Z][a-z]+\.?")
_APOSTROPHE_NAME: Final = re.compile(r"[A-Z][a-z]?['’][A-Z][^\W\d_]+")  # O'Neill, D'Alema, N'Diaye
_MEMO_MAX = 100_000
_WALK_MAX: Final = 24  # words a title phrase may span before a name ("The Special Representative of ... (TCG), NAME")
# Words of time that may end a title's clause before the comma and the name it titles.
_WHEN_WORDS: Final = frozenset({"today", "yesterday", "tomorrow"})
_FIRST_CHAR: Final = itemgetter(0)
_COMPLEMENT_WORDS: Final = frozenset({"of", "for", "on", "and", "&"})  # inside a title before a name
Person = tuple[int, int, str, int]  # start, end (tokens), source, gazetteer index of a known person (else -1)
Range = tuple[int, int]  # start, end (tokens)
_TITLE_STOPS: Final = frozenset({",", ".", ";", ":", "“", "”", '"', "(", ")"})  # a title phrase never runs back over these
# The kinds of word on `_title_before`'s walk back (`_step_of`): a break; a word of the
# title (capitalized or not: a sentence start takes only the former); a connector; a
# word whose context decides.
_STOP, _NAMES, _NAMES_UNCAPITALIZED, _JOINS, _JOINS_CAPITALIZED, _CONTEXT = "stop", "names", "names-lower", "joins", "joins-cap", "context"
_STEP_CONTEXT: Final = frozenset({")", "-", ","})
_ROLE_OPENERS: Final = frozenset({"the", "new", "its", "his", "her", "their"})  # "as the new Head of ...": no part of the role
_FEW_SURNAMES: Final = 8  # `_surnames` looks for up to this many in the text first (a scan each)
_PEOPLE_REACH: Final = 14  # words a plural noun for people may be before the list of names it opens
# An apposition opening with one of these is a clause, not a title ("NAME, to be his
# Representative", "NAME, for allegedly having insulted President ...").
_CLAUSE_OPENERS: Final = frozenset({"to", "who", "which", "for", "in", "at", "on", "with", "after", "during", "by", "from"})
_APPOSITION_STOPS: Final = frozenset({".", ";", ":", "“", "”", '"', "(", "«"})  # an apposition ends at these
_QUOTE_RE: Final = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"|«([^»]{3,})»")


class OfficialTagger(GazetteerPipe):
    """Find named people with the title and affiliation the text gives them.

    People are found from the gazetteer of office holders, after titles ("Ambassador
    Peter Burkhard"), before appositions ("Eduard Lokotunin, Police Affairs Officer"),
    beside speech verbs ("said Rustam Aziz Miralizoda") and, with a base model, from
    its PERSON entities. Later surname-only mentions join the person. A role-only
    mention of a known office ("the OSCE Secretary General said") in a dated release
    adds the holder on that date, marked ``inferred``. Spans are labelled ``PERSON``
    (``kb_id_``: the gazetteer name of a known person); ``doc._.newsie_officials``
    holds one `OfficialData` per person.

    Data parts: ``offices`` and ``officials`` (gazetteers), ``titles`` (title words,
    honorifics, speech verbs, name particles), ``not_name`` (capitalized words that
    are never part of a person's name: States, demonyms, organization heads) and
    ``portfolio`` (words of portfolios that end a title before a name: "Minister of
    Education and Science Kārlis Šadurskis").
    """

    PARTS: ClassVar[dict[str, str]] = {"offices": "jsonl", "officials": "jsonl", "titles": "json", "not_name": "json", "portfolio": "json"}

    def __init__(
        self,
        nlp: Language,
        name: str = "newsie_officials",
        *,
        spans_key: str = ext.OFFICIALS,
        infer_from_office: bool = True,
        annotate_ents: bool = False,
    ) -> None:
        super().__init__(nlp, name, spans_key=spans_key, infer_from_office=infer_from_office, annotate_ents=annotate_ents)
        self._places: PlaceKB | None = None

    def default_data(self) -> Data:
        states = default_states()
        return {
            "offices": [o.model_dump(mode="json", exclude_defaults=True) for o in read_packaged(OFFICES_FILE, OfficeEntry)],
            "officials": [p.model_dump(mode="json", exclude_defaults=True) for p in read_packaged(OFFICIALS_FILE, OfficialEntry)],
            "titles": default_titles().model_dump(),
            "not_name": sorted({*states.by_name, *states.by_demonym, *default_org_rules().heads}),
            "portfolio": sorted(default_org_rules().portfolio_words),
        }

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        offices: list[dict[str, Any]] | None = None,
        officials: list[dict[str, Any]] | None = None,
        titles: dict[str, Any] | None = None,
        not_name: list[str] | None = None,
        portfolio: list[str] | None = None,
    ) -> None:
        """Build from the given parts; the packaged gazetteers fill the rest."""
        self._initialize_parts({"offices": offices, "officials": officials, "titles": titles, "not_name": not_name, "portfolio": portfolio})

    def _build(self) -> None:
        self.kb = OfficialKB(
            [o if isinstance(o, OfficeEntry) else OfficeEntry.model_validate(o) for o in self.data["offices"]],
            [p if isinstance(p, OfficialEntry) else OfficialEntry.model_validate(p) for p in self.data["officials"]],
        )
        self.titles = TitleRules.model_validate(self.data["titles"])
        # People and offices in one matcher (one pass over the Doc): a person's key is
        # "newsie_official <index>", an office's its id.
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._person_of: dict[int, int] = {}  # match id -> index in kb.officials
        for i, p in enumerate(self.kb.officials):
            key = f"newsie_official {i}"
            self.matcher.add(key, self.patterns(dict.fromkeys((p.name, *p.aliases))))
            self._person_of[self.nlp.vocab.strings.add(key)] = i
        for o in self.kb.offices.values():
            if o.patterns:
                self.matcher.add(o.id, self.patterns(o.patterns))
        t = self.titles
        self._title_words = frozenset(t.title_words)
        self._honorifics = frozenset(t.honorifics)
        self._speech = frozenset(t.speech_verbs)
        self._place_before = frozenset(t.place_prepositions)
        self._people_plurals = frozenset(t.people_plurals)
        self._list_openers = frozenset(t.list_openers)
        self._person_nouns = frozenset(t.person_nouns)
        # each "led by" phrase's words, by its last word (the one right before a name)
        self._led_by: dict[str, list[list[str]]] = {}
        for phrase in t.led_by:
            words = phrase.lower().split()
            self._led_by.setdefault(words[-1], []).append(words)
        self._particles = frozenset(t.name_particles)
        self._connectors = frozenset(t.connectors)
        self._prefixes = frozenset(t.title_prefixes)
        self._peerage = frozenset(t.peerage)
        self._pronouns = frozenset(t.pronouns)
        self._not_name = frozenset(t.not_name_words) | frozenset(self.data["not_name"])
        self._portfolio = frozenset(self.data["portfolio"])
        self._name_words: dict[str, bool] = {}  # `_name_token` by token text
        self._steps: dict[str, str] = {}  # `_step_of` by token text

    def add_entries(self, offices: Iterable[OfficeEntry] = (), officials: Iterable[OfficialEntry] = ()) -> None:
        """Add offices and officials on top of the current gazetteers."""
        self.ensure_ready()
        merged_offices = {**self.kb.offices, **{o.id: o for o in offices}}
        self.set_data({
            **self.data,
            "offices": [o.model_dump(mode="json", exclude_defaults=True) for o in merged_offices.values()],
            "officials": [p.model_dump(mode="json", exclude_defaults=True) for p in [*self.kb.officials, *officials]],
        })

    # -- tagging --------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self.ensure_ready()
        C = doc_cols(doc)
        # (A sentence start after the first token, or a second token that starts none: the
        # boundaries are set; `Token.is_sent_start` is False only for a boundary set to "no".
        # `any` tests each flag's truth in C, where `in` would compare each with True.)
        if not any(islice(C.is_sent_start, 1, None)) and not (len(C.orths) > 1 and doc[1].is_sent_start is False):
            sentences(doc)  # sets them if none are
            C = doc_cols(doc)
        person_of = self._person_of
        found = self.matcher(doc)
        cands: list[Person] = []
        offices = []  # (office id, start, end), read twice below
        for m in found:
            if m[0] in person_of:
                cands.append((m[1], m[2], KNOWN, person_of[m[0]]))
            else:
                offices.append(m)
        # The span groups as plain rows (no Span made: see `newsie.rows`).
        state_tokens: set[int] = set().union(*[range(row[0], row[1]) for row in group_rows(doc, ext.STATES)])
        orgs = group_rows(doc, ext.ORGANIZATIONS)
        blocked = state_tokens.union(*[range(r[0], r[1]) for r in orgs], *[range(s, e) for _, s, e in offices])
        # People as (start, end, source, gazetteer index or -1); Spans only for the output.
        cands += self._candidates(C, blocked, state_tokens)
        cands += self._contacts(doc, C, blocked)
        cands += self._base_entities(doc, blocked)
        people = longest_first(cands)  # the first longest of overlapping people, by start
        peerage, texts = self._peerage, C.texts
        if peerage and any(texts[p[0]] in peerage for p in people):
            # "Lord Ponsonby": the peer's title is no part of the name (`_title_of` reads it).
            people = [(s + 1, e, src, k) if e - s >= 2 and texts[s] in peerage and src != KNOWN else (s, e, src, k) for s, e, src, k in people]
        people += self._surnames(C, people, blocked)
        people = longest_first(people)
        officials = self.kb.officials
        out = [Span(doc, s, e, label=ext.PERSON, kb_id=officials[k].name if source == KNOWN else "", span_id=source) for s, e, source, k in people]
        set_group(doc, self.cfg["spans_key"], out)
        set_doc_value(doc, "newsie_officials", self._resolve(doc, C, people, offices, orgs) if people or offices else [])
        if self.cfg["annotate_ents"]:
            set_ents(doc, out)
        return doc

    def _name_at(self, C: Cols, k: int) -> bool:
        """`_name_word` of the token at position k."""
        found = self._name_words.get(C.texts[k])
        if found is None:
            found = self._remember_name(C.texts[k], C.is_alpha[k], C.is_upper[k])
        return found

    def _name_token(self, t: Token) -> bool:
        """`_name_word` of a spaCy token."""
        found = self._name_words.get(t.text)
        if found is None:
            found = self._remember_name(t.text, t.is_alpha, t.is_upper)
        return found

    def _remember_name(self, text: str, is_alpha: bool, is_upper: bool) -> bool:
        # Memoized by text: every flag read is a property of the word (its lexeme).
        if len(self._name_words) >= _MEMO_MAX:
            self._name_words.clear()  # bounded: memory stays flat over any stream
        found = self._name_words[text] = self._name_word(text, is_alpha, is_upper)
        return found

    def _name_word(self, text: str, is_alpha: bool, is_upper: bool) -> bool:
        """A word that can be part of a person's name: an initial ("P."), or a capitalized
        word that is not all capitals, not a title and not a known non-name."""
        if _is_initial(text) or text in self._peerage:
            return True  # ("Lord Ponsonby": a run of two words, the title split off later)
        return bool(
            text[:1].isupper()
            and not is_upper
            and text not in self._not_name
            and text not in self._title_words
            and text not in self._honorifics
            and (is_alpha or _CAPITALIZED.fullmatch(text) or _APOSTROPHE_NAME.fullmatch(text))
        )

    @property
    def places(self) -> PlaceKB:
        """The city index (shared with `newsie_dateline`'s default one; built on first use)."""
        if self._places is None:
            self._places = default_place_kb()
        return self._places

    def _past_place(self, C: Cols, i: int, j: int) -> int:
        """"Mayor of Osh NAME", "Mayor of Novi Sad NAME": the token after a place of one to
        three words that opens the run i:j right after "of", when a name of two words or
        more follows it; else i."""
        for k in (3, 2, 1):
            if j - (i + k) >= 2 and all(C.is_alpha[i : i + k]) and self.places.lookup(" ".join(C.texts[i : i + k])) is not None:
                return i + k
        return i

    def _name_flags(self, C: Cols) -> list[bool]:
        """`_name_at` of every token, read from the memo in one pass in C when every word
        is in it (as on most documents)."""
        names = self._name_words
        texts = C.texts
        if len(texts) > 1:  # (one item: `itemgetter` gives it bare, not in a tuple)
            try:
                return list(itemgetter(*texts)(names))  # every look-up in C, no call per word
            except KeyError:  # a word not seen before (or the memo was cleared)
                pass
        # Only a word with a capital first letter can be part of a name (an initial too):
        # only those are tested; then every word of the text goes into the memo.
        flags = [False] * len(texts)
        get = names.get
        for k in compress(range(len(texts)), map(str.isupper, map(_FIRST_CHAR, texts))):
            found = get(texts[k])
            flags[k] = found if found is not None else self._name_at(C, k)
        if len(names) + len(texts) > _MEMO_MAX:
            names.clear()  # bounded: memory stays flat over any stream
        names.update(zip(texts, flags))
        return flags

    def _name_runs(self, C: Cols, blocked: set[int], places: set[int] | None = None) -> list[tuple[int, int]]:
        """Maximal runs of name-like tokens (with particles, initials, hyphens); the last
        token of a place that ends a title before a run goes into `places`."""
        runs = []
        texts, lowers, spaces, sent = C.texts, C.lowers, C.spaces, C.is_sent_start
        n = len(texts)
        name = self._name_flags(C)
        particles, portfolio = self._particles, self._portfolio
        i = 0
        # A run starts only at a name token: the others are skipped in C.
        for start in compress(range(n), name):
            if start < i:
                continue
            i = start
            j = i + 1
            if j < n and not name[j]:
                w = texts[j]
                if w != "-" and w not in particles:
                    i = j  # the next word cannot go on a run: one word, no name (most name words)
                    continue
            if i in blocked or _is_initial(texts[i]):
                continue
            while j < n and j not in blocked:
                w = texts[j]
                if (name[j] and not sent[j]) or (w in particles and j + 1 < n and (name[j + 1] or texts[j + 1] in particles)) or (w == "-" and j + 1 < n and name[j + 1] and not spaces[j] and not spaces[j - 1]):
                    j += 1
                else:
                    break
            while j > i and texts[j - 1] in particles:
                j -= 1
            if j - i < 2:
                # One word: no name (a name has two capitalized words) and nothing to note.
                i = max(j, i + 1)
                continue
            in_title = i > 0 and (lowers[i - 1] in _COMPLEMENT_WORDS or texts[i - 1] in portfolio)
            if in_title:
                # "Minister of Education and Science Kārlis Šadurskis": a portfolio ends the title;
                # "Commissioner for European Neighbourhood Policy": its words are no name.
                while i < j and texts[i] in portfolio:
                    i += 1
                if lowers[i - 1] == "of" and places is not None:
                    past = self._past_place(C, i, j)
                    if past > i:
                        places.add(past - 1)
                        i = past
            caps = len([w for w in texts[i:j] if w[:1].isupper() and len(w) > 2])
            if caps >= 2 and j - i <= 6 and not (in_title and any(w in portfolio for w in texts[i:j])):
                runs.append((i, j))
            i = j
        return runs

    def _candidates(self, C: Cols, blocked: set[int], state_tokens: set[int]) -> list[Person]:
        out: list[Person] = []
        place_ends: set[int] = set()
        texts, lowers = C.texts, C.lowers
        n = len(texts)
        titles, honorifics, speech = self._title_words, self._honorifics, self._speech
        runs = self._name_runs(C, blocked, place_ends)
        for s, e in runs:
            p = s - 1
            prev = texts[p] if s > 0 else None
            nxt = texts[e] if e < n else None
            source = None
            if texts[s] in self._peerage or (prev is not None and (prev in titles or prev in honorifics or ((p in blocked or p in place_ends or prev == ")" or prev in self._portfolio or (C.is_title[p] and not self._name_at(C, p))) and self._title_before(C, s)))) or (prev == "," and self._title_ends_at(C, p, blocked, state_tokens)):
                source = TITLED
            elif (nxt == "(" and (self._after_parenthesis(C, e) is not None or (_state_gloss(texts, e, state_tokens) and self.places.lookup(C.span_text(s, e)) is None))) or (
                nxt == "," and self._apposition(C, e + 1) is not None and not self._curated_place(C.span_text(s, e))
            ):
                source = APPOSITION  # (not "in Bijelo Polje, and in February the editor ...": a town)
            elif nxt == "," and self._described(C, e + 1) and self.places.lookup(C.span_text(s, e)) is None:
                source = APPOSITION  # "NAME, a 58-year-old father of four", "NAME, a law student from Cluj"
            elif prev is not None and self._led_by_at(lowers, p) and (nxt is None or nxt not in titles) and self.places.lookup(C.span_text(s, e)) is None:
                source = TITLED  # "the delegation, led by NAME" (not "led by Anti-Corruption Expert NAME": a title's words)
            elif prev is not None and p in blocked:
                source = None  # "UN Sustainable Development Goals, says": a name after a body is no person
            elif prev is not None and lowers[p] in self._place_before:
                source = None  # "the Police Directorate in Novi Sad said": a place before the verb
            elif (prev is not None and lowers[p] in speech) or (nxt is not None and lowers[e] in speech) or (nxt == "," and e + 1 < n and (lowers[e + 1] in speech or (lowers[e + 1] == "who" and self.places.lookup(C.span_text(s, e)) is None))):
                source = SPEECH  # ("NAME, who heads the department, said": "who" is said of people)
            elif (prev == "and" or prev == ",") and out and self._listed_after_plural(C, p, out, state_tokens):
                source = TITLED
            if source:
                out.append((s, e, source, -1))
        if len(runs) >= 2 and self._people_plurals:
            out += self._listed_after_people(C, runs, {p[0] for p in out})
        return out

    def _listed_after_people(self, C: Cols, runs: list[tuple[int, int]], found: set[int]) -> list[Person]:
        """"two journalists, NAME and NAME2", "three officials in detention, which include NAME
        and NAME2": the names of a list (joined by commas and a last "and") that opens after a
        comma or a list opener, with a plural noun for people a few words before it in its
        sentence. A place listed ("Novi Sad and Bačka Palanka") makes it no list of people."""
        texts, lowers = C.texts, C.lowers
        out: list[Person] = []
        i = 0
        while i < len(runs) - 1:
            j = i
            while j + 1 < len(runs) and texts[runs[j][1] : runs[j + 1][0]] in ([","], ["and"], [",", "and"]):
                j += 1
            s = runs[i][0]
            if (
                j > i
                and lowers[runs[j][0] - 1] == "and"
                and s > 1
                and (texts[s - 1] == "," or lowers[s - 1] in self._list_openers)
                and self._people_before(C, s - 1) is not None
                and not any(self.places.lookup(C.span_text(a, b)) is not None for a, b in runs[i : j + 1])
            ):
                out += [(a, b, LISTED, -1) for a, b in runs[i : j + 1] if a not in found]
            i = j + 1
        return out

    def _people_before(self, C: Cols, k: int) -> int | None:
        """Where a plural noun for people ("journalists") is among the few words before
        token k in its sentence (not past a clause break); None if nowhere."""
        lowers, sent = C.lowers, C.is_sent_start
        for m in range(k - 1, max(k - _PEOPLE_REACH, 0) - 1, -1):
            w = lowers[m]
            if w in self._people_plurals:
                return m
            if sent[m] or w in (".", ";", ":"):
                return None
        return None

    def _listed_people_title(self, C: Cols, start: int, others: Container[int]) -> tuple[int, int] | None:
        """"two Belarusian journalists, NAME and NAME2": a name of a list that opens after a
        plural noun for people (see `_listed_after_people`) has that noun, with the
        capitalized words right before it, as its title, as stated ("Belarusian
        journalists"); None for a name in no such list."""
        texts, lowers = C.texts, C.lowers
        k = start - 1
        while k >= 1 and texts[k] in (",", "and") and k - 1 in others:
            k -= 1  # back over the list's earlier names and their separators
            while k > 0 and k - 1 in others:
                k -= 1
            k -= 1
        if k < 1 or not (texts[k] == "," or lowers[k] in self._list_openers):
            return None
        m = self._people_before(C, k)
        if m is None or (C.is_lower[m + 1] and C.is_alpha[m + 1] and not C.is_stop[m + 1]):
            return None  # "staff member, Mr. NAME": the plural word is no head of its phrase
        a = m
        while a > 0 and (C.is_title[a - 1] or C.is_upper[a - 1]) and not C.is_stop[a - 1] and not C.like_num[a - 1] and a - 1 not in others:
            a -= 1  # "Belarusian", "OSCE"; not "Two" or "The" opening the sentence
        return a, m + 1

    def _listed_after_plural(self, C: Cols, sep: int, out: list[Person], state_tokens: set[int]) -> bool:
        """"Co-Chairs NAME of France and NAME2", "Senators NAME, NAME2, and NAME3": the "and"
        or comma at `sep` follows the last person of `out` (with "of" and a State after the
        name), whom a plural title word names, or who follows such a list in turn."""
        texts, lowers = C.texts, C.lowers
        for last in reversed(out):
            k = sep - 1
            if lowers[sep] == "and" and k > 0 and texts[k] == ",":
                k -= 1  # ", and"
            if k in state_tokens:
                while k in state_tokens:
                    k -= 1
                if lowers[k] == "the":
                    k -= 1
                if lowers[k] != "of":
                    return False
                k -= 1
            s = last[0]
            if last[1] != k + 1 or last[2] != TITLED or s < 1:
                return False
            if self._plural_word_before(texts, s):
                return True
            if texts[s - 1] not in (",", "and"):
                return False
            sep = s - 1  # the list goes on before this person
        return False

    def _plural_word_before(self, texts: list[str], s: int) -> bool:
        """Whether a plural title word ends right before token s ("Ministers", "Co-Chairs")."""
        word = texts[s - 1]
        if s >= 3 and texts[s - 2] == "-":
            word = f"{texts[s - 3]}-{word}"  # "Co-Chairs", split by the tokenizer
        return word[-1:] == "s" and word in self._title_words

    def _contacts(self, doc: Doc, C: Cols, blocked: set[int]) -> list[Person]:
        """People named in a contact block ("For more information, please contact: ...")."""
        out: list[Person] = []
        if not may_name_contacts(C.doc_text, C.lowers):
            return out  # no contact label (most texts): the text is not lowercased and searched
        for a, b in contact_names(C.doc_text):
            span = doc.char_span(a, b)
            if span is None:
                continue
            s, e = span.start, span.end
            if e - s >= 2 and not blocked.intersection(range(s, e)) and all(self._name_at(C, k) or C.texts[k] in self._particles for k in range(s, e)):
                out.append((s, e, CONTACT, -1))
        return out

    def _base_entities(self, doc: Doc, blocked: set[int]) -> list[Person]:
        """PERSON entities of a base model, kept when they look like names."""
        out: list[Person] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or blocked.intersection(range(ent.start, ent.end)):
                continue
            toks = [t for t in ent if t.text not in ("'s", "’s")]
            if len(toks) >= 2 and all(self._name_token(t) or t.text in self._particles for t in toks):
                out.append((ent.start, ent.start + len(toks), BASE, -1))
        return out

    def _surnames(self, C: Cols, people: list[Person], blocked: set[int]) -> list[Person]:
        """Later mentions by surname alone ("said Kypreos") of people already found."""
        texts, text = C.texts, C.doc_text
        surnames = {texts[e - 1] for s, e, _, _ in people if e - s >= 2}
        if len(surnames) <= _FEW_SURNAMES:
            # Every token is a substring of the text: a surname the text holds once (the full
            # name's own last word, as for most people) is no other token, and is not looked
            # for among the tokens (a scan of them all per surname). A scan of the text per
            # surname in turn: for a few only (many are found in one pass by `positions`).
            surnames = {w for w in surnames if text.find(w, text.find(w) + 1) >= 0}
        if not surnames:
            return []
        covered = {i for s, e, _, _ in people for i in range(s, e)} | blocked
        return [(i, i + 1, SURNAME, -1) for i in positions(texts, surnames) if i not in covered and texts[i][:1].isupper()]

    # -- titles ---------------------------------------------------------------
    def _title_before(self, C: Cols, s: int) -> tuple[int, int] | None:
        """The title phrase ending right before token s ("Serbian Interior Minister")."""
        texts, lowers, sent = C.texts, C.lowers, C.is_sent_start
        titles, connectors = self._title_words, self._connectors
        steps = self._steps
        start = None
        # Back from s over at most `_WALK_MAX` words. What a word does to the walk is read from its
        # kind (`_step_of`, memoized by word); ")", "-", "," and "and" leave it to the
        # context (`_walk_back`).
        for k in range(s - 1, max(s - _WALK_MAX, 0) - 1, -1):
            step = steps.get(texts[k])
            if step is None:
                step = self._step_of(texts[k], lowers[k], C.is_title[k], C.is_lower[k])
            if step is _NAMES:
                start = k
                if sent[k]:
                    break
            elif step is _JOINS:
                if sent[k]:
                    break
            elif step is _STOP:
                if k >= 2 and texts[k - 1] == "-" and not C.spaces[k - 1] and not C.spaces[k - 2] and f"{texts[k - 2]}-{texts[k]}" in titles:
                    start = k  # "Co-ordinator": a title word the tokenizer split (the "-" step goes on)
                    continue
                break
            elif step is _CONTEXT:
                if texts[k] == ")":  # a gloss moves the walk by more than a word
                    start = self._walk_back(C, s, k + 1, start)
                    break
                _, start, go_on = self._step_back(C, s, k + 1, start)
                if not go_on:
                    break
            elif step is _NAMES_UNCAPITALIZED:
                if sent[k]:
                    break
                start = k
            elif sent[k]:  # _JOINS_CAPITALIZED
                break
        if start is None:
            return None
        while start < s and (lowers[start] in connectors or texts[start] == "The"):
            start += 1
        if titles.isdisjoint(texts[start:s]) and not any(
            texts[k] == "-" and f"{texts[k - 1]}-{texts[k + 1]}" in titles for k in range(start + 1, s - 1)
        ):
            return None
        return self._title_start(C, start, s), s

    def _title_start(self, C: Cols, start: int, s: int) -> int:
        """Where a title phrase at tokens start:s (one that holds a title word) begins: after
        a "the" before its first title word ("VIENNA – The OSCE Representative"), or after a
        connector right before it ("Statement of Ambassador", "the Organization to
        Chairman-in-Office"); "Council of Europe Commissioner" stays whole."""
        texts, lowers, titles = C.texts, C.lowers, self._title_words
        for k in range(start, s):
            if texts[k] in titles or (k + 2 < s and texts[k + 1] == "-" and f"{texts[k]}-{texts[k + 2]}" in titles):
                first = k
                break
        else:
            return start
        if first > start and lowers[first - 1] in self._connectors and lowers[first - 1] not in ("'s", "’s", "-"):
            return first
        for k in range(first - 1, start, -1):
            if lowers[k] == "the":
                return k + 1
        return start

    def _walk_back(self, C: Cols, s: int, j: int, start: int | None) -> int | None:
        """`_title_before`'s walk back from token j (the title's first word so far at
        `start`), every test made on every word: the first title word it reaches, or None."""
        while j > 0 and s - j < _WALK_MAX:
            j, start, go_on = self._step_back(C, s, j, start)
            if not go_on:
                break
        return start

    def _step_back(self, C: Cols, s: int, j: int, start: int | None) -> tuple[int, int | None, bool]:
        """One step of the walk back: the word before token j (every test made); the new j
        and start, and whether the walk goes on."""
        texts, lowers, spaces, sent = C.texts, C.lowers, C.spaces, C.is_sent_start
        k = j - 1
        w = texts[k]
        if w == ")":
            gloss = self._gloss_start(C, k)
            if gloss is not None:
                # "Governor (Bașkan) of Gagauzia", "Chair of the Central Election Commission (CEC)"
                return gloss, (gloss if start is not None else None), True
        if w == "-" and start == j and j >= 2 and not spaces[k] and not spaces[j - 2] and texts[j - 2][:1].isupper():
            return k, start, True  # "Co-Chairs", "Vice-President": a title word the tokenizer split
        if w == "," and start is not None and self._in_portfolio_list(C, k, s):
            return k, start, True  # "Minister of Labour, Social Affairs and Family"
        upper = w[:1].isupper()
        if w in _TITLE_STOPS or (sent[k] and not (upper or C.is_title[k])):
            return j, start, False
        low = lowers[k]
        title = w in self._title_words or w in self._prefixes
        connectors = self._connectors
        if low in connectors or upper or title:
            if low == "and" and ((k > 0 and texts[j - 2] == ",") or lowers[j] == "the"):
                return j, start, False  # "NAME and the Minister of ...": a new person's title starts
            if low not in connectors and C.is_lower[k] and not title:
                return j, start, False
            return k, (k if title or upper else start), not sent[k]
        return j, start, False

    def _step_of(self, w: str, low: str, is_title: bool, is_lower: bool) -> str:
        """What the word `w` does to `_title_before`'s walk back (memoized by word: every
        input is a property of the word), as the walk's own tests decide it."""
        if w in _STEP_CONTEXT or low == "and":
            step = _CONTEXT
        elif w in _TITLE_STOPS:
            step = _STOP
        else:
            upper = w[:1].isupper()
            title = w in self._title_words or w in self._prefixes  # "former": a title's own word
            joins = low in self._connectors
            capitalized = upper or is_title  # (a sentence start takes only these)
            if not (joins or upper or title) or (not joins and is_lower and not title):
                step = _STOP
            elif title or upper:
                step = _NAMES if capitalized else _NAMES_UNCAPITALIZED
            else:
                step = _JOINS_CAPITALIZED if capitalized else _JOINS
        if len(self._steps) >= _MEMO_MAX:
            self._steps.clear()  # bounded: memory stays flat over any stream
        self._steps[w] = step
        return step

    def _in_portfolio_list(self, C: Cols, comma: int, s: int) -> bool:
        """Whether the comma at `comma` separates portfolios of one title ("Minister of Labour,
        Social Affairs and Family"): portfolio words on both sides and an "and" after it."""
        texts = C.texts
        return (
            comma > 0
            and texts[comma - 1] in self._portfolio
            and comma + 1 < s
            and texts[comma + 1] in self._portfolio
            and "and" in C.lowers[comma + 1 : s]
        )

    def _gloss_start(self, C: Cols, close: int) -> int | None:
        """The "(" of a short gloss closing at `close`: after a title word ("Governor
        (Bașkan)"), or an acronym or translation after a name ("Commission (CEC)",
        "Jogorku Kenesh (Parliament)"); None if there is none."""
        texts, is_alpha = C.texts, C.is_alpha
        for k in range(close - 1, max(close - 5, 0), -1):
            if texts[k] == "(":
                inner = range(k + 1, close)
                if inner and all(is_alpha[m] or texts[m] in ("-", ".") for m in inner) and texts[k - 1] in self._title_words:
                    return k
                if texts[k - 1][:1].isupper() and (
                    (len(inner) <= 2 and all(len(texts[m]) >= 2 and (C.is_upper[m] or (is_alpha[m] and sum(c.isupper() for c in texts[m]) >= 2)) for m in inner)) or (inner and all(C.is_title[m] and is_alpha[m] for m in inner))
                ):
                    return k  # a body's acronym or translation: "Commission (CEC)", "Mission to BiH (BiH)", "Assembly (OSCE PA)", "Jogorku Kenesh (Parliament)"
                return None
        return None

    def _curated_place(self, name: str) -> bool:
        """Whether `name` is a place of the curated city list (not one of geonames' many)."""
        place = self.places.lookup(name)
        return place is not None and place.curated

    def _described(self, C: Cols, k: int) -> bool:
        """Whether "a" or "an" at token k opens a description of a person: an age ("a
        58-year-old ...") or, within four words, a noun of `person_nouns` ("a law student")."""
        texts, lowers = C.texts, C.lowers
        n = len(texts)
        if k + 1 >= n or lowers[k] not in ("a", "an"):
            return False
        if k + 5 < n and C.like_num[k + 1] and lowers[k + 2 : k + 6] == ["-", "year", "-", "old"]:
            return True
        for m in range(k + 1, min(k + 5, n)):
            if lowers[m] in self._person_nouns:
                return True
            if not (C.is_lower[m] and C.is_alpha[m]) or lowers[m] == "of":
                return False  # ("Jash Kuch, a group of student volunteers": a group)
        return False

    def _led_by_at(self, lowers: list[str], p: int) -> bool:
        """Whether a phrase of `led_by` ends at token p ("led by", "co-chaired by")."""
        return any(p + 1 >= len(words) and lowers[p + 1 - len(words) : p + 1] == words for words in self._led_by.get(lowers[p], ()))

    def _apposition(self, C: Cols, k: int, bodies: Ranges | None = None) -> tuple[int, int] | None:
        """A title phrase after a comma at token k, up to the next clause break (not a comma
        inside a body's name in `bodies`: "Committee on Democracy, Human Rights and ...")."""
        texts, lowers = C.texts, C.lowers
        n = len(texts)
        if k >= n:
            return None
        start = k
        if lowers[k] in _CLAUSE_OPENERS:
            return None  # "appointed NAME, to be his Personal Representative": a clause, no title
        if lowers[k] in ("the", "a", "an"):
            k += 1
            start = k  # "NAME, the Chair of ...": the article is no part of the title
        titles = self._title_words
        first = next((m for m in range(k, min(k + 6, n)) if texts[m] in titles), None)
        if first is None or "," in texts[k:first]:
            return None  # "... of Racial Discrimination, Anna Novak, Chair of ...": the title is the next name's
        end = k
        while end < n:
            w = texts[end]
            if (
                w in _APPOSITION_STOPS
                or lowers[end] in self._speech
                or (w == "," and not self._more_title(C, end + 1) and not (bodies is not None and bodies.covers(end)))
                or "\n" in w
            ):
                break
            end += 1  # a word, or a comma before more of the title
        while end > start and texts[end - 1] in (",", "and"):
            end -= 1
        return (start, end) if end > start else None

    def _title_ends_at(self, C: Cols, comma: int, blocked: set[int], state_tokens: set[int]) -> bool:
        """"Serbian Prime Minister, NAME": a title phrase right before the comma at `comma`."""
        if comma < 1:
            return False
        if C.texts[comma - 1] in self._title_words:
            return True
        # "the Minister of Internal Affairs of Georgia, NAME": a title may end with a State.
        in_state = comma - 1 in state_tokens
        phrase = self._title_before(C, comma)
        if phrase is None:
            return False
        # "the Director of the BMSC, NAME": a title word heads a phrase ending in a body.
        return (comma - 1) not in blocked or in_state or C.texts[phrase[0]] in self._title_words

    def _after_parenthesis(self, C: Cols, k: int) -> tuple[int, int] | None:
        """"Roza Aknazarova (MP, Kyrgyzstan), the Chair of ...": the apposition after the parenthesis."""
        texts = C.texts
        n = len(texts)
        close = _closing(texts, k)
        if close is None:
            return None
        inner = (k + 1, close) if not self._title_words.isdisjoint(texts[k + 1 : close]) else None
        if close + 1 < n and texts[close + 1] == ",":
            app = self._apposition(C, close + 2)
            if app is not None:
                return app
        return inner

    def _more_title(self, C: Cols, k: int) -> bool:
        texts = C.texts
        n = len(texts)
        titles = self._title_words
        window = range(k, min(k + 4, n))
        return not titles.isdisjoint(texts[k : k + 4]) and not any(
            self._name_at(C, m) and self._name_at(C, m + 1) for m in window if m + 1 < n and texts[m] not in titles and texts[m + 1] not in titles
        )

    def _title_of(self, C: Cols, start: int, end: int, others: Container[int] = (), bodies: Ranges | None = None) -> tuple[str, list[tuple[int, int]]] | None:
        """The title text of the name at tokens start:end, and the token ranges it came from. A title never
        holds another person (a token in `others`): "Prime Minister NAME, Minister of
        Education NAME2" gives NAME "Prime Minister"; "Secretary General NAME and EU
        Commissioner NAME2" gives NAME2 "EU Commissioner"."""
        texts, lowers = C.texts, C.lowers
        n = len(texts)
        titles = self._title_words
        parts: list[tuple[int, int]] = []
        while start > 0 and texts[start - 1] in self._honorifics and texts[start - 1] not in titles:
            start -= 1  # "..., Minister for Foreign Affairs, Mr. NAME": the title is read from before "Mr."
        before = self._title_before(C, start)
        if before is not None and others:
            before = self._after_others(C, before, others)
        if before is not None:
            capitalized = [texts[i] for i in range(*before) if texts[i][:1].isupper()]
            # ("writer and blogger": no capitalized word, no honorific either)
            only_honorific = bool(capitalized) and all(w in self._honorifics for w in capitalized)
            b0 = before[0]
            if b0 >= 2 and texts[b0 - 1] == ",":
                outer = self._title_before(C, b0 - 1)
                if outer is not None and others and self._apposed_to_other(C, outer[0], others):
                    outer = None
                if outer is not None and only_honorific:
                    parts.append(before)
                    parts.append(outer)
                    return ", ".join(C.span_text(a, b) for a, b in parts), parts
            parts += self._honorific_first(C, before)
            if b0 >= 2 and texts[b0 - 1] == ",":
                first = self._first_title(C, b0 - 1, others, bodies)
                if first is not None:
                    parts.insert(0, first)  # "The OSCE Chairman-in-Office, Bulgarian Foreign Minister NAME": both
        elif start >= 2 and texts[start - 1] == ",":
            outer = self._title_before(C, start - 1)
            if outer is None and start >= 3 and lowers[start - 2] in _WHEN_WORDS:
                outer = self._title_before(C, start - 2)  # "as the Special Representative today, NAME"
            if outer is not None and others:
                outer = None if self._apposed_to_other(C, outer[0], others) else self._after_others(C, outer, others)
            if outer is not None:
                parts.append(outer)
        if not parts and start >= 2 and texts[start - 1] in ("and", ",") and others:
            shared = self._plural_title_of_previous(C, start - 1, others)
            if shared is not None:
                parts.append(shared)
        if end + 1 < n and texts[end] == "," and lowers[end + 1] in ("and", "or"):
            pass  # "NAME, and the Head of Mission": another person's title
        elif end < n and texts[end] == ",":
            app = self._until_other(C, self._apposition(C, end + 1, bodies), others)
            if app is not None:
                parts.append(app)
        elif end < n and texts[end] == "(":
            # "President NAME (MP, Finland)", "NAME (MP, Sweden), Chair of ...": the gloss is a
            # title only when the text gives none around it, and never with its State.
            close = _closing(texts, end)
            app = None
            if close is not None and close + 1 < n and texts[close + 1] == ",":
                app = self._until_other(C, self._apposition(C, close + 2, bodies), others)
            if app is not None:
                parts.append(app)
            elif not parts and close is not None and not titles.isdisjoint(texts[end + 1 : close]):
                parts.append(self._gloss_title(C, end + 1, close))
        if "as" in lowers[end : end + 10] and all(texts[i] in self._honorifics for a, b in parts for i in range(a, b) if texts[i][:1].isupper()):
            role = self._role_after_as(C, end, others, bodies)  # ("Ambassador NAME ... as Head of ...")
            if role is not None:
                parts.append(role)
        if not parts and start >= 2 and self._people_plurals:
            listed = self._listed_people_title(C, start, others)
            if listed is not None:
                parts.append(listed)  # "two journalists, NAME and NAME2": the only title the text gives them
        if not parts:
            return None
        return ", ".join(C.span_text(a, b).strip(" ,") for a, b in parts), parts

    def _after_others(self, C: Cols, phrase: tuple[int, int], others: Container[int]) -> tuple[int, int] | None:
        """A title phrase cut after another person named in it ("NAME2 of Poland and
        Ambassador", "NAME2 and OSCE Secretary General"): from after the first "and" or comma
        that follows that person; None if no title word is left."""
        a, b = phrase
        taken = [k for k in range(a, b) if k in others]
        if not taken:
            return phrase
        texts, lowers = C.texts, C.lowers
        b0 = taken[-1] + 1
        b0 = next((k + 1 for k in range(b0, b) if texts[k] in (",", "and")), b0)
        while b0 < b and (lowers[b0] in self._connectors or lowers[b0] == ","):
            b0 += 1
        return (b0, b) if not self._title_words.isdisjoint(texts[b0:b]) else None

    def _role_after_as(self, C: Cols, end: int, others: Container[int], bodies: Ranges | None) -> tuple[int, int] | None:
        """The role a person named at tokens ...:end takes "as" ("NAME of Italy has begun
        service as Secretary General of ...", "appointed NAME as the new Head of ..."): a
        title phrase after "as", its State ("of Italy") and a few lower-case words between."""
        texts, lowers, is_lower = C.texts, C.lowers, C.is_lower
        n = len(texts)
        k = end
        if lowers[k] == "of":  # "NAME of the United States"
            k += 2 if k + 1 < n and lowers[k + 1] == "the" else 1
            first = k
            while k < n and k - first < 4 and texts[k][:1].isupper():
                k += 1
            if k == first:
                return None
        first = k
        while k < n and k - first < 4 and is_lower[k] and C.is_alpha[k] and lowers[k] != "as":
            k += 1  # "has begun service", "was appointed"
        if k >= n or lowers[k] != "as":
            return None
        k += 1
        while k < n and lowers[k] in _ROLE_OPENERS:
            k += 1
        if k >= n or not texts[k][:1].isupper():
            return None
        return self._until_other(C, self._apposition(C, k, bodies), others)

    def _plural_title_of_previous(self, C: Cols, and_at: int, others: Container[int]) -> tuple[int, int] | None:
        """The plural title of the list before the "and" or comma at `and_at` ("Co-Chairs
        NAME of France and NAME2", "Senators NAME, NAME2, and NAME3"): the name after it
        shares it. Only "of" and a State may come between a listed name and the next
        separator."""
        texts, lowers = C.texts, C.lowers
        sep = and_at
        while sep >= 2:
            k = sep - 1
            if lowers[sep] == "and" and texts[k] == ",":
                k -= 1  # ", and"
            if k not in others:
                if k < 2 or not texts[k][:1].isupper():
                    return None
                j = k
                while j > k - 5 and j > 0 and lowers[j] != "of":
                    j -= 1  # back over the State ("of the Russian Federation")
                if lowers[j] != "of" or j - 1 not in others or any(t in (",", "and") for t in texts[j + 1 : k + 1]):
                    return None
                k = j - 1
            while k > 0 and k - 1 in others:
                k -= 1
            if k >= 2 and texts[k - 1] in (",", "and"):
                sep = k - 1  # a listed name in turn: the title is before the list's first
                continue
            before = self._title_before(C, k)
            if before is None or not self._plural_word_before(texts, before[1]):
                return None
            return before
        return None

    def _apposed_to_other(self, C: Cols, a: int, others: Container[int]) -> bool:
        """Whether the title phrase at token a follows another person's name and a comma
        ("NAME (Germany), the Chair of the Group, Mr. NAME2"): an apposition of that person,
        not the title of the name after it; unless that person's own title came before the
        name and a comma ("the Head of ..., NAME, the President of ..., NAME2": titles first),
        and is no apposition of the person before in turn."""
        texts = C.texts
        k = a - 1
        if k >= 0 and C.lowers[k] in ("the", "a", "an"):
            k -= 1
        if k < 1 or texts[k] != ",":
            return False
        k -= 1
        if texts[k] == ")":
            # "NAME (Germany),": the name before the gloss.
            k = next((m - 1 for m in range(k - 1, max(k - 12, 0), -1) if texts[m] == "("), -1)
        if k < 0 or k not in others:
            return False
        while k > 0 and (k - 1 in others or texts[k - 1] in self._honorifics):
            k -= 1  # to the start of that person's name, before an honorific
        if k < 2 or texts[k - 1] != ",":
            return True
        # A title before that person is theirs, unless it is in turn apposed to the person
        # before ("NAME0, Title0, Ambassador NAME1, Title1, Ambassador NAME2": names first).
        own = self._title_before(C, k - 1)
        return own is None or self._apposed_to_other(C, own[0], others)

    def _first_title(self, C: Cols, comma: int, others: Container[int], bodies: Ranges | None) -> tuple[int, int] | None:
        """The first of two titles a comma joins before a name ("The OSCE Chairman-in-Office,
        Bulgarian Foreign Minister NAME"): the title phrase right before `comma`, when it
        heads its clause. In a list of people ("Minister A NAME1, Minister B NAME2", "the
        Ministers of ..., Head of ... NAME") it holds another person, follows a comma or
        "and", or is plural: none; nor is a body's name whose title words are all inside
        bodies ("the Assembly's General Committee on ..., Chair NAME")."""
        outer = self._title_before(C, comma)
        if outer is None:
            return None
        a, b = outer
        texts = C.texts
        if a > 0 and (texts[a - 1] in (",", "and", "&") or a - 1 in others or self._apposed_to_other(C, a, others)):
            return None
        if any(k in others for k in range(a, b)) or any(w[-1:] == "s" and w in self._title_words for w in texts[a:b]):
            return None  # "Foreign Ministers", "Co-Chairs": several people
        if bodies is not None:
            words = [k for k in range(a, b) if texts[k] in self._title_words]
            if words and all(bodies.covers(k) for k in words):
                return None
        return outer

    def _honorific_first(self, C: Cols, phrase: tuple[int, int]) -> list[tuple[int, int]]:
        """The ranges of a title phrase, honorifics that end it first: "Head of the OSCE
        Presence Ambassador" reads "Ambassador", "Head of the OSCE Presence" (as "Head of the
        OSCE Presence, Ambassador NAME" does); a courtesy title that is no title word ("Mr.")
        is left out."""
        texts, titles = C.texts, self._title_words
        a, b = phrase
        h = b
        while h > a and texts[h - 1] in self._honorifics:
            h -= 1
        # ("Major-General", "Secretary General": one title)
        if a < h < b and texts[h - 1] != "-" and texts[h - 1] not in titles and not titles.isdisjoint(texts[a:h]):
            return [(h, b), (a, h)] if not titles.isdisjoint(texts[h:b]) else [(a, h)]
        return [phrase]

    def _gloss_title(self, C: Cols, start: int, close: int) -> tuple[int, int]:
        """The title in a gloss at tokens start:close that holds a title word: up to the
        first comma after which no title word follows ("MP, Finland": "MP")."""
        texts, titles = C.texts, self._title_words
        for k in range(start, close):
            if texts[k] == "," and titles.isdisjoint(texts[k + 1 : close]):
                return start, k
        return start, close

    def _until_other(self, C: Cols, found: tuple[int, int] | None, others: Container[int]) -> tuple[int, int] | None:
        """An apposition cut before the next person named in it and that person's title."""
        if found is None:
            return None
        texts = C.texts
        a, b = found
        for k in range(a, b):
            if k in others:
                # "..., Minister of Education NAME2": NAME2's own title goes too; "Head of the
                # Mission and NAME2": NAME2 has none.
                before = self._title_before(C, k) if texts[k - 1] not in (",", "and") else None
                b = before[0] if before is not None and before[0] >= a else k
                while b > a and (texts[b - 1] == "," or C.lowers[b - 1] in self._connectors):
                    b -= 1
                break
        else:
            close = _closing(texts, b) if b < len(texts) and texts[b] == "(" else None
            if close is not None and close + 1 in others:
                return None  # "NAME, President of the Assembly (OSCE PA) NAME2": NAME2's title
        return (a, b) if b > a and not self._title_words.isdisjoint(texts[a:b]) else None

    # -- resolution -----------------------------------------------------------
    def _resolve(self, doc: Doc, C: Cols, people: list[Person], offices: list[tuple[int, int, int]], org_spans: Sequence[Row]) -> list[OfficialData]:
        published = release_date(doc)
        orgs: list[OrgData] = doc_value(doc, "newsie_orgs") or []
        records: dict[str, OfficialData] = {}
        by_surname: dict[str, str] = {}
        person_toks = {k for s, e, _, _ in people for k in range(s, e)}
        org_index = Ranges(org_spans)
        owners: dict[tuple[int, int], str | None] | None = None  # read from `orgs` when first needed
        texts, idxs, span_text = C.texts, C.idxs, C.span_text
        title_len = -1  # read from the Doc when first needed
        headline_titled: set[str] = set()  # people whose title so far is the headline's
        title_ranges: dict[str, list[tuple[int, int]]] = {}  # where each person's title was read
        # Surnames after the names they end; one word left of a peer's name ("Lord Bowness")
        # is one too when the full name is found.
        for s, e, source, k in sorted(people, key=lambda p: (p[2] == SURNAME) * 2 + (p[1] - p[0] == 1)):
            chars = (idxs[s], idxs[e - 1] + len(texts[e - 1]))
            if source == SURNAME or (e - s == 1 and texts[s] in by_surname):
                key = by_surname.get(texts[s])
                if key:
                    records[key].mentions.append(chars)
                continue
            entry = self.kb.officials[k] if source == KNOWN else None
            text = span_text(s, e)
            key = entry.name if entry else text
            rec = records.get(key)
            if rec is None:
                rec = records[key] = OfficialData(name=text, country=entry.country if entry else None)
                if entry is not None:
                    office = self.kb.office_of(entry, published)
                    rec.office = office.id if office else None
            rec.mentions.append(chars)
            by_surname[texts[e - 1]] = key
            if rec.title is None or key in headline_titled:
                # A headline's title is often cut short ("OSCE PA committee Chair NAME"): the
                # body's, when it gives a longer one, replaces it.
                found = self._title_of(C, s, e, _Others(person_toks, s, e), org_index)
                if found and (rec.title is None or len(found[0]) > len(rec.title)):
                    if title_len < 0:
                        title_len = meta_of(doc).title_len
                    if chars[0] < title_len:
                        headline_titled.add(key)
                    else:
                        headline_titled.discard(key)
                    rec.title, ranges = found
                    if owners is None:
                        owners = _owners(orgs)
                    rec.affiliation = _affiliation(C, ranges, org_index, owners)
                    title_ranges[key] = ranges
                elif found is None and source == CONTACT and rec.title is None:
                    # "NAME, Senior Public Information and Media Relations Officer", or a title line below
                    said = contact_title(C.doc_text, chars[1], self._title_words, default_org_rules().heads)
                    if said is not None:
                        rec.title = C.doc_text[said[0] : said[1]]
        self._infer_from_offices(doc, C, records, published, offices, org_index)
        for key, rec in records.items():
            if rec.affiliation is None and rec.office:
                office = self.kb.offices.get(rec.office)
                rec.affiliation = office.organization if office else None
            if rec.affiliation is None and key in title_ranges and offices:
                rec.affiliation = self._office_body(title_ranges[key], offices)
        _attach_quotes(C.doc_text, records, self._pronouns)
        return list(records.values())

    def _office_body(self, ranges: list[tuple[int, int]], offices: list[tuple[int, int, int]]) -> str | None:
        """The organization of a known office named inside a title that names no body
        ("Chairperson-in-Office, Irish Deputy Prime Minister": the OSCE)."""
        strings = self.nlp.vocab.strings
        for a, b in ranges:
            for m, s, e in offices:
                if a <= s and e <= b:
                    office = self.kb.offices.get(strings[m])
                    if office is not None and office.organization:
                        return office.organization
        return None

    def _infer_from_offices(
        self, doc: Doc, C: Cols, records: dict[str, OfficialData], published: dt.date | None, offices: list[tuple[int, int, int]], org_index: Ranges,
    ) -> None:
        """Role-only mentions of a known office resolve to its holder on the release date."""
        office_spans = filter_ranges([(s, e, m) for m, s, e in offices])
        if not office_spans:
            return
        strings = self.nlp.vocab.strings
        covered = {a for r in records.values() for a, _ in r.mentions}
        named = {r.office for r in records.values() if r.office}
        # Indexes by offset, so many offices and mentions in one long sentence stay linear.
        mentions = sorted((a, b, k) for k, r in records.items() for a, b in r.mentions)
        starts = [a for a, _, _ in mentions]
        by_end = sorted((b, k) for _, b, k in mentions)
        ends = [b for b, _ in by_end]
        in_sentence: dict[int, tuple[bool, list[str]]] = {}
        added: list[str] = []
        texts, idxs = C.texts, C.idxs
        # Span.sent walks back to the sentence start on every call: quadratic in one long sentence.
        sents = sentence_chars(doc)
        sent_starts = [a for a, _ in sents]
        holders: dict[str, Any] = {}

        def assign(keys: Iterable[str], office: str) -> None:
            for k in keys:
                if not records[k].office:
                    records[k].office = office
                    named.add(office)

        for s, e, m in office_spans:
            if org_index.covers(s) and org_index.covers(e - 1) and self._title_words.isdisjoint(texts[s:e]):
                continue
            label = strings[m]
            start_char, end_char = idxs[s], idxs[e - 1] + len(texts[e - 1])
            sent_start, sent_end = sents[bisect.bisect_right(sent_starts, start_char) - 1]
            if sent_start not in in_sentence:
                lo, hi = bisect.bisect_left(starts, sent_start), bisect.bisect_left(starts, sent_end)
                keys = [k for _, _, k in mentions[lo:hi] if not records[k].inferred]
                in_sentence[sent_start] = (bool(keys), list(dict.fromkeys(keys)))
            has_named, pending = in_sentence[sent_start]
            if has_named:
                # The office goes to the nearest named person of the sentence still without
                # one ("The OSCE Secretary General X met Foreign Minister Y": X, not Y), unless
                # a named person holds it already (the headline's "Secretary General" too).
                if pending and label not in named:
                    gap, nearest = min([(_distance(records[k].mentions, start_char, end_char, sent_start, sent_end), k) for k in pending])
                    if gap <= OFFICE_REACH:  # farther, the office is another's ("the Chairperson-in-Office met Minister Y")
                        assign([nearest], label)
                        pending.remove(nearest)  # each gets an office once
                continue
            lo, hi = bisect.bisect_left(starts, end_char - 3), bisect.bisect_right(starts, end_char + 3)
            elo, ehi = bisect.bisect_left(ends, start_char - 3), bisect.bisect_right(ends, start_char + 3)
            near = [k for _, _, k in mentions[lo:hi]] + [k for _, k in by_end[elo:ehi]]
            near += [k for k in added if any(abs(a - end_char) <= 3 or abs(start_char - b) <= 3 for a, b in records[k].mentions)]
            if near:
                assign(near, label)
                continue
            if label in named or not self.cfg["infer_from_office"] or published is None or start_char in covered:
                continue
            if label not in holders:
                holders[label] = self.kb.holder(label, published)
            holder = holders[label]
            if holder is None:
                continue
            rec = records.get(holder.name)
            if rec is None:
                office = self.kb.offices[label]
                records[holder.name] = OfficialData(
                    name=holder.name, title=C.span_text(s, e), affiliation=office.organization, country=holder.country,
                    office=office.id, inferred=True, mentions=[(start_char, end_char)],
                )
                named.add(office.id)
                added.append(holder.name)


OFFICE_REACH: Final = 30
"""Characters at most between an office's mention and the named person it is given to in a
sentence ("Helga Maria Schmid, the OSCE Secretary General": 2)."""


def _distance(mentions: list[tuple[int, int]], start: int, end: int, lo: int, hi: int) -> int:
    """Characters between the span `start`-`end` and the nearest of `mentions` inside `lo`-`hi`."""
    # A loop, not `min` over a generator: a person has a mention or two (a generator costs more).
    best = None
    for a, b in mentions:
        if lo <= a < hi:
            gap = max(a - end, start - b, 0)
            if best is None or gap < best:
                best = gap
    return hi - lo if best is None else best




def _closing(texts: list[str], k: int) -> int | None:
    """The position of the first ")" among the twelve tokens from k, if any."""
    try:
        return texts.index(")", k, k + 12)
    except ValueError:
        return None


def _state_gloss(texts: list[str], k: int, state_tokens: set[int]) -> bool:
    """"NAME (United Kingdom)": the "(" at k opens a parenthesis that holds only a State
    (as a parliamentarian's country follows the name)."""
    close = _closing(texts, k)
    return close is not None and close > k + 1 and all(m in state_tokens for m in range(k + 1, close))


def _is_initial(word: str) -> bool:
    """``_INITIAL.fullmatch(word)`` ("P."), without a regex call."""
    return len(word) == 2 and word[1] == "." and word[0] in _ASCII_UPPER


def _chars(C: Cols, start: int, end: int) -> tuple[int, int]:
    """``(span.start_char, span.end_char)`` of the Span start:end, without making it."""
    if end > start:
        return C.idxs[start], C.idxs[end - 1] + len(C.texts[end - 1])
    at = C.idxs[start] if start < len(C) else len(C.doc_text)
    return at, at


class _Others:
    """The tokens of every person named but one (tokens start:end), as `_title_of` reads
    them: a set copied without that person's tokens for each person would grow with the
    square of the people a long document names."""

    __slots__ = ("_end", "_start", "_toks")

    def __init__(self, toks: set[int], start: int, end: int) -> None:
        self._toks, self._start, self._end = toks, start, end

    def __contains__(self, k: object) -> bool:
        if k not in self._toks:
            return False
        assert isinstance(k, int)
        return not self._start <= k < self._end

    def __bool__(self) -> bool:
        """Whether any other person is named (`toks` holds this person's tokens too)."""
        return len(self._toks) > self._end - self._start


def _owners(orgs: list[OrgData]) -> dict[tuple[int, int], str | None]:
    """The organization each mention's character offsets belong to: the first in `orgs`
    that lists it (one pass, not a pass over every mention for each title)."""
    owners: dict[tuple[int, int], str | None] = {}
    for org in orgs:
        for chars in org.mentions:
            owners.setdefault(chars, org.name)
    return owners


def _affiliation(C: Cols, ranges: list[tuple[int, int]], org_index: Ranges, owners: dict[tuple[int, int], str | None]) -> str | None:
    """The organization named inside the title (the first of `org_index` in the first of
    `ranges` that holds one), as the release names it (`owners`, see `_owners`), else the
    text of its span."""
    for a, b in ranges:
        found = org_index.first_inside(a, b)
        if found is not None:
            s, e = found[0], found[1]
            while e + 1 < b and C.texts[e] in ("'s", "’s"):
                # "Director of the OSCE's Office for ...": the body owned (of the body owned ...)
                owned = org_index.first_inside(e + 1, b)
                if owned is None or owned[0] != e + 1:
                    break
                s, e = owned[0], owned[1]
            chars = _chars(C, s, e)
            return owners[chars] if chars in owners else C.span_text(s, e)
    return None
def _attach_quotes(text: str, records: dict[str, OfficialData], pronouns: frozenset[str]) -> None:
    """Attach each quotation to the person named (or referred to by he/she) beside it."""
    if '"' not in text and "“" not in text and "«" not in text:
        return  # no quotation: each opens with one of these
    spans = sorted(((a, b, k) for k, r in records.items() for a, b in r.mentions), key=lambda x: x[0])
    if not spans:
        return
    starts = [a for a, _, _ in spans]
    by_end = sorted((b, k) for _, b, k in spans)
    ends = [b for b, _ in by_end]
    last: str | None = None
    for m in _QUOTE_RE.finditer(text):
        quote = next(g for g in m.groups() if g)
        # Look for a person in the 160 characters after the quote, then before it.
        lo = bisect.bisect_left(starts, m.end())
        after = [spans[lo][2]] if lo < len(spans) and spans[lo][0] <= m.end() + 160 else []
        hi = bisect.bisect_right(ends, m.start())
        before = [by_end[hi - 1][1]] if hi > 0 and by_end[hi - 1][0] >= m.start() - 200 else []
        who = after[0] if after else (before[-1] if before else None)
        if who is None:
            tail = text[m.end() : m.end() + 40].split()
            if last and any(w in pronouns for w in tail[:3]):
                who = last
        if who is not None:
            records[who].quotes.append(quote.strip())
            last = who
