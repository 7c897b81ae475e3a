"""Which pairs the comparison scores: a candidate index that keeps the work linear.

Scoring every pair of statements of different sources grows with the square of the
statements: fine for one event's coverage, not for a hundred articles. Each statement gets
at most ``CAP`` candidates of other sources:

- while it has at most ``CAP`` statements of other sources (the coverage of one event, which
  is what the alignment was fitted and measured on), every one of them: the scores, and so the
  claims, are those of scoring every pair;
- beyond that, the ``NEAREST`` statements of other sources that share its rarest content
  lemmas (IDF-weighted; a lemma held by more than ``POSTINGS`` statements is too common to
  find one fact by and is left out, which also bounds the work of the index itself). On the
  ECB+ training topics compared 160 articles at once, 64 candidates keep all but 2 of the
  604 labelled pairs the agreed claims join with 256 (docs/benchmarks.md, "Time to a
  dossier"), so the pairs scored stay a fixed number a statement as the articles grow;
- and beyond the cap, only in the articles near its own (``near_articles``: those whose rare
  lemmas are near, by a floor and by a share of the article's best cosine, and an article's
  few nearest): the articles of one event are all near one another, while another event fed
  with them (several stories at once, a stray article) is not searched, so its sentences
  neither link to this one's nor crowd out its candidates.

A pair is scored when either side keeps the other: at most 2 x ``CAP`` pairs a statement.
The linker's values are paired the same way, by the keys a link needs (``bucket_pairs``), and
beyond the cap only with values of near articles; the aligner's second look at the pairs just
under its threshold keeps, for a statement beyond ``CAP``, its ``BAND_CAP`` best-scored ones
(``strongest``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
import numpy.typing as npt

from triangulate.compare.statements import Statement

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
CAP = 256  # statements of other sources up to which every one is a candidate
NEAREST = 64  # candidates kept for a statement beyond the cap (fitted: docs/benchmarks.md)
POSTINGS = 1024  # a lemma in more statements than this does not make candidates
BAND_CAP = 32  # pairs under the threshold looked at again, for a statement beyond the cap


def source_ids(statements: Sequence[Statement]) -> IntArray:
    """Each statement's source as a small integer, in order of first appearance."""
    return _numbered(s.source for s in statements)


def _numbered(keys: Iterable[str]) -> IntArray:
    """Each key as a small integer, in order of first appearance."""
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(key, len(ids)) for key in keys], dtype=np.int64)


def below_cap(statements: Sequence[Statement], cap: int = CAP) -> bool:
    """Whether every statement has at most ``cap`` statements of other sources: then every
    pair of different sources is a candidate."""
    if not statements:
        return True
    source = source_ids(statements)
    return int((len(source) - np.bincount(source)[source]).max()) <= cap


def beyond_cap(statements: Sequence[Statement], cap: int = CAP) -> BoolArray:
    """Which statements have more than ``cap`` statements of other sources."""
    source = source_ids(statements)
    if not len(source):
        return np.zeros(0, dtype=np.bool_)
    out: BoolArray = (len(source) - np.bincount(source)[source]) > cap
    return out


def strongest(
    pairs: npt.ArrayLike, scores: npt.ArrayLike, limited: BoolArray, cap: int
) -> BoolArray:
    """Which pairs to keep: all of a statement that is not ``limited``; a limited statement
    keeps its ``cap`` highest-scored pairs (on a tie the earlier pair). A pair is kept when
    either side keeps it, so that at most ``cap`` pairs a limited statement are added."""
    ends = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    count = len(ends)
    if not count:
        return np.zeros(0, dtype=np.bool_)
    statement = np.concatenate([ends[:, 0], ends[:, 1]])
    score = np.tile(np.asarray(scores, dtype=np.float64), 2)
    pair = np.tile(np.arange(count), 2)
    order = np.lexsort((pair, -score, statement))
    ranked = statement[order]
    first = np.searchsorted(ranked, ranked, side="left")  # where each statement's pairs begin
    kept_here = (np.arange(2 * count) - first < cap) | ~limited[ranked]
    kept = np.zeros(count, dtype=np.bool_)
    np.logical_or.at(kept, pair[order], kept_here)
    return kept


