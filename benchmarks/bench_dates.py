"""Cost of date finding and normalization per document (newsie_dateline + newsie_dates).

Usage: python benchmarks/bench_dates.py [--gold ../shared/eval/dev.jsonl] [--repeat 20]
Reports microseconds per document for the date grammar alone and for the two spaCy
components on already-tokenized Docs.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import newsie
from newsie.dates.grammar import find_dates
from newsie.making import make_doc

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(HERE.parents[1] / "shared" / "eval" / "dev.jsonl"))
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    items = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [(i.get("title"), i["text"], i.get("published")) for i in items]
    nlp = newsie.load()
    docs = [make_doc(nlp, text, title=title, published=newsie.inputs.parse_published(pub)) for title, text, pub in texts]
    for name in ("sentencizer", "newsie_dateline"):
        for d in docs:
            nlp.get_pipe(name)(d)
    dates = nlp.get_pipe("newsie_dates")
    n = len(docs) * args.repeat
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for title, text, _pub in texts:
            find_dates(f"{title}\n\n{text}", None)
    grammar = (time.perf_counter() - t0) / n
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for d in docs:
            dates(d)
    component = (time.perf_counter() - t0) / n
    mentions = sum(len(d.spans["newsie_dates"]) for d in docs) / len(docs)
    print(f"docs={len(docs)} x {args.repeat}  dates/doc={mentions:.1f}")
    print(f"date grammar: {grammar * 1e6:.0f} us/doc   newsie_dates component: {component * 1e6:.0f} us/doc")


if __name__ == "__main__":
    main()
