"""Progress of long runs: a tqdm bar on stderr (count, rate, ETA), only on a terminal."""
from __future__ import annotations

import sys
import time
from typing import TextIO

from tqdm import tqdm


class Progress:
    """A tqdm bar (rate, ETA) that is silent off a terminal.

    Args:
        total: documents expected (None: count and rate only, no ETA).
        stream: where to draw (stderr by default).
        enabled: draw at all (default: when `stream` is a terminal).
    """

    def __init__(self, total: int | None = None, *, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = on_terminal(self.stream) if enabled is None else enabled
        self.bar = tqdm(
            total=total, unit="doc", file=self.stream, disable=not self.enabled, dynamic_ncols=True,
            mininterval=0.2, smoothing=0.1, leave=False,
        )
        self.start = time.perf_counter()

    def update(self, n: int = 1) -> None:
        """`n` more documents done."""
        self.bar.update(n)

    def skip(self, n: int = 1) -> None:
        """`n` documents not to be processed (e.g. already done): out of the total, not of the rate."""
        if self.bar.total:
            self.bar.total = max(0, self.bar.total - n)
            self.bar.refresh()

    def message(self, text: str) -> None:
        """Print a line above the bar (or plainly when there is none)."""
        if self.enabled:
            self.bar.write(text, file=self.stream)
        else:
            self.stream.write(text + "\n")

    def close(self) -> None:
        self.bar.close()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start


def on_terminal(stream: TextIO) -> bool:
    """Whether `stream` is a terminal, where bars are drawn (a log file or pipe gets none)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
