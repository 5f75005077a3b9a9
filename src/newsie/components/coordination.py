"""Coordinated names: "the OSCE Offices in Yerevan and Baku" names two bodies.

A plural head with a list of places ("Offices in Yerevan and Baku", "Embassies of France
and Italy") expands into one singular name per place; the organizations component keeps
the expansions it can resolve in its gazetteer.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

_PLURALS: Final = {
    "Offices": "Office", "Missions": "Mission", "Centres": "Centre", "Centers": "Center",
    "Programme Offices": "Programme Office", "Field Offices": "Field Office", "Embassies": "Embassy",
    "Ministries": "Ministry", "Presences": "Presence", "Governments": "Government",
}
# The heads that contain no other ("Offices", not "Field Offices"): a text holds a head if it holds one of these.
_SHORTEST_HEADS: Final = tuple(h for h in _PLURALS if not any(o != h and o in h for o in _PLURALS))
_PLACE: Final = r"(?:the )?[A-ZÀ-ÝŠŽČĆĐ][\w’'\-]+(?: [A-ZÀ-ÝŠŽČĆĐ][\w’'\-]+)?"
_RX: Final = re.compile(
    rf"\b(?P<prefix>OSCE |CSCE )?(?P<head>{'|'.join(sorted(map(re.escape, _PLURALS), key=len, reverse=True))}) "
    rf"(?P<prep>in|to|of) (?P<places>{_PLACE}(?:(?:,? and |, ){_PLACE})+)"
)


@dataclass(frozen=True)
class Expansion:
    """One body named by a coordinated phrase, with the phrase's character span."""

    name: str
    head: str
    place: str
    start: int
    end: int


def expand_coordinated(text: str, whole: Iterable[str] = ()) -> list[Expansion]:
    """"OSCE Offices in Yerevan and Baku" -> "OSCE Office in Yerevan", "OSCE Office in Baku".

    Names in `whole` that contain "and" ("Bosnia and Herzegovina") stay one place.
    """
    for head in _SHORTEST_HEADS:
        if head in text:
            break
    else:
        return []  # no plural head, no match: skip the regex scan
    keep: dict[str, str] | None = None  # built at the first match: most texts have none
    out = []
    for m in _RX.finditer(text):
        listed = m.group("places")
        if keep is None:
            keep = {w: f"\x00{k}\x00" for k, w in enumerate(sorted(whole, key=len, reverse=True))}
        for w, token in keep.items():
            listed = listed.replace(w, token)
        places = [_restore(p, keep) for p in re.split(r",? and |, ", listed)]
        if len(places) < 2:  # "Missions to Serbia and Montenegro": plural, so two after all
            places = re.split(r",? and |, ", m.group("places"))
        single = _PLURALS[m.group("head")]
        for place in places:
            place = place.strip()
            out.append(Expansion(f"{m.group('prefix') or ''}{single} {m.group('prep')} {place}", single, place, m.start(), m.end()))
    return out


def _restore(place: str, keep: dict[str, str]) -> str:
    for w, token in keep.items():
        place = place.replace(token, w)
    return place
