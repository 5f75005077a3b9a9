"""Tests of States from pycountry: ISO codes and name forms, what the gazetteer adds, and places named after States."""
from __future__ import annotations

import json

import pycountry
import pytest

from newsie.exceptions import GazetteerError
from newsie.kb.country_names import abbreviate, name_forms
from newsie.kb.states import StateOverlay, build_entries, default_states
from newsie.resources import gazetteer_file


def codes(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return sorted({s.kb_id_ for s in doc.spans["newsie_states"]})


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Delegations of Korea, Republic of and Japan met.", "KOR"),
        ("An agreement with the Rep. of Korea was signed.", "KOR"),
        ("Moldova, Republic of: 14 participants", "MDA"),
        ("Participants: Iran (Islamic Republic of), 3", "IRN"),
        ("Congo, Dem. Rep. reported no cases.", "COD"),
        ("Police officers from England took part.", "GBR"),
        ("The Tanzania, United Republic of delegation attended.", "TZA"),
        ("Experts from the British Virgin Islands joined.", "VGB"),
    ],
)
def test_pycountry_name_forms_resolve(states_nlp, text, iso3) -> None:
    """Names as pycountry and statistical tables write them resolve to the State."""
    assert iso3 in codes(states_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The conference took place in Mexico City.",
        "A delegation from New Mexico visited Vienna.",
        "The Governor of Georgia (US state) spoke about elections.",
        "Students from Kuwait City attended.",
        "Fishermen from New England met.",
    ],
)
def test_places_named_after_a_state_add_nothing(states_nlp, text) -> None:
    """A city or region named after a State ("Mexico City", "New Mexico", "Georgia (US state)") does not add it."""
    assert not {"MEX", "GEO", "KWT", "GBR"} & set(codes(states_nlp, text))


def test_names_that_hold_new_or_city_still_count(states_nlp) -> None:
    """A State whose own name holds 'New' or 'City' is found whole, and the State beside a named place stays."""
    assert codes(states_nlp, "New Zealand and Vatican City signed.") == ["NZL", "VAT"]
    assert codes(states_nlp, "Georgia (the country) hosted talks in Mexico.") == ["GEO", "MEX"]


def test_iso_codes_come_from_pycountry() -> None:
    """Every ISO 3166-1 country is in the KB with pycountry's alpha-2 and numeric codes."""
    kb = default_states()
    for country in pycountry.countries:
        entry = kb.by_iso3[country.alpha_3]
        assert entry.iso2 == country.alpha_2 and entry.numeric == country.numeric
    assert kb.by_iso3["KOR"].name == "Republic of Korea" and kb.by_iso3["MDA"].name == "Moldova"


def test_codes_pycountry_lacks_and_historical_states() -> None:
    """Kosovo (XKX) and the historical States SCG, YUG, SUN and CSK come from the gazetteer, with ISO 3166-3 codes."""
    kb = default_states()
    assert kb.by_iso3["XKX"].iso2 == "XK" and not kb.by_iso3["XKX"].historical
    for code, name in (("SCG", "Serbia and Montenegro"), ("YUG", "Yugoslavia"), ("SUN", "Soviet Union"), ("CSK", "Czechoslovakia")):
        entry = kb.by_iso3[code]
        assert entry.historical and entry.name == name
        assert entry.iso2 == pycountry.historic_countries.get(alpha_3=code).alpha_2


def test_the_gazetteer_keeps_only_what_pycountry_lacks() -> None:
    """The packaged states.jsonl repeats no ISO code, display name or name form that pycountry gives."""
    lines = [json.loads(line) for line in gazetteer_file("states.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    for entry in lines:
        country = pycountry.countries.get(alpha_3=entry["iso3"])
        if country is None:
            continue
        assert "iso2" not in entry and "numeric" not in entry, entry["iso3"]
        forms = set(name_forms(country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)))
        assert entry.get("name") != (getattr(country, "common_name", None) or country.name), entry["iso3"]
        assert not forms & set(entry.get("aliases", [])), entry["iso3"]


def test_name_forms() -> None:
    """pycountry's inverted names give the text, UN and World Bank forms."""
    forms = name_forms("Korea, Republic of")
    for form in ("Korea, Republic of", "Republic of Korea", "Rep. of Korea", "Korea (Republic of)", "Korea, Rep."):
        assert form in forms
    assert "British Virgin Islands" in name_forms("Virgin Islands, British")
    assert name_forms("Holy See (Vatican City State)") == ["Holy See (Vatican City State)", "Holy See"]
    assert name_forms("Taiwan, Province of China") == ["Taiwan, Province of China"]
    assert abbreviate("Democratic Republic of the Congo") == "Dem. Rep. of the Congo"


def test_an_overlay_outside_iso_needs_a_name() -> None:
    """A gazetteer code outside ISO 3166-1 without a name is an error naming the code."""
    with pytest.raises(GazetteerError, match="QQQ"):
        build_entries([StateOverlay(iso3="QQQ", status="territory")])
