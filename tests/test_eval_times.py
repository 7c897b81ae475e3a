"""Time normalisation scored on TempEval-3 and MEANTIME (../shared), held above pinned floors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from triangulate.evaluation import timex
from triangulate.evaluation.timex import (
    Counts,
    GoldDocument,
    GoldTimex,
    count_document,
    scores_of,
    value_matches,
)
from triangulate.readers.times import find_dateline

SHARED = Path(__file__).parents[1].parent / "shared"
DATA = SHARED / "data"
TEMPEVAL = DATA / "tempeval3-train" / "Training" / "TBAQ-cleaned"
MEANTIME = DATA / "meantime_en" / "meantime_newsreader_english_oct15" / "intra-doc_annotation"
BASELINE = json.loads(
    (Path(__file__).parent / "evaluation" / "times_baseline.json").read_text(encoding="utf-8")
)
BASELINE_SAMPLE_EVERY = 4  # dateparser is slow: it is scored on every 4th document


# ---------------------------------------------------------------- the protocol itself


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        ("1998-10-23", "1998-10-23", True),
        ("1998-10", "1998-10-23", True),  # system finer than gold: cut to gold's granularity
        ("1998-10-23", "1998-10", False),  # system coarser than gold
        ("1998-10-XX", "1998-10", True),
        ("1998-11-20T19:30", "1998-11-20", True),
        ("199", "199X", True),
        ("2000-W6", "2000-W06", True),
        ("1998-Q3", "1998-Q3", True),
        ("1998-Q3", "1998", False),
        ("1991", "1991/1993", True),
        ("P3DE", "P30Y", True),
        ("P2W", "P14D", False),
        ("PXY", "PXY", True),
        ("PRESENT_REF", "PRESENT_REF", True),
        ("PRESENT_REF", "2024-01-01", False),
        ("1998", None, False),
        ("1989-WXX", "1989-W42", True),  # an unspecified week of 1989
        ("1989-QX", "1989-Q3", True),
        ("1989-WXX", "1990-W01", False),
        ("P9M", "P3Q", True),
    ],
)
def test_value_matches(gold: str, system: str | None, expected: bool) -> None:
    assert value_matches(gold, system) is expected


def test_matching_is_relaxed_one_to_one_and_ignores_sets() -> None:
    text = "On Friday, and every week since March 1998, prices rose."
    gold = (
        GoldTimex(3, 9, "Friday", "DATE", "1998-11-20"),
        GoldTimex(38, 42, "1998", "DATE", "1998"),
    )
    document = GoldDocument("d", text, date(1998, 11, 20), gold, ignored=((15, 25),))
    predictions = [(0, 9, "1998-11-20"), (15, 25, None), (32, 42, "1999-03"), (44, 50, "x")]
    counts = Counts()
    count_document(document, predictions, counts)
    scores = scores_of(counts)
    assert (counts.system, counts.gold, counts.matched, counts.right) == (3, 2, 2, 1)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.value_recall == pytest.approx(1 / 2)


def test_a_nested_gold_year_goes_to_the_system_span_that_fits_it_best() -> None:
    text = "It will build jets from 2009 to 2011 here."
    gold = (
        GoldTimex(19, 36, "from 2009 to 2011", "DURATION", "P2Y"),
        GoldTimex(24, 28, "2009", "DATE", "2009"),
        GoldTimex(32, 36, "2011", "DATE", "2011"),
    )
    document = GoldDocument("d", text, date(2007, 6, 9), gold)
    counts = Counts()
    count_document(document, [(24, 28, "2009"), (32, 36, "2011")], counts)
    assert (counts.matched, counts.right) == (2, 2)


def test_a_range_is_scored_as_its_two_ends() -> None:
    text = "It will build jets from 2009 to 2011 here."
    assert timex.range_endpoints(text, 24, 36, "2009/2011") == [
        (24, 28, "2009"),
        (32, 36, "2011"),
    ]
    assert timex.range_endpoints(text, 24, 28, "2009/2011") == [(24, 28, "2009/2011")]


# ---------------------------------------------------------------- scores on the corpora


def _require(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent: the corpora live in ../shared/data beside the checkout")


def _check(name: str, documents: list[GoldDocument]) -> None:
    ours, _ = timex.score(documents, timex.predict_triangulate)
    sample = timex.sample(documents, BASELINE_SAMPLE_EVERY)
    baseline, _ = timex.score(sample, timex.predict_dateparser)
    print(
        f"\n{name} triangulate: {ours.as_dict()}\n{name} dateparser (sample): {baseline.as_dict()}"
    )
    floors = BASELINE[name]["floors"]
    for metric, floor in floors.items():
        assert getattr(ours, metric) >= floor, f"{name} {metric} fell below {floor}"
    assert ours.value_f1 > baseline.value_f1 + 0.2


@pytest.mark.evaluation
def test_tempeval_time_normalisation_above_floors() -> None:
    _require(TEMPEVAL)
    _check("tempeval3_train", timex.load_tempeval(TEMPEVAL))


@pytest.mark.evaluation
def test_meantime_time_normalisation_above_floors() -> None:
    _require(MEANTIME)
    _check("meantime_en", timex.load_meantime(MEANTIME))


@pytest.mark.evaluation
def test_meantime_datelines_are_found() -> None:
    _require(MEANTIME)
    documents = timex.load_meantime(MEANTIME, annotated_only=False)
    right = sum(find_dateline(d.text) == d.creation.isoformat() for d in documents)
    print(f"\nfind_dateline: {right}/{len(documents)}")
    assert right / len(documents) >= BASELINE["meantime_datelines"]["floors"]["accuracy"]
