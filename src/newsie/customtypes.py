"""Literal label sets shared by records, gazetteers and components."""
from __future__ import annotations

from typing import Literal

StateStatus = Literal["participating_state", "partner", "other", "territory"]
OrgKind = Literal[
    "osce_structure",
    "osce_institution",
    "field_operation",
    "international_organization",
    "national_authority",
    "ngo",
    "academic",
    "media",
    "other",
]
EventType = Literal[
    "training",
    "meeting",
    "visit",
    "statement",
    "election_observation",
    "donation",
    "agreement",
    "publication",
    "launch",
    "appointment",
    "other",
]
Granularity = Literal["day", "week", "month", "year"]
TextField = Literal["title", "text"]

EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
ORG_KINDS: tuple[str, ...] = OrgKind.__args__  # type: ignore[attr-defined]
STATE_STATUSES: tuple[str, ...] = StateStatus.__args__  # type: ignore[attr-defined]
PloverCode = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
MentionLabel = Literal["state", "organization", "official", "date"]

PLOVER_CODES: tuple[str, ...] = PloverCode.__args__  # type: ignore[attr-defined]
CAMEO_ROOTS: tuple[str, ...] = tuple(f"{n:02d}" for n in range(1, 21))
MENTION_LABELS: tuple[str, ...] = MentionLabel.__args__  # type: ignore[attr-defined]
TEXT_FIELDS: tuple[str, ...] = TextField.__args__  # type: ignore[attr-defined]
