"""Time of `newsie.extract` on pathological inputs at growing sizes: it should grow linearly.

Usage: python benchmarks/bench_linear.py [--sizes 100000 200000 400000] [--repeat 1]

Each input is a short unit repeated to the size: no sentence punctuation ("OSCE Mission
to "), many offices in one sentence, a punctuation run ("=", quadratic in spaCy's own
tokenizer without newsie's guard). The last column is seconds per 100k characters:
roughly constant when the cost is linear, doubling with each doubling when quadratic.
"""
from __future__ import annotations

import argparse
import time

import newsie

UNITS = {
    "no punctuation": "OSCE Mission to ",
    "offices": "Head of the OSCE Mission to Skopje ",
    "roles": "the Secretary General and ",
    "named officials": "Ambassador Clemens Koja said ",
    "'=' run": "=",
    "'.-' run": ".-",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 400_000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the best is kept)")
    args = parser.parse_args()
    nlp = newsie.load()
    newsie.extract("Warm-up: the OSCE met in Vienna on 1 May 2020.", nlp=nlp, published="2020-05-02")
    print(f"{'input':<18}{'characters':>12}{'seconds':>10}{'s/100k':>10}")
    for name, unit in UNITS.items():
        for size in args.sizes:
            text = unit * (size // len(unit))
            best = min(_time(text, nlp) for _ in range(args.repeat))
            print(f"{name:<18}{len(text):>12,}{best:>10.2f}{best / len(text) * 100_000:>10.2f}", flush=True)


def _time(text: str, nlp: object) -> float:
    start = time.perf_counter()
    newsie.extract(text, nlp=nlp, published="2024-01-01")  # type: ignore[arg-type]
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
