"""`newsie eval`: score the pipeline against a user's own annotated releases.

The gold format is one JSON object per line with ``text``, ``title``, ``published``,
``fields_of_work`` and a ``gold`` object holding ``states`` (ISO3 list), ``organizations``
and ``officials`` (name/acronym/title dicts), ``event_type``, ``event_start``,
``event_end``, ``location`` {city, country} and ``participants`` (see the project's
annotation guidelines; the `GoldItem` model checks each line, and a wrongly typed value
such as ``"location": "Vienna"`` is a `GoldError` naming the line and the field). Gold
may be partial: a key that is absent was not annotated and that field is not scored
(``"states": []`` says "no States"; no ``states`` key says nothing, and a field no line
annotates is reported as None, not as a perfect score). Matching rules:
names are compared after normalization (accents, case, a leading "the" and punctuation
dropped); organizations match on acronym, on name-versus-acronym, on fuzzy name (token
sort ratio >= 85) or when one name (12+ characters) contains the other; people match on
fuzzy name (>= 88) or same surname and first initial; titles are right at token set
ratio >= 70; cities at ratio >= 85.
"""
from __future__ import annotations

import re
import statistics
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError
from pydantic_core import ErrorDetails
from rapidfuzz import fuzz

from .customtypes import EVENT_TYPES, EventType
from .dates.published import iso_day
from .exceptions import GoldError
from .jsonl import parse_line, read_lines


