"""`newsie_dateline`: the "VIENNA, 6 October 2020 –" opening of a release, and the release date."""

import re
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from ..dates.grammar import find_dates
from ..extensions import text_of
from ..kb.places import PlaceKB, default_cities, place_kb
from ..kb.states import default_states
from ..payloads import DatelineCity, DatelineData, meta_of, resolve_release_date
from .base import Data, GazetteerPipe

_L = r"[^\W\d_]"
_CITY = rf"[A-ZÀ-ÝŠŽČĆĐ]{_L}*(?:[ '’.\-]+{_L}+){{0,3}}\.?"
_CITIES = rf"(?P<city>{_CITY}(?:\s*/\s*{_CITY})*)(?:,\s*(?P<country>[A-Z][\w ]+?))?"
_DATE = r"(?P<date>(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4})|(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}))"
_SEP = r"(?:\s*(?:[-–—:]|\(OSCE\)\s*[-–—]?)\s*|\s+(?=[A-Z]))"
_CITY_FIRST = re.compile(rf"^\s*{_CITIES}\s*,\s*{_DATE}{_SEP}")
_DATE_FIRST = re.compile(rf"^\s*{_DATE}\s*,\s*{_CITIES}{_SEP}")


class DatelineReader(GazetteerPipe):
    """Read the dateline at the start of the body into ``doc._.newsie_dateline`` and
    resolve the release date once for every later stage.

    `DatelineData` has ``text``, ``city`` (None for a multi-city dateline), ``cities``,
    ``country`` (ISO3 of the city), ``date`` and the character offsets.
    ``doc._.newsie_release_date`` is ``published`` when the caller gave it, else the
    dateline's date.

    Data parts: ``cities`` (newsie's curated cities; GeoNames, a dependency, adds the
    rest) and ``countries`` (country names and demonyms to ISO3, for "TIRANA, Albania").
    """

    PARTS: ClassVar[dict[str, str]] = {"cities": "jsonl", "countries": "json"}

    def __init__(self, nlp: Language, name: str = "newsie_dateline") -> None:
        super().__init__(nlp, name)
        self._places: PlaceKB | None = None

    def default_data(self) -> Data:
        states = default_states()
        return {"cities": default_cities(), "countries": {**states.by_demonym, **states.by_name}}

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        cities: list[dict[str, Any]] | None = None,
        countries: dict[str, str] | None = None,
    ) -> None:
        """Build from the given parts; the packaged gazetteers fill the rest."""
        self._initialize_parts({"cities": cities, "countries": countries})

    def _build(self) -> None:
        self._places = None

    @property
    def places(self) -> PlaceKB:
        """The city index (built on first use: GeoNames is large)."""
        if self._places is None:
            self._places = place_kb(self.data["cities"])
        return self._places

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_ready()
        meta = meta_of(doc)
        offset = meta.body_start
        dateline = read_dateline(text_of(doc)[offset : offset + 200], self.places, self.data["countries"], offset)
        doc._.newsie_dateline = dateline
        doc._.newsie_release_date = resolve_release_date(meta, dateline)
        return doc


def read_dateline(head: str, places: PlaceKB, countries: dict[str, str], offset: int = 0) -> DatelineData | None:
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
        cities.append(DatelineCity(city=raw.title() if raw.isupper() else raw, country=place.country if place else None, name=place.name if place else None))
    # "PRISHTINË/PRIŠTINA": one city in two languages, not two cities.
    same = len({(c.name, c.country) for c in cities}) == 1 and cities[0].name is not None
    single = cities[0] if len(cities) == 1 else None
    if same and len(cities) > 1:
        single = DatelineCity(city="/".join(c.city for c in cities), country=cities[0].country)
    named = m.groupdict().get("country")
    named_code = countries.get(named.strip()) if named else None
    codes = {c.country for c in cities}
    country = named_code or (single.country if single else (codes.pop() if len(codes) == 1 else None))
    return DatelineData(
        text=m.group(0).strip(),
        city=single.city if single else None,
        country=country,
        cities=cities,
        date=dates[0].start,
        start_char=offset + m.start(),
        end_char=offset + m.end(),
    )