def pairs_to_score(statements: Sequence[Statement], cap: int = CAP) -> IntArray | None:
    """The candidate pairs, or None for every pair of different sources: below the cap, and
    while the index keeps half of all pairs or more (whole blocks of rows then cost less than
    views, and every pair is at most twice the candidates: still linear)."""
    if below_cap(statements, cap):
        return None
    pairs = statement_pairs(statements, cap)
    return None if 2 * len(pairs) >= every_pair_count(statements) else pairs


def every_pair_count(statements: Sequence[Statement]) -> int:
    """How many pairs of statements of different sources there are."""
    counts = np.bincount(source_ids(statements)).astype(np.int64)
    return int((counts.sum() ** 2 - (counts**2).sum()) // 2)


def statement_pairs(
    statements: Sequence[Statement], cap: int = CAP, postings: int = POSTINGS
) -> IntArray:
    """The candidate pairs (i, j), i < j, of statements of different sources, one row each,
    sorted by i then j."""
    n = len(statements)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    source = source_ids(statements)
    others = n - np.bincount(source)[source]  # statements of other sources, per statement
    index = _LemmaIndex(statements, source, postings)
    article = article_ids(statements)
    near = near_articles(index, article)
    everyone: dict[int, IntArray] = {}  # per source: every statement of the other sources
    keys = []  # each pair as one number, low * n + high
    for i in range(n):
        if others[i] <= cap:
            if int(source[i]) not in everyone:
                everyone[int(source[i])] = np.flatnonzero(source != source[i])
            partners = everyone[int(source[i])]
        else:
            partners = index.nearest(i, min(cap, NEAREST), near, article)
        partners = partners.astype(np.int64)
        keys.append(np.minimum(partners, i) * n + np.maximum(partners, i))
    unique = np.unique(np.concatenate(keys))
    return np.stack([unique // n, unique % n], axis=1)


class _LemmaIndex:
    """Statements by the content lemmas they hold, for the lemmas rare enough to search by."""

    def __init__(self, statements: Sequence[Statement], source: IntArray, postings: int) -> None:
        self.source = source
        self.lemmas = [sorted(set(s.unit.lemmas)) for s in statements]
        holders: dict[str, list[int]] = {}
        for i, lemmas in enumerate(self.lemmas):
            for lemma in lemmas:
                holders.setdefault(lemma, []).append(i)
        n = len(statements)
        self.holders = {
            lemma: np.array(found, dtype=np.int64)
            for lemma, found in holders.items()
            if 1 < len(found) <= postings
        }
        self.idf = {lemma: math.log(n / len(found)) for lemma, found in self.holders.items()}

    def nearest(
        self,
        i: int,
        cap: int,
        near: BoolArray | None = None,
        article: IntArray | None = None,
    ) -> IntArray:
        """Up to ``cap`` statements of other sources sharing the most IDF weight of rare
        lemmas with statement ``i`` (ties: the earlier statement); of the articles ``near``
        statement ``i``'s when given (a row an article, :func:`near_articles`; ``article``:
        each statement's, :func:`article_ids`)."""
        rare = [lemma for lemma in self.lemmas[i] if lemma in self.holders]
        if not rare:
            return np.zeros(0, dtype=np.int64)
        hits = np.concatenate([self.holders[lemma] for lemma in rare])
        weights = np.concatenate(
            [np.full(len(self.holders[lemma]), self.idf[lemma]) for lemma in rare]
        )
        other = self.source[hits] != self.source[i]
        if near is not None and article is not None:
            other &= near[article[i], article[hits]]
        found, position = np.unique(hits[other], return_inverse=True)
        weight = np.bincount(position, weights[other], minlength=len(found))
        if len(found) > cap:
            found = found[np.lexsort((found, -weight))[:cap]]
        return found


# Articles near enough to look in (fitted on the ECB+ training topics: docs/benchmarks.md,
# "Time to a dossier"; ``benchmarks/bench_compare_scale.py --near`` prints the cosines)
NEAR_FLOOR = 0.1  # two articles of one event: 95% or more over it; of two topics: 99% under
NEAR_SHARE = 0.4  # and a share of the article's best cosine: the near stay as many as its event
NEAR_ARTICLES = 8  # an article's nearest kept whatever their cosine: none is left alone


def article_ids(statements: Sequence[Statement]) -> IntArray:
    """Each statement's article as a small integer, in order of first appearance."""
    return _numbered(s.article for s in statements)


def near_articles(
    index: _LemmaIndex, article: IntArray, share: float = NEAR_SHARE
) -> BoolArray | None:
    """Which articles each article's statements look for candidates in (a row an article):
    those whose rare lemmas are near its own (cosine of their IDF-weighted bags at least
    ``NEAR_FLOOR`` and at least ``share`` of its best cosine with another article),
    and its ``NEAR_ARTICLES`` nearest whatever their cosine, either way. Articles of one
    event share its names and words and pass; a second event fed with them (a careless
    grouping, a story's stray) mostly does not, so its sentences are not their candidates:
    fewer false links, and candidates that do not grow with the events fed together. The
    share is what keeps them from growing: over a fixed floor, the more events of one kind
    are fed, the more of another kind's articles an article finds near (of 160 training
    articles, 4% of the pairs of two topics, 2.5% of 80's), while its own event's reports
    are several times nearer than those. By article, not by source: an outlet's articles
    may tell several events. None (every article) when there are no more than
    ``NEAR_ARTICLES`` others."""
    articles = int(article.max()) + 1 if len(article) else 0
    if articles <= NEAR_ARTICLES + 1:
        return None
    cosine = _article_cosines(index, article)
    np.fill_diagonal(cosine, -1.0)
    nearest = np.argpartition(-cosine, NEAR_ARTICLES - 1, axis=1)[:, :NEAR_ARTICLES]
    best = cosine.max(axis=1, keepdims=True)
    near: BoolArray = (cosine >= NEAR_FLOOR) & (cosine >= share * best)
    near[np.arange(articles)[:, None], nearest] = True
    return near | near.T


def article_cosines(statements: Sequence[Statement]) -> npt.NDArray[np.float32]:
    """The cosines :func:`near_articles` reads: of the articles' bags of rare lemmas, a row
    and a column an article (numbered by :func:`article_ids`)."""
    index = _LemmaIndex(statements, source_ids(statements), POSTINGS)
    return _article_cosines(index, article_ids(statements))


def _article_cosines(index: _LemmaIndex, article: IntArray) -> npt.NDArray[np.float32]:
    bags = _bags(index, article, int(article.max()) + 1 if len(article) else 0)
    cosine: npt.NDArray[np.float32] = bags @ bags.T
    return cosine


def _bags(index: _LemmaIndex, article: IntArray, articles: int) -> npt.NDArray[np.float32]:
    """Each article's rare lemmas (those the index searches by), IDF-weighted, as unit rows;
    the columns only the lemmas two articles or more hold (the others add to a row's norm
    alone), so the table grows with what the articles share."""
    entries: dict[str, list[tuple[int, float]]] = {}
    for i, lemmas in enumerate(index.lemmas):
        for lemma in lemmas:
            if lemma in index.holders:
                entries.setdefault(lemma, []).append((int(article[i]), index.idf[lemma]))
    squares = np.zeros(articles, dtype=np.float64)  # of the lemmas one article alone holds
    rows: list[int] = []
    columns: list[int] = []
    weights: list[float] = []
    width: list[str] = []  # the shared lemmas, a column each
    for lemma, held in entries.items():
        summed: dict[int, float] = {}
        for row, weight in held:
            summed[row] = summed.get(row, 0.0) + weight
        if len(summed) < 2:
            for row, weight in summed.items():
                squares[row] += weight * weight
            continue
        shared = len(width)
        width.append(lemma)
        rows.extend(summed)
        weights.extend(summed.values())
        columns.extend([shared] * len(summed))
    bags = np.zeros((articles, len(width)), dtype=np.float32)
    if rows:
        bags[np.array(rows, dtype=np.int64), np.array(columns, dtype=np.int64)] = weights
    norms = np.sqrt((bags.astype(np.float64) ** 2).sum(axis=1) + squares)
    bags /= np.maximum(norms, 1e-9).astype(np.float32)[:, None]
    return bags


def adjacency(pairs: IntArray, n: int) -> tuple[IntArray, IntArray]:
    """The pairs as neighbour lists both ways: statement i's candidates are
    ``neighbours[start[i]:start[i + 1]]``, in increasing order."""
    both = np.concatenate([pairs, pairs[:, ::-1]]) if len(pairs) else np.zeros((0, 2), np.int64)
    order = np.lexsort((both[:, 1], both[:, 0]))
    both = both[order]
    start = np.searchsorted(both[:, 0], np.arange(n + 1)).astype(np.int64)
    return start, both[:, 1].astype(np.int64)


BUCKET_CAP = 64  # a value is paired with at most this many later values of one bucket
REACH = 4  # beyond the cap, how far down its bucket a value looks: this many times the cap


def bucket_pairs(
    keys: Sequence[Iterable[Hashable]],
    cap: int = BUCKET_CAP,
    near: BoolArray | None = None,
    group: IntArray | None = None,
) -> set[tuple[int, int]]:
    """The pairs (i, j), i < j, of values that share a key: every pair of a bucket of at most
    ``cap + 1`` values (any one event's), else each value with the ``cap`` values of its
    bucket that follow it, so that a key many values hold (a common verb in a hundred
    articles) adds pairs in proportion to them, not to their square.

    With ``near`` (:func:`near_articles`) and ``group`` (each value's row in it, -1 for a
    value of no article it knows), a value is paired only with values of articles near its
    own: the ``cap`` first of them among the ``REACH`` x ``cap`` values that follow it. A
    common verb's bucket holds every event's values; without the nearness the more events
    are fed, the more of a value's pairs are another event's."""
    buckets: dict[Hashable, list[int]] = {}
    for index, held in enumerate(keys):
        for key in dict.fromkeys(held):
            buckets.setdefault(key, []).append(index)
    if near is not None and group is not None:
        shared = [members for members in buckets.values() if len(members) > 1]
        return _near_followers(shared, cap, near, group)
    found: set[tuple[int, int]] = set()
    for members in buckets.values():
        for position, i in enumerate(members):
            found.update((i, j) for j in members[position + 1 : position + 1 + cap])
    return found


def _near_followers(
    buckets: list[list[int]], cap: int, near: BoolArray, group: IntArray
) -> set[tuple[int, int]]:
    """The pairs of :func:`bucket_pairs` with ``near``: the buckets laid end to end, every
    value looks one step further down its own at a time, and stops at ``cap`` pairs, at its
    bucket's end or ``REACH`` x ``cap`` steps down."""
    if not buckets:
        return set()
    flat = np.fromiter(itertools.chain.from_iterable(buckets), dtype=np.int64)
    lengths = np.array([len(members) for members in buckets], dtype=np.int64)
    ends = np.repeat(np.cumsum(lengths), lengths)  # where each value's bucket ends
    row = group[flat]
    taken = np.zeros(len(flat), dtype=np.int64)
    active = np.arange(len(flat), dtype=np.int64)
    firsts: list[IntArray] = []
    seconds: list[IntArray] = []
    for step in range(1, REACH * cap + 1):
        active = active[(active + step < ends[active]) & (taken[active] < cap)]
        if not len(active):
            break
        mine, theirs = row[active], row[active + step]
        known = (mine >= 0) & (theirs >= 0)
        paired = active[~known | near[np.maximum(mine, 0), np.maximum(theirs, 0)]]
        taken[paired] += 1
        firsts.append(flat[paired])
        seconds.append(flat[paired + step])
    return set(zip(np.concatenate(firsts).tolist(), np.concatenate(seconds).tolist(), strict=True))


def article_nearness(statements: Sequence[Statement]) -> tuple[BoolArray | None, dict[str, int]]:
    """:func:`near_articles` of ``statements`` (None: every article is near every other) and
    each article's row in it, by article id."""
    article = article_ids(statements)
    index = _LemmaIndex(statements, source_ids(statements), POSTINGS)
    rows = {s.article: int(number) for s, number in zip(statements, article, strict=True)}
    return near_articles(index, article), rows
