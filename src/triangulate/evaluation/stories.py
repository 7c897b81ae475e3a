"""Story clustering on labelled, dated streams: with and without the dormant stage, against
TF-IDF average link at its best cut, in one run (B-cubed precision, recall and F1).

Streams (see :mod:`triangulate.evaluation.streams`):

* ``ecb-all``: ECB+ topics 1-35 mixed into one dated stream, each topic's two halves apart;
* ``ecb-dev``: the dev topics (2, 5, 12, 18, 21, 23, 34, 35) alone;
* ``ecb-dev-followup``: the follow-up stress stream (dev topics collided, stretched and
  thinned to 2-5 reports per event), mean over ``seeds`` draws;
* ``tbaq``: TimeBank + AQUAINT with labelled stories and real dates; ``tbaq-sparse``: 2-5
  reports per story, mean over draws;
* ``local-a`` to ``local-w``: invented local crime and accident reports with their
  follow-ups (local-a: three cities, twelve incidents of several kinds; local-b: one city's
  twenty shootings in five weeks; the others: see :mod:`triangulate.evaluation.streams`).

Nothing here is fitted: the late-link weights, the live threshold and the split test come from
ECB+ train topics (``benchmarks/fit_late_link.py``, ``benchmarks/fit_split.py``); the TF-IDF
cut is an oracle chosen on each stream's gold.
"""

from __future__ import annotations

import datetime
import functools
import statistics
from collections import Counter
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
    invented_stream,
    sparse,
    tbaq_stream,
    tfidf_matrix,
    topics_of,
)
from triangulate.stories.cluster import (
    ArticleFeatures,
    ClusterSettings,
    cluster_features,
    featurize,
)

# Invented local news (tests/evaluation/local_streams): built without ../shared
INVENTED_STREAMS = (
    "local-a",
    "local-b",
    "local-c",
    "local-d",
    "local-e",
    "local-f",
    "local-g",
    "local-h",
    "local-i",
    "local-j",
    "local-k",
    "local-l",
    "local-m",
    "local-n",
    "local-o",
    "local-p",
    "local-q",
    "local-r",
    "local-s",
    "local-t",
    "local-u",
    "local-v",
    "local-w",
)
STREAMS = ("ecb-all", "ecb-dev", "ecb-dev-followup", "tbaq", "tbaq-sparse", *INVENTED_STREAMS)
# The clusterer without the dormant stage: a story closes window_days after its last report
# (each "before" system has today's live threshold, not the one of its time).
WITHOUT_DORMANT = ClusterSettings(dormant_days=ClusterSettings.window_days, split_threshold=0.0)
# ... and before the split test: a story, once joined, was never taken apart.
WITHOUT_SPLIT = ClusterSettings(split_threshold=0.0, new_incident_test=False)
# ... and before the new-incident test: a late report of a fresh harm judged by its scores.
WITHOUT_NEW_INCIDENT = ClusterSettings(new_incident_test=False)
OURS = "dormant + late link + split test + new-incident test"
SYSTEMS: dict[str, ClusterSettings] = {
    "5-day window (before)": WITHOUT_DORMANT,
    "dormant + late link (before)": WITHOUT_SPLIT,
    "dormant + late link + split test (before)": WITHOUT_NEW_INCIDENT,
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
    """Features of each article computed once for each day of publication it is given (the
    days a report tells by a weekday, and whether its harms are news, count from that day,
    and only when it is not a guess)."""

    def __init__(self) -> None:
        self._features: dict[tuple[str, str | None, bool], ArticleFeatures] = {}

    def of(self, docs: Sequence[StreamDoc]) -> list[ArticleFeatures]:
        out = []
        for doc in docs:
            article = doc.article
            key = (article.id, article.published, article.published_inferred)
            known = self._features.get(key)
            if known is None:
                known = self._features[key] = featurize(article)
            out.append(known)
        return out


def named_streams(
    shared: Path,
    tbaq_gold: Path,
    names: Sequence[str] = STREAMS,
    seeds: int = 20,
    invented: Path | None = None,
) -> dict[str, list[list[StreamDoc]]]:
    """Each chosen stream as its draws (one for whole streams, ``seeds`` for sampled ones);
    the invented ones from their folders in ``invented`` (by default beside ``tbaq_gold``)."""
    data = shared / "data"
    local = invented or tbaq_gold.parent / "local_streams"
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
        **{name: functools.partial(_invented, local / name) for name in INVENTED_STREAMS},
    }
    return {name: built[name]() for name in names}


def _invented(folder: Path) -> list[list[StreamDoc]]:
    return [invented_stream(folder)]


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


# ---------------------------------------------------------------- what is left, explained

# The gates a split gold event's two pieces went through apart (see :func:`unjoined`).
SPLIT_TEST = "the split test"
LIVE = "the live threshold"
LATE = "the late link"
BEYOND = "the dormant days or the span"
GATES = (LIVE, LATE, BEYOND, SPLIT_TEST)


