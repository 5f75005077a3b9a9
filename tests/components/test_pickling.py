"""Components pickle, copy and subclass the same way whether newsie runs from its sources
or from a wheel whose rule modules are compiled (hatch_build.py)."""
from __future__ import annotations

import copy
import pickle

import spacy
from spacy.language import Language

import newsie
from newsie.components.base import GazetteerPipe

TEXT = "ALMATY, 4 March 2024 - The OSCE Programme Office trained 20 Kazakh police officers with Kyrgyz colleagues."


def _spans(doc) -> list[tuple[str, int, int, str]]:
    return [(key, s.start, s.end, s.label_) for key, group in sorted(doc.spans.items()) for s in group]


def test_each_component_pickled_alone_comes_back_whole_and_working() -> None:
    """Every component of the default pipeline, pickled on its own, comes back with its
    name and settings, and the pipeline it carries gives the same Doc."""
    nlp = newsie.load()
    expected = _spans(nlp(TEXT))
    for name, proc in nlp.pipeline:
        back = pickle.loads(pickle.dumps(proc))
        assert type(back) is type(proc)
        assert getattr(back, "name", name) == name
        assert getattr(back, "cfg", None) == getattr(proc, "cfg", None)
        carried = getattr(back, "nlp", None)
        if carried is not None:
            assert _spans(carried(TEXT)) == expected


def test_a_copied_component_shares_no_attributes_with_the_original() -> None:
    """`copy.copy` gives a component of its own: replacing the copy's settings leaves the
    original's alone (a compiled class's state is copied too)."""
    proc = newsie.load(models=False).get_pipe("newsie_states")
    before = dict(proc.cfg)
    dup = copy.copy(proc)
    assert dup.name == proc.name and dup.cfg == before
    dup.cfg = {"changed": True}
    dup.tag = "copy"
    assert proc.cfg == before and not hasattr(proc, "tag")


class _Tagged(GazetteerPipe):
    """A user's component on newsie's base class, with a required argument of its own."""

    PARTS = {"words": "json"}

    def __init__(self, nlp: Language, name: str, label: str) -> None:
        super().__init__(nlp, name)
        self.label = label

    def default_data(self) -> dict:
        return {"words": ["Kazakh"]}

    def _build(self) -> None:
        self.words = set(self.data["words"])

    def __call__(self, doc):
        self.ensure_ready()
        doc.user_data[self.label] = [t.text for t in doc if t.text in self.words]
        return doc


def test_a_user_component_on_the_base_class_pickles_and_copies_without_its_constructor() -> None:
    """A Python subclass of `GazetteerPipe` whose constructor takes an argument of its own
    pickles and copies (as spaCy's `Pipe` does, without calling ``__init__`` again)."""
    nlp = spacy.blank("en")
    proc = _Tagged(nlp, "tagged", "mine")
    proc.set_data({"words": ["Kazakh", "Kyrgyz"]})
    for back in (pickle.loads(pickle.dumps(proc)), copy.copy(proc)):
        assert type(back) is _Tagged and back.label == "mine" and back.name == "tagged"
        assert back(nlp.make_doc("Kazakh and Kyrgyz police met.")).user_data["mine"] == ["Kazakh", "Kyrgyz"]
