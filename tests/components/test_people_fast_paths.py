"""The organizations' and officials' fast paths give what the plain rules they replace give."""
from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span, SpanGroup

from newsie.components import officials as off
from newsie.components import organizations as org
from newsie.components.base import sentences
from newsie.components.contacts import _LABEL, contact_names, may_name_contacts
from newsie.components.groups import set_group
from newsie.components.inside import Ranges
from newsie.components.ranges import longest_first
from newsie.payloads import OrgData
from newsie.tokens import Cols, cols

WORDS = [
    "Ambassador", "Peter", "Burkhard", "P.", "O'Neill", "Co", "-", "Chair", "Chairs", "of", "the", "The", "OSCE", "said",
    ",", ".", "(", ")", "“", "Minister", "minister", "Dačić", "van", "de", "Weerd", "ODIHR", "Head", "and", "And", "Kārlis",
    "Mission", "in", "Vienna", "Bașkan", "Governor", "Labour", "Social", "Affairs", "Family", "Foreign", "Serbian",
    "Secretary", "General", "for", "on", "today", "CEC", "Commission", "Vice", "President", "2020", ";", "ǅx", "former", "media",
]
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def docs(draw: Any, words: list[str] = WORDS) -> tuple[list[str], list[bool], list[bool]]:
    """Words, the space after each and sentence starts (the first token starts one)."""
    n = draw(st.integers(min_value=1, max_value=30))
    texts = draw(st.lists(st.sampled_from(words), min_size=n, max_size=n))
    spaces = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    starts = [True, *draw(st.lists(st.booleans(), min_size=n - 1, max_size=n - 1))]
    return texts, spaces, starts


def _doc(nlp: Any, made: tuple[list[str], list[bool], list[bool]]) -> Doc:
    texts, spaces, starts = made
    return Doc(nlp.vocab, words=texts, spaces=spaces, sent_starts=list[bool | int | None](starts))


def _title_before_reference(tagger: Any, C: Cols, s: int) -> tuple[int, int] | None:
    """`_title_before` as it was written before its per-word memo (every test on every step)."""
    texts, lowers, spaces, sent = C.texts, C.lowers, C.spaces, C.is_sent_start
    titles, connectors = tagger._title_words, tagger._connectors
    j = s
    start = None
    while j > 0 and s - j < off._WALK_MAX:
        k = j - 1
        w = texts[k]
        if w == ")":
            gloss = tagger._gloss_start(C, k)
            if gloss is not None:
                j = gloss
                start = gloss if start is not None else None
                continue
        if w == "-" and start == j and j >= 2 and not spaces[k] and not spaces[j - 2] and texts[j - 2][:1].isupper():
            j -= 1
            continue
        if w == "," and start is not None and tagger._in_portfolio_list(C, k, s):
            j -= 1
            continue
        upper = w[:1].isupper()
        if w in off._TITLE_STOPS or (sent[k] and not (upper or C.is_title[k])):
            break
        low = lowers[k]
        title = w in titles or w in tagger._prefixes
        if low in connectors or upper or title:
            if low == "and" and ((k > 0 and texts[j - 2] == ",") or lowers[j] == "the"):
                break
            if low not in connectors and C.is_lower[k] and not title:
                break
            j -= 1
            if title or upper:
                start = j
            if sent[k]:
                break
            continue
        break
    if start is None:
        return None
    while start < s and (lowers[start] in connectors or texts[start] == "The"):
        start += 1
    if titles.isdisjoint(texts[start:s]) and not any(
        texts[k] == "-" and f"{texts[k - 1]}-{texts[k + 1]}" in titles for k in range(start + 1, s - 1)
    ):
        return None
    return tagger._title_start(C, start, s), s  # (where the phrase begins: read the same after either walk)


def _made(text: str) -> tuple[list[str], list[bool], list[bool]]:
    words = text.split()
    return words, [True] * len(words), [True] + [False] * (len(words) - 1)


@given(made=docs())
@example(made=_made("Minister and the Chair Peter Burkhard said"))
@example(made=_made("Serbian Minister , and Chair Peter Burkhard"))
@example(made=_made("Co - Chairs Peter Burkhard and Governor ( Bașkan ) of Vienna Kārlis Dačić"))
@SETTINGS
def test_title_walk_by_word_kinds_matches_every_test(nlp, made: tuple[list[str], list[bool], list[bool]]) -> None:
    """The title walk that reads each word's kind from a memo finds the title the step-by-step tests find."""
    tagger = nlp.get_pipe("newsie_officials")
    tagger.ensure_ready()
    doc = _doc(nlp, made)
    C = cols(doc)
    tagger._steps.clear()
    for s in range(len(doc)):  # (a title ends before a word)
        assert tagger._title_before(C, s) == _title_before_reference(tagger, C, s)


