"""The fast fields-of-work matcher (`newsie.fields`) gives exactly what the plain per-word algorithm gives."""
from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsie.fields import FieldsClassifier, FieldsLexicon
from newsie.fields_matcher import (
    _ascii_forms,
    _Candidate,
    _Pattern,
    _PhraseMatcher,
    _split_words,
    normalize,
    words_of,
)

_NON_WORD = re.compile(r"[^\w]+")


def reference_normalize(text: str) -> str:
    """The regex normalization `normalize` replaced (one substitution over the text)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.lower()).strip()


def reference_find(matcher: _PhraseMatcher, text: str) -> list[_Pattern]:
    """The per-word loop `find` replaced: every position tried, candidates sorted afresh."""
    words = reference_normalize(text).split()
    found: list[_Pattern] = []
    i = 0
    while i < len(words):
        size = 0
        for cand in sorted(map(_Candidate, matcher._first_accepting(words[i])), key=lambda c: -c.n):
            n = cand.n
            if n < size:
                break
            if cand.pattern.matches(words, i) if n > 1 else True:
                size = n
                found.append(cand.pattern)
        i += size or 1
    return found


def reference_scores(clf: FieldsClassifier, title: str | None, text: str, issuer: list[str] | None) -> dict[str, float]:
    """`FieldsClassifier.scores` as it was: reference matching, every score rounded."""
    totals = [0.0] * len(clf.fields)
    for zone, factor in ((title, clf.settings.title_weight), (text, clf.settings.text_weight)):
        if not zone or not factor:
            continue
        seen: list[_Pattern] = []
        for pat in reference_find(clf._matcher, zone):
            if all(pat.tokens != s.tokens for s in seen):
                seen.append(pat)
        for pat in seen:
            for idx, weight in pat.hits:
                totals[idx] += weight * factor
    for name in issuer or ():
        norm = f" {reference_normalize(name)} "
        for needle, idx, weight in clf._issuers:
            if needle in norm:
                totals[idx] += weight
    return {label: round(score, 6) for label, score in zip(clf.fields, totals)}


def _exact(scores: dict[str, float]) -> list[tuple[str, str]]:
    """Scores with each float's exact bits (0.0 and -0.0 differ)."""
    return [(label, value.hex()) for label, value in scores.items()]


# Characters that exercise every branch: ASCII punctuation and space kinds, accents (composed
# and combining), curly quotes, non-Latin letters, digits of other scripts, "İ" (lowercases to
# two characters), "ß", ligatures and superscripts (NFKD), the underscore.
_CHARS = st.sampled_from(
    list("abcdefghij XYZ019_-'.,;:!?()/\t\n\r\x0b\x0c\x1c\u00a0\u2003")
    + list("éèüñçÉ\u0301\u0308’‘`“”–—…«»")
    + list("пжЯΩλ中ßİıﬁ²³①٣०\u200b\u2028\ud800\U0001d400")
    + list("ΣΑσς\u03f9\U0001d6ba\u0345\u1680\u3000\u00a8")
)
_TEXT = st.text(_CHARS, max_size=60)


def test_word_characters_are_alphanumerics_and_underscore() -> None:
    r"""Every code point is a word character for `re` (\w) exactly when it is alphanumeric or "_"."""
    word = re.compile(r"\w")
    differ = [
        c for c in map(chr, range(sys.maxunicode + 1))
        if bool(word.fullmatch(c)) != (c.isalnum() or c == "_")
    ]
    assert differ == []


@given(_TEXT)
@settings(max_examples=400, deadline=None)
def test_normalize_matches_the_regex(text: str) -> None:
    """`normalize` and `words_of` give what the regex substitution gives, on any text."""
    expected = reference_normalize(text)
    assert normalize(text) == expected
    assert words_of(text) == expected.split()


def test_white_space_ends_words_and_lowercase_context() -> None:
    """Every character `str.split` splits at ends a word and the context of a final sigma (as `words_of` by chunk needs)."""
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    assert spaces
    for c in spaces:
        assert _split_words(f"a{c}b") == ["a", "b"]
        assert f"ΑΣ{c}Α".lower() == "ΑΣ".lower() + c + "α"
        assert f"Α{c}ΣΑ".lower() == "α" + c + "ΣΑ".lower()


