"""Full-length releases: score newsie on the hand-annotated fixtures in tests/fixtures/full.

Each fixture is a raw release file (title, blank line, body with paragraphs, quotes and a
contact block); ``gold.jsonl`` annotates it per the shared guidelines. The "tuned" set was
written with the rules it tests; the "blind", "blind3" and "blind5" sets afterwards, to check they generalize.
Scored with the shared scorer twice: with title and date passed, and as the raw file alone.

    python benchmarks/full_releases.py [--show-errors]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import newsie

ROOT = Path(__file__).resolve().parents[1]
FULL = ROOT / "tests" / "fixtures" / "full"
SCORER = ROOT.parent / "shared" / "eval"


def items() -> list[dict[str, Any]]:
    """The fixtures as gold items: title, text, published, gold."""
    out = []
    for line in (FULL / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        raw = (FULL / g["file"]).read_text(encoding="utf-8")
        title, _, body = raw.partition("\n\n")
        out.append({"id": g["file"], "set": g["set"], "title": title.strip(), "text": body.strip(), "raw": raw, "published": g["published"], "gold": g["gold"]})
    return out


def raw_system(item: dict[str, Any]) -> dict[str, Any]:
    """newsie on the raw file alone."""
    return newsie.extract(item["raw"]).model_dump(mode="json")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(SCORER))
    import score  # the shared scorer

    keys = ("states", "organizations", "officials", "event_type_acc", "event_start_acc", "event_range_acc", "location_country_acc", "location_city_acc", "participants_acc", "participants_spurious")
    for subset in ("tuned", "blind", "blind3", "blind5", "all"):
        data = [i for i in items() if subset in ("all", i["set"])]
        for name, system in (("with metadata", score.newsie_system()), ("raw file", raw_system)):
            s = score.score(data, system, show_errors=100 if args.show_errors else 0)
            print(f"{subset} ({len(data)}), {name}:", json.dumps({k: (s[k]["f1"] if isinstance(s[k], dict) else s[k]) for k in keys}))
            for doc_id, err in s["errors"]:
                print(f"  {doc_id}: {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