@dataclass(frozen=True)
class Unjoined:
    """Two stories of one gold event that stayed apart: their sizes, the days between their
    spans, the gate that kept them apart and their TF-IDF likeness (the mean cosine of their
    reports across, in the baseline's own vectors)."""

    gold: str
    sizes: tuple[int, int]
    gap_days: int
    gate: str
    tfidf: float


@dataclass(frozen=True)
class Mixed:
    """A story holding reports of two gold events (its two largest): their sizes and their
    TF-IDF likeness across and within the larger one."""

    sizes: tuple[int, int]
    tfidf_across: float
    tfidf_within: float | None


def unjoined(
    docs: Sequence[StreamDoc], settings: ClusterSettings | None = None
) -> tuple[list[Unjoined], list[Mixed]]:
    """Why each split gold event of a stream stayed split, and which stories are mixed.

    A pair of stories is told by the story holding most of each one's reports (its gold).  The
    gate: the split test when the clusterer without it keeps the two together; else, by the
    days between their spans, the live threshold (at most ``window_days``), the late link (at
    most ``dormant_days``) or neither (the story slept too long, or the span cap closed it).
    """
    import numpy as np

    settings = settings or ClusterSettings()
    features, gold = FeatureCache().of(docs), gold_of(docs)
    stories = cluster_features(features, settings)
    unsplit = {
        a: s.id
        for s in cluster_features(features, replace(settings, split_threshold=0.0))
        for a in s.articles
    }
    matrix = tfidf_matrix([f"{d.article.title or ''}\n{d.article.text}" for d in docs])
    cosines = (matrix @ matrix.T).toarray()
    row = {d.article.id: n for n, d in enumerate(docs)}
    day = {f.id: f.published for f in features}

    def likeness(first: list[str], second: list[str]) -> float:
        return float(cosines[np.ix_([row[a] for a in first], [row[a] for a in second])].mean())

    majority = {s.id: Counter(gold[a] for a in s.articles).most_common(1)[0][0] for s in stories}
    split: list[Unjoined] = []
    for n, one in enumerate(stories):
        for other in stories[n + 1 :]:
            if majority[one.id] != majority[other.id]:
                continue
            gap = _days_between([day[a] for a in one.articles], [day[a] for a in other.articles])
            if len({unsplit[a] for a in (*one.articles, *other.articles)}) == 1:
                gate = SPLIT_TEST
            else:
                gate = (
                    LIVE
                    if gap <= settings.window_days
                    else LATE
                    if gap <= settings.dormant_days
                    else BEYOND
                )
            sizes = (len(one.articles), len(other.articles))
            pair = likeness(list(one.articles), list(other.articles))
            split.append(Unjoined(majority[one.id], sizes, gap, gate, pair))
    mixed: list[Mixed] = []
    for story in stories:
        counts = Counter(gold[a] for a in story.articles).most_common(2)
        if len(counts) < 2:
            continue
        first = [a for a in story.articles if gold[a] == counts[0][0]]
        second = [a for a in story.articles if gold[a] == counts[1][0]]
        inside = [cosines[row[a], row[b]] for i, a in enumerate(first) for b in first[i + 1 :]]
        within = float(statistics.mean(inside)) if inside else None
        mixed.append(Mixed((len(first), len(second)), likeness(first, second), within))
    return split, mixed


def _days_between(first: Sequence[str | None], second: Sequence[str | None]) -> int:
    """Days from one set of dates' span to the other's (0 when they overlap or are undated)."""
    one = [datetime.date.fromisoformat(d).toordinal() for d in first if d]
    other = [datetime.date.fromisoformat(d).toordinal() for d in second if d]
    if not one or not other:
        return 0
    return max(0, min(other) - max(one), min(one) - max(other))


def explained(name: str, draws: Sequence[Sequence[StreamDoc]]) -> str:
    """What is left on a stream over its draws, as lines of text: split gold events by the
    gate that kept their pieces apart, and mixed stories, with their TF-IDF likeness."""
    split: list[Unjoined] = []
    mixed: list[Mixed] = []
    events = 0
    for docs in draws:
        more_split, more_mixed = unjoined(docs)
        split += more_split
        mixed += more_mixed
        events += len({u.gold for u in more_split})
    lines = [f"{name}: {events} gold events split ({len(split)} pairs of stories), "
             f"{len(mixed)} mixed stories, over {len(draws)} draws"]  # fmt: skip
    for gate in GATES:
        pairs = [u for u in split if u.gate == gate]
        if pairs:
            lines.append(
                f"  kept apart by {gate}: {len(pairs)} pairs, gap median "
                f"{statistics.median(u.gap_days for u in pairs):.0f} days, TF-IDF across median "
                f"{statistics.median(u.tfidf for u in pairs):.3f}"
            )
    if mixed:
        within = [m.tfidf_within for m in mixed if m.tfidf_within is not None]
        lines.append(
            f"  mixed stories: TF-IDF across median "
            f"{statistics.median(m.tfidf_across for m in mixed):.3f}, within the larger event "
            f"{statistics.median(within) if within else float('nan'):.3f}"
        )
    return "\n".join(lines)
