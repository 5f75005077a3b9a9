"""Write every record newsie gives on the shared corpora, to compare two versions byte for byte.

Usage: python benchmarks/snapshot_records.py OUT.jsonl [--shared ../shared] [--rules-only] [--many]

Items: the dev set, the labeled training corpus, and full-length documents built in
memory by joining several corpus ledes (nothing is written but the records).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from corpus import full_length, ledes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--rules-only", action="store_true", help="the rules alone (newsie.load(models=False))")
    ap.add_argument("--many", action="store_true", help="through newsie.extract_many (default: newsie.extract per item)")
    args = ap.parse_args()
    import newsie

    nlp = newsie.load(models=not args.rules_only)

    shared = Path(args.shared)
    items = ledes(shared) + full_length(shared, 60)
    with open(args.out, "w", encoding="utf-8") as fh:
        if args.many:
            records = newsie.extract_many(items, nlp=nlp)
        else:
            records = (newsie.extract(it["text"], title=it.get("title"), published=it.get("published"), nlp=nlp) for it in items)
        for rec in records:
            fh.write(rec.model_dump_json() + "\n")
    print(f"{len(items)} records -> {args.out}")


if __name__ == "__main__":
    main()
