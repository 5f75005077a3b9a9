"""Reading and writing gazetteer files (JSON Lines, JSON, or YAML) into typed entries."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib.abc import Traversable
from pathlib import Path
from typing import TypeVar, Union

from pydantic import BaseModel, ValidationError

from ..exceptions import GazetteerError
from ..resources import gazetteer_file

M = TypeVar("M", bound=BaseModel)
Source = Union[str, Path, Traversable]


def _read_objects(path: Source) -> Iterator[tuple[int | str, object]]:
    """Yield (entry number, raw object) from a .jsonl, .json or .yaml/.yml file."""
    name = str(path)
    try:
        text = (Path(path) if isinstance(path, str) else path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(name, f"cannot be read ({exc})") from exc
    if name.endswith(".jsonl"):
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                yield f"line {lineno}", json.loads(line)
            except json.JSONDecodeError as exc:
                raise GazetteerError(name, f"invalid JSON ({exc.msg})", entry=f"line {lineno}") from exc
        return
    if name.endswith((".yaml", ".yml")):
        try:
            import yaml  # noqa: PLC0415 - optional
        except ImportError as exc:
            raise GazetteerError(name, "YAML files need PyYAML: pip install 'newsie[yaml]'") from exc
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise GazetteerError(name, f"invalid YAML ({exc})") from exc
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise GazetteerError(name, f"invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    if data is None:
        return
    if not isinstance(data, list):
        raise GazetteerError(name, "must contain a list of entries")
    for i, obj in enumerate(data, 1):
        yield i, obj


def read_entries(path: Source, model: type[M]) -> list[M]:
    """Read and validate every entry of a gazetteer file.

    Raises:
        GazetteerError: naming the file, the entry and the problem.
    """
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


def read_packaged(name: str, model: type[M]) -> list[M]:
    """Read a gazetteer that ships with newsie."""
    return read_entries(gazetteer_file(name), model)


def write_jsonl(path: Path, entries: Iterable[BaseModel]) -> None:
    """Write entries as JSON Lines (used by components' `to_disk`)."""
    with path.open("w", encoding="utf-8") as fh:
        for entry in entries:
            fh.write(entry.model_dump_json(exclude_defaults=True) + "\n")
