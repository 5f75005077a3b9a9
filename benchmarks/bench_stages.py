"""CPU time per document of each stage, each run over a whole set of Docs (no valgrind).

Usage: python benchmarks/bench_stages.py [--rounds 9] [--docs 400] [--full-length] [--minimal]

Every stage (input checks and Doc, each component, record building) runs over all the
documents before the next one, as `extract_many` runs a batch; each stage is timed in CPU
time (`time.process_time`), rounds repeated, medians reported in microseconds per
document. Warm: the documents are run once before. ``--minimal`` times a one-sentence
release ("Hello there.", title "A") instead of corpus ledes: what each stage costs per
document whatever its length. Corpus items need ``../shared``.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import newsie
from newsie.batch import predicts_in_batches, prepare
from newsie.build import to_release
from newsie.making import make_doc

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import full_length, ledes  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--full-length", action="store_true", help="documents of eight ledes joined")
    ap.add_argument("--minimal", action="store_true", help="a one-sentence release, repeated")
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    args = ap.parse_args()
    items: list[dict[str, Any]]
    if args.minimal:
        items = [{"text": "Hello there.", "title": "A", "published": "2020-01-01"}] * args.docs
    else:
        items = full_length(args.shared, args.docs) if args.full_length else ledes(args.shared)[: args.docs]
    if not items:
        raise SystemExit(f"no items under {args.shared}")
    nlp = newsie.load(models=not args.rules_only)
    for _ in newsie.extract_many(items, nlp=nlp):
        pass
    times: dict[str, list[float]] = {}
    held = gc.isenabled()
    gc.disable()
    try:
        for _ in range(args.rounds):
            start = time.process_time()
            docs = [make_doc(nlp, **prepare(item)) for item in items]
            times.setdefault("input checks and Doc", []).append(time.process_time() - start)
            for name, proc in nlp.pipeline:
                start = time.process_time()
                runner: Any = proc  # a component that predicts for a batch runs once over all of them
                docs = list(runner.pipe(docs, batch_size=len(docs))) if predicts_in_batches(proc) else [proc(d) for d in docs]
                times.setdefault(name, []).append(time.process_time() - start)
            start = time.process_time()
            for doc in docs:
                to_release(doc)
            times.setdefault("records", []).append(time.process_time() - start)
            start = time.process_time()
            del docs
            times.setdefault("freeing the Docs", []).append(time.process_time() - start)
            gc.collect()
    finally:
        if held:
            gc.enable()
    kind = "one-sentence releases" if args.minimal else "full-length documents" if args.full_length else "ledes"
    print(f"{len(items)} {kind}, CPU us per document, median of {args.rounds} rounds")
    total = 0.0
    for name, values in times.items():
        per_doc = statistics.median(values) / len(items) * 1e6
        total += per_doc
        print(f"  {name:28s} {per_doc:8.1f}")
    print(f"  {'total':28s} {total:8.1f}")


if __name__ == "__main__":
    main()
