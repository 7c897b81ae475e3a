"""Line up the statements of different sources that state the same fact.

Every pair of statement units from different sources gets a probability of stating the same
fact from a logistic model over word-based features: TF-IDF cosine and how it ranks among the
other article's sentences, shared content lemmas (plain, IDF-weighted, the rarest shared one),
shared word pairs, clause-piece similarity, shared numbers, shared verbs and main predicates
(with groups of near-synonymous news verbs), and the sentences' lengths. The weights
(``data/alignment.json``) were fitted on ECB+ training topics, labelled from their
cross-document event and participant coreference; the threshold was chosen on the training
folds. No sentence vectors: the model without them is as good within 0.01 F1 and costs no
encoding. Pairs scored just under the threshold get a second look (:func:`second_look`): a
small model over their score and how near in meaning the words they tell are, by the word
vectors of the sentence model's token table (``nlp/word_vectors.py``), links those that tell
one happening in other words; it too was fitted on the ECB+ training topics.

Only the candidate pairs of ``compare/candidates.py`` are scored (every pair of one event's
coverage, in whole blocks of rows; at most a few hundred a statement beyond, each pair's
features computed on the pair alone), never a full table of all pairs.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Generic, Literal, TypeVar

import numpy as np
import numpy.typing as npt

from triangulate.compare import candidates
from triangulate.compare.statements import Statement
from triangulate.core.words import STOP_WORDS
from triangulate.nlp.word_vectors import WordVectors, word_vectors

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]
BLOCK = 256  # rows of features computed at once
# Every pair feature ``block_features`` computes; a weights file uses some or all of them.
FEATURES = (
    "tfidf",
    "tfidf_mutual",
    "tfidf_gap",
    "lemma_jacc",
    "lemma_min",
    "lemma_idf",
    "lemma_tfidf",
    "idf_contain",
    "idf_maxshared",
    "seg_tfidf",
    "bigram_shared",
    "num_shared",
    "num_clash",
    "pred_same",
    "verb_shared",
    "len_min",
    "len_ratio",
    "told_contain",
)
# A clause of at most this many words that starts or ends with one of these verbs says who
# spoke ("harbour police lieutenant jonas vik said"), not what happened.
ATTRIBUTION_WORDS = 8
SPEAKER_WORDS = 6  # a clause's first words up to a verb of saying name who spoke
NEAR_DUPLICATE_SIZE = 3  # groups this large that differ in one sentence are one claim
# The links of each statement the grouping reads, its strongest (a link kept when either end
# keeps it): the grouping's work grows with the statements, not with the links of a fact told
# by many sources (``n (n - 1) / 2``). Few statements of one event's coverage hold more (527
# of 8,364 on the ECB+ training events compared whole; docs/benchmarks.md, "Time to a
# dossier"), and the groups they are in are grown (:func:`grown`).
LINKS = 16
# A statement joins a group grown from a clique whose links were cut when it is linked to
# this share of the clique (fitted on ECB+ training topics, ``benchmarks/eval_link_bound.py``).
CORE_SHARE = 0.5
ATTRIBUTION_VERBS = frozenset({"said", "says", "say", "told", "tells", "added", "stated", "wrote"})
APPOSITION_OPENERS = frozenset({"a", "an", "the", "his", "her", "its", "their"})


@dataclass(frozen=True)
class Model:
    """Logistic regression over standardised features, and the probability a link needs."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def score(self, features: dict[str, FloatArray]) -> FloatArray:
        z = np.full(next(iter(features.values())).shape, self.bias, dtype=np.float32)
        for name, mean, scale, weight in zip(
            self.features, self.mean, self.scale, self.weights, strict=True
        ):
            z += np.float32(weight / scale) * (features[name] - np.float32(mean))
        out: FloatArray = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
        return out


@dataclass(frozen=True)
class Band:
    """A second look at the pairs scored from ``floor`` up to the model's threshold: a logistic
    regression over the pair's log-odds and how near in meaning the words the two sentences
    tell are (:func:`told_similarity`); a pair it scores at ``threshold`` or more is linked."""

    floor: float
    mean: tuple[float, float]
    scale: tuple[float, float]
    weights: tuple[float, float]
    bias: float
    threshold: float

    def probability(self, score: float, similarity: float) -> float:
        values = (math.log(score / (1.0 - score)), similarity)
        z = self.bias + sum(
            w * (v - m) / s
            for v, m, s, w in zip(values, self.mean, self.scale, self.weights, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-z))


@cache
def default_band() -> Band | None:
    raw = json.loads(resources.files("triangulate").joinpath("data/alignment.json").read_text())
    band = raw.get("band")
    if band is None:
        return None
    return Band(
        floor=float(band["floor"]),
        mean=(float(band["mean"][0]), float(band["mean"][1])),
        scale=(float(band["scale"][0]), float(band["scale"][1])),
        weights=(float(band["weights"][0]), float(band["weights"][1])),
        bias=float(band["bias"]),
        threshold=float(band["threshold"]),
    )


@cache
def default_model() -> Model:
    raw = json.loads(resources.files("triangulate").joinpath("data/alignment.json").read_text())
    return Model(
        features=tuple(raw["features"]),
        mean=tuple(float(x) for x in raw["mean"]),
        scale=tuple(float(x) for x in raw["scale"]),
        weights=tuple(float(x) for x in raw["weights"]),
        bias=float(raw["bias"]),
        threshold=float(raw["threshold"]),
    )


# ---------------------------------------------------------------- vocabularies


