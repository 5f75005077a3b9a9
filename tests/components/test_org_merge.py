"""Tests for joining organization variants without comparing every pair."""
import time

from newsie.components.organizations import _merge_variants
from newsie.payloads import OrgData


def _org(name: str, start: int, country: str | None = None) -> OrgData:
    return OrgData(id=None, canonical_name=None, name=name, acronym=None, kind="national_authority", country=country, parent=None, mentions=[(start, start + len(name))])


def test_variants_of_one_body_join_under_the_fuller_name():
    """Two ways of writing one body become one, named by the longer form."""
    orgs = {"a": _org("Tajik Border Troops", 0, "TJK"), "b": _org("Border Troops of the State Committee", 50), "c": _org("Police Academy", 90)}
    left, merged = _merge_variants(orgs, frozenset({"Tajik"}))
    assert merged == {"a": "b"}
    assert [o.name for o in left.values()] == ["Border Troops of the State Committee", "Police Academy"]
    assert left["b"].country == "TJK" and len(left["b"].mentions) == 2


def test_many_distinct_bodies_are_merged_in_near_linear_time():
    """Thousands of unrelated bodies (a long document) are handled in well under a second."""
    orgs = {f"k{i}": _org(f"Agency Number{i} Alpha{i} Beta{i}", i * 40) for i in range(4000)}
    t0 = time.process_time()
    left, merged = _merge_variants(orgs, frozenset())
    assert time.process_time() - t0 < 1.0
    assert not merged and len(left) == 4000
