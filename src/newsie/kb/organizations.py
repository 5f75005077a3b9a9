"""The organizations knowledge base: OSCE bodies, field operations, international bodies."""
from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ..customtypes import OrgKind
from .defaults import empty_list
from .io import read_packaged

ORGANIZATIONS_FILE = "organizations.jsonl"


class OrgEntry(BaseModel):
    """One organization with its names, acronym, kind and (host) country."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    acronym: str | None = None
    aliases: list[str] = Field(default_factory=empty_list)
    kind: OrgKind = "other"
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    parent: str | None = None
    start: int | None = None
    end: int | None = None

    def surfaces(self) -> list[str]:
        """Every string that names this body, acronym included."""
        out = [self.name, *self.aliases]
        if self.acronym:
            out.append(self.acronym)
        return out


class OrgKB:
    """Entries indexed by id and by surface string."""

    def __init__(self, entries: list[OrgEntry]) -> None:
        self.entries = list(entries)
        self.by_id: dict[str, OrgEntry] = {e.id: e for e in self.entries}
        self.by_surface: dict[str, str] = {}
        for e in self.entries:
            for s in e.surfaces():
                self.by_surface.setdefault(s, e.id)

    def get(self, org_id: str | None) -> OrgEntry | None:
        return self.by_id.get(org_id) if org_id else None

    def field_operations(self) -> list[OrgEntry]:
        return [e for e in self.entries if e.kind == "field_operation"]

    def __len__(self) -> int:
        return len(self.entries)


@lru_cache(maxsize=1)
def default_organizations() -> OrgKB:
    """The organizations gazetteer that ships with newsie (read once per process)."""
    return OrgKB(read_packaged(ORGANIZATIONS_FILE, OrgEntry))
