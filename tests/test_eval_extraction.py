"""Extraction scores: the metrics on tiny inputs, and the gate against ../shared/data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.evaluation.extraction import (
    SnippetScores,
    evaluate_extraction,
    format_report,
    shingle_match,
    shingle_scores,
    snippet_counts,
    sum_counts,
)

SHARED_DATA = Path(__file__).parents[1].parent / "shared" / "data"
BASELINE = Path(__file__).parent / "evaluation" / "extraction_baseline.json"


def test_shingle_match_identical_text() -> None:
    assert shingle_match("one two three four five", "one two three four five") == (1.0, 0.0, 0.0)


def test_shingle_match_counts_extra_and_missing_shingles() -> None:
    tp, fp, fn = shingle_match("a b c d e", "a b c d x y")
    # truth shingles: abcd, bcde; predicted: abcd, bcdx, cdxy
    assert (tp, fp, fn) == pytest.approx((0.25, 0.5, 0.25))


def test_shingle_match_tokenises_on_word_characters() -> None:
    assert shingle_match("It's a fine, sunny day.", "it's a fine sunny day")[0] < 1.0  # case kept
    assert shingle_match("Fine, sunny: day -- today", "Fine sunny day today") == (1.0, 0.0, 0.0)


def test_short_texts_make_one_shingle() -> None:
    assert shingle_match("two words", "two words") == (1.0, 0.0, 0.0)
    assert shingle_match("", "") == (0.0, 0.0, 0.0)


def test_shingle_scores_average_pages_then_take_f1() -> None:
    scores = shingle_scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert scores.precision == pytest.approx(0.75)
    assert scores.recall == pytest.approx(1.0)
    assert scores.f1 == pytest.approx(2 * 0.75 / 1.75)


def test_snippet_counts_normalise_whitespace() -> None:
    counts = snippet_counts(["ships  waiting", "not there"], ["Impressum"], "40 ships\nwaiting")
    assert counts == (1, 0, 1, 1)


def test_snippet_scores() -> None:
    scores = sum_counts([(3, 1, 1, 2), (1, 0, 0, 1)])
    assert scores == SnippetScores(4, 1, 1, 3)
    assert scores.precision == pytest.approx(0.8)
    assert scores.recall == pytest.approx(0.8)
    assert scores.f1 == pytest.approx(0.8)
    assert scores.accuracy == pytest.approx(7 / 9)


@pytest.mark.evaluation
@pytest.mark.slow
def test_extraction_scores_hold_their_floors() -> None:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"evaluation data not found at {SHARED_DATA}")
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    report = evaluate_extraction(SHARED_DATA, workers=2)
    print("\n" + format_report(report))
    assert report.benchmark_ours.f1 >= floors["benchmark_f1"]
    assert report.benchmark_ours.f1 >= report.benchmark_trafilatura.f1
    assert report.eval_ours.f1 >= floors["trafilatura_eval_f1"]
    assert report.eval_ours.f1 >= report.eval_trafilatura.f1
    assert report.date_ours.accuracy >= floors["date_accuracy"]
    assert report.date_ours.accuracy >= report.date_htmldate.accuracy