@dataclass(frozen=True)
class _Rows:
    """A table over a vocabulary kept as each row's nonzero entries (compressed rows): a unit
    holds a few dozen of the thousands of words the sources share, and the dense table of a
    large comparison is almost all zeros (2,208 units x 6,100 words, 54 MB a table at 160
    articles). A view densifies only its units and the columns its rows hold."""

    start: IntArray  # row r's entries are start[r] : start[r + 1], by column
    columns: IntArray
    values: FloatArray
    width: int

    @classmethod
    def of(
        cls, cells: tuple[list[int], list[int], list[float]], height: int, width: int, add: bool
    ) -> _Rows:
        """The table of (row, column, value) cells: values of one cell added in order in
        float32 (``add``), else the cell's value; cells that come to zero left out."""
        rows, columns, values = (np.array(part) for part in cells)
        keys, inverse = np.unique(
            rows.astype(np.int64) * width + columns.astype(np.int64), return_inverse=True
        )
        summed = np.zeros(len(keys), dtype=np.float32)
        if add:
            np.add.at(summed, inverse, values.astype(np.float32))
        else:
            summed[inverse] = values.astype(np.float32)
        kept = summed != 0
        keys, summed = keys[kept], summed[kept]
        start = np.searchsorted(keys // width, np.arange(height + 1)).astype(np.int64)
        return cls(start, (keys % width).astype(np.int64), summed, width)

    def _entries(self, rows: IntArray) -> tuple[IntArray, IntArray]:
        """Where the entries of ``rows`` are, and the position in ``rows`` each belongs to."""
        first = self.start[rows]
        counts = self.start[rows + 1] - first
        owner = np.repeat(np.arange(len(rows)), counts)
        # an entry's place: its row's first entry plus its rank in the row, one repeat of
        # each row's shift (its first entry less the entries before it), not two gathers
        shift = np.repeat(first - (np.cumsum(counts) - counts), counts)
        return np.arange(len(owner), dtype=np.int64) + shift, owner

    def held(self, rows: IntArray) -> IntArray:
        """The columns that some of ``rows`` hold (nonzero), in increasing order."""
        return np.unique(self.columns[self._entries(rows)[0]])

    def dense(self, rows: IntArray | None = None, columns: IntArray | None = None) -> FloatArray:
        """The table of ``rows`` (all by default) over ``columns`` (all), as a dense array."""
        height = len(self.start) - 1
        rows = np.arange(height) if rows is None else rows
        entries, owner = self._entries(rows)
        found = self.columns[entries]
        if columns is None:
            out = np.zeros((len(rows), self.width), dtype=np.float32)
            out[owner, found] = self.values[entries]
            return out
        out = np.zeros((len(rows), len(columns)), dtype=np.float32)
        if len(columns):
            # each column's place among ``columns`` (-1 when not one of them), looked up by
            # the entries: one gather an entry, not a binary search
            place = np.full(self.width, -1, dtype=np.int64)
            place[columns] = np.arange(len(columns))
            where = place[found]
            hit = where >= 0
            out[owner[hit], where[hit]] = self.values[entries[hit]]
        return out

    def divided(self, by: FloatArray) -> _Rows:
        """Each row divided by its entry of ``by`` (float32, as a dense table would be)."""
        owner = np.repeat(np.arange(len(self.start) - 1), np.diff(self.start))
        return _Rows(self.start, self.columns, self.values / by[owner], self.width)


class _Shared:
    """Items that occur in units of two or more sources: only those can be shared, so the
    tables over them give every overlap while staying small."""

    def __init__(self, sets: Sequence[Iterable[str]], sources: Sequence[int]) -> None:
        first_seen: dict[str, int] = {}
        shared: dict[str, None] = {}
        for items, source in zip(sets, sources, strict=True):
            for item in items:
                if first_seen.setdefault(item, source) != source:
                    shared[item] = None
        self.index = {item: k for k, item in enumerate(shared)}

    def matrix(
        self,
        sets: Sequence[Iterable[str]],
        weight: Callable[[str], float] | None = None,
        counts: bool = False,
    ) -> _Rows:
        """Each set's items as a row (their weight, else 1; summed over repeats with
        ``counts``) over the shared items."""
        cells: tuple[list[int], list[int], list[float]] = ([], [], [])
        for row, items in enumerate(sets):
            for item in items:
                column = self.index.get(item)
                if column is not None:
                    cells[0].append(row)
                    cells[1].append(column)
                    cells[2].append(1.0 if weight is None else weight(item))
        return _Rows.of(cells, len(sets), max(1, len(self.index)), counts)


def _idf(documents: Sequence[Iterable[str]], total: int) -> dict[str, float]:
    frequency: dict[str, int] = {}
    for items in documents:
        for item in set(items):
            frequency[item] = frequency.get(item, 0) + 1
    return {item: math.log((1.0 + total) / (1.0 + df)) for item, df in frequency.items()}


def _norms(documents: Sequence[Sequence[str]], idf: dict[str, float]) -> FloatArray:
    norms = []
    for items in documents:
        counts: dict[str, int] = {}
        for item in items:
            counts[item] = counts.get(item, 0) + 1
        norms.append(math.sqrt(sum((c * idf.get(i, 0.0)) ** 2 for i, c in counts.items())) or 1.0)
    return np.array(norms, dtype=np.float32)


# ---------------------------------------------------------------- features


Table = TypeVar("Table", FloatArray, _Rows)  # dense (what features read) or compressed rows


@dataclass
class _Tables(Generic[Table]):
    """Per-unit matrices every block of pair features is computed from: the tables over a
    vocabulary as compressed rows for all units, dense in a view of some (or in all units'
    tables when every pair is scored)."""

    source: IntArray
    words: Table  # TF-IDF counts over shared words (rows not yet normalised)
    word_norm: FloatArray
    lemmas: Table  # lemma IDF weights over shared lemmas
    lemma_norm: FloatArray
    lemma_mass: FloatArray
    lemma_sets: Table  # 0/1 over shared lemmas
    lemma_sizes: FloatArray
    lemma_rarity: Table  # square root of the IDF across sources
    rarest: list[tuple[float, IntArray]]  # (IDF, units holding the lemma), rarest last
    pairs: Table
    numbers: Table
    has_numbers: npt.NDArray[np.bool_]
    predicates: Table
    verbs: Table
    segments: Table  # normalised TF-IDF rows of clause pieces
    segment_owner: IntArray
    log_size: FloatArray
    best_words: FloatArray  # (units, sources): a unit's best TF-IDF cosine in each source
    told: Table  # IDF weights over shared told words (attribution left out)
    told_mass: FloatArray
    count: int = 0  # units the statistics were taken over (all of them, in a view of some)


def _tables(statements: Sequence[Statement]) -> _Tables[FloatArray]:
    """The dense tables of all units, each unit's best word cosine in each source over every
    pair: for scoring every pair in whole blocks of rows."""
    tables = _dense(_units(statements))
    tables.best_words = _best_words(tables)
    return tables


def _dense(tables: _Tables[_Rows]) -> _Tables[FloatArray]:
    """The tables with every table over a vocabulary dense (all its columns, as built)."""
    parts: dict[str, object] = {f.name: getattr(tables, f.name) for f in fields(tables)}
    for name in (*VOCABULARY_TABLES, "segments"):
        parts[name] = getattr(tables, name).dense()
    dense: _Tables[FloatArray] = _Tables(**parts)  # type: ignore[arg-type]
    dense.rarest = _rarest(dense.lemmas)
    return dense


def _units(statements: Sequence[Statement]) -> _Tables[_Rows]:
    """The tables of all units as compressed rows (best cosines not yet filled in)."""
    n = len(statements)
    units = [s.unit for s in statements]
    source_ids: dict[str, int] = {}
    source = np.array([source_ids.setdefault(s.source, len(source_ids)) for s in statements])
    sources = source.tolist()
    words = [u.words for u in units]
    word_idf = _idf(words, n)
    word_table = _Shared(words, sources).matrix(words, word_idf.__getitem__, counts=True)
    lemma_sets = [frozenset(u.lemmas) for u in units]
    lemma_idf = _idf(lemma_sets, n)
    lemma_vocabulary = _Shared(lemma_sets, sources)
    lemmas = lemma_vocabulary.matrix(lemma_sets, lemma_idf.__getitem__)
    segments = [
        tuple(piece.split()) for u in units for piece in (u.segments or (" ".join(u.words),))
    ]
    owner = np.array(
        [row for row, u in enumerate(units) for _ in (u.segments or ("",))], dtype=np.int64
    )
    segments = [tuple(w for w in piece if w in word_idf) for piece in segments]
    segment_table = (
        _Shared(segments, [sources[k] for k in owner])
        .matrix(segments, word_idf.__getitem__, counts=True)
        .divided(_norms(segments, word_idf))
    )
    numbers = [frozenset(u.numbers) for u in units]
    told = [told_words(statement) for statement in statements]
    told_idf = _idf(told, n)
    told_table = _Shared(told, sources).matrix(told, told_idf.__getitem__)
    return _Tables(
        source=source,
        words=word_table,
        word_norm=_norms(words, word_idf),
        lemmas=lemmas,
        lemma_norm=np.array(
            [math.sqrt(sum(lemma_idf[x] ** 2 for x in s)) or 1.0 for s in lemma_sets],
            dtype=np.float32,
        ),
        lemma_mass=np.array([sum(lemma_idf[x] for x in s) for s in lemma_sets], dtype=np.float32),
        lemma_sets=lemma_vocabulary.matrix(lemma_sets),
        lemma_sizes=np.array([len(s) for s in lemma_sets], dtype=np.float32),
        lemma_rarity=_Shared(lemma_sets, sources).matrix(
            lemma_sets, _rarity_by_source(lemma_sets, sources).__getitem__
        ),
        rarest=[],  # of the dense tables only: a view finds its own
        pairs=_Shared([u.pairs for u in units], sources).matrix([u.pairs for u in units]),
        numbers=_Shared(numbers, sources).matrix(numbers),
        has_numbers=np.array([bool(x) for x in numbers]),
        predicates=_Shared([u.predicates for u in units], sources).matrix(
            [u.predicates for u in units]
        ),
        verbs=_Shared([u.verbs for u in units], sources).matrix([u.verbs for u in units]),
        segments=segment_table,
        segment_owner=owner,
        log_size=np.log(np.array([max(u.size, 1) for u in units], dtype=np.float32)),
        best_words=np.zeros((n, len(source_ids)), dtype=np.float32),
        told=told_table,
        told_mass=np.array([sum(told_idf[w] for w in words) for words in told], dtype=np.float32),
        count=n,
    )


def _rarity_by_source(
    lemma_sets: Sequence[frozenset[str]], sources: Sequence[int]
) -> dict[str, float]:
    """How rare a lemma is among the sources (not the sentences): the square root of its IDF."""
    per_source: dict[int, set[str]] = {}
    for lemmas, source in zip(lemma_sets, sources, strict=True):
        per_source.setdefault(source, set()).update(lemmas)
    frequency: dict[str, int] = {}
    for seen in per_source.values():
        for lemma in seen:
            frequency[lemma] = frequency.get(lemma, 0) + 1
    total = len(per_source)
    return {
        lemma: math.sqrt(max(math.log((1 + total) / (0.5 + df)), 0.0))
        for lemma, df in frequency.items()
    }


def _rarest(lemmas: FloatArray) -> list[tuple[float, IntArray]]:
    """Each shared lemma's IDF and the units holding it, from the commonest to the rarest."""
    columns = []
    for column in range(lemmas.shape[1]):
        holders = np.nonzero(lemmas[:, column])[0]
        if len(holders) > 1:
            columns.append((float(lemmas[holders[0], column]), holders))
    return sorted(columns, key=lambda item: item[0])


def _word_cosine(tables: _Tables[FloatArray], rows: slice) -> FloatArray:
    block = tables.words[rows] @ tables.words.T
    out: FloatArray = block / (tables.word_norm[rows, None] * tables.word_norm[None, :])
    return out


def _best_words(tables: _Tables[FloatArray]) -> FloatArray:
    n = len(tables.source)
    best = np.full((n, tables.best_words.shape[1]), -2.0, dtype=np.float32)
    for start in range(0, n, BLOCK):
        rows = slice(start, min(start + BLOCK, n))
        cosine = _word_cosine(tables, rows)
        cross = tables.source[rows, None] != tables.source[None, :]
        for source in range(best.shape[1]):
            columns = tables.source == source
            masked = np.where(cross[:, columns], cosine[:, columns], -2.0)
            best[rows, source] = masked.max(axis=1) if masked.size else -2.0
    return best


def block_features(tables: _Tables[FloatArray], rows: slice) -> dict[str, FloatArray]:
    """Every feature of the pairs (row in ``rows``, any unit), as (block, n) matrices."""
    n = len(tables.source)
    every = tables.count or n  # a view of some units keeps the count of all
    own = np.arange(n)[rows]
    words = _word_cosine(tables, rows)
    best_mine = tables.best_words[own][:, tables.source]  # best of row i in j's source
    best_theirs = tables.best_words[:, tables.source[own]].T  # best of j in i's source
    rank_mine = words >= best_mine - 1e-6
    rank_theirs = words >= best_theirs - 1e-6
    lemma_cosine = (tables.lemmas[rows] @ tables.lemmas.T) / np.maximum(
        tables.lemma_norm[rows, None] * tables.lemma_norm[None, :], 1e-9
    )
    shared_mass = (tables.lemmas[rows] > 0).astype(np.float32) @ tables.lemmas.T
    smaller = np.minimum(tables.lemma_mass[rows, None], tables.lemma_mass[None, :])
    shared_lemmas = tables.lemma_sets[rows] @ tables.lemma_sets.T
    sizes = tables.lemma_sizes
    shared_numbers = tables.numbers[rows] @ tables.numbers.T
    size = tables.log_size
    return {
        "tfidf": words,
        "tfidf_mutual": (rank_mine & rank_theirs & (words > 0)).astype(np.float32),
        "tfidf_gap": np.minimum(words - best_mine, words - best_theirs),
        "lemma_jacc": shared_lemmas
        / np.maximum(sizes[rows, None] + sizes[None, :] - shared_lemmas, 1.0),
        "lemma_min": shared_lemmas / np.maximum(np.minimum(sizes[rows, None], sizes[None, :]), 1.0),
        "lemma_idf": np.log1p(tables.lemma_rarity[rows] @ tables.lemma_rarity.T),
        "lemma_tfidf": lemma_cosine,
        "idf_contain": np.minimum(shared_mass / np.maximum(smaller, 1e-6), 1.0),
        "idf_maxshared": _rarest_shared(tables, own) / np.float32(max(math.log(1.0 + every), 1e-6)),
        "seg_tfidf": _segment_cosine(tables, own),
        "bigram_shared": np.log1p(tables.pairs[rows] @ tables.pairs.T),
        "num_shared": np.minimum(shared_numbers, 2.0),
        "num_clash": (
            (shared_numbers == 0) & tables.has_numbers[rows, None] & tables.has_numbers[None, :]
        ).astype(np.float32),
        "pred_same": ((tables.predicates[rows] @ tables.predicates.T) > 0).astype(np.float32),
        "verb_shared": np.minimum(tables.verbs[rows] @ tables.verbs.T, 3.0),
        "len_min": np.minimum(size[rows, None], size[None, :]),
        "told_contain": np.minimum(
            ((tables.told[rows] > 0).astype(np.float32) @ tables.told.T)
            / np.maximum(np.minimum(tables.told_mass[rows, None], tables.told_mass[None, :]), 1e-6),
            1.0,
        ),
        "len_ratio": -np.abs(size[rows, None] - size[None, :]),
    }


def _rarest_shared(tables: _Tables[FloatArray], own: IntArray) -> FloatArray:
    """IDF of the rarest lemma each pair shares (0 when none)."""
    out = np.zeros((len(own), len(tables.source)), dtype=np.float32)
    first = int(own[0])
    for idf, holders in tables.rarest:  # commonest first: the rarest is written last
        mine = holders[(holders >= first) & (holders <= int(own[-1]))] - first
        if len(mine):
            out[np.ix_(mine, holders)] = idf
    return out


def _segment_cosine(tables: _Tables[FloatArray], own: IntArray) -> FloatArray:
    """The best cosine between a clause piece of one unit and a piece of the other."""
    mine = np.isin(tables.segment_owner, own)
    pieces = tables.segments[mine] @ tables.segments.T
    owners = tables.segment_owner[mine] - int(own[0])
    rows = np.full((len(own), pieces.shape[1]), -1.0, dtype=np.float32)
    np.maximum.at(rows, owners, pieces)
    out = np.full((len(own), len(tables.source)), -1.0, dtype=np.float32)
    np.maximum.at(out.T, tables.segment_owner, rows.T)
    return out


# ---------------------------------------------------------------- pairs and groups


def score_pairs(
    statements: Sequence[Statement], model: Model, cap: int = candidates.CAP
) -> dict[tuple[int, int], float]:
    """(i, j) with i < j from different sources -> probability, for pairs over the threshold.

    Only the candidate pairs of :mod:`compare.candidates` are scored (every pair of the
    coverage of one event; at most ``cap`` a statement beyond, each on its own: time and
    memory grow with the pairs scored, not with the square of the statements)."""
    pairs, scores = scored_pairs(statements, model, cap)
    return dict(zip(map(tuple, pairs.tolist()), scores.tolist(), strict=True))


def scored_pairs(
    statements: Sequence[Statement], model: Model, cap: int = candidates.CAP
) -> tuple[IntArray, FloatArray]:
    """The pairs of :func:`score_pairs` as arrays, one row (i, j) each in the order scored,
    and their probabilities: a large comparison's hundreds of thousands of pairs over a low
    threshold take a few MB so, not a dictionary's tens."""
    n = len(statements)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float32)
    pairs = candidates.pairs_to_score(statements, cap)
    if pairs is None:  # every pair, in whole blocks of rows
        return _score_every_pair(_tables(statements), model)
    tables = _units(statements)
    tables.best_words = _best_over(tables, pairs)
    kept: list[tuple[IntArray, FloatArray]] = []
    starts = np.searchsorted(pairs[:, 0], np.arange(0, n + VIEW_ROWS, VIEW_ROWS))
    for block in range(len(starts) - 1):
        # a few rows' pairs at a time, at most PAIR_CHUNK: the entries a chunk gathers
        # (its pairs times their words) bound the memory
        for first in range(int(starts[block]), int(starts[block + 1]), PAIR_CHUNK):
            mine = pairs[first : min(first + PAIR_CHUNK, int(starts[block + 1]))]
            rows = np.arange(mine[0, 0], mine[-1, 0] + 1)
            found = model.score(pair_block_features(tables, rows, mine))
            over = found.astype(np.float64) >= model.threshold
            kept.append((mine[over], found[over]))
    return _stacked(kept)


