"""Build newsie's packaged States table (run after editing states.jsonl or upgrading pycountry).

Usage: python tools/build_states_table.py

Writes ``gazetteers/states_table.json``: every States entry as `newsie.kb.states`
merges it from pycountry's ISO 3166 data and ``gazetteers/states.jsonl``, with hashes of
those sources. At load time `default_states()` reads the table instead of importing
pycountry and merging again, as long as the hashes match the installed files; otherwise
it merges as before (slower, same entries). A test checks the table against a fresh build.
"""
from __future__ import annotations

import json
from pathlib import Path

from newsie.kb.states import STATES_TABLE_FILE, build_table

ROOT = Path(__file__).resolve().parents[1] / "gazetteers"


def dumps_table(table: dict) -> str:
    """The table as written to the package: one entry per line, for readable diffs."""
    entries = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in table["entries"])
    return '{"sources": ' + json.dumps(table["sources"], sort_keys=True) + ',\n"entries": [\n' + entries + "\n]}\n"


def main() -> None:
    table = build_table()
    (ROOT / STATES_TABLE_FILE).write_text(dumps_table(table), encoding="utf-8")
    print(f"{len(table['entries'])} States -> {ROOT / STATES_TABLE_FILE}")


if __name__ == "__main__":
    main()
