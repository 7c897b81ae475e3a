"""The comparison's candidate index: below its cap the aligner and the linker link exactly
what scoring every pair links; beyond it the pairs they score grow with the statements and
values, not with their square (counted, never timed)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from triangulate.api import Store
from triangulate.compare import candidates
from triangulate.compare.align import aligned, default_model, pair_features, score_pairs
from triangulate.compare.claims import _linker, collect_mentions
from triangulate.compare.link import Linker
from triangulate.compare.statements import Statement, statements_of
from triangulate.models import Article, Evidence, Reading, Unit
from triangulate.nlp.encoder import load_encoder
from triangulate.readers.reader import read_many

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "text"


@pytest.fixture(scope="module")
def example() -> tuple[list[Article], list[Reading]]:
    """The invented example event, ingested and read."""
    with Store(":memory:", workers=1) as store:
        articles = list(store.ingest([str(path) for path in sorted(EXAMPLE.glob("*.txt"))]))
    return articles, read_many(articles)


def _every_pair_scored(statements: Sequence[Statement]) -> dict[tuple[int, int], float]:
    """Every pair of different sources scored, as the weights were fitted: the reference."""
    model = default_model()
    pairs, matrix = pair_features(statements, model.features)
    probabilities = model.score({f: matrix[:, k] for k, f in enumerate(model.features)})
    return {
        (i, j): float(p)
        for (i, j), p in zip(pairs.tolist(), probabilities, strict=True)
        if p >= model.threshold
    }


def test_below_the_cap_every_pair_of_other_sources_is_a_candidate(
    example: tuple[list[Article], list[Reading]],
) -> None:
    statements = statements_of(*example)
    assert candidates.below_cap(statements)  # the example is one event's coverage
    every = [
        [i, j]
        for i in range(len(statements))
        for j in range(i + 1, len(statements))
        if statements[i].source != statements[j].source
    ]
    assert candidates.statement_pairs(statements).tolist() == every


def test_below_the_cap_the_aligner_keeps_what_scoring_every_pair_keeps(
    example: tuple[list[Article], list[Reading]],
) -> None:
    statements = statements_of(*example)
    kept = score_pairs(statements, default_model())
    reference = _every_pair_scored(statements)
    assert len(reference) >= 10
    assert list(kept) == sorted(reference)
    assert kept == pytest.approx(reference, abs=1e-6)


def test_beyond_the_cap_pairs_are_lost_never_scored_otherwise(
    example: tuple[list[Article], list[Reading]],
) -> None:
    statements = statements_of(*example)
    cap = 4  # far below the example's statements of other sources
    assert not candidates.below_cap(statements, cap)
    scored = candidates.pairs_to_score(statements, cap)
    assert scored is not None  # the index, not whole blocks
    assert len(scored) <= 2 * cap * len(statements)
    kept = score_pairs(statements, default_model(), cap)
    reference = _every_pair_scored(statements)
    assert set(kept) <= set(reference) and len(kept) >= len(reference) // 2
    assert kept == pytest.approx({pair: reference[pair] for pair in kept}, abs=1e-6)


def test_the_linker_links_what_scoring_every_pair_of_one_kind_links(
    example: tuple[list[Article], list[Reading]],
) -> None:
    articles, readings = example
    statements = statements_of(articles, readings)
    _, scores, _ = aligned(statements)
    linker = _linker(
        collect_mentions(articles, readings), statements, scores, readings, load_encoder()
    )
    found = linker.pairs()
    assert len(found) >= 5
    assert list(found.items()) == list(_every_value_pair(linker).items())


def _every_value_pair(linker: Linker) -> dict[tuple[int, int], tuple[float, bool]]:
    """Every pair of values of one kind scored, in the order of kinds, then i, then j."""
    kinds: dict[str, list[int]] = {}
    for index, value in enumerate(linker.values):
        kinds.setdefault(linker._kind(value), []).append(index)
    found = {}
    for members in kinds.values():
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                scored = linker.score(i, j)
                if scored is not None:
                    found[(i, j)] = scored
    return found


# ---------------------------------------------------------------- growth on a large event

PEOPLE = ("crews", "volunteers", "wardens", "inspectors", "medics", "pilots", "divers")
ACTS = ("moved", "counted", "found", "carried", "checked", "cleared", "reached")
THINGS = ("sandbags", "pumps", "boats", "tents", "levees", "bridges", "roads", "houses")
PLACES = ("quay", "mill", "ferry", "depot", "levee", "school", "chapel", "market")


def _invented_event(articles: int, sentences: int = 10) -> list[Statement]:
    """One flood told by ``articles`` outlets in invented sentences sharing most words."""
    pick = random.Random(articles)
    statements: list[Statement] = []
    for article in range(articles):
        for number in range(sentences):
            words = (pick.choice(PEOPLE), pick.choice(ACTS), pick.choice(THINGS))
            lemmas = (*words, pick.choice(PLACES), f"street{pick.randint(1, 40)}")
            text = " ".join(lemmas)
            unit = Unit(Evidence(f"a{article}", 0, len(text), text), words=lemmas, lemmas=lemmas)
            statements.append(
                Statement(
                    index=len(statements),
                    article=f"a{article}",
                    source=f"Outlet {article}",
                    unit=unit,
                    number=number,
                    names=frozenset(),
                    people=frozenset(),
                    quantities=(),
                    times=(),
                    facts=(),
                )
            )
    return statements


def test_scored_statement_pairs_grow_linearly_on_a_large_event() -> None:
    cap = 16
    counts = {}
    for articles in (20, 40, 80):
        statements = _invented_event(articles)
        counts[len(statements)] = len(candidates.statement_pairs(statements, cap))
    for size, count in counts.items():
        assert cap * size / 2 <= count <= 2 * cap * size  # every pair: size * size / 2
    assert counts[800] <= 2.2 * counts[400] <= 4.84 * counts[200]


def test_values_sharing_a_key_are_paired_in_proportion_to_them() -> None:
    cap = 8
    assert candidates.bucket_pairs([["one key"]] * (cap + 1), cap) == {
        (i, j) for i in range(cap + 1) for j in range(i + 1, cap + 1)
    }
    counts = [len(candidates.bucket_pairs([["one key"]] * size, cap)) for size in (100, 200)]
    assert counts[0] <= cap * 100 and counts[1] <= 2 * counts[0] + cap * cap
    assert candidates.bucket_pairs([["a"], ["b"], ["a", "b"]], cap) == {(0, 2), (1, 2)}
