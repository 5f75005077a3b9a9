"""OSCE fields of work ("Policing", "Elections", ...) for a press release.

A weighted phrase lexicon, read from ``gazetteers/fields_of_work.json``: every field
lists the phrases that speak for it, each with a weight. The title, the text and
(optionally) the issuers are matched; a field is returned when its summed weight passes
an absolute threshold and a share of the best field's score.

    >>> from newsie.fields import FieldsClassifier
    >>> FieldsClassifier.default().classify(
    ...     "OSCE trains police officers in community policing", "Forty officers took part.")
    ['Policing']
"""
from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Iterable
from functools import lru_cache
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .exceptions import GazetteerError
from .fields_matcher import _Pattern, _PhraseMatcher, _tokens, add_hits
from .fields_matcher import normalize as normalize  # re-exported: public here
from .fields_matcher import words_of as words_of
from .resources import gazetteer_file

FIELDS_FILE = "fields_of_work.json"
Source = Union[str, Path, Traversable]

# ---------------------------------------------------------------------------- data model


class FieldSettings(BaseModel):
    """How phrase weights become labels."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    threshold: float = Field(2.0, gt=0, description="Minimum score for a field to be returned")
    relative_threshold: float = Field(
        0.5, ge=0, le=1, description="Minimum share of the best field's score for a further field"
    )
    max_labels: int = Field(3, ge=1, description="At most this many fields per release")
    title_weight: float = Field(1.5, ge=0, description="Multiplier for a phrase found in the title")
    text_weight: float = Field(1.0, ge=0, description="Multiplier for a phrase found in the text")


class FieldEntry(BaseModel):
    """One field of work: its canonical label and the phrases (and issuers) that suggest it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list, description="Older names of the field (site labels), mapped to `label`")
    description: str = ""
    phrases: dict[str, float] = Field(min_length=1)
    issuers: dict[str, float] = Field(default_factory=dict)

    @field_validator("phrases", "issuers")
    @classmethod
    def _clean_weights(cls, value: dict[str, float]) -> dict[str, float]:
        for phrase, weight in value.items():
            if not _tokens(phrase):
                raise ValueError(f"phrase {phrase!r} has no word in it")
            if not math.isfinite(weight):
                raise ValueError(f"weight of {phrase!r} is not a finite number")
        return value


