"""Benchmark items read from ../shared (never copied into the repository).

Ledes are the corpus items with a title and a publication date; full-length documents
are built in memory by joining consecutive ledes of the corpus (a proxy for whole
releases: several paragraphs, a few thousand characters).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FILES = ("eval/dev.jsonl", "corpus/train_labeled.jsonl", "corpus/train.jsonl")


def ledes(shared: Path, files: tuple[str, ...] = FILES) -> list[dict[str, Any]]:
    """Corpus items with text, title and published, in file order."""
    out = []
    for name in files:
        path = shared / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if item.get("text") and item.get("title") and item.get("published"):
                out.append({"text": item["text"], "title": item["title"], "published": item["published"]})
    return out


def full_length(shared: Path, n: int, per_doc: int = 8) -> list[dict[str, Any]]:
    """`n` documents of `per_doc` ledes each (title and date of the first), rotating through the corpus."""
    base = ledes(shared)
    if not base:
        return []
    out = []
    for k in range(n):
        parts = [base[(k * per_doc + j) % len(base)] for j in range(per_doc)]
        out.append({"title": parts[0]["title"], "published": parts[0]["published"],
                    "text": "\n\n".join(p["text"] for p in parts)})
    return out
