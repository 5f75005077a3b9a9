"""The States knowledge base: every country with its names, aliases and demonyms."""
from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ..customtypes import StateStatus
from ..resources import gazetteer_file
from .io import read_packaged

STATES_FILE = "states.jsonl"


class StateEntry(BaseModel):
    """One country, territory or historical State."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    iso2: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    name: str
    status: StateStatus
    historical: bool = False
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    ambiguous: list[str] = Field(
        default_factory=list,
        description="Names that are also common words or person names: checked in context",
    )

    def names(self) -> list[str]:
        """The canonical name and its aliases (not demonyms)."""
        return [self.name, *self.aliases]


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
    """The States gazetteer that ships with newsie (read once per process)."""
    return StateKB(read_packaged(STATES_FILE, StateEntry))


STATE_RULES_FILE = "state_rules.json"


class StateRules(BaseModel):
    """Context words of newsie_states (``gazetteers/state_rules.json``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str | None = Field(None, alias="$comment")
    honorifics: list[str] = Field(default_factory=list, description="A State name after these is a person's name")
    community_next: list[str] = Field(default_factory=list, description="A demonym before these names a community")
    language_next: list[str] = Field(default_factory=list, description="A demonym before these names a language")
    ethnic_prev: list[str] = Field(default_factory=list, description="A demonym after these names an ethnic group")
    continuations: list[str] = Field(default_factory=list, description="Capitalized words that may follow a State's name in a body's name")
    cap_function_words: list[str] = Field(default_factory=list, description="Capitalized words that are not parts of a name")
    us_markers: list[str] = Field(default_factory=list, description="'Georgia, USA': a US State, not the country")


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
