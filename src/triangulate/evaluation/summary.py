"""Scoring the dossier's summary against AllSides' neutral roundups (NeuS dev stories).

Protocol (what :func:`evaluate` computes):

* Stories: ``stories.jsonl`` of ``../shared/data/neus-dev``, one AllSides story a line: three
  outlets' leads (1-3 sentences each, with their headlines) and AllSides' neutral roundup.
  The leads carry no outlet name and no date: an article is named by its id.
* Reference: the roundup's body, without its ``TITLE=> ... ARTICLE=>`` headline.
* System: the three leads are read, compared and dated by the project's own steps
  (:func:`read_many` per story, :func:`compare`, :func:`build_timeline`), then summarised; the
  summary's sentences are joined with a space.
* Baselines, on the same reader's sentences in the same run: ``first-k``, the first sentence
  of outlet k (k = the story's article order, which is the NeuS split's random order, so no
  outlet is known to be the centre one); ``lead3-k``, its first three sentences; ``lexrank``,
  LexRank (Erkan & Radev 2004) over all sentences of the story up to a word budget (the mean
  length of the training roundups).
* Metric: ROUGE-1, ROUGE-2 and ROUGE-L F1 (:mod:`triangulate.evaluation.rouge`, equal to
  ``rouge-score`` with its Porter stemmer), averaged over stories, in points (x 100).
* Split: the first :data:`TRAIN_STORIES` stories in file order are for tuning, the rest are
  held out; figures are given for both and for all.
* Target: ROUGE-1 at least 2 points and ROUGE-L at least 1 point above every ``first-k``, and
  above every ``lead3-k`` and LexRank on both.
"""

from __future__ import annotations

import dataclasses
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from triangulate.compare.claims import compare
from triangulate.compose.summary import cosine, tfidf
from triangulate.compose.timeline import build_timeline
from triangulate.evaluation.rouge import porter_stem, rouge
from triangulate.models import Article, Claim, Reading, SummarySentence, TimelineEntry
from triangulate.nlp.encoder import TextEncoder
from triangulate.readers.reader import read_many

Summarizer = Callable[
    [Sequence[Article], Sequence[Reading], Sequence[Claim], Sequence[TimelineEntry]],
    list[SummarySentence],
]
METRICS = ("rouge1", "rouge2", "rougeL")
TRAIN_STORIES = 150
LEXRANK_THRESHOLD = 0.1  # edges of the cosine graph (Erkan & Radev's best threshold)
LEXRANK_DAMPING = 0.85
LEXRANK_REDUNDANT = 0.5  # cosine above which a sentence repeats one already picked
_WORD = re.compile(r"[a-z0-9]+")
_STOP_TEXT = """a about above after again against all am an and any are as at be because been
before being below between both but by can did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself said says say also"""
_LEXRANK_STOP_WORDS = frozenset(_STOP_TEXT.split())  # the stop list of the LexRank baseline


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Story:
    id: str
    articles: tuple[Article, ...]
    roundup: str  # the reference: the roundup's body


def roundup_body(roundup: str) -> str:
    """The roundup's text without its 'TITLE=> ... ARTICLE=>' headline."""
    return roundup.split("ARTICLE=>", 1)[1].strip() if "ARTICLE=>" in roundup else roundup


def load_stories(folder: Path) -> list[Story]:
    stories = []
    with open(folder / "stories.jsonl", encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            articles = tuple(
                Article(id=a["id"], source=a["id"], text=a["text"].strip(), title=a["title"])
                for a in data["articles"]
            )
            stories.append(Story(data["story"], articles, roundup_body(data["roundup"])))
    return stories


@dataclass(frozen=True)
class Built:
    """What the summary is made from: the story's readings, claims and timeline."""

    articles: tuple[Article, ...]
    readings: tuple[Reading, ...]
    claims: tuple[Claim, ...]
    timeline: tuple[TimelineEntry, ...]


def build_story(story: Story, encoder: TextEncoder) -> Built:
    """Read, compare and date one story's articles as a dossier build does."""
    articles = list(story.articles)
    readings = read_many(articles)
    claims = compare(articles, readings, encoder)
    timeline = build_timeline(articles, readings, encoder)
    return Built(tuple(articles), tuple(readings), tuple(claims), tuple(timeline))


# ---------------------------------------------------------------- baselines


def sentences_of(built: Built, index: int) -> list[str]:
    article = built.articles[index]
    reading = next(r for r in built.readings if r.article == article.id)
    return [s.evidence.text for s in reading.sentences]


def lead(built: Built, index: int, count: int) -> str:
    return " ".join(sentences_of(built, index)[:count])


def _terms(text: str) -> list[str]:
    return [porter_stem(w) for w in _WORD.findall(text.lower()) if w not in _LEXRANK_STOP_WORDS]


def lexrank(sentences: Sequence[str], budget: int) -> str:
    """Thresholded LexRank with power iteration; top sentences up to ``budget`` words."""
    if not sentences:
        return ""
    vectors = tfidf([_terms(s) for s in sentences])
    n = len(sentences)
    similar = [[cosine(vectors[i], vectors[j]) for j in range(n)] for i in range(n)]
    edges = [
        [1.0 if similar[i][j] > LEXRANK_THRESHOLD else 0.0 for j in range(n)] for i in range(n)
    ]
    degree = [sum(row) or 1.0 for row in edges]
    rank = [1.0 / n] * n
    for _ in range(100):
        updated = [
            (1 - LEXRANK_DAMPING) / n
            + LEXRANK_DAMPING * sum(edges[j][i] * rank[j] / degree[j] for j in range(n))
            for i in range(n)
        ]
        done = max(abs(x - y) for x, y in zip(updated, rank, strict=True)) < 1e-6
        rank = updated
        if done:
            break
    chosen: list[int] = []
    words = 0
    for i in sorted(range(n), key=lambda k: (-rank[k], k)):
        if words >= budget:
            break
        if any(similar[i][j] > LEXRANK_REDUNDANT for j in chosen):
            continue
        chosen.append(i)
        words += len(sentences[i].split())
    return " ".join(sentences[i] for i in chosen)


def baselines(built: Built, lexrank_words: int) -> dict[str, str]:
    """Every baseline's text for one story."""
    outlets = range(len(built.articles))
    texts = {f"first-{k}": lead(built, k, 1) for k in outlets}
    texts |= {f"lead3-{k}": lead(built, k, 3) for k in outlets}
    everything = [s for k in outlets for s in sentences_of(built, k)]
    texts["lexrank"] = lexrank(everything, lexrank_words)
    return texts


def is_baseline(name: str) -> bool:
    return name.startswith(("first-", "lead3-")) or name == "lexrank"


# ---------------------------------------------------------------- scoring


def score(reference: str, summary: str) -> dict[str, float]:
    """ROUGE-1/2/L F1 in points."""
    result = rouge(reference, summary)
    return {metric: 100 * result[metric].fmeasure for metric in METRICS}


@dataclass
class Results:
    """Per system (baselines included): each story's scores in order, words and seconds."""

    stories: list[str] = field(default_factory=list)
    scores: dict[str, list[dict[str, float]]] = field(default_factory=dict)
    words: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=dict)
    lexrank_words: int = 0

    def add(self, name: str, reference: str, text: str) -> dict[str, float]:
        row = score(reference, text)
        self.scores.setdefault(name, []).append(row)
        self.words[name] += len(text.split())
        return row

    def mean(self, name: str, metric: str, where: slice = slice(None)) -> float:
        rows = self.scores[name][where]
        return statistics.mean(r[metric] for r in rows) if rows else float("nan")


