"""A progress line for long runs: count, rate and ETA on stderr, only on a terminal."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Redraws ``N/TOTAL docs  R docs/s  ETA mm:ss`` at most a few times a second."""

    def __init__(self, total: int | None = None, *, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.total = total
        stream = stream or sys.stderr
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.count = 0
        self.start = time.perf_counter()
        self._last = 0.0

    def update(self, n: int = 1) -> None:
        self.count += n
        now = time.perf_counter()
        if self.enabled and (now - self._last > 0.2 or self.count == self.total):
            self._last = now
            self.stream.write("\r" + self.line(now) + "\033[K")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-9, (now or time.perf_counter()) - self.start)
        rate = self.count / elapsed
        total = f"/{self.total}" if self.total else ""
        eta = ""
        if self.total and rate > 0:
            left = max(0.0, (self.total - self.count) / rate)
            eta = f"  ETA {int(left // 60):02d}:{int(left % 60):02d}"
        return f"{self.count}{total} docs  {rate:.1f} docs/s{eta}"

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start
