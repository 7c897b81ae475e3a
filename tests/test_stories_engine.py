"""How the stories' clusterer is fed: batches cut ever longer, workers that yield to it."""

from __future__ import annotations

import os

from test_ray_runner import corpus
from triangulate.runners.local import BESIDE_CALLER_NICENESS, LocalRunner, growing_chunks
from triangulate.stories.run import cluster_articles


def _niceness(_: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)


def test_a_pool_beside_a_busy_caller_runs_below_it() -> None:
    # the stories' clusterer runs in the caller the whole while: its workers yield to it
    own = os.getpriority(os.PRIO_PROCESS, 0)
    with LocalRunner(2, minimum_items=2, beside_caller=True) as beside:
        lowered = set(beside.map(_niceness, list(range(8))))
    with LocalRunner(2, minimum_items=2) as alone:
        level = set(alone.map(_niceness, list(range(8))))
    assert lowered == {min(own + BESIDE_CALLER_NICENESS, 19)}
    assert level == {own}


def test_batches_grow_from_a_short_first_one() -> None:
    batches = list(growing_chunks(range(1000), 64, 256))
    assert [len(batch) for batch in batches] == [64, 128, 256, 256, 256, 40]
    assert [item for batch in batches for item in batch] == list(range(1000))
    assert list(growing_chunks([], 64, 256)) == []


def test_the_stories_do_not_depend_on_how_the_batches_are_cut() -> None:
    # the clusterer takes one article after another: batches only say when features come
    articles = corpus()
    with LocalRunner(2, beside_caller=True) as engine:
        whole = [s.articles for s in cluster_articles(articles, engine, batch=1024)]
        short = [s.articles for s in cluster_articles(articles, engine, batch=3)]
    assert whole == short and len(whole) > 1
