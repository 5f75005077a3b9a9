"""JSON Lines files as newsie reads them (gold files, training data, gazetteers).

Only "\\n" ends a line: `str.splitlines` would also cut a line at U+2028, U+0085 and other
separators that JSON writers leave unescaped inside strings.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def split_lines(text: str) -> Iterator[tuple[int, str]]:
    """The non-blank lines of a JSON Lines text with their numbers (from 1, blank lines
    counted); the "\\r" of a CRLF line end is dropped."""
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if line.strip():
            yield lineno, line


def read_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """The numbered non-blank lines of a UTF-8 JSON Lines file (see `split_lines`); a
    byte-order mark, as editors on Windows save, is dropped.

    Raises:
        OSError: the file cannot be read.
        UnicodeDecodeError: the file is not UTF-8 text.
    """
    # Read here, not in a generator: an unreadable file fails at the call.
    return split_lines(Path(path).read_text(encoding="utf-8-sig"))


def parse_line(line: str) -> Any:
    """The JSON value of one line.

    Raises:
        ValueError: "malformed JSON (...)" or "nested too deeply", for the caller to put
            after the file and line number.
    """
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON ({exc.msg})") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None
