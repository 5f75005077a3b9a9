"""The public records newsie returns: one `Release` per document.

These pydantic models are the contract with users and with the evaluation script: field
names are stable, every model exports a JSON Schema (`Release.model_json_schema()`), and
`Release.model_validate_json(r.model_dump_json())` gives back an equal record.
"""
from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from .about import SCHEMA_VERSION, __version__
from .customtypes import EventType, Granularity, OrgKind, StateStatus, TextField


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Record):
    """One occurrence in the title or the text, with character offsets into that field."""

    text: str
    field: TextField = "text"
    start_char: int
    end_char: int


class State(_Record):
    """A country (or territory, or historical State) the release refers to."""

    iso3: str
    iso2: str | None = None
    name: str
    status: StateStatus
    historical: bool = False
    mentions: list[Mention] = Field(default_factory=list)


class Organization(_Record):
    """A named organization, institution or body; one per distinct body."""

    name: str = Field(description="Fullest form found in the release")
    acronym: str | None = None
    kind: OrgKind = "other"
    country: str | None = Field(None, description="ISO3 of the host or home country")
    id: str | None = Field(None, description="Gazetteer id when the body is known")
    canonical_name: str | None = None
    parent: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Official(_Record):
    """A named person with the title and affiliation the release gives them."""

    name: str
    title: str | None = None
    affiliation: str | None = None
    country: str | None = None
    office: str | None = Field(None, description="Gazetteer office id when known")
    inferred: bool = Field(False, description="Name resolved from a role and the release date")
    quotes: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class DateMention(_Record):
    """A temporal expression with its normalized interval."""

    text: str
    field: TextField = "text"
    start_char: int
    end_char: int
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity = "day"
    relative: bool = Field(False, description="Resolved against the release date")


class Location(_Record):
    """Where an event took place."""

    city: str | None = None
    country: str | None = Field(None, description="ISO3 of the country the city is in today")
    country_at_date: str | None = Field(
        None, description="ISO3 of the State the place belonged to on the event's date (SCG for Belgrade in 2004)"
    )


class Dateline(_Record):
    """The 'CITY, date –' opening of a release."""

    text: str
    city: str | None = None
    country: str | None = None
    date: dt.date | None = None


class Event(_Record):
    """Something that happened; the main event of a release comes first."""

    id: str
    type: EventType = "other"
    trigger: str | None = None
    evidence: str | None = None
    confidence: float = 0.0
    start: dt.date | None = None
    end: dt.date | None = None
    location: Location = Field(default_factory=Location)
    participants: int | None = None
    organizations: list[str] = Field(default_factory=list)
    states: list[str] = Field(default_factory=list)
    officials: list[str] = Field(default_factory=list)
    plover: str | None = None
    cameo: str | None = None


class RecordError(_Record):
    """Why a document could not be processed (batch mode keeps going)."""

    type: str
    message: str


class Source(_Record):
    """Where a record's input was read, set by `newsie extract` (and used by ``--resume``)."""

    file: str = Field(description="The input file ('<stdin>' for standard input)")
    line: int | None = Field(default=None, description="Line of a JSON Lines record, first line of a CSV row; None for a whole file")
    item: int | None = Field(default=None, description="Number of the release on a listing page (from 1)")
    sha1: str = Field(description="SHA-1 of the input's content (the line, the row or the file)")

    @property
    def where(self) -> str:
        """The position as people write it: 'file:line', with '#item' on a listing page."""
        line = f":{self.line}" if self.line is not None else ""
        item = f"#{self.item}" if self.item is not None else ""
        return f"{self.file}{line}{item}"

    @property
    def key(self) -> str:
        """One string for the position and content: 'file:line#item@sha1'."""
        return f"{self.where}@{self.sha1}"


class Release(_Record):
    """Everything newsie found in one press release."""

    id: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    content_type: str | None = Field(default=None, description="The site's label of the item ('Press release', 'News', ...), when the input gives it")
    text: str = ""
    issuer: list[str] = Field(default_factory=list)
    fields_of_work: list[str] = Field(default_factory=list)
    dateline: Dateline | None = None
    states: list[State] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    error: RecordError | None = None
    source: Source | None = Field(default=None, description="Input position in a `newsie extract` run")
    newsie_version: str = __version__
    schema_version: str = SCHEMA_VERSION

    def _repr_html_(self) -> str:  # pragma: no cover - exercised in notebooks
        from .cards import release_card

        return release_card(self)
