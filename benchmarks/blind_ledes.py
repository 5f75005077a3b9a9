"""Blind ledes: score newsie on the lede sets in tests/fixtures/ledes (*.jsonl).

Each line is one listing-page lede in the shared dev set's format (id, title, published,
text, gold), written and annotated per ../shared/eval/GUIDELINES.md without reading the
library's rules. Scored with the shared scorer, with title and publishing date passed.

    python benchmarks/blind_ledes.py [--show-errors]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LEDES = ROOT / "tests" / "fixtures" / "ledes"
SCORER = ROOT.parent / "shared" / "eval"

KEYS = (
    "states", "organizations", "officials", "event_type_acc", "event_start_acc", "event_range_acc",
    "location_country_acc", "location_city_acc", "participants_acc", "participants_spurious",
)


def items(folder: Path = LEDES) -> list[dict[str, Any]]:
    """All gold items from the JSONL files in ``folder``, in file then line order."""
    out: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true", help="print every per-item miss")
    args = ap.parse_args()
    sys.path.insert(0, str(SCORER))
    import score  # the shared scorer

    data = items()
    s = score.score(data, score.newsie_system(), show_errors=10**6 if args.show_errors else 0)
    print(f"ledes ({len(data)}):", json.dumps({k: (s[k]["f1"] if isinstance(s[k], dict) else s[k]) for k in KEYS}))
    for doc_id, err in s["errors"]:
        print(f"  {doc_id}: {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