@given(made=docs(["Ministry", "Ministries", "daily", "Mission", "Office", "(", ")", "the", "Police", "OSCE", "Programme", "of", "x", "-"]))
@SETTINGS
def test_rule_words_matched_with_the_gazetteer_are_where_the_columns_hold_them(nlp, made: tuple[list[str], list[bool], list[bool]]) -> None:
    """The rule words the gazetteer's matcher finds are at the positions where the token columns hold a rule word."""
    tagger = nlp.get_pipe("newsie_organizations")
    tagger.ensure_ready()
    doc = _doc(nlp, made)
    found = [s for m, s, e in tagger.matcher(doc) if m == tagger._rule_word_id and e == s + 1]
    assert found == [s for m, s, _ in tagger.matcher(doc) if m == tagger._rule_word_id]
    assert found == cols(doc).where(tagger._rule_words)


@given(made=docs())
@SETTINGS
def test_a_second_token_set_not_to_start_means_boundaries_are_set(nlp, made: tuple[list[str], list[bool], list[bool]]) -> None:
    """A Doc whose second token is set not to start a sentence has sentence boundaries, so the sentencizer is not needed."""
    doc = _doc(nlp, made)
    if len(doc) > 1 and doc[1].is_sent_start is False:
        assert doc.has_annotation("SENT_START")
        before = [t.is_sent_start for t in doc]
        sentences(doc)
        assert [t.is_sent_start for t in doc] == before


rows = st.lists(
    st.tuples(st.integers(min_value=0, max_value=20), st.integers(min_value=1, max_value=6), st.sampled_from("abc")).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=12,
)


@given(rows=rows, cut=st.sets(st.integers(min_value=0, max_value=11)))
@SETTINGS
def test_filtered_names_cut_to_their_first_word_stay_filtered(rows: list[tuple[int, int, str]], cut: set[int]) -> None:
    """Filtered rows, some cut to their first token (an office's "OSCE"), come out of the filter unchanged."""
    kept = [(s, s + 1, x) if k in cut else (s, e, x) for k, (s, e, x) in enumerate(longest_first(rows))]
    assert longest_first(kept) == kept


def test_osce_is_all_capitals(nlp) -> None:
    """"OSCE" is an all-capital word, so a name's capitalized words hold it whenever its tokens do."""
    assert cols(nlp.make_doc("the OSCE Office")).is_upper[1]


ranges = st.lists(
    st.tuples(st.integers(min_value=0, max_value=20), st.integers(min_value=0, max_value=5)).map(lambda t: (t[0], t[0] + t[1], f"x{t[0]}")),
    max_size=10,
)


@given(rows=ranges, ordered=st.booleans(), a=st.integers(min_value=0, max_value=25), b=st.integers(min_value=0, max_value=25))
@SETTINGS
def test_indexed_ranges_answer_as_scans_do(rows: list[tuple[int, int, str]], ordered: bool, a: int, b: int) -> None:
    """The first range inside a..b and whether a range covers a token, found by bisection, equal what scans find."""
    if ordered:
        rows = longest_first(rows)
    index = Ranges(rows)
    assert index.first_inside(a, b) == next((r for r in rows if r[0] >= a and r[1] <= b), None)
    assert index.covers(a) == any(r[0] <= a < r[1] for r in rows)


def _country_reference(texts: list[str], start: int, end: int, state_spans: list[tuple[int, int, str]]) -> str | None:
    """`_country_of` as it was written before its index (two scans of the States)."""
    for s, e, iso3 in state_spans:
        if s >= start and e <= end:
            return iso3
    for _, e, iso3 in state_spans:
        if e == start or (e + 1 == start and texts[e] in ("'s", "’s")):
            return iso3
    return None


@given(made=docs(["Serbia", "'s", "’s", "Ministry", "of", "Interior", "Police", "the", "Border"]), rows=ranges, ordered=st.booleans(), data=st.data())
@SETTINGS
def test_country_of_indexed_states_matches_scans(nlp, made: tuple[list[str], list[bool], list[bool]], rows: list[tuple[int, int, str]], ordered: bool, data: st.DataObject) -> None:
    """The State named inside or just before a name, found through the index, equals what scans of the States find."""
    C = cols(_doc(nlp, made))
    n = len(C)
    rows = [r for r in (longest_first(rows) if ordered else rows) if r[1] <= n]
    start = data.draw(st.integers(min_value=0, max_value=n - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=n))
    assert org._country_of(C, start, end, org._States(rows)) == _country_reference(C.texts, start, end, rows)


