"""Line up the statements of different sources that state the same thing.

Three stages, each bounded so that time and memory grow linearly with the articles:

1. Candidates: for each statement, the few statements of every other source whose words
   are closest (TF-IDF cosine over the comparison's own statements), computed in blocks.
2. Scores: a logistic model over pair features (shared words, sentence vectors, shared
   names, figures and dates, predicates, lead position) whose weights were fitted on the
   cross-document event coreference of ECB+ training topics (``data/alignment.json``).
3. Groups: each statement with its best partners, one per source, joined while the group
   stays coherent (average pair score), so that a claim reads as one fact told by several
   sources. Every pair above the threshold ends up in some group.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from triangulate.compare.statements import Statement
from triangulate.nlp.encoder import TextEncoder

FloatArray = npt.NDArray[np.float32]
CANDIDATES_PER_SOURCE = 3  # closest statements kept per statement and other source
BLOCK = 512  # rows of the TF-IDF product computed at once
MIN_CANDIDATE_COSINE = 0.05
MAX_ENCODED = 600  # statements embedded per comparison; the rest rely on their words


@dataclass(frozen=True)
class Model:
    """Logistic weights over named pair features, and the score a link needs."""

    weights: dict[str, float]
    bias: float
    threshold: float
    group_threshold: float

    def score(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z))


@cache
def default_model() -> Model:
    raw = json.loads(resources.files("triangulate").joinpath("data/alignment.json").read_text())
    return Model(
        weights={k: float(v) for k, v in raw["weights"].items()},
        bias=float(raw["bias"]),
        threshold=float(raw["threshold"]),
        group_threshold=float(raw["group_threshold"]),
    )


# ---------------------------------------------------------------- 1. candidates


def tfidf_rows(statements: Sequence[Statement]) -> FloatArray:
    """L2-normalised TF-IDF rows over the statements' content words (IDF from them too)."""
    vocabulary: dict[str, int] = {}
    for statement in statements:
        for word in statement.words:
            vocabulary.setdefault(word, len(vocabulary))
    rows = np.zeros((len(statements), max(len(vocabulary), 1)), dtype=np.float32)
    for i, statement in enumerate(statements):
        for word, count in statement.words.items():
            rows[i, vocabulary[word]] = count
    document_frequency = (rows > 0).sum(axis=0)
    idf = np.log((1 + len(statements)) / (1 + document_frequency)).astype(np.float32)
    rows *= idf
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return rows / norms


def candidate_pairs(
    statements: Sequence[Statement], rows: FloatArray
) -> dict[tuple[int, int], float]:
    """(i, j) with i < j from different sources -> TF-IDF cosine, the closest few per source."""
    sources = np.array([s.source for s in statements], dtype=object)
    found: dict[tuple[int, int], float] = {}
    for start in range(0, len(statements), BLOCK):
        block = rows[start : start + BLOCK] @ rows.T
        for offset, similarities in enumerate(block):
            i = start + offset
            _keep_closest(i, similarities, sources, found)
    return found


def _keep_closest(
    i: int,
    similarities: FloatArray,
    sources: npt.NDArray[np.object_],
    found: dict[tuple[int, int], float],
) -> None:
    other = sources != sources[i]
    if not other.any():
        return
    order = np.argsort(-similarities)
    taken: dict[str, int] = {}
    for j in order:
        j = int(j)
        cosine = float(similarities[j])
        if cosine < MIN_CANDIDATE_COSINE:
            break
        if not other[j] or taken.get(sources[j], 0) >= CANDIDATES_PER_SOURCE:
            continue
        taken[sources[j]] = taken.get(sources[j], 0) + 1
        found[(min(i, j), max(i, j))] = cosine


# ---------------------------------------------------------------- 2. scores


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _numbers(statement: Statement) -> frozenset[float]:
    return frozenset(round(q.value, 6) for q in statement.quantities)


def _dates(statement: Statement) -> frozenset[str]:
    return frozenset(t.value for t in statement.times if t.value and t.anchored)


def pair_features(a: Statement, b: Statement, words: float, meaning: float) -> dict[str, float]:
    """The named features of one candidate pair (all about 0..1)."""
    shared_names = a.names & b.names
    numbers_a, numbers_b = _numbers(a), _numbers(b)
    dates_a, dates_b = _dates(a), _dates(b)
    return {
        "words": words,
        "meaning": meaning,
        "names": _jaccard(a.names, b.names),
        "any_name": 1.0 if shared_names else 0.0,
        "numbers": 1.0 if numbers_a & numbers_b else 0.0,
        "numbers_differ": 1.0 if numbers_a and numbers_b and not numbers_a & numbers_b else 0.0,
        "dates": 1.0 if dates_a & dates_b else 0.0,
        "predicates": 1.0 if a.predicates & b.predicates else 0.0,
        "both_lead": 1.0 if a.number < 3 and b.number < 3 else 0.0,
    }


