"""Reading labeled releases for training: the corpus JSONL or the gold format of `newsie eval`."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..customtypes import EVENT_TYPES
from ..exceptions import TrainingDataError
from ..fields import FieldsClassifier


@dataclass
class TrainItem:
    """One labeled release: its text and whichever labels it has."""

    id: str
    title: str | None
    text: str
    published: str | None = None
    event_type: str | None = None
    fields: list[str] = field(default_factory=list)
    confident: bool = True
    site_fields: list[str] = field(default_factory=list)  # as the file names them (each known to the lexicon)


def read_items(path: str | Path, lexicon: FieldsClassifier | None = None) -> list[TrainItem]:
    """Labeled releases from a JSONL file.

    Each line has ``text`` (and optionally ``title``, ``id``, ``published``) and labels,
    either at the top level (``event_type``, ``fields_of_work``, ``type_confident``: the
    corpus format) or the event type inside ``gold`` (the format of `newsie eval`).
    Fields of work may use older names or sub-fields listed as ``aliases`` in the
    lexicon: ``fields`` has them under their current taxonomy label, ``site_fields`` as
    written (see `site_labels`).

    Raises:
        TrainingDataError: naming the file and line of malformed JSON, a missing text,
            an unknown event type or an unknown field of work.
    """
    lexicon = lexicon or FieldsClassifier.default()
    items: list[TrainItem] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TrainingDataError(f"{path}: cannot be read ({exc})") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TrainingDataError(f"{where}: malformed JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise TrainingDataError(f"{where}: each line needs a 'text' string")
        gold: dict[str, object] = obj["gold"] if isinstance(obj.get("gold"), dict) else {}
        etype = obj.get("event_type", gold.get("event_type"))
        if etype is not None and etype not in EVENT_TYPES:
            raise TrainingDataError(f"{where}: unknown event_type {etype!r}; choose from {list(EVENT_TYPES)}")
        fields, site = [], []
        for name in obj.get("fields_of_work") or gold.get("fields_of_work") or []:  # type: ignore[union-attr]
            label = lexicon.canonical(str(name))
            if label is None:
                raise TrainingDataError(f"{where}: unknown field of work {name!r}; add it as an alias in the fields lexicon")
            if label not in fields:
                fields.append(label)
            if str(name).strip() not in site:
                site.append(str(name).strip())
        items.append(
            TrainItem(
                id=str(obj.get("id") or f"line-{lineno}"),
                title=obj.get("title") or None,
                text=obj["text"],
                published=obj.get("published"),
                event_type=etype,
                fields=fields,
                confident=bool(obj.get("type_confident", 1)),
                site_fields=site,
            )
        )
    return items


def site_labels(items: list[TrainItem], lexicon: FieldsClassifier, min_count: int) -> dict[str, str]:
    """The labels outside the taxonomy that the training data use often enough (at least
    `min_count` releases) to be predicted as they are written (the site tags "Safety of
    journalists" beside, or instead of, "Media freedom and development"), each with the
    taxonomy field it belongs to. Rarer names (old spellings) are read as that field."""
    counts: dict[str, int] = {}
    for item in items:
        for name in item.site_fields:
            if name not in lexicon.fields:
                counts[name] = counts.get(name, 0) + 1
    return {name: str(lexicon.canonical(name)) for name, n in sorted(counts.items()) if n >= min_count}


def label_set(item: TrainItem, kept: dict[str, str], lexicon: FieldsClassifier) -> list[str]:
    """An item's fields as the model learns them: taxonomy labels and the `kept` site labels as written."""
    out: list[str] = []
    for name in item.site_fields:
        label = name if name in kept else lexicon.canonical(name)
        if label and label not in out:
            out.append(label)
    return out
