"""Empty defaults for the gazetteer models, as factories pydantic inspects cheaply.

pydantic reads the signature of every ``default_factory`` when it builds a model class;
for the built-ins ``list`` and ``dict`` that means parsing their text signature (~0.15 ms
a field, ~10 ms of importing newsie's gazetteer models). These plain functions give the
same empty values.
"""
from __future__ import annotations

from typing import Any


def empty_list() -> list[Any]:
    """A new empty list."""
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty dict."""
    return {}
