"""Checking and normalizing what users pass to the front door."""
from __future__ import annotations

import datetime as dt
import hashlib
import numbers
from collections.abc import Mapping
from typing import Any

from spacy.language import Language

from .dates.published import read_published
from .missing import is_missing
from .rawtext import split_raw

BOM = "\ufeff"


def require_text(value: Any, name: str = "text") -> str:
    """Return `value` as a plain str (str subclasses such as ``numpy.str_`` included) without
    a leading byte order mark, else raise a TypeError naming the argument.

    A BOM is what a file saved as "UTF-8 with BOM" and read as UTF-8 starts with: left in,
    it hides the dateline ("\ufeffBELGRADE, 12 May 2021 –") and the title line."""
    if not isinstance(value, str):
        missing = f" (a missing value: {value!r})" if value is not None and is_missing(value) else ""
        raise TypeError(f"{name} must be a str, not {type(value).__name__}{missing}")
    if value.startswith(BOM):
        value = value.lstrip(BOM)
    return value if type(value) is str else str(value)


def require_nlp(nlp: Any) -> Language | None:
    """`nlp` when it is None or a spaCy `Language`, else a TypeError that says what to pass."""
    if nlp is None or isinstance(nlp, Language):
        return nlp
    hint = f"; for the spaCy pipeline {nlp!r} use nlp=newsie.load(base={nlp!r})" if isinstance(nlp, str) else ""
    raise TypeError(f"nlp must be a spaCy Language from newsie.load() (or None for the default), not {type(nlp).__name__}{hint}")


def require_items(items: Any) -> None:
    """Refuse what `extract_many` would read as something else: a str (one record per
    character), a mapping (one per key) or a DataFrame (one per column name).

    Raises:
        TypeError: saying what to pass instead (told apart without importing pandas).
    """
    kind = type(items)
    if isinstance(items, (str, bytes)):
        raise TypeError(f"items must be an iterable of texts or dicts, not one {kind.__name__}: pass a list ([text]) or use newsie.extract(text)")
    if isinstance(items, Mapping):
        raise TypeError(f"items must be an iterable of texts or dicts, not one {kind.__name__}: pass a list ([item]) or use newsie.extract(**item)")
    if kind.__name__ == "DataFrame":
        module = kind.__module__.split(".")[0]
        if module == "dask":
            fix = "use newsie.dask.extract_dataframe(ddf, text=..., title=..., published=...)"
        elif module == "pyspark":
            fix = "use newsie.spark.extract(df, text=..., title=..., published=...)"
        else:
            fix = 'pass df.to_dict("records") (one dict per row, columns text, title, published, url, id, ...) or df["text"] for the texts alone'
        raise TypeError(f"items must be an iterable of texts or dicts, not a {module} DataFrame (that iterates over its column names): {fix}")
    try:
        iter(items)
    except TypeError:
        raise TypeError(f"items must be an iterable of texts or dicts, not {kind.__name__}") from None


def optional_text(value: Any, name: str) -> str | None:
    """A str (stripped), or None for a missing value (None, NaN, NaT: see `is_missing`);
    anything else is a TypeError naming the argument."""
    if is_missing(value):
        return None
    return require_text(value, name).strip() or None


def optional_id(value: Any) -> str | None:
    """An id as a str: a str (stripped) or an integer (a DataFrame's int id column, numpy
    integers included, and a float that is a whole number, as pandas reads an int column
    with missing values) written in decimal; None for a missing value. Anything else (1.5,
    a bool) is a TypeError naming the argument."""
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral) and _whole(float(value)):
        value = int(float(value))  # an int column with missing values, as pandas reads it: 7.0 is 7
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        try:
            return str(int(value))
        except ValueError:  # over Python's digit limit for int -> str
            raise TypeError("id must be a str or an integer of at most 4,300 digits") from None
    if isinstance(value, str) or is_missing(value):
        return optional_text(value, "id")
    if is_bool(value):
        hint = f" ({value!r}: a column of flags is no id; name the id column, or give str or int ids)"
    elif isinstance(value, numbers.Real):
        hint = f" ({value!r}; an int column with missing values: use df['id'].astype('Int64'))"
    else:
        hint = ""
    raise TypeError(f"id must be a str or an integer, not {type(value).__name__}{hint}")


def is_bool(value: Any) -> bool:
    """Whether `value` is a bool, Python's or numpy's (told apart without importing numpy)."""
    kind = type(value)
    return kind is bool or (kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_"))


def _whole(x: float) -> bool:
    """Whether a float is a whole number a float holds exactly (at most 2**53: above,
    pandas' float column has already rounded the ids, and two may be one)."""
    return x.is_integer() and abs(x) <= 2**53


def parse_published(value: Any) -> dt.date | None:
    """A `date` from a date, a datetime or an unambiguous date string; None stays None.

    An ambiguous string ("03/05/2020") gives None; `read_published` also says why.

    Raises:
        PublishedDateError: (a ValueError) naming the value and the accepted formats.
    """
    return read_published(value)[0]


def release_id(text: str, title: str | None, url: str | None) -> str:
    """A stable id: sha1 of url + title when either is known, else of the text."""
    key = (url or "") + (title or "") if (url or title) else text
    return "nw-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def split_title(raw: str) -> tuple[str | None, str]:
    """Split a plain-text release into (title, text) when its first line is a headline.

    See `newsie.rawtext.split_raw`, which also takes correction and preamble lines out.
    """
    parts = split_raw(raw)
    if parts.title is None:
        return None, raw
    # Preamble lines stay at the top of the text, where `prepare` finds them again.
    return parts.title, "\n".join([*parts.preamble, parts.body])