def pair_block_features(
    tables: _Tables[_Rows], rows: IntArray, pairs: IntArray
) -> dict[str, FloatArray]:
    """Every feature of ``pairs`` (i, j), each i one of the consecutive ``rows``, one value a
    pair: what :func:`block_features` gives them, computed on the pairs alone. Each table's
    ``rows`` are made dense (a few rows over the vocabulary) and each pair reads the entries
    of its j from the compressed rows, so the work grows with the pairs and their words, not
    with the rows times every unit they meet (a dense block of 64 rows by 1,700 units at 160
    articles held 20 times the pairs it was cut for)."""
    first, left, right = int(rows[0]), pairs[:, 0], pairs[:, 1]
    local = left - first
    every = tables.count or len(tables.source)

    def dot(table: _Rows, binary: bool = False) -> FloatArray:
        return _pair_dots(table, rows, local, right, binary)

    words = dot(tables.words) / (tables.word_norm[left] * tables.word_norm[right])
    best_mine = tables.best_words[left, tables.source[right]]
    best_theirs = tables.best_words[right, tables.source[left]]
    lemma_cosine = dot(tables.lemmas) / np.maximum(
        tables.lemma_norm[left] * tables.lemma_norm[right], 1e-9
    )
    smaller = np.minimum(tables.lemma_mass[left], tables.lemma_mass[right])
    shared_lemmas = dot(tables.lemma_sets)
    mine_size, their_size = tables.lemma_sizes[left], tables.lemma_sizes[right]
    shared_numbers = dot(tables.numbers)
    size, other_size = tables.log_size[left], tables.log_size[right]
    return {
        "tfidf": words,
        "tfidf_mutual": (
            (words >= best_mine - 1e-6) & (words >= best_theirs - 1e-6) & (words > 0)
        ).astype(np.float32),
        "tfidf_gap": np.minimum(words - best_mine, words - best_theirs),
        "lemma_jacc": shared_lemmas / np.maximum(mine_size + their_size - shared_lemmas, 1.0),
        "lemma_min": shared_lemmas / np.maximum(np.minimum(mine_size, their_size), 1.0),
        "lemma_idf": np.log1p(dot(tables.lemma_rarity)),
        "lemma_tfidf": lemma_cosine,
        "idf_contain": np.minimum(dot(tables.lemmas, True) / np.maximum(smaller, 1e-6), 1.0),
        "idf_maxshared": _pair_rarest_shared(tables.lemmas, rows, local, right)
        / np.float32(max(math.log(1.0 + every), 1e-6)),
        "seg_tfidf": _pair_segment_cosine(tables, rows, left, right),
        "bigram_shared": np.log1p(dot(tables.pairs)),
        "num_shared": np.minimum(shared_numbers, 2.0),
        "num_clash": (
            (shared_numbers == 0) & tables.has_numbers[left] & tables.has_numbers[right]
        ).astype(np.float32),
        "pred_same": (dot(tables.predicates) > 0).astype(np.float32),
        "verb_shared": np.minimum(dot(tables.verbs), 3.0),
        "len_min": np.minimum(size, other_size),
        "told_contain": np.minimum(
            dot(tables.told, True)
            / np.maximum(np.minimum(tables.told_mass[left], tables.told_mass[right]), 1e-6),
            1.0,
        ),
        "len_ratio": -np.abs(size - other_size),
    }


