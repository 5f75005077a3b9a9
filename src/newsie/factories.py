"""Factory functions of newsie's spaCy components (registered via entry points).

Kept apart from the component classes so that importing a class never registers
anything, and so that `nlp.add_pipe("newsie_states")` works in any pipeline. Each
factory declares what its component reads (``requires``) and writes (``assigns``; spaCy
names span groups only as ``doc.spans``: the group keys are in `newsie.extensions`), so
``nlp.analyze_pipes()`` tells a user what a pipeline lacks; every component also runs
alone on ``spacy.blank("en")``, with empty inputs where an earlier stage is missing.
The release's metadata (``doc._.newsie_meta``, a `ReleaseMeta`) is set by the front
door, not by a component: without it a Doc is a body with no title or date.
"""
from collections.abc import Callable
from typing import Any

from spacy.language import Language

from . import extensions as ext
from .components.dateline import DatelineReader
from .components.dates import DateTagger
from .components.event_model import EventModel
from .components.event_triggers import EventTriggers
from .components.events import EventExtractor
from .components.fields import FieldsTagger
from .components.fields_model import FieldsModel
from .components.officials import OfficialTagger
from .components.organizations import OrganizationTagger
from .components.sentencizer import ArraySentencizer
from .components.states import StateTagger

# What `components.base.sentences` writes on a Doc with no sentence boundaries yet (spaCy's
# sentencizer rules): every component that calls it declares these as its own.
SENT_STARTS = ("token.is_sent_start", "doc.sents")


@Language.factory(
    "newsie_sentencizer",
    assigns=[*SENT_STARTS],
    default_config={"punct_chars": None, "overwrite": False, "paragraphs": True, "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentencizer(
    nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool, paragraphs: bool, scorer: Callable[..., Any] | None
) -> ArraySentencizer:
    """spaCy's sentencizer, reading token arrays, where a blank line in a release's body
    also ends a sentence (``paragraphs``; see `ArraySentencizer`); newsie's default
    pipeline names it "sentencizer"."""
    return ArraySentencizer(name, punct_chars=punct_chars, overwrite=overwrite, paragraphs=paragraphs, scorer=scorer)


@Language.factory(
    "newsie_dateline",
    assigns=["doc._.newsie_dateline", "doc._.newsie_release_date"],
    default_config={},
)
def make_dateline(nlp: Language, name: str) -> DatelineReader:
    """Read the "CITY, date –" dateline and resolve the release date (see `DatelineReader`)."""
    return DatelineReader(nlp, name)


@Language.factory(
    "newsie_states",
    assigns=["doc.spans", "doc._.newsie_states"],
    default_config={"spans_key": ext.STATES, "demonyms": True, "context_checks": True, "annotate_ents": False},
)
def make_states(nlp: Language, name: str, spans_key: str, demonyms: bool, context_checks: bool, annotate_ents: bool) -> StateTagger:
    """Tag States, Partners and every other country (see `StateTagger`)."""
    return StateTagger(nlp, name, spans_key=spans_key, demonyms=demonyms, context_checks=context_checks, annotate_ents=annotate_ents)


@Language.factory(
    "newsie_organizations",
    assigns=["doc.spans", "doc._.newsie_orgs"],
    requires=["doc.spans"],
    default_config={"spans_key": ext.ORGANIZATIONS, "patterns": True, "annotate_ents": False},
)
def make_organizations(nlp: Language, name: str, spans_key: str, patterns: bool, annotate_ents: bool) -> OrganizationTagger:
    """Tag organizations from the gazetteer, patterns and acronyms (see `OrganizationTagger`)."""
    return OrganizationTagger(nlp, name, spans_key=spans_key, patterns=patterns, annotate_ents=annotate_ents)


@Language.factory(
    "newsie_officials",
    assigns=["doc.spans", "doc._.newsie_officials", *SENT_STARTS],
    requires=["doc.spans", "doc._.newsie_orgs", "doc._.newsie_release_date"],
    default_config={"spans_key": ext.OFFICIALS, "infer_from_office": True, "annotate_ents": False},
)
def make_officials(nlp: Language, name: str, spans_key: str, infer_from_office: bool, annotate_ents: bool) -> OfficialTagger:
    """Tag named officials with titles and affiliations (see `OfficialTagger`)."""
    return OfficialTagger(nlp, name, spans_key=spans_key, infer_from_office=infer_from_office, annotate_ents=annotate_ents)


@Language.factory(
    "newsie_dates",
    assigns=["doc.spans"],
    requires=["doc._.newsie_dateline", "doc._.newsie_release_date"],
    default_config={"spans_key": ext.DATES, "annotate_ents": False},
)
def make_dates(nlp: Language, name: str, spans_key: str, annotate_ents: bool) -> DateTagger:
    """Find and normalize dates (see `DateTagger`)."""
    return DateTagger(nlp, name, spans_key=spans_key, annotate_ents=annotate_ents)


@Language.factory(
    "newsie_event_triggers",
    assigns=["doc.user_data", "doc._.newsie_event_evidence", *SENT_STARTS],
    requires=["doc.spans"],
    default_config={"secondary_ratio": 0.6},
)
def make_event_triggers(nlp: Language, name: str, secondary_ratio: float) -> EventTriggers:
    """Score the trigger phrases of every event type (see `EventTriggers`); `secondary_ratio`:
    a type whose score is at least this share of the main type's is a further event."""
    return EventTriggers(nlp, name, secondary_ratio=secondary_ratio)


@Language.factory(
    "newsie_events",
    # evidence and sentences: when it scores the triggers itself (no newsie_event_triggers before it)
    assigns=["doc._.newsie_events", "doc.spans", "doc._.newsie_event_evidence", *SENT_STARTS],
    requires=[
        "doc._.newsie_dateline",
        "doc._.newsie_release_date",
        "doc.spans",
        "doc._.newsie_orgs",
        "doc._.newsie_officials",
    ],
    default_config={"secondary_ratio": 0.6, "spans_key": ext.EVENTS},
)
def make_events(nlp: Language, name: str, secondary_ratio: float, spans_key: str) -> EventExtractor:
    """Build the events from the trigger scores and any model decision, with dates, place
    and participants (see `EventExtractor`)."""
    return EventExtractor(nlp, name, secondary_ratio=secondary_ratio, spans_key=spans_key)


@Language.factory("newsie_fields", assigns=["doc._.newsie_fields"], default_config={})
def make_fields(nlp: Language, name: str) -> FieldsTagger:
    """Assign OSCE fields of work (see `FieldsTagger`)."""
    return FieldsTagger(nlp, name)


@Language.factory(
    "newsie_event_model",
    assigns=["doc.cats", "doc.user_data"],
    requires=["doc._.newsie_event_evidence"],
    default_config={"models": None, "margin": None},
)
def make_event_model(nlp: Language, name: str, models: str | None, margin: float | None) -> EventModel:
    """Blend a trained event-type classifier with the rules (see `EventModel`); `models` is a
    folder from `newsie train` (None: the models that ship with newsie), `margin` overrides
    the trained override margin."""
    return EventModel(nlp, name, models=models, margin=margin)


@Language.factory(
    "newsie_fields_model",
    assigns=["doc._.newsie_fields"],  # reads newsie_fields' picks when it ran, else the lexicon's own
    default_config={"models": None},
)
def make_fields_model(nlp: Language, name: str, models: str | None) -> FieldsModel:
    """Blend a trained fields-of-work classifier with the lexicon (see `FieldsModel`)."""
    return FieldsModel(nlp, name, models=models)
