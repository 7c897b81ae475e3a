"""Story clustering on labelled, dated streams built from ../shared/data (ECB+ mixed, the
follow-up stress stream, TimeBank+AQUAINT) and on the repository's invented local crime
reports, above pinned floors and above TF-IDF average link at its best cut in the same run;
and the streams' construction on invented documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.evaluation.stories import (
    BEYOND,
    INVENTED_STREAMS,
    OURS,
    TFIDF,
    TFIDF_FIXED,
    evaluate_streams,
    explained,
    named_streams,
    train_cut,
    unjoined,
)
from triangulate.evaluation.streams import StreamDoc, TfidfTree, collide, sparse, stretch
from triangulate.models import Article

HERE = Path(__file__).parent
SHARED = HERE.parent.parent / "shared"
BASELINE = json.loads((HERE / "evaluation" / "story_streams_baseline.json").read_text("utf-8"))


def doc(identifier: str, gold: str, day: str, text: str = "") -> StreamDoc:
    return StreamDoc(Article(identifier, "", text or identifier, published=day), gold, "1")


def test_collided_halves_land_in_one_week_and_keep_their_weekdays() -> None:
    docs = [doc("a", "1", "2031-03-03"), doc("b", "1+", "2031-06-10"), doc("c", "1+", "2031-06-11")]
    moved = {d.article.id: d.article.published for d in collide(docs)}
    assert moved["a"] == "2031-03-03"
    assert moved["b"] == "2031-03-04" and moved["c"] == "2031-03-05"  # 14 weeks earlier


def test_stretched_follow_ups_move_by_whole_weeks_and_the_first_day_stays() -> None:
    docs = [doc(f"r{i}", "1", f"2031-03-0{1 + i}") for i in range(5)]
    for seed in range(5):
        days = {d.article.id: d.article.published or "" for d in stretch(docs, seed)}
        assert days["r0"] == "2031-03-01"
        for i in range(1, 5):
            shift = (int(days[f"r{i}"][-2:]) + 31 * (days[f"r{i}"][5:7] == "04")) - (1 + i)
            assert shift % 7 == 0 and 0 <= shift <= 21


def test_sparse_keeps_two_to_five_reports_and_the_first() -> None:
    docs = [doc(f"r{i:02d}", "1", f"2031-03-{1 + i % 9:02d}") for i in range(12)]
    for seed in range(10):
        kept = sparse(docs, 5, seed)
        assert 2 <= len(kept) <= 5 and kept[0].article.published == "2031-03-01"


def test_tfidf_average_link_cuts_apart_two_topics() -> None:
    articles = [
        Article("a", "", "Flood waters rose over the river bridge in the valley."),
        Article("b", "", "The river flood closed the valley bridge."),
        Article("c", "", "Harbour workers strike over pay at the port."),
    ]
    labels = TfidfTree.build(articles).cut(0.8)
    assert labels["a"] == labels["b"] != labels["c"]


FLOOD = (
    "Flood waters rose over the Marrow river bridge in Ashcombe valley on Tuesday, and "
    "firefighters carried forty residents from their homes."
)
FLOOD_AGAIN = (
    "The Marrow river flood in Ashcombe valley: firefighters carried forty residents from "
    "homes as waters rose over the bridge."
)
STRIKE = "Harbour workers at Pellport walked out over pay, and ferries stayed in the dock."


def test_a_follow_up_too_late_for_its_story_is_told_apart_by_its_gate() -> None:
    docs = [
        doc("f1", "flood", "2031-03-04", FLOOD),
        doc("f2", "flood", "2031-03-05", FLOOD_AGAIN),
        doc("s1", "strike", "2031-03-05", STRIKE),
        doc("f3", "flood", "2031-06-20", FLOOD_AGAIN),  # 107 days on: past any dormant story
    ]
    split, mixed = unjoined(docs)
    assert mixed == []
    assert len(split) == 1
    (left,) = split
    assert left.gold == "flood" and left.gate == BEYOND and left.gap_days == 107
    assert sorted(left.sizes) == [1, 2] and left.tfidf > 0.5
    assert "1 gold events split (1 pairs of stories), 0 mixed stories" in explained("s", [docs])


def test_two_events_told_in_the_same_words_are_a_mixed_story() -> None:
    docs = [
        doc("a1", "one", "2031-03-04", FLOOD),
        doc("a2", "one", "2031-03-04", FLOOD_AGAIN),
        doc("b1", "two", "2031-03-05", FLOOD_AGAIN),
    ]
    split, mixed = unjoined(docs)
    assert split == []
    assert [m.sizes for m in mixed] == [(2, 1)] and mixed[0].tfidf_within is not None


@pytest.mark.evaluation
def test_story_streams_above_floors_and_the_tfidf_baseline() -> None:
    if not (SHARED / "data" / "ecbplus-dev").exists():
        pytest.skip(f"{SHARED / 'data'} is absent: the streams are built from ../shared/data")
    floors = BASELINE["floors"]
    streams = named_streams(SHARED, HERE / "evaluation" / "tbaq_stories.json", list(floors))
    scored = evaluate_streams(streams, fixed_cut=train_cut(SHARED))
    scores = {(s.stream, s.system): s for s in scored}
    for stream, floor in floors.items():
        ours, best, fixed = (scores[stream, s] for s in (OURS, TFIDF, TFIDF_FIXED))
        print(
            f"\n{stream}: P={ours.precision:.4f} R={ours.recall:.4f} F1={ours.f1:.4f}"
            f" (TF-IDF best cut F1={best.f1:.4f}, fixed cut F1={fixed.f1:.4f})"
        )
        assert ours.precision >= floor["precision"]
        assert ours.recall >= floor["recall"]
        assert ours.f1 >= floor["f1"]
        baseline = best.f1 if floor["beats"] == "best cut" else fixed.f1
        assert ours.f1 > baseline + floor.get("by", 0.0)


@pytest.mark.evaluation
def test_invented_local_streams_above_floors_and_not_below_tfidf() -> None:
    # the first report of a local incident and its follow-ups days later (an arrest, a victim
    # named, a vigil), among same-type incidents of one city; no ../shared needed
    floors = BASELINE["invented_floors"]
    assert sorted(floors) == sorted(INVENTED_STREAMS)
    streams = named_streams(SHARED, HERE / "evaluation" / "tbaq_stories.json", list(floors))
    scores = {(s.stream, s.system): s for s in evaluate_streams(streams)}
    for stream, floor in floors.items():
        ours, best = scores[stream, OURS], scores[stream, TFIDF]
        print(f"\n{stream}: P={ours.precision:.4f} R={ours.recall:.4f} F1={ours.f1:.4f}"
              f" (TF-IDF best cut F1={best.f1:.4f})")  # fmt: skip
        assert ours.precision >= floor["precision"]
        assert ours.recall >= floor["recall"]
        assert ours.f1 >= floor["f1"]
        assert ours.f1 >= best.f1 + floor["by"]
