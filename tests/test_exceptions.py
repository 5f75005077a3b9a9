from __future__ import annotations

import datetime as dt
import pickle

import pytest

from newsie import exceptions as exc


@pytest.mark.parametrize(
    "error",
    [
        exc.PublishedDateError(dt.time(12, 0)),
        exc.GazetteerError("mine.json", "unknown key 'x'", entry="officials[2]"),
        exc.GazetteerError("mine.json", "must be an object"),
        exc.InputTooLargeError("HTML", 12_000_000, 10_000_000),
        exc.MissingExtraError("newsie.extract_html", "html", "trafilatura"),
        exc.GoldError("gold.jsonl", "not a list", line=3, field="states"),
        exc.GoldError("gold.jsonl", "holds no item"),
        exc.TrainingConfigError("no [training] section"),
        exc.UsageError("no such file: a.txt"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_pickle_as_themselves(error: Exception) -> None:
    """Each newsie error comes back from pickle of its type, with its message, args and attributes."""
    error.__dict__.setdefault("note", "kept")  # an attribute set after the constructor
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and str(back) == str(error) and back.args == error.args
    assert vars(back) == vars(error)