def _partner_entries(
    table: _Rows, rows: IntArray, local: IntArray, right: IntArray, binary: bool
) -> tuple[FloatArray, FloatArray, IntArray]:
    """For each entry of each pair's right unit: the left row's value in its column (1 for
    any nonzero with ``binary``), the entry's value, and the pair it belongs to."""
    block = table.dense(rows)
    entries, pair = table._entries(right)
    # one gather from the flat block: what ``block[local[pair], columns]`` reads
    left_values = block.ravel().take(local[pair] * table.width + table.columns[entries])
    if binary:
        left_values = (left_values > 0).astype(np.float32)
    return left_values, table.values[entries], pair


def _pair_dots(
    table: _Rows, rows: IntArray, local: IntArray, right: IntArray, binary: bool = False
) -> FloatArray:
    """The dot product of each pair's rows (the left one 0/1 with ``binary``)."""
    left_values, right_values, pair = _partner_entries(table, rows, local, right, binary)
    summed = np.bincount(pair, weights=left_values * right_values, minlength=len(right))
    return summed.astype(np.float32)


def _pair_rarest_shared(
    lemmas: _Rows, rows: IntArray, local: IntArray, right: IntArray
) -> FloatArray:
    """IDF of the rarest lemma each pair shares (0 when none): the table's values are IDF."""
    left_values, right_values, pair = _partner_entries(lemmas, rows, local, right, True)
    shared = left_values > 0
    out = np.zeros(len(right), dtype=np.float32)
    np.maximum.at(out, pair[shared], right_values[shared])
    return out


def _pair_segment_cosine(
    tables: _Tables[_Rows], rows: IntArray, left: IntArray, right: IntArray
) -> FloatArray:
    """The best cosine between a clause piece of each pair's left unit and one of its right
    unit (a unit's pieces are consecutive rows of the segment table; each has one or more)."""
    owner = tables.segment_owner
    start = np.searchsorted(owner, np.arange(len(tables.source) + 1))
    mine, theirs = np.diff(start)[left], np.diff(start)[right]
    combinations = mine * theirs
    pair = np.repeat(np.arange(len(left)), combinations)
    offset = np.arange(int(combinations.sum())) - np.repeat(
        np.cumsum(combinations) - combinations, combinations
    )
    first_piece = int(start[rows[0]])
    my_piece = start[left][pair] + offset // theirs[pair] - first_piece
    their_piece = start[right][pair] + offset % theirs[pair]
    pieces = np.arange(first_piece, int(start[rows[-1] + 1]))
    cosines = _pair_dots(tables.segments, pieces, my_piece, their_piece)
    bounds = np.cumsum(combinations) - combinations
    out: FloatArray = np.maximum.reduceat(cosines, bounds) if len(bounds) else cosines
    return out


