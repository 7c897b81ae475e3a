"""The SemEval-2015 Task 4 timeline scorer on small made-up timelines, and the gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triangulate.evaluation.timeline_task import (
    TASK_FOLDER,
    EntityMatcher,
    load_corpus,
    read_corpus,
    task_anchor,
    triangulate_timeline,
)
from triangulate.evaluation.timelines import (
    BEFORE,
    SIMULTANEOUS,
    AwarenessCounts,
    Relation,
    Timeline,
    TimelineRow,
    gold_relations,
    parse_timeline,
    reduce_relations,
    score_timeline,
    score_timelines,
    timeline_file_name,
)

BASELINE = Path(__file__).parent / "evaluation" / "timeline_baseline.json"

GOLD_TEXT = (
    "Acme\n"
    "0\tXXXX-XX-XX\t7-4-hoped\n"
    "1\t2001-03-XX\t7-1-opened\t8-2-opening\n"
    "2\t2001-04-02\t7-2-sold\n"
    "2\t2001-04-02\t8-3-bought\n"
    "3\t2002-XX-XX\t9-1-closed\n"
)


def gold() -> Timeline:
    return parse_timeline(GOLD_TEXT)


def timeline(*rows: tuple[int, str, tuple[str, ...]]) -> Timeline:
    return Timeline("Acme", tuple(TimelineRow(o, a, m) for o, a, m in rows))


def test_parse_and_write_round_trip() -> None:
    parsed = gold()
    assert parsed.entity == "Acme"
    assert len(parsed.rows) == 5
    assert parsed.rows[1].mentions == ("7-1-opened", "8-2-opening")
    assert parse_timeline(parsed.to_text()) == parsed


def test_file_name_follows_the_task() -> None:
    assert timeline_file_name("Acme Steel Works") == "acme_steel_works.txt"


def test_gold_relations_skip_unplaced_rows_and_chain_the_rest() -> None:
    relations, index = gold_relations(gold())
    assert index.mentions == ["7-1-opened", "8-2-opening", "7-2-sold", "8-3-bought", "9-1-closed"]
    assert index.times == ["2001-03-XX", "2001-04-02", "2002-XX-XX"]
    anchors = [r for r in relations if r.target.startswith("t")]
    chain = [r for r in relations if not r.target.startswith("t")]
    assert len(anchors) == 5
    assert [r.kind for r in chain] == [SIMULTANEOUS, BEFORE, SIMULTANEOUS, BEFORE]


def test_reduction_drops_entailed_relations() -> None:
    relations, _ = gold_relations(gold())
    reduced = reduce_relations(relations)
    # the two mentions of row 1 share an anchor, so their SIMULTANEOUS link is entailed,
    # and so is the one between the two rows at position 2
    assert len(reduced.relations) == len(relations) - 2


def test_gold_against_itself_scores_one_hundred() -> None:
    counts = score_timeline(gold(), gold())
    assert counts.precision == counts.recall == counts.f1 == 100.0
    assert counts.system_total == counts.gold_total == 7


def test_empty_system_scores_zero() -> None:
    counts = score_timeline(gold(), Timeline("Acme"))
    assert counts == AwarenessCounts(0, 0, 0, 7)
    assert counts.f1 == 0.0


def test_one_right_event_gives_full_precision() -> None:
    counts = score_timeline(gold(), timeline((1, "2001-04-02", ("7-2-sold",))))
    assert counts == AwarenessCounts(1, 1, 1, 7)


def test_wrong_anchor_string_is_not_matched() -> None:
    counts = score_timeline(gold(), timeline((1, "2001-04-XX", ("7-2-sold",))))
    assert counts.precision_matched == 0


def test_order_is_checked_through_the_chain() -> None:
    right = timeline((1, "2000", ("7-1-opened",)), (2, "2001", ("9-1-closed",)))
    wrong = timeline((1, "2000", ("9-1-closed",)), (2, "2001", ("7-1-opened",)))
    # anchors are strings the gold does not use: only the BEFORE link can match
    assert score_timeline(gold(), right).precision_matched == 1
    assert score_timeline(gold(), wrong).precision_matched == 0


def test_ordering_only_ignores_anchors() -> None:
    system = timeline((1, "ZZZZ", ("7-1-opened",)), (2, "ZZZZ", ("9-1-closed",)))
    counts = score_timeline(gold(), system, anchors=False)
    assert counts.precision_matched == counts.system_total == 1


def test_contradicting_relation_is_kept_and_counted() -> None:
    system = timeline((1, "2001-04-02", ("7-2-sold",)), (2, "2001-04-02", ("8-3-bought",)))
    counts = score_timeline(gold(), system)
    # two anchor links (both right) and a BEFORE link that the shared anchor contradicts
    assert counts.system_total == 3
    assert counts.precision_matched == 2


def test_repeated_mentions_take_the_next_gold_repeat() -> None:
    twice = parse_timeline("X\n1\t2000\t5-1-met\n2\t2001\t5-1-met\n")
    assert score_timeline(twice, twice).f1 == 100.0
    once = timeline((1, "2000", ("5-1-met",)))
    assert score_timeline(twice, once).precision_matched == 1


def test_micro_average_sums_counts() -> None:
    scores = score_timelines([(gold(), gold()), (gold(), None)])
    assert scores.total == AwarenessCounts(7, 7, 7, 14)
    assert scores.total.recall == 50.0
    assert scores.total.f1 == pytest.approx(66.6667, abs=1e-3)


def test_point_graph_entailment() -> None:
    reduced = reduce_relations(
        [Relation("a", "b", BEFORE), Relation("b", "c", SIMULTANEOUS), Relation("c", "d", BEFORE)]
    )
    graph = reduced.graph
    assert graph.entails(Relation("a", "d", BEFORE))
    assert graph.entails(Relation("d", "a", "AFTER"))
    assert not graph.entails(Relation("a", "c", SIMULTANEOUS))
    assert graph.contradicts(Relation("d", "a", BEFORE))


# ---------------------------------------------------------------- the timeline on the task


@pytest.mark.evaluation
@pytest.mark.slow
def test_triangulate_timelines_hold_their_floor() -> None:
    data = Path(__file__).parents[1].parent / "shared" / TASK_FOLDER
    if not data.exists():
        pytest.skip(f"{data} is absent: the task's data lives in ../shared/data")
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]
    total = AwarenessCounts()
    for number in (1, 2, 3):
        corpus = load_corpus(data, number)
        read_corpus(corpus)
        readings = [d.reading for d in corpus.documents.values() if d.reading is not None]
        for entity in corpus.entities:
            matcher = EntityMatcher.build(entity, readings)
            produced = triangulate_timeline(corpus, entity, matcher)
            total += score_timeline(corpus.gold[entity], produced)
    assert total.f1 >= floors["f1"]


def test_task_anchors_keep_the_granularity_the_text_gives() -> None:
    assert task_anchor("2007-10-15") == "2007-10-15"
    assert task_anchor("2007-10") == "2007-10-XX"
    assert task_anchor("2007") == "2007-XX-XX"
    assert task_anchor("2007-W42") == "2007-10-XX"
    assert task_anchor("2007-Q3") == "2007-XX-XX"
    assert task_anchor("1991/1993") == "1991-XX-XX"
    assert task_anchor("2007-10", short=True) == "2007-10"
    assert task_anchor("P3D") is None
