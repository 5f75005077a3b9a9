"""Tests of how the trained components score releases: numpy scoring, batches, rule evidence."""
from __future__ import annotations

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.training import Example

import newsie
from newsie.components.bow import BowScorer, murmur32
from newsie.components.event_triggers import DECISION_KEY, EVIDENCE_KEY, UNITS_KEY
from newsie.components.textcat_io import predict
from newsie.making import make_doc

TEXTS = [
    ("OSCE trains border guards in Osh", "Twenty border guards completed a five-day training course on risk analysis in Osh on 3 May 2021."),
    ("Chairperson condemns attack on journalist", "The OSCE Chairperson strongly condemned today's attack on a journalist in Baku and called for an investigation."),
    ("Head of Mission visits Tirana", "The Head of the OSCE Presence in Albania visited Tirana on 12 June, where she met the Minister of Justice."),
    ("Handbook on hate crimes presented", "ODIHR presented a new handbook for prosecutors on hate crimes at a round table in Skopje."),
    ("", "VIENNA, 6 October 2020 - Observers deployed for the parliamentary elections presented their preliminary findings."),
]


def _textcat(exclusive: bool, ngrams: int):
    """A small bag-of-words classifier trained for a few steps (weights far from zero)."""
    nlp = spacy.blank("en")
    factory = "textcat" if exclusive else "textcat_multilabel"
    bow = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": exclusive, "ngram_size": ngrams, "no_output_layer": False, "length": 512}
    textcat = nlp.add_pipe(factory, config={"model": bow})
    examples = [
        Example.from_dict(nlp.make_doc("osce trains police officers"), {"cats": {"training": 1.0, "statement": 0.0, "visit": 0.0}}),
        Example.from_dict(nlp.make_doc("osce condemns the attack"), {"cats": {"training": 0.0, "statement": 1.0, "visit": 0.0}}),
        Example.from_dict(nlp.make_doc("minister visits the mission"), {"cats": {"training": 0.0, "statement": 0.0, "visit": 1.0}}),
    ]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(5):
        nlp.update(examples, sgd=optimizer)
    return textcat


@pytest.mark.parametrize(("exclusive", "ngrams"), [(True, 1), (False, 2), (True, 3)])
def test_numpy_scorer_equals_spacy_predict(exclusive: bool, ngrams: int) -> None:
    """The numpy scorer gives spaCy's own probabilities, one input or a batch."""
    textcat = _textcat(exclusive, ngrams)
    scorer = BowScorer(textcat)
    assert scorer.direct
    rng = np.random.default_rng(7)
    inputs = [rng.integers(0, 2**64 - 1, size=n, dtype=np.uint64) for n in (1, 2, 9, 30, 4, 17)]
    inputs.append(inputs[2].copy())  # repeated keys and an input seen before
    for ids in inputs:
        assert np.allclose(scorer(ids), predict(textcat, [ids])[0], atol=1e-6)
    assert np.allclose(scorer.batch(inputs), predict(textcat, inputs), atol=1e-6)


def test_murmur32_gives_the_hashes_of_the_murmurhash_package() -> None:
    """`murmur32` of a 64-bit key is MurmurHash3 x86_32 of its eight little-endian bytes, seeds 0 and 1."""
    from murmurhash.mrmr import hash_bytes

    keys = np.array([0, 1, 2**63 + 5, 2**64 - 1, 123456789012345], dtype=np.uint64)
    got = murmur32(keys)
    for j, key in enumerate(keys.tolist()):
        for seed in (0, 1):
            assert int(got[seed, j]) == hash_bytes(int(key).to_bytes(8, "little"), seed) & 0xFFFFFFFF


def test_an_empty_input_scores_the_classifier_prior() -> None:
    """An input with no tokens gets the bias alone, in a batch with others."""
    textcat = _textcat(True, 1)
    scorer = BowScorer(textcat)
    ids = np.array([7, 8, 9], dtype=np.uint64)
    out = scorer.batch([ids, ids[:0]])
    assert np.allclose(out[0], predict(textcat, [ids])[0], atol=1e-6)
    bias = np.exp(scorer.bias - scorer.bias.max())
    assert np.allclose(out[1], bias / bias.sum())


