"""Worker processes for `extract_many`: watched, restarted, never waited on forever.

Each worker builds its pipeline once, takes one task (a batch of items) at a time, runs
it as one batch (the trained components score a batch at once, and a worker fed one
item at a time spent 1.5 times the CPU per release) and sends back one JSON record per
item. The parent waits on the workers' pipes and process sentinels together, with a
timeout, so a worker that dies (the OOM killer's kill -9) or hangs is noticed at once:

* a worker that dies or overruns `timeout` on a batch: the items it had not sent back
  are run again, each alone in a task of its own (so the culprit is known);
* an item whose worker dies while it runs alone is retried alone in a fresh worker once
  (the death may not have been its fault) unless a worker already died on it in a
  batch; at its second death it becomes a `WorkerDied` error record;
* a worker that spends more than `timeout` seconds on an item run alone is killed and the
  item becomes a `WorkerTimeout` error record (it would hang again);
* workers that die while loading their pipeline make the run fail with a clear error.
"""
from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from .exceptions import NewsieError
from .records import RecordError

R = TypeVar("R")  # what the parent makes of one item's result (`read`, `on_error`)

Slot = tuple[int, int, Any]  # (position in its batch, input index, item)
WATCH_SECONDS = 1.0  # how often the parent looks at the clock when nothing arrives
WARM_UP = "The OSCE Mission to Serbia met officials in Belgrade on 1 May 2020."
MAX_LOAD_DEATHS = 3  # per worker slot: deaths before a pipeline is loaded end the run


@dataclass
class Task:
    """Items of one batch sent to one worker."""

    key: int
    slots: list[Slot]


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    ready: bool = False
    task: Task | None = None
    done: set[int] = field(default_factory=set)
    deadline: float = 0.0


Work = Callable[[Any, list[tuple[int, Any]]], list[Any]]  # (pipeline, [(input index, item)]) -> each item's result (its record as JSON, ...)