def _score_every_pair(tables: _Tables[FloatArray], model: Model) -> tuple[IntArray, FloatArray]:
    """Every pair of different sources scored, a block of rows against every unit."""
    n = len(tables.source)
    kept: list[tuple[IntArray, FloatArray]] = []
    for start in range(0, n, BLOCK):
        rows = slice(start, min(start + BLOCK, n))
        scores = model.score(block_features(tables, rows))
        cross = tables.source[rows, None] != tables.source[None, :]
        scores = np.where(cross, scores, -1.0)
        offsets, columns = np.nonzero(scores >= model.threshold)
        ahead = start + offsets < columns  # each pair once, (i, j) with i < j
        offsets, columns = offsets[ahead], columns[ahead]
        pairs = np.stack([start + offsets, columns], axis=1).astype(np.int64)
        kept.append((pairs, scores[offsets, columns].astype(np.float32)))
    return _stacked(kept)


def _stacked(parts: list[tuple[IntArray, FloatArray]]) -> tuple[IntArray, FloatArray]:
    if not parts:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float32)
    return (
        np.concatenate([pairs for pairs, _ in parts]).astype(np.int64),
        np.concatenate([scores for _, scores in parts]).astype(np.float32),
    )


VIEW_ROWS = 64  # rows made dense at once: their pairs' features, their best cosines
PAIR_CHUNK = 4096  # candidate pairs whose features are computed at once
# The tables whose columns are a vocabulary (made dense whole when every pair is scored)
VOCABULARY_TABLES = frozenset(
    {"words", "lemmas", "lemma_sets", "lemma_rarity", "pairs", "numbers", "predicates", "verbs"}
    | {"told"}
)


def _word_view(
    tables: _Tables[_Rows], rows: IntArray, partners: IntArray, by_column: _ByColumn
) -> tuple[_Tables[FloatArray], IntArray]:
    """The word tables of ``rows`` (first) and their ``partners`` made dense, over the words
    the rows hold, with the norms of all units, and where each unit is in the view (-1 when
    absent): the word cosines in the view are those of the whole. The other tables are left
    whole, not to be read. ``by_column``: the word table's entries by column."""
    n = len(tables.source)
    members = np.concatenate([rows, np.setdiff1d(partners, rows)])
    position = np.full(n, -1, dtype=np.int64)
    position[members] = np.arange(len(members))
    parts: dict[str, object] = {f.name: getattr(tables, f.name) for f in fields(tables)}
    parts["words"] = by_column.dense(position, len(members), tables.words.held(rows))
    parts["word_norm"] = tables.word_norm[members]
    return _Tables(**parts), position  # type: ignore[arg-type]


@dataclass(frozen=True)
class _ByColumn:
    """A table's entries by column (compressed columns): a view over a few hundred of the
    words reads the entries of those words, not every entry of the units it holds (half of
    which are of other words)."""

    start: IntArray  # column c's entries are start[c] : start[c + 1], by row
    rows: IntArray
    values: FloatArray

    @classmethod
    def of(cls, table: _Rows) -> _ByColumn:
        owner = np.repeat(np.arange(len(table.start) - 1), np.diff(table.start))
        order = np.argsort(table.columns, kind="stable")
        start = np.searchsorted(table.columns[order], np.arange(table.width + 1))
        return cls(start.astype(np.int64), owner[order], table.values[order])

    def dense(self, position: IntArray, height: int, columns: IntArray) -> FloatArray:
        """The ``height`` rows over ``columns`` as a dense array, each row at its
        ``position`` (-1: a row left out): what ``_Rows.dense`` gives of those rows."""
        first = self.start[columns]
        counts = self.start[columns + 1] - first
        place = np.repeat(np.arange(len(columns)), counts)
        entries = np.arange(int(counts.sum()), dtype=np.int64) + np.repeat(
            first - (np.cumsum(counts) - counts), counts
        )
        where = position[self.rows[entries]]
        hit = where >= 0
        out = np.zeros((height, len(columns)), dtype=np.float32)
        out[where[hit], place[hit]] = self.values[entries[hit]]
        return out


def _best_over(tables: _Tables[_Rows], pairs: IntArray) -> FloatArray:
    """Each unit's best word cosine in each source it has a candidate in, over every unit of
    that source (so the features of a candidate pair are those of scoring every pair); -2
    for the other sources, as for a source with nothing to compare."""
    n = len(tables.source)
    sources = tables.best_words.shape[1]
    best = np.full((n, sources), -2.0, dtype=np.float32)
    start, neighbours = candidates.adjacency(pairs, n)
    by_source = np.argsort(tables.source, kind="stable")
    bounds = np.searchsorted(tables.source[by_source], np.arange(sources + 1))
    by_column = _ByColumn.of(tables.words)
    for first in range(0, n, VIEW_ROWS):
        rows = np.arange(first, min(first + VIEW_ROWS, n))
        met = np.unique(tables.source[neighbours[start[first] : start[rows[-1] + 1]]])
        if not len(met):
            continue
        partners = np.concatenate([by_source[bounds[s] : bounds[s + 1]] for s in met])
        view, position = _word_view(tables, rows, partners, by_column)
        cosine = _word_cosine(view, slice(0, len(rows)))[:, position[partners]]
        sizes = bounds[met + 1] - bounds[met]  # partners are the met sources' units in turn
        found = np.maximum.reduceat(cosine, np.cumsum(sizes) - sizes, axis=1)
        own = tables.source[rows, None] == met[None, :]
        best[rows[:, None], met[None, :]] = np.where(own, best[rows[:, None], met[None, :]], found)
    return best


def pair_features(
    statements: Sequence[Statement], names: Sequence[str]
) -> tuple[IntArray, FloatArray]:
    """Every pair (i, j), i < j, of statements of different sources, and its features ``names``
    as one row each: what the weights are fitted on (``benchmarks/train_alignment.py``)."""
    n = len(statements)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros((0, len(names)), dtype=np.float32)
    tables = _tables(statements)
    pairs, rows_of_features = [], []
    for start in range(0, n, BLOCK):
        rows = slice(start, min(start + BLOCK, n))
        features = block_features(tables, rows)
        own = np.arange(n)[rows]
        keep = (tables.source[rows, None] != tables.source[None, :]) & (
            own[:, None] < np.arange(n)[None, :]
        )
        offsets, columns = np.nonzero(keep)
        pairs.append(np.stack([own[offsets], columns], axis=1))
        rows_of_features.append(np.stack([features[f][offsets, columns] for f in names], axis=1))
    return np.concatenate(pairs).astype(np.int64), np.concatenate(rows_of_features)


def cliques(
    statements: Sequence[Statement],
    scores: dict[tuple[int, int], float],
    neighbours: dict[int, set[int]] | None = None,
) -> list[list[int]]:
    """Groups in which every two statements of different sources are themselves linked: the
    strongest link first, then every statement of another source linked to all members.
    ``neighbours``: :func:`_neighbours` of ``scores``, when the caller has it."""
    neighbours = _neighbours(scores) if neighbours is None else neighbours
    source = [statement.source for statement in statements]
    weight = _link_weights(scores)
    in_clique: dict[int, set[int]] = {}  # statement -> the cliques (by position) holding it
    groups: list[list[int]] = []
    # the strongest first, on a tie the earlier pair (a stable sort, as by ``-score``)
    for i, j in sorted(scores, key=scores.__getitem__, reverse=True):
        # a link is covered when an earlier clique holds both its ends
        if i in in_clique and j in in_clique and not in_clique[i].isdisjoint(in_clique[j]):
            continue
        group = [i, j]
        sources = {source[i], source[j]}  # of the group, as it grows
        common = neighbours[i] & neighbours[j]
        # most links share one neighbour or none: nothing to order (``sorted`` would still
        # score each one)
        if len(common) > 1:
            of_i, of_j = weight[i], weight[j]
            candidates = sorted(common, key=lambda k: -(of_i[k] + of_j[k]))
        else:
            candidates = list(common)
        for k in candidates:
            if source[k] in sources:
                continue
            linked = neighbours[k]
            if all(m in linked for m in group):  # linked to every member
                group.append(k)
                sources.add(source[k])
        position = len(groups)
        for m in group:
            in_clique.setdefault(m, set()).add(position)
        groups.append(sorted(group))
    return groups


