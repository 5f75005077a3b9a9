"""Tests for joining organization variants without comparing every pair."""
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from newsie.components.organizations import _core, _merge_variants
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


NAMES = [
    "Ministry of Security", "Ministry of Security of Bosnia and Herzegovina", "Tajik Border Troops", "Border Troops",
    "Border Troops of the State Committee", "British House of Lords", "House of Lords", "State Police Academy", "Police Academy",
]
NAME_WORDS = ["Tajik", "Border", "Troops", "of", "the", "State", "Committee", "Ministry", "Security", "Bosnia", "and", "Herzegovina", "Police", "Academy", "British", "House", "Lords"]


@given(
    st.lists(
        st.tuples(
            st.one_of(st.sampled_from(NAMES), st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=6).map(" ".join)),
            st.sampled_from([None, "TJK", "BIH"]),
            st.sampled_from([None, "BT", "MS"]),
            st.sampled_from([None, "osce_x"]),
        ),
        min_size=2,
        max_size=6,
    )
)
@settings(max_examples=300, deadline=None)
def test_pairwise_and_indexed_merges_agree(items) -> None:
    """Comparing every pair of a few bodies joins exactly what the indexed search joins."""
    import newsie.components.organizations as orgs_module

    def build() -> dict[str, OrgData]:
        out = {}
        for i, (name, country, acronym, org_id) in enumerate(items):
            org = _org(name, i * 100, country)
            org.acronym, org.id = acronym, org_id
            out[f"k{i}"] = org
        return out

    states = frozenset({"Tajik", "British", "Bosnia and Herzegovina"})
    few, few_merged = _merge_variants(build(), states)
    saved = orgs_module.PAIRWISE_MAX
    orgs_module.PAIRWISE_MAX = 0
    try:
        many, many_merged = _merge_variants(build(), states)
    finally:
        orgs_module.PAIRWISE_MAX = saved
    assert few_merged == many_merged
    assert list(few) == list(many) and list(few.values()) == list(many.values())


def test_a_head_of_a_portfolio_joins_the_portfolio_before_the_head():
    """'Ministry of Interior' and 'Austrian Interior Ministry' join when 'Ministry' is an inverted head; not without it."""
    orgs = {"a": _org("Austrian Interior Ministry", 0, "AUT"), "b": _org("Ministry of Interior", 60)}
    left, merged = _merge_variants(orgs, frozenset({"Austrian"}), frozenset({"Ministry"}), frozenset({"Affairs"}))
    assert merged == {"b": "a"} and list(left) == ["a"]
    orgs = {"a": _org("Austrian Interior Ministry", 0, "AUT"), "b": _org("Ministry of Interior", 60)}
    assert not _merge_variants(orgs, frozenset({"Austrian"}))[1]


class _CountedWords(frozenset[str]):
    """A set of State words that counts the times it is compared by value."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _CountedWords.compared += 1
        return frozenset.__eq__(self, other)

    __hash__ = frozenset.__hash__


def test_a_bodys_kind_is_read_per_set_of_state_words_without_comparing_the_sets():
    """Two pipelines' equal sets of State words each get the body's kind from their own memo,
    never by comparing the sets word by word (the cost of every look-up of a second
    pipeline in the same process), and a set of other words gets its own answer."""
    first, second = _CountedWords({"Tajik", "Austrian"}), _CountedWords({"Tajik", "Austrian"})
    name = "Tajik Ministry of Internal Affairs"
    assert _core(name, first) == ("ministry",)
    _CountedWords.compared = 0
    for _ in range(3):
        assert _core(name, second) == ("ministry",)
    assert _CountedWords.compared == 0
    assert _core(name, frozenset({"Austrian"})) == ("tajik", "ministry")


def test_a_set_of_state_words_never_reads_the_kinds_found_for_another():
    """Sets made and dropped one after another (a new one may take a dropped one's place in
    memory) each get the kinds their own words give."""
    name = "Tajik Ministry of Internal Affairs"
    for i in range(200):
        words = frozenset({"Tajik", f"w{i}"}) if i % 2 else frozenset({"Kyrgyz", f"w{i}"})
        assert _core(name, words) == (("ministry",) if i % 2 else ("tajik", "ministry"))
