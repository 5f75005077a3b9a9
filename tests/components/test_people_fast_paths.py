"""The organizations' and officials' fast paths give what the plain rules they replace give."""
from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsie.components import officials as off
from newsie.components.base import sentences
from newsie.components.ranges import longest_first
from newsie.tokens import Cols, cols

WORDS = [
    "Ambassador", "Peter", "Burkhard", "P.", "O'Neill", "Co", "-", "Chair", "Chairs", "of", "the", "The", "OSCE", "said",
    ",", ".", "(", ")", "“", "Minister", "minister", "Dačić", "van", "de", "Weerd", "ODIHR", "Head", "and", "And", "Kārlis",
    "Mission", "in", "Vienna", "Bașkan", "Governor", "Labour", "Social", "Affairs", "Family", "Foreign", "Serbian",
    "Secretary", "General", "for", "on", "today", "CEC", "Commission", "Vice", "President", "2020", ";", "ǅx",
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
    while j > 0 and s - j < 14:
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
        title = w in titles
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
    return start, s


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


@given(made=docs(), blocked=st.sets(st.integers(min_value=0, max_value=30), max_size=5))
@SETTINGS
def test_name_runs_from_word_pairs_match_runs_from_every_name_word(nlp, made: tuple[list[str], list[bool], list[bool]], blocked: set[int]) -> None:
    """Name runs started only at two name words in a row equal runs tried from every name word."""
    tagger = nlp.get_pipe("newsie_officials")
    tagger.ensure_ready()
    doc = _doc(nlp, made)
    C = cols(doc)
    places: set[int] = set()
    fast = tagger._name_runs(C, blocked, places)
    joiners = tagger._run_joiners
    try:
        tagger._run_joiners = frozenset(C.texts)  # never disjoint from the text: every name word is tried
        every_places: set[int] = set()
        every = tagger._name_runs(C, blocked, every_places)
    finally:
        tagger._run_joiners = joiners
    assert fast == every and places == every_places


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
