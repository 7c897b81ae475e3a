"""Story clustering scored on ECB+ (../shared/data), held above pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.evaluation.clustering import b_cubed, evaluate_ecbplus

SHARED = Path(__file__).parents[1].parent / "shared"
ECBPLUS = SHARED / "data" / "ecbplus-dev"
BASELINE = json.loads(
    (Path(__file__).parent / "evaluation" / "clustering_baseline.json").read_text(encoding="utf-8")
)


def test_b_cubed_follows_bagga_and_baldwin() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert b_cubed(gold, gold).f1 == 1.0
    everything = b_cubed({"a": "1", "b": "1", "c": "1"}, gold)
    assert everything.recall == 1.0
    assert everything.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    singletons = b_cubed({"a": "1", "b": "2", "c": "3"}, gold)
    assert singletons.precision == 1.0
    assert singletons.recall == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)


@pytest.mark.evaluation
def test_ecbplus_clustering_above_floors() -> None:
    if not ECBPLUS.exists():
        pytest.skip(f"{ECBPLUS} is absent: ECB+ lives in ../shared/data beside the checkout")
    report = evaluate_ecbplus(ECBPLUS)
    print(
        f"\nECB+ {report.documents} docs, {report.events} events: "
        f"ours event P={report.ours_event.precision:.4f} R={report.ours_event.recall:.4f} "
        f"F1={report.ours_event.f1:.4f}, topic F1={report.ours_topic.f1:.4f}; "
        f"baseline event F1={report.baseline_event.f1:.4f}, topic F1={report.baseline_topic.f1:.4f}"
    )
    floors = BASELINE["ecbplus"]["floors"]
    assert report.ours_event.f1 >= floors["ours_event_f1"]
    assert report.ours_event.precision >= floors["ours_event_precision"]
    assert report.ours_event.recall >= floors["ours_event_recall"]
    assert report.ours_topic.f1 >= floors["ours_topic_f1"]
    assert report.ours_event.f1 > report.baseline_event.f1