def _iso3(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-3 code (three capital letters, such as 'AUT')")
    return value


def _iso_date(value: str) -> str:
    # Kept as the string: scoring compares it with the record's ISO date.
    if iso_day(value) is None:  # a day that does not exist is iso_day's ValueError
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return value


def _published(value: str) -> str:
    from .exceptions import PublishedDateError
    from .inputs import parse_published  # what `newsie.extract` accepts

    try:
        parse_published(value)
    except PublishedDateError:
        raise ValueError(f"{value!r} is not a date newsie reads (such as '2024-03-04' or '4 March 2024')") from None
    return value


ISO3 = Annotated[StrictStr, AfterValidator(_iso3)]
IsoDate = Annotated[StrictStr, AfterValidator(_iso_date)]
Name = Annotated[StrictStr, Field(min_length=1)]


class GoldOrganization(BaseModel):
    """A named organization: its fullest name in the text and its acronym."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    acronym: StrictStr | None = None


class GoldOfficial(BaseModel):
    """A named person, with the role and organization the text gives them."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    title: StrictStr | None = None
    affiliation: StrictStr | None = None


class GoldLocation(BaseModel):
    """Where the main event took place."""

    model_config = ConfigDict(extra="forbid")

    city: StrictStr | None = None
    country: ISO3 | None = None


class Gold(BaseModel):
    """The ``gold`` object of a line; a key that is absent was not annotated (null lists score as empty)."""

    model_config = ConfigDict(extra="forbid")

    states: list[ISO3] | None = None
    organizations: list[GoldOrganization] | None = None
    officials: list[GoldOfficial] | None = None
    event_type: EventType | None = None
    event_start: IsoDate | None = None
    event_end: IsoDate | None = None
    location: GoldLocation | None = None
    participants: Annotated[StrictInt, Field(ge=0)] | None = None


class GoldItem(BaseModel):
    """One line of a gold file; keys newsie does not read (``source_url``, ``issuer``) may stay."""

    model_config = ConfigDict(extra="allow")

    text: StrictStr
    gold: Gold
    id: StrictStr | StrictInt | None = None
    title: StrictStr | None = None
    published: Annotated[StrictStr, AfterValidator(_published)] | None = None
    fields_of_work: list[StrictStr] | None = None


# What each key takes, told with a wrongly typed value (as in the annotation guidelines).
_SHAPES = {
    "states": 'a list of ISO3 codes, such as ["AUT", "SRB"]',
    "organizations": 'a list of objects {"name": str, "acronym": str or null}',
    "officials": 'a list of objects {"name": str, "title": str or null, "affiliation": str or null}',
    "event_type": "one of " + ", ".join(EVENT_TYPES),
    "event_start": 'an ISO date "YYYY-MM-DD" or null',
    "event_end": 'an ISO date "YYYY-MM-DD" or null',
    "location": 'an object {"city": str or null, "country": ISO3 or null}, or null',
    "participants": "a whole number or null",
    "text": "a string",
    "title": "a string or null",
    "published": 'a date string such as "2024-03-04", or null',
    "fields_of_work": "a list of strings",
    "id": "a string, a number or null",
}


def _field(loc: Sequence[int | str]) -> str:
    """``gold.organizations[0].name`` from a pydantic error location."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _problem(err: ErrorDetails) -> str:
    loc = err["loc"]
    if err["type"] == "extra_forbidden":
        return f"unknown key {loc[-1]!r}"
    if err["type"] == "missing":
        return "is required"
    if err["type"] == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    got = repr(err.get("input"))
    got = got if len(got) <= 60 else got[:57] + "..."
    key = next((str(p) for p in reversed(loc[:2]) if str(p) in _SHAPES), None)
    return f"got {got}" + (f"; {key} takes {_SHAPES[key]}" if key else f" ({err['msg']})")


def check_item(obj: Any, source: str, line: int | None = None) -> None:
    """Check one gold item's keys and value types against the gold format.

    Raises:
        GoldError: naming `source` (and `line`), the field and the problem.
    """
    if not isinstance(obj, dict) or not isinstance(obj.get("gold"), dict) or "text" not in obj:
        raise GoldError(source, "each line needs 'text' and a 'gold' object (with any of its keys)", line=line)
    try:
        GoldItem.model_validate(obj)
    except ValidationError as exc:
        raise _gold_error(exc, source, line, Gold) from None


def check_gold(gold: Any, source: str, line: int | None = None, *, model: type[Gold] = Gold) -> None:
    """Check a ``gold`` object alone against `model` (`Gold`, or a subclass allowing more keys).

    Raises:
        GoldError: naming `source` (and `line`), the field (``gold.states``) and the problem.
    """
    try:
        model.model_validate(gold)
    except ValidationError as exc:
        raise _gold_error(exc, source, line, model, within=("gold",)) from None


def _gold_error(
    exc: ValidationError, source: str, line: int | None, gold: type[Gold], within: tuple[str, ...] = ()
) -> GoldError:
    """The error of a line that does not validate: its unknown gold keys, all of them with the
    known ones (a misspelt key), else its first problem; `within` is where the model validated
    sits in the line."""
    errors = exc.errors()
    unknown = sorted(str(e["loc"][-1]) for e in errors if e["type"] == "extra_forbidden" and (*within, *e["loc"][:-1]) == ("gold",))
    if unknown:
        return GoldError(source, f"unknown gold keys {unknown}; known: {', '.join(gold.model_fields)}", line=line)
    more = len(errors) - 1
    problem = _problem(errors[0]) + (f" (and {more} more problem(s))" if more else "")
    loc = (*within, *errors[0]["loc"])
    # An unknown key is a problem of the object that holds it.
    field = _field(loc[:-1] if errors[0]["type"] == "extra_forbidden" else loc)
    return GoldError(source, problem, line=line, field=field or None)


def norm(s: str | None) -> str:
    """Lower-case, accent-free, punctuation-free form of a name."""
    if not s:
        return ""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"^the\s+", "", s.lower().replace("’", "'"))
    return re.sub(r"\s+", " ", re.sub(r"[^\w' ]+", " ", s)).strip()


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def same_org(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    pn, pa, gn, ga = norm(pred.get("name")), norm(pred.get("acronym")), norm(gold.get("name")), norm(gold.get("acronym"))
    if (pa and ga and pa == ga) or (pn and (pn == ga or (pa and pa == gn))):
        return True
    if gn and pn and fuzz.token_sort_ratio(pn, gn) >= 85:
        return True
    return bool(gn and pn and min(len(pn), len(gn)) >= 12 and (pn in gn or gn in pn))


def same_person(pred: str | None, gold: str | None) -> bool:
    p, g = norm(pred).split(), norm(gold).split()
    if not p or not g:
        return False
    if p == g or fuzz.token_sort_ratio(" ".join(p), " ".join(g)) >= 88:
        return True
    return p[-1] == g[-1] and p[0][0] == g[0][0]


def pair_up(preds: Sequence[Any], golds: Sequence[Any], match: Callable[[Any, Any], bool]) -> list[tuple[Any, Any]]:
    """Greedy one-to-one matching, gold items in order, each taking the first free prediction."""
    free = list(range(len(preds)))
    pairs = []
    for g in golds:
        for k, pi in enumerate(free):
            if match(preds[pi], g):
                pairs.append((preds[pi], g))
                del free[k]
                break
    return pairs


def evaluate(
    items: Sequence[dict[str, Any]], predict: Callable[[dict[str, Any]], dict[str, Any]], *, check: bool = True
) -> dict[str, Any]:
    """Per-field precision, recall, F1 and accuracies, plus per-document misses.

    A field that no item annotates is not scored: its value is None (not a perfect score).

    Args:
        items: gold items (see `GoldItem`).
        predict: gives the record (as JSON data) of an item.
        check: check each item against the gold format first; False for items that
            `read_gold` returned, which it checked.

    Raises:
        GoldError: when `items` is empty or an item does not follow the gold format.
    """
    if not items:
        raise GoldError("items", "no gold item to score")
    if check:
        for i, item in enumerate(items):
            check_item(item, f"items[{i}]")
    c: Counter[str] = Counter()
    types: list[tuple[str, str]] = []
    misses: list[dict[str, Any]] = []
    latencies: list[float] = []
    started = time.perf_counter()
    for item in items:
        g = item["gold"]
        t = time.perf_counter()
        try:
            out = predict(item)
        except Exception as exc:
            out = {}
            misses.append({"id": item.get("id"), "misses": [f"CRASH {type(exc).__name__}: {exc}"]})
            c["crashes"] += 1
        latencies.append(time.perf_counter() - t)
        doc: list[str] = []

        # A gold key that is absent was not annotated: that field is not scored here.
        if "states" in g:
            c["st_n"] += 1
            ps = {s["iso3"] for s in out.get("states") or [] if s.get("iso3")}
            gs = set(g["states"] or [])
            c["st_tp"] += len(ps & gs); c["st_fp"] += len(ps - gs); c["st_fn"] += len(gs - ps)
            if ps != gs:
                doc.append(f"states +{sorted(ps - gs)} -{sorted(gs - ps)}")

        if "organizations" in g:
            c["org_n"] += 1
            po, go = out.get("organizations") or [], g["organizations"] or []
            pairs = pair_up(po, go, same_org)
            c["org_tp"] += len(pairs); c["org_fp"] += len(po) - len(pairs); c["org_fn"] += len(go) - len(pairs)
            if len(pairs) != len(po) or len(pairs) != len(go):
                doc.append(f"organizations pred={[o.get('name') for o in po]} gold={[o.get('name') for o in go]}")

        if "officials" in g:
            c["off_n"] += 1
            # An office holder inferred from a role is extra information, not a named
            # mention: neither credited nor penalized (as in the shared scorer).
            pp = [o for o in out.get("officials") or [] if not o.get("inferred")]
            gp = g["officials"] or []
            pairs = pair_up(pp, gp, lambda a, b: same_person(a.get("name"), b.get("name")))
            c["off_tp"] += len(pairs); c["off_fp"] += len(pp) - len(pairs); c["off_fn"] += len(gp) - len(pairs)
            for p, q in pairs:
                if q.get("title"):
                    c["title_total"] += 1
                    c["title_ok"] += bool(p.get("title") and fuzz.token_set_ratio(norm(p["title"]), norm(q["title"])) >= 70)
            if len(pairs) != len(pp) or len(pairs) != len(gp):
                doc.append(f"officials pred={[o.get('name') for o in pp]} gold={[o.get('name') for o in gp]}")

        ev = (out.get("events") or [{}])[0] or {}
        if g.get("event_type"):
            ptype = ev.get("type") or "other"
            types.append((ptype, g["event_type"]))
            if ptype != g["event_type"]:
                doc.append(f"type {ptype} != {g['event_type']}")
        if g.get("event_start"):
            c["date_total"] += 1
            if ev.get("start") == g["event_start"]:
                c["start_ok"] += 1
                c["range_ok"] += ev.get("end") == (g.get("event_end") or g["event_start"])
            else:
                doc.append(f"start {ev.get('start')} != {g['event_start']}")
        elif "event_start" in g and ev.get("start"):
            c["date_spurious"] += 1
        loc, gl = ev.get("location") or {}, g.get("location") or {}
        if gl.get("country"):
            c["country_total"] += 1
            c["country_ok"] += loc.get("country") == gl["country"]
            if loc.get("country") != gl["country"]:
                doc.append(f"location {loc.get('city')}/{loc.get('country')} != {gl.get('city')}/{gl['country']}")
        if gl.get("city"):
            c["city_total"] += 1
            c["city_ok"] += bool(loc.get("city")) and fuzz.ratio(norm(loc["city"]), norm(gl["city"])) >= 85
        if g.get("participants") is not None:
            c["part_total"] += 1
            c["part_ok"] += ev.get("participants") == g["participants"]
        elif "participants" in g and ev.get("participants") is not None:
            c["part_spurious"] += 1  # a count where the text states none
        gf = {norm(f) for f in item.get("fields_of_work") or []}
        if gf:
            c["fow_n"] += 1
            pf = {norm(f) for f in out.get("fields_of_work") or []}
            c["fow_tp"] += len(pf & gf); c["fow_fp"] += len(pf - gf); c["fow_fn"] += len(gf - pf)
        if doc:
            misses.append({"id": item.get("id"), "misses": doc})
    elapsed = time.perf_counter() - started

    def ratio(ok: str, total: str) -> float | None:
        return round(c[ok] / c[total], 4) if c[total] else None

    def scores(key: str) -> dict[str, float] | None:
        # None when no line annotates the field: not scored, rather than a perfect score
        return prf(c[f"{key}_tp"], c[f"{key}_fp"], c[f"{key}_fn"]) if c[f"{key}_n"] else None

    labels = sorted({x for pair in types for x in pair})
    f1s = []
    for lab in labels:
        tp = sum(p == gl == lab for p, gl in types)
        fp = sum(p == lab != gl for p, gl in types)
        fn = sum(gl == lab != p for p, gl in types)
        if tp + fn:
            f1s.append(prf(tp, fp, fn)["f1"])
    n = len(items)
    return {
        "docs": n,
        "states": scores("st"),
        "organizations": scores("org"),
        "officials": scores("off"),
        "official_title_acc": ratio("title_ok", "title_total"),
        "event_type_acc": round(sum(p == gl for p, gl in types) / len(types), 4) if types else None,
        "event_type_macro_f1": round(statistics.mean(f1s), 4) if f1s else None,
        "event_start_acc": ratio("start_ok", "date_total"),
        "event_range_acc": ratio("range_ok", "date_total"),
        "event_date_spurious": c["date_spurious"],
        "location_country_acc": ratio("country_ok", "country_total"),
        "location_city_acc": ratio("city_ok", "city_total"),
        "participants_acc": ratio("part_ok", "part_total"),
        "participants_spurious": c["part_spurious"],
        "fields_of_work": scores("fow"),
        "crashes": c["crashes"],
        "docs_per_s": round(n / elapsed, 2) if elapsed else None,
        "p50_ms": round(1000 * statistics.median(latencies), 2) if latencies else None,
        "errors": misses,
    }


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file, each line checked against the gold format (see `check_item`).

    Raises:
        GoldError: (a ValueError) naming the file, the line and the field of a bad line, or
            the file when it holds no item.
    """
    items = []
    try:
        lines = read_lines(path)
    except UnicodeDecodeError as exc:
        raise GoldError(str(path), f"is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    for lineno, line in lines:
        try:
            obj = parse_line(line)
        except ValueError as exc:
            raise GoldError(str(path), str(exc), line=lineno) from None
        check_item(obj, str(path), lineno)
        items.append(obj)
    if not items:
        raise GoldError(str(path), "holds no gold item (one JSON object per line, with 'text' and 'gold')")
    return items


def newsie_predictor(nlp: Any = None) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A predictor running `newsie.extract` on a gold item."""
    from .api import extract

    def predict(item: dict[str, Any]) -> dict[str, Any]:
        rel = extract(item["text"], title=item.get("title"), published=item.get("published"), nlp=nlp)
        return rel.model_dump(mode="json")

    return predict


def format_summary(summary: dict[str, Any], errors: int = 0) -> Iterable[str]:
    """Human-readable lines: misses first (up to `errors`), then one line per measure."""
    for miss in summary["errors"][:errors]:
        yield f"  {miss['id']}: {'; '.join(miss['misses'])}"
    for key, value in summary.items():
        if key == "errors":
            continue
        if isinstance(value, dict):
            value = f"P={value['p']:.3f} R={value['r']:.3f} F1={value['f1']:.3f}"
        yield f"{key:24} {value}"


__all__ = ["Gold", "GoldItem", "check_gold", "check_item", "evaluate", "format_summary", "newsie_predictor", "read_gold"]
