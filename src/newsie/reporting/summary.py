"""What the report states: pure aggregations over `Release` records, no plotting."""
from __future__ import annotations

import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..customtypes import EVENT_TYPES
from ..records import Event, Release

UNKNOWN = "(unknown)"
AT_DATE_SCHEMA = (1, 1)


@dataclass(frozen=True)
class Totals:
    """Headline counts of a run."""

    releases: int
    events: int
    failures: int
    warnings: int
    releases_with_warnings: int
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True)
class ParticipantStats:
    """Participant counts of the events of one type that state a number."""

    type: str
    events: int
    with_count: int
    median: float | None
    total: int
    largest: int | None
    values: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Issue:
    """One record a reader should look at, and why."""

    id: str
    detail: str = ""


@dataclass(frozen=True)
class Quality:
    """Records worth a second look, by reason (ids in input order)."""

    errors: list[Issue]
    without_events: list[Issue]
    without_dates: list[Issue]
    low_confidence: list[Issue]
    threshold: float
    same_id: list[Issue] = field(default_factory=list)  # different records under one id (see `distinct`)


@dataclass(frozen=True)
class Summary:
    """Everything the report shows, computed once from the records."""

    totals: Totals
    months: list[str]
    per_month: dict[str, Counter[str]]
    undated: int
    event_types: list[str]
    countries_today: Counter[str]
    countries_at_date: Counter[str] | None
    organizations: list[tuple[str, int]]
    officials: list[tuple[str, str, int]]
    fields_of_work: Counter[str]
    participants: list[ParticipantStats]
    quality: Quality
    warnings: Counter[str]
    repeats: int = 0  # records left out as repeats of one counted (see `distinct`)


# What a record's input position says: where it was read, not what it holds.
_PLACE = {"source"}
# The warning `newsie extract` gives a record whose id a record read earlier in the run has
# (naming that one's position): about where it was read too, not what it holds.
_PLACE_WARNING = "duplicate id: "


def _same(a: Release, b: Release) -> bool:
    """Whether two records hold the same, wherever their inputs were read."""
    return _content(a) == _content(b)


def _content(rel: Release) -> dict:
    held = rel.model_dump(exclude=_PLACE)
    held["warnings"] = [w for w in held["warnings"] if not w.startswith(_PLACE_WARNING)]
    return held


def _counted(versions: list[Release]) -> Release:
    """The version of a release to count: the last one read without an error, else the last one."""
    return next((v for v in reversed(versions) if v.error is None), versions[-1])


def distinct(records: Iterable[Release]) -> tuple[list[Release], int, list[Issue]]:
    """Each release once, for counting: files that overlap or repeat give the same record twice.

    Records with the same id and the same content (their ``source``, the position of their
    input, and a ``duplicate id`` warning naming another position, aside) are one record: the first is kept, the rest counted as repeats. Records with
    the same id and different content are versions of one release (its id comes from its URL
    and title), e.g. from runs of two newsie versions: the last one read without an error is
    counted (a later file is taken as the newer run, and a failure never hides a success), and
    the id is listed for review.

    Returns:
        The records to count (in the order their ids first appear), the number of repeats
        left out, and the ids with different records (their versions' input positions).
    """
    by_id: dict[str, list[Release]] = {}
    repeats = 0
    for rel in records:
        versions = by_id.setdefault(rel.id, [])
        if any(_same(rel, v) for v in versions):
            repeats += 1
        else:
            versions.append(rel)
    same_id = [_versions(rid, vs) for rid, vs in by_id.items() if len(vs) > 1]
    return [_counted(vs) for vs in by_id.values()], repeats, same_id


def _versions(rid: str, versions: list[Release]) -> Issue:
    """An id with different records: how many, and the input positions they were read at."""
    wheres = [v.source.where for v in versions if v.source]
    return Issue(rid, f"{len(versions)} different records" + (f": {', '.join(wheres)}" if wheres else ""))


