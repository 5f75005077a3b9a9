"""Bag-of-words classifiers scored in numpy, a batch of releases at a time.

spaCy's ``TextCatBOW`` is a sparse linear layer over hashed n-gram keys (thinc's
``SparseLinear``: each key adds two weight columns, found by MurmurHash3 of the key
under seeds 0 and 1) followed by softmax or logistic. `BowScorer` does the same sums
from the layer's own weights; `KeyIndex` numbers the keys seen so that what each adds
is computed once per process.
"""
from __future__ import annotations

import threading

import numpy as np
from spacy.pipeline import TextCategorizer

from .textcat_io import predict

_C1, _C2 = np.uint32(0xCC9E2D51), np.uint32(0x1B873593)
_SEEDS = np.array([[0], [1]], dtype=np.uint32)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return np.asarray((x << np.uint32(r)) | (x >> np.uint32(32 - r)))


def murmur32(keys: np.ndarray, seeds: np.ndarray = _SEEDS) -> np.ndarray:
    """MurmurHash3 (x86, 32 bits) of each 64-bit key under each seed, shape (seeds, keys):
    the hashes thinc's sparse linear layer gives its keys (seeds 0 and 1)."""
    keys = np.asarray(keys, dtype=np.uint64)
    h = np.repeat(np.asarray(seeds, dtype=np.uint32).reshape(-1, 1), len(keys), axis=1)
    for half in (keys & np.uint64(0xFFFFFFFF), keys >> np.uint64(32)):
        k = half.astype(np.uint32)
        k *= _C1
        k = _rotl(k, 15)
        k *= _C2
        h ^= k
        h = _rotl(h, 13)
        h *= np.uint32(5)
        h += np.uint32(0xE6546B64)
    h ^= np.uint32(8)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


class KeyIndex:
    """Numbers the n-gram keys the classifiers have read, so that what a key adds to a
    classifier's scores is computed once per process (see `BowScorer`). Bounded: past
    `max_keys` keys it forgets them all at once and starts a new generation. Scorers
    hold its `lock` while they read it (threads may share a pipeline)."""

    def __init__(self, max_keys: int = 100_000, max_remembered: int = 1024) -> None:
        self.max_keys = max_keys
        self.max_remembered = max_remembered
        self.generation = 0
        self.keys: list[int] = []  # the key of each row
        self._row_of: dict[int, int] = {}
        self._remembered: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # id(keys) -> (keys, rows)
        self.lock = threading.RLock()

    def reserve(self, n: int) -> None:
        """Make room for `n` new keys (forgetting all when full), before looking up keys whose rows are used together."""
        if len(self.keys) + n > self.max_keys:
            self.keys, self._row_of, self._remembered, self.generation = [], {}, {}, self.generation + 1

    def rows(self, keys: np.ndarray) -> np.ndarray:
        """The row number of each key, numbering the new ones (call `reserve` first)."""
        keys_list = keys.tolist()
        get = self._row_of.get
        rows = [get(k, -1) for k in keys_list]
        if -1 in rows:
            first = len(self.keys)
            new = [k for k in dict.fromkeys(keys_list) if k not in self._row_of]
            self.keys.extend(new)
            self._row_of.update(zip(new, range(first, first + len(new))))
            rows = [self._row_of[k] for k in keys_list]
        return np.array(rows, dtype=np.intp)

    def rows_many(self, arrays: list[np.ndarray], *, remember: bool = False) -> list[np.ndarray]:
        """`rows` of several key arrays in one lookup. With `remember`, the result for each
        array object is kept (the classifiers of one Doc read the same, unchanged array:
        the second finds its rows here)."""
        out: list[np.ndarray | None] = [None] * len(arrays)
        todo = []
        for i, keys in enumerate(arrays):
            seen = self._remembered.get(id(keys))
            if seen is not None and seen[0] is keys:
                out[i] = seen[1]
            else:
                todo.append(i)
        if todo:
            flat = self.rows(np.concatenate([arrays[i] for i in todo])) if len(todo) > 1 else self.rows(arrays[todo[0]])
            parts = np.split(flat, np.cumsum([len(arrays[i]) for i in todo])[:-1])
            if remember and len(self._remembered) + len(todo) > self.max_remembered:
                self._remembered = {}
            for i, rows in zip(todo, parts):
                out[i] = rows
                if remember:
                    self._remembered[id(arrays[i])] = (arrays[i], rows)
        return [r for r in out if r is not None]


KEYS = KeyIndex()


