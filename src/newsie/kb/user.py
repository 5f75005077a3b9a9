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

import difflib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language

from ..customtypes import EventType
from ..exceptions import GazetteerError
from .defaults import empty_dict, empty_list
from .event_types import Weight
from .io import read_document
from .officials import OfficeEntry, OfficialEntry, packaged_office_ids
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


def read_user_gazetteer(path: str | Path, *, offices: Iterable[str] = ()) -> UserGazetteer:
    """Read and validate a user gazetteer file (.json, .yaml or .yml).

    Args:
        path: the file.
        offices: ids of offices defined elsewhere (in other user files given with it, or in
            a pipeline's own gazetteers). An official's term may name one of them, a packaged
            office or an office of this file.

    Raises:
        GazetteerError: naming the file, the entry (section and number) and the problem.
    """
    gaz = _read(path)
    check_offices(str(path), gaz, {*offices, *(o.id for o in gaz.offices)})
    return gaz


def read_user_gazetteers(paths: Sequence[str | Path], *, offices: Iterable[str] = ()) -> list[UserGazetteer]:
    """Read several user gazetteer files given together: a term may name an office of any of them.

    Args:
        paths: the files.
        offices: ids of offices defined elsewhere (e.g. in a pipeline's own gazetteers);
            iterated only when a file has officials.

    Raises:
        GazetteerError: naming the file, the entry and the problem (the first file that
            does not read and validate; then the first term with an unknown office).
    """
    read = [(str(path), _read(path)) for path in paths]
    for _, error in _office_errors(read, offices):
        raise error
    return [gaz for _, gaz in read]


def validate_user_gazetteers(paths: Sequence[str | Path], *, offices: Iterable[str] = ()) -> list[UserGazetteer | GazetteerError]:
    """Each file's gazetteer, or the error that stops it, reading every file once (what
    `newsie gazetteers validate` reports): a term may name an office defined in any of
    the files that read and validate, or one of `offices`."""
    out: list[UserGazetteer | GazetteerError] = []
    for path in paths:
        try:
            out.append(_read(path))
        except GazetteerError as exc:
            out.append(exc)
    where = [i for i, gaz in enumerate(out) if isinstance(gaz, UserGazetteer)]
    read = [(str(paths[i]), gaz) for i, gaz in enumerate(out) if isinstance(gaz, UserGazetteer)]
    for n, error in _office_errors(read, offices):
        out[where[n]] = error
    return out


def _office_errors(read: list[tuple[str, UserGazetteer]], offices: Iterable[str]) -> Iterator[tuple[int, GazetteerError]]:
    """(position in `read`, error) of each file with a term whose office is neither
    packaged, nor in any of `read`, nor one of `offices` (iterated only when a file has
    officials)."""
    if not any(gaz.officials for _, gaz in read):
        return
    known = {*offices, *(o.id for _, gaz in read for o in gaz.offices)}
    for n, (name, gaz) in enumerate(read):
        try:
            check_offices(name, gaz, known)
        except GazetteerError as exc:
            yield n, exc


def check_offices(name: str, gaz: UserGazetteer, known: Iterable[str]) -> None:
    """Check that every term of `gaz`'s officials names a packaged office or one of `known`.

    An unknown office would leave the term unused when the pipeline resolves offices.

    Raises:
        GazetteerError: naming the file, the official and the office.
    """
    if not gaz.officials:
        return
    offices = {*packaged_office_ids(), *known}
    for i, person in enumerate(gaz.officials):
        for j, term in enumerate(person.terms):
            if term.office not in offices:
                close = difflib.get_close_matches(term.office, sorted(offices), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise GazetteerError(
                    name,
                    f"terms[{j}].office: unknown office {term.office!r}, neither a packaged office nor one in "
                    f"'offices' of the given gazetteer files{hint}",
                    entry=f"officials[{i}]",
                )


def _read(path: str | Path) -> UserGazetteer:
    """One file, validated entry by entry (the offices of its terms are checked apart)."""
    name = str(path)
    data = read_document(Path(path))
    if not isinstance(data, dict):
        raise GazetteerError(name, "must be an object with keys " + ", ".join(UserGazetteer.model_fields))
    try:
        return UserGazetteer.model_validate(data)
    except ValidationError as exc:
        found = [_problem(err) for err in exc.errors()]
        entry, problem = found[0]
        more = len(found) - 1
        error = GazetteerError(name, problem + (f" (and {more} more problem(s))" if more else ""), entry=entry)
        error.problems = [GazetteerError(name, p, entry=e) for e, p in found]  # each, for `newsie gazetteers validate`
        raise error from None


def _problem(err: Any) -> tuple[str | None, str]:
    """The entry ("states[0]") and the problem of one pydantic validation error."""
    loc = list(err["loc"])
    entry = f"{loc[0]}[{loc[1]}]" if len(loc) > 1 and isinstance(loc[1], int) else str(loc[0]) if loc else None
    field = ".".join(str(p) for p in loc[2:]) if len(loc) > 2 else ""
    if err["type"] == "extra_forbidden":
        close = difflib.get_close_matches(str(loc[-1]), list(UserGazetteer.model_fields), n=1) if len(loc) == 1 else []
        return entry, f"unknown key {loc[-1]!r}" + (f"; did you mean {close[0]!r}?" if close else "")
    return entry, f"{field + ': ' if field else ''}{err['msg']}"


def apply_user_gazetteers(nlp: Language, paths: Sequence[str | Path]) -> None:
    """Merge user gazetteer files into the newsie components of `nlp`.

    Every file is read and checked before any is merged; an official's office may be
    packaged, in any of the files, or in the pipeline's own gazetteers.

    Raises:
        GazetteerError: naming the file, the entry and the problem.
    """
    pipes: dict[str, Any] = dict(nlp.pipeline)

    def pipeline_offices() -> Iterator[str]:  # asked for only when a file has officials
        if "newsie_officials" in pipes:
            pipes["newsie_officials"].ensure_ready()  # merging the officials builds it anyway
            yield from pipes["newsie_officials"].kb.offices

    for gaz in read_user_gazetteers(paths, offices=pipeline_offices()):
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
