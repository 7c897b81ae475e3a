"""The Ray runner gives exactly the stories of the local runner."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from triangulate.models import Article
from triangulate.runners.local import LocalRunner
from triangulate.runners.ray import apply_part
from triangulate.stories.cluster import featurize, sort_key
from triangulate.stories.run import cluster_articles

FIXTURES = Path(__file__).parent / "fixtures" / "stories"


def corpus() -> list[Article]:
    """The invented articles, replayed on three dates four months apart (beyond the days a
    sleeping story still takes follow-ups), with one copy."""
    articles = []
    for replay, day in enumerate(("2031-03-03", "2031-07-03", "2031-11-03")):
        for path in sorted(FIXTURES.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            articles.append(Article(f"{path.stem}-{replay}", str(path), text, published=day))
    copy = dataclasses.replace(articles[0], id="wire-copy", duplicate_of=articles[0].id)
    return sorted([*articles, copy], key=sort_key)


def test_a_ray_part_is_the_function_applied_in_order() -> None:
    articles = corpus()[:3]
    assert apply_part(featurize, articles) == [featurize(a) for a in articles]


@pytest.fixture(scope="module")
def ray_engine() -> Iterator[object]:
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'triangulate[ray]')")
    from triangulate.runners.ray import RayRunner

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    engine = RayRunner(2)
    try:
        yield engine
    finally:
        ray.shutdown()


def test_local_and_ray_runners_give_identical_stories(ray_engine: object) -> None:
    from triangulate.runners.ray import RayRunner

    assert isinstance(ray_engine, RayRunner)
    with LocalRunner(2) as local:
        expected = list(cluster_articles(corpus(), local, batch=4))
    assert list(cluster_articles(corpus(), ray_engine, batch=4)) == expected
    assert len(expected) == 6  # two events, three replays out of each other's window
    copies = [story for story in expected if "wire-copy" in story.articles]
    assert len(copies) == 1 and copies[0].originals == len(copies[0].articles) - 1
