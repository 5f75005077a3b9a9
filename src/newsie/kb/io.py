"""Reading and writing gazetteer files (JSON Lines, JSON, or YAML) into typed entries."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from ..exceptions import GazetteerError
from ..jsonl import split_lines
from ..resources import gazetteer_file

M = TypeVar("M", bound=BaseModel)
Source = Union[str, Path, Traversable]


def read_text(path: Source) -> str:
    """A gazetteer file's text, or a GazetteerError naming it."""
    try:
        # utf-8-sig: editors on Windows save a byte-order mark.
        return (Path(path) if isinstance(path, str) else path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(str(path), f"cannot be read ({exc})") from exc


def read_document(path: Source) -> Any:
    """Parse a whole .json, .yaml or .yml file (YAML needs the optional PyYAML)."""
    name, text = str(path), read_text(path)
    if name.endswith((".yaml", ".yml")):
        try:
            import yaml
        except ImportError as exc:
            raise GazetteerError(name, "YAML files need PyYAML: pip install 'newsie[yaml]'") from exc
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise GazetteerError(name, f"invalid YAML ({exc})") from exc
        except RecursionError:
            raise GazetteerError(name, "nested too deeply") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise GazetteerError(name, f"invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    except RecursionError:
        raise GazetteerError(name, "nested too deeply") from None
    except ValueError as exc:  # a number over Python's digit limit for int()
        raise GazetteerError(name, f"invalid JSON ({exc})") from None


def _read_objects(path: Source) -> Iterator[tuple[int | str, object]]:
    """Yield (entry number, raw object) from a .jsonl file, or a .json/.yaml list."""
    name = str(path)
    if name.endswith(".jsonl"):
        for lineno, line in split_lines(read_text(path)):
            if line.lstrip().startswith("//"):
                continue
            try:
                yield f"line {lineno}", json.loads(line)
            except json.JSONDecodeError as exc:
                raise GazetteerError(name, f"invalid JSON ({exc.msg})", entry=f"line {lineno}") from exc
            except RecursionError:
                raise GazetteerError(name, "nested too deeply", entry=f"line {lineno}") from None
            except ValueError as exc:  # a number over Python's digit limit for int()
                raise GazetteerError(name, f"invalid JSON ({exc})", entry=f"line {lineno}") from None
        return
    data = read_document(path)
    if data is None:
        return
    if not isinstance(data, list):
        raise GazetteerError(name, "must contain a list of entries")
    yield from enumerate(data, 1)


def read_entries(path: Source, model: type[M]) -> list[M]:
    """Read and validate every entry of a gazetteer file.

    Raises:
        GazetteerError: naming the file, the entry and the problem.
    """
    if str(path).endswith(".jsonl"):
        valid = _valid_jsonl(path, model)
        if valid is not None:
            return valid
    entries: list[M] = []
    for where, obj in _read_objects(path):
        try:
            entries.append(model.model_validate(obj))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
            )
            raise GazetteerError(str(path), problems, entry=where) from None
    return entries


def _valid_jsonl(path: Source, model: type[M]) -> list[M] | None:
    """Every entry of a valid JSON Lines file, each line parsed and validated by pydantic at
    once (2-3x faster than `json.loads` then validating the dict); None at the first
    problem, which `read_entries` then reads line by line to report."""
    entries: list[M] = []
    for _, line in split_lines(read_text(path)):
        if line.lstrip().startswith("//"):
            continue
        try:
            entries.append(model.model_validate_json(line))
        except (ValidationError, RecursionError):
            return None
    return entries


def read_packaged(name: str, model: type[M]) -> list[M]:
    """Read a gazetteer that ships with newsie."""
    return read_entries(gazetteer_file(name), model)


def write_jsonl(path: Path, entries: Iterable[BaseModel]) -> None:
    """Write entries as JSON Lines (used by components' `to_disk`)."""
    with path.open("w", encoding="utf-8") as fh:
        for entry in entries:
            fh.write(entry.model_dump_json(exclude_defaults=True) + "\n")
