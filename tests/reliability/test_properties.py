"""Properties of every record, on generated and mutated release text (hypothesis).

Set NEWSIE_HYPOTHESIS_EXAMPLES to run more cases per property (CI keeps the default).
"""
from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsie
from newsie.exceptions import NewsieError
from newsie.records import Release

EXAMPLES = int(os.environ.get("NEWSIE_HYPOTHESIS_EXAMPLES", "120"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# Pieces of OSCE-style releases (our own wording), and the characters that break things.
WORDS = [
    "The", "OSCE", "Mission", "to", "Serbia", "Office", "for", "Democratic", "Institutions", "and", "Human", "Rights",
    "(ODIHR)", "ODIHR", "Secretary", "General", "Chairperson-in-Office", "Head", "of", "Ambassador", "Special",
    "Representative", "High", "Commissioner", "on", "National", "Minorities", "Kazakhstan", "Bosnia", "Herzegovina",
    "Ukraine", "Moldova", "Kyiv", "Vienna", "Skopje", "Astana", "Bishkek", "Tbilisi", "Warsaw", "in", "from", "at",
    "organized", "a", "two-day", "training", "course", "meeting", "visit", "visited", "met", "with", "police",
    "officers", "journalists", "30", "participants", "judges", "said", "welcomed", "election", "observation",
    "statement", "today", "yesterday", "next", "week", "Monday", "9", "May", "3-5", "June", "2024", "1999",
    "15", "October", "2020", "January", "–", "-", "—", ",", ".", ":", ";", "\"", "“", "”", "'", "(", ")", "/",
    "Mr.", "Ms.", "Dr.", "St.", "U.S.", "e.g.", "ECHR", "EU", "UN", "NATO", "Parliamentary", "Assembly",
]
HOSTILE = [
    "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "\u2029", "\u200b", "\ufeff", "\x00", "\x0b", "\x1c",
    "\ud83d", "\udc00", "😀", "é", "e\u0301", "ß", "İ", "ǅ", "\u202e", "ا", "한", "=" * 200, "." * 50, "-" * 300,
    "http://www.osce.org/" + "a/" * 80, "VIENNA, 6 October 2020 –", "   ",
]
PUBLISHED = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from(["0001-01-01", "9999-12-31", "2020-02-29", "2024-05-09T10:00:00Z", "2021-13-01", "yesterday", "", " "]),
)
BASE = (
    "VIENNA, 6 October 2020 – The OSCE Mission to Serbia organized a two-day training course for 30 police "
    "officers in Belgrade on 5 and 6 October. The Head of the OSCE Mission to Serbia, Ambassador Jan Braathu, "
    "said: “Trust between police and citizens matters.” ODIHR and the Office for Democratic Institutions and "
    "Human Rights (ODIHR) will observe the election in Kazakhstan next week."
)


@st.composite
def release_text(draw: st.DrawFn) -> str:
    """Generated text: OSCE words and hostile characters, joined by spaces or not."""
    pieces = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(max_size=4)), max_size=60))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "", "\n", "  "]), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))


@st.composite
def mutated_release(draw: st.DrawFn) -> str:
    """A real-looking release with characters inserted, deleted, replaced or repeated."""
    text = BASE
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "repeat", "cut"]))
        piece = draw(st.one_of(st.sampled_from(HOSTILE), st.sampled_from(WORDS), st.text(min_size=1, max_size=3)))
        if op == "insert":
            text = text[:i] + piece + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 20)) :]
        elif op == "replace":
            text = text[:i] + piece + text[i + len(piece) :]
        elif op == "repeat":
            text = text[:i] + text[i : i + 40] * draw(st.integers(2, 20)) + text[i:]
        else:
            text = text[:i]
    return text


TEXTS = st.one_of(release_text(), mutated_release())
TITLES = st.one_of(st.none(), release_text(), st.sampled_from(["Statement on 9 May", "OSCE trains police in Kyiv", "9 May", "Head of Mission"]))


def check(rel: Release) -> None:
    """Offsets exact in both fields, and a JSON round-trip that gives the same record."""
    mentions = [
        *(m for s in rel.states for m in s.mentions), *(m for o in rel.organizations for m in o.mentions),
        *(m for p in rel.officials for m in p.mentions), *rel.dates,
    ]
    for m in mentions:
        field = rel.title if m.field == "title" else rel.text
        assert field is not None, m
        assert 0 <= m.start_char <= m.end_char <= len(field), m
        assert field[m.start_char : m.end_char] == m.text, m
    assert Release.model_validate_json(rel.model_dump_json()) == rel


def _extract(nlp, text: str, title: str | None, published: object) -> Release | None:
    try:
        return newsie.extract(text, title=title, published=published, nlp=nlp)
    except NewsieError:  # documented: PublishedDateError for a `published` that is no date
        assert isinstance(published, str)
        return None


@SETTINGS
@given(text=TEXTS, title=TITLES, published=PUBLISHED)
def test_generated_and_mutated_text(nlp, text, title, published) -> None:
    """Any text, title and date give a record with exact offsets that survives JSON, or a documented error."""
    rel = _extract(nlp, text, title, published)
    if rel is not None:
        check(rel)


@SETTINGS
@given(text=TEXTS, page=st.booleans())
def test_text_read_as_a_page(nlp, text, page) -> None:
    """Forcing or forbidding page reduction never breaks a record."""
    check(newsie.extract(text, page=page, nlp=nlp))


@SETTINGS
@given(items=st.lists(st.one_of(TEXTS, st.fixed_dictionaries({"text": TEXTS}, optional={"title": TITLES, "id": st.text(max_size=5)}),
                                st.none(), st.integers()), max_size=6))
def test_batches_give_one_record_per_item(nlp, items) -> None:
    """extract_many gives one serializable record per item, whatever the items are."""
    out = list(newsie.extract_many(items, nlp=nlp, batch_size=4))
    assert len(out) == len(items)
    for rel in out:
        check(rel)
