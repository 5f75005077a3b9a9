"""`newsie_dateline`: the "VIENNA, 6 October 2020 –" opening of a release."""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..dates.grammar import find_dates
from ..extensions import text_of
from ..kb.places import PlaceKB, default_places
from ..kb.states import default_states

_L = r"[^\W\d_]"
_CITY = rf"[A-ZÀ-ÝŠŽČĆĐ]{_L}*(?:[ '’.\-]+{_L}+){{0,3}}\.?"
_CITIES = rf"(?P<city>{_CITY}(?:\s*/\s*{_CITY})*)(?:,\s*(?P<country>[A-Z][\w ]+?))?"
_DATE = r"(?P<date>(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4})|(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}))"
_SEP = r"(?:\s*(?:[-–—:]|\(OSCE\)\s*[-–—]?)\s*|\s+(?=[A-Z]))"
_CITY_FIRST = re.compile(rf"^\s*{_CITIES}\s*,\s*{_DATE}{_SEP}")
_DATE_FIRST = re.compile(rf"^\s*{_DATE}\s*,\s*{_CITIES}{_SEP}")


class DatelineReader:
    """Read the dateline at the start of the text into ``doc._.newsie_dateline``.

    The dict has ``text``, ``city`` (None for a multi-city dateline), ``cities``,
    ``country`` (ISO3 of the city), ``date`` and the character offsets. Its date
    stands in for ``published`` when the caller gave none.
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
        doc._.newsie_dateline = read_dateline(text_of(doc)[offset : offset + 200], self.places, offset)
        return doc


def read_dateline(head: str, places: PlaceKB, offset: int = 0) -> dict[str, Any] | None:
    """Parse a dateline at the start of `head`; None when there is none."""
    m = _CITY_FIRST.match(head) or _DATE_FIRST.match(head)
    if not m:
        return None
    dates = find_dates(m.group("date"))
    if not dates or dates[0].start is None:
        return None
    raw_cities = [c.strip() for c in m.group("city").split("/")]
    if not all(c.isupper() or c.istitle() for c in raw_cities):
        return None
    cities = []
    for raw in raw_cities:
        place = places.lookup(raw.title()) or places.lookup(raw)
        cities.append({"city": raw.title() if raw.isupper() else raw, "country": place.country if place else None, "name": place.name if place else None})
    # "PRISHTINË/PRIŠTINA": one city in two languages, not two cities.
    same = len({(c["name"], c["country"]) for c in cities}) == 1 and cities[0]["name"] is not None
    single = cities[0] if len(cities) == 1 else None
    if same and len(cities) > 1:
        single = {"city": "/".join(c["city"] for c in cities), "country": cities[0]["country"]}
    named = m.groupdict().get("country")
    named_state = default_states().lookup(named.strip()) if named else None
    countries = {c["country"] for c in cities}
    country = named_state.iso3 if named_state else (single["country"] if single else (countries.pop() if len(countries) == 1 else None))
    return {
        "text": m.group(0).strip(),
        "city": single["city"] if single else None,
        "country": country,
        "cities": cities,
        "date": dates[0].start,
        "start_char": offset + m.start(),
        "end_char": offset + m.end(),
    }
