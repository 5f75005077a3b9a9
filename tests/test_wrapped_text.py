"""A release wrapped at a fixed width (a plain-text archive) reads as the same release on long lines."""
from __future__ import annotations

import textwrap

import newsie
from newsie.making import unwrapped

TITLE = "OSCE Mission to Skopje trains police officers on community policing"
PARAGRAPHS = [
    "SKOPJE, 14 March 2024 - Twenty police officers from across North Macedonia completed a three-day course on "
    "community policing organized by the OSCE Mission to Skopje and the Ministry of Interior in Ohrid.",
    "The course was opened by the Head of the OSCE Mission to Skopje, Ambassador Kilian Wahl, and the Deputy "
    "Minister of Interior of North Macedonia, Ivan Petrovski, who thanked the Government of Norway for its support.",
    "For more information, contact the Mission's press office.",
]


def _one_line(value: str | None) -> str | None:
    return None if value is None else " ".join(value.split())


def _summary(rel: newsie.Release) -> tuple:
    """What the record says, names read on one line (a name keeps its text as written)."""
    event = rel.events[0]
    return (
        sorted(s.iso3 for s in rel.states),
        sorted(_one_line(o.name) for o in rel.organizations),
        sorted((_one_line(o.name), _one_line(o.title)) for o in rel.officials),
        (event.type, event.start, event.location.city, event.participants),
    )


def test_a_release_wrapped_at_72_columns_gives_the_same_record() -> None:
    flat = newsie.extract("\n\n".join(PARAGRAPHS), title=TITLE, published="2024-03-14")
    text = "\n\n".join("\n".join(textwrap.wrap(p, 72)) for p in PARAGRAPHS)
    wrapped = newsie.extract(text, title=TITLE, published="2024-03-14")
    assert _summary(wrapped) == _summary(flat)
    assert any(_one_line(o.name) == "Ivan Petrovski" for o in wrapped.officials)
    for item in (*wrapped.states, *wrapped.organizations, *wrapped.officials):
        for m in item.mentions:  # mentions stay exact: the text as written, line breaks included
            assert (wrapped.title if m.field == "title" else wrapped.text)[m.start_char : m.end_char] == m.text


def test_only_wrapped_lines_are_joined() -> None:
    """A single long line without a full stop (a lede cut short), headings and paragraph
    breaks keep their line breaks; the text keeps its length."""
    cut_short = "The OSCE Mission to Skopje opened a training course for police officers on\nThe course ends on Friday."
    assert unwrapped(cut_short) == cut_short
    headed = "Background\nThe Mission was established in 1992 to prevent the spread of conflict in the region.\n\nContact\nPress office"
    assert unwrapped(headed) == headed
    wrapped = "\n".join(textwrap.wrap(PARAGRAPHS[1], 60))
    assert "\n" not in unwrapped(wrapped) and len(unwrapped(wrapped)) == len(wrapped)


def test_a_contact_block_keeps_its_lines() -> None:
    """Contact lines long enough to look wrapped ("NAME, Spokesperson of the ... Chairpersonship" over the ministry over
    "Tel.:") stay lines: the contact's title ends with its line, and no body's name runs into the phone line."""
    contact = (
        "For further information contact:\n"
        "Elena Stojkovska, Spokesperson of the 2023 OSCE Chairpersonship\n"
        "Ministry of Foreign Affairs of North Macedonia\n"
        "Tel.: +389 2 311 5266\n"
        "elena.stojkovska@mfa.gov.mk"
    )
    text = "SKOPJE, 1 December 2023 – The Ministerial Council met today.\n\n" + contact
    assert unwrapped(text) == text
    wrapped = "\n".join(textwrap.wrap(PARAGRAPHS[1], 60)) + "\n\n" + contact
    assert unwrapped(wrapped).endswith(contact)
    record = newsie.extract(text, published="2023-12-01")
    assert all("\n" not in o.name for o in record.organizations)
    assert [(p.name, p.title) for p in record.officials] == [("Elena Stojkovska", "Spokesperson of the 2023 OSCE Chairpersonship")]
