"""Typed payloads newsie's components write on the Doc, and their msgpack serializer.

Each stage reads only what an earlier stage wrote on the Doc, through the accessors at
the bottom of this module. The payloads are plain dataclasses of str, int, float, bool,
`datetime.date`, lists and other payloads; the encoder and decoder registered with
srsly when newsie is imported (a pipeline with newsie components imports it, in
spaCy's worker processes too) let ``doc.to_bytes()``, ``DocBin(store_user_data=True)``
and ``nlp.pipe(..., n_process=2)`` carry them, as spacy-transformers does with its
data classes.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import srsly
from spacy.tokens import Doc

from .extensions import DATELINE_KEY, LIST_ATTRS, META_KEY, RELEASE_DATE_KEY, doc_key, text_of
from .tokens import TokCache

_TAG = "__newsie__"
_DATE_TAG = "__newsie_date__"
Offsets = tuple[int, int]


def _offsets(values: list[Any]) -> list[Offsets]:
    """Offsets come back from msgpack as lists: make them tuples again."""
    return [(int(a), int(b)) for a, b in values]


@dataclass
class ReleaseMeta:
    """What the front door knows about a release before any component runs."""

    id: str = ""
    title: str | None = None
    body_start: int = 0
    published: dt.date | None = None
    url: str | None = None
    issuer: list[str] = field(default_factory=list)
    fields_of_work: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    content_type: str | None = None  # the site's own label: "Press release", "News", ...

    @property
    def title_len(self) -> int:
        """Characters of the title at the start of the Doc (0 without a title)."""
        return len(self.title) if self.title else 0


@dataclass
class DatelineCity:
    """One city of a dateline, as written and resolved."""

    city: str
    country: str | None = None
    name: str | None = None


@dataclass
class DatelineData:
    """The "CITY, date –" opening of a release."""

    text: str
    city: str | None
    country: str | None
    cities: list[DatelineCity]
    date: dt.date | None
    start_char: int
    end_char: int
    warning: str | None = None  # why a date written there gives none ("31 February 2020": no such day)


@dataclass
class StateData:
    """A State found in the Doc, as the pipeline's own gazetteer describes it."""

    iso3: str
    iso2: str | None
    name: str
    status: str
    historical: bool = False


@dataclass
class OrgData:
    """One distinct organization, with the character offsets of its mentions."""

    id: str | None
    canonical_name: str | None
    name: str | None
    acronym: str | None
    kind: str
    country: str | None
    parent: str | None
    mentions: list[Offsets] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = _offsets(self.mentions)


@dataclass
class OfficialData:
    """One person, with title, affiliation, office and quotes."""

    name: str
    title: str | None = None
    affiliation: str | None = None
    country: str | None = None
    office: str | None = None
    inferred: bool = False
    quotes: list[str] = field(default_factory=list)
    mentions: list[Offsets] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = _offsets(self.mentions)


@dataclass
class DateValue:
    """The normalized value of a date span (``span._.newsie_date``)."""

    start: dt.date | None
    end: dt.date | None
    granularity: str = "day"
    relative: bool = False
    year_inferred: bool = False
    start_char: int = 0  # the expression's exact offsets (the span may cover whole tokens)
    end_char: int = 0


@dataclass
class LocationData:
    """Where an event took place."""

    city: str | None = None
    country: str | None = None  # where the city is today
    country_at_date: str | None = None  # the State of that time (SCG for Belgrade in 2004)


@dataclass
class EventData:
    """One event of a release (the main event first in ``doc._.newsie_events``)."""

    id: str
    type: str
    trigger: str | None = None
    evidence: str | None = None
    confidence: float = 0.0
    start: dt.date | None = None
    end: dt.date | None = None
    location: LocationData = field(default_factory=LocationData)
    participants: int | None = None
    organizations: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    plover: str | None = None
    cameo: str | None = None


PAYLOADS: dict[str, type] = {
    cls.__name__: cls
    for cls in (ReleaseMeta, DatelineCity, DatelineData, StateData, OrgData, OfficialData, DateValue, LocationData, EventData)
}
# each payload's list-typed fields: msgpack may give them back as tuples (spaCy's DocBin reads
# user data with ``use_list=False``), and `decode` makes them lists again
_LIST_FIELDS: dict[str, frozenset[str]] = {
    name: frozenset(f.name for f in dataclasses.fields(cls) if str(f.type).startswith("list[")) for name, cls in PAYLOADS.items()
}


