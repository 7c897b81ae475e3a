"""Precision and recall with their F1, as every evaluation here reports them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrecisionRecall:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0
