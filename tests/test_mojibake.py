"""Text decoded with the wrong codec is repaired at the door, and only such text."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import newsie
from newsie.mojibake import may_be_mojibake, repair

LEDE = (
    "PRISTINA, 4 June 2021 – A training course for 20 judges from Prishtinë/Priština and Niš "
    "began today, organized by the OSCE Mission in Kosovo. “Courts matter,” said Ambassador "
    "Michael Davenport, the Head of the OSCE’s Mission."
)
TITLE = "OSCE trains judges in Prishtinë/Priština – a “first”"


def _as_windows(data: bytes) -> str:
    """Bytes read as Windows tools read them: cp1252, its five undefined bytes as Latin-1."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


WRONG = {
    "cp1252 read as Latin-1": lambda s: s.encode("cp1252").decode("latin-1"),
    "UTF-8 read as cp1252": lambda s: _as_windows(s.encode("utf-8")),
    "UTF-8 read as Latin-1": lambda s: s.encode("utf-8").decode("latin-1"),
}


def test_a_release_decoded_with_the_wrong_codec_reads_as_written(nlp) -> None:
    """Each wrong decoding of the text and title gives the record of the release as written
    (dateline, date, people, title), with a warning that says what was repaired."""
    expected = newsie.extract(LEDE, title=TITLE, nlp=nlp)
    assert expected.dateline is not None and expected.dateline.city == "Pristina" and not expected.warnings
    for how, wrong in WRONG.items():
        rel = newsie.extract(wrong(LEDE), title=wrong(TITLE), nlp=nlp)
        assert (rel.text, rel.title) == (LEDE, TITLE), how
        assert rel.model_dump(exclude={"warnings"}) == expected.model_dump(exclude={"warnings"}), how
        assert any("text and title decoded with the wrong codec" in w for w in rel.warnings), how
    (rel,) = newsie.extract_many([{"text": WRONG["UTF-8 read as cp1252"](LEDE), "published": "2021-06-04"}], nlp=nlp)
    assert rel.text == LEDE and rel.events[0].start == dt.date(2021, 6, 4)


def test_text_as_written_is_left_alone(nlp) -> None:
    """Accented names, dashes and quotes as written, text that only looks broken, and NEL
    alone as a line end are never changed."""
    for text in (LEDE, "Prishtinë–Priština", "Ã la carte", "café – “bistro”", "line one\x85line two"):
        assert repair(text) == text
    assert not may_be_mojibake(LEDE) and not may_be_mojibake(TITLE)
    assert newsie.extract(LEDE, nlp=nlp).text == LEDE
    assert "\n" in newsie.extract("VIENNA – The OSCE met today.\x85The second line follows.", nlp=nlp).text


_WORDS = [
    "Prishtinë", "Priština", "Niš", "Čačak", "Gjakovë", "Şəki", "İstanbul", "Łódź", "Müller", "café", "naïve", "Žepa",
    "Đakovica", "Škofja", "Loka", "Kyiv", "Tbilisi", "Ağrı", "Brčko", "Ohrid", "Genève", "Tiraspol", "Bălți", "Ösztön",
    "the", "OSCE", "Mission", "–", "—", "“quoted”", "‘single’", "…", "€5", "20", "Ñuñoa", "Ålesund", "Øresund", "ŠÖ", "ÖŠ-1",
]
_WRITTEN = st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_WRITTEN)
def test_text_as_written_is_never_changed(text: str) -> None:
    """Text written in the names and punctuation of releases is never changed, and passes
    the gate only with two chance pairs (such as "ÖŠ", which UTF-8 read byte by byte can
    make) in it."""
    assert repair(text) == text
    assert not may_be_mojibake(text) or text.count("ÖŠ") >= 2


def test_a_lone_surrogate_beside_mojibake_is_no_crash(nlp) -> None:
    """A broken text that also holds a lone surrogate gives a record (the surrogate replaced)."""
    rel = newsie.extract(WRONG["UTF-8 read as Latin-1"](LEDE) + " \ud800", nlp=nlp)
    assert rel.error is None and "\ud800" not in rel.text