# ``doc.user_data`` keys of the Doc attributes that hold lists: DocBin reads them as tuples too
_LIST_KEYS = tuple(doc_key(name) for name in LIST_ATTRS)


class Handover:
    """Work one stage hands to a later one through the Doc (Python objects, not data):
    serialized as None, so a Doc stays serializable between the two stages and the later
    stage then does the work itself."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __reduce__(self) -> tuple[type[Handover], tuple[None]]:
        # pickled empty, as msgpack writes it: what it holds (Spans) cannot leave its Doc
        return (Handover, (None,))


def handed_over(value: Any) -> Any:
    """What a `Handover` holds (None for anything else: nothing was handed over)."""
    return value.value if isinstance(value, Handover) else None


def encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack encoder: payloads as tagged maps, dates as tagged ISO strings; the token
    cache (`newsie.tokens`) and hand-overs between stages as None."""
    if isinstance(obj, (TokCache, Handover)):
        return None
    if dataclasses.is_dataclass(obj) and type(obj).__name__ in PAYLOADS and PAYLOADS[type(obj).__name__] is type(obj):
        return {_TAG: type(obj).__name__, **{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return {_DATE_TAG: obj.isoformat()}
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack decoder: the inverse of `encode`."""
    if isinstance(obj, dict):
        if _DATE_TAG in obj:
            return dt.date.fromisoformat(obj[_DATE_TAG])
        name = obj.get(_TAG)
        if isinstance(name, str) and name in PAYLOADS:
            lists = _LIST_FIELDS[name]
            return PAYLOADS[name](**{k: list(v) if k in lists and isinstance(v, tuple) else v for k, v in obj.items() if k != _TAG})
        for key in _LIST_KEYS:  # ``doc.user_data`` itself
            value = obj.get(key)
            if isinstance(value, tuple):
                obj[key] = list(value)
    return obj if chain is None else chain(obj)


def register_serializers() -> None:
    """Register `encode`/`decode` with srsly (idempotent)."""
    if "newsie" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("newsie", func=encode)
    if "newsie" not in srsly.msgpack_decoders.get_all():
        srsly.msgpack_decoders.register("newsie", func=decode)


# -- accessors: the one place each rule about the Doc's data lives ------------------


def meta_of(doc: Doc) -> ReleaseMeta:
    """The release's metadata; an empty `ReleaseMeta` for a Doc made outside newsie."""
    user_data: dict[Any, Any] = doc.user_data
    meta = user_data.get(META_KEY)
    return meta if isinstance(meta, ReleaseMeta) else ReleaseMeta()


def release_date(doc: Doc) -> dt.date | None:
    """The release date: the one `newsie_dateline` resolved (``published``, else the
    dateline's date); without that stage, ``published``."""
    return _release_date(doc.user_data, meta_of(doc))


def _release_date(user_data: dict[Any, Any], meta: ReleaseMeta) -> dt.date | None:
    value = user_data.get(RELEASE_DATE_KEY)
    return value if value is not None else meta.published


def text_date(doc: Doc) -> dt.date | None:
    """The day the text counts from ("today", "on Monday", a day without a year): the date
    of a dateline that opens the body, the day the text was written (``published`` can
    be a later upload); else `release_date`."""
    meta = meta_of(doc)
    user_data: dict[Any, Any] = doc.user_data
    dateline = user_data.get(DATELINE_KEY)
    if isinstance(dateline, DatelineData) and dateline.date is not None and dateline.start_char == meta.body_start:
        return dateline.date
    return _release_date(user_data, meta)


def resolve_release_date(meta: ReleaseMeta, dateline: DatelineData | None) -> dt.date | None:
    """The rule itself: ``published`` if given, else the dateline's date."""
    return meta.published or (dateline.date if dateline else None)


def body_text(doc: Doc) -> str:
    """The release's body: the Doc's text after the title."""
    return text_of(doc)[meta_of(doc).body_start :]


register_serializers()
