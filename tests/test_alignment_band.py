"""The second look at sentence pairs just under the aligner's threshold: word vectors from the
sentence model's token table, and the band model that links such pairs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.compare.align import (
    Band,
    _looked_similarities,
    _nearest_both_ways,
    _segment_means,
    aligned,
    default_band,
    default_model,
    second_look,
    told_similarity,
)
from triangulate.compare.statements import statements_of
from triangulate.models import Article
from triangulate.nlp.word_vectors import WordVectors, word_vectors
from triangulate.readers.reader import read_many


@pytest.fixture(scope="module")
def vectors() -> WordVectors:
    found = word_vectors()
    if found is None:
        pytest.skip("the sentence model is not installed")
    return found


def _cosine(vectors: WordVectors, first: str, second: str) -> float:
    rows = vectors.of([first, second])
    return float(rows[0] @ rows[1])


def test_near_synonyms_of_news_language_are_nearer_than_unrelated_words(
    vectors: WordVectors,
) -> None:
    assert _cosine(vectors, "soldiers", "troops") > _cosine(vectors, "soldiers", "recipe") + 0.3
    assert _cosine(vectors, "killed", "slain") > _cosine(vectors, "killed", "bakery") + 0.3
    assert _cosine(vectors, "withdrew", "pulled") > _cosine(vectors, "withdrew", "bread") + 0.2
    assert _cosine(vectors, "harbour", "harbour") == pytest.approx(1.0, abs=1e-5)


def test_told_similarity_is_higher_for_the_same_happening_in_other_words(
    vectors: WordVectors,
) -> None:
    told = frozenset({"troops", "withdrew", "valley"})
    same_in_other_words = frozenset({"soldiers", "left", "valley"})
    other_happening = frozenset({"bakery", "opened", "valley"})
    assert told_similarity(told, told, vectors) == pytest.approx(1.0, abs=1e-5)
    assert told_similarity(told, same_in_other_words, vectors) > told_similarity(
        told, other_happening, vectors
    )
    assert told_similarity(told, frozenset(), vectors) == 0.0


def _band(weight_on_similarity: float, threshold: float, floor: float = 0.05) -> Band:
    return Band(
        floor=floor,
        mean=(0.0, 0.0),
        scale=(1.0, 1.0),
        weights=(0.0, weight_on_similarity),
        bias=0.0,
        threshold=threshold,
    )


def test_second_look_links_close_words_under_the_threshold_and_nothing_else(
    vectors: WordVectors,
) -> None:
    model = default_model()
    just_under = model.threshold - 0.01
    told = [
        frozenset({"troops", "withdrew", "valley"}),
        frozenset({"soldiers", "left", "valley"}),
        frozenset({"bakery", "opened", "valley"}),
        frozenset({"troop", "withdrawing", "soldiers"}),
    ]
    near = {
        (0, 1): just_under,  # the same happening in other words
        (0, 2): just_under,  # another happening in the same valley
        (0, 3): just_under,  # no told word shared: never looked at
        (1, 2): 0.01,  # under the band's floor
        (1, 3): model.threshold + 0.1,  # over the threshold: linked already
    }
    between = (
        told_similarity(told[0], told[1], vectors) + told_similarity(told[0], told[2], vectors)
    ) / 2
    # a band whose probability crosses one half at the similarity between the two pairs'
    band = Band(0.05, (0.0, between), (1.0, 0.01), (0.0, 1.0), 0.0, 0.5)
    assert told_similarity(told[0], told[3], vectors) > between  # near, but no word shared
    assert second_look(near, model, told, band, vectors) == {(0, 1): model.threshold}
    nothing_passes = _band(weight_on_similarity=0.0, threshold=0.9)
    assert second_look(near, model, told, nothing_passes, vectors) == {}


def _articles() -> list[Article]:
    return [
        Article(
            id="north",
            source="north.txt",
            outlet="North Gazette",
            text="The coastguard withdrew its last patrol boats from the Orlen estuary on Monday. "
            "A ferry to Tarven was cancelled because of the storm.",
        ),
        Article(
            id="south",
            source="south.txt",
            outlet="South Courier",
            text="On Monday the final coastguard vessels pulled out of the Orlen estuary. "
            "Storm warnings stopped the Tarven ferry.",
        ),
    ]


def test_aligned_adds_the_band_pairs_at_the_threshold_score(vectors: WordVectors) -> None:
    articles = _articles()
    statements = statements_of(articles, read_many(articles))
    model = default_model()
    _, without, _ = aligned(statements, model, band=None)
    everything = _band(weight_on_similarity=0.0, threshold=0.0, floor=0.0001)
    _, with_band, _ = aligned(statements, model, band=everything)
    assert set(without) <= set(with_band)
    added = {pair: score for pair, score in with_band.items() if pair not in without}
    assert added and set(added.values()) == {model.threshold}
    assert all(score >= model.threshold for score in with_band.values())


def test_the_shipped_band_looks_under_the_threshold_only() -> None:
    band = default_band()
    assert band is not None
    assert 0.0 < band.floor < default_model().threshold
    assert 0.0 < band.threshold < 1.0
    assert band.weights[1] > 0  # nearer words, likelier the same fact


def test_the_words_remembered_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from triangulate.nlp import word_vectors as module

    if module.word_vectors() is None:
        pytest.skip("the sentence model is not installed")
    monkeypatch.setattr(module, "KNOWN_WORDS", 50)
    vectors = module.WordVectors()
    before = vectors.of(["harbour"])
    for start in range(0, 400, 40):
        vectors.of([f"word{n}" for n in range(start, start + 40)])
        assert len(vectors._known) <= 50
    assert float(vectors.of(["harbour"])[0] @ before[0]) == pytest.approx(1.0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 7), st.integers(0, 7)).filter(lambda pair: pair[0] != pair[1]),
        min_size=1,
        max_size=20,
    ),
    st.integers(0, 2**32 - 1),
)
def test_looked_similarities_are_each_pairs_own(pairs: list[tuple[int, int]], seed: int) -> None:
    """The second look's similarities, computed a first statement's partners at once, are
    each pair's own (to float32 rounding: a product's sums may run in another order)."""
    generator = np.random.default_rng(seed)
    table = generator.standard_normal((30, 16)).astype(np.float32)
    table /= np.linalg.norm(table, axis=1, keepdims=True)
    rows = {
        k: np.sort(generator.choice(30, size=int(generator.integers(1, 9)), replace=False))
        for k in range(8)
    }
    batched = _looked_similarities(pairs, table, rows)
    for (i, j), similarity in zip(pairs, batched, strict=True):
        own = _nearest_both_ways(table[rows[i]], table[rows[j]])
        assert similarity == pytest.approx(own, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 40), min_size=1, max_size=30), st.integers(0, 2**32 - 1))
def test_segment_means_are_each_segments_own(lengths: list[int], seed: int) -> None:
    """The means of many segments, summed a length at a time, are bit for bit each
    segment's own ``.sum()`` over its length (so the second look links the same pairs)."""
    values = np.random.default_rng(seed).standard_normal(sum(lengths)).astype(np.float32)
    means = _segment_means(values, np.array(lengths, dtype=np.int64))
    start = 0
    for length, mean in zip(lengths, means.tolist(), strict=True):
        assert mean == float(values[start : start + length].sum() / length)
        start += length
