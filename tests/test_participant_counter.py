"""Tests for the participant counter's patterns."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.events.numbers import ParticipantCounter, _trie


def test_trie_pattern_accepts_exactly_its_words():
    """A trie-shaped alternation fully matches each listed word and nothing else nearby."""
    words = ["eight", "eighteen", "eighty", "a", "and", "officers", "officials", "police"]
    rx = re.compile(rf"(?:{_trie(words)})", re.IGNORECASE)
    for word in words:
        assert rx.fullmatch(word) and rx.fullmatch(word.upper())
    for other in ["eigh", "eightee", "an", "officer", "polices", "", "o"]:
        assert not rx.fullmatch(other)


def test_counts_read_the_whole_number_and_noun():
    """Counts written in digits or words, with a qualifier, end at a whole participant noun."""
    counter = ParticipantCounter(["participants", "officers", "police"])
    assert counter.count("More than twenty-two police officers took part.") == (22, "More than twenty-two police")
    assert counter.count("Some 1,200 participants attended in 2020.") == (1200, "Some 1,200 participants")
    assert counter.count("Eighteen officers and eight participants") == (18, "Eighteen officers")
    assert counter.count("In 2020 participants met.") is None


def test_a_rejected_number_leaves_the_next_one_to_be_read():
    """A number word read first and rejected ("A team of ...") does not hide the count inside its match."""
    counter = ParticipantCounter(["experts", "representatives"])
    assert counter.count("A team of four experts arrived.") == (4, "four experts")
    assert counter.count("A delegation of more than twenty representatives") == (20, "more than twenty representatives")


def test_words_between_number_and_noun_that_count_something_else():
    """With a word of `not_between` between the number and the noun, the number counts something else."""
    counter = ParticipantCounter(["officers", "members"], not_between=["for", "april", "the"])
    assert counter.count("three courses for police officers") is None
    assert counter.count("On 17 April, members met.") is None
    assert counter.count("Some 30 border and customs officers") == (30, "Some 30 border and customs officers")
    assert ParticipantCounter(["officers"]).count("three courses for police officers") == (3, "three courses for police officers")


def test_units_between_number_and_noun_measure_something_else():
    """With a unit of `units` (a whole word or phrase) between the number and the noun, the
    number measures time or a share; the packaged rules list the units."""
    from newsie.kb.event_types import EVENT_TYPES_FILE, EventRules
    from newsie.resources import gazetteer_file

    counter = ParticipantCounter(["officers", "participants"], units=["days", "per cent"])
    assert counter.count("Over three days police officers trained.") is None
    assert counter.count("Some 40 per cent participants") is None
    assert counter.count("Some 40 daysoff participants") == (40, "Some 40 daysoff participants")  # whole words only
    assert ParticipantCounter(["officers"]).count("Over three days police officers trained.") == (3, "Over three days police officers")
    rules = EventRules.model_validate_json(gazetteer_file(EVENT_TYPES_FILE).read_text(encoding="utf-8"))
    assert {"days", "months", "per cent", "%"} <= set(rules.count_units)


_WORDS = ["More", "than", "twenty", "-", "two", "Police", "officers", "1,200", "PARTICIPANTS", "a", "and", "in", "2020",
          "İstanbul", "ſome", "ıncluding", "’s", "days", "ſeven", "Kosovo", "EIGHT", "of", ",", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from([" ", "  ", "-", ", "]))
def test_lowercased_matching_finds_what_case_insensitive_matching_finds(words, sep):
    """Counting on lowercased text gives what the case-insensitive pattern gives, non-ASCII letters included."""
    counter = ParticipantCounter(["participants", "officers", "police"])
    reference = ParticipantCounter(["participants", "officers", "police"])
    reference._rx_lower = None  # the case-insensitive pattern alone
    reference._nouns = None  # and no noun pre-check
    sentence = sep.join(words)
    assert counter.count(sentence) == reference.count(sentence)



_QUALIFIERS = ["", "more than ", "some ", "a total of ", "in total, ", "up to ", "at least ", "(", "“"]
_NUMBERS = ["twenty-two", "two hundred and fifty", "one hundred and twenty-two", "1,200", "25", "a", "one", "2020", "three-", "seven", "12-"]
_WORDS_BETWEEN = ["young", "local", "the", "x9", "border", "and", "officers,", "ten", "a"]
_FILLER = ["young", "local", "the", "for", "days", "were", "x9", "(", "–", "officers,", "’s", "a", "and", "ten", "2021.", "police"]
_NOUNS = ["participants", "officers", "police", "participants.", "officers)", "police-"]


@st.composite
def _sentences(draw: st.DrawFn) -> str:
    """Sentences of counts and near-counts: filler, a qualifier, a number, words and a noun, repeated."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        parts += draw(st.lists(st.sampled_from(_FILLER), max_size=8))
        parts.append(draw(st.sampled_from(_QUALIFIERS)) + draw(st.sampled_from(_NUMBERS)))
        parts += [draw(st.sampled_from(_WORDS_BETWEEN)) for _ in range(draw(st.integers(0, 7)))]
        parts.append(draw(st.sampled_from(_NOUNS)))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "  ", "-", ", ", "\n", " ("]), min_size=1, max_size=10))
    return "".join(w + seps[i % len(seps)] for i, w in enumerate(parts))