def totals(records: list[Release]) -> Totals:
    """Releases, events, failed records and warnings, with the publication date range."""
    dates = sorted(r.published.isoformat() for r in records if r.published)
    return Totals(
        releases=len(records),
        events=sum(len(r.events) for r in records),
        failures=sum(r.error is not None for r in records),
        warnings=sum(len(r.warnings) for r in records),
        releases_with_warnings=sum(bool(r.warnings) for r in records),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def event_month(ev: Event, rel: Release) -> str | None:
    """The event's month (YYYY-MM): its start date, else the release's publication date."""
    day = ev.start or rel.published
    return f"{day.year:04d}-{day.month:02d}" if day else None


def month_range(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), so quiet months show as gaps."""
    y, m = map(int, first.split("-"))
    ly, lm = map(int, last.split("-"))
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def events_per_month(records: list[Release]) -> dict[str, Counter[str]]:
    """Event counts by month and type; events with no date at all are left out."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for rel in records:
        for ev in rel.events:
            month = event_month(ev, rel)
            if month:
                out[month][ev.type] += 1
    return dict(out)


def carries_country_at_date(rel: Release) -> bool:
    """Whether a record's schema has the country at the event's date (schema 1.1 on)."""
    try:
        return tuple(int(p) for p in rel.schema_version.split(".")[:2]) >= AT_DATE_SCHEMA
    except ValueError:
        return False


def events_by_country(records: list[Release]) -> tuple[Counter[str], Counter[str] | None]:
    """Events by today's country and by the country at the date (over the records that carry it).

    The second counter is None when no record carries the country at the date (records
    written by a newsie older than schema 1.1).
    """
    today: Counter[str] = Counter()
    at_date: Counter[str] = Counter()
    carried = False
    for rel in records:
        has_at_date = carries_country_at_date(rel)
        carried |= has_at_date
        for ev in rel.events:
            today[ev.location.country or UNKNOWN] += 1
            if has_at_date:
                at_date[getattr(ev.location, "country_at_date", None) or UNKNOWN] += 1
    return today, (at_date if carried else None)


def top_organizations(records: list[Release], n: int) -> list[tuple[str, int]]:
    """The `n` organizations named in most releases (gazetteer name when known)."""
    counts: Counter[str] = Counter()
    for rel in records:
        counts.update({o.canonical_name or o.name for o in rel.organizations})
    return counts.most_common(n)


def person_key(name: str) -> str:
    """A name as the report counts it: case, accents and spacing left out, so that
    "Dunja Mijatović" and "Dunja Mijatovic" are one person."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(folded.casefold().split())


def top_officials(records: list[Release], n: int) -> list[tuple[str, str, int]]:
    """The `n` officials named in most releases (names read as `person_key`), each under
    the spelling written most often, with their most frequent title."""
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    titles: dict[str, Counter[str]] = defaultdict(Counter)
    for rel in records:
        keys = set()
        for p in rel.officials:
            key = person_key(p.name)
            keys.add(key)
            spellings[key][p.name] += 1
            if p.title:
                titles[key][p.title] += 1
        counts.update(keys)
    return [
        (spellings[key].most_common(1)[0][0], titles[key].most_common(1)[0][0] if titles[key] else "", k)
        for key, k in counts.most_common(n)
    ]


def fields_of_work(records: list[Release]) -> Counter[str]:
    """Releases per OSCE field of work."""
    return Counter(f for rel in records for f in set(rel.fields_of_work))


def participants_per_type(records: list[Release]) -> list[ParticipantStats]:
    """Per event type: events, how many state a participant count, median, total, largest."""
    events: Counter[str] = Counter()
    values: dict[str, list[int]] = defaultdict(list)
    for rel in records:
        for ev in rel.events:
            events[ev.type] += 1
            if ev.participants is not None:
                values[ev.type].append(ev.participants)
    out = []
    for t in ordered_types(events):
        v = sorted(values[t])
        out.append(ParticipantStats(
            type=t, events=events[t], with_count=len(v), median=statistics.median(v) if v else None,
            total=sum(v), largest=v[-1] if v else None, values=v,
        ))
    return out


def ordered_types(counts: Iterable[str]) -> list[str]:
    """Event types present in `counts`, in the order of the type list (unknown ones last)."""
    present = set(counts)
    return [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))


def quality(records: list[Release], threshold: float, same_id: list[Issue] | None = None) -> Quality:
    """Records with errors, without events, without any date, and low-confidence event types
    (with the ids that have different records, from `distinct`)."""
    errors: list[Issue] = []
    no_events: list[Issue] = []
    no_dates: list[Issue] = []
    low: list[Issue] = []
    for rel in records:
        if rel.error is not None:
            errors.append(Issue(rel.id, f"{rel.error.type}: {rel.error.message}"))
            continue
        if not rel.events:
            no_events.append(Issue(rel.id, rel.title or ""))
        if rel.published is None and not any(ev.start for ev in rel.events):
            no_dates.append(Issue(rel.id, rel.title or ""))
        low.extend(
            Issue(rel.id, f"{ev.id}: {ev.type} ({ev.confidence:.2f})") for ev in rel.events if ev.confidence < threshold
        )
    return Quality(errors, no_events, no_dates, low, threshold, list(same_id or []))


def summarize(records: Iterable[Release], *, top: int = 15, low_confidence: float = 0.5) -> Summary:
    """Compute every section of the report from `records`, each release counted once (see `distinct`)."""
    rels, repeats, same_id = distinct(records)
    per_month = events_per_month(rels)
    months = month_range(min(per_month), max(per_month)) if per_month else []
    today, at_date = events_by_country(rels)
    warning_kinds: Counter[str] = Counter(w.split(":", 1)[0] for rel in rels for w in rel.warnings)
    return Summary(
        totals=totals(rels),
        months=months,
        per_month=per_month,
        undated=sum(event_month(ev, rel) is None for rel in rels for ev in rel.events),
        event_types=ordered_types(t for c in per_month.values() for t in c),
        countries_today=today,
        countries_at_date=at_date,
        organizations=top_organizations(rels, top),
        officials=top_officials(rels, top),
        fields_of_work=fields_of_work(rels),
        participants=participants_per_type(rels),
        quality=quality(rels, low_confidence, same_id),
        warnings=warning_kinds,
        repeats=repeats,
    )


def as_rows(counter: Counter[str], n: int | None = None) -> list[tuple[str, int]]:
    """A counter's most common items (ties in name order), for tables and bars."""
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return items[:n] if n else items


__all__ = [
    "Issue", "ParticipantStats", "Quality", "Summary", "Totals", "as_rows", "distinct", "events_by_country", "events_per_month",
    "fields_of_work", "participants_per_type", "quality", "summarize", "top_officials", "top_organizations", "totals",
]
