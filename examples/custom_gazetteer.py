"""Extend newsie with your own organizations, officials and event triggers, no code changes.

Usage: python examples/custom_gazetteer.py
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import newsie

MY_GAZETTEER = {
    "organizations": [
        {"id": "steppe-media-watch", "name": "Steppe Media Watch", "acronym": "SMW", "kind": "ngo", "country": "KAZ"}
    ],
    "offices": [
        {"id": "smw-director", "title": "Director of Steppe Media Watch", "organization": "Steppe Media Watch",
         "patterns": ["SMW Director", "Director of Steppe Media Watch"]}
    ],
    "officials": [
        {"name": "Aigerim Testova", "terms": [{"office": "smw-director", "start": "2019-01-01", "end": None}], "country": "KAZ"}
    ],
    "event_triggers": {"training": {"bootcamp": 2.5}},
}

RELEASE = (
    "ALMATY, 4 April 2024 – The SMW Director opened a media bootcamp for 18 young journalists, "
    "organized by Steppe Media Watch with the support of the OSCE Programme Office in Astana."
)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "my_gazetteer.json"
        path.write_text(json.dumps(MY_GAZETTEER, indent=2), encoding="utf-8")
        # Check the file as `newsie gazetteers validate my_gazetteer.json` would.
        newsie.kb.user.read_user_gazetteer(path)
        nlp = newsie.load(gazetteers=[str(path)])
        rel = newsie.extract(RELEASE, nlp=nlp)
    print("organizations:", [(o.name, o.acronym, o.kind, o.country) for o in rel.organizations])
    print("officials:", [(p.name, p.office, p.inferred) for p in rel.officials])
    ev = rel.events[0]
    print("event:", ev.type, ev.trigger, ev.start, ev.location.city, ev.participants)


if __name__ == "__main__":
    main()