def lexrank_budget(stories: Sequence[Story]) -> int:
    """LexRank's word budget: the mean length of the training roundups."""
    train = stories[:TRAIN_STORIES]
    return round(statistics.mean(len(s.roundup.split()) for s in train)) if train else 0


@dataclass(frozen=True)
class StoryResult:
    story: Story
    texts: dict[str, str]  # every baseline's and system's text
    summaries: dict[str, list[SummarySentence]]  # every system's cited sentences


def evaluate(
    stories: Sequence[Story],
    systems: dict[str, Summarizer],
    build: Callable[[Story], Built],
    results: Results | None = None,
) -> Iterator[StoryResult]:
    """Score the systems and the baselines on each story (one story at a time, in order)."""
    results = results if results is not None else Results()
    results.lexrank_words = results.lexrank_words or lexrank_budget(stories)
    for story in stories:
        started = time.perf_counter()
        built = build(story)
        _add_time(results, "read+compare+timeline", started)
        texts = baselines(built, results.lexrank_words)
        summaries = {}
        for name, system in systems.items():
            started = time.perf_counter()
            summaries[name] = system(built.articles, built.readings, built.claims, built.timeline)
            _add_time(results, name, started)
            texts[name] = " ".join(s.text for s in summaries[name])
        results.stories.append(story.id)
        for name, text in texts.items():
            results.add(name, story.roundup, text)
        yield StoryResult(story, texts, summaries)


def _add_time(results: Results, name: str, started: float) -> None:
    results.seconds[name] = results.seconds.get(name, 0.0) + time.perf_counter() - started


@dataclass(frozen=True)
class Verdict:
    """The target on one part of the stories: a system against the best baselines."""

    rouge1: float
    rouge_l: float
    best_rouge1: float  # the best baseline's ROUGE-1 (any baseline)
    best_rouge_l: float
    best_first_rouge1: float  # the best first sentence's
    best_first_rouge_l: float
    met: bool

    def describe(self) -> str:
        return (
            f"R1 {self.rouge1:.2f} (best baseline {self.best_rouge1:.2f}, best first sentence"
            f" {self.best_first_rouge1:.2f}), RL {self.rouge_l:.2f} (best baseline"
            f" {self.best_rouge_l:.2f}, best first sentence {self.best_first_rouge_l:.2f}):"
            f" target {'met' if self.met else 'not met'}"
        )


def verdict(results: Results, system: str, where: slice = slice(None)) -> Verdict:
    """+2 ROUGE-1 and +1 ROUGE-L over every first sentence, above every lead-3 and LexRank."""
    names = [name for name in results.scores if is_baseline(name)]
    firsts = [name for name in names if name.startswith("first-")]

    def best(candidates: list[str], metric: str) -> float:
        return max(results.mean(name, metric, where) for name in candidates)

    r1, rl = results.mean(system, "rouge1", where), results.mean(system, "rougeL", where)
    found = Verdict(
        rouge1=r1,
        rouge_l=rl,
        best_rouge1=best(names, "rouge1"),
        best_rouge_l=best(names, "rougeL"),
        best_first_rouge1=best(firsts, "rouge1"),
        best_first_rouge_l=best(firsts, "rougeL"),
        met=False,
    )
    met = (
        r1 >= found.best_first_rouge1 + 2
        and rl >= found.best_first_rouge_l + 1
        and r1 > found.best_rouge1
        and rl > found.best_rouge_l
    )
    return dataclasses.replace(found, met=met)


# The training stories, the held-out ones and all.
PARTS = {
    "train": slice(0, TRAIN_STORIES),
    "held-out": slice(TRAIN_STORIES, None),
    "all": slice(None),
}
