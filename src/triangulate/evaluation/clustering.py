"""Scoring story clustering on ECB+ (EventCorefBank+, topics 1-35 in ../shared/data).

Protocol (what :func:`evaluate_ecbplus` computes):

* Documents: every ``ECB+/<topic>/*.xml`` of the chosen topics, mixed together.  Text: the
  tokens joined with a space (none before closing punctuation and clitics), one sentence
  per line; in ``*ecbplus.xml`` documents sentence 0 is the source URL and is left out.
* Ids: ``e`` + 10 hex digits of the SHA-1 of the file name, so that sorting by id (the
  clusterer's tie-break) does not group documents by topic or event.
* Dates: ECB+ documents carry no reliable publication date, so every article is undated:
  the time window never rules a story out and only the years, days and figures mentioned
  in the texts separate events in time.
* Gold: event = topic + ``ecb``/``ecbplus`` (two similar but different events per topic);
  topic = topic number.
* Metric: B-cubed precision, recall and F1 over documents (Bagga & Baldwin 1998).
* Baseline: TF-IDF (sublinear tf, smoothed idf, the same word tokenizer) cosine with
  average-link agglomerative clustering (scipy), cut at a fixed distance.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from triangulate.evaluation.ecbplus import document_paths, is_plus, sentence_tokens
from triangulate.evaluation.scores import PrecisionRecall
from triangulate.models import Article
from triangulate.stories.cluster import (
    ClusterSettings,
    cluster_features,
    content_words,
    featurize,
)

BASELINE_CUT = 0.8  # cosine distance at which the average-link tree is cut
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


class BCubed(PrecisionRecall):
    """B-cubed precision and recall of a clustering against gold classes."""


@dataclass(frozen=True)
class ClusteringReport:
    documents: int
    events: int
    ours_event: BCubed
    ours_topic: BCubed
    baseline_event: BCubed
    baseline_topic: BCubed
    ours_clusters: int
    baseline_clusters: int
    ours_seconds: float


@dataclass(frozen=True)
class EcbDocument:
    article: Article
    topic: str
    event: str


def b_cubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> BCubed:
    """Item-averaged B-cubed precision and recall of ``predicted`` against ``gold`` labels."""
    items = list(gold)
    if not items:
        return BCubed(1.0, 1.0)
    pairs = Counter((predicted[i], gold[i]) for i in items)
    cluster_sizes = Counter(predicted[i] for i in items)
    gold_sizes = Counter(gold[i] for i in items)
    precision = recall = 0.0
    for (cluster, label), together in pairs.items():
        precision += together * together / cluster_sizes[cluster]
        recall += together * together / gold_sizes[label]
    return BCubed(precision / len(items), recall / len(items))


# ---------------------------------------------------------------- corpus


def _detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def ecb_document(path: Path, salt: str = "") -> EcbDocument:
    sentences = sentence_tokens(ElementTree.parse(path).getroot())
    plus = is_plus(path)
    lines = [_detokenise(w) for n, w in sorted(sentences.items()) if not (plus and n == 0)]
    identifier = "e" + hashlib.sha1((salt + path.name).encode("utf-8")).hexdigest()[:10]
    topic = path.name.split("_", 1)[0]
    article = Article(id=identifier, source=str(path), text="\n".join(lines))
    return EcbDocument(article, topic, f"{topic}{'+' if plus else ''}")


def load_ecbplus(
    folder: Path, topics: Sequence[int] | None = None, salt: str = ""
) -> list[EcbDocument]:
    """The documents of ``topics`` (default: every topic folder present), sorted by id.

    ``salt`` changes the ids, hence the order undated documents are clustered in.
    """
    paths = document_paths(folder, topics)
    return sorted((ecb_document(p, salt) for p in paths), key=lambda d: d.article.id)


# ---------------------------------------------------------------- systems


def cluster_ours(
    articles: Sequence[Article], settings: ClusterSettings | None = None
) -> dict[str, str]:
    """Article id -> story id, from the project's incremental clusterer."""
    stories = cluster_features([featurize(a) for a in articles], settings)
    return {article: story.id for story in stories for article in story.articles}


def cluster_baseline(articles: Sequence[Article], cut: float = BASELINE_CUT) -> dict[str, str]:
    """Article id -> cluster, from TF-IDF cosine average-link clustering cut at ``cut``."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage  # type: ignore[import-untyped]
    from scipy.spatial.distance import pdist  # type: ignore[import-untyped]

    if len(articles) < 2:
        return {a.id: "c0" for a in articles}
    matrix = _tfidf_matrix([_plain_terms(a.text) for a in articles])
    distances = np.clip(pdist(matrix, metric="cosine"), 0.0, 2.0)
    labels = fcluster(linkage(distances, method="average"), t=cut, criterion="distance")
    return {a.id: f"c{label}" for a, label in zip(articles, labels, strict=True)}


def _plain_terms(text: str) -> dict[str, float]:
    return {word: 1.0 + math.log(count) for word, count in content_words(text).items()}


def _tfidf_matrix(documents: Sequence[Mapping[str, float]]) -> object:
    import numpy as np

    vocabulary = {term: i for i, term in enumerate(sorted({t for d in documents for t in d}))}
    matrix = np.zeros((len(documents), len(vocabulary)), dtype=np.float64)
    for row, document in enumerate(documents):
        for term, weight in document.items():
            matrix[row, vocabulary[term]] = weight
    frequency = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(documents)) / (1 + frequency)) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


# ---------------------------------------------------------------- report


def evaluate_ecbplus(
    folder: Path,
    topics: Sequence[int] | None = None,
    settings: ClusterSettings | None = None,
    baseline_cut: float = BASELINE_CUT,
    salt: str = "",
) -> ClusteringReport:
    """Cluster the mixed documents with ours and with the baseline; B-cubed at both levels."""
    documents = load_ecbplus(folder, topics, salt)
    articles = [d.article for d in documents]
    events = {d.article.id: d.event for d in documents}
    topic_of = {d.article.id: d.topic for d in documents}
    started = time.perf_counter()
    ours = cluster_ours(articles, settings)
    seconds = time.perf_counter() - started
    baseline = cluster_baseline(articles, baseline_cut)
    return ClusteringReport(
        documents=len(documents),
        events=len(set(events.values())),
        ours_event=b_cubed(ours, events),
        ours_topic=b_cubed(ours, topic_of),
        baseline_event=b_cubed(baseline, events),
        baseline_topic=b_cubed(baseline, topic_of),
        ours_clusters=len(set(ours.values())),
        baseline_clusters=len(set(baseline.values())),
        ours_seconds=seconds,
    )
