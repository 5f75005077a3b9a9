"""Interim reader of newsie's JSON Lines and Parquet output (until `newsie.read_records`)."""
from __future__ import annotations

import json
from pathlib import Path

from ..records import Release


def read_records(path: str | Path) -> list[Release]:
    """The records of a JSON Lines or Parquet file, or of a folder of them."""
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file or folder")
    files = sorted(f for f in p.rglob("*") if f.suffix in (".jsonl", ".parquet")) if p.is_dir() else [p]
    out: list[Release] = []
    for f in files:
        if f.suffix == ".parquet":
            import pyarrow.parquet as pq

            out.extend(Release.model_validate(json.loads(r)) for r in pq.read_table(f).column("record").to_pylist())
        else:
            with f.open(encoding="utf-8") as fh:
                out.extend(Release.model_validate_json(line) for line in fh if line.strip())
    return out