def _link_weights(scores: dict[tuple[int, int], float]) -> dict[int, dict[int, float]]:
    """Each statement's linked statements and the links' scores: what :func:`pair_score`
    gives of a linked pair, a lookup without making its key."""
    weights: dict[int, dict[int, float]] = {}
    for (i, j), score in scores.items():
        weights.setdefault(i, {})[j] = score
        weights.setdefault(j, {})[i] = score
    return weights


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def pair_score(scores: dict[tuple[int, int], float], a: int, b: int) -> float:
    """The aligner's score of two statements (by index, in either order); 0 when unscored."""
    return scores.get((a, b) if a < b else (b, a), 0.0)  # ``_key`` inline: asked very often


def with_copies(groups: list[list[int]], statements: Sequence[Statement]) -> list[list[int]]:
    """Each group with the same sentence as copied by other articles of one of its sources:
    a wire copy counts once as a source, but its sentence is cited too."""
    sentence = [(statement.source, _normal(statement.text)) for statement in statements]
    same: dict[tuple[str, str], list[int]] = {}
    for statement, key in zip(statements, sentence, strict=True):
        same.setdefault(key, []).append(statement.index)
    expanded: dict[tuple[int, ...], None] = {}
    for group in groups:
        members = dict.fromkeys(group)
        for i in group:
            members.update(dict.fromkeys(same[sentence[i]]))
        expanded[tuple(sorted(members))] = None  # a copy's clique and its original's are one
    return [list(group) for group in expanded]


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def align(
    statements: Sequence[Statement], model: Model | None = None
) -> tuple[list[list[int]], dict[tuple[int, int], float]]:
    """Groups of statements of different sources that state one fact, and the linked pairs."""
    groups, scores, _ = aligned(statements, model)
    return groups, scores


def aligned(
    statements: Sequence[Statement],
    model: Model | None = None,
    band: Band | Literal["default"] | None = "default",
    links: int | None = None,
) -> tuple[list[list[int]], dict[tuple[int, int], float], dict[tuple[int, int], float]]:
    """The groups and linked pairs of :func:`align`, and every pair over the threshold,
    those that share only who said them included: two sentences that name one speaker are
    where a name written two ways is one person. ``band``: the second look at the pairs just
    under the threshold (the shipped one by default; None for none); ``links``: the links
    of each statement the grouping reads (``LINKS`` by default, :func:`grouped`)."""
    model = model or default_model()
    if len({s.source for s in statements}) < 2:
        return [], {}, {}
    told = [told_words(statement) for statement in statements]
    band = default_band() if band == "default" else band
    vectors = word_vectors() if band is not None else None
    floor = band.floor if band is not None and vectors is not None else model.threshold
    pairs, probabilities = scored_pairs(
        statements, replace(model, threshold=min(floor, model.threshold))
    )
    over = probabilities.astype(np.float64) >= model.threshold
    every = dict(zip(map(tuple, pairs[over].tolist()), probabilities[over].tolist(), strict=True))
    if band is not None and vectors is not None:
        limited = candidates.beyond_cap(statements)
        near = band_pairs(pairs[~over], probabilities[~over], told, band, limited)
        every.update(second_look(near, model, told, band, vectors))
    scores = {(i, j): p for (i, j), p in every.items() if not told[i].isdisjoint(told[j])}
    return grouped(statements, scores, links), scores, every


def grouped(
    statements: Sequence[Statement],
    scores: dict[tuple[int, int], float],
    bound: int | None = None,
    share: float | None = None,
) -> list[list[int]]:
    """The groups of linked statements, the grouping reading each statement's ``bound``
    strongest links (``LINKS`` by default; a link is kept when either end keeps it, so the
    links read grow with the statements). A statement whose links were cut may miss a fact's
    members the cliques need every link to; its groups are grown from their clique (the
    core) by the statements linked to ``share`` of it (:func:`grown`). Where no statement
    holds more than ``bound`` links, every link is read and nothing is grown."""
    bound = LINKS if bound is None else bound
    held = _links_held(scores)  # each statement's links, before the cut
    kept = strongest_links(scores, bound, held)
    neighbours = _neighbours(kept)  # read by each step below: found once
    groups = joined(cliques(statements, kept, neighbours), statements, kept, neighbours)
    if len(kept) < len(scores):
        cut = set(np.flatnonzero(held > bound).tolist())
        share = CORE_SHARE if share is None else share
        groups = grown(groups, statements, kept, cut, share, neighbours)
    groups = without_near_duplicates(groups, statements, kept)
    return with_copies(groups, statements)


def strongest_links(
    scores: dict[tuple[int, int], float], bound: int, held: IntArray | None = None
) -> dict[tuple[int, int], float]:
    """Each statement's ``bound`` strongest links (on a tie the earlier pair), a link kept
    when either end keeps it: at most ``bound`` links a statement are read for it.
    ``held``: :func:`_links_held` of ``scores``, when the caller has it."""
    if not scores:
        return scores
    held = _links_held(scores) if held is None else held
    if int(held.max()) <= bound:
        return scores
    pairs = np.array(list(scores), dtype=np.int64)
    everyone = np.ones(len(held), dtype=np.bool_)
    kept = candidates.strongest(pairs, list(scores.values()), everyone, bound).tolist()
    return {pair: p for (pair, p), keep in zip(scores.items(), kept, strict=True) if keep}


def _links_held(scores: dict[tuple[int, int], float]) -> IntArray:
    """How many links each statement (by index) holds."""
    held: IntArray = np.bincount(np.array(list(scores), dtype=np.int64).ravel())
    return held


def grown(
    groups: list[list[int]],
    statements: Sequence[Statement],
    kept: dict[tuple[int, int], float],
    cut: set[int],
    share: float,
    neighbours: dict[int, set[int]] | None = None,
) -> list[list[int]]:
    """The groups holding a statement whose links were cut (``cut``), each grown from its
    clique (its core): a statement of a source the group does not cite joins when it is
    linked to at least ``share`` of the core, and to two of its members or more (one link is
    not a fact in common: A-B and B-C do not make A and C one fact). A fact told by more
    sources than a statement keeps links to is so one group, not cliques of ``LINKS + 1``.
    A clique that lies mostly (half or more) in a group grown before it is the same fact told
    again: it is added to that group's core, which then takes the statements linked to
    ``share`` of the larger core; a clique whose members the grown group does not all take
    (another sentence of a source it cites) is kept beside it. ``neighbours``:
    :func:`_neighbours` of ``kept``, when the caller has it."""
    neighbours = _neighbours(kept) if neighbours is None else neighbours
    source = [statement.source for statement in statements]
    out: list[list[int]] = []
    grown_at: dict[int, _Grown] = {}  # position in out of a grown group -> its growth
    home_of: dict[int, set[int]] = {}  # statement -> grown groups (by position) holding it
    for group in groups:
        if cut.isdisjoint(group):
            out.append(group)
            continue
        home = _home(group, home_of)
        if home is None:  # a new fact: the clique is its core
            home = len(out)
            out.append(group)
            grown_at[home] = _Grown(source, neighbours, share, group)
            joining = sorted(grown_at[home].members)
        else:  # the same fact: the clique's members join the core of the group it lies in
            joining = grown_at[home].take_core(group)
        if not grown_at[home].members.issuperset(group):
            out.append(group)  # members the grown group does not take: the clique kept too
        for k in joining:
            home_of.setdefault(k, set()).add(home)
    for home, growth in grown_at.items():
        out[home] = sorted(growth.members)
    return out


