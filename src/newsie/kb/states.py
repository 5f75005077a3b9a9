"""The States knowledge base: ISO 3166 from pycountry, plus what pycountry lacks.

pycountry supplies every code (alpha-2, alpha-3, numeric) and name (with the forms of
`country_names`); the packaged ``states.jsonl`` adds only what it lacks: OSCE status,
aliases, demonyms, ambiguous names, a display name where pycountry's is not the one
to show, and whole entries for codes outside ISO 3166-1 (XKX Kosovo; historical States
such as SCG, YUG, SUN, CSK, whose codes come from ISO 3166-3).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..customtypes import StateStatus
from ..exceptions import GazetteerError
from ..resources import gazetteer_file
from .country_names import name_forms
from .defaults import empty_list
from .io import read_packaged

STATES_FILE = "states.jsonl"
# The merge below, precomputed (tools/build_states_table.py): pycountry is neither imported
# nor read at load time while its ISO 3166 data and states.jsonl are those it was built from.
STATES_TABLE_FILE = "states_table.json"


class StateEntry(BaseModel):
    """One country, territory or historical State."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    iso2: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    numeric: str | None = Field(None, pattern=r"^[0-9]{3}$", description="ISO 3166 numeric code")
    name: str
    status: StateStatus
    historical: bool = False
    aliases: list[str] = Field(default_factory=empty_list)
    demonyms: list[str] = Field(default_factory=empty_list)
    ambiguous: list[str] = Field(
        default_factory=empty_list,
        description="Names that are also common words or person names: checked in context",
    )

    def names(self) -> list[str]:
        """The canonical name and its aliases (not demonyms)."""
        return [self.name, *self.aliases]