def test_batches_give_the_same_records_as_one_release_at_a_time() -> None:
    """`extract_many` (batched models) and `extract` give identical records."""
    nlp = newsie.load()
    items = [{"id": f"r{i}", "title": t or None, "text": x, "published": "2021-06-14"} for i, (t, x) in enumerate(TEXTS * 3)]
    many = [r.model_dump(mode="json") for r in newsie.extract_many(items, nlp=nlp, batch_size=4)]
    one = [newsie.extract(i["text"], title=i["title"], published=i["published"], id=i["id"], nlp=nlp).model_dump(mode="json") for i in items]
    assert many == one


def test_events_leave_their_trigger_scores_for_the_model() -> None:
    """`newsie_event_triggers` writes every type's trigger scores (release, headline, first sentence) and the rules' ranking on the Doc."""
    nlp = newsie.load(models=False)
    title, text = TEXTS[0]
    doc = nlp(make_doc(nlp, text, title=title))
    evidence = doc.user_data[EVIDENCE_KEY]
    assert evidence["title"].get("training", 0) > 0 and evidence["first"].get("training", 0) > 0
    assert max(evidence["total"], key=evidence["total"].get) == "training" == evidence["main"] == evidence["ranked"][0][0]
    assert evidence["in_title"] and not evidence["fallback"]
    assert UNITS_KEY not in doc.user_data  # taken by newsie_events: the Doc stays serializable
    assert doc.to_bytes()


def _stages(nlp, title: str, text: str):
    """The release's Doc after each stage of `nlp`, with the stage's name (one Doc, changed in place)."""
    doc = make_doc(nlp, text, title=title)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        yield name, doc


def test_the_model_decides_and_newsie_events_builds_once() -> None:
    """The model's main type and probabilities go to the Doc (`doc.cats`, the decision), and `newsie_events` builds the events from them."""
    nlp = newsie.load()
    title, text = TEXTS[1]
    for name, doc in _stages(nlp, title, text):
        if name == "newsie_event_model":
            decision = doc.user_data[DECISION_KEY]
            assert abs(sum(doc.cats.values()) - 1.0) < 1e-6 and doc.cats == decision["probs"]
    main = doc._.newsie_events[0]
    assert main.type == decision["main"] and main.confidence == round(decision["probs"][main.type], 3)


def test_a_decision_overruling_the_rules_makes_the_rules_main_event_secondary() -> None:
    """A main type decided against the rules is built as the main event; the rules' main event follows as a secondary one, with a secondary id."""
    nlp = newsie.load(models=False)
    title, text = TEXTS[0]
    rules = nlp(make_doc(nlp, text, title=title))._.newsie_events
    assert rules[0].type == "training"
    doc = make_doc(nlp, text, title=title)
    for name, proc in nlp.pipeline:
        if name == "newsie_events":  # a model between the stages decides "meeting"
            doc.user_data[DECISION_KEY] = {"main": "meeting", "probs": {"meeting": 0.6, "training": 0.3}}
        doc = proc(doc)
    events = doc._.newsie_events
    assert [e.type for e in events][:2] == ["meeting", "training"] and len({e.type for e in events}) == len(events)
    assert (events[0].confidence, events[1].confidence) == (0.6, 0.3)
    assert events[1].id != rules[0].id and events[1].start == rules[0].start  # same event, now secondary
    assert [s.kb_id_ for s in doc.spans["newsie_events"]] == [e.type for e in events if e.trigger]


