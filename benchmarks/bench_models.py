"""Speed cost of the trained models: rules alone vs rules + models, in one process.

Usage: python benchmarks/bench_models.py [--rounds 7] [--docs 400] [--gold PATH]

Texts are --docs corpus ledes (title, text, publication date; `corpus.ledes`), distinct
documents, or with --gold the releases of a gold file repeated to --docs documents. Both pipelines are
built and warmed up first, then run alternately, the order swapped every round (rules,
models; models, rules; ...) so that the shared machine's load hits both alike; each run is
timed in CPU time of this process (time.process_time) through `extract_many`, and the
median of the rounds is reported as docs per CPU second; so is the median (and quartiles)
of each round's own cost, its two runs being adjacent in time.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import newsie

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parents[1] / "shared"
sys.path.insert(0, str(HERE))
from corpus import ledes  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--gold", type=Path, help="a gold JSONL (e.g. ../shared/eval/dev.jsonl) instead of the corpus ledes")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args()
    if args.gold:
        items = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        items = ledes(args.shared)[: args.docs]
    docs = [items[k % len(items)] for k in range(args.docs)]
    pipelines = {"rules": newsie.load(models=False), "rules+models": newsie.load()}
    for nlp in pipelines.values():  # warm-up: every text seen once
        for _ in newsie.extract_many(docs[: len(items)], nlp=nlp):
            pass
    times: dict[str, list[float]] = {name: [] for name in pipelines}
    names = list(pipelines)
    for r in range(args.rounds):
        for name in names if r % 2 == 0 else names[::-1]:
            t0 = time.process_time()
            for _ in newsie.extract_many(docs, nlp=pipelines[name]):
                pass
            times[name].append(time.process_time() - t0)
    rates = {name: args.docs / statistics.median(ts) for name, ts in times.items()}
    for name, rate in rates.items():
        print(f"{name:13s} {rate:7.1f} docs/CPU-s (median of {args.rounds} rounds of {args.docs} docs)")
    print(f"cost of the models: {100 * (1 - rates['rules+models'] / rates['rules']):.1f}% of rules-only throughput")
    # Each round's two runs are adjacent in time: the cost of each round alone, a slow
    # drift of the machine's speed cancelling within it (the medians above mix rounds).
    costs = sorted(100 * (1 - r / m) for r, m in zip(times["rules"], times["rules+models"]))
    q1, med, q3 = statistics.quantiles(costs, n=4) if len(costs) > 1 else (costs * 3)
    print(f"cost of the models, paired by round: median {med:.1f}% (quartiles {q1:.1f}%, {q3:.1f}%)")


if __name__ == "__main__":
    main()
