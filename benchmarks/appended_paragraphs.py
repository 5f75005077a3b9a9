"""Do a release's later paragraphs move its main event? Real ledes with later paragraphs added.

No labeled full-length releases are at hand, so this stands in for them with real text:
each release of a gold file (the shared scorer's format) is scored alone, then again with
the ledes of K other releases of the same file appended as later paragraphs (blank line
between, their datelines removed). Those paragraphs tell of other events, other places
and other dates, unlike a real release's, whose later paragraphs mostly go on about the
same event: a harsh test of whether the title and the lede decide. Scored with the shared
scorer (`score.py`) on what the added paragraphs must not change: event type, start,
range, location, participants, fields of work (States, organizations and officials grow
with the added text and are not compared).

    python benchmarks/appended_paragraphs.py                         # dev set, shipped models
    python benchmarks/appended_paragraphs.py --gold G.jsonl --models DIR --k 4
    python benchmarks/appended_paragraphs.py --rules-only
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

import newsie
from newsie.components.dateline import read_dateline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MEASURES = (
    "event_type_acc", "event_start_acc", "event_range_acc", "event_date_spurious", "location_country_acc",
    "location_city_acc", "participants_acc", "participants_spurious",
)


def without_dateline(text: str) -> str:
    """`text` without its opening dateline ("VIENNA, 6 May 2020 –"): later paragraphs have none."""
    found = read_dateline(text[:200], None, {})
    return text[found.end_char :].lstrip() if found is not None else text


def appended(items: list[dict[str, Any]], k: int, seed: int) -> list[dict[str, Any]]:
    """Each item with the ledes of `k` other items (drawn with `seed`) as later paragraphs."""
    rng = random.Random(seed)
    out = []
    for i, item in enumerate(items):
        others = rng.sample([j for j in range(len(items)) if j != i], min(k, len(items) - 1))
        paragraphs = [item["text"].rstrip(" .") + "."] + [without_dateline(items[j]["text"]).rstrip(" .") + "." for j in others]
        out.append({**item, "text": "\n\n".join(paragraphs)})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "eval" / "dev.jsonl"))
    ap.add_argument("--models", default=None, help="a folder of `newsie train` (default: the shipped models)")
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--k", type=int, default=2, help="ledes appended to each release")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(SHARED / "eval"))
    from score import score  # the shared scorer, beside the checkout

    items = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = newsie.load(models=False) if args.rules_only else newsie.load(models=args.models) if args.models else newsie.load()

    def run(item: dict[str, Any]) -> dict[str, Any]:
        return newsie.extract(item["text"], title=item.get("title"), published=item.get("published"), nlp=nlp).model_dump(mode="json")

    alone = [{**item, "text": item["text"].rstrip(" .") + "."} for item in items]  # each lede as it opens the appended text
    rows = {"alone": score(alone, run), f"with {args.k} ledes appended": score(appended(items, args.k, args.seed), run)}
    table = {name: {m: s[m] for m in MEASURES} | {"fields_f1": s["fields_of_work"]["f1"]} for name, s in rows.items()}
    if args.json:
        print(json.dumps(table))
        return 0
    names = list(table)
    print(f"{len(items)} releases of {args.gold}\n\n| measure | " + " | ".join(names) + " |\n|---|" + "---|" * len(names))
    for m in [*MEASURES, "fields_f1"]:
        print(f"| {m} | " + " | ".join(str(table[n][m]) for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
