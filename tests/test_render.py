"""Tests of `newsie.render`: a type label per entity, identifiers linked, every event trigger marked."""
from __future__ import annotations

import re

import pytest

import newsie
from newsie.records import Event, Mention, Organization, Release, State

TEXT = "The OSCE Mission to Serbia trained 20 judges in Belgrade. It also donated computers to the courts."


def _release() -> Release:
    return Release(
        id="r",
        text=TEXT,
        states=[State(iso3="SRB", iso2="RS", name="Serbia", status="participating_state", mentions=[Mention(text="Serbia", start_char=20, end_char=26)])],
        organizations=[
            Organization(name="OSCE Mission to Serbia", kind="field_operation", id="osce-mission-serbia", mentions=[Mention(text="OSCE Mission to Serbia", start_char=4, end_char=26)]),
            Organization(name="the courts", kind="national_authority", mentions=[Mention(text="courts", start_char=92, end_char=98)]),
        ],
        events=[
            Event(id="e1", type="training", trigger="trained", evidence="trained 20 judges"),
            Event(id="e2", type="donation", trigger="donated", evidence="donated computers"),
        ],
    )


def _labels(markup: str) -> list[str]:
    return [s.strip() for s in re.findall(r"<span style=\"font-size: 0.8em[^>]*>([^<]*)", markup)]


def test_every_event_trigger_is_marked_with_its_type() -> None:
    """Each event's trigger is highlighted, labelled with the event's type."""
    markup = newsie.render(_release(), jupyter=False)
    assert markup is not None
    labels = _labels(markup)
    assert "EVENT:TRAINING" in labels and "EVENT:DONATION" in labels


def test_entities_carry_their_type_and_linked_identifiers() -> None:
    """Organizations show their kind, and States and known organizations link their ids through kb_url_template."""
    markup = newsie.render(_release(), jupyter=False, kb_url_template={"STATE": "https://iso.example/{}", "ORG": "https://kb.example/org/{}"})
    assert markup is not None
    assert "ORG:FIELD_OPERATION" in _labels(markup) and "ORG:NATIONAL_AUTHORITY" in _labels(markup)
    links = dict(re.findall(r'href="([^"]*)">([^<]*)</a>', markup))
    assert links.get("https://kb.example/org/osce-mission-serbia") == "osce-mission-serbia"
    # The State mention lies inside the organization's name: the longer span is shown.
    plain = newsie.render(_release(), jupyter=False, kb_url_template="https://any.example/{}")
    assert plain is not None and 'href="https://any.example/osce-mission-serbia"' in plain


def test_state_link_on_a_real_release(nlp) -> None:
    """A State found by the pipeline links to its ISO3 code."""
    rel = newsie.extract("Kazakh police officers were trained in Almaty.", nlp=nlp)
    markup = newsie.render(rel, jupyter=False, kb_url_template={"STATE": "https://iso.example/{}"})
    assert markup is not None and 'href="https://iso.example/KAZ">KAZ</a>' in markup


def test_render_of_a_dict_says_what_to_pass() -> None:
    """render() of a dict is a TypeError that says to validate a record or pass an item's text."""
    with pytest.raises(TypeError, match=r"Release \(from newsie\.extract\) or the text of a release, not dict: .*Release\.model_validate"):
        newsie.render({"text": "Officials from Serbia met.", "title": "Serbian officials meet"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not int$"):
        newsie.render(7)  # type: ignore[arg-type]
