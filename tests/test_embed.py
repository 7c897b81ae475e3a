"""The numpy MiniLM and the hashed fallback."""

from __future__ import annotations

import os

import numpy as np
import pytest

from triangulate.nlp.encoder import Embedder, HashingEmbedder, load_embedder


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder()  # ships with the package: a missing model fails, never skips


def test_matches_sentence_transformers_reference(embedder: Embedder) -> None:
    # The similarities sentence-transformers documents for all-MiniLM-L6-v2 (sbert.net quickstart).
    sentences = [
        "The weather is lovely today.",
        "It's so sunny outside!",
        "He drove to the stadium.",
    ]
    vectors = embedder.encode(sentences)
    expected = np.array([[1.0, 0.6660, 0.1046], [0.6660, 1.0, 0.1411], [0.1046, 0.1411, 1.0]])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(vectors @ vectors.T, expected, atol=2e-4)


def test_paraphrases_are_closer_than_unrelated_sentences(embedder: Embedder) -> None:
    vectors = embedder.encode(
        [
            "Rescuers pulled twelve people from the collapsed building.",
            "Twelve people were rescued from the ruins of the building.",
            "The central bank raised interest rates by half a point.",
        ]
    )
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > 0.6 > similarity[0, 2]
    assert similarity[0, 1] > similarity[1, 2] + 0.3


def test_padding_in_a_batch_does_not_change_a_vector(embedder: Embedder) -> None:
    short = "A ferry sank."
    long = "The ferry, which carried more than three hundred passengers, sank near the harbour at dawn."
    alone = embedder.encode([short])
    embedder.clear_cache()
    batched = embedder.encode([long, short])
    assert np.allclose(alone[0], batched[1], atol=1e-5)


def test_vectors_are_unit_length(embedder: Embedder) -> None:
    vectors = embedder.encode(["one", "two words", ""])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_input(embedder: Embedder) -> None:
    assert embedder.encode([]).shape == (0, 384)


def test_long_text_is_truncated(embedder: Embedder) -> None:
    vectors = embedder.encode(["word " * 2000])
    assert vectors.shape == (1, 384) and np.isfinite(vectors).all()


def test_hashing_fallback_sees_shared_words() -> None:
    fallback = HashingEmbedder()
    vectors = fallback.encode(
        [
            "The mayor opened the new bridge.",
            "The new bridge was opened by the mayor.",
            "Prices rose.",
        ]
    )
    assert fallback.is_fallback
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_blas_threads_follow_the_override(monkeypatch: pytest.MonkeyPatch) -> None:
    from triangulate.nlp.encoder import blas_threads

    monkeypatch.setenv("TRIANGULATE_EMBED_THREADS", "1")
    assert blas_threads() == 1
    monkeypatch.setenv("TRIANGULATE_EMBED_THREADS", "nonsense")
    assert 1 <= blas_threads() <= (os.cpu_count() or 1)
