"""Keeping Python's cyclic garbage collector out of newsie's start-up.

Importing spaCy and newsie, and building a pipeline, make ~180,000 long-lived objects and
almost no garbage cycles. Left to itself, the collector would traverse them hundreds of
times while they are made, then again in its young generations on the first documents
(~0.25 G instructions, ~0.05 s, of a cold start). `paused()` keeps it off meanwhile.

On leaving, `import newsie` moves every object into the oldest generation without
traversing it (`gc.freeze()` then `gc.unfreeze()`): nothing stays frozen, and cycles the
program made before are collected as usual. `newsie.load()` instead leaves everything
alive after the build in the permanent generation (`gc.freeze()`), the program's objects
of that moment too: each full collection during a batch would otherwise traverse the
pipeline's objects again (measured: ~2% more CPU per lede in a batch, up to 1.5x on a
200 KB document, and a ~45 ms full collection when the interpreter exits). Call
`gc.unfreeze()` after `newsie.load()` if reference cycles among objects made earlier
must be collectable.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def held() -> Iterator[None]:
    """No cyclic collection inside; on leaving, the collector is back on if it was on and
    the objects made inside stay in their generations (garbage cycles among them are
    collected as usual afterwards). For the time a batch of Docs is held in memory."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    """No cyclic collection inside. On leaving, what exists joins the oldest generation
    (``freeze=True``: the permanent one) and the collector is back on if it was on."""
    with held():
        try:
            yield
        finally:  # before the collector is back on
            if freeze:
                gc.freeze()
            else:
                to_oldest_generation()


def to_oldest_generation() -> None:
    """Move every tracked object into the collector's oldest generation, untraversed.

    Skipped when objects are frozen already (by the program or another library):
    `gc.unfreeze()` would thaw theirs too.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
