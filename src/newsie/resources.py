"""Access to the data that ships inside the package (gazetteers, models)."""
from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def data_root() -> Traversable:
    """The installed `newsie` package directory."""
    return resources.files("newsie")


def gazetteer_file(name: str) -> Traversable:
    """A file in the packaged `gazetteers/` folder, e.g. ``gazetteer_file("states.jsonl")``."""
    return data_root() / "gazetteers" / name


def model_path(name: str) -> Traversable:
    """A file or folder in the packaged `models/` folder."""
    return data_root() / "models" / name