def test_events_score_the_triggers_themselves_without_the_first_stage() -> None:
    """Without `newsie_event_triggers` (or its evidence), `newsie_events` scores the triggers itself and the model leaves the
    type to the rules, saying so (a MissingInputWarning)."""
    from newsie.exceptions import MissingInputWarning

    nlp = newsie.load()
    nlp.get_pipe("newsie_event_model")._warned = False  # it warns once: the cached pipeline may have warned already
    title, text = TEXTS[1]
    with pytest.warns(MissingInputWarning, match="newsie_event_triggers"):
        for name, doc in _stages(nlp, title, text):
            if name == "newsie_event_triggers":
                del doc.user_data[EVIDENCE_KEY], doc.user_data[UNITS_KEY]
            if name == "newsie_event_model":
                assert DECISION_KEY not in doc.user_data
    assert doc._.newsie_events[0].type == "statement"
    alone = newsie.load(models=False, disable=["newsie_event_triggers"])
    assert "newsie_event_triggers" not in alone.pipe_names
    assert newsie.extract(text, title=title, nlp=alone).events == newsie.extract(text, title=title, nlp=newsie.load(models=False)).events


def test_a_doc_serialized_between_the_event_stages_gives_the_same_events() -> None:
    """A Doc saved with DocBin right after `newsie_event_triggers` (or in a pipeline without `newsie_events`) round-trips, and the events built from it are the unbroken pipeline's."""
    from spacy.tokens import DocBin

    nlp = newsie.load()
    title, text = TEXTS[2]
    want = nlp(make_doc(nlp, text, title=title))._.newsie_events
    rest = []
    for name, doc in _stages(nlp, title, text):
        if name == "newsie_event_triggers":
            (doc,) = DocBin(store_user_data=True, docs=[doc]).from_bytes(DocBin(store_user_data=True, docs=[doc]).to_bytes()).get_docs(nlp.vocab)
            rest = [proc for n, proc in nlp.pipeline][[n for n, _ in nlp.pipeline].index(name) + 1 :]
            break
    assert doc.user_data[UNITS_KEY] is None and doc.user_data[EVIDENCE_KEY]["main"] == "visit"
    for proc in rest:
        doc = proc(doc)
    assert doc._.newsie_events == want and want[0].type == "visit"
    partial = newsie.load(models=False, disable=["newsie_events"])
    assert DocBin(store_user_data=True, docs=[partial(make_doc(partial, text, title=title))]).to_bytes()


def test_threads_sharing_a_scorer_get_spacy_probabilities() -> None:
    """Scorers shared by threads still give spaCy's probabilities."""
    from concurrent.futures import ThreadPoolExecutor

    textcat = _textcat(False, 2)
    scorers = [BowScorer(textcat), BowScorer(textcat)]
    rng = np.random.default_rng(3)
    inputs = [rng.integers(0, 2**64 - 1, size=int(n), dtype=np.uint64) for n in rng.integers(2, 25, size=200)]
    expected = predict(textcat, inputs)

    def work(k: int) -> bool:
        got = scorers[k % 2].batch(inputs[k : k + 5])
        return bool(np.allclose(got, expected[k : k + 5], atol=1e-6))

    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(work, range(0, 195)))


def test_blends_saved_with_fewer_features_read_just_those() -> None:
    """Feature builders give the columns a saved blend names, in its order (older models keep working)."""
    from newsie.blend import EVENT_FEATURES, FIELD_FEATURES, event_features, field_features

    rule = {"main": "training", "confidence": {"training": 0.8}, "in_title": True, "fallback": False, "total": {"training": 3.0, "visit": 1.0}, "title": {"training": 2.0}, "first": {}}
    classes = ("training", "visit", "meeting")
    full = event_features(classes, [0.7, 0.2, 0.1], rule)
    old = event_features(classes, [0.7, 0.2, 0.1], rule, EVENT_FEATURES[:5])
    assert full.shape == (3, len(EVENT_FEATURES)) and np.array_equal(old, full[:, :5])
    labels = ("Policing", "Safety of journalists")
    parents = {"Safety of journalists": "Media freedom and development"}
    fields = field_features(labels, [0.6, 0.3], {"Policing": 2.0, "Media freedom and development": 1.0}, ["Policing"], parents)
    assert fields.shape == (2, len(FIELD_FEATURES))
    assert fields[1, FIELD_FEATURES.index("lexicon_score")] == pytest.approx(np.log1p(1.0))  # the parent's evidence
    four = field_features(labels, [0.6, 0.3], {"Policing": 2.0, "Media freedom and development": 1.0}, ["Policing"], parents, FIELD_FEATURES[:4])
    assert np.array_equal(four, fields[:, :4])