def _home(group: list[int], home_of: dict[int, set[int]]) -> int | None:
    """The grown group holding half or more of ``group`` (the one holding most), if any."""
    held: dict[int, int] = {}
    for k in group:
        for position in home_of.get(k, ()):
            held[position] = held.get(position, 0) + 1
    if not held:
        return None
    position = max(held, key=lambda p: (held[p], -p))
    return position if 2 * held[position] >= len(group) else None


class _Grown:
    """A group grown from a core: its members (one a source), and how many of the core each
    statement linked to a core member is linked to, kept as the core grows (each core
    member's links are counted once, so growing costs the links of the core, not their
    number times the cliques folded in)."""

    def __init__(
        self, source: list[str], neighbours: dict[int, set[int]], share: float, core: list[int]
    ) -> None:
        self.source, self.neighbours, self.share = source, neighbours, share
        self.members: set[int] = set(core)
        self.sources = {self.source[k] for k in core}
        self.core: set[int] = set()
        self.links_to_core: Counter[int] = Counter()
        self.take_core(core)

    def take_core(self, clique: list[int]) -> list[int]:
        """Add ``clique`` to the core, then the statements of sources not yet cited that are
        linked to ``share`` of the core and to two of it or more, the most linked first;
        the statements that joined."""
        counted: set[int] = set()
        for m in clique:
            if m in self.core:
                continue
            self.core.add(m)
            linked = self.neighbours.get(m, set())
            self.links_to_core.update(linked)  # counted in C: the links of a large core
            counted |= linked
        need = max(2, math.ceil(self.share * len(self.core) - 1e-9))
        counts = self.links_to_core
        joiners = [k for k in counted - self.members if counts[k] >= need]
        joined = []
        for k in sorted(joiners, key=lambda k: (-counts[k], k)):
            if self.source[k] not in self.sources:
                joined.append(k)
                self.members.add(k)
                self.sources.add(self.source[k])
        return joined


def band_pairs(
    pairs: IntArray,
    scores: FloatArray,
    told: Sequence[frozenset[str]],
    band: Band,
    limited: candidates.BoolArray,
) -> dict[tuple[int, int], float]:
    """The pairs under the threshold (in the order scored) the second look looks at: from
    the band's floor up, sharing a told word; of a statement ``limited`` (beyond the
    candidate cap: a large comparison, where a statement has more pairs in the band the more
    articles tell its event) only its ``candidates.BAND_CAP`` best-scored ones, so that the
    looks grow with the statements."""
    # the floor in one comparison of the array; the told words, a set test a pair, only of
    # the pairs over it (most pairs a large comparison scores are far under the floor)
    over_floor = np.flatnonzero(scores.astype(np.float64) >= band.floor)
    rows: list[int] = []
    for start in range(0, len(over_floor), BLOCK * BLOCK):  # a slice at a time: few objects
        part = over_floor[start : start + BLOCK * BLOCK]
        firsts, seconds = pairs[part, 0].tolist(), pairs[part, 1].tolist()
        rows.extend(
            row
            for row, i, j in zip(part.tolist(), firsts, seconds, strict=True)
            if not told[i].isdisjoint(told[j])
        )
    looked = np.array(rows, dtype=np.int64)
    if limited.any():
        looked = looked[
            candidates.strongest(pairs[looked], scores[looked], limited, candidates.BAND_CAP)
        ]
    return dict(zip(map(tuple, pairs[looked].tolist()), scores[looked].tolist(), strict=True))


def second_look(
    near: dict[tuple[int, int], float],
    model: Model,
    told: Sequence[frozenset[str]],
    band: Band,
    vectors: WordVectors,
) -> dict[tuple[int, int], float]:
    """The pairs under the threshold that the band model links, at the threshold's score:
    two sentences that tell one happening in other words ("withdrew" / "pulled out") score
    just under it on shared words alone. Only pairs that share a told word are looked at."""
    looked = [
        ((i, j), score)
        for (i, j), score in near.items()
        if band.floor <= score < model.threshold and not told[i].isdisjoint(told[j])
    ]
    # the vectors of every word told once, and each statement's words as rows of them: a
    # statement's own copy of its vectors would take 1.5 KB a word, statement after statement
    involved = dict.fromkeys(k for pair, _ in looked for k in pair)
    # the words of each statement looked at once, not once a pair it is in
    vocabulary = sorted(frozenset().union(*(told[k] for k in involved)))
    table = vectors.of(vocabulary)
    column = {word: c for c, word in enumerate(vocabulary)}
    rows = {
        k: np.array([column[word] for word in sorted(told[k])], dtype=np.int64) for k in involved
    }
    similarities = _looked_similarities([pair for pair, _ in looked], table, rows)
    linked: dict[tuple[int, int], float] = {}
    for ((i, j), score), similarity in zip(looked, similarities, strict=True):
        if band.probability(score, similarity) >= band.threshold:
            linked[(i, j)] = model.threshold
    return linked


def _looked_similarities(
    pairs: list[tuple[int, int]], table: FloatArray, rows: dict[int, IntArray]
) -> list[float]:
    """:func:`_nearest_both_ways` of each pair's told words (``rows`` of ``table``), the pairs
    of one first statement at once: one product of its words with all its partners' words,
    not one small product a pair (the Python around a pair cost more than its product). The
    same numbers to float32 rounding (the product's sums may run in another order)."""
    partners: dict[int, list[int]] = {}  # first statement -> positions of its pairs
    for position, (i, _) in enumerate(pairs):
        partners.setdefault(i, []).append(position)
    similarities = [0.0] * len(pairs)
    pending = _PendingMeans(similarities)
    for i, positions in partners.items():
        seconds = [rows[pairs[p][1]] for p in positions]
        lengths = np.array([len(words) for words in seconds], dtype=np.int64)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        # the partners of one statement tell many of the same words: each word's products
        # are computed once, then spread to where it stands
        words, where = np.unique(np.concatenate(seconds), return_inverse=True)
        similarity = (table[rows[i]] @ table[words].T)[:, where]
        # each row's nearest of each partner, one partner's maxima a contiguous row, summed
        # as a pair's own ``across.sum()`` sums them
        across = np.ascontiguousarray(np.maximum.reduceat(similarity, starts, axis=1).T)
        pending.add(
            positions, across.sum(axis=1) / across.shape[1], similarity.max(axis=0), lengths
        )
    pending.flush()
    return similarities


class _PendingMeans:
    """The pairs of several first statements whose means of nearest words wait to be taken
    at once (:func:`_segment_means`), written to ``similarities`` when about
    ``PENDING_WORDS`` of their words wait: the work a call is spread over many pairs, the
    memory bounded whatever the pairs looked at."""

    def __init__(self, similarities: list[float]) -> None:
        self.similarities = similarities
        self.positions: list[int] = []
        self.across: list[FloatArray] = []
        self.downs: list[FloatArray] = []
        self.lengths: list[IntArray] = []
        self.words = 0

    def _clear(self) -> None:
        self.positions, self.across, self.downs, self.lengths = [], [], [], []
        self.words = 0

    def add(
        self, positions: list[int], across: FloatArray, down: FloatArray, lengths: IntArray
    ) -> None:
        self.positions.extend(positions)
        self.across.append(across)
        self.downs.append(down)
        self.lengths.append(lengths)
        self.words += len(down)
        if self.words >= PENDING_WORDS:
            self.flush()

    def flush(self) -> None:
        if not self.positions:
            return
        down_means = _segment_means(np.concatenate(self.downs), np.concatenate(self.lengths))
        # a pair's figure in float32, as its own means would give it
        both = np.float32(0.5) * (np.concatenate(self.across) + down_means)
        for position, similarity in zip(self.positions, both.tolist(), strict=True):
            self.similarities[position] = similarity
        self._clear()


