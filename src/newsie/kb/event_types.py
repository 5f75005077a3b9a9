"""Event-type triggers, their weights, and the PLOVER/CAMEO codes of each type."""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..customtypes import EventType
from .defaults import empty_dict, empty_list

EVENT_TYPES_FILE = "event_types.json"
# A trigger or section weight: finite and bounded, so no entry can swamp every other.
Weight = Annotated[float, Field(ge=0.0, le=100.0, allow_inf_nan=False)]


class EventTypeSpec(BaseModel):
    """One event type: trigger phrases with weights, and codes for other event datasets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plover: str | None = None
    cameo: str | None = None
    triggers: dict[str, Weight] = Field(default_factory=empty_dict)


class WeakTriggers(BaseModel):
    """A type whose triggers in a release all weigh less than `below` is no event of that
    type unless the release names one of `unless` (whole words, any case): "elections" and
    "voters" alone are election administration, not an observation, unless the text
    judges the vote against standards or commitments."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    below: Weight
    unless: list[str] = Field(default_factory=empty_list)


class StatementMode(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    cameo: str
    cues: list[str]


class SectionWeights(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Weight = 3.0
    first_sentence: Weight = 2.0
    second_sentence: Weight = 1.0
    rest: Weight = 0.25
    later_paragraphs: Weight = 0.4  # times `second_sentence` or `rest` for a sentence after the first paragraph


class EventRules(BaseModel):
    """Everything the event component reads from ``gazetteers/event_types.json``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    types: dict[EventType, EventTypeSpec]
    weights: SectionWeights = Field(default_factory=SectionWeights)
    priority: list[EventType]
    statement_modes: dict[str, StatementMode] = Field(default_factory=empty_dict)
    participant_nouns: list[str] = Field(default_factory=empty_list)
    weak_triggers: dict[EventType, WeakTriggers] = Field(default_factory=empty_dict)
    count_not_after: list[str] = Field(
        default_factory=empty_list, description="A number right after these names something ('Resolution 1325'), it counts no one"
    )
    count_not_between: list[str] = Field(
        default_factory=empty_list,
        description="A number with one of these before its people noun counts something else ('three courses for police officers', '14 October, the Border Police')",
    )
    count_units: list[str] = Field(
        default_factory=empty_list,
        description="A number with one of these (a whole word or phrase) before its people noun measures time or a share ('five days', '30 per cent'), it counts no one",
    )
    victim_cues: list[str] = Field(
        default_factory=empty_list,
        description="People counted right after these ('the detention of six journalists') suffered the event, they did not take part",
    )
    respondent_cues: list[str] = Field(
        default_factory=empty_list, description="People counted right after these ('a survey of 1,200 young people') answered a study, they did not take part"
    )
    group_nouns: list[str] = Field(
        default_factory=empty_list,
        description="A number after 'of' or 'from' counting these ('representatives of 16 civil society organizations') counts groups, not people",
    )
    victim_verbs: list[str] = Field(
        default_factory=empty_list, description="People counted before 'were'/'have been' and one of these ('were sentenced') did not take part"
    )
    conclusion_verbs: list[str] = Field(
        default_factory=empty_list, description="With one of these a lasting event's stated day is its last ('concluded', 'ending her four-day visit')"
    )
    length_not_after: list[str] = Field(
        default_factory=empty_list, description="A length right after these is no event's ('less than two months', 'almost three months')"
    )
    period_words: list[str] = Field(
        default_factory=empty_list,
        description="A length in weeks or months right after these is a period the text looks back on ('in the past six months'), not the event's",
    )
    end_only_verbs: list[str] = Field(
        default_factory=empty_list,
        description="'The forum concluded today': with one of these and no stated length, a lasting event's stated day is its end and its start is not stated",
    )
    lasting_types: list[EventType] = Field(
        default_factory=empty_list,
        description="Events that last (a course, a conference, a visit): their stated day is the end, not the start, after an end_only_verbs word",
    )
    gathering_types: list[EventType] = Field(
        default_factory=empty_list,
        description="Events that gather people (a course, a conference, a visit): a later paragraph may say how many took part; of another type (a statement, a report) only the lede's count is read",
    )
    unattended_types: list[EventType] = Field(
        default_factory=empty_list,
        description="Events that nobody attends (a statement, an appointment): even in the lede a count is of participants only where the sentence says people took part ('beaten by two men' counts none)",
    )
    conclusion_phrases: list[str] = Field(
        default_factory=empty_list,
        description="Like conclusion_verbs, phrases of several words ('at the end of a three-day visit'; 'end' alone is no conclusion: 'to end violence')",
    )
    place_words: list[str] = Field(default_factory=empty_list, description="Words before a State's name that make it the event's place")
    direction_words: list[str] = Field(default_factory=empty_list, description="Words allowed between a place word and the place")
    near_words: list[str] = Field(
        default_factory=empty_list,
        description="'in TOWN, near CITY': a town newsie does not know, placed in the country of the city named after these",
    )
    region_names: list[str] = Field(
        default_factory=empty_list, description="Regions, not towns: 'in Abkhazia, Georgia' names no town"
    )
    city_region_words: list[str] = Field(
        default_factory=empty_list,
        description="'in Luhansk region', 'in the Osh Region': a place followed by (or ending in) one of these is the region named after it, no city ('municipality' or 'district' after a town name the town)",
    )
    region_words: list[str] = Field(
        default_factory=empty_list,
        description="'in TOWN, Khatlon Region': after a town newsie does not know, a name and one of these say it is a town of the country the release is about",
    )
    visit_words: list[str] = Field(default_factory=empty_list, description="'to PLACE' is a place only after these")
    visit_verbs: list[str] = Field(default_factory=empty_list, description="Verbs whose object is the event's place ('visited Kyiv', 'visiting Ukraine')")
    unmoved_types: list[EventType] = Field(
        default_factory=empty_list,
        description="Events that happen where they are decided: 'to PLACE' after a visit word ('his representative in a mission to Georgia') is the appointee's remit, not the event's place",
    )
    not_event_date_after: list[str] = Field(default_factory=empty_list, description="A date after these is not the event's")
    background_date_after: list[str] = Field(
        default_factory=empty_list,
        description="A date right after these dates what the text mentions as background ('the incident that took place on 6 August'), not the event",
    )
    not_modified_after: list[str] = Field(
        default_factory=empty_list,
        description="'the 25 November attack': a date between 'the' and a word names what that word names, unless the word is one of these ('the 5 May to ...')",
    )
    election_words: list[str] = Field(default_factory=empty_list, description="A date beside these names an election day")
    observed_types: list[EventType] = Field(
        default_factory=empty_list,
        description="Events held where the elections they observe are: a State before an election word ('Estonia's parliamentary elections') places them, under any dateline from elsewhere",
    )
    modifier_heads: list[str] = Field(
        default_factory=empty_list,
        description="Nouns a one-word trigger may modify without naming an event ('training centre')",
    )
    object_overrides: dict[EventType, dict[EventType, list[str]]] = Field(
        default_factory=empty_dict,
        description="A trigger of type A whose object (next few words) is one of these nouns counts as type B",
    )
    venue_overrides: dict[EventType, dict[EventType, list[str]]] = Field(
        default_factory=empty_dict,
        description="A trigger of type A in a sentence (or headline) naming one of these bodies in session counts as type B",
    )
    venue_speech_cues: list[str] = Field(
        default_factory=empty_list,
        description="Words telling of a speech at a body ('addressing'): the headline takes the body named by such a first sentence, and back",
    )
    kind_overrides: dict[EventType, dict[EventType, list[str | list[str]]]] = Field(
        default_factory=empty_dict,
        description=(
            "Every trigger of type A counts as type B in a release whose headline, or one of its first two sentences after one of "
            "definite_words, names one of these ('study visit'; a list: all its phrases in one of them, ['final report', 'election'])"
        ),
    )
    definite_words: list[str] = Field(
        default_factory=empty_list,
        description="Words that make the noun phrase after them name a thing already told of ('the study visit'; see kind_overrides)",
    )
    framing_triggers: list[str] = Field(
        default_factory=empty_list,
        description="Triggers ('welcomes', 'condemns') that make a headline about their object: other types' triggers after them in the headline do not count",
    )
    session_triggers: list[str] = Field(
        default_factory=empty_list,
        description="Triggers naming a body that is itself the event ('Ministerial Council', 'Summit', 'Election Observation Mission'): they count inside an organization's name",
    )
    document_triggers: list[str] = Field(
        default_factory=empty_list,
        description="Triggers naming the released document itself ('Joint Statement'): a venue counts only in their own sentence",
    )

    @model_validator(mode="after")
    def _named_triggers_exist(self) -> EventRules:
        """The triggers named by `document_triggers`, `framing_triggers` and `session_triggers`
        are triggers of some type (any other would never be found: a typo)."""
        known = {t.lower() for spec in self.types.values() for t in spec.triggers}
        for name in ("document_triggers", "framing_triggers", "session_triggers"):
            unknown = [t for t in getattr(self, name) if t.lower() not in known]
            if unknown:
                raise ValueError(f"{name}: {unknown} are no event type's triggers (add them to a type's triggers first)")
        return self
