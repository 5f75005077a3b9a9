"""Training newsie's event-type and fields-of-work models: `newsie.train(...)`, `newsie train`."""
from __future__ import annotations

from .data import TrainItem, read_all, read_items
from .trainer import TrainReport, default_config, train

__all__ = ["TrainItem", "TrainReport", "default_config", "read_all", "read_items", "train"]
