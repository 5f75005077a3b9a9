"""Process an archive folder of releases into JSON Lines and a per-event CSV.

Usage: python examples/batch_archive.py ARCHIVE_DIR OUTPUT_DIR [--n-process 2]

The same run from the shell is:
    newsie extract ARCHIVE_DIR --output OUTPUT_DIR/releases.jsonl --n-process 2 --resume
"""
from __future__ import annotations

import argparse
from pathlib import Path

import newsie
from newsie.archive.readers import Failure, read_units
from newsie.archive.run import failure_release


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("archive")
    ap.add_argument("output")
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args()
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    # Every file becomes one item (or one error record), read lazily.
    items = (failure_release(u) if isinstance(u, Failure) else u for u in read_units([args.archive]))
    records = []
    with (out / "releases.jsonl").open("w", encoding="utf-8") as fh:
        for rel in newsie.extract_many(items, n_process=args.n_process):
            fh.write(rel.model_dump_json() + "\n")
            records.append(rel)
    df = newsie.to_dataframe(records, level="events")
    df.to_csv(out / "events.csv", index=False)
    failed = sum(r.error is not None for r in records)
    print(f"{len(records)} releases, {len(df)} events, {failed} errors -> {out}")


if __name__ == "__main__":
    main()
