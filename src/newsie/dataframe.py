"""pandas DataFrames of records: one row per event, per release, or per mention.

Needs the optional extra: ``pip install 'newsie[pandas]'``. Dates become ``datetime64``,
codes and types become categoricals, and list fields are exploded where analysis needs
one value per row (``level="mentions"``) or kept as lists (``level="releases"``).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from .customtypes import EVENT_TYPES
from .exceptions import MissingExtraError
from .records import Release

Level = Literal["events", "releases", "mentions"]

EVENT_COLUMNS = [
    "release_id", "event_id", "type", "start", "end", "city", "country", "participants", "trigger",
    "confidence", "plover", "cameo", "states", "organizations", "officials", "published", "title", "url",
]
RELEASE_COLUMNS = [
    "release_id", "title", "published", "url", "issuer", "fields_of_work", "states", "organizations",
    "officials", "main_event", "n_events", "dateline_city", "error", "warnings",
]
MENTION_COLUMNS = ["release_id", "entity", "label", "code", "text", "field", "start_char", "end_char", "published"]


def _pd() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtraError("newsie.to_dataframe", "pandas", "pandas") from exc
    return pd


def _event_rows(rel: Release) -> Iterable[dict[str, Any]]:
    for ev in rel.events:
        yield {
            "release_id": rel.id, "event_id": ev.id, "type": ev.type, "start": ev.start, "end": ev.end,
            "city": ev.location.city, "country": ev.location.country, "participants": ev.participants,
            "trigger": ev.trigger, "confidence": ev.confidence, "plover": ev.plover, "cameo": ev.cameo,
            "states": list(ev.states), "organizations": list(ev.organizations), "officials": list(ev.officials),
            "published": rel.published, "title": rel.title, "url": rel.url,
        }


def _release_row(rel: Release) -> dict[str, Any]:
    return {
        "release_id": rel.id, "title": rel.title, "published": rel.published, "url": rel.url,
        "issuer": list(rel.issuer), "fields_of_work": list(rel.fields_of_work),
        "states": [s.iso3 for s in rel.states], "organizations": [o.name for o in rel.organizations],
        "officials": [p.name for p in rel.officials], "main_event": rel.events[0].type if rel.events else None,
        "n_events": len(rel.events), "dateline_city": rel.dateline.city if rel.dateline else None,
        "error": f"{rel.error.type}: {rel.error.message}" if rel.error else None, "warnings": list(rel.warnings),
    }


def _mention_rows(rel: Release) -> Iterable[dict[str, Any]]:
    base = {"release_id": rel.id, "published": rel.published}
    for s in rel.states:
        for m in s.mentions:
            yield {**base, "entity": s.name, "label": "state", "code": s.iso3, **m.model_dump()}
    for o in rel.organizations:
        for m in o.mentions:
            yield {**base, "entity": o.name, "label": "organization", "code": o.id, **m.model_dump()}
    for p in rel.officials:
        for m in p.mentions:
            yield {**base, "entity": p.name, "label": "official", "code": p.office, **m.model_dump()}
    for d in rel.dates:
        yield {**base, "entity": d.start.isoformat() if d.start else None, "label": "date", "code": d.granularity,
               "text": d.text, "field": d.field, "start_char": d.start_char, "end_char": d.end_char}


def to_dataframe(releases: Release | Iterable[Release], level: Level = "events") -> Any:
    """A pandas DataFrame of records.

    Args:
        releases: one `Release` or an iterable of them (e.g. `newsie.extract_many(...)`).
        level: "events" (one row per event: release_id, type, start, end, city, country,
            participants, ...), "releases" (one row per release, list columns kept) or
            "mentions" (one row per State/organization/official/date mention).

    Raises:
        MissingExtraError: pandas is not installed.
        ValueError: unknown level.
    """
    pd = _pd()
    rels = [releases] if isinstance(releases, Release) else list(releases)
    if level == "events":
        df = pd.DataFrame([row for r in rels for row in _event_rows(r)], columns=EVENT_COLUMNS)
        for col in ("start", "end", "published"):
            df[col] = pd.to_datetime(df[col])
        df["type"] = pd.Categorical(df["type"], categories=list(EVENT_TYPES))
        for col in ("country", "plover", "cameo"):
            df[col] = df[col].astype("category")
        df["participants"] = df["participants"].astype("Int64")
        df["confidence"] = df["confidence"].astype("float64")
        return df
    if level == "releases":
        df = pd.DataFrame([_release_row(r) for r in rels], columns=RELEASE_COLUMNS)
        df["published"] = pd.to_datetime(df["published"])
        df["main_event"] = pd.Categorical(df["main_event"], categories=list(EVENT_TYPES))
        df["n_events"] = df["n_events"].astype("int64")
        return df
    if level == "mentions":
        df = pd.DataFrame([row for r in rels for row in _mention_rows(r)], columns=MENTION_COLUMNS)
        df["published"] = pd.to_datetime(df["published"])
        df["label"] = pd.Categorical(df["label"], categories=["state", "organization", "official", "date"])
        df["field"] = pd.Categorical(df["field"], categories=["title", "text"])
        for col in ("start_char", "end_char"):
            df[col] = df[col].astype("int64")
        return df
    raise ValueError(f"level must be 'events', 'releases' or 'mentions', not {level!r}")


__all__ = ["EVENT_COLUMNS", "MENTION_COLUMNS", "RELEASE_COLUMNS", "to_dataframe"]
