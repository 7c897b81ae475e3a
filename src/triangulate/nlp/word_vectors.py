"""Word vectors without running the sentence model: MiniLM's own token embedding table.

A word's vector is the mean of its word pieces' input embeddings, less the table's mean (the
direction every piece shares), scaled to unit length. These context-free vectors put near
synonyms of news language close ("withdrew" / "pulled", "killed" / "slain") at the cost of a
table lookup: no transformer layer runs. The sentence aligner uses them to look again at pairs
of sentences just under its threshold (``compare/align.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import numpy.typing as npt

from triangulate.errors import TriangulateError
from triangulate.nlp.encoder import Embedder, load_embedder

FloatArray = npt.NDArray[np.float32]
FIRST_WORD_PIECE = 1000  # the table's rows before this are special and unused tokens
KNOWN_WORDS = 50_000  # words remembered at most (1.5 KB each): a long-running server stays bounded


class WordVectors:
    """Unit vectors of words from the packaged model's token embedding table."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        # The sentence model's own table and tokenizer, not a second copy read from disk: a
        # dossier loads the sentence model anyway, and a second load cost 0.29 s and 47 MB.
        embedder = load_embedder() if embedder is None else embedder
        table = embedder.word_embeddings
        self._table = table
        self._centre = table[FIRST_WORD_PIECE:].mean(axis=0)
        self._tokenizer = embedder.tokenizer  # no padding; truncation never cuts one word
        self._known: dict[str, FloatArray] = {}

    def of(self, words: Sequence[str]) -> FloatArray:
        """(len(words), dimension) unit rows, one per word."""
        missing = [w for w in dict.fromkeys(words) if w not in self._known]
        if missing:
            if len(self._known) + len(missing) > KNOWN_WORDS:
                self._known.clear()  # forget all: cheaper than tracking use, rarely reached
            encodings = self._tokenizer.encode_batch(missing, add_special_tokens=False)
            for word, encoding in zip(missing, encodings, strict=True):
                pieces = encoding.ids or [0]
                vector = self._table[pieces].mean(axis=0) - self._centre
                self._known[word] = vector / (float(np.linalg.norm(vector)) or 1.0)
        if not words:
            return np.zeros((0, self._table.shape[1]), dtype=np.float32)
        return np.stack([self._known[w] for w in words]).astype(np.float32)


@cache
def word_vectors() -> WordVectors | None:
    """The packaged model's word vectors, or None when the model is not installed."""
    try:
        return WordVectors()
    except TriangulateError:
        return None