def sentence_vectors(
    statements: Sequence[Statement], wanted: set[int], encoder: TextEncoder | None
) -> dict[int, FloatArray]:
    """Sentence vectors of the statements in ``wanted`` (those in the closest pairs first)."""
    if encoder is None or encoder.is_fallback or not wanted:
        return {}
    chosen = sorted(wanted)[:MAX_ENCODED]
    vectors = encoder.encode([statements[i].text for i in chosen])
    return {i: vectors[row] for row, i in enumerate(chosen)}


def score_pairs(
    statements: Sequence[Statement],
    candidates: dict[tuple[int, int], float],
    encoder: TextEncoder | None,
    model: Model,
) -> dict[tuple[int, int], float]:
    """Each candidate pair's probability of stating the same thing."""
    ranked = sorted(candidates, key=lambda pair: -candidates[pair])
    wanted: set[int] = set()
    for i, j in ranked:
        if len(wanted) >= MAX_ENCODED:
            break
        wanted |= {i, j}
    vectors = sentence_vectors(statements, wanted, encoder)
    scores = {}
    for (i, j), words in candidates.items():
        meaning = float(vectors[i] @ vectors[j]) if i in vectors and j in vectors else words
        features = pair_features(statements[i], statements[j], words, meaning)
        scores[(i, j)] = model.score(features)
    return scores


# ---------------------------------------------------------------- 3. groups


def groups_of(
    statements: Sequence[Statement], scores: dict[tuple[int, int], float], model: Model
) -> list[list[int]]:
    """Groups of statements from two or more sources that state one thing, best first."""
    linked = {pair: s for pair, s in scores.items() if s >= model.threshold}
    neighbours: dict[int, list[tuple[float, int]]] = {}
    for (i, j), score in linked.items():
        neighbours.setdefault(i, []).append((score, j))
        neighbours.setdefault(j, []).append((score, i))
    pivots = sorted(neighbours, key=lambda i: -sum(s for s, _ in neighbours[i]))
    found: list[list[int]] = []
    covered: set[tuple[int, int]] = set()
    for pivot in pivots:
        group = _grow(pivot, neighbours[pivot], statements, scores, model)
        pairs = {(min(a, b), max(a, b)) for a in group for b in group if a != b}
        if pairs - covered:
            found.append(sorted(group))
            covered |= pairs
    for pair in linked:
        if pair not in covered:
            found.append(list(pair))
            covered.add(pair)
    return found


def _grow(
    pivot: int,
    partners: list[tuple[float, int]],
    statements: Sequence[Statement],
    scores: dict[tuple[int, int], float],
    model: Model,
) -> list[int]:
    """The pivot with its best partner per source, each joining while the group holds."""
    group = [pivot]
    sources = {statements[pivot].source}
    for _, j in sorted(partners, reverse=True):
        if statements[j].source in sources:
            continue
        together = [scores.get((min(j, m), max(j, m)), 0.0) for m in group]
        if sum(together) / len(together) >= model.group_threshold:
            group.append(j)
            sources.add(statements[j].source)
    return group


def align(
    statements: Sequence[Statement], encoder: TextEncoder | None, model: Model | None = None
) -> tuple[list[list[int]], dict[tuple[int, int], float]]:
    """Groups of statements that state the same thing, and every scored pair."""
    model = model or default_model()
    if len({s.source for s in statements}) < 2:
        return [], {}
    candidates = candidate_pairs(statements, tfidf_rows(statements))
    scores = score_pairs(statements, candidates, encoder, model)
    return with_copies(groups_of(statements, scores, model), statements), scores


def with_copies(groups: list[list[int]], statements: Sequence[Statement]) -> list[list[int]]:
    """Each group with the same sentence as copied by other articles of one of its sources:
    a wire copy counts once as a source, but its sentence is cited too."""
    same: dict[tuple[str, str], list[int]] = {}
    for statement in statements:
        same.setdefault((statement.source, _normal(statement.text)), []).append(statement.index)
    expanded = []
    for group in groups:
        members = dict.fromkeys(group)
        for i in group:
            members.update(dict.fromkeys(same[(statements[i].source, _normal(statements[i].text))]))
        expanded.append(sorted(members))
    return expanded


def _normal(text: str) -> str:
    return " ".join(text.lower().split())