def test_smoothing_mixes_the_classifier_with_a_flat_guess() -> None:
    """`smoothed` keeps probabilities summing to 1, lifts the classes the classifier ruled out, and changes nothing at share 0."""
    from newsie.blend import smoothed

    p = np.array([[0.98, 0.02, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25]])
    assert np.array_equal(smoothed(p, 0.0), p)
    q = smoothed(p, 0.2)
    assert np.allclose(q.sum(axis=1), 1.0) and q[0, 3] == 0.05 and np.allclose(q[1], 0.25)


def test_a_model_saved_without_smoothing_reads_the_classifier_as_is(tmp_path) -> None:
    """An event model folder whose settings predate smoothing loads with none, and its probabilities are unchanged."""
    import json
    import shutil

    from newsie.components.textcat_io import models_root

    folder = tmp_path / "event_type"
    shutil.copytree(models_root(None) / "event_type", folder)
    settings = json.loads((folder / "blend.json").read_text(encoding="utf-8"))
    settings.pop("smoothing", None)
    (folder / "blend.json").write_text(json.dumps(settings), encoding="utf-8")
    nlp = spacy.blank("en")
    model = nlp.add_pipe("newsie_event_model")
    model.from_disk(folder)
    assert model.smoothing == 0.0


@pytest.mark.parametrize("max_tokens", [0, 3, 8, 40, 500])
def test_model_ids_are_the_headline_twice_and_the_first_tokens(max_tokens: int) -> None:
    """`model_ids` reads the headline's words and then the first `max_tokens` words of headline and text, skipping whitespace, whatever the headline's length."""
    from spacy.attrs import LOWER

    from newsie.components.textcat_io import model_ids

    nlp = newsie.load(models=False)
    title = "OSCE  Mission trains   judges and prosecutors on trial monitoring in Sarajevo and Mostar"
    text = "Some  forty judges took part.\tThe course ended on Friday with a conference in Banja Luka. " * 3  # one paragraph
    doc = make_doc(nlp, text, title=title)
    lowers = doc.to_array([LOWER])
    words = [i for i, t in enumerate(doc) if not t.is_space]
    in_title = [i for i in words if doc[i].idx < len(title)]
    want = [lowers[i] for i in in_title] + [lowers[i] for i in words if i < max_tokens]
    assert model_ids(doc, max_tokens).tolist() == [int(x) for x in want]


def test_event_features_follow_their_definition_for_any_evidence() -> None:
    """Each event feature is, per release and type, what its name says (checked element by element on varied evidence)."""
    from newsie.blend import EPS, EVENT_FEATURES, event_features_batch

    rng = np.random.default_rng(11)
    classes = ("training", "visit", "meeting", "statement")
    rules = []
    for r in range(40):
        pick = lambda: {c: float(rng.integers(0, 4)) for c in classes if rng.random() < 0.5}
        rules.append({"main": classes[r % 4] if r % 7 else "other", "confidence": pick(), "in_title": r % 3 == 0, "fallback": r % 5 == 0, "total": pick(), "title": pick(), "first": pick()})
    probs = rng.dirichlet(np.ones(len(classes)), size=len(rules))
    probs[0, 0] = 0.0  # floored at EPS
    got = event_features_batch(classes, probs, rules)
    for r, rule in enumerate(rules):
        grand = sum(rule["total"].values()) or 1.0
        for j, c in enumerate(classes):
            main = float(c == rule["main"])
            tot = rule["total"].get(c, 0.0)
            want = (np.log(max(probs[r, j], EPS)), rule["confidence"].get(c, 0.0), main, main * rule["in_title"], main * rule["fallback"],
                    tot / grand, float(c in rule["title"]), float(c in rule["first"]), np.log1p(tot), np.log1p(rule["title"].get(c, 0.0)))
            assert got[r, j].tolist() == list(want), (r, c)
    assert got.shape == (len(rules), len(classes), len(EVENT_FEATURES))
    assert event_features_batch(classes, probs[:0], []).shape == (0, len(classes), len(EVENT_FEATURES))