class FieldsLexicon(BaseModel):
    """The whole ``fields_of_work.json`` file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    settings: FieldSettings = Field(default_factory=FieldSettings)
    ignore: list[str] = Field(
        default_factory=list,
        description="Phrases matched first and then dropped, e.g. names that contain a field's words",
    )
    fields: list[FieldEntry] = Field(min_length=1)

    @field_validator("ignore")
    @classmethod
    def _words_in_ignored(cls, value: list[str]) -> list[str]:
        for phrase in value:
            if not _tokens(phrase):
                raise ValueError(f"phrase {phrase!r} has no word in it")
        return value

    @model_validator(mode="after")
    def _unique_labels(self) -> FieldsLexicon:
        seen: set[str] = set()
        for entry in self.fields:
            if entry.label in seen:
                raise ValueError(f"label {entry.label!r} is listed twice")
            seen.add(entry.label)
        return self


def _validation_problem(exc: ValidationError, data: object) -> tuple[str, str | None]:
    """The problems of a failed validation and where the first one is ("fields[3] (Policing)")."""
    loc = exc.errors()[0]["loc"]
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc[:2]).lstrip(".") or None
    if len(loc) >= 2 and loc[0] == "fields" and isinstance(loc[1], int) and isinstance(data, dict):
        with contextlib.suppress(KeyError, IndexError, TypeError):
            where = f"{where} ({data['fields'][loc[1]]['label']})"
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}" for e in exc.errors()
    )
    return problems, where


def read_lexicon(path: Source) -> FieldsLexicon:
    """Read and validate a fields-of-work lexicon.

    Raises:
        GazetteerError: naming the file, the entry and the problem.
    """
    name = str(path)
    try:
        text = (Path(path) if isinstance(path, (str, Path)) else path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(name, f"cannot be read ({exc})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GazetteerError(name, f"invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    try:
        return FieldsLexicon.model_validate(data)
    except ValidationError as exc:
        problem, where = _validation_problem(exc, data)
        raise GazetteerError(name, problem, entry=where) from None


# ---------------------------------------------------------------------------- classifier


_ROUNDED_MAX = 10_000
_rounded: dict[float, float] = {}  # a score's sum -> round(sum, 6); bounded


class FieldsClassifier:
    """Assigns OSCE fields of work to a release from a weighted phrase lexicon."""

    def __init__(self, lexicon: FieldsLexicon) -> None:
        """Compile `lexicon` (see :func:`read_lexicon`) into a phrase matcher."""
        self.lexicon = lexicon
        self.settings = lexicon.settings
        self.fields: tuple[str, ...] = tuple(f.label for f in lexicon.fields)
        self._order = {label: i for i, label in enumerate(self.fields)}
        self._zeros: dict[str, float] = dict.fromkeys(self.fields, 0.0)
        settings = self.settings
        self._title_weight, self._text_weight = settings.title_weight, settings.text_weight
        self._threshold, self._relative, self._max_labels = settings.threshold, settings.relative_threshold, settings.max_labels
        self._canonical = {normalize(a): e.label for e in lexicon.fields for a in (*e.aliases, e.label)}
        merged: dict[tuple[str, ...], dict[int, float]] = {}
        for phrase in lexicon.ignore:
            merged.setdefault(_tokens(phrase), {})
        for idx, entry in enumerate(lexicon.fields):
            for phrase, weight in entry.phrases.items():
                hits = merged.setdefault(_tokens(phrase), {})
                hits[idx] = hits.get(idx, 0.0) + weight
        self._matcher = _PhraseMatcher(
            _Pattern(tokens, tuple(sorted(hits.items()))) for tokens, hits in sorted(merged.items())
        )
        self._issuers: list[tuple[str, int, float]] = [
            (f" {normalize(name)} ", idx, weight)
            for idx, entry in enumerate(lexicon.fields)
            for name, weight in entry.issuers.items()
        ]

    def canonical(self, name: str) -> str | None:
        """The current label of a field named `name` (itself or an older alias), or None."""
        return self._canonical.get(normalize(name))

    @classmethod
    def from_file(cls, path: Source) -> FieldsClassifier:
        """A classifier built from a lexicon file of your own.

        Raises:
            GazetteerError: if the file cannot be read or does not validate.
        """
        return cls(read_lexicon(path))

    @classmethod
    def default(cls) -> FieldsClassifier:
        """The classifier built from the lexicon that ships with newsie (built once, then shared)."""
        return _default_classifier()

    def scores(
        self, title: str | None, text: str, issuer: list[str] | None = None
    ) -> dict[str, float]:
        """The evidence score of every field, in the lexicon's order.

        Each distinct phrase counts once per zone: its weight times ``title_weight`` when it
        is in the title, plus its weight times ``text_weight`` when it is in the text.
        Issuer hints add their weight once per matching issuer.

        Args:
            title: The headline, if any.
            text: The lede or body text.
            issuer: The "Where we are" entries, if known.

        Returns:
            A mapping from each canonical label to its score (0.0 when nothing matched).
        """
        return self._scored(title, text, issuer)[0]

    def scores_and_fields(
        self, title: str | None, text: str, issuer: list[str] | None = None
    ) -> tuple[dict[str, float], list[str]]:
        """`scores` and the fields `pick` returns for them, computed together."""
        scored, touched = self._scored(title, text, issuer)
        if not touched:
            return scored, []
        # `_pick` on the touched fields, ranked as (-score, field index): the order `_pick`
        # sorts by, with no key function.
        fields, threshold = self.fields, self._threshold
        ranked = []
        for idx in touched:
            score = scored[fields[idx]]
            if score >= threshold:
                ranked.append((-score, idx))
        if not ranked:
            return scored, []
        if len(ranked) > 1:
            ranked.sort()
        floor = -ranked[0][0] * self._relative
        return scored, [fields[idx] for neg, idx in ranked if -neg >= floor][: self._max_labels]

    def _scored(
        self, title: str | None, text: str, issuer: list[str] | None
    ) -> tuple[dict[str, float], set[int]]:
        """The scores, and the indices of the fields some phrase or issuer added to
        (every other field scores 0.0)."""
        fields = self.fields
        totals = [0.0] * len(fields)
        touched: set[int] = set()
        find = self._matcher.find
        for zone, factor in ((title, self._title_weight), (text, self._text_weight)):
            if not zone or not factor:
                continue
            found = find(zone)
            if found:
                add_hits(found, factor, totals, touched)
        for name in issuer or ():
            norm = f" {normalize(name)} "
            for needle, idx, weight in self._issuers:
                if needle in norm:
                    totals[idx] += weight
                    touched.add(idx)
        scored = self._zeros.copy()  # every field at 0.0, in the lexicon's order
        rounded = _rounded
        # round() formats its float: only for the fields something added to (0.0 stays as
        # is), and each distinct sum once (a bounded memo).
        for idx in touched:
            score = totals[idx]
            if score:
                value = rounded.get(score)
                if value is None:
                    if len(rounded) >= _ROUNDED_MAX:
                        rounded.clear()
                    value = rounded[score] = round(score, 6)
                score = value
            scored[fields[idx]] = score
        return scored, touched

    def classify(
        self, title: str | None, text: str, issuer: list[str] | None = None
    ) -> list[str]:
        """The fields of work a release concerns, most confident first (possibly none).

        Args:
            title: The headline, if any.
            text: The lede or body text.
            issuer: The "Where we are" entries, if known.

        Returns:
            Canonical labels (as in the lexicon), at most ``settings.max_labels`` of them;
            ``[]`` when the title and the text are both empty.
        """
        if not (title or "").strip() and not (text or "").strip():
            return []
        return self.scores_and_fields(title, text, issuer)[1]

    def pick(self, scored: dict[str, float]) -> list[str]:
        """The fields `classify` returns for these scores (from `scores`)."""
        return self._pick(scored, scored)

    def _pick(self, scored: dict[str, float], labels: Iterable[str]) -> list[str]:
        """`pick` among `labels` (the threshold is positive: fields scoring 0.0 never pass)."""
        threshold = self.settings.threshold
        ranked = [(scored[label], label) for label in labels if scored[label] >= threshold]
        if not ranked:
            return []
        if len(ranked) > 1:
            order = self._order
            ranked.sort(key=lambda pair: (-pair[0], order[pair[1]]))
        floor = ranked[0][0] * self.settings.relative_threshold
        return [label for s, label in ranked if s >= floor][: self.settings.max_labels]


@lru_cache(maxsize=1)
def _default_classifier() -> FieldsClassifier:
    return FieldsClassifier.from_file(gazetteer_file(FIELDS_FILE))


@lru_cache(maxsize=1)
def _packaged_data() -> Any:
    return json.loads(gazetteer_file(FIELDS_FILE).read_text(encoding="utf-8"))


def classifier_for(data: Any) -> FieldsClassifier:
    """The classifier of a lexicon given as plain data: the shared default one
    (`FieldsClassifier.default`) when it is the packaged lexicon, so it is built once."""
    if data == _packaged_data():
        return _default_classifier()
    return FieldsClassifier(FieldsLexicon.model_validate(data))


FIELDS: tuple[str, ...]  # the canonical labels, in the data file's order (see __getattr__)


def __getattr__(name: str) -> tuple[str, ...]:
    # FIELDS comes from the data file on first use, so importing newsie reads no file.
    if name == "FIELDS":
        return FieldsClassifier.default().fields
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def classify(title: str | None, text: str, issuer: list[str] | None = None) -> list[str]:
    """Shortcut for ``FieldsClassifier.default().classify(...)``."""
    return FieldsClassifier.default().classify(title, text, issuer)
