"""Rules for organizations that no list names: head nouns, complements, media cues."""
from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ..customtypes import OrgKind
from ..resources import gazetteer_file
from .defaults import empty_dict, empty_list

ORG_RULES_FILE = "org_rules.json"


class ConditionalHead(BaseModel):
    """A head noun that names a body only in some company: "Working Group", "House of Peoples"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: OrgKind
    after: list[str] = Field(default_factory=empty_list, description="Words right before it that make it a head ('Working' Group)")
    of_complement: bool = Field(False, description="A head when an 'of' complement follows ('House of Representatives')")


class HolderOffices(BaseModel):
    """Offices named after their holder: "the Office of the High Commissioner", "the Office
    of the Prosecutor General". After "HEAD of the", title words (and these adjectives
    before them) are part of the name, which elsewhere ends before a title word."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    heads: list[str] = Field(default_factory=empty_list)
    adjectives: list[str] = Field(default_factory=empty_list)


class OrgRules(BaseModel):
    """The data behind newsie's organization patterns (``gazetteers/org_rules.json``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    heads: dict[str, OrgKind] = Field(description="Capitalized head nouns and the kind they give")
    conditional_heads: dict[str, ConditionalHead] = Field(default_factory=empty_dict, description="Head nouns that need a qualifier")
    plural_heads: dict[str, str] = Field(
        default_factory=empty_dict, description="Plural heads after a list of modifiers and their singular: 'Border and Customs Services'"
    )
    acronym_heads: list[str] = Field(default_factory=empty_list, description="Heads accepted only with an acronym defined")
    needs_modifier: list[str] = Field(default_factory=empty_list, description="Heads that need a name word beside them")
    complement_preps: list[str] = Field(default_factory=empty_list)
    on_heads: list[str] = Field(default_factory=empty_list, description="Heads that take an 'on ...' complement")
    person_offices: list[str] = Field(default_factory=empty_list, description="Gazetteer names that are a person's office, not a body")
    modifier_followers: list[str] = Field(default_factory=empty_list, description="Words after a head that make it a modifier")
    to_heads: list[str] = Field(default_factory=empty_list)
    in_heads: list[str] = Field(default_factory=empty_list)
    inner_connectors: list[str] = Field(default_factory=empty_list)
    generic_field_refs: list[str] = Field(default_factory=empty_list)
    media_triggers: list[str] = Field(default_factory=empty_list)
    media_staff: list[str] = Field(
        default_factory=empty_list, description="Lowercase nouns of an outlet's staff: a name before a media noun they follow is an outlet's ('News 24 TV channel journalist')"
    )
    stop_words_left: list[str] = Field(default_factory=empty_list)
    inverted_heads: list[str] = Field(
        default_factory=empty_list, description="Heads whose 'HEAD of PORTFOLIO' is also written 'PORTFOLIO HEAD' ('Ministry of Interior', 'Interior Ministry')"
    )
    portfolio_fillers: list[str] = Field(
        default_factory=empty_list, description="Words of a portfolio the short form leaves out ('Ministry of Foreign Affairs', 'Foreign Ministry')"
    )
    stop_word_modifiers: list[str] = Field(
        default_factory=empty_list, description="Capitalized words on the stop-word list that still modify a body's name ('National Mine Action Centre')"
    )
    kind_words: dict[str, OrgKind] = Field(
        default_factory=empty_dict, description="Words right before a name that give its kind and are no part of it: 'the media NGO Name'"
    )
    holder_offices: HolderOffices = Field(default_factory=lambda: HolderOffices())
    named_after: dict[str, OrgKind] = Field(
        default_factory=empty_dict,
        description="Words or phrases after which a capitalized name, with or without a head noun, is a body of that kind: 'the NGO Ak Jurok', 'the public association Women for Change'",
    )
    project_words: list[str] = Field(default_factory=empty_list, description="A name before these is a project's, not a body's")
    list_heads: list[str] = Field(default_factory=empty_list, description="Heads whose name may list portfolios: 'Ministry of Justice, Human and Minority Rights'")
    portfolio_words: list[str] = Field(
        default_factory=empty_list,
        description="Capitalized words of portfolios and subjects in the names of bodies and offices ('Education', 'Affairs'): never a place's or a person's",
    )


@lru_cache(maxsize=1)
def default_org_rules() -> OrgRules:
    """The organization rules that ship with newsie."""
    return OrgRules.model_validate_json(gazetteer_file(ORG_RULES_FILE).read_text(encoding="utf-8"))
