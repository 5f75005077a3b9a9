"""Stage by stage against Doc by Doc: how a batch is run, timed side by side in one process.

Usage: python benchmarks/bench_order.py [--rounds 9] [--docs 400] [--batch 64] [--rules-only] [--full-length]

`extract_many` runs each component over every Doc of a batch before the next component
starts. This script times that against taking each Doc through the whole pipeline in turn
(input checks and Doc, every component, record), the order `extract_many` used before
(the trained models, which predict for a batch, still run once per batch there). Both
orders do the same work on the same items and give the same records (checked); each run
is timed in CPU time (`time.process_time`), the two alternate with the order swapped
every round, and the medians are reported in microseconds per document. Needs
``../shared`` (corpus ledes with a title and a publication date).
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

import newsie
from newsie.batch import _batches, _made, predicts_in_batches, run_batch
from newsie.build import to_release
from newsie.records import Release

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import full_length, ledes  # noqa: E402


def doc_by_doc(nlp: Any, batch: list[tuple[int, Any]]) -> list[Release]:
    """Each item through the Doc-by-Doc components in turn; a component that predicts for
    a batch once over the batch's Docs, the rest Doc by Doc again; then the records."""
    # runs of Doc-by-Doc components, and single components that predict for a batch
    stages: list[tuple[bool, list[Any]]] = []
    for _, proc in nlp.pipeline:
        batched = predicts_in_batches(proc)
        if batched or not stages or stages[-1][0]:
            stages.append((batched, [proc]))
        else:
            stages[-1][1].append(proc)
    head = stages.pop(0)[1] if stages and not stages[0][0] else []
    docs: list[Doc] = []
    for _, item in batch:
        made = _made(nlp, item)
        if isinstance(made, Release):  # an empty item: no Doc (none among the corpus ledes)
            raise SystemExit("an item without text")
        doc = made
        for proc in head:
            doc = proc(doc)
        docs.append(doc)
    for batched, procs in stages:
        if batched:
            docs = list(procs[0].pipe(docs, batch_size=len(docs)))
        else:
            for k, doc in enumerate(docs):
                for proc in procs:
                    doc = proc(doc)
                docs[k] = doc
    return [to_release(doc) for doc in docs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--full-length", action="store_true", help="documents of eight ledes joined")
    ap.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    args = ap.parse_args()
    items = full_length(args.shared, args.docs) if args.full_length else ledes(args.shared)[: args.docs]
    if not items:
        raise SystemExit(f"no items under {args.shared}")
    nlp = newsie.load(models=not args.rules_only)
    runs = {"stage by stage": lambda b: run_batch(nlp, b), "Doc by Doc": lambda b: doc_by_doc(nlp, b)}
    batches = list(_batches(items, args.batch))
    same = [[r.model_dump() for b in batches for r in run(b)] for run in runs.values()]
    if same[0] != same[1]:
        raise SystemExit("the two orders gave different records")
    times: dict[str, list[float]] = {name: [] for name in runs}
    for r in range(args.rounds):
        for name in list(runs)[:: 1 if r % 2 else -1]:
            gc.collect()
            start = time.process_time()
            for b in batches:
                runs[name](b)
            times[name].append((time.process_time() - start) / len(items) * 1e6)
    med = {name: statistics.median(v) for name, v in times.items()}
    kind = "full-length documents" if args.full_length else "ledes"
    print(f"{len(items)} {kind}, batches of {args.batch}, {'rules alone' if args.rules_only else 'default pipeline'}, median of {args.rounds} rounds")
    for name, v in med.items():
        print(f"  {name:15s} {v:8.1f} us CPU per document")
    print(f"  Doc by Doc / stage by stage: {med['Doc by Doc'] / med['stage by stage']:.2f}x")


if __name__ == "__main__":
    main()
