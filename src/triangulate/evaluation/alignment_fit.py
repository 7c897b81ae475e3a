"""Fitting the sentence-alignment weights (``data/alignment.json``): a logistic regression over
standardised pair features, its L2 strength and threshold chosen by cross-validation over
held-out topics.

Newton's method on the penalised log-likelihood (the bias is not penalised). Folds hold out
whole topics, so a fold's scores come from a model that never saw that topic's documents: ECB+
topics are events, and sentences of one event share words a model could learn by heart.
The L2 strength is the one with the best held-out ROC AUC; the threshold is the one with the
best held-out F1 among those reaching ``min_precision``, else the best F1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from triangulate.evaluation.scores import PrecisionRecall

Array = npt.NDArray[np.float64]
THRESHOLDS = tuple(round(0.02 + 0.01 * k, 2) for k in range(94))  # 0.02 .. 0.95


@dataclass(frozen=True)
class Fit:
    """Logistic regression on features standardised by ``mean`` and ``scale``."""

    mean: Array
    scale: Array
    weights: Array
    bias: float

    def probability(self, x: Array) -> Array:
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        out: Array = 1.0 / (1.0 + np.exp(-z))
        return out


@dataclass(frozen=True)
class Choice:
    """What cross-validation chose, with the figures it chose by."""

    l2: float
    auc_by_l2: dict[float, float]
    threshold: float
    threshold_rule: str
    curve: dict[float, PrecisionRecall]  # held-out pair precision/recall at each threshold
    auc: float


def fit_logistic(x: Array, y: Array, l2: float, iterations: int = 50) -> Fit:
    """Weights on standardised features by Newton's method with an L2 penalty ``l2``."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    design = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ w)))
        gradient = design.T @ (p - y) + penalty * w
        hessian = (design * (p * (1 - p))[:, None]).T @ design
        hessian += np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Fit(mean, scale, w[:-1], float(w[-1]))


def auc(y: Array, scores: Array) -> float:
    """ROC AUC, ties counted half (binary features tie a lot)."""
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2.0)[inverse]
    positive = y == 1
    n1, n0 = int(positive.sum()), int((~positive).sum())
    if not n1 or not n0:
        return float("nan")
    return float((ranks[positive].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def quality_at(y: Array, scores: Array, threshold: float) -> PrecisionRecall:
    """Precision and recall of the pairs at or over ``threshold``."""
    predicted = scores >= threshold
    right = float(y[predicted].sum())
    return PrecisionRecall(
        right / predicted.sum() if predicted.any() else 0.0,
        right / y.sum() if y.any() else 0.0,
    )


def topic_folds(topics: Sequence[int], folds: int) -> list[list[int]]:
    ordered = sorted(set(topics))
    return [ordered[k::folds] for k in range(folds) if ordered[k::folds]]


def held_out_scores(x: Array, y: Array, topics: Array, l2: float, folds: int) -> Array:
    """Each row's probability from the model fitted without its topic's fold."""
    scores = np.zeros(len(y))
    for held in topic_folds(topics.tolist(), folds):
        test = np.isin(topics, held)
        scores[test] = fit_logistic(x[~test], y[~test], l2).probability(x[test])
    return scores


def choose(
    x: Array,
    y: Array,
    topics: Array,
    l2_grid: Sequence[float],
    folds: int = 5,
    min_precision: float = 0.8,
) -> Choice:
    """The L2 strength by held-out AUC, then the threshold on that strength's held-out scores."""
    held = {l2: held_out_scores(x, y, topics, l2, folds) for l2 in l2_grid}
    auc_by_l2 = {l2: auc(y, scores) for l2, scores in held.items()}
    l2 = max(l2_grid, key=lambda value: auc_by_l2[value])
    curve = {t: quality_at(y, held[l2], t) for t in THRESHOLDS}
    reaching = [t for t in THRESHOLDS if curve[t].precision >= min_precision]
    threshold = max(reaching or THRESHOLDS, key=lambda t: curve[t].f1)
    rule = (
        f"best held-out F1 with precision >= {min_precision}"
        if reaching
        else f"best held-out F1 (no threshold reaches precision {min_precision})"
    )
    return Choice(l2, auc_by_l2, threshold, rule, curve, auc_by_l2[l2])