class BowScorer:
    """`predict` in numpy, a batch of releases at a time: spaCy's bag-of-words classifier
    is a sparse linear layer over hashed n-gram keys (each key adds two hashed weight
    columns) followed by softmax (one label) or logistic (multi-label); the same sums
    are done here from the layer's weights, with no thinc call. What each key adds is
    kept in a table whose rows are numbered by `KEYS` (shared by the classifiers of a
    process: a Doc's words are looked up once). Other architectures go through `predict`."""

    def __init__(self, textcat: TextCategorizer, index: KeyIndex = KEYS) -> None:
        self.textcat = textcat
        self.index = index
        model = textcat.model
        layers = {layer.name: layer for layer in model.walk()}
        linear = model.get_ref("output_layer") if model.has_ref("output_layer") else None
        self.ngrams = int(layers["extract_ngrams"].attrs["ngram_size"]) if "extract_ngrams" in layers else 0
        self.multi_label = bool(model.attrs.get("multi_label"))
        self.direct = linear is not None and self.ngrams > 0 and ("softmax_activation" in layers or "logistic" in layers)
        if self.direct:
            assert linear is not None
            n_out, self.length = int(linear.get_dim("nO")), int(linear.get_dim("length"))
            self.v1 = bool(linear.attrs.get("v1_indexing", False))
            flat = np.asarray(linear.get_param("W"), dtype=np.float64).ravel()
            if self.v1:  # thinc's old indexing: weights[idx + clas], idx < length
                rows = np.arange(self.length)[:, None] + np.arange(n_out)
                self.weights = flat[np.minimum(rows, flat.size - 1)]
            else:  # weights[clas * length + idx]
                self.weights = np.ascontiguousarray(flat.reshape(n_out, self.length).T)
            # self.weights[idx]: what a key hashed to idx adds to each class score
            self.bias = np.asarray(linear.get_param("b"), dtype=np.float64)
            self._table = np.zeros((1024, n_out))  # row r: what the index's key r adds
            self._filled = 0
            self._generation = index.generation

    def _fill(self) -> None:
        """Compute the table rows of the keys the index numbered since the last call."""
        if self._generation != self.index.generation:
            self._filled, self._generation = 0, self.index.generation
        end = len(self.index.keys)
        if end <= self._filled:
            return
        h = murmur32(np.asarray(self.index.keys[self._filled : end], dtype=np.uint64))
        idx = (h & np.uint32(self.length - 1)) if self.v1 else (h % np.uint32(self.length))
        if end > len(self._table):
            grown = np.zeros((max(2 * len(self._table), end), self._table.shape[1]))
            grown[: self._filled] = self._table[: self._filled]
            self._table = grown
        self._table[self._filled : end] = self.weights[idx[0]] + self.weights[idx[1]]
        self._filled = end

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        """Class probabilities of one input, in ``textcat.labels`` order."""
        return self.batch([ids])[0]

    def batch(self, inputs: list[np.ndarray]) -> np.ndarray:
        """Class probabilities of each input (from `model_ids`), shape (inputs, labels), in ``textcat.labels`` order."""
        if not self.direct:
            return predict(self.textcat, inputs)
        if not inputs:
            return np.zeros((0, len(self.bias)))
        with self.index.lock:  # the index, and this scorer's table that follows it, change together
            return self._batch([ids if ids.dtype == np.uint64 else np.asarray(ids, dtype=np.uint64) for ids in inputs])

    def _batch(self, uni: list[np.ndarray]) -> np.ndarray:
        self.index.reserve(self.ngrams * sum(len(u) for u in uni))  # no forgetting between the lookups below
        parts = self.index.rows_many(uni, remember=True)  # the words: looked up once per Doc for every classifier
        if self.ngrams > 1:
            ops = self.textcat.model.ops
            grams = [
                np.concatenate([np.asarray(ops.ngrams(n, u), dtype=np.uint64) for n in range(2, self.ngrams + 1)]) if len(u) > 1 else u[:0]  # type: ignore[arg-type]
                for u in uni
            ]
            parts = [np.concatenate(pair) for pair in zip(parts, self.index.rows_many(grams))]
        self._fill()
        scores = np.tile(self.bias, (len(parts), 1))
        lengths = np.array([len(p) for p in parts])
        full = lengths > 0
        if full.any():
            contrib = self._table.take(np.concatenate(parts), axis=0)
            starts = np.concatenate(([0], np.cumsum(lengths[full])[:-1]))
            scores[full] += np.add.reduceat(contrib, starts, axis=0)
        if self.multi_label:
            return np.asarray(1.0 / (1.0 + np.exp(-scores)))
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return np.asarray(scores / scores.sum(axis=1, keepdims=True))
