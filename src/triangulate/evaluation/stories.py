"""Story clustering on labelled, dated streams: with and without the dormant stage, against
TF-IDF average link at its best cut, in one run (B-cubed precision, recall and F1).

Streams (see :mod:`triangulate.evaluation.streams`):

* ``ecb-all``: ECB+ topics 1-35 mixed into one dated stream, each topic's two halves apart;
* ``ecb-dev``: the dev topics (2, 5, 12, 18, 21, 23, 34, 35) alone;
* ``ecb-dev-followup``: the follow-up stress stream (dev topics collided, stretched and
  thinned to 2-5 reports per event), mean over ``seeds`` draws;
* ``tbaq``: TimeBank + AQUAINT with labelled stories and real dates; ``tbaq-sparse``: 2-5
  reports per story, mean over draws.

Nothing here is fitted: the late-link weights and the split test come from ECB+ train topics
(``benchmarks/fit_late_link.py``, ``benchmarks/fit_split.py``); the TF-IDF cut is an oracle
chosen on each stream's gold.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from triangulate.evaluation.clustering import BCubed, b_cubed
from triangulate.evaluation.streams import (
    StreamDoc,
    TfidfTree,
    best_cut,
    ecbplus_stream,
    followup_stream,
    gold_of,
    sparse,
    tbaq_stream,
    topics_of,
)
from triangulate.stories.cluster import (
    ArticleFeatures,
    ClusterSettings,
    cluster_features,
    featurize,
)

STREAMS = ("ecb-all", "ecb-dev", "ecb-dev-followup", "tbaq", "tbaq-sparse")
# The clusterer before the dormant stage: a story closes window_days after its last report.
WITHOUT_DORMANT = ClusterSettings(dormant_days=ClusterSettings.window_days, split_threshold=0.0)
# ... and before the split test: a story, once joined, was never taken apart.
WITHOUT_SPLIT = ClusterSettings(split_threshold=0.0)
OURS = "dormant + late link + split test"
SYSTEMS: dict[str, ClusterSettings] = {
    "5-day window (before)": WITHOUT_DORMANT,
    "dormant + late link (before)": WITHOUT_SPLIT,
    OURS: ClusterSettings(),
}
TFIDF = "TF-IDF average link, best cut"
TFIDF_FIXED = "TF-IDF average link, cut fixed on ECB+ train"


@dataclass(frozen=True)
class Score:
    stream: str
    system: str
    documents: float
    stories: float
    precision: float
    recall: float
    f1: float
    note: str = ""


class FeatureCache:
    """Features of each article computed once; a re-dated copy only changes ``published``."""

    def __init__(self) -> None:
        self._features: dict[str, ArticleFeatures] = {}

    def of(self, docs: Sequence[StreamDoc]) -> list[ArticleFeatures]:
        out = []
        for doc in docs:
            article = doc.article
            known = self._features.get(article.id)
            if known is None:
                known = self._features[article.id] = featurize(article)
            out.append(replace(known, published=article.published))
        return out


def named_streams(
    shared: Path, tbaq_gold: Path, names: Sequence[str] = STREAMS, seeds: int = 20
) -> dict[str, list[list[StreamDoc]]]:
    """Each chosen stream as its draws (one for whole streams, ``seeds`` for sampled ones)."""
    data = shared / "data"
    built: dict[str, Callable[[], list[list[StreamDoc]]]] = {
        "ecb-all": lambda: [ecbplus_stream(data)],
        "ecb-dev": lambda: [ecbplus_stream(data, topics_of(data, "dev"))],
        "ecb-dev-followup": lambda: _draws(
            ecbplus_stream(data, topics_of(data, "dev")), followup_stream, seeds
        ),
        "tbaq": lambda: [tbaq_stream(data, tbaq_gold)],
        "tbaq-sparse": lambda: _draws(
            tbaq_stream(data, tbaq_gold), lambda d, s: sparse(d, 5, s), seeds
        ),
    }
    return {name: built[name]() for name in names}


def _draws(
    docs: list[StreamDoc], draw: Callable[[list[StreamDoc], int], list[StreamDoc]], seeds: int
) -> list[list[StreamDoc]]:
    return [draw(docs, seed) for seed in range(seeds)]


def clustered(features: Sequence[ArticleFeatures], settings: ClusterSettings) -> dict[str, str]:
    """Article id -> story id."""
    stories = cluster_features(features, settings)
    return {article: story.id for story in stories for article in story.articles}


Labelled = tuple[list[ArticleFeatures], dict[str, str]]  # a stream's features and its gold


def labelled_streams(streams: Sequence[Sequence[StreamDoc]]) -> list[Labelled]:
    """Each stream's features (each article featurized once for all) and its gold stories."""
    cache = FeatureCache()
    return [(cache.of(docs), gold_of(docs)) for docs in streams]


def mean_f1(streams: Sequence[Labelled], settings: ClusterSettings) -> float:
    """The mean B-cubed F1 of the clusterer with ``settings`` over labelled streams (what the
    fitting scripts compare settings by)."""
    return statistics.mean(b_cubed(clustered(f, settings), gold).f1 for f, gold in streams)


def evaluate_streams(
    streams: Mapping[str, list[list[StreamDoc]]],
    systems: Mapping[str, ClusterSettings] | None = None,
    fixed_cut: float | None = None,
) -> list[Score]:
    """B-cubed of every system on every stream (mean over draws), TF-IDF at each stream's
    best cut (an oracle) and, when given, at ``fixed_cut`` (chosen on other data)."""
    cache = FeatureCache()
    scores: list[Score] = []
    for name, draws in streams.items():
        found: dict[str, list[BCubed]] = {}
        cuts = []
        for docs in draws:
            gold = gold_of(docs)
            features = cache.of(docs)
            for system, settings in (systems or SYSTEMS).items():
                found.setdefault(system, []).append(b_cubed(clustered(features, settings), gold))
            tree = TfidfTree.build([d.article for d in docs])
            cut, baseline = best_cut(tree, gold)
            found.setdefault(TFIDF, []).append(baseline)
            cuts.append(cut)
            if fixed_cut is not None:
                found.setdefault(TFIDF_FIXED, []).append(b_cubed(tree.cut(fixed_cut), gold))
        documents = statistics.mean(len(d) for d in draws)
        stories = statistics.mean(len({x.gold for x in d}) for d in draws)
        for system, values in found.items():
            note = f"cut {statistics.mean(cuts):.3f}" if system == TFIDF else ""
            note = f"cut {fixed_cut}" if system == TFIDF_FIXED else note
            scores.append(
                Score(
                    name,
                    system,
                    documents,
                    stories,
                    statistics.mean(v.precision for v in values),
                    statistics.mean(v.recall for v in values),
                    statistics.mean(v.f1 for v in values),
                    note,
                )
            )
    return scores


def markdown(scores: Sequence[Score]) -> str:
    lines = [
        "| stream | documents | stories | system | P | R | F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in scores:
        system = f"{s.system} ({s.note})" if s.note else s.system
        lines.append(
            f"| {s.stream} | {s.documents:.0f} | {s.stories:.0f} | {system} | {s.precision:.3f} "
            f"| {s.recall:.3f} | {s.f1:.3f} |"
        )
    return "\n".join(lines)


def train_cut(shared: Path) -> float:
    """The TF-IDF cut with the best B-cubed F1 on the ECB+ train topics' dated stream."""
    data = shared / "data"
    docs = ecbplus_stream(data, topics_of(data, "train"))
    cut, _ = best_cut(TfidfTree.build([d.article for d in docs]), gold_of(docs))
    return cut
