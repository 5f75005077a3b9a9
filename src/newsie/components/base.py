"""`GazetteerPipe`: the base of every newsie component that holds data.

A component's data is a dict of named parts (a gazetteer, a rule file, ...), each plain
JSON data. The component builds its matchers from them in `initialize()`: from the data
passed in (the ``[initialize.components.NAME]`` section of a config, or keyword
arguments), else from the gazetteers that ship with newsie. `to_disk`/`from_disk` and
`to_bytes`/`from_bytes` write and read every part plus ``cfg`` (``exclude`` honoured), so
a saved pipeline carries its own gazetteers, user additions included. A component that
is called before `initialize()` initializes itself from the defaults first.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar, cast

import srsly
from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList, filter_spans

from ..tokens import cols, forget
from .batching import in_batches
from .phrases import PhraseKeys
from .ranges import longest_first

Data = dict[str, Any]


class GazetteerPipe(Pipe):
    """Shared lifecycle of newsie's data-holding components.

    Subclasses name their parts in `PARTS` (part name -> file suffix on disk: "jsonl"
    for lists of entries, "json" for the rest), return the packaged defaults from
    `default_data()`, and build their matchers in `_build()` from `self.data`.
    """

    PARTS: ClassVar[dict[str, str]] = {}

    def __init__(self, nlp: Language, name: str, **cfg: Any) -> None:
        self.nlp = nlp
        self.name = name
        self.cfg: dict[str, Any] = dict(cfg)
        self._data: Data | None = None
        self._keys: PhraseKeys | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle (and copy) as the class, the name (`Pipe`'s own slot, in no ``__dict__``)
        and the attributes, the pipeline among them, as spaCy's `Pipe` pickles: also when
        the class is compiled (hatch_build.py), whose ``__getstate__`` is mypyc's (its
        declared attributes and the live ``__dict__``, copied here so that a copy does not
        share it)."""
        state = dict(self.__getstate__())
        if isinstance(state.get("__dict__"), dict):  # compiled: mypyc's state
            state["__dict__"] = dict(state["__dict__"])
        state["name"] = self.name
        return _unpickle, (type(self), self.name), state

    def __getstate__(self) -> dict[str, Any]:
        """The attributes (a compiled class has its own: those it declares, and ``__dict__``)."""
        return dict(self.__dict__)

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Set the name and the attributes `__reduce__` gave (not spaCy's `Pipe` state)."""
        state = dict(state)
        self.name = state.pop("name")
        self.__dict__.update(state)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Apply the component to a stream of Docs, a batch at a time (see `in_batches`):
        the same Docs as `Pipe.pipe`, errors going to the error handler likewise."""
        return in_batches(self, stream, batch_size, self.get_error_handler(), self.name, self)

    def score(self, examples: Iterable[Any], **kwargs: Any) -> dict[str, Any]:
        """No scores: rules have no gold standard of their own (`newsie.evaluate` scores the
        records), so ``nlp.evaluate`` passes over them, whatever a subclass names ``scorer``."""
        return {}

    # -- data -------------------------------------------------------------------
    def default_data(self) -> Data:
        """The packaged defaults of every part."""
        raise NotImplementedError

    def _build(self) -> None:
        """Compile matchers and indexes from `self.data`."""
        raise NotImplementedError

    @property
    def data(self) -> Data:
        """The component's data parts (initialized from the defaults on first use)."""
        if self._data is None:
            self.set_data(self.default_data())
        assert self._data is not None
        return self._data

    def set_data(self, data: Mapping[str, Any]) -> None:
        """Replace the data parts (missing parts keep their current or default value)."""
        data = {k: v for k, v in data.items() if v is not None}
        missing = [p for p in self.PARTS if p not in data]
        base = (self._data if self._data is not None else self.default_data()) if missing else {}
        unknown = set(data) - set(self.PARTS)
        if unknown:
            raise ValueError(f"{self.name}: unknown data part(s) {sorted(unknown)}; expected {list(self.PARTS)}")
        self._data = {p: data[p] if p in data else base[p] for p in self.PARTS}
        self._keys = PhraseKeys(self.nlp)  # one per build: the tokenizer may have changed since the last
        try:
            self._build()
        finally:
            self._keys = None

    def _initialize_parts(self, parts: Mapping[str, Any]) -> None:
        """`initialize()` for subclasses: given parts, defaults for the rest."""
        given = {k: v for k, v in parts.items() if v is not None}
        defaults = self.default_data()
        self.set_data({p: given.get(p, defaults[p]) for p in self.PARTS})

    def clear(self) -> None:
        """Forget every gazetteer entry (the JSON Lines parts); rules stay."""
        self.set_data({p: [] if self.PARTS[p] == "jsonl" else v for p, v in self.data.items()})

    def patterns(self, texts: Iterable[str], attr: str = "ORTH") -> list[Any]:
        """PhraseMatcher patterns of phrases, tokenized as the pipeline tokenizes text
        (the packaged phrases come pre-tokenized: see `phrases`).

        Each pattern is the tuple of its tokens' `attr` values, which `PhraseMatcher.add`
        takes as it does when a pickled matcher is restored (its type stub names Docs only).
        """
        keys = self._keys if self._keys is not None else PhraseKeys(self.nlp)
        return keys(texts, attr)

    def ensure_ready(self) -> None:
        """Build from the defaults if nothing was initialized or loaded yet."""
        if self._data is None:
            self.set_data(self.default_data())

    # -- serialization ------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """Serialize cfg and every data part."""
        serializers: dict[str, Callable[[], bytes]] = {"cfg": lambda: srsly.json_dumps(self.cfg)}
        for part in self.PARTS:
            serializers[part] = lambda part=part: srsly.json_dumps(self.data[part])  # type: ignore[misc]
        return util.to_bytes(serializers, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> GazetteerPipe:
        """Load cfg and data parts written by `to_bytes`."""
        loaded: Data = {}
        deserializers: dict[str, Callable[[bytes], Any]] = {"cfg": lambda b: self.cfg.update(srsly.json_loads(b))}
        for part in self.PARTS:
            deserializers[part] = lambda b, part=part: loaded.__setitem__(part, srsly.json_loads(b))  # type: ignore[misc]
        util.from_bytes(bytes_data, deserializers, exclude)
        self.set_data(loaded)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Write cfg and each data part (lists as JSON Lines, the rest as JSON)."""
        path = util.ensure_path(path)
        serializers: dict[str, Callable[[Path], None]] = {"cfg": lambda p: srsly.write_json(p, self.cfg)}
        for part in self.PARTS:
            serializers[self._file(part)] = lambda p, part=part: _write(p, self.data[part])  # type: ignore[misc]
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> GazetteerPipe:
        """Read what `to_disk` wrote; excluded or absent parts keep their defaults."""
        path = util.ensure_path(path)
        loaded: Data = {}
        deserializers: dict[str, Callable[[Path], Any]] = {"cfg": lambda p: self.cfg.update(srsly.read_json(p))}
        for part in self.PARTS:
            deserializers[self._file(part)] = lambda p, part=part: loaded.__setitem__(part, _read(p))  # type: ignore[misc]
        util.from_disk(path, deserializers, exclude)
        self.set_data(loaded)
        return self

    def _file(self, part: str) -> str:
        return f"{part}.{self.PARTS[part]}"


def _unpickle(cls: type[GazetteerPipe], name: str) -> GazetteerPipe:
    """An instance of `cls`, its attributes to be set by pickle (`GazetteerPipe.__reduce__`).

    A Python class is made without ``__init__`` (as spaCy's `Pipe` unpickles, so a
    subclass's own constructor arguments are not needed). A compiled class (hatch_build.py)
    runs ``__init__`` in ``__new__``: it is called with its name and no pipeline (newsie's
    components only store it there), which pickle sets next with the other attributes.
    """
    if "__mypyc_attrs__" in vars(cls):
        return cls(cast(Language, None), name)
    return cls.__new__(cls)


def _write(path: Path, value: Any) -> None:
    if path.suffix == ".jsonl":
        srsly.write_jsonl(path, value)
    else:
        srsly.write_json(path, value)


def _read(path: Path) -> Any:
    if not path.exists():
        return None
    return list(srsly.read_jsonl(path)) if path.suffix == ".jsonl" else srsly.read_json(path)


Range = tuple[int, int, int]  # start, end (tokens), and a payload such as a match id

# `spacy.util.filter_spans` on (start, end, payload) rows, before any `Span` is made: one
# rule for every stage (see `newsie.components.ranges.longest_first`).
filter_ranges = longest_first


def set_ents(doc: Doc, spans: Iterable[Span]) -> None:
    """Add `spans` to ``doc.ents`` where they do not overlap existing entities
    (the ``annotate_ents`` option, as spaCy's SpanRuler does it)."""
    existing = list(doc.ents)
    taken = {i for e in existing for i in range(e.start, e.end)}
    new = [s for s in filter_spans(list(spans)) if not taken.intersection(range(s.start, s.end))]
    if new:
        doc.ents = sorted([*existing, *new], key=lambda s: s.start)


def sentences(doc: Doc) -> Iterable[Span]:
    """The Doc's sentences; sets boundaries with spaCy's sentencizer when none are set
    (a component that calls it declares so: see `newsie.factories.SENT_STARTS`)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        _sentencizer()(doc)
        forget(doc)  # cached token records hold the old (unknown) boundaries
    return doc.sents


def sentence_chars(doc: Doc) -> list[tuple[int, int]]:
    """``(start_char, end_char)`` of each of ``sentences(doc)``, read from the token
    columns when the sentence starts are set there (no Span made)."""
    if "sents" not in doc.user_hooks:
        C = cols(doc)
        n = len(C)
        if n == 0:
            return []
        found = C.sentence_chars()
        # A start after the first token: the boundaries are set (`Doc.has_annotation`);
        # without one, the Doc says whether it is one sentence or has none set yet: one
        # token, or a second token marked as no start (what a sentencizer leaves) is one
        # sentence (`has_annotation` reads every token, twice, in Python generators).
        if len(found) > 1 or n == 1 or doc[1].is_sent_start is False or doc.has_annotation("SENT_START"):
            return found
    return [(sent.start_char, sent.end_char) for sent in sentences(doc)]


_SENTENCIZER: Any = None


def _sentencizer() -> Any:
    global _SENTENCIZER
    if _SENTENCIZER is None:
        from .sentencizer import ArraySentencizer

        _SENTENCIZER = ArraySentencizer(paragraphs=True)
    return _SENTENCIZER
