"""Sentence embeddings from the packaged all-MiniLM-L6-v2, run in plain numpy.

The forward pass is the BERT encoder of ``sentence-transformers/all-MiniLM-L6-v2``
(6 layers, 12 heads, hidden size 384, exact GELU, LayerNorm eps 1e-12) followed by
mean pooling over real tokens and L2 normalisation, which is what
sentence-transformers does for that model.  Weights come from ``triangulate_minilm``,
which ships with triangulate; torch is not needed.

A missing model is an error (:func:`load_encoder`): without it agreements and conflicts
would silently disappear.  :class:`HashingEmbedder`, a hashed bag-of-words vector that only
captures shared words (marked ``is_fallback``), is used only when asked for.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from triangulate.errors import TriangulateError

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

MODEL_PACKAGE = "triangulate"
INSTALL_HINT = (
    f"it ships with {MODEL_PACKAGE}: reinstall it from its wheel or checkout"
    " (in a checkout: make models)"
)
HIDDEN = 384
HEADS = 12
LAYER_NORM_EPS = 1e-12
DEFAULT_MAX_TOKENS = 256
# Texts a forward pass: 8, not 32, measured 1.1-1.2x faster over 300 sentences and 1.4-1.6x
# over a dossier's 33 short event texts (less padding in a batch, products that stay in cache;
# docs/benchmarks.md, "Sentence vectors").
BATCH_SIZE = 8
CACHE_SIZE = 20_000  # texts; about 30 MB of vectors


class TextEncoder(Protocol):
    """Anything that turns texts into L2-normalised row vectors."""

    name: str
    is_fallback: bool

    def encode(self, texts: Sequence[str]) -> FloatArray: ...


def model_dir() -> Path:
    """The folder of the packaged model, or a TriangulateError saying how to get it."""
    try:
        from triangulate_minilm import MODEL_DIR as folder
    except ImportError as error:
        raise TriangulateError(f"the sentence model is missing ({INSTALL_HINT})") from error
    if not (folder / "model.safetensors").is_file():
        raise TriangulateError(
            f"the sentence model weights are missing in {folder} ({INSTALL_HINT})"
        )
    return folder


@dataclass(frozen=True)
class _Layer:
    qkv_weight: FloatArray  # (384, 3*384): query, key and value in one product
    qkv_bias: FloatArray
    attention_out_weight: FloatArray
    attention_out_bias: FloatArray
    attention_norm: tuple[FloatArray, FloatArray]
    intermediate_weight: FloatArray
    intermediate_bias: FloatArray
    output_weight: FloatArray
    output_bias: FloatArray
    output_norm: tuple[FloatArray, FloatArray]


def _layer_norm(x: FloatArray, norm: tuple[FloatArray, FloatArray]) -> FloatArray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    out: FloatArray = centred / np.sqrt(variance + LAYER_NORM_EPS) * norm[0] + norm[1]
    return out


_TANH_SCALE = np.float32(math.sqrt(2.0 / math.pi))
_CUBIC = np.float32(0.044715)


def _gelu(x: FloatArray) -> FloatArray:
    # The tanh form of GELU: within 5e-4 of the erf form per activation and ten times faster
    # in numpy (scipy's float32 erf cost a third of all encoding time); the sentence vectors
    # still match the published reference similarities to 4 decimals (tests/test_embed.py).
    inner = x * x
    inner *= _CUBIC * x
    inner += x
    inner *= _TANH_SCALE
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    inner *= np.float32(0.5) * x
    return inner


def _load_layer(weights: dict[str, FloatArray], index: int) -> _Layer:
    def w(name: str) -> FloatArray:
        return weights[f"encoder.layer.{index}.{name}"]

    names = ("query", "key", "value")
    qkv_weight = np.concatenate([w(f"attention.self.{n}.weight").T for n in names], axis=1)
    qkv_bias = np.concatenate([w(f"attention.self.{n}.bias") for n in names])
    return _Layer(
        qkv_weight=np.ascontiguousarray(qkv_weight),
        qkv_bias=qkv_bias,
        attention_out_weight=np.ascontiguousarray(w("attention.output.dense.weight").T),
        attention_out_bias=w("attention.output.dense.bias"),
        attention_norm=(
            w("attention.output.LayerNorm.weight"),
            w("attention.output.LayerNorm.bias"),
        ),
        intermediate_weight=np.ascontiguousarray(w("intermediate.dense.weight").T),
        intermediate_bias=w("intermediate.dense.bias"),
        output_weight=np.ascontiguousarray(w("output.dense.weight").T),
        output_bias=w("output.dense.bias"),
        output_norm=(w("output.LayerNorm.weight"), w("output.LayerNorm.bias")),
    )


def _attention(layer: _Layer, x: FloatArray, mask_bias: FloatArray, batch: int) -> FloatArray:
    # x is (batch*length, 384): dense products run as one big matrix product.
    length = x.shape[0] // batch
    head_size = HIDDEN // HEADS
    qkv = (x @ layer.qkv_weight + layer.qkv_bias).reshape(batch, length, 3, HEADS, head_size)
    query = np.ascontiguousarray(qkv[:, :, 0].transpose(0, 2, 1, 3))
    key_t = np.ascontiguousarray(qkv[:, :, 1].transpose(0, 2, 3, 1))
    value = np.ascontiguousarray(qkv[:, :, 2].transpose(0, 2, 1, 3))
    scores = np.matmul(query, key_t)
    scores *= np.float32(1.0 / math.sqrt(head_size))
    scores += mask_bias
    scores -= scores.max(axis=-1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=-1, keepdims=True)
    context = np.matmul(scores, value).transpose(0, 2, 1, 3).reshape(batch * length, HIDDEN)
    out: FloatArray = context @ layer.attention_out_weight + layer.attention_out_bias
    return out


def _encoder_layer(layer: _Layer, x: FloatArray, mask_bias: FloatArray, batch: int) -> FloatArray:
    x = _layer_norm(x + _attention(layer, x, mask_bias, batch), layer.attention_norm)
    hidden = _gelu(x @ layer.intermediate_weight + layer.intermediate_bias)
    return _layer_norm(x + hidden @ layer.output_weight + layer.output_bias, layer.output_norm)


def blas_threads() -> int:
    """All cores when they are free, else one: BLAS threads that spin while another process
    holds a core made encoding 3-5x slower (docs/benchmarks.md). TRIANGULATE_EMBED_THREADS
    overrides."""
    override = os.environ.get("TRIANGULATE_EMBED_THREADS", "")
    if override.isdigit() and int(override) > 0:
        return int(override)
    cores = os.cpu_count() or 1
    return cores if os.getloadavg()[0] < cores - 0.5 else 1


def _normalise_rows(vectors: FloatArray) -> FloatArray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    out: FloatArray = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
    return out


class Embedder:
    """all-MiniLM-L6-v2 in numpy: ``encode(texts)`` gives (n, 384) unit float32 rows."""

    name = "all-MiniLM-L6-v2"
    is_fallback = False
    dimension = HIDDEN

    def __init__(self, folder: Path, max_tokens: int = DEFAULT_MAX_TOKENS) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights = {
            k: v.astype(np.float32, copy=False)
            for k, v in load_file(folder / "model.safetensors").items()
        }
        self.max_tokens = _configured_max_tokens(folder, max_tokens)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_tokens)
        self.word_embeddings = weights["embeddings.word_embeddings.weight"]
        self.position_embeddings = weights["embeddings.position_embeddings.weight"]
        self.token_type_embedding = weights["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = (
            weights["embeddings.LayerNorm.weight"],
            weights["embeddings.LayerNorm.bias"],
        )
        self.layers = [_load_layer(weights, index) for index in range(_layer_count(weights))]
        self._cache: dict[str, FloatArray] = {}

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Embed texts (recently seen texts come from a cache)."""
        result = np.zeros((len(texts), HIDDEN), dtype=np.float32)
        missing = sorted({text for text in texts if text not in self._cache})
        if missing:
            for text, vector in zip(missing, self._encode_uncached(missing), strict=True):
                self._remember(text, vector)
        for row, text in enumerate(texts):
            result[row] = self._cache[text]
        return result

    def clear_cache(self) -> None:
        self._cache.clear()

    def _remember(self, text: str, vector: FloatArray) -> None:
        if len(self._cache) >= CACHE_SIZE:
            self._cache.pop(next(iter(self._cache)))  # oldest first: dicts keep insertion order
        self._cache[text] = vector

    def _encode_uncached(self, texts: Sequence[str]) -> FloatArray:
        """Embed texts; batches are formed by token length so padding stays small."""
        if not texts:
            return np.zeros((0, HIDDEN), dtype=np.float32)
        with threadpool_limits(limits=blas_threads(), user_api="blas"):
            return self._encode_tokens(texts)

    def _encode_tokens(self, texts: Sequence[str]) -> FloatArray:
        token_ids = [encoding.ids for encoding in self.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(token_ids)), key=lambda i: len(token_ids[i]))
        result = np.zeros((len(texts), HIDDEN), dtype=np.float32)
        for start in range(0, len(order), BATCH_SIZE):
            chosen = order[start : start + BATCH_SIZE]
            result[chosen] = self._encode_batch([token_ids[i] for i in chosen])
        return result

    def _encode_batch(self, batch: list[list[int]]) -> FloatArray:
        length = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, token_ids in enumerate(batch):
            ids[row, : len(token_ids)] = token_ids
            mask[row, : len(token_ids)] = 1.0
        hidden = self._hidden_states(ids, mask)
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled: FloatArray = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return _normalise_rows(pooled)

    def _hidden_states(self, ids: IntArray, mask: FloatArray) -> FloatArray:
        length = ids.shape[1]
        x = (
            self.word_embeddings[ids]
            + self.position_embeddings[:length]
            + self.token_type_embedding
        )
        x = _layer_norm(x.astype(np.float32), self.embedding_norm)
        mask_bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :].astype(np.float32)
        batch = ids.shape[0]
        x = x.reshape(batch * length, HIDDEN)
        for layer in self.layers:
            x = _encoder_layer(layer, x, mask_bias, batch)
        out: FloatArray = x.reshape(batch, length, HIDDEN)
        return out


