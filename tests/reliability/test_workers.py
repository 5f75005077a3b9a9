"""Worker processes that die or hang: items retried once, then error records; no hang."""
from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

import newsie

OWNER = os.getpid()


class Bomb(Mapping):
    """An item that kills (or stalls) the worker process reading it, never the test process.

    With `once`, it only does so while the marker file does not exist yet (a transient
    death, like the OOM killer hitting a worker that was merely busy).
    """

    def __init__(self, text: str, *, action: str = "kill", once: str | None = None) -> None:
        self.data = {"id": f"bomb-{action}", "text": text}
        self.action, self.once = action, once

    def __getitem__(self, key: str) -> Any:
        if key == "text" and os.getpid() != OWNER and (self.once is None or not Path(self.once).exists()):
            if self.once is not None:
                Path(self.once).touch()
            if self.action == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            time.sleep(3600)
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def _texts(n: int) -> list[str]:
    return [f"Officials from Serbia met in Belgrade for the {i}th time." for i in range(n)]


@pytest.mark.slow
def test_a_worker_killed_twice_gives_an_error_record_and_the_rest_survives() -> None:
    """An item that kills every worker it reaches becomes one WorkerDied record; all others are kept."""
    items: list[Any] = _texts(10)
    items[4] = Bomb("Officials from Serbia met.")
    out = list(newsie.extract_many(items, batch_size=3, n_process=2))
    assert len(out) == 10
    assert [r.error.type if r.error else None for r in out] == [None] * 4 + ["WorkerDied"] + [None] * 5
    assert out[4].id == "bomb-kill" and "signal 9" in out[4].error.message
    assert all(r.states[0].iso3 == "SRB" for i, r in enumerate(out) if i != 4)


@pytest.mark.slow
def test_a_worker_killed_once_is_retried(tmp_path) -> None:
    """An item whose worker dies once (a transient kill) is retried in a fresh worker and succeeds."""
    items: list[Any] = _texts(6)
    items[2] = Bomb("Officials from Serbia met.", once=str(tmp_path / "killed"))
    out = list(newsie.extract_many(items, batch_size=4, n_process=2))
    assert [r.error for r in out] == [None] * 6
    assert out[2].id == "bomb-kill" and out[2].states[0].iso3 == "SRB"


@pytest.mark.slow
def test_a_hung_worker_is_stopped_by_the_watchdog() -> None:
    """An item that hangs its worker becomes a WorkerTimeout record after `timeout` seconds."""
    items: list[Any] = _texts(4)
    items[1] = Bomb("Officials from Serbia met.", action="hang")
    started = time.monotonic()
    out = list(newsie.extract_many(items, batch_size=2, n_process=2, timeout=10))
    assert time.monotonic() - started < 120
    assert [r.error.type if r.error else None for r in out] == [None, "WorkerTimeout", None, None]


@pytest.mark.slow
def test_a_worker_that_cannot_load_is_a_clear_error() -> None:
    """Bad load options make the run fail at once with the worker's reason, not hang."""
    with pytest.raises(newsie.NewsieError, match="could not build its pipeline"):
        list(newsie.extract_many(["x"], n_process=2, load_options={"gazetteers": ["/nonexistent/g.json"]}))


def test_surrogates_cross_processes() -> None:
    """A lone surrogate in an item gives a clean record with two processes, as with one."""
    items = [{"id": "s", "title": "Bad \ud83d t", "text": "Officials from Serbia met."}, *_texts(3)]
    out = list(newsie.extract_many(items, n_process=2, batch_size=1))
    assert out[0].error is None and out[0].title == "Bad \ufffd t"
    assert all(r.error is None for r in out)


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_input_that_fails_midway_still_gives_the_records_read_before(n_process) -> None:
    """When the items' iterator raises, the items it gave first get their records, then
    the exception comes (they were lost with the unfinished batch)."""

    def items() -> Iterator[str]:
        yield "Officials from Serbia met in Belgrade."
        yield "Officials from Albania met in Tirana."
        raise RuntimeError("the source failed")

    got = []
    with pytest.raises(RuntimeError, match="the source failed"):
        for rec in newsie.extract_many(items(), n_process=n_process):
            got.append([s.iso3 for s in rec.states])
    assert got == [["SRB"], ["ALB"]]


@pytest.mark.parametrize(
    ("options", "error", "named"),
    [
        ({"batch_size": 1.5}, TypeError, "batch_size must be an int"),
        ({"batch_size": "2"}, TypeError, "batch_size must be an int"),
        ({"n_process": True}, TypeError, "n_process must be an int"),
        ({"batch_size": 0}, ValueError, "batch_size must be at least 1"),
        ({"n_process": 2, "mp_context": "bogus"}, ValueError, "mp_context must be one of"),
        ({"n_process": 2, "timeout": -1}, ValueError, "timeout must be a number of seconds above 0"),
        ({"n_process": 2, "timeout": 0}, ValueError, "timeout must be a number of seconds above 0"),
    ],
)
def test_extract_many_checks_its_settings_at_the_call(options, error, named) -> None:
    """Bad settings are newsie's own TypeError/ValueError at the call, naming the setting,
    not an error from itertools or multiprocessing when the first batch is read."""
    with pytest.raises(error, match=named):
        newsie.extract_many(["Serbia"], **options)
