"""newsie: typed event records from the press releases of international organizations.

    >>> import newsie
    >>> release = newsie.extract("Kazakh police officers trained in Almaty.")
    >>> [s.iso3 for s in release.states]
    ['KAZ']
"""
from __future__ import annotations

from . import extensions as _extensions  # noqa: F401 - registers Doc/Span attributes
from . import kb  # noqa: F401 - newsie.kb.* for gazetteer access
from .about import SCHEMA_VERSION, __version__
from .api import extract, extract_html, extract_many, extract_page
from .dataframe import to_dataframe
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
from .reporting import report
from .storage import read_records
from .training import train

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