@given(made=docs())
@SETTINGS
def test_span_group_set_directly_equals_the_proxy_assignment(nlp, made: tuple[list[str], list[bool], list[bool]]) -> None:
    """A span group stored without the proxy's steps is the group the proxy's assignment stores."""
    doc = _doc(nlp, made)
    spans = [Span(doc, k, k + 1, label="ORG", kb_id=f"x{k}", span_id="gazetteer") for k in range(0, len(doc), 2)]
    set_group(doc, "mine", spans)
    doc.spans["theirs"] = spans
    mine, theirs = doc.spans["mine"], doc.spans["theirs"]
    assert isinstance(mine, SpanGroup) and mine.name == "mine" and mine.doc is doc
    assert [(s.start, s.end, s.label_, s.kb_id_, s.id_) for s in mine] == [(s.start, s.end, s.label_, s.kb_id_, s.id_) for s in theirs]


@given(texts=st.lists(st.sampled_from(["Ministry", "Ministries", "daily", "Mission", "Office", "(", "the", "Police", "x", "NGO", "association"]), max_size=20))
@SETTINGS
def test_rule_starts_in_one_pass_equal_each_rule_own_positions(nlp, texts: list[str]) -> None:
    """The positions grouped by rule in one pass equal each rule's own look-up of its words among the rule words."""
    tagger = nlp.get_pipe("newsie_organizations")
    tagger.ensure_ready()
    starts = [i for i, t in enumerate(texts) if t in tagger._rule_words]
    words = (tagger._head_words, tagger._plural_heads, tagger._media, tagger._generic_by_first, ("(",), tagger._named_after)
    _, groups = tagger._scan(texts, [(tagger._rule_word_id, i, i + 1) for i in starts])
    assert groups == tuple(org._among(texts, starts, w) for w in words)


def _affiliation_reference(C: Cols, ranges: list[tuple[int, int]], org_spans: list[tuple[int, int, str]], orgs: list[Any]) -> str | None:
    """`_affiliation` as it was written before its index (a scan of every body per range)."""
    for a, b in ranges:
        for s, e, _ in org_spans:
            if s >= a and e <= b:
                chars = off._chars(C, s, e)
                for o in orgs:
                    if chars in o.mentions:
                        return str(o.name)
                return C.span_text(s, e)
    return None


@given(made=docs(), rows=ranges, ordered=st.booleans(), titles=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=3))
@SETTINGS
def test_affiliation_through_the_index_matches_scans(nlp, made: tuple[list[str], list[bool], list[bool]], rows: list[tuple[int, int, str]], ordered: bool, titles: list[tuple[int, int]]) -> None:
    """The body named inside a title, found through the index, equals what a scan of every body finds."""
    C = cols(_doc(nlp, made))
    n = len(C)
    rows = [r for r in (longest_first(rows) if ordered else rows) if 0 < r[1] <= n and r[0] < r[1]]
    titles = [(a, min(b, n)) for a, b in titles]  # a title's tokens lie inside the Doc, as `_title_of` reads them
    orgs = [OrgData(None, None, f"Body {k}", None, "other", None, None, [off._chars(C, s, e)]) for k, (s, e, _) in enumerate(rows[::2])]
    assert off._affiliation(C, titles, Ranges(rows), off._owners(orgs)) == _affiliation_reference(C, titles, rows, orgs)


CONTACT_PIECES = [
    "For more information", "for further information, please", "Contact", "contacts", "Media contact", "PRESS CONTACTS",
    "please contact", "INFORMATION", "For more ", "ınformation", "İnformation", "con tact", "Contac", "t", ":", " ", "\n", "\n\n",
    "Ana Novak, Press Officer", "The Mission said", "ſ", "Σ", "x", "–", "(contact)", "e-mail:contact@osce.org",
]


@given(text=st.lists(st.sampled_from(CONTACT_PIECES), max_size=20).map("".join))
@example(text="Release\nFor more ınformation:\nAna Novak, Press Officer")
@example(text="Release\n\nFOR FURTHER İNFORMATION\nAna Novak")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_contact_word_among_the_tokens_means_no_contact_label(nlp, text: str) -> None:
    """A text whose lowercased tokens hold neither "contact" nor "information" has no contact label and no contact names."""
    if not may_name_contacts(text, cols(nlp.make_doc(text)).lowers):
        assert not list(_LABEL.finditer(text))
        assert contact_names(text) == []
