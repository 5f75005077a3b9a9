"""Words around a date that tell how to read it ("the upcoming 15 October elections")."""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..resources import gazetteer_file
from .defaults import empty_dict, empty_list

DATE_CUES_FILE = "date_cues.json"


class DateCues(BaseModel):
    """``gazetteers/date_cues.json``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    forward_cues: list[str] = Field(
        default_factory=empty_list,
        description="In the clause before a day without a year or a bare weekday, one of these makes it a day to come ('will be held on 5 May', 'ahead of the 15 October elections')",
    )
    forward_window: int = Field(60, ge=0, le=400, description="Characters before the date in which a forward cue is looked for")
    observances: dict[str, str] = Field(
        default_factory=empty_dict,
        description="Days observed each year, by name, with their month and day as MM-DD ('International Roma Day': '04-08'): "
        "'On International Roma Day' is 8 April of the release's year",
    )

    observance_not_after: list[str] = Field(
        default_factory=empty_list,
        description="A day observed each year right after one of these ('ahead of Europe Day', 'events held on International Roma Day') dates no event",
    )

    @field_validator("observances")
    @classmethod
    def _month_days(cls, value: dict[str, str]) -> dict[str, str]:
        for name, day in value.items():
            month, _, dom = day.partition("-")
            try:
                dt.date(2000, int(month), int(dom))  # (a leap year: 29 February is a day)
            except ValueError:
                raise ValueError(f"observance {name!r}: {day!r} is no month and day as MM-DD") from None
            if " day" not in name.lower():
                raise ValueError(f"observance {name!r}: a name with the word 'Day' after another (how newsie finds them)")
        return value


@lru_cache(maxsize=1)
def date_cues() -> DateCues:
    """The packaged date cues."""
    return DateCues.model_validate(json.loads(gazetteer_file(DATE_CUES_FILE).read_text(encoding="utf-8")))


def forward_regex(cues: DateCues | None = None) -> re.Pattern[str]:
    """A regex over lowercased text that finds a forward cue as a whole word or phrase."""
    words = sorted((c.lower() for c in (cues or date_cues()).forward_cues), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")