@settings(max_examples=400, deadline=None)
@given(_sentences())
def test_counting_within_the_window_finds_what_the_whole_text_finds(sentence):
    """The count read from the part of a sentence around its nouns is the count read from the whole sentence."""
    counter = ParticipantCounter(["participants", "officers", "police"])
    reference = ParticipantCounter(["participants", "officers", "police"])
    reference._windowed = False  # the pattern over the whole text
    assert counter.count(sentence) == reference.count(sentence)
    assert counter.count(sentence.title()) == reference.count(sentence.title())


def reference_window(counter: ParticipantCounter, low: str) -> tuple[int, int] | None:
    """`ParticipantCounter._window` as a regex scan: every whole noun after white space."""
    from newsie.events.numbers import _earliest_start, _trie

    assert counter._nouns is not None
    noun_at = re.compile(rf"\s(?:{_trie(counter._nouns)})\b")
    pos: int | None = None
    endpos = 0
    for m in noun_at.finditer(low):
        start = _earliest_start(low, m.start() + 1)
        if start is not None:
            pos = start if pos is None else min(pos, start)
            endpos = m.end()
    return None if pos is None else (pos, endpos)


# Around the nouns: white space of every kind (ASCII, no-break, ideographic, the separators
# \x1c-\x1f), word characters that are not ASCII letters ("é", "_", "٣"), and punctuation.
_AROUND = [" ", "\t", "\n", "\xa0", "\u3000", "\x1c", "\u2028", "é", "_", "٣", "9", "x", "-", ".", ",", "’", "(", "ß", "İ"]


@st.composite
def _noun_texts(draw: st.DrawFn) -> str:
    """Numbers and nouns with a character of `_AROUND` on either side of each word."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        nouns = ["officers", "participants", "police", "officer", "participant", "policemen", "men", "women", "young"]
        for word in (draw(st.sampled_from(["twenty", "two", "25", "some", "x"])), draw(st.sampled_from(nouns))):
            parts += [draw(st.sampled_from(_AROUND)), word, draw(st.sampled_from(_AROUND))]
    return "".join(parts)


@settings(max_examples=600, deadline=None)
@given(_noun_texts())
def test_the_window_is_the_one_the_noun_pattern_gives(text):
    """The window found from the text's whole words is the window the regex scan for whole nouns after white space gives."""
    # nouns that begin or end others ("men" in "women", "police" in "policemen")
    counter = ParticipantCounter(["participants", "participant", "officers", "police", "policemen", "men", "women"])
    low = text.lower()
    assert counter._window(low) == reference_window(counter, low)
