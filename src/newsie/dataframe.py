"""pandas DataFrames of records: one row per release, per event, or per mention.

Needs the optional extra: ``pip install 'newsie[pandas]'``. The columns and dtypes of each
level are declared once in `newsie.tables` (dates as ``datetime64[ns]``, codes as fixed
categoricals, counts as ``Int64``, lists as list columns); the CLI's CSV and Parquet
writers use the same flattening.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Union

from .records import Release
from .tables import Level, column_names, table_rows, to_frame

Record = Union[Release, Mapping[str, Any]]

EVENT_COLUMNS = column_names("events")
RELEASE_COLUMNS = column_names("releases")
MENTION_COLUMNS = column_names("mentions")


def to_dataframe(releases: Record | Iterable[Record], level: Level = "events") -> Any:
    """A pandas DataFrame of records.

    Args:
        releases: one `Release` or an iterable of them (e.g. `newsie.extract_many(...)`);
            dicts (records read back from JSON Lines) are accepted too.
        level: "events" (one row per event: release_id, type, start, end, city, country,
            participants, ...), "releases" (one row per release, list columns kept) or
            "mentions" (one row per State/organization/official/date mention). A release
            without events (mentions) keeps one row with those columns empty.
            (`newsie.read_records(path, as_="frame")` gives a table as it was written,
            whole records at the releases level: name the level in both to compare.)

    Raises:
        MissingExtraError: pandas is not installed.
        ValueError: unknown level.
        pydantic.ValidationError: a dict that is not a record.
    """
    return to_frame(table_rows(releases, level), level)


__all__ = ["EVENT_COLUMNS", "MENTION_COLUMNS", "RELEASE_COLUMNS", "to_dataframe"]
