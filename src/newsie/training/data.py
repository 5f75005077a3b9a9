"""Reading labeled releases for training: the corpus JSONL or the gold format of `newsie eval`."""
from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

from pydantic import StrictStr

from ..customtypes import EVENT_TYPES
from ..evaluate import Gold, check_gold
from ..exceptions import GoldError, TrainingDataError, TrainingDataWarning
from ..fields import FieldsClassifier, normalize
from ..jsonl import parse_line, read_lines

LABEL_KEYS = ("event_type", "fields_of_work", "type_confident", "gold")
KNOWN_KEYS = ("id", "title", "text", "published", *LABEL_KEYS)
NEAR_MISS = 0.85  # difflib similarity from which an unknown key is read as a misspelled label key


class TrainingGold(Gold):
    """The ``gold`` object of `newsie eval`, which in training data may also hold the fields of work."""

    fields_of_work: list[StrictStr] | None = None


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
    source: str = ""  # FILE:LINE it was read from


def read_items(path: str | Path, lexicon: FieldsClassifier | None = None) -> list[TrainItem]:
    """Labeled releases from a JSONL file.

    Each line has ``text`` (and optionally ``title``, ``id``, ``published``) and labels,
    either at the top level (``event_type``, ``fields_of_work``, ``type_confident``: the
    corpus format) or the event type inside ``gold`` (the format of `newsie eval`).
    Fields of work may use older names or sub-fields listed as ``aliases`` in the
    lexicon: ``fields`` has them under their current taxonomy label, ``site_fields`` as
    written (see `site_labels`), except that a taxonomy field written in another case or
    punctuation ("human rights") is read as the field ("Human rights"). A line without an
    ``id`` is given ``FILE:LINE``; ``type_confident`` is true, false, 1, 0 or null (null or
    absent: confident); a top-level ``event_type`` of null leaves the one in ``gold``
    standing, and a label given both at the top level and in ``gold`` must be the same. Other top-level keys are metadata and are ignored, unless one looks like a
    misspelled label key ("event_typ"); ``gold`` is checked as `newsie eval` checks it (its
    keys and the types of their values, see `TrainingGold`) and may also hold ``fields_of_work``.

    Raises:
        TrainingDataError: naming the file and line of malformed JSON, a missing text,
            an empty (or blank) text without a title, an unknown event type or an unknown
            field of work, a misspelled label key, a ``gold`` object that `newsie eval` would
            refuse (an unknown key, ``"states": "AUT"``), or a value of the wrong kind (a
            title that is not a string, fields of work that are not a list), or a label
            at the top level that differs from the one in ``gold``.
    """
    lexicon = lexicon or FieldsClassifier.default()
    taxonomy = {normalize(name): name for name in lexicon.fields}  # "human rights" is "Human rights"
    items: list[TrainItem] = []
    try:
        lines = read_lines(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise TrainingDataError(f"{path}: cannot be read ({exc})") from exc
    for lineno, line in lines:
        where = f"{path}:{lineno}"
        try:
            obj = parse_line(line)
        except ValueError as exc:
            raise TrainingDataError(f"{where}: {exc}") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise TrainingDataError(f"{where}: each line needs a 'text' string")
        _check_label_keys(obj, where)
        for key in ("title", "published"):
            if obj.get(key) is not None and not isinstance(obj[key], str):
                raise TrainingDataError(f"{where}: {key!r} must be a string or null, not {obj[key]!r}")
        title = obj.get("title")
        if not obj["text"].strip() and not (title or "").strip():
            raise TrainingDataError(f"{where}: an empty text and no title: the classifiers would have nothing to read")
        if obj.get("gold") is not None and not isinstance(obj["gold"], dict):
            raise TrainingDataError(f"{where}: 'gold' must be an object (of the keys of `newsie eval`)")
        gold: dict[str, object] = obj.get("gold") or {}
        try:
            check_gold(gold, str(path), lineno, model=TrainingGold)
        except GoldError as exc:
            raise TrainingDataError(str(exc)) from None
        # a top-level null is no label: the one in gold (if any) stands
        etype = obj["event_type"] if obj.get("event_type") is not None else gold.get("event_type")
        if gold.get("event_type") is not None and etype != gold["event_type"]:
            raise TrainingDataError(
                f"{where}: event_type {etype!r} at the top level and {gold['event_type']!r} in 'gold' (the one `newsie eval` "
                "scores); which is right cannot be guessed: keep one of them"
            )
        if etype is not None and etype not in EVENT_TYPES:
            raise TrainingDataError(f"{where}: unknown event_type {etype!r}; choose from {list(EVENT_TYPES)}")
        names = obj.get("fields_of_work") or gold.get("fields_of_work") or []
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise TrainingDataError(f"{where}: 'fields_of_work' must be a list of field names, such as [\"Elections\"], not {names!r}")
        inner = gold.get("fields_of_work")
        if names and isinstance(inner, list) and inner and {normalize(name) for name in names} != {normalize(str(name)) for name in inner}:
            raise TrainingDataError(
                f"{where}: fields_of_work {names!r} at the top level and {inner!r} in 'gold'; which are right cannot be guessed: keep one of them"
            )
        fields, site = [], []
        for name in names:
            label = lexicon.canonical(str(name))
            if label is None:
                raise TrainingDataError(f"{where}: {_unknown_field(str(name), taxonomy)}")
            if label not in fields:
                fields.append(label)
            written = taxonomy.get(normalize(str(name)), str(name).strip())
            if written not in site:
                site.append(written)
        raw_id = obj.get("id")
        if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
            raise TrainingDataError(f"{where}: 'id' must be a string or a number, not {raw_id!r}")
        confident = obj.get("type_confident")
        if confident is not None and (not isinstance(confident, (bool, int)) or confident not in (0, 1)):
            raise TrainingDataError(f"{where}: 'type_confident' must be true, false, 1, 0 or null, not {confident!r}")
        items.append(
            TrainItem(
                id=where if raw_id is None or raw_id == "" else str(raw_id),
                title=obj.get("title") or None,
                text=obj["text"],
                published=obj.get("published"),
                event_type=str(etype) if etype is not None else None,
                fields=fields,
                confident=True if confident is None else bool(confident),
                site_fields=site,
                source=where,
            )
        )
    return items


def _unknown_field(name: str, taxonomy: dict[str, str]) -> str:
    """The problem of a field name the lexicon does not know: the field it looks like a
    misspelling of ("Elecions"), or the fields to choose from."""
    near = get_close_matches(normalize(name), list(taxonomy), n=1, cutoff=NEAR_MISS)
    if near:
        return f"unknown field of work {name!r}: did you mean {taxonomy[near[0]]!r}?"
    return (
        f"unknown field of work {name!r}; choose from {list(taxonomy.values())} (or an older name the fields "
        "lexicon lists as an alias), or add it as an alias in the fields lexicon"
    )


def _check_label_keys(obj: dict[str, object], where: str) -> None:
    """Refuse a top-level key that looks like a misspelled label key ("event_typ": its
    labels would be ignored); other top-level keys are metadata and pass."""
    for key in obj:
        low = str(key).casefold()
        if key in KNOWN_KEYS or any(low.startswith(f"{k}_") or low.endswith(f"_{k}") for k in LABEL_KEYS):
            continue  # "fields_of_work_raw" is a column of its own
        near = get_close_matches(low, LABEL_KEYS, n=1, cutoff=NEAR_MISS)
        if near:
            raise TrainingDataError(f"{where}: unknown key {key!r}: did you mean {near[0]!r}? (its labels would be ignored)")


def _content(item: TrainItem) -> tuple[object, ...]:
    """What two lines of one id must agree on: the release and its labels."""
    return (item.title, item.text, *_labels(item))


def _labels(item: TrainItem) -> tuple[object, ...]:
    """An item's labels, for comparing two lines of one release."""
    return (item.event_type, sorted(item.site_fields), item.confident)


def _release(item: TrainItem) -> tuple[str, str]:
    """What makes two lines one release whatever their ids: the title and the text, runs
    of whitespace aside (two exports of a page may break its lines differently)."""
    return " ".join((item.title or "").split()), " ".join(item.text.split())


def read_all(paths: Sequence[str | Path], lexicon: FieldsClassifier | None = None) -> list[TrainItem]:
    """The labeled releases of several JSONL files (see `read_items`), each release once.

    A line whose id was seen before (in the same file or an earlier one), or that gives
    the title and text of an earlier line under another id (a release in two exports, a
    file copied without ids: in k-fold training its copy would score it from the training
    folds), is dropped: the first line of a release is kept. When the repeat has the same
    labels that is a `TrainingDataWarning` giving how many lines were dropped and one of
    them; when its title, text or labels differ, which one is right cannot be guessed, and
    it is an error.

    Raises:
        TrainingDataError: as `read_items`, and naming both lines of an id given
            different texts or labels, or of a release given different labels.
    """
    lexicon = lexicon or FieldsClassifier.default()
    seen: dict[str, TrainItem] = {}  # the first line of each id
    releases: dict[tuple[str, str], TrainItem] = {}  # the first line of each release
    kept: list[TrainItem] = []
    dropped: list[tuple[TrainItem, TrainItem]] = []
    copies: list[tuple[TrainItem, TrainItem]] = []  # the same release under another id
    for path in paths:
        for item in read_items(path, lexicon):
            first = seen.setdefault(item.id, item)
            if first is not item:
                if _content(first) != _content(item):
                    raise TrainingDataError(
                        f"{item.source}: id {item.id!r} was given at {first.source} with another title, text or labels; "
                        "give each release its own id, or remove one of the two lines"
                    )
                dropped.append((first, item))
                continue
            first = releases.setdefault(_release(item), item)
            if first is item:
                kept.append(item)
                continue
            if _labels(first) != _labels(item):
                raise TrainingDataError(
                    f"{item.source}: the release of {first.source} (id {first.id!r}: the same title and text) again, as "
                    f"id {item.id!r}, with other labels; keep one of the two lines, with the labels that are right"
                )
            copies.append((first, item))
    if dropped:
        first, repeat = dropped[0]
        warnings.warn(
            f"{len(dropped)} repeated release{'s' if len(dropped) != 1 else ''} dropped (same id, text and labels as an earlier line; "
            f"the first line is kept), e.g. {repeat.id!r} at {repeat.source} (first at {first.source})",
            TrainingDataWarning,
            stacklevel=2,
        )
    if copies:
        first, repeat = copies[0]
        warnings.warn(
            f"{len(copies)} release{'s' if len(copies) != 1 else ''} given again under another id dropped (same title, text and labels "
            f"as an earlier line; the first line is kept), e.g. {repeat.id!r} at {repeat.source} (first {first.id!r} at {first.source})",
            TrainingDataWarning,
            stacklevel=2,
        )
    return kept


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
