"""Knowledge bases: typed gazetteer entries, their loaders and alias indexes."""
from __future__ import annotations

import importlib
from types import ModuleType

from . import officials, organizations, places, states  # noqa: F401


def __getattr__(name: str) -> ModuleType:
    # `newsie.kb.user` (user gazetteer files) is imported on first use: extracting needs none.
    if name == "user":
        return importlib.import_module(".user", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
