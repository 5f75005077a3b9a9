"""User gazetteers: one file of extra States aliases, organizations, offices, officials
and event triggers, merged into a pipeline at `newsie.load(gazetteers=[...])`.

The file is JSON or YAML (an object with any of the keys below); each entry is validated
like the packaged gazetteers, and an error names the file, the entry and the problem::

    {
      "states": [{"iso3": "KAZ", "name": "Kazakhstan", "status": "participating_state",
                  "aliases": ["Qazaqstan"]}],
      "organizations": [{"id": "my-ngo", "name": "Steppe Media Watch", "kind": "ngo",
                         "country": "KAZ", "acronym": "SMW"}],
      "offices": [{"id": "smw-director", "title": "Director of Steppe Media Watch",
                   "patterns": ["SMW Director"]}],
      "officials": [{"name": "Aigerim Example",
                     "terms": [{"office": "smw-director", "start": "2020-01-01"}]}],
      "event_triggers": {"training": {"bootcamp": 2.5}}
    }
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language

from ..customtypes import EventType
from ..exceptions import GazetteerError
from .defaults import empty_dict, empty_list
from .event_types import Weight
from .io import read_document
from .officials import OfficeEntry, OfficialEntry
from .organizations import OrgEntry
from .states import StateEntry


class UserGazetteer(BaseModel):
    """The contents of one user gazetteer file."""

    model_config = ConfigDict(extra="forbid")

    states: list[StateEntry] = Field(default_factory=empty_list)
    organizations: list[OrgEntry] = Field(default_factory=empty_list)
    offices: list[OfficeEntry] = Field(default_factory=empty_list)
    officials: list[OfficialEntry] = Field(default_factory=empty_list)
    event_triggers: dict[EventType, dict[str, Weight]] = Field(default_factory=empty_dict)


def read_user_gazetteer(path: str | Path) -> UserGazetteer:
    """Read and validate a user gazetteer file (.json, .yaml or .yml).

    Raises:
        GazetteerError: naming the file, the entry (section and number) and the problem.
    """
    name = str(path)
    data = read_document(Path(path))
    if not isinstance(data, dict):
        raise GazetteerError(name, "must be an object with keys " + ", ".join(UserGazetteer.model_fields))
    try:
        return UserGazetteer.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = list(err["loc"])
        entry = f"{loc[0]}[{loc[1]}]" if len(loc) > 1 and isinstance(loc[1], int) else str(loc[0]) if loc else None
        field = ".".join(str(p) for p in loc[2:]) if len(loc) > 2 else ""
        problem = f"{field + ': ' if field else ''}{err['msg']}"
        if err["type"] == "extra_forbidden":
            problem = f"unknown key {loc[-1]!r}"
        more = len(exc.errors()) - 1
        raise GazetteerError(name, problem + (f" (and {more} more problem(s))" if more else ""), entry=entry) from None


def apply_user_gazetteers(nlp: Language, paths: Sequence[str | Path]) -> None:
    """Merge user gazetteer files into the newsie components of `nlp`."""
    for path in paths:
        gaz = read_user_gazetteer(path)
        pipes: dict[str, Any] = dict(nlp.pipeline)
        if gaz.states and "newsie_states" in pipes:
            pipes["newsie_states"].add_entries(gaz.states)
        if gaz.organizations and "newsie_organizations" in pipes:
            pipes["newsie_organizations"].add_entries(gaz.organizations)
        if (gaz.offices or gaz.officials) and "newsie_officials" in pipes:
            pipes["newsie_officials"].add_entries(gaz.offices, gaz.officials)
        if gaz.event_triggers:
            for name in ("newsie_event_triggers", "newsie_events"):  # the second scores only without the first
                if name in pipes:
                    pipes[name].add_triggers(gaz.event_triggers)