PENDING_WORDS = 1 << 16  # words of the looked pairs whose means are taken at once (256 KB)


def _segment_means(values: FloatArray, lengths: IntArray) -> FloatArray:
    """The mean of each consecutive segment of ``values`` (``lengths`` long, none empty),
    summed as the segment's own ``.sum()`` sums it: the segments of one length gathered as
    the rows of one array and summed along them, one call a length, not one a segment."""
    starts = np.cumsum(lengths) - lengths
    sums = np.zeros(len(lengths), dtype=np.float32)
    for length in np.unique(lengths).tolist():
        segments = np.flatnonzero(lengths == length)
        gathered = values[starts[segments, None] + np.arange(length)[None, :]]
        sums[segments] = gathered.sum(axis=1)
    means: FloatArray = np.divide(sums, lengths.astype(np.float32))
    return means


def told_similarity(first: frozenset[str], second: frozenset[str], vectors: WordVectors) -> float:
    """How near in meaning two sets of told words are: each word's nearest word of the other
    set, averaged both ways (1 when the sets are the same)."""
    if not first or not second:
        return 0.0
    return _nearest_both_ways(vectors.of(sorted(first)), vectors.of(sorted(second)))


def _nearest_both_ways(first: FloatArray, second: FloatArray) -> float:
    similarity = first @ second.T
    across, down = similarity.max(axis=1), similarity.max(axis=0)
    # the means as float32 sums over the count: what .mean() gives, without its overhead
    return float(0.5 * (across.sum() / len(across) + down.sum() / len(down)))


def without_near_duplicates(
    groups: list[list[int]], statements: Sequence[Statement], scores: dict[tuple[int, int], float]
) -> list[list[int]]:
    """The groups without those that repeat a stronger one but for one sentence of a source
    it already cites (the same three sentences with a different fourth): one fact, one claim,
    and never two sentences of one source in it."""

    score_of = scores.get
    source = [statement.source for statement in statements]

    def strength(group: list[int]) -> tuple[int, float]:
        if all(a < b for a, b in pairwise(group)):  # in order (as grouped): each member's
            # pairs are those with the members after it, in the same order
            pairs = [score_of((a, b), 0.0) for x, a in enumerate(group) for b in group[x + 1 :]]
        else:
            pairs = [score_of((a, b), 0.0) for a in group for b in group if a < b]
        return len(group), sum(pairs) / max(1, len(pairs))

    kept: list[tuple[set[int], set[str]]] = []  # members and their sources
    holding: dict[int, list[int]] = {}  # statement -> kept groups holding it
    for group in sorted(groups, key=strength, reverse=True):
        members, sources = set(group), {source[k] for k in group}
        if len(members) < NEAR_DUPLICATE_SIZE:
            # it repeats nothing, nor does any group after it (they come largest first)
            kept.append((members, sources))
            continue
        # a kept group is at least as large (they come largest first), so one it repeats
        # holds all but one of its sentences: one of any two of them. Only the kept groups
        # holding the two of them held by the fewest are counted, not every group holding
        # any of its sentences (a statement is in a dozen groups of a large comparison).
        fewest = sorted(group, key=lambda k: len(holding.get(k, ())))[:2]
        nearby = dict.fromkeys(p for k in fewest for p in holding.get(k, ()))
        if not any(_repeats(members, sources, kept[p]) for p in nearby):
            for k in members:
                holding.setdefault(k, []).append(len(kept))
            kept.append((members, sources))
    chosen = {frozenset(members) for members, _ in kept}
    return [group for group in groups if frozenset(group) in chosen]


def _repeats(members: set[int], sources: set[str], other: tuple[set[int], set[str]]) -> bool:
    """Whether a group (``members`` of ``sources``) repeats a kept one (``other``: its
    members and sources): it cites no other source and all but one of its sentences, or of
    the kept one's when that is the smaller."""
    smaller = min(len(members), len(other[0]))
    return (
        smaller >= NEAR_DUPLICATE_SIZE
        and sources <= other[1]
        and len(members & other[0]) >= smaller - 1
    )


@lru_cache(maxsize=8192)  # statements hash by identity; asked of again and again by the grouping
def told_words(statement: Statement) -> frozenset[str]:
    """The content words of what a sentence tells, without its attribution ("..., police
    Lt. A. Smith said"): two sentences that share only who said them say different things."""
    kept = []
    after_speaker = False  # the segment before was "said <who>"
    for segment in statement.unit.segments:
        words = segment.split()
        if after_speaker and _apposition(words):
            continue  # "..., said Ines Darrow, a spokeswoman for the authority": who spoke
        after_speaker = bool(words) and words[0] in ATTRIBUTION_VERBS and len(words) > 1
        if not _attribution(words):
            kept.append(_without_speaker(words))
    return frozenset(
        word for words in kept for word in words if len(word) > 2 and word not in STOP_WORDS
    )


def _without_speaker(words: list[str]) -> list[str]:
    """A clause without the speaker it opens with ("police inspector a smith said the two
    fires were not related" -> "the two fires were not related")."""
    for position, word in enumerate(words[: SPEAKER_WORDS + 1]):
        if word in ATTRIBUTION_VERBS and position > 0:
            return words[position + 1 :]
    return words


def _apposition(words: list[str]) -> bool:
    """A short phrase describing who spoke ("a spokeswoman for the authority")."""
    return 0 < len(words) <= ATTRIBUTION_WORDS and words[0] in APPOSITION_OPENERS


def _attribution(words: list[str]) -> bool:
    return (
        len(words) <= ATTRIBUTION_WORDS
        and bool({words[0], words[-1]} & ATTRIBUTION_VERBS if words else False)
    ) or (words[:2] == ["according", "to"])


def joined(
    groups: list[list[int]],
    statements: Sequence[Statement],
    scores: dict[tuple[int, int], float],
    neighbours: dict[int, set[int]] | None = None,
) -> list[list[int]]:
    """Groups that share a statement made one when every pair of their union is linked and
    no source appears twice: one fact, one claim (the greedy cliques can cut one fully
    linked group in two). ``neighbours``: :func:`_neighbours` of ``scores``, when the caller
    has it."""
    linked = _neighbours(scores) if neighbours is None else neighbours
    source = [statement.source for statement in statements]
    merged: list[set[int]] = []  # each merged group's members, put in order once at the end
    home_of: dict[int, int] = {}  # statement -> index of the merged group holding it
    for group in groups:
        homes = sorted({home_of[k] for k in group if k in home_of})
        home = next((h for h in homes if _may_join(merged[h], group, source, linked)), None)
        if home is None:
            home = len(merged)
            merged.append(set())
        merged[home].update(group)
        home_of.update((k, home) for k in group)
    return [sorted(members) for members in merged]


def _may_join(
    first: set[int], second: list[int], source: list[str], linked: dict[int, set[int]]
) -> bool:
    union = first.union(second)
    if len({source[k] for k in union}) != len(union):
        return False
    # every pair linked: each member linked to all the others (links go both ways), one
    # set comparison a member rather than one lookup a pair
    return all(union - {a} <= linked.get(a, _NO_LINKS) for a in union)


_NO_LINKS: frozenset[int] = frozenset()


def _neighbours(scores: dict[tuple[int, int], float]) -> dict[int, set[int]]:
    """Each statement's linked statements."""
    neighbours: dict[int, set[int]] = {}
    for i, j in scores:
        neighbours.setdefault(i, set()).add(j)
        neighbours.setdefault(j, set()).add(i)
    return neighbours
