"""Hostile text at the front door: surrogates, long runs, the title/body join, extreme dates."""
from __future__ import annotations

import time

import pytest

import newsie
from newsie.records import Release
from newsie.sanitize import MAX_RUN, break_long_runs, clean_text


def _exact(rel: Release) -> None:
    for m in [*(m for s in rel.states for m in s.mentions), *(m for o in rel.organizations for m in o.mentions),
              *(m for p in rel.officials for m in p.mentions), *rel.dates]:
        field = rel.title if m.field == "title" else rel.text
        assert field is not None and field[m.start_char : m.end_char] == m.text


def test_lone_surrogate_is_replaced_with_a_warning(nlp) -> None:
    """A lone surrogate in text or title becomes U+FFFD, the record says so and serializes."""
    rel = newsie.extract("The OSCE met in Vienna \ud83d on 3 May 2024.", title="Bad \udc00 title", nlp=nlp)
    assert "\ufffd" in rel.text and rel.title == "Bad \ufffd title"
    assert any(w.startswith("text: 1 lone surrogate") for w in rel.warnings)
    assert any(w.startswith("title: 1 lone surrogate") for w in rel.warnings)
    assert Release.model_validate_json(rel.model_dump_json()) == rel
    _exact(rel)


def test_clean_text_keeps_length_and_valid_pairs() -> None:
    """Cleaning replaces one code point for one and leaves real emoji alone."""
    text, n = clean_text("a\ud83db 😀 \udfff")
    assert n == 2 and len(text) == len("a\ud83db 😀 \udfff") and "😀" in text


def test_long_runs_are_split_at_the_same_length() -> None:
    """A long run without spaces gets a space every MAX_RUN characters, never a length change."""
    for n in (MAX_RUN, MAX_RUN + 1, 2 * MAX_RUN + 2, 5000):
        text, cuts, runs = break_long_runs("x" + "=" * n)
        assert len(text) == n + 1 and runs == (1 if n + 1 > MAX_RUN else 0)
        assert max(len(part) for part in text.split()) <= MAX_RUN and all(text[c] == " " for c in cuts)


def test_punctuation_run_is_processed_whole_with_a_warning(nlp) -> None:
    """Sixteen thousand '=' (quadratic in spaCy's tokenizer) take well under a second's work."""
    rel = newsie.extract("The OSCE opened a course. " + "=" * 16_000 + " It ended in Vienna.", nlp=nlp)
    assert rel.text.count("=") == 16_000 and "=" * 16_000 in rel.text
    assert any("split for the tokenizer" in w for w in rel.warnings)
    _exact(rel)


@pytest.mark.parametrize("title", ["Statement on 9 May", "Statement on 9 May:", "Statement on 9 May."])
def test_no_match_spans_the_title_body_join(nlp, title) -> None:
    """A date at the end of the title never takes the body's first word as its year."""
    rel = newsie.extract("2024 marks the anniversary of the end of the war in Europe.", title=title, nlp=nlp)
    _exact(rel)
    assert all("\n" not in d.text for d in rel.dates)
    assert [d.text for d in rel.dates if d.field == "title"] == ["9 May"]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_relative_dates_at_the_ends_of_the_calendar(nlp, published) -> None:
    """Relative dates anchored at year 1 or 9999 are left out instead of overflowing."""
    text = "The meeting took place yesterday. Next week the mission opens. On 3 March the office met; last year it also did."
    rel = newsie.extract(text, published=published, nlp=nlp)
    assert rel.error is None
    _exact(rel)


def _page(body: list[str]) -> str:
    menu = [f"- {name}" for name in ("Albania", "Andorra", "Armenia", "Austria", "Azerbaijan", "Belarus", "Belgium",
                                     "Bosnia and Herzegovina", "Bulgaria", "Canada", "Croatia", "Cyprus", "Czechia")]
    return "\n".join(["OSCE", *menu, "Police training in Kyiv", *body, "Issued by:", "- OSCE Project Co-ordinator in Ukraine"])


def test_page_reduction_that_drops_the_prose_warns(nlp) -> None:
    """A scraped page whose paragraphs lack final periods keeps a warning that prose was left out."""
    body = ["The OSCE Project Co-ordinator in Ukraine trained thirty police officers in Kyiv on community policing",
            "Participants practised de-escalation and discussed how to build trust with residents of their districts"]
    rel = newsie.extract(_page([body[0] + ".", *body]), nlp=nlp, page=True)
    assert "residents" not in rel.text and any("prose-like lines" in w for w in rel.warnings)
    whole = newsie.extract(_page([b + "." for b in body]), nlp=nlp, page=True)
    assert not any("prose-like lines" in w for w in whole.warnings) and "thirty police officers" in whole.text


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["OSCE Mission to ", "Head of the OSCE Mission to Skopje ", "the Secretary General and ", "=", "The Foreign Minister of Serbia, Ivan Petrovic, met officials. ",
    "in Russian and Georgian ", "in Vienna, OSCE Mission to Serbia and ",
    "The statement called for the release of the journalists and for respect of media freedom.\n\n"])
def test_pathological_inputs_scale_linearly(nlp, unit) -> None:
    """Four times the text takes well under eight times as long (quadratic code takes sixteen)."""
    def best(size: int) -> float:
        text = unit * (size // len(unit))
        times = []
        for _ in range(2):
            start = time.perf_counter()
            newsie.extract(text, nlp=nlp, published="2024-01-01")
            times.append(time.perf_counter() - start)
        return min(times)

    small, large = best(50_000), best(200_000)
    assert large < 8 * small + 0.5, (small, large)


def test_error_records_always_serialize() -> None:
    """An error record built from an item and an exception full of surrogates still writes as JSON."""
    from newsie.batch import error_release

    rel = error_release(3, ValueError("bad \udc80 value"), {"id": "x\ud800", "title": "t\udfff", "url": "u"})
    assert Release.model_validate_json(rel.model_dump_json()) == rel
    assert rel.id == "x\ufffd" and rel.error is not None and "\ufffd" in rel.error.message
