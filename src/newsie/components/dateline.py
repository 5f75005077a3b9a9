"""`newsie_dateline`: the "VIENNA, 6 October 2020 –" opening of a release."""
from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..dates.datelines import match_dateline
from ..dates.grammar import find_dates
from ..extensions import text_of
from ..kb.places import PlaceKB, default_places
from ..kb.states import default_states


class DatelineReader:
    """Read the dateline at the start of the text into ``doc._.newsie_dateline``.

    The dict has ``text``, ``city`` (None for a multi-city dateline), ``cities``,
    ``country`` (ISO3 of the city), ``date`` and the character offsets. Its date
    stands in for ``published`` when the caller gave none; a date without a year takes
    it from ``published``. The dateline is looked for at the start of the body, else at
    the start of one of its next two lines (after a subtitle or a preamble line).
    """

    def __init__(self, nlp: Language, name: str = "newsie_dateline", *, places: PlaceKB | None = None) -> None:
        self.name = name
        self._places = places

    @property
    def places(self) -> PlaceKB:
        if self._places is None:
            self._places = default_places()
        return self._places

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.newsie_meta or {}
        offset = meta.get("body_start", 0)
        head = text_of(doc)[offset : offset + 600]
        found = None
        pos = 0
        for _ in range(3):
            found = read_dateline(head[pos : pos + 200], self.places, offset + pos, meta.get("published"))
            nxt = head.find("\n", pos)
            if found is not None or nxt < 0:
                break
            pos = nxt + 1
        doc._.newsie_dateline = found
        return doc


def read_dateline(head: str, places: PlaceKB, offset: int = 0, anchor: dt.date | None = None) -> dict[str, Any] | None:
    """Parse a dateline at the start of `head`; None when there is none.

    `anchor` (the publication date) gives the year of a dateline date written without one.
    """
    m = match_dateline(head)
    if m is None:
        return None
    date = None
    if m.date is not None:
        dates = find_dates(m.date, anchor)
        if not dates:
            return None
        date = dates[0].start
    found = [places.lookup(raw.title()) or places.lookup(raw) for raw in m.cities]
    if m.date is None and not all(p and (p.curated or m.agency or raw.isupper()) for p, raw in zip(found, m.cities)):
        return None  # "VIENNA –" is a dateline; "OSCE –" is not
    cities: list[dict[str, Any]] = [
        {"city": raw.title() if raw.isupper() else raw, "country": p.country if p else None, "name": p.name if p else None}
        for p, raw in zip(found, m.cities)
    ]
    # "PRISHTINË/PRIŠTINA": one city in two languages, not two cities.
    same = len({(c["name"], c["country"]) for c in cities}) == 1 and cities[0]["name"] is not None
    single = cities[0] if len(cities) == 1 else None
    if same and len(cities) > 1:
        single = {"city": "/".join(c["city"] for c in cities), "country": cities[0]["country"]}
    named_state = default_states().lookup(m.country) if m.country else None
    countries = {c["country"] for c in cities}
    country = named_state.iso3 if named_state else (single["country"] if single else (countries.pop() if len(countries) == 1 else None))
    return {
        "text": m.text,
        "city": single["city"] if single else None,
        "country": country,
        "cities": cities,
        "date": date,
        "start_char": offset + m.start,
        "end_char": offset + m.end,
    }