def _worker_main(conn: Connection, options: dict[str, Any], parent: int, work: Work) -> None:
    """A worker's loop: build the pipeline, then process tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    from .pipeline import load

    try:
        nlp = load(**options)
        work(nlp, [(0, WARM_UP)])  # lazy indexes are built now, not on the clock of an item
    except Exception as exc:
        conn.send(("init_error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready",))
    try:
        while True:
            while not conn.poll(WATCH_SECONDS):
                if os.getppid() != parent:  # the parent was killed: nobody will read our work
                    return
            msg = conn.recv()
            if msg is None:
                return
            key, slots = msg
            records = work(nlp, [(index, item) for _, index, item in slots])
            conn.send(("items", key, [(pos, raw) for (pos, _, _), raw in zip(slots, records, strict=True)]))
    except (EOFError, OSError):  # the parent went away
        return


class WorkerPool(Generic[R]):
    """`n` watched worker processes and the ordered stream of their results.

    `work` runs in the workers and gives one result per item (picklable: its record as
    JSON, ...); `read` turns each into what the parent yields, as `on_error` does for an
    item whose worker died or overran its time."""

    def __init__(
        self,
        n: int,
        options: dict[str, Any],
        work: Work,
        *,
        read: Callable[[Any], R],
        timeout: float | None,
        mp_context: str | None = None,
    ) -> None:
        self.ctx: Any = mp.get_context(mp_context)
        self.options = options
        self.work = work
        self.read = read
        self.timeout = timeout
        self.workers: list[_Worker] = []
        self.load_deaths = 0
        self.max_load_deaths = MAX_LOAD_DEATHS * n
        for _ in range(n):
            self.workers.append(self._spawn())

    def _spawn(self) -> _Worker:
        parent_conn, child_conn = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child_conn, self.options, os.getpid(), self.work), daemon=True)
        proc.start()
        child_conn.close()
        return _Worker(proc, parent_conn)

    def close(self) -> None:
        """Stop every worker (asking first, then killing)."""
        for w in self.workers:
            with contextlib.suppress(OSError, ValueError):
                w.conn.send(None)
        end = time.monotonic() + 5.0
        for w in self.workers:
            w.proc.join(max(0.0, end - time.monotonic()))
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join()
            w.conn.close()
        self.workers = []

    def run(
        self,
        batches: Iterator[list[tuple[int, Any]]],
        *,
        window: int,
        on_error: Callable[[int, RecordError, Any], R],
    ) -> Iterator[list[R]]:
        """Process `batches` and yield each batch's results, in input order. An exception
        raised by `batches` is raised once the batches read before it are done."""
        queue: deque[Task] = deque()
        results: dict[int, list[R | None]] = {}
        tries: dict[tuple[int, int], int] = {}
        next_key = read = 0
        exhausted = False
        failed: Exception | None = None  # what reading the batches raised
        while True:
            while not exhausted and len(results) < window:
                try:
                    batch = next(batches, None)
                except Exception as exc:
                    batch, failed = None, exc
                if batch is None:
                    exhausted = True
                    break
                results[read] = [None] * len(batch)
                queue.append(Task(read, [(pos, index, item) for pos, (index, item) in enumerate(batch)]))
                read += 1
            while next_key in results and all(r is not None for r in results[next_key]):
                yield [r for r in results.pop(next_key) if r is not None]
                next_key += 1
            if exhausted and not results:
                if failed is not None:
                    raise failed
                return
            for w in self.workers:
                if w.ready and w.task is None and queue:
                    self._send(w, queue.popleft())
            self._wait(queue, results, tries, on_error)

    def _send(self, w: _Worker, task: Task) -> None:
        w.task, w.done = task, set()
        w.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        with contextlib.suppress(OSError):  # if it died, its sentinel tells the loop
            w.conn.send((task.key, task.slots))

    def _wait(
        self,
        queue: deque[Task],
        results: dict[int, list[R | None]],
        tries: dict[tuple[int, int], int],
        on_error: Callable[[int, RecordError, Any], R],
    ) -> None:
        busy = [w for w in self.workers if w.task is not None]
        until = min((w.deadline for w in busy), default=float("inf"))
        pause = max(0.0, min(WATCH_SECONDS, until - time.monotonic()))
        ready = set(wait([w.conn for w in self.workers] + [w.proc.sentinel for w in self.workers], pause))
        for i, w in enumerate(list(self.workers)):
            alive = w.proc.sentinel not in ready
            while w.conn in ready or not alive:  # drain what it sent before dying
                try:
                    if not w.conn.poll():
                        break
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    break
                self._receive(w, msg, results)
            if not alive:
                self.workers[i] = self._replace(w, queue, results, tries, on_error, died=True)
            elif w.task is not None and time.monotonic() > w.deadline:
                w.proc.kill()
                w.proc.join()
                self.workers[i] = self._replace(w, queue, results, tries, on_error, died=False)

    def _receive(self, w: _Worker, msg: tuple, results: dict[int, list[R | None]]) -> None:
        if msg[0] == "ready":
            w.ready = True
        elif msg[0] == "init_error":
            raise NewsieError(f"a worker could not build its pipeline: {msg[1]}")
        elif msg[0] == "items" and w.task is not None:
            _, key, done = msg
            for pos, raw in done:
                results[key][pos] = self.read(raw)
                w.done.add(pos)
            if len(w.done) == len(w.task.slots):
                w.task = None

    def _replace(
        self,
        w: _Worker,
        queue: deque[Task],
        results: dict[int, list[R | None]],
        tries: dict[tuple[int, int], int],
        on_error: Callable[[int, RecordError, Any], R],
        *,
        died: bool,
    ) -> _Worker:
        """Record what a dead (or killed) worker was doing and start a fresh one."""
        w.proc.join()
        w.conn.close()
        if not w.ready:
            self.load_deaths += 1
            if self.load_deaths > self.max_load_deaths:
                raise NewsieError(f"worker processes keep dying while loading the pipeline (exit code {w.proc.exitcode})")
        task = w.task
        if task is not None:
            left = [s for s in task.slots if s[0] not in w.done]
            if len(left) > 1:  # which item was at fault is not known: each again, alone
                for slot in reversed(left):
                    queue.appendleft(Task(task.key, [slot]))
                    if died:
                        tries[task.key, slot[0]] = tries.get((task.key, slot[0]), 0) + 1
                return self._spawn()
            current = left[0]
            pos, index, item = current
            attempt = tries.get((task.key, pos), 0) + 1
            tries[task.key, pos] = attempt
            if died and attempt < 2:
                queue.appendleft(Task(task.key, [current]))  # alone, in a fresh worker
            else:
                code = w.proc.exitcode
                how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                err = (
                    RecordError(type="WorkerDied", message=f"the worker process died twice on this item ({how})")
                    if died
                    else RecordError(type="WorkerTimeout", message=f"processing took over {self.timeout:g} s; the worker was stopped")
                )
                results[task.key][pos] = on_error(index, err, item)
        return self._spawn()
