"""Scores of the plain-text cleaner on ../shared data, held above pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.evaluation.text_cleaning import (
    benchmark_markups,
    corpus_scores,
    evaluate_cleaning,
    evaluate_titles,
    line_label_mistakes,
    page_titles,
    shingle_scores,
    title_agrees,
)

SHARED = Path(__file__).parents[1].parent / "shared"
BENCHMARK = SHARED / "data" / "article-extraction-benchmark"
KARABAKH = SHARED / "samples" / "karabakh"
HERE = Path(__file__).parent / "evaluation"
BASELINE = json.loads((HERE / "text_cleaning_baseline.json").read_text(encoding="utf-8"))


def test_shingle_scores_follow_the_benchmark_metric() -> None:
    truth = "One two three four five"
    assert shingle_scores(truth, truth) == (1.0, 1.0)
    assert shingle_scores("ONE two, three-four five", truth) == (1.0, 1.0)
    precision, recall = shingle_scores("one two three four five six", truth)
    assert (precision, recall) == (2 / 3, 1.0)
    assert shingle_scores("", truth) == (0.0, 0.0)
    assert shingle_scores("", "") == (1.0, 1.0)


def test_corpus_scores_average_pages_then_take_f1() -> None:
    scores = corpus_scores([("a b c d e", "a b c d e"), ("a b c d", "w x y z")])
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(0.5)


@pytest.mark.evaluation
def test_extraction_benchmark_above_floors() -> None:
    if not BENCHMARK.exists():
        pytest.skip(f"{BENCHMARK} is absent: the benchmark lives in ../shared beside the checkout")
    report = evaluate_cleaning(BENCHMARK)
    print(
        f"\nraw F1={report.raw.f1:.4f}  C4 F1={report.c4.f1:.4f}  "
        f"ours P={report.ours.precision:.4f} R={report.ours.recall:.4f} F1={report.ours.f1:.4f}"
    )
    floors = BASELINE["extraction_benchmark"]["floors"]
    assert report.ours.f1 >= floors["f1"]
    assert report.ours.precision >= floors["precision"]
    assert report.ours.recall >= floors["recall"]
    assert report.ours.f1 > report.c4.f1 > report.raw.f1


def test_a_title_agrees_with_the_pages_own_in_its_words() -> None:
    markup = (
        '<html><head><meta property="og:title" content="Tessel Bridge reopens after repairs">'
        "<title>Tessel Bridge reopens after repairs | Harbour Ledger</title></head>"
        "<body><h1>Tessel Bridge reopens</h1></body></html>"
    )
    declared = page_titles(markup)
    assert declared[0] == "Tessel Bridge reopens after repairs"
    assert title_agrees("Tessel Bridge reopens after repairs", declared)
    assert title_agrees("Tessel Bridge reopens", declared)  # the h1
    assert not title_agrees("Home | News | Sports", declared)
    assert not title_agrees("Tessel", declared)  # one word tells nothing
    assert not title_agrees(None, declared)


@pytest.mark.evaluation
def test_titles_of_benchmark_pages_above_floor() -> None:
    if not BENCHMARK.exists():
        pytest.skip(f"{BENCHMARK} is absent: the benchmark lives in ../shared beside the checkout")
    report = evaluate_titles(benchmark_markups(SHARED / "data"))
    print(f"\ntitles: ours {report.ours}/{report.pages}, first line {report.first_line}")
    assert report.ours >= BASELINE["titles"]["floors"]["share"] * report.pages
    assert report.ours > 3 * report.first_line


@pytest.mark.evaluation
def test_karabakh_lines_are_labelled_as_annotated() -> None:
    if not KARABAKH.exists():
        pytest.skip(f"{KARABAKH} is absent: the samples live in ../shared beside the checkout")
    labels = json.loads((HERE / "karabakh_lines.json").read_text(encoding="utf-8"))["files"]
    for name, label in labels.items():
        assert len((KARABAKH / name).read_text("utf-8").splitlines()) == label["line_count"]
    mistakes = line_label_mistakes(KARABAKH, labels)
    print(
        f"\n{mistakes.lines} labelled lines: {len(mistakes.dropped_body)} body lines dropped "
        f"{mistakes.dropped_body}, {len(mistakes.kept_boilerplate)} boilerplate lines kept "
        f"{mistakes.kept_boilerplate}"
    )
    limits = BASELINE["karabakh_lines"]
    assert len(mistakes.dropped_body) <= limits["max_dropped_body"]
    assert len(mistakes.kept_boilerplate) <= limits["max_kept_boilerplate"]
