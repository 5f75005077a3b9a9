"""newsie: typed event records from the press releases of international organizations.

    >>> import newsie
    >>> release = newsie.extract("Kazakh police officers trained in Almaty.")
    >>> [s.iso3 for s in release.states]
    ['KAZ']
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .collector import paused as _paused

# Importing spaCy and newsie makes ~90,000 long-lived objects and no garbage cycles: keep
# the cyclic collector from traversing them while they are made (see `newsie.collector`).
with _paused():
    from . import extensions as _extensions  # noqa: F401 - registers Doc/Span attributes
    from . import kb  # noqa: F401 - newsie.kb.* for gazetteer access
    from .about import SCHEMA_VERSION, __version__
    from .api import extract, extract_html, extract_many, extract_page
    from .exceptions import GazetteerError, MissingExtraError, NewsieError, PublishedDateError, RecordsFileError
    from .pipeline import load
    from .records import (
        Dateline,
        DateMention,
        Event,
        Location,
        Mention,
        Official,
        Organization,
        RecordError,
        Release,
        State,
    )
    from .render import render

if TYPE_CHECKING:
    from .dataframe import to_dataframe
    from .reporting import report
    from .storage import read_records
    from .training import train

# Imported on first use: `import newsie; newsie.extract(...)` needs none of them.
_LAZY = {"to_dataframe": ".dataframe", "report": ".reporting", "read_records": ".storage", "train": ".training"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "SCHEMA_VERSION",
    "DateMention",
    "Dateline",
    "Event",
    "GazetteerError",
    "Location",
    "Mention",
    "MissingExtraError",
    "NewsieError",
    "Official",
    "Organization",
    "PublishedDateError",
    "RecordError",
    "RecordsFileError",
    "Release",
    "State",
    "__version__",
    "extract",
    "extract_html",
    "extract_many",
    "extract_page",
    "load",
    "read_records",
    "render",
    "report",
    "to_dataframe",
    "train",
]
