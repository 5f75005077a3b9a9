"""Newsroom listing pages: rebuild pages from the corpus items and read them back.

The corpus (../shared/corpus/train.jsonl) holds items read from listing pages: title,
publishing date, content type, issuers, fields of work and the (often cut) summary. This
script lays them out again as pages of ten, in the two layouts seen on OSCE sites
(newsroom: labels on their own lines, summary after; field operations: summary first,
inline labels, "A, B" lists), wrapped in menus, and checks that `newsie.extract_page`
gives one record per item with the right title, date, issuers, fields and text.

    python benchmarks/listing_pages.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import newsie

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "train.jsonl"
MENU = "Skip to main content\n-\nOur work\n- Arms control\n- Elections\n- Policing\n-\nParticipating States\n- Albania\n- Serbia\n- Ukraine\nNews and press releases\n"
FOOTER = "Load more\nSubscribe to our newsletter\n- Facebook\n- X\n"


def _date(iso: str) -> str:
    import datetime as dt

    d = dt.date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B %Y')}"


def newsroom(items: list[dict[str, Any]]) -> str:
    out = [MENU]
    for i in items:
        out.append(f"{i['title']}\nPublishing date:\n{_date(i['published'])}\n")
        if i.get("content_type"):
            out.append(f"Content type:\n{i['content_type']}\n")
        if i.get("issuer"):
            out.append("Where we are:\n" + "".join(f"- {v}\n" for v in i["issuer"]))
        if i.get("fields_of_work"):
            out.append("What we do:\n" + "".join(f"- {v}\n" for v in i["fields_of_work"]))
        out.append(i["text"] + "...\n")
    return "".join(out) + FOOTER


def field_list(items: list[dict[str, Any]]) -> str:
    out = [MENU]
    for i in items:
        out.append(f"{i['title']}\n{i['text']}…\nPublishing date: {_date(i['published'])}\n")
        if i.get("issuer"):
            out.append(f"Where we are: {', '.join(i['issuer'])}\n")
        if i.get("fields_of_work"):
            out.append(f"What we do: {', '.join(i['fields_of_work'])}\n")
    return "".join(out) + FOOTER


def check(layout: Any, items: list[dict[str, Any]], nlp: Any) -> dict[str, float]:
    c = dict.fromkeys(("items", "records", "title", "date", "issuer", "fields", "text"), 0)
    for k in range(0, len(items), 10):
        page = items[k : k + 10]
        if len(page) < 2:
            continue
        recs = newsie.extract_page(layout(page), nlp=nlp)
        c["items"] += len(page)
        c["records"] += len(recs)
        for item, rec in zip(page, recs):
            c["title"] += rec.title == item["title"]
            c["date"] += str(rec.published) == item["published"]
            c["issuer"] += rec.issuer == (item.get("issuer") or [])
            given = item.get("fields_of_work") or []
            c["fields"] += not given or rec.fields_of_work == given
            c["text"] += rec.text.strip() == item["text"].strip()
    n = c.pop("items")
    return {"items": n, **{k: round(v / n, 4) if k != "records" else v for k, v in c.items()}}


def main() -> int:
    if not CORPUS.exists():
        print("no corpus beside the repository", file=sys.stderr)
        return 1
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [i for i in items if i.get("title") and i.get("published") and i.get("text")]
    nlp = newsie.load()
    print(json.dumps({"newsroom": check(newsroom, items, nlp), "field_operation": check(field_list, items, nlp)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
