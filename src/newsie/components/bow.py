"""Bag-of-words classifiers scored in numpy, a batch of releases at a time.

spaCy's ``TextCatBOW`` is a sparse linear layer over hashed n-gram keys (thinc's
``SparseLinear``: each key adds two weight columns, found by MurmurHash3 of the key
under seeds 0 and 1) followed by softmax or logistic. `BowScorer` does the same sums
from the layer's own weights, vectorized over a whole batch: no Python step per key.
"""
from __future__ import annotations

import numpy as np
from murmurhash.mrmr import hash_bytes
from spacy.pipeline import TextCategorizer
from thinc.api import NumpyOps

from .textcat_io import predict

_C1, _C2 = np.uint32(0xCC9E2D51), np.uint32(0x1B873593)
_SEEDS = np.array([[0], [1]], dtype=np.uint32)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return np.asarray((x << np.uint32(r)) | (x >> np.uint32(32 - r)))


# Below this many keys a batch is indexed key by key through a memo (small batches, such
# as `extract` of one release: each numpy call costs thousands of instructions), above it
# hashed by `murmur32` in numpy. Both give the same indices.
SMALL_BATCH_KEYS = 2048
CHUNK_KEYS = 4096  # keys whose weight rows are gathered at once (see `BowScorer._sums`)
_MEMO_MAX = 200_000  # keys remembered per table length; past it the memo starts again
_MEMOS: dict[tuple[int, bool], dict[int, int]] = {}
_FIRST_ROW = np.zeros(1, dtype=np.intp)
_OPS = NumpyOps()


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


_M64 = np.uint64(0xC6A4A7935BD1E995)
_R64 = np.uint64(47)


def hash64_words(words: np.ndarray, seed: int = 0) -> np.ndarray:
    """MurmurHash64A of each row of 64-bit words (shape (keys, n)), as ``murmurhash``'s
    ``hash64`` of the row's bytes: thinc's n-gram keys (`NumpyOps.ngrams`, seed 0)."""
    words = np.asarray(words, dtype=np.uint64)
    return hash64_columns([words[:, j] for j in range(words.shape[1])], seed)


def hash64_columns(columns: list[np.ndarray], seed: int = 0) -> np.ndarray:
    """`hash64_words` of the rows whose j-th word is ``columns[j][i]`` (arrays of one length)."""
    n = len(columns)
    h = np.full(len(columns[0]), (seed ^ (8 * n * int(_M64))) & 0xFFFFFFFFFFFFFFFF, dtype=np.uint64)
    for column in columns:
        k = column * _M64
        k ^= k >> _R64
        k *= _M64
        h ^= k
        h *= _M64
    h ^= h >> _R64
    h *= _M64
    h ^= h >> _R64
    return h


def with_ngrams(uni: np.ndarray, ngrams: int) -> np.ndarray:
    """One input's bag-of-words keys as thinc's ``extract_ngrams`` lists them: its unigrams,
    then its n-grams of each size 2 .. `ngrams` (hashed from consecutive unigrams by
    thinc's own `NumpyOps.ngrams`: for one input, one call each beats numpy's passes)."""
    if ngrams < 2 or len(uni) < 2:
        return uni
    return np.concatenate([uni] + [np.asarray(_OPS.ngrams(n, uni), dtype=np.uint64) for n in range(2, ngrams + 1)])


def batch_keys(inputs: list[np.ndarray], ngrams: int) -> tuple[np.ndarray, np.ndarray]:
    """`with_ngrams` of every input, concatenated in input order, and each input's key
    count; the n-grams of all inputs are hashed in one numpy pass."""
    lengths = np.fromiter(map(len, inputs), dtype=np.int64, count=len(inputs))
    uni = np.concatenate(inputs) if inputs else np.zeros(0, dtype=np.uint64)
    if ngrams < 2 or not len(uni):
        return uni, lengths
    # Each input's keys: its unigrams, then (when it has two or more) its n-grams of size
    # 2 .. ngrams. The n-grams starting at every unigram are hashed over the concatenation
    # (contiguous slices, no gather); those that run past their input's end are dropped.
    sizes = [lengths] + [np.maximum(lengths - (n - 1), 0) for n in range(2, ngrams + 1)]
    per_input = np.sum(sizes, axis=0)
    ends = np.cumsum(lengths)
    out_ends = np.cumsum(per_input)
    # where each unigram goes: its input's block start in the output plus its place in the input
    at = np.arange(len(uni)) + np.repeat(out_ends - per_input - ends + lengths, lengths)
    out = np.empty(int(out_ends[-1]), dtype=np.uint64)
    out[at] = uni
    left = np.repeat(ends, lengths) - np.arange(len(uni))  # unigrams from each one to its input's end
    block = lengths.copy()  # where the n-grams of the current size start in each input's keys
    for n in range(2, ngrams + 1):
        m = len(uni) - n + 1
        if m > 0:
            keep = left[:m] >= n
            hashed = hash64_columns([uni[j : m + j] for j in range(n)])
            out[(at[:m] + np.repeat(block, lengths)[:m])[keep]] = hashed[keep]
        block += sizes[n - 1]
    return out, per_input


