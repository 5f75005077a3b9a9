"""How newsie reads raw release files (title line, blank line, body; no metadata).

Rebuilds raw files from a gold JSONL (the dev set by default) in memory and scores them
with the shared scorer, then checks dateline variants the archive holds (US date order,
agency tags, no year, a country after the city) on the items whose text has a dateline.

    python benchmarks/raw_inputs.py                 # dev set, all checks
    python ../shared/eval/score.py --system benchmarks/raw_inputs.py:raw_system
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import newsie

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"
_DATELINE = re.compile(r"^(?P<city>[A-ZÀ-Ý][A-ZÀ-Ýa-zà-ž /'’.\-]+?),\s*(?P<d>\d{1,2})\s+(?P<m>[A-Z][a-z]+)\s+(?P<y>\d{4})\s*[-–—]\s*")


def raw_file(item: dict[str, Any]) -> str:
    """The release as a .txt file: title, blank line, body."""
    return f"{item['title']}\n\n{item['text']}\n"


def raw_system(item: dict[str, Any]) -> dict[str, Any]:
    """A scorer system: newsie on the raw file alone (no title, no date)."""
    return newsie.extract(raw_file(item)).model_dump(mode="json")


# Each variant: the new dateline, and the `published` string a user would pass (or None).
Variant = tuple[Callable[[re.Match[str]], str], Callable[[re.Match[str]], "str | None"]]
VARIANTS: dict[str, Variant] = {
    "us_order": (lambda m: f"{m['city']}, {m['m']} {m['d']}, {m['y']} -- ", lambda m: None),
    "agency_tag": (lambda m: f"{m['city']} (Kazinform) — ", lambda m: f"{m['d']} {m['m']} {m['y']}"),
    "country_ap": (lambda m: f"{m['city'].title()}, {_country_name(m['city'])}, {m['m']} {m['d']} (AP) -- ", lambda m: f"{m['m']} {m['d']}, {m['y']}"),
    "no_year": (lambda m: f"{m['city']}, {m['d']} {m['m']} – ", lambda m: f"{m['y']}-{_month(m['m']):02d}-{int(m['d']):02d}"),
}


def variant_checks(items: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Dateline variants: does the city and the release date survive without metadata?"""
    out: dict[str, dict[str, float]] = {}
    for name, (make, published_of) in VARIANTS.items():
        n = city_ok = date_ok = title_ok = 0
        for item in items:
            m = _DATELINE.match(item["text"])
            if not m:
                continue
            body = make(m) + item["text"][m.end():]
            published = published_of(m)
            rel = newsie.extract(f"{item['title']}\n\n{body}", published=published)
            n += 1
            title_ok += rel.title == item["title"]
            want_city = m["city"].title() if m["city"].isupper() else m["city"]
            city_ok += bool((rel.dateline and rel.dateline.city and rel.dateline.city.lower() == want_city.lower().split("/")[0]) or (rel.dateline and "/" in m["city"]))
            date_ok += rel.published == dt.date(int(m["y"]), _month(m["m"]), int(m["d"]))
        out[name] = {"n": n, "title": _r(title_ok, n), "dateline_city": _r(city_ok, n), "release_date": _r(date_ok, n)}
    return out


@cache
def _country_name(city: str) -> str:
    from newsie.kb.places import default_cities, place_kb
    from newsie.kb.states import default_states

    place = place_kb(default_cities()).lookup(city.split("/")[0].title())
    entry = default_states().by_iso3.get(place.country) if place else None
    return entry.name if entry else "Austria"


def _month(name: str) -> int:
    return dt.datetime.strptime(name[:3], "%b").month


def _r(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(GOLD))
    args = ap.parse_args()
    sys.path.insert(0, str(Path(args.gold).resolve().parent))
    import score  # the shared scorer

    items = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    titles = sum(newsie.extract(raw_file(i)).title == i["title"] for i in items)
    s = score.score(items, raw_system)
    print(json.dumps({
        "raw_files": {
            "docs": s["docs"], "title_acc": _r(titles, len(items)), "event_start_acc": s["event_start_acc"],
            "location_city_acc": s["location_city_acc"], "location_country_acc": s["location_country_acc"],
            "event_type_acc": s["event_type_acc"], "states_f1": s["states"]["f1"], "crashes": s["crashes"],
        },
        "dateline_variants": variant_checks(items),
    }, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
