"""Instructions per document, stage by stage, counted by callgrind (noise-free on a busy machine).

Usage:
    python benchmarks/callgrind_stages.py [--rules-only] [-n 100] [--full-length]
        [--profile STAGE] [--out DIR] [--label TAG] [--append results.txt]

It runs this same script under ``valgrind --tool=callgrind`` (installed separately,
e.g. ``apt-get install valgrind``). The child loads newsie, warms it up on as many OTHER
items (lazy indexes and Python specialisation filled, so load and first-document costs
are left out; memos keyed by text are not flattered by having seen the measured items),
then processes the items stage by stage: ``prepare+make_doc``
(newsie's input checks and spaCy's tokenizer), each pipeline component, and
``to_release`` (record building). Between stages it calls ``os.getppid()``, and callgrind
is told to dump its counters before each such call (``--dump-before=os_getppid``), so
each dump holds exactly one stage; a full garbage collection between stages, in a dump
of its own that is left out, starts every stage from the same collector state. Figures are instructions per document (thousands),
independent of load and of other processes on the machine: compare two versions by
running the script in each worktree. Run-to-run differences are well under 1%.

``--profile STAGE`` runs without valgrind and lists that stage's costliest Python
functions (cProfile), to find what to optimise next (callgrind sees only the
interpreter's C functions). Dumps are kept in ``--out`` for ``callgrind_annotate``. Under valgrind Python runs
~50x slower: 100 ledes take about two minutes.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = "STAGES "


def _child(rules_only: bool, n: int, full: bool, shared: Path, profile: str | None = None, top_n: int = 40, seen: bool = False) -> None:
    """Run under callgrind: warm up, then each stage between two ``os.getppid()`` markers.

    With `profile` (no valgrind), run that stage under cProfile and print its costliest
    Python functions instead.
    """
    sys.path.insert(0, str(HERE))
    from corpus import full_length, ledes

    import newsie
    from newsie.batch import prepare
    from newsie.build import to_release
    from newsie.making import make_doc

    nlp = newsie.load(models=not rules_only)
    pool = full_length(shared, 2 * n) if full else ledes(shared)[: 2 * n]
    items, others = pool[:n], pool[n:]
    if not items:
        raise SystemExit(f"no items under {shared}")
    # Warm-up on OTHER items (lazy indexes, interpreter caches): memos keyed by text then
    # count as they would on an archive of releases not seen before. With `seen`, on the
    # measured items themselves (the warm protocol of bench_pipeline's paired table).
    for _ in newsie.extract_many(items if seen else (others or items), nlp=nlp):
        pass
    prof = cProfile.Profile() if profile else None

    def mark() -> None:
        # A full collection between stages, in a dump of its own (left out): each stage
        # starts from the same collector state, so the collections a stage triggers are
        # its own and not set off by garbage an earlier stage left.
        os.getppid()
        gc.collect()
        os.getppid()

    def stage(name: str) -> None:
        names.append(name)
        if prof is not None:
            prof.enable() if name == profile else prof.disable()

    names: list[str] = []
    mark()
    stage("prepare+make_doc")
    docs = [make_doc(nlp, **prepare(it)) for it in items]
    mark()
    for name, proc in nlp.pipeline:
        stage(name)
        # Trained components batch their documents; the rules take one at a time (as in nlp.pipe).
        docs = list(proc.pipe(docs)) if getattr(proc, "predicts_in_batches", False) else [proc(d) for d in docs]
        mark()
    stage("to_release")
    for d in docs:
        to_release(d)
    mark()
    if prof is not None:
        prof.disable()
        if profile not in names:
            raise SystemExit(f"no stage {profile!r}; stages: {', '.join(names)}")
        stats = pstats.Stats(prof)
        print(f"{profile}: cProfile over {len(items)} documents (Python functions; totals include the profiler's overhead)")
        stats.sort_stats("tottime").print_stats(top_n)
        stats.sort_stats("cumulative").print_stats(top_n)
        return
    print(MARK + ",".join(names) + f" {len(items)}", flush=True)


def _summary(path: Path) -> int:
    for line in path.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    return 0


def _run(args: argparse.Namespace) -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="newsie-cg-"))
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("cg.out*"):
        old.unlink()
    cmd = [
        "valgrind", "--tool=callgrind", "--dump-before=os_getppid",
        f"--callgrind-out-file={out / 'cg.out'}",
        sys.executable, __file__, "--child", "-n", str(args.n), "--shared", args.shared,
    ]
    cmd += ["--rules-only"] * args.rules_only + ["--full-length"] * args.full_length + ["--seen"] * args.seen
    # A fixed hash seed: set and dict orders, hence instruction counts, repeat run to run.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    (out / "child.log").write_text(proc.stdout + proc.stderr)
    marks = [line for line in proc.stdout.splitlines() if line.startswith(MARK)]
    if proc.returncode or not marks:
        raise SystemExit(f"the child failed; see {out / 'child.log'}")
    names_s, count_s = marks[0][len(MARK):].split()
    names, count = names_s.split(","), int(count_s)
    # Dump 1 holds the start-up; then each `mark()` ends a stage's dump and a collection's
    # dump: stage i is dump 2i + 3 (the first collection is dump 2).
    dumps = {int(p.name.rsplit(".", 1)[1]): p for p in out.glob("cg.out.*") if p.name.rsplit(".", 1)[1].isdigit()}
    per_doc = {name: _summary(dumps[2 * i + 3]) / count for i, name in enumerate(names)}
    total = sum(per_doc.values())
    mode = "rules" if args.rules_only else "default"
    kind = ("full-length" if args.full_length else "ledes") + (", seen" if args.seen else "")
    print(f"instructions per document ({kind}, {count} items, {mode}), thousands:")
    width = max(map(len, per_doc))
    for name, v in per_doc.items():
        print(f"  {name:<{width}} {v / 1e3:9.0f}k")
    print(f"  {'total':<{width}} {total / 1e3:9.0f}k")
    print(f"dumps in {out}")
    if args.append:
        line = " ".join(f"{n}={v / 1e3:.0f}k" for n, v in per_doc.items())
        with open(args.append, "a", encoding="utf-8") as fh:
            fh.write(f"{args.label} {mode} {kind} {line} total={total / 1e3:.0f}k\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(HERE.parents[1] / "shared"), help="directory holding eval/ and corpus/")
    ap.add_argument("-n", type=int, default=100, help="number of documents (default 100)")
    ap.add_argument("--rules-only", action="store_true", help="the rules alone (newsie.load(models=False))")
    ap.add_argument("--seen", action="store_true", help="warm up on the measured items themselves (bench_pipeline's warm protocol) instead of on other items")
    ap.add_argument("--full-length", action="store_true", help="full-length documents (8 ledes joined) instead of ledes")
    ap.add_argument("--profile", metavar="STAGE", help="no valgrind: list the costliest Python functions of this stage (cProfile), e.g. newsie_events")
    ap.add_argument("--top-n", type=int, default=40, help="how many functions --profile lists")
    ap.add_argument("--out", help="directory for the callgrind dumps (default: a new temporary one)")
    ap.add_argument("--append", help="append a one-line summary to this file")
    ap.add_argument("--label", default="run", help="tag of the --append line")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child or args.profile:
        _child(args.rules_only, args.n, args.full_length, Path(args.shared), args.profile, args.top_n, args.seen)
    else:
        _run(args)


if __name__ == "__main__":
    main()