class BowScorer:
    """`predict` in numpy, a batch of releases at a time: spaCy's bag-of-words classifier
    is a sparse linear layer over hashed n-gram keys (each key adds two hashed weight
    columns) followed by softmax (one label) or logistic (multi-label); the same sums
    are done here from the layer's weights, with no thinc call and no Python step per
    key (the batch's keys are hashed together by `murmur32`). Holds no state that
    changes, so threads may share it. Other architectures go through `predict`."""

    def __init__(self, textcat: TextCategorizer) -> None:
        self.textcat = textcat
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
            # thinc reduces a hash to a row by `& (length - 1)` (v1) or `% length`: the same
            # row when the length is a power of two, and the mask is a fraction of the cost
            # of a division (the fields model: 4.6k instructions per lede)
            self.mask = self.length - 1 if self.v1 or not self.length & (self.length - 1) else None
            flat = np.asarray(linear.get_param("W"), dtype=np.float32).ravel()
            if self.v1:  # thinc's old indexing: weights[idx + clas], idx < length
                rows = np.arange(self.length)[:, None] + np.arange(n_out)
                weights = flat[np.minimum(rows, flat.size - 1)]
            else:  # weights[clas * length + idx]
                weights = flat.reshape(n_out, self.length).T
            # weights[idx]: what a key hashed to idx adds to each class score (thinc's float32
            # weights, widened exactly to the float64 the sums are taken in, once here: a
            # cast of every gathered row cost ~25k instructions per lede). Only the rows
            # training reached are kept: `table` (row 0 all zeros) and `slot`, each index's
            # row in it. Hashed tables are mostly rows never updated, and a smaller table
            # is less to bring into the CPU's caches.
            used = np.flatnonzero(weights.any(axis=1))
            self.slot = np.zeros(self.length, dtype=np.int32)
            self.slot[used] = np.arange(1, len(used) + 1, dtype=np.int32)
            self.table = np.concatenate([np.zeros((1, n_out), dtype=np.float64), weights[used]])
            self.bias = np.asarray(linear.get_param("b"), dtype=np.float64)

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        """Class probabilities of one input, in ``textcat.labels`` order."""
        return self.batch([ids])[0]

    def batch(self, inputs: list[np.ndarray]) -> np.ndarray:
        """Class probabilities of each input (from `model_ids`), shape (inputs, labels), in ``textcat.labels`` order."""
        if not self.direct:
            return predict(self.textcat, inputs)
        if not inputs:
            return np.zeros((0, len(self.bias)))
        uni = [ids if ids.dtype == np.uint64 else np.asarray(ids, dtype=np.uint64) for ids in inputs]
        if len(uni) == 1:  # one release (`extract`): the same sums with fewer numpy calls
            keys = with_ngrams(uni[0], self.ngrams)
            scores = self.bias[None, :]
            if len(keys):
                first, second = self.indices(keys)
                scores = scores + np.add.reduceat(self._rows(first, second), _FIRST_ROW, axis=0)
            return self._activate(scores)
        flat, lengths = batch_keys(uni, self.ngrams)
        scores = np.tile(self.bias, (len(uni), 1))
        full = lengths > 0
        if full.any():
            first, second = self.indices(flat)
            scores[full] += self._sums(first, second, lengths[full])
        return self._activate(scores)

    def _sums(self, first: np.ndarray, second: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Each input's sum of its keys' two weight rows (inputs of `lengths` keys, none
        empty, keys in input order), shape (inputs, labels). The rows are gathered for runs
        of whole inputs of about `CHUNK_KEYS` keys: gathered for a whole batch at once they
        make arrays of megabytes, beyond the CPU's caches (measured: 3-4x the time; the
        fields model 44 -> 25 us per lede). Each input's sum is taken in the same order
        either way."""
        ends = np.cumsum(lengths)
        out = np.empty((len(lengths), self.table.shape[1]))
        lo = 0  # first input of the run
        while lo < len(lengths):
            base = int(ends[lo - 1]) if lo else 0
            hi = max(lo + 1, int(np.searchsorted(ends, base + CHUNK_KEYS, side="right")))
            top = int(ends[hi - 1])
            out[lo:hi] = np.add.reduceat(self._rows(first[base:top], second[base:top]), ends[lo:hi] - lengths[lo:hi] - base, axis=0)
            lo = hi
        return out

    def _rows(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """What each key adds to the class scores: its two weight rows (table indices
        `first`, `second`, float64) summed, shape (keys, labels)."""
        contrib = self.table.take(self.slot.take(first), axis=0)
        contrib += self.table.take(self.slot.take(second), axis=0)
        return contrib

    def _activate(self, scores: np.ndarray) -> np.ndarray:
        """Logistic (multi-label) or softmax of the summed scores, shape (inputs, labels)."""
        if self.multi_label:
            return np.asarray(1.0 / (1.0 + np.exp(-scores)))
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return np.asarray(scores / scores.sum(axis=1, keepdims=True))

    def indices(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The two weight rows of each key (thinc's hashes under seeds 0 and 1, reduced to
        the table's length): hashed in numpy for a large batch, else read from a memo
        shared by the scorers of the same table length (new keys hashed one by one)."""
        length, mask = self.length, self.mask
        if len(keys) > SMALL_BATCH_KEYS:
            h = murmur32(keys)
            rows = (h & np.uint32(mask)) if mask is not None else (h % np.uint32(length))
            return rows[0], rows[1]
        memo = _MEMOS.setdefault((length, self.v1), {})
        keys_list = keys.tolist()
        try:
            packed = [memo[k] for k in keys_list]  # first * length + second
        except KeyError:  # new keys: hashed one by one
            packed = [memo.get(k, -1) for k in keys_list]
            if len(memo) > _MEMO_MAX:
                memo.clear()
            for j, k in enumerate(keys_list):
                if packed[j] == -1:
                    data = k.to_bytes(8, "little")
                    h0, h1 = hash_bytes(data, 0) & 0xFFFFFFFF, hash_bytes(data, 1) & 0xFFFFFFFF
                    i0, i1 = ((h0 & (length - 1)), (h1 & (length - 1))) if self.v1 else (h0 % length, h1 % length)
                    packed[j] = memo[k] = i0 * length + i1
        rows = np.fromiter(packed, dtype=np.int64, count=len(packed))
        return rows // length, rows % length