@given(st.lists(_TEXT, min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_words_by_chunk_are_the_words_of_the_whole(texts: list[str]) -> None:
    """`words_of` (split at white space, chunks memoized) gives the one pass's words, on any text, seen or not."""
    for text in texts + texts:
        assert words_of(text) == _split_words(text)


_VOCAB = ["police", "polic", "border", "guard", "guards", "human", "rights", "élection", "2020", "12", "7", "road", "map"]
_PHRASE = st.lists(
    st.sampled_from([*_VOCAB, "pol*", "bord*", "guard*", "#", "élect*", "right*", "human-rights", "Road Map"]),
    min_size=1, max_size=3,
).map(" ".join)


@st.composite
def _lexicons(draw: st.DrawFn) -> FieldsLexicon:
    n_fields = draw(st.integers(1, 4))
    fields = [
        {
            "label": f"F{k}",
            "phrases": draw(st.dictionaries(_PHRASE, st.sampled_from([0.5, 1.0, 1.5, -0.5, 2.25, 0.1]), min_size=1, max_size=6)),
            "issuers": draw(st.dictionaries(st.sampled_from(["Border Office", "Police Unit", "ODIHR"]), st.just(0.7), max_size=1)),
        }
        for k in range(n_fields)
    ]
    ignore = draw(st.lists(_PHRASE, max_size=2))
    return FieldsLexicon.model_validate({"settings": {"threshold": 0.5}, "ignore": ignore, "fields": fields})


_WORD_CHOICES = [*_VOCAB, "Police", "BORDER", "policemen", "borders", "x", "2021", "Élection", ",", ".", " - ", "road-map"]
_WORDS_TEXT = st.lists(st.sampled_from(_WORD_CHOICES), max_size=25).map(" ".join)


def _texts_for(lexicon: FieldsLexicon) -> st.SearchStrategy[str]:
    """Texts of the lexicon's own phrases (wildcards and numbers filled in) among other words."""
    phrases = [p for f in lexicon.fields for p in f.phrases] + list(lexicon.ignore)
    filled = [p.replace("*", "s").replace("#", "42") for p in phrases] + [p.replace("*", "") for p in phrases]
    return st.lists(st.sampled_from(filled + _WORD_CHOICES), max_size=20).map(" ".join)


@given(_lexicons(), st.data(), st.lists(st.sampled_from(["OSCE Border Office", "Police Unit", "x"]), max_size=2))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_lexicons_score_as_the_reference(lexicon: FieldsLexicon, data: st.DataObject, issuer: list[str]) -> None:
    """On any lexicon and text, the fast matcher finds and scores exactly what the per-word loop does."""
    clf = FieldsClassifier(lexicon)
    texts = _texts_for(lexicon) | _WORDS_TEXT
    title, text = data.draw(st.none() | texts), data.draw(texts)
    assert clf._matcher.find(text) == reference_find(clf._matcher, text)
    assert _exact(clf.scores(title, text, issuer)) == _exact(reference_scores(clf, title, text, issuer))
    scored, picked = clf.scores_and_fields(title, text, issuer)
    assert _exact(scored) == _exact(clf.scores(title, text, issuer))
    assert picked == clf.pick(scored)


_SHIPPED = FieldsClassifier.default()
_SHIPPED_WORDS = sorted({w for p in _SHIPPED._matcher.exact.values() for pat in p for w in pat.tokens if w != "#"})
_SHIPPED_TEXT = st.lists(st.one_of(st.sampled_from(_SHIPPED_WORDS), st.sampled_from(["the", "of", "OSCE", "Vienna", ",", "2021"])), max_size=40).map(" ".join)


@given(_SHIPPED_TEXT, _SHIPPED_TEXT)
@settings(max_examples=300, deadline=None)
def test_shipped_lexicon_scores_as_the_reference(title: str, text: str) -> None:
    """On the shipped lexicon, texts dense with its phrases score exactly as with the per-word loop."""
    assert _exact(_SHIPPED.scores(title, text)) == _exact(reference_scores(_SHIPPED, title, text, None))


def test_memo_stays_bounded(monkeypatch) -> None:
    """The per-word memo is emptied when a text would take it past its bound, and results stay right."""
    import newsie.fields_matcher as fields

    monkeypatch.setattr(fields, "_MEMO_MAX", 5)
    clf = FieldsClassifier(FieldsLexicon.model_validate({"fields": [{"label": "A", "phrases": {"border guard*": 1.0}}]}))
    texts = ["one two border guards", "three four border guardsmen", "five border guard six"]
    for text in texts * 2:
        assert [p.tokens for p in clf._matcher.find(text)] == [("border", "guard*")]
        assert len(clf._matcher._memo) <= 5


def test_chunk_memo_stays_bounded(monkeypatch) -> None:
    """The per-chunk memo of `words_of` is emptied when a text would take it past its bound, and words stay right."""
    import newsie.fields_matcher as fields

    monkeypatch.setattr(fields, "_CHUNK_MEMO_MAX", 4)
    monkeypatch.setattr(fields, "_chunk_words", {})
    texts = ["Café de l’Europe", "Ça va, Zoë?", "naïve café – Café"]
    for text in texts * 2:
        assert words_of(text) == _split_words(text)
        assert len(fields._chunk_words) <= 4


def test_ascii_forms_give_the_words_of_the_text() -> None:
    """Every character up to U+FFFF, between words, replaced by its ASCII form gives the words `_split_words` gives."""
    for c in map(chr, range(0x80, 0x10000)):
        for text in (f"ab{c}cd", f"{c}X {c}", f"É{c}é"):
            replaced = _ascii_forms(text)
            if replaced is not None:
                assert replaced.isascii()
                assert _split_words(replaced) == _split_words(text), (hex(ord(c)), text)


def test_ascii_forms_of_a_lede() -> None:
    """A lede with a dash, curly quotes and accents is read through its ASCII form, a Greek word is not."""
    text = "VIENNA, 6 October 2020 – The OSCE’s “Café” naïve Zoë"
    assert _ascii_forms(text) is not None
    assert _ascii_forms("ΑΘΗΝΑ – Σ") is None
    assert words_of(text) == _split_words(text)


def test_forms_memo_stays_bounded(monkeypatch) -> None:
    """The per-character memo of ASCII forms is emptied when it is full, and words stay right."""
    import newsie.fields_matcher as fields

    monkeypatch.setattr(fields, "_FORMS_MAX", 3)
    monkeypatch.setattr(fields, "_forms", {})
    texts = ["Café – naïve", "Zoë’s “façade”", "Ωmega é"]
    for text in texts * 2:
        assert words_of(text) == _split_words(text)
        assert len(fields._forms) <= 3
