"""Package version and record schema version (one source each)."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__: str = version("newsie")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0+unknown"

# Bump on any change to the record field names or types (see records.py).
SCHEMA_VERSION = "1.3"  # 1.3: Release.content_type
