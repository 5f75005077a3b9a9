"""k-fold helpers: seeded stratified folds, calibration and scores."""
from __future__ import annotations

import itertools
import random
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np


def stratified_folds(labels: Sequence[str], k: int, seed: int) -> list[int]:
    """A fold number (0..k-1) for each item, each label spread evenly over the folds."""
    rng = random.Random(seed)
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        by_label[label].append(i)
    fold = [0] * len(labels)
    offset = 0
    for label in sorted(by_label):
        idx = by_label[label]
        rng.shuffle(idx)
        for j, i in enumerate(idx):
            fold[i] = (offset + j) % k
        offset += len(idx)
    return fold


def brier(probs: np.ndarray, y: np.ndarray) -> float:
    """Multi-class Brier score: mean squared distance between probabilities and the one-hot truth."""
    onehot = np.eye(probs.shape[1])[y]
    return float(((probs - onehot) ** 2).sum(axis=1).mean())


def reliability(confidence: np.ndarray, correct: np.ndarray, bins: Sequence[float] = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)) -> list[dict[str, Any]]:
    """Calibration table: for each confidence bin, how many items, mean confidence, accuracy."""
    rows = []
    for lo, hi in itertools.pairwise(bins):
        mask = (confidence >= lo) & (confidence < hi)
        if mask.any():
            rows.append(
                {"bin": f"{lo:.2f}-{min(hi, 1.0):.2f}", "n": int(mask.sum()), "confidence": round(float(confidence[mask].mean()), 3),
                 "accuracy": round(float(correct[mask].mean()), 3)}
            )
    return rows


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray) -> float:
    """Weighted mean gap between confidence and accuracy over the reliability bins."""
    rows = reliability(confidence, correct)
    n = sum(r["n"] for r in rows)
    return round(sum(r["n"] * abs(r["confidence"] - r["accuracy"]) for r in rows) / n, 4) if n else 0.0


def micro_f1(pred: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> dict[str, float]:
    """Micro precision, recall and F1 of label sets."""
    tp = sum(len(set(p) & set(g)) for p, g in zip(pred, gold))
    fp = sum(len(set(p) - set(g)) for p, g in zip(pred, gold))
    fn = sum(len(set(g) - set(p)) for p, g in zip(pred, gold))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