def _layer_count(weights: dict[str, FloatArray]) -> int:
    indices = {int(m.group(1)) for k in weights if (m := re.match(r"encoder\.layer\.(\d+)\.", k))}
    return len(indices)


def _configured_max_tokens(folder: Path, default: int) -> int:
    config = folder / "sentence_bert_config.json"
    if not config.is_file():
        return default
    return int(json.loads(config.read_text(encoding="utf-8")).get("max_seq_length", default))


@functools.lru_cache(maxsize=1)
def load_embedder() -> Embedder:
    """The packaged MiniLM, loaded once per process (TriangulateError if it is missing)."""
    return Embedder(model_dir())


_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)


class HashingEmbedder:
    """Fallback without a model: hashed word and word-pair counts, sublinear tf, L2-normalised.

    It only sees shared words (no synonyms), so similarities are lower and coarser
    than MiniLM's; callers can check ``is_fallback``.
    """

    name = "hashed-bag-of-words"
    is_fallback = True

    def __init__(self, dimension: int = 4096) -> None:
        self.dimension = dimension

    def encode(self, texts: Sequence[str]) -> FloatArray:
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature, count in _features(text).items():
                vectors[row, self._bucket(feature)] += 1.0 + math.log(count)
        return _normalise_rows(vectors)

    def _bucket(self, feature: str) -> int:
        digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
        return int.from_bytes(digest, "little") % self.dimension


def _features(text: str) -> dict[str, int]:
    words = [_crude_stem(w.lower()) for w in _WORD.findall(text)]
    counts: dict[str, int] = {}
    for feature in words + [f"{a} {b}" for a, b in itertools.pairwise(words)]:
        counts[feature] = counts.get(feature, 0) + 1
    return counts


def _crude_stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def load_encoder(allow_fallback: bool = False) -> TextEncoder:
    """MiniLM; without it a TriangulateError, or the hashed fallback if explicitly allowed."""
    try:
        return load_embedder()
    except TriangulateError:
        if not allow_fallback:
            raise
        return HashingEmbedder()
