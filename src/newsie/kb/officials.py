"""Offices, their holders with terms, and the title vocabulary used to find officials."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..resources import gazetteer_file
from .defaults import empty_list

OFFICES_FILE = "offices.jsonl"
OFFICIALS_FILE = "officials.jsonl"
TITLES_FILE = "titles.json"


class OfficeEntry(BaseModel):
    """An office ("OSCE Secretary General") and the phrases that name it without a person."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    title: str
    organization: str | None = None
    patterns: list[str] = Field(default_factory=empty_list)


class Term(BaseModel):
    """A period in office; `end` None means still in office."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    office: str
    start: dt.date
    end: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"term ends ({self.end}) before it starts ({self.start})")
        return self

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class OfficialEntry(BaseModel):
    """A person with name variants and terms of office."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=3)
    aliases: list[str] = Field(default_factory=empty_list)
    terms: list[Term] = Field(default_factory=empty_list)
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")


class TitleRules(BaseModel):
    """Title words, honorifics, speech verbs and name particles (``gazetteers/titles.json``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title_words: list[str]
    honorifics: list[str] = Field(default_factory=empty_list)
    speech_verbs: list[str] = Field(default_factory=empty_list)
    name_particles: list[str] = Field(default_factory=empty_list)
    not_name_words: list[str] = Field(default_factory=empty_list)
    connectors: list[str] = Field(default_factory=empty_list, description="Lower-case words inside a title phrase")
    peerage: list[str] = Field(
        default_factory=empty_list, description="Titles of peers that open a name in the text ('Lord Ponsonby') and go into the title, not the name"
    )
    title_prefixes: list[str] = Field(
        default_factory=empty_list, description="Lower-case words that belong to a title phrase they open or sit in ('former Foreign Minister', 'OSCE media freedom representative')"
    )
    pronouns: list[str] = Field(default_factory=empty_list, description="Pronouns that carry a quote to the last speaker")
    people_plurals: list[str] = Field(
        default_factory=empty_list,
        description="Plural nouns for people: a list of names after one and a comma, or 'include' ('two journalists, NAME and NAME2') names people",
    )
    list_openers: list[str] = Field(default_factory=empty_list, description="Words that open a list of people ('which include NAME and NAME2')")
    person_nouns: list[str] = Field(
        default_factory=empty_list,
        description="Lower-case nouns for a person: after a name, a comma and 'a' or 'an' ('NAME, a law student from Cluj') they make the name a person's, as an age does ('NAME, a 58-year-old father')",
    )
    led_by: list[str] = Field(
        default_factory=empty_list, description="Words before a name that make it a person's ('a delegation led by NAME', 'chaired by NAME')"
    )
    place_prepositions: list[str] = Field(
        default_factory=empty_list, description="A capitalized run right after one of these ('in Novi Sad said') is a place, not a speaker"
    )


class OfficialKB:
    """Offices and officials, indexed by id, by name and by office for date look-ups."""

    def __init__(self, offices: list[OfficeEntry], officials: list[OfficialEntry]) -> None:
        self.offices = {o.id: o for o in offices}
        self.officials = list(officials)
        self.by_name: dict[str, OfficialEntry] = {}
        # Each office's terms with their holders, in the order of `officials`: `holder`
        # reads the terms of one office, not every person's.
        self._terms: dict[str, list[tuple[Term, OfficialEntry]]] = {}
        for p in self.officials:
            for n in (p.name, *p.aliases):
                self.by_name.setdefault(n, p)
            for t in p.terms:
                self._terms.setdefault(t.office, []).append((t, p))

    def holder(self, office_id: str, day: dt.date) -> OfficialEntry | None:
        """The person in `office_id` on `day`, if the gazetteer knows one (the first in
        `officials` with a term that covers it)."""
        for t, p in self._terms.get(office_id, ()):
            if t.covers(day):
                return p
        return None

    def office_of(self, person: OfficialEntry, day: dt.date | None) -> OfficeEntry | None:
        """The office `person` held on `day` (or their only/last office when undated)."""
        terms = [t for t in person.terms if day is None or t.covers(day)] or (person.terms[-1:] if day is None else [])
        return self.offices.get(terms[0].office) if terms else None


@lru_cache(maxsize=1)
def packaged_office_ids() -> frozenset[str]:
    """Ids of the offices that ship with newsie (``gazetteers/offices.jsonl``)."""
    from .io import read_packaged

    return frozenset(o.id for o in read_packaged(OFFICES_FILE, OfficeEntry))


@lru_cache(maxsize=1)
def default_titles() -> TitleRules:
    """The title vocabulary that ships with newsie."""
    return TitleRules.model_validate_json(gazetteer_file(TITLES_FILE).read_text(encoding="utf-8"))
