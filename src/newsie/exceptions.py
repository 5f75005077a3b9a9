"""Errors and warnings raised by newsie.

Errors whose constructor takes other arguments than the message pickle with those
arguments (`__reduce__`): an item's error in a worker process is raised in the parent as
itself, attributes and all.
"""
from __future__ import annotations

from typing import Any


def _rebuild(cls: type[BaseException], args: tuple[Any, ...], kwargs: dict[str, Any]) -> BaseException:
    """An exception made again by its own constructor (`__reduce__` cannot pass keywords)."""
    return cls(*args, **kwargs)


class NewsieError(Exception):
    """Base class of every error newsie raises on purpose."""


class PublishedDateError(NewsieError, ValueError):
    """A `published` value that is not a date, a datetime or a date string."""

    def __init__(self, value: object) -> None:
        super().__init__(
            f"published={value!r} is not a valid date: pass a datetime.date, a "
            "datetime.datetime or a date string such as '2020-02-21' (ISO 8601), "
            "'21 February 2020' or 'February 21, 2020'"
        )
        self.value = value

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled with its constructor's argument (a worker's error, raised in the parent):
        # the default, cls(*self.args), would wrap the message as if it were the value.
        return (_rebuild, (type(self), (self.value,), {}), self.__dict__)


class GazetteerError(NewsieError, ValueError):
    """A gazetteer file or entry that cannot be read or does not validate."""

    def __init__(self, source: str, problem: str, *, entry: int | str | None = None) -> None:
        where = f"{source}" if entry is None else f"{source}, entry {entry}"
        super().__init__(f"{where}: {problem}")
        self.source = source
        self.entry = entry
        self.problem = problem
        self.problems: list[GazetteerError] = []  # each problem found in the file, when they were listed (`kb.user`)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.source, self.problem), {"entry": self.entry}), self.__dict__)


class InputTooLargeError(NewsieError, ValueError):
    """An input over a size newsie refuses to parse (it would take minutes and gigabytes)."""

    def __init__(self, what: str, size: int, limit: int) -> None:
        super().__init__(f"{what} of {size:,} characters is over the limit of {limit:,}")
        self.what = what
        self.size = size
        self.limit = limit

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.what, self.size, self.limit), {}), self.__dict__)


class TrainingDataError(NewsieError, ValueError):
    """A training file that cannot be read, a bad line (a missing text, an unknown label or
    key, a repeated id with other labels), or data too thin to train any model."""


class TrainingConfigError(TrainingDataError):
    """A training config (`newsie train --event-config/--fields-config`) that newsie cannot train or load."""


class TrainingOutputError(TrainingDataError, NotADirectoryError):
    """An output for `newsie.train` that is a file, not a models folder."""


class MissingExtraError(NewsieError, ImportError):
    """An optional dependency is needed for the feature that was called."""

    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}: "
            f"pip install 'newsie[{extra}]'"
        )
        self.feature = feature
        self.extra = extra
        self.package = package

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.feature, self.extra, self.package), {}), self.__dict__)


class NewsieWarning(UserWarning):
    """Base class of newsie's warnings (degraded modes, skipped input)."""


class MissingInputWarning(NewsieWarning):
    """A component that found nothing of what an earlier stage leaves on the Doc (a pipeline
    without that stage): it passes the Doc on as it is."""


class ListingWarning(NewsieWarning):
    """A listing page newsie could not split with confidence: it names more publishing
    dates than the releases it read (some may be lost or merged); the records say so too."""


class TrainingDataWarning(NewsieWarning):
    """Training input newsie left out: repeated releases, or a model not trained for want of data."""


class RecordsFileError(NewsieError, ValueError):
    """A file given to `newsie.read_records` that does not hold what was asked of it."""


class UsageError(NewsieError, ValueError):
    """A command-line mistake (a mistyped path, a missing key, a bad option value): the message names the fix."""


class GoldError(NewsieError, ValueError):
    """A gold file for `newsie eval` that holds no item, or an item that does not follow the gold format."""

    def __init__(self, source: str, problem: str, *, line: int | None = None, field: str | None = None) -> None:
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {field + ': ' if field else ''}{problem}")
        self.source = source
        self.line = line
        self.field = field
        self.problem = problem

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.source, self.problem), {"line": self.line, "field": self.field}), self.__dict__)