class StateOverlay(BaseModel):
    """What newsie adds to pycountry for one code (a whole entry for codes pycountry lacks)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    iso2: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    name: str | None = Field(None, description="Display name, when not pycountry's common name")
    status: StateStatus = "other"
    historical: bool = False
    aliases: list[str] = Field(default_factory=empty_list)
    demonyms: list[str] = Field(default_factory=empty_list)
    ambiguous: list[str] = Field(default_factory=empty_list)


def _from_iso(country: Any, overlay: StateOverlay | None, historical: bool) -> StateEntry:
    common = getattr(country, "common_name", None)
    forms = name_forms(country.name, getattr(country, "official_name", None), common)
    extra = overlay or StateOverlay.model_validate({"iso3": country.alpha_3})
    display = extra.name or common or country.name
    aliases = [a for a in dict.fromkeys([*forms, *extra.aliases]) if a != display]
    return StateEntry(
        iso3=country.alpha_3,
        iso2=extra.iso2 or country.alpha_2,
        numeric=getattr(country, "numeric", None),
        name=display,
        status=extra.status,
        historical=historical or extra.historical,
        aliases=aliases,
        demonyms=list(extra.demonyms),
        ambiguous=list(extra.ambiguous),
    )


def build_entries(overlays: Iterable[StateOverlay], source: str = STATES_FILE) -> list[StateEntry]:
    """Every ISO 3166-1 country from pycountry, merged with `overlays`, plus the overlays'
    own codes (historical ones from ISO 3166-3), sorted by code.

    Raises:
        GazetteerError: an overlay for a code pycountry lacks has no name.
    """
    import pycountry

    extra = {o.iso3: o for o in overlays}
    entries = [_from_iso(c, extra.pop(c.alpha_3, None), historical=False) for c in pycountry.countries]
    for code, o in extra.items():
        old = pycountry.historic_countries.get(alpha_3=code)
        if old is not None and o.historical:
            entries.append(_from_iso(old, o, historical=True))
        elif o.name:
            entries.append(StateEntry(**o.model_dump()))
        else:
            raise GazetteerError(source, "a code outside ISO 3166-1 needs a name", entry=code)
    return sorted(entries, key=lambda e: e.iso3)


class StateKB:
    """Entries indexed by code and by surface string."""

    def __init__(self, entries: list[StateEntry]) -> None:
        self.entries = list(entries)
        self.by_iso3: dict[str, StateEntry] = {e.iso3: e for e in self.entries}
        self.by_name: dict[str, str] = {}
        self.by_demonym: dict[str, str] = {}
        for e in self.entries:
            for n in e.names():
                self.by_name.setdefault(n, e.iso3)
            for d in e.demonyms:
                self.by_demonym.setdefault(d, e.iso3)
        self.ambiguous: frozenset[str] = frozenset(a for e in self.entries for a in e.ambiguous)

    def lookup(self, surface: str) -> StateEntry | None:
        """The entry a name, alias or demonym refers to (exact string), if any."""
        code = self.by_name.get(surface) or self.by_demonym.get(surface)
        return self.by_iso3.get(code) if code else None

    def __len__(self) -> int:
        return len(self.entries)


@lru_cache(maxsize=1)
def default_states() -> StateKB:
    """The States gazetteer that ships with newsie: pycountry plus ``states.jsonl`` (read once per process).

    Read from the precomputed ``states_table.json`` when it was built from the same
    ``states.jsonl`` and the installed pycountry's ISO 3166 data; merged anew otherwise.
    """
    table = _shipped_table()
    if table.get("sources") == sources_fingerprint():
        return StateKB([StateEntry.model_validate(e) for e in table["entries"]])
    return StateKB(build_entries(read_packaged(STATES_FILE, StateOverlay)))


def sources_fingerprint() -> dict[str, str | None]:
    """Hashes of what the merged entries are made from: ``states.jsonl`` and pycountry's
    ISO 3166-1 and ISO 3166-3 data files (None for a file that cannot be read)."""
    spec = importlib.util.find_spec("pycountry")
    folder = Path(spec.origin).parent / "databases" if spec is not None and spec.origin else None
    return {
        STATES_FILE: _sha256(gazetteer_file(STATES_FILE).read_bytes),
        "pycountry iso3166-1": _sha256((folder / "iso3166-1.json").read_bytes) if folder else None,
        "pycountry iso3166-3": _sha256((folder / "iso3166-3.json").read_bytes) if folder else None,
    }


def _sha256(read: Any) -> str | None:
    try:
        return hashlib.sha256(read()).hexdigest()
    except OSError:
        return None


def _shipped_table() -> dict[str, Any]:
    try:
        return dict(json.loads(gazetteer_file(STATES_TABLE_FILE).read_text(encoding="utf-8")))
    except FileNotFoundError:
        return {}


def build_table() -> dict[str, Any]:
    """The table `tools/build_states_table.py` writes: the merged entries and the
    fingerprint of their sources."""
    entries = build_entries(read_packaged(STATES_FILE, StateOverlay))
    return {"sources": sources_fingerprint(), "entries": [e.model_dump(exclude_defaults=True) for e in entries]}


STATE_RULES_FILE = "state_rules.json"


class StateRules(BaseModel):
    """Context words of newsie_states (``gazetteers/state_rules.json``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str | None = Field(None, alias="$comment")
    honorifics: list[str] = Field(default_factory=empty_list, description="A State name after these is a person's name")
    community_next: list[str] = Field(default_factory=empty_list, description="A demonym before these names a community")
    language_next: list[str] = Field(default_factory=empty_list, description="A demonym before these names a language")
    language_prev: list[str] = Field(
        default_factory=empty_list,
        description="A demonym (or a list of them) after these and before no noun names a language ('taught in Romanian', 'speaks Russian and Georgian', 'the use of Uzbek, Tajik and other languages')",
    )
    ethnic_prev: list[str] = Field(default_factory=empty_list, description="A demonym after these names an ethnic group")
    community_names: list[str] = Field(
        default_factory=empty_list, description="Communities that are no State's demonym: a plural demonym listed with one ('Bosniaks and Serbs') names a community"
    )
    continuations: list[str] = Field(default_factory=empty_list, description="Capitalized words that may follow a State's name in a body's name")
    cap_function_words: list[str] = Field(default_factory=empty_list, description="Capitalized words that are not parts of a name")
    us_markers: list[str] = Field(default_factory=empty_list, description="'Georgia, USA': a US State, not the country")
    place_before: list[str] = Field(default_factory=empty_list, description="'New Mexico': a place named after a State")
    place_after: list[str] = Field(default_factory=empty_list, description="'Mexico City': a place named after a State")
    place_words: list[str] = Field(default_factory=empty_list, description="'Georgia (US state)': a parenthesis naming another kind of place")


@lru_cache(maxsize=1)
def default_state_rules() -> StateRules:
    """The States context rules that ship with newsie."""
    return StateRules.model_validate_json(gazetteer_file(STATE_RULES_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Every ISO3 code a record may carry: ISO 3166-1 and ISO 3166-3 (historical) from
    pycountry, and the gazetteer's own (e.g. XKX for Kosovo)."""
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries}
    return frozenset(codes | set(default_states().by_iso3))