@pytest.mark.parametrize("ngrams", [1, 2])
def test_small_and_large_batches_index_keys_alike(ngrams: int) -> None:
    """The key-by-key memo (small batches) and the numpy hashing (large ones) give the same weight rows and the same probabilities."""
    from newsie.components import bow

    textcat = _textcat(False, ngrams)
    scorer = BowScorer(textcat)
    rng = np.random.default_rng(5)
    keys = rng.integers(0, 2**64 - 1, size=bow.SMALL_BATCH_KEYS + 50, dtype=np.uint64)
    large = scorer.indices(keys)
    assert isinstance(large, tuple) and len(large) == 2  # the two rows, as the small-batch path gives them
    small = [scorer.indices(keys[i : i + 100]) for i in range(0, len(keys), 100)]  # new keys, then a memo hit below
    again = scorer.indices(keys[:100])
    for got, part in zip(np.concatenate([s[0] for s in small]), large[0]):
        assert int(got) == int(part)
    assert np.array_equal(np.concatenate([s[1] for s in small]), large[1].astype(np.int64))
    assert np.array_equal(again[0], small[0][0]) and np.array_equal(again[1], small[0][1])
    inputs = [keys[i : i + 40] for i in range(0, 2400, 40)]  # one large batch against the same inputs one by one
    assert sum(map(len, inputs)) > bow.SMALL_BATCH_KEYS
    assert np.array_equal(scorer.batch(inputs), np.vstack([scorer.batch([i]) for i in inputs]))


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test extra
    pass
else:
    WORDS = st.sampled_from(["OSCE", "Mission", "trains", "nsubj", "amod", "ORG", "person", "Ça", "ÉTAT", "ﬁeld",
                             "2,000", ".", "(", "\u00a0", "  ", "\t", "Ukraine’s", "x"])  # one paragraph: see test_lede.py

    @settings(max_examples=60, deadline=None)
    @given(st.lists(WORDS, max_size=25), st.lists(WORDS, min_size=1, max_size=40), st.integers(0, 70))
    def test_model_ids_match_spacy_token_hashes_on_generated_text(title: list[str], text: list[str], max_tokens: int) -> None:
        """On any headline and text, `model_ids` gives spaCy's LOWER hash of every non-space headline token, then of the first `max_tokens` non-space tokens."""
        from spacy.attrs import IS_SPACE, LOWER

        from newsie.components.textcat_io import model_ids

        nlp = newsie.load(models=False)
        doc = make_doc(nlp, " ".join(text), title=" ".join(title))
        arr = doc.to_array([LOWER, IS_SPACE])
        title_len = len(" ".join(title))
        head = [int(arr[i, 0]) for i, t in enumerate(doc) if t.idx < title_len and not arr[i, 1]] if title_len else []
        lede = [int(arr[i, 0]) for i in range(min(max_tokens, len(doc))) if not arr[i, 1]]
        assert model_ids(doc, max_tokens).tolist() == head + lede


@pytest.mark.parametrize("ngrams", [1, 2, 3])
def test_batch_keys_are_the_keys_thinc_extracts(ngrams: int) -> None:
    """`with_ngrams` and `batch_keys` list each input's unigrams then its hashed n-grams exactly as thinc's `extract_ngrams` does, in input order."""
    from thinc.api import NumpyOps

    from newsie.components.bow import batch_keys, with_ngrams

    ops = NumpyOps()
    rng = np.random.default_rng(ngrams)
    inputs = [rng.integers(0, 2**64 - 1, size=n, dtype=np.uint64) for n in (0, 1, 2, 3, 7, 0, 40, 1, 2)]
    want = [np.concatenate([u] + [np.asarray(ops.ngrams(n, u), dtype=np.uint64) for n in range(2, ngrams + 1)]) if ngrams > 1 and len(u) > 1 else u for u in inputs]
    for u, w in zip(inputs, want):
        assert with_ngrams(u, ngrams).tolist() == w.tolist()
    flat, lengths = batch_keys(inputs, ngrams)
    assert flat.tolist() == np.concatenate(want).tolist()
    assert lengths.tolist() == [len(w) for w in want]
    empty, none = batch_keys([], ngrams)
    assert len(empty) == 0 and len(none) == 0


