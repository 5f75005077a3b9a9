"""Blending a trained text classifier with the rule evidence: small logistic models.

Both blends are logistic regressions over a few features per candidate label, fitted
with Newton's method on held-out (out-of-fold) classifier probabilities, so their
outputs are probabilities. Numpy only; parameters round-trip through JSON.

- `ConditionalLogit` (event type): one score per class, ``w . x[class] + b[class]``,
  softmax over the classes; the weights ``w`` are shared by every class.
- `BinaryLogit` (fields of work): one independent yes/no per label, ``w . x + b``.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
EPS = 1e-4


def smoothed(probs: Array, share: float) -> Array:
    """Class probabilities mixed with the uniform distribution: ``(1 - share) * p + share / K``.

    A bag-of-words classifier trained on a few hundred releases is sure of itself on words
    it never saw with a type; mixing keeps it from vetoing strong rule evidence alone
    (`newsie train` picks `share` by out-of-fold log-loss; 0 keeps the classifier as is)."""
    p = np.asarray(probs, dtype=float)
    if not share:
        return p
    return (1.0 - share) * p + share / p.shape[-1]


def _newton(grad_hess: Any, n_params: int, iterations: int = 50) -> Array:
    """Minimize a smooth convex loss from its gradient and Hessian (damped Newton steps)."""
    theta = np.zeros(n_params)
    for _ in range(iterations):
        loss, grad, hess = grad_hess(theta)
        step = np.linalg.solve(hess + 1e-9 * np.eye(n_params), grad)
        scale = 1.0
        while scale > 1e-4:
            if grad_hess(theta - scale * step, value_only=True) <= loss:
                break
            scale /= 2
        theta = theta - scale * step
        if float(np.abs(scale * step).max()) < 1e-7:
            break
    return theta


class ConditionalLogit:
    """Softmax over classes with class-shared feature weights and a bias per class."""

    def __init__(self, classes: Sequence[str], features: Sequence[str], l2: float = 1.0) -> None:
        self.classes = tuple(classes)
        self.features = tuple(features)
        self.l2 = l2
        self.w = np.zeros(len(self.features))
        self.b = np.zeros(len(self.classes))

    def _split(self, theta: Array) -> tuple[Array, Array]:
        return theta[: len(self.features)], theta[len(self.features) :]

    def fit(self, x: Array, y: NDArray[np.int64], sample_weight: Array | None = None) -> ConditionalLogit:
        """Fit on ``x`` of shape (docs, classes, features) and class indices ``y``."""
        n, k, f = x.shape
        sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        onehot = np.eye(k)[y]
        # z[n, k, :] = [x[n, k], e_k]: the design of each class score
        z = np.concatenate([x, np.broadcast_to(np.eye(k), (n, k, k))], axis=2)
        reg = np.full(f + k, self.l2)

        def grad_hess(theta: Array, value_only: bool = False) -> Any:
            s = z @ theta
            s -= s.max(axis=1, keepdims=True)
            logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
            loss = -float((sw * (onehot * logp).sum(axis=1)).sum()) + 0.5 * float((reg * theta**2).sum())
            if value_only:
                return loss
            p = np.exp(logp)
            mean_z = np.einsum("nk,nkf->nf", p, z)
            grad = np.einsum("n,nkf->f", sw, (p - onehot)[:, :, None] * z) + reg * theta
            second = np.einsum("n,nk,nkf,nkg->fg", sw, p, z, z) - np.einsum("n,nf,ng->fg", sw, mean_z, mean_z)
            return loss, grad, second + np.diag(reg)

        self.w, self.b = self._split(_newton(grad_hess, f + k))
        return self

    def predict_proba(self, x: Array) -> Array:
        """Class probabilities, shape (docs, classes)."""
        s = x @ self.w + self.b
        s -= s.max(axis=-1, keepdims=True)
        e = np.exp(s)
        return np.asarray(e / e.sum(axis=-1, keepdims=True))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "conditional_logit", "classes": list(self.classes), "features": list(self.features), "l2": self.l2,
            "weights": [float(v) for v in self.w], "bias": [float(v) for v in self.b],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConditionalLogit:
        model = cls(data["classes"], data["features"], data["l2"])
        model.w, model.b = np.asarray(data["weights"], dtype=float), np.asarray(data["bias"], dtype=float)
        return model


class BinaryLogit:
    """Independent yes/no logistic regression over a feature vector."""

    def __init__(self, features: Sequence[str], l2: float = 1.0) -> None:
        self.features = tuple(features)
        self.l2 = l2
        self.w = np.zeros(len(self.features))
        self.b = 0.0

    def fit(self, x: Array, y: Array) -> BinaryLogit:
        """Fit on ``x`` of shape (rows, features) and 0/1 targets ``y``."""
        n, f = x.shape
        z = np.hstack([x, np.ones((n, 1))])
        reg = np.full(f + 1, self.l2)
        reg[-1] = 1e-6  # the intercept is not shrunk

        def grad_hess(theta: Array, value_only: bool = False) -> Any:
            s = z @ theta
            loss = float((np.logaddexp(0, s) - y * s).sum()) + 0.5 * float((reg * theta**2).sum())
            if value_only:
                return loss
            p = 1 / (1 + np.exp(-s))
            grad = z.T @ (p - y) + reg * theta
            hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg)
            return loss, grad, hess

        theta = _newton(grad_hess, f + 1)
        self.w, self.b = theta[:-1], float(theta[-1])
        return self

    def predict_proba(self, x: Array) -> Array:
        """The probability of "yes" for each row (any leading shape)."""
        return np.asarray(1 / (1 + np.exp(-(x @ self.w + self.b))))

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "binary_logit", "features": list(self.features), "l2": self.l2, "weights": [float(v) for v in self.w], "bias": self.b}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BinaryLogit:
        model = cls(data["features"], data["l2"])
        model.w, model.b = np.asarray(data["weights"], dtype=float), float(data["bias"])
        return model


# ---------------------------------------------------------------------------- features

EVENT_FEATURES = (
    "log_model", "rule_confidence", "rule_main", "rule_main_in_title", "rule_fallback",
    "rule_share", "in_title", "in_first", "log_rule_total", "log_rule_title",
)
FIELD_FEATURES = ("log_model", "model_top", "lexicon_score", "lexicon_pick", "site_label")


def event_features(classes: Sequence[str], model_probs: Sequence[float] | Array, rule: dict[str, Any], names: Sequence[str] = EVENT_FEATURES) -> Array:
    """Features of each event type, shape (classes, len(names)).

    Args:
        classes: the event types, in the classifier's order.
        model_probs: the text classifier's probability of each type.
        rule: what the rules found (see `rule_view`): ``main``, ``confidence`` per type,
            ``in_title`` (the main trigger is in the headline), ``fallback`` (no trigger),
            and the trigger scores per type ``total``, ``title`` and ``first`` (sentence).
        names: the features wanted, in order (a subset of `EVENT_FEATURES`: a blend
            saved with fewer features reads just those).
    """
    return event_features_batch(classes, np.asarray([model_probs], dtype=float), [rule], names)[0]


def event_features_batch(classes: Sequence[str], model_probs: Array, rules: Sequence[dict[str, Any]], names: Sequence[str] = EVENT_FEATURES) -> Array:
    """`event_features` of several releases at once, shape (releases, classes, len(names))."""
    n, k, width = len(rules), len(classes), len(EVENT_FEATURES)
    index = {c: j * width for j, c in enumerate(classes)}
    # Only the types the rules name have non-zero rule features: write just those cells.
    cells: list[int] = []
    values: list[float] = []
    for r, rule in enumerate(rules):
        base = r * k * width
        total, title, first = rule.get("total", {}), rule.get("title", {}), rule.get("first", {})
        grand = sum(total.values()) or 1.0
        for c, v in rule["confidence"].items():
            if (at := index.get(c)) is not None:
                cells.append(base + at + 1)
                values.append(v)
        if (at := index.get(rule["main"])) is not None:
            cells += (base + at + 2, base + at + 3, base + at + 4)
            values += (1.0, float(bool(rule["in_title"])), float(bool(rule["fallback"])))
        for c, tot in total.items():
            if (at := index.get(c)) is not None:
                cells += (base + at + 5, base + at + 8)
                values += (tot / grand, tot)
        for c in title:
            if (at := index.get(c)) is not None:
                cells += (base + at + 6, base + at + 9)
                values += (1.0, title[c])
        for c in first:
            if (at := index.get(c)) is not None:
                cells.append(base + at + 7)
                values.append(1.0)
    out = np.zeros((n, k, width))
    if cells:
        # as arrays made in one C loop each (numpy's conversion of a list checks every item)
        flat = np.fromiter(cells, dtype=np.intp, count=len(cells))
        out.reshape(-1)[flat] = np.fromiter(values, dtype=float, count=len(values))
    out[:, :, 0] = np.log(np.maximum(np.asarray(model_probs, dtype=float).reshape(n, k), EPS))
    out[:, :, 8:] = np.log1p(out[:, :, 8:])
    if tuple(names) == EVENT_FEATURES:
        return out
    return out[:, :, [EVENT_FEATURES.index(name) for name in names]]


def field_features(
    labels: Sequence[str],
    model_probs: Sequence[float] | Array,
    scores: dict[str, float],
    picked: Sequence[str],
    parents: dict[str, str] | None = None,
    names: Sequence[str] = FIELD_FEATURES,
) -> Array:
    """Features of each field of work, shape (labels, len(names)).

    Args:
        labels: the fields, in the classifier's order.
        model_probs: the text classifier's probability of each field.
        scores: the lexicon's evidence score of each (taxonomy) field.
        picked: the fields the lexicon alone returns.
        parents: for a label outside the taxonomy (a site label such as "Safety of
            journalists"), the taxonomy field whose lexicon evidence it reads.
        names: the features wanted, in order (a blend saved with fewer reads just those).
    """
    return field_features_batch(labels, np.asarray([model_probs], dtype=float), [(scores, picked)], parents, names)[0]


def field_features_batch(
    labels: Sequence[str],
    model_probs: Array,
    lexicon: Sequence[tuple[dict[str, float], Sequence[str]]],
    parents: dict[str, str] | None = None,
    names: Sequence[str] = FIELD_FEATURES,
) -> Array:
    """`field_features` of several releases at once (``lexicon``: each one's scores and
    picked fields), shape (releases, labels, len(names))."""
    return FieldFeatures(labels, parents)(model_probs, lexicon, names)


class FieldFeatures:
    """`field_features_batch` for one set of labels and parents: what depends on them alone
    (the field each label reads, which labels are site labels, each field's label columns)
    is worked out once, not per batch. Holds no state that changes: threads may share it."""

    def __init__(self, labels: Sequence[str], parents: dict[str, str] | None = None) -> None:
        self.labels = tuple(labels)
        self.parents = parents  # as given (see `newsie_fields_model`'s ``parents`` setting)
        parents = parents or {}
        self.k = len(labels)
        self.lex = [parents.get(label, label) for label in labels]  # the field whose lexicon evidence each label reads
        self.site = np.array([label in parents for label in labels], dtype=float)
        self.columns: dict[str, list[int]] = {}  # each field's label columns
        for j, name in enumerate(self.lex):
            self.columns.setdefault(name, []).append(j)

    def __call__(self, model_probs: Array, lexicon: Sequence[tuple[dict[str, float], Sequence[str]]], names: Sequence[str] = FIELD_FEATURES) -> Array:
        """The features of each release, shape (releases, labels, len(names))."""
        n, k = len(lexicon), self.k
        p = np.asarray(model_probs, dtype=float).reshape(n, k)
        scores, picked = self._lexicon_columns(lexicon)
        out = np.empty((n, k, len(names)))
        for j, name in enumerate(names):
            if name == "log_model":
                out[:, :, j] = np.log(np.maximum(p, EPS))
            elif name == "model_top":
                out[:, :, j] = (np.arange(k) == p.argmax(axis=1)[:, None]) if k else p
            elif name == "lexicon_score":
                out[:, :, j] = np.log1p(np.maximum(scores, 0.0))
            elif name == "lexicon_pick":
                out[:, :, j] = picked
            elif name == "site_label":
                out[:, :, j] = self.site
            else:
                raise KeyError(name)
        return out

    def _lexicon_columns(self, lexicon: Sequence[tuple[dict[str, float], Sequence[str]]]) -> tuple[Array, Array]:
        """Each release's lexicon score and pick of the field each label reads, shape
        (releases, labels) twice. The lexicon scores every field, always in its own
        order: when every release's scores come in the first one's order they are read as
        one run of values (one C loop: numpy's conversion of nested lists checks every
        item), else by name; a pick marks the columns of the labels reading its field."""
        n, k, lex = len(lexicon), self.k, self.lex
        order = tuple(lexicon[0][0]) if n else ()
        width = len(order)
        if width and all(tuple(s) == order for s, _ in lexicon):
            # one more column, all zeros: the fields the releases have no score for
            grid = np.zeros((n, width + 1))
            grid[:, :-1] = np.fromiter(chain.from_iterable(s.values() for s, _ in lexicon), dtype=float, count=n * width).reshape(n, width)
            at = {name: j for j, name in enumerate(order)}
            scores = grid[:, [at.get(name, width) for name in lex]]
        else:
            scores = np.array([[s.get(name, 0.0) for name in lex] for s, _ in lexicon], dtype=float).reshape(n, k)
        picked = np.zeros(n * k)
        columns = self.columns
        picked[[r * k + j for r, (_, chosen) in enumerate(lexicon) for name in set(chosen) for j in columns.get(name, ())]] = 1.0
        return scores, picked.reshape(n, k)