def test_choose_batch_picks_what_choose_picks_row_by_row() -> None:
    """`choose_batch` gives, for every row, the fields `choose` gives (ties, NaN, any threshold and limits)."""
    from newsie.components.fields_model import choose, choose_batch

    rng = np.random.default_rng(3)
    labels = tuple(f"field {i}" for i in range(7))
    for trial in range(300):
        probs = rng.choice([0.0, 0.2, 0.5, 0.5, 0.7, 0.9, 1.0, np.nan], size=(int(rng.integers(0, 5)), len(labels))) if trial % 2 else rng.random((4, len(labels)))
        settings = {"threshold": float(rng.choice([0.0, 0.3, 0.5, 0.95, 2.0])), "max_labels": int(rng.integers(0, 4)), "min_labels": int(rng.integers(0, 2))}
        assert choose_batch(labels, probs, settings) == [choose(labels, row, settings) for row in probs], settings
    assert choose_batch((), np.zeros((2, 0)), {"threshold": 0.5, "max_labels": 3, "min_labels": 1}) == [[], []]


FIELDS = ("Policing", "Gender equality", "Media freedom and development", "Elections")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.permutations(FIELDS).flatmap(lambda order: st.lists(st.sampled_from([0.0, 0.5, 2.0]), min_size=4, max_size=4).map(lambda v: list(zip(order, v)))),
            st.integers(0, 4),
            st.lists(st.sampled_from((*FIELDS, "Unknown field")), max_size=3),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_field_features_of_a_batch_read_each_release_by_name(releases: list[tuple[list[tuple[str, float]], int, list[str]]]) -> None:
    """Batch features equal a per-label read of each release's scores and picks, whatever order
    (or subset) of fields each release's scores come in."""
    from newsie.blend import field_features_batch

    labels = ("Policing", "Safety of journalists", "Elections", "Migration")
    parents = {"Safety of journalists": "Media freedom and development"}
    lexicon = [(dict(pairs[:keep] if keep else pairs), picked) for pairs, keep, picked in releases]
    probs = np.linspace(0.1, 0.9, len(lexicon) * len(labels)).reshape(len(lexicon), len(labels))
    got = field_features_batch(labels, probs, lexicon, parents)
    lex = [parents.get(label, label) for label in labels]
    for r, (scores, picked) in enumerate(lexicon):
        assert got[r, :, 2].tolist() == [float(np.log1p(max(scores.get(name, 0.0), 0.0))) for name in lex]
        assert got[r, :, 3].tolist() == [float(name in picked) for name in lex]


def test_field_features_follow_a_replaced_parents_setting() -> None:
    """The fields model's feature builder is made again when its ``parents`` setting is
    replaced (a site label then reads its new field's lexicon evidence)."""
    nlp = newsie.load()
    model = nlp.get_pipe("newsie_fields_model")
    model.ensure_ready()
    site = next(iter(model.settings["parents"]))
    labels = tuple(model.scorer.textcat.labels)
    col = labels.index(site)
    scores = np.full((1, len(labels)), 0.5)
    lexicon = [({"Policing": 3.0, "Media freedom and development": 0.0}, ["Policing"])]
    before = model.features(scores, lexicon)
    model.settings = {**model.settings, "parents": {**model.settings["parents"], site: "Policing"}}
    after = model.features(scores, lexicon)
    assert before[0, col, 2] == 0.0 and after[0, col, 2] == pytest.approx(np.log1p(3.0))
    assert after[0, col, 3] == 1.0 and before[0, col, 3] == 0.0
